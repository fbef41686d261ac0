// Number and value formatting, Vietnamese (1.234,5) or English (1,234.5).
#include <chitieu/report/format.hpp>

#include <chitieu/date.hpp>
#include <chitieu/number.hpp>

#include <cctype>
#include <cmath>
#include <cstdio>

namespace chitieu::report {

std::string format_number(double x, int decimals, language lang) {
  std::string s = format_vn_number(x, decimals);
  if (lang != language::en) return s;
  // The same digits with the separators swapped: one rounding rule for both languages.
  for (char& c : s) c = c == '.' ? ',' : c == ',' ? '.' : c;
  return s;
}

std::string agree(language lang, std::string const& number, std::string out) {
  if (lang != language::en || number != "1") return out;
  // The noun is the word after the number (after "percentage" for points): drop its plural "s".
  // From the end (a list of names before it may hold the digits too), and not the tail of "21".
  auto at = out.rfind(number + " ");
  while (at != std::string::npos && at > 0 && std::isdigit(static_cast<unsigned char>(out[at - 1])))
    at = at > 1 ? out.rfind(number + " ", at - 1) : std::string::npos;
  if (at == std::string::npos) return out;
  auto word = at + number.size() + 1;
  for (std::string_view skip : {"more ", "missing ", "percentage "})
    if (out.compare(word, skip.size(), skip) == 0) word += skip.size();
  auto end = out.find_first_of(" ,;:)", word);
  if (end == std::string::npos) end = out.size();
  if (end > word + 1 && out[end - 1] == 's') out.erase(end - 1, 1);
  return out;
}

using sema::shown_as_percent;

std::string display_unit(sema::value_type const& type) {
  if (shown_as_percent(type)) return "%";
  if (type.kind == sema::value_kind::money) return "đồng";
  return type.unit;
}

std::string format_value(double v, sema::value_type const& type, sema::checked_ruleset const& rules,
                         language lang) {
  using sema::value_kind;
  if (std::isnan(v)) return "—";
  switch (type.kind) {
    case value_kind::level: {
      auto const& ladder = rules.ladders[static_cast<std::size_t>(type.ladder)];
      if (v < 0 || v > static_cast<double>(ladder.levels.size()) - 1) return format_number(v, 2, lang);
      auto below = static_cast<std::size_t>(std::floor(v + 1e-9));
      if (v - static_cast<double>(below) < 1e-9) return ladder.levels[below].title;
      // An average of levels sits between two rungs; naming the nearer one would claim a rung not reached.
      return say(lang, "giữa {0} và {1}", {ladder.levels[below].title, ladder.levels[below + 1].title});
    }
    case value_kind::date: return format_vn_date(static_cast<std::int32_t>(v));
    case value_kind::boolean: return v != 0 ? say(lang, "có") : say(lang, "không");
    case value_kind::year: return format_number(v, 0, lang);
    case value_kind::rank: return say(lang, "hạng {0}", {format_number(v, 0, lang)});
    case value_kind::money:
      if (std::abs(v) >= 1e9) return say(lang, "{0} tỷ đồng", {format_number(v / 1e9, 1, lang)});
      return say(lang, "{0} đồng", {format_number(v, 0, lang)});
    default: break;
  }
  if (shown_as_percent(type)) return format_number(v, 1, lang) + "%";
  return format_number(v, 2, lang) + (type.unit.empty() ? "" : " " + type.unit);
}

std::string format_gap(double gap, sema::value_type const& type, sema::checked_ruleset const& rules,
                       language lang) {
  using sema::value_kind;
  if (std::isnan(gap)) return "—";
  if (shown_as_percent(type)) {
    auto n = format_number(gap, 1, lang);
    return agree(lang, n, say(lang, "{0} điểm phần trăm", {n}));
  }
  auto n = format_number(gap, type.kind == value_kind::level || type.kind == value_kind::rank ? 1 : 0, lang);
  switch (type.kind) {
    // An average of levels or ranks can be short of a whole step: 0,4 mức, not "0 mức".
    case value_kind::level: return agree(lang, n, say(lang, "{0} mức", {n}));
    case value_kind::rank: return agree(lang, n, say(lang, "{0} bậc", {n}));
    case value_kind::year: return agree(lang, n, say(lang, "{0} năm", {n}));
    case value_kind::date: return agree(lang, n, say(lang, "{0} ngày", {n}));
    default: return format_value(gap, type, rules, lang);
  }
}

std::string verdict_label(eval::verdict v, language lang) {
  switch (v) {
    case eval::verdict::met: return say(lang, "Đạt");
    case eval::verdict::not_met: return say(lang, "Không đạt");
    case eval::verdict::achieved: return say(lang, "Đã đạt trước hạn");
    case eval::verdict::on_track: return say(lang, "Đúng tiến độ");
    case eval::verdict::needs_acceleration: return say(lang, "Cần đẩy nhanh");
    case eval::verdict::limited_progress: return say(lang, "Tiến triển chậm");
    case eval::verdict::deterioration: return say(lang, "Xấu đi");  // not "Đi xuống": an index where lower is better gets worse by rising
    case eval::verdict::pending: return say(lang, "Chưa đánh giá được");
    case eval::verdict::stale: return say(lang, "Số liệu cũ");
    case eval::verdict::no_data: return say(lang, "Thiếu dữ liệu");
    case eval::verdict::not_applicable: return say(lang, "Không áp dụng");
  }
  return "?";
}

std::string verdict_label(eval::task_verdict v, language lang) {
  switch (v) {
    case eval::task_verdict::done: return say(lang, "Hoàn thành");
    case eval::task_verdict::done_late: return say(lang, "Hoàn thành muộn");
    case eval::task_verdict::overdue: return say(lang, "Quá hạn");
    case eval::task_verdict::in_progress: return say(lang, "Đang thực hiện");
    case eval::task_verdict::not_due: return say(lang, "Chưa đến hạn");
    case eval::task_verdict::ongoing: return say(lang, "Thường xuyên");
  }
  return "?";
}

std::string comparator_sign(sema::milestone::op op, language lang) {
  switch (op) {
    case sema::milestone::op::ge: return "≥";
    case sema::milestone::op::gt: return ">";
    case sema::milestone::op::le: return "≤";
    case sema::milestone::op::lt: return "<";
    case sema::milestone::op::eq: return "=";
    case sema::milestone::op::between: return say(lang, "từ");
    case sema::milestone::op::approx: return say(lang, "khoảng");
  }
  return "?";
}

char const* comparator_code(sema::milestone::op op) {
  switch (op) {
    case sema::milestone::op::ge: return ">=";
    case sema::milestone::op::gt: return ">";
    case sema::milestone::op::le: return "<=";
    case sema::milestone::op::lt: return "<";
    case sema::milestone::op::eq: return "=";
    case sema::milestone::op::between: return "between";
    case sema::milestone::op::approx: return "approx";
  }
  return "?";
}

char const* type_code(sema::value_kind kind) {
  switch (kind) {
    case sema::value_kind::number: return "number";
    case sema::value_kind::count: return "count";
    case sema::value_kind::percent: return "percent";
    case sema::value_kind::money: return "money";
    case sema::value_kind::rank: return "rank";
    case sema::value_kind::year: return "year";
    case sema::value_kind::date: return "date";
    case sema::value_kind::boolean: return "bool";
    case sema::value_kind::level: return "level";
    case sema::value_kind::text: return "text";
  }
  return "number";
}

issue_units::issue_units(eval::dataset const& data, sema::checked_ruleset const& rules) : data_(data), rules_(rules) {
  for (std::uint32_t u = 0; u < data.units().size(); ++u) by_id_.emplace(data.unit(u).id, u);
}

std::string issue_units::name(eval::data_issue const& issue) const {
  auto space = issue.unit.find(' ');
  if (space == std::string::npos) return issue.unit;
  auto found = by_id_.find(std::string_view(issue.unit).substr(space + 1));
  return found == by_id_.end() ? issue.unit : data_.describe_unit(found->second, rules_);
}

std::string more_issues(language lang, std::size_t more) {
  if (more == 0) return "";
  auto n = std::to_string(more);
  return agree(lang, n, say(lang, "… và {0} vấn đề khác (tất cả có trong --format json)", {n}));
}

}  // namespace chitieu::report
