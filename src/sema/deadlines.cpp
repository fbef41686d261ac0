// Task deadlines: periods (date, quarter, month, year) to day ranges, recurring deadlines to their
// rounds' due days, `within N days` to one due day, and their Vietnamese wording; an obligation's years.
#include <chitieu/date.hpp>

#include <string>
#include <string_view>

#include "context.hpp"

namespace chitieu::sema::detail {
namespace {

struct day_range {
  std::int32_t first = 0, last = 0;
  std::string text;  // "quý II/2026", "ngày 10/12/2025", "năm 2026", "tháng 12/2025"
};

char const* roman(unsigned q) {
  static char const* const names[] = {"", "I", "II", "III", "IV"};
  return q <= 4 ? names[q] : "";
}

bool valid_year(unsigned y) { return y >= 1900 && y <= 2200; }

std::optional<day_range> resolve_period(check_context& cx, ast::period const& p) {
  struct visitor {
    check_context& cx;
    std::optional<day_range> operator()(ast::date_lit const& d) const {
      if (!is_valid_date(static_cast<int>(d.year), d.month, d.day) || !valid_year(d.year)) {
        cx.error("sema.bad_date", d.span, say(cx.lang, "not a calendar date"));
        return std::nullopt;
      }
      auto day = days_from_civil({static_cast<int>(d.year), d.month, d.day});
      return day_range{day, day, "ngày " + format_vn_date(day)};
    }
    std::optional<day_range> operator()(ast::quarter_lit const& q) const {
      if (q.quarter < 1 || q.quarter > 4 || !valid_year(q.year)) {
        cx.error("sema.bad_period", q.span, say(cx.lang, "a quarter is Q1 to Q4 of a year 1900–2200"));
        return std::nullopt;
      }
      int y = static_cast<int>(q.year);
      unsigned m0 = (q.quarter - 1) * 3 + 1;
      auto first = days_from_civil({y, m0, 1});
      auto last = days_from_civil({y, m0 + 2, days_in_month(y, m0 + 2)});
      return day_range{first, last, std::string("quý ") + roman(q.quarter) + "/" + std::to_string(y)};
    }
    std::optional<day_range> operator()(ast::slash_lit const& s) const {
      if (s.second < 1000) {
        cx.error("sema.bad_period", s.span,
                 say(cx.lang, "a deadline period needs a year: write MM/YYYY, or use 'every year by DD/MM'"));
        return std::nullopt;
      }
      if (s.first < 1 || s.first > 12 || !valid_year(s.second)) {
        cx.error("sema.bad_period", s.span, say(cx.lang, "not a month: write MM/YYYY"));
        return std::nullopt;
      }
      int y = static_cast<int>(s.second);
      auto first = days_from_civil({y, s.first, 1});
      auto last = days_from_civil({y, s.first, days_in_month(y, s.first)});
      return day_range{first, last,
                       "tháng " + std::to_string(s.first) + "/" + std::to_string(y)};
    }
    std::optional<day_range> operator()(ast::year_lit const& yl) const {
      if (!valid_year(yl.year)) {
        cx.error("sema.bad_period", yl.span, say(cx.lang, "year out of range 1900–2200"));
        return std::nullopt;
      }
      int y = static_cast<int>(yl.year);
      return day_range{days_from_civil({y, 1, 1}), days_from_civil({y, 12, 31}),
                       "năm " + std::to_string(y)};
    }
  };
  return detail::visit(visitor{cx}, p);
}

}  // namespace

bool resolve_day_month(check_context& cx, ast::slash_lit const& s, unsigned& day, unsigned& month) {
  // 2024 is a leap year, so 29/02 is accepted here and clamped per year when judged.
  if (s.second < 1 || s.second > 12 || s.first < 1 || s.first > days_in_month(2024, s.second)) {
    cx.error("sema.bad_period", s.span, say(cx.lang, "not a day of the year: write DD/MM"));
    return false;
  }
  day = s.first;
  month = s.second;
  return true;
}

bool check_interval(check_context& cx, unsigned n, source_span span, char const* unit) {
  if (n >= 1) return true;
  if (std::string_view(unit) == "days")
    cx.error("sema.bad_interval", span, say(cx.lang, "'within 0 days' leaves no time: write at least 1, or 'by DATE'"));
  else
    cx.error("sema.bad_interval", span, say(cx.lang, "0 {0} never comes round: write at least 1", {unit}));  // `every 0 years`: the keyword
  return false;
}

bool check_recurrence_year(check_context& cx, unsigned year, source_span span) {
  if (valid_year(year)) return true;
  cx.error("sema.bad_period", span, say(cx.lang, "year out of range 1900–2200"));
  return false;
}

void resolve_years(check_context& cx, ast::every_item const& every, document const& doc, obligation& o) {
  o.from_year = every.from ? static_cast<int>(*every.from) : 0;
  o.until_year = every.until ? static_cast<int>(*every.until) : 0;
  if ((every.from && !check_recurrence_year(cx, *every.from, every.span)) ||
      (every.until && !check_recurrence_year(cx, *every.until, every.span)))
    o.from_year = o.until_year = 0;
  else if (o.until_year && o.until_year < o.from_year)
    cx.error("sema.bad_period", every.span, say(cx.lang, "the years end before they start"));
  if (check_interval(cx, every.interval, every.span, "years")) o.every_years = static_cast<int>(every.interval);
  // "định kỳ 5 năm" counts from `from`, else from the plan's own year (docs/language.md).
  o.start_year = o.from_year ? o.from_year : doc.date ? civil_from_days(*doc.date).year : 0;
}

namespace {

/// D of `every month by D` and `every quarter by D`. 29–31 is allowed: a shorter month's round falls
/// due on its last day, as a report due "ngày 31 hằng tháng" is in practice.
bool check_day_of_month(check_context& cx, ast::deadline const& d) {
  if (d.day >= 1 && d.day <= 31) return true;
  cx.error("sema.bad_day_of_month", d.span,
           say(cx.lang, "day {0} is not a day of the month: write 1 to 31", {std::to_string(d.day)}));
  return false;
}

/// `every N years by DD/MM [from YYYY]`.
deadline resolve_yearly(check_context& cx, ast::deadline const& d, document const& doc) {
  deadline out;
  auto const* s = d.first ? boost::get<ast::slash_lit>(&d.first->get()) : nullptr;
  if (!s || !resolve_day_month(cx, *s, out.day, out.month)) return deadline{};
  if (!check_interval(cx, d.count, d.span, "years")) return deadline{};
  if (d.second) {
    auto const* y = boost::get<ast::year_lit>(&d.second->get());
    if (!y) {
      cx.error("sema.bad_period", detail::visit([](auto const& p) { return p.span; }, *d.second),
               say(cx.lang, "'from' takes a year (YYYY): the year of the first round"));
      return deadline{};
    }
    if (!check_recurrence_year(cx, y->year, y->span)) return deadline{};
    out.from_year = static_cast<int>(y->year);
  } else if (d.count > 1 && doc.date) {
    out.from_year = civil_from_days(*doc.date).year;  // "định kỳ 5 năm" counts from the plan's year
  }
  out.kind = deadline_kind::yearly;
  out.every_years = static_cast<int>(d.count);
  auto day = std::to_string(out.day) + "/" + std::to_string(out.month);
  if (d.count == 1) {
    out.text = "Trước ngày " + day + " hằng năm";
  } else {
    out.text = "Trước ngày " + day + ", định kỳ " + std::to_string(d.count) + " năm";
  }
  if (out.from_year) out.text += " (từ năm " + std::to_string(out.from_year) + ")";
  return out;
}

/// `within N days of issue` or `of DATE`: one due day, N days after the start.
deadline resolve_within(check_context& cx, ast::deadline const& d, document const& doc) {
  if (!check_interval(cx, d.count, d.span, "days")) return deadline{};
  std::int32_t start = 0;
  std::string from;
  if (!d.first) {
    if (!doc.date) {
      cx.error("sema.undated_issue", d.span,
               say(cx.lang, "'of issue' needs the document's date: add 'date YYYY-MM-DD' to document {0}", {quote(doc.id)}));
      return deadline{};
    }
    start = *doc.date;
    from = "ngày ban hành";
  } else {
    auto const* date = boost::get<ast::date_lit>(&d.first->get());
    if (!date) {
      cx.error("sema.bad_period", detail::visit([](auto const& p) { return p.span; }, *d.first),
               say(cx.lang, "'of' takes 'issue' or a date (YYYY-MM-DD)"));
      return deadline{};
    }
    auto range = resolve_period(cx, *d.first);
    if (!range) return deadline{};
    start = range->first;
    from = "ngày " + format_vn_date(start);
  }
  deadline out;
  out.kind = deadline_kind::by;
  out.due = start + static_cast<std::int32_t>(d.count);
  out.text = "Trong vòng " + std::to_string(d.count) + " ngày kể từ " + from + " (đến ngày " +
             format_vn_date(out.due) + ")";
  return out;
}

}  // namespace

deadline resolve_deadline(check_context& cx, ast::deadline const& d, document const& doc) {
  using ast_kind = ast::deadline_kind;
  switch (d.kind) {
    case ast_kind::yearly: return resolve_yearly(cx, d, doc);
    case ast_kind::within: return resolve_within(cx, d, doc);
    case ast_kind::monthly:
    case ast_kind::quarterly: {
      if (!check_day_of_month(cx, d)) return deadline{};
      deadline out;
      bool monthly = d.kind == ast_kind::monthly;
      out.kind = monthly ? deadline_kind::monthly : deadline_kind::quarterly;
      out.day = d.day;
      out.text = "Trước ngày " + std::to_string(d.day) +
                 (monthly ? " hằng tháng" : " tháng cuối mỗi quý");
      return out;
    }
    default: break;
  }
  deadline out;
  std::optional<day_range> first, second;
  if (d.first) {
    first = resolve_period(cx, *d.first);
    if (!first) return out;
  }
  if (d.second) {
    second = resolve_period(cx, *d.second);
    if (!second) return out;
  }
  switch (d.kind) {
    case ast::deadline_kind::ongoing:
      out.kind = deadline_kind::ongoing;
      out.text = "Thường xuyên";
      break;
    case ast::deadline_kind::by:
      out.kind = deadline_kind::by;
      out.due = first->last;
      out.text = "Chậm nhất " + first->text;
      break;
    case ast::deadline_kind::during:
      out.kind = deadline_kind::during;
      out.start = first->first;
      out.due = first->last;
      out.text = "Trong " + first->text;
      break;
    case ast::deadline_kind::from:
      out.start = first->first;
      if (second) {
        if (second->last < first->first) {
          cx.error("sema.bad_period", d.span, say(cx.lang, "the period ends before it starts"));
          return deadline{};
        }
        out.kind = deadline_kind::range;
        out.due = second->last;
        out.text = "Từ " + first->text + " đến " + second->text;
      } else {
        out.kind = deadline_kind::from;
        out.text = "Từ " + first->text;
      }
      break;
    default: break;  // the recurring and relative forms are resolved above
  }
  return out;
}

}  // namespace chitieu::sema::detail
