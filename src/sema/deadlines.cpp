// Task deadlines: periods (date, quarter, month, year) to day ranges, and their Vietnamese wording.
#include <chitieu/date.hpp>

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
        cx.error("sema.bad_date", d.span, "not a calendar date");
        return std::nullopt;
      }
      auto day = days_from_civil({static_cast<int>(d.year), d.month, d.day});
      return day_range{day, day, "ngày " + format_vn_date(day)};
    }
    std::optional<day_range> operator()(ast::quarter_lit const& q) const {
      if (q.quarter < 1 || q.quarter > 4 || !valid_year(q.year)) {
        cx.error("sema.bad_period", q.span, "a quarter is Q1 to Q4 of a year 1900–2200");
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
                 "a deadline period needs a year: write MM/YYYY, or use 'every year by DD/MM'");
        return std::nullopt;
      }
      if (s.first < 1 || s.first > 12 || !valid_year(s.second)) {
        cx.error("sema.bad_period", s.span, "not a month: write MM/YYYY");
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
        cx.error("sema.bad_period", yl.span, "year out of range 1900–2200");
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
    cx.error("sema.bad_period", s.span, "not a day of the year: write DD/MM");
    return false;
  }
  day = s.first;
  month = s.second;
  return true;
}

deadline resolve_deadline(check_context& cx, ast::deadline const& d) {
  deadline out;
  std::optional<day_range> first, second;
  if (d.first && d.kind != ast::deadline_kind::yearly) {
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
          cx.error("sema.bad_period", d.span, "the period ends before it starts");
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
    case ast::deadline_kind::yearly: {
      auto const* s = d.first ? boost::get<ast::slash_lit>(&d.first->get()) : nullptr;
      if (!s || !resolve_day_month(cx, *s, out.day, out.month)) return deadline{};
      out.kind = deadline_kind::yearly;
      out.text = "Trước ngày " + std::to_string(out.day) + "/" + std::to_string(out.month) +
                 " hằng năm";
      break;
    }
  }
  return out;
}

}  // namespace chitieu::sema::detail
