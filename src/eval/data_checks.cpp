// Judging the submitted figures before scoring: declared checks through the interpreter, and the
// percent-typed-as-fraction heuristic. Messages show the numbers, so an office can fix the cell.
#include <chitieu/eval/data_checks.hpp>

#include <chitieu/date.hpp>
#include <chitieu/number.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "dataset_builder.hpp"
#include "interpreter.hpp"
#include "numbers.hpp"

namespace chitieu::eval {
namespace {

using sema::node_op;
using sema::value_kind;

bool is_comparison(node_op op) { return op >= node_op::eq && op <= node_op::ge; }

/// A value as an office would write it: "94,5%", "có", "20/11/2026", a level's title, "1.200".
std::string show_value(double v, sema::value_type const& t, sema::checked_ruleset const& rules, language lang) {
  using detail::number_in;
  if (std::isnan(v)) return say(lang, "không rõ");
  switch (t.kind) {
    case value_kind::boolean: return v != 0 ? say(lang, "có") : say(lang, "không");
    case value_kind::date: return format_vn_date(static_cast<std::int32_t>(v));
    case value_kind::level: {
      auto const& levels = rules.ladders[static_cast<std::size_t>(t.ladder)].levels;
      auto i = static_cast<std::size_t>(std::lround(v));
      return i < levels.size() ? levels[i].title : number_in(lang, v);
    }
    default: break;
  }
  bool percent = t.kind == value_kind::percent || (t.kind == value_kind::number && t.ratio);
  return percent ? number_in(lang, v * 100) + "%" : number_in(lang, v);
}

int precedence(node_op op) {
  switch (op) {
    case node_op::logical_or: return 1;
    case node_op::logical_and: return 2;
    case node_op::logical_not: return 3;
    case node_op::add:
    case node_op::sub: return 5;
    case node_op::mul:
    case node_op::div: return 6;
    case node_op::negate: return 7;
    default: return is_comparison(op) ? 4 : 8;
  }
}

/// The rule text of a checked expression, rebuilt from its nodes (indicators appear expanded).
class printer {
 public:
  printer(sema::checked_ruleset const& rules, language lang) : rules_(rules), lang_(lang) {}

  std::string print(int n) const {
    auto const& e = node(n);
    static char const* const infix[] = {"=", "!=", "<", "<=", ">", ">="};
    switch (e.op) {
      case node_op::constant:
        if (e.type.kind == value_kind::boolean) return e.number != 0 ? "true" : "false";
        return show_value(e.number, e.type, rules_, lang_);
      case node_op::field: return rules_.fields[static_cast<std::size_t>(e.field)].id;
      case node_op::due_date: return "due";
      case node_op::negate: return "-" + wrap(e.lhs, 7);
      case node_op::logical_not: return "not " + wrap(e.lhs, 3);
      case node_op::add: return binary(e, " + ");
      case node_op::sub: return binary(e, " - ");
      case node_op::mul: return binary(e, " * ");
      case node_op::div: return binary(e, " / ");
      case node_op::logical_and: return binary(e, " and ");
      case node_op::logical_or: return binary(e, " or ");
      case node_op::growth:
        return "growth(" + print(e.lhs) + (e.from_year ? ", from " + std::to_string(e.from_year) : "") + ")";
      case node_op::cumulative: return "cumulative(" + print(e.lhs) + ", from " + std::to_string(e.from_year) + ")";
      case node_op::prev:
        return "prev(" + print(e.lhs) + (e.back != 1 ? ", " + std::to_string(e.back) : "") + ")";
      case node_op::has: return "has(" + print(e.lhs) + ")";
      case node_op::min_of: return "min(" + print(e.lhs) + ", " + print(e.rhs) + ")";
      case node_op::max_of: return "max(" + print(e.lhs) + ", " + print(e.rhs) + ")";
      default: break;
    }
    if (is_comparison(e.op))
      return binary(e, std::string(" ") + infix[static_cast<int>(e.op) - static_cast<int>(node_op::eq)] + " ");
    static char const* const names[] = {"count", "sum", "avg", "min", "max", "share", "all", "any"};
    std::string text = names[static_cast<int>(e.op) - static_cast<int>(node_op::agg_count)];
    text += "(" + rules_.unit_kinds[static_cast<std::size_t>(e.unit_kind)].id;
    if (e.lhs >= 0) text += " where " + print(e.lhs);
    if (e.op != node_op::agg_count && e.rhs >= 0) text += ", " + print(e.rhs);
    return text + ")";
  }

 private:
  sema::checked_ruleset const& rules_;
  language lang_;

  sema::expr_node const& node(int n) const { return rules_.nodes[static_cast<std::size_t>(n)]; }
  std::string wrap(int n, int at_least) const {
    auto text = print(n);
    return precedence(node(n).op) < at_least ? "(" + text + ")" : text;
  }
  std::string binary(sema::expr_node const& e, std::string const& op) const {
    int p = precedence(e.op);
    return wrap(e.lhs, p) + op + wrap(e.rhs, p + 1);  // left-associative
  }
};

/// Fields read at the unit itself (not inside an aggregate), once each, in the order the rule names them.
void direct_fields(sema::checked_ruleset const& rules, int n, std::vector<int>& out) {
  auto const& e = rules.nodes[static_cast<std::size_t>(n)];
  if (e.op == node_op::field) {
    auto same = [&](int m) { return rules.nodes[static_cast<std::size_t>(m)].field == e.field; };
    if (std::none_of(out.begin(), out.end(), same)) out.push_back(n);
    return;
  }
  if (e.op >= node_op::agg_count && e.op <= node_op::agg_any) return;
  if (e.lhs >= 0) direct_fields(rules, e.lhs, out);
  if (e.rhs >= 0) direct_fields(rules, e.rhs, out);
}

class judge {
 public:
  judge(plan const& p, dataset const& d, language lang)
      : data_(d), rules_(p.rules()), run_(p, d), print_(rules_, lang), lang_(lang) {}

  void unit(std::uint32_t u, std::vector<data_issue>& out) const {
    auto const& rec = data_.unit(u);
    for (std::size_t c = 0; c < rules_.data_checks.size(); ++c) {
      auto const& check = rules_.data_checks[c];
      auto at = std::find(check.applies.begin(), check.applies.end(), rec.kind);
      if (at == check.applies.end()) continue;
      auto slot = static_cast<std::size_t>(at - check.applies.begin());
      for (std::uint32_t r = rec.first_row; r < rec.first_row + rec.row_count; ++r)
        for (auto const& req : check.requirements) {
          int root = req.roots[slot];
          if (run_.eval(root, u, data_.row_years()[r]) == 0)
            out.push_back(violation(check, root, u, data_.row_years()[r]));
        }
    }
    fractions(u, out);
  }

 private:
  dataset const& data_;
  sema::checked_ruleset const& rules_;
  detail::interpreter run_;
  printer print_;
  language lang_;

  std::string label(std::uint32_t u) const {
    return rules_.unit_kinds[static_cast<std::size_t>(data_.unit(u).kind)].id + " " + data_.unit(u).id;
  }
  std::string year_pointer(std::uint32_t u, int year) const {
    return data_.unit(u).pointer + "/values/" + std::to_string(year);
  }

  /// `"so_truong" (10)` for a field, `100%` for a constant, `"sum(school, x)" (12)` otherwise.
  std::string side(int n, std::uint32_t u, int year) const {
    auto const& e = rules_.nodes[static_cast<std::size_t>(n)];
    if (e.op == node_op::constant) return show_value(e.number, e.type, rules_, lang_);
    return "\"" + print_.print(n) + "\" (" + show_value(run_.eval(n, u, year), e.type, rules_, lang_) + ")";
  }

  data_issue violation(sema::data_check const& check, int root, std::uint32_t u, int year) const {
    auto const& e = rules_.nodes[static_cast<std::size_t>(root)];
    data_issue is;
    is.level = check.level;
    is.code = "data.check_failed";
    is.unit = label(u);
    is.check = rules_.qualified_id(check);
    is.pointer = year_pointer(u, year);
    int subject = is_comparison(e.op) ? e.lhs : root;
    if (rules_.nodes[static_cast<std::size_t>(subject)].op == node_op::field)
      is.pointer += "/" + rules_.fields[static_cast<std::size_t>(rules_.nodes[static_cast<std::size_t>(subject)].field)].id;
    std::string what;
    if (is_comparison(e.op)) {
      // Worded for the way the comparison failed: `a <= b` fails when a is above b.
      auto lhs = side(e.lhs, u, year), rhs = side(e.rhs, u, year);
      switch (e.op) {
        case node_op::eq: what = say(lang_, "{0} khác {1}", {lhs, rhs}); break;
        case node_op::ne: what = say(lang_, "{0} bằng {1}", {lhs, rhs}); break;
        case node_op::lt: what = say(lang_, "{0} không nhỏ hơn {1}", {lhs, rhs}); break;
        case node_op::le: what = say(lang_, "{0} vượt {1}", {lhs, rhs}); break;
        case node_op::gt: what = say(lang_, "{0} không lớn hơn {1}", {lhs, rhs}); break;
        default: what = say(lang_, "{0} nhỏ hơn {1}", {lhs, rhs}); break;
      }
    } else {
      std::vector<int> fields;
      direct_fields(rules_, root, fields);
      std::string values;
      for (std::size_t i = 0; i < fields.size(); ++i) values += (i ? ", " : "") + side(fields[i], u, year);
      what = values.empty() ? say(lang_, "không thỏa") : say(lang_, "không thỏa với {0}", {values});
    }
    is.message = say(lang_, "{0} — kiểm tra {1}: {2}", {what, check.id, check.title});
    return is;
  }

  /// A percent typed as a fraction: 0,94 in one year where the unit's other years say 94. With a
  /// single year there is nothing to compare with, so nothing is said.
  void fractions(std::uint32_t u, std::vector<data_issue>& out) const {
    auto const& rec = data_.unit(u);
    for (int f : rules_.unit_kinds[static_cast<std::size_t>(rec.kind)].fields) {
      auto const& field = rules_.fields[static_cast<std::size_t>(f)];
      if (field.type.kind != value_kind::percent) continue;
      std::vector<std::pair<int, double>> seen;  // year, value as submitted (94 for 94%)
      for (std::uint32_t r = rec.first_row; r < rec.first_row + rec.row_count; ++r) {
        double v = data_.values()[data_.row_offsets()[r] + static_cast<std::uint32_t>(field.slot)];
        if (!std::isnan(v)) seen.push_back({data_.row_years()[r], v * 100});
      }
      for (auto const& [year, v] : seen) {
        // 0 reads the same as a fraction and as a percent; only a positive value up to 1 is suspect.
        if (!(v > 0 && v <= 1 + 1e-9)) continue;
        std::string others;
        bool all_percent_like = seen.size() > 1;
        for (auto const& [y, w] : seen) {
          if (y == year) continue;
          all_percent_like = all_percent_like && w > 1.5;
          others += (others.empty() ? "" : ", ") + detail::number_in(lang_, w) + " (" + std::to_string(y) + ")";
        }
        if (!all_percent_like) continue;
        out.push_back({severity::warning, "data.percent_as_fraction", label(u),
                       year_pointer(u, year) + "/" + field.id,
                       say(lang_, "\"{0}\" là {1} trong khi các năm khác là {2}; có phải {3}%?",
                           {field.id, detail::number_in(lang_, v), others, detail::number_in(lang_, v * 100)}),
                       ""});
      }
    }
  }
};

}  // namespace

check_state judge_check(plan const& compiled, dataset const& data, int check, std::size_t requirement,
                        std::uint32_t unit, int year) {
  auto const& c = compiled.rules().data_checks[static_cast<std::size_t>(check)];
  auto at = std::find(c.applies.begin(), c.applies.end(), data.unit(unit).kind);
  if (at == c.applies.end() || !data.has_row(unit, year)) return check_state::not_applicable;
  int root = c.requirements[requirement].roots[static_cast<std::size_t>(at - c.applies.begin())];
  double v = detail::interpreter(compiled, data).eval(root, unit, year);
  return std::isnan(v) ? check_state::unknown : v != 0 ? check_state::holds : check_state::fails;
}

std::vector<data_issue> check_data(plan const& compiled, dataset const& data, language lang) {
  std::vector<data_issue> out;
  judge j(compiled, data, lang);
  for (std::uint32_t u = 0; u < data.units().size(); ++u) j.unit(u, out);
  return out;
}

void check_data(plan const& compiled, load_result& loaded, language lang) {
  if (!loaded.data) return;
  auto found = check_data(compiled, *loaded.data, lang);
  loaded.issues.insert(loaded.issues.end(), found.begin(), found.end());
  detail::dataset_builder::append_issues(*loaded.data, found);
}

}  // namespace chitieu::eval
