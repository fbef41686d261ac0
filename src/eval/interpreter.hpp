// The expression interpreter over flat value rows. Private to src/eval.
//
// Two entry points with one meaning. `eval` is the fast path: a double, NaN whenever the value is not
// one known number. `exact` gives the whole truth as a `range`: the interval the missing values allow,
// or why there is no value, and tells a `listener` what it met (missing values, the members of an
// aggregate). Aggregates are defined once (`aggregate`), for both paths: the fast path evaluates members
// in batches of doubles and asks `exact` only for the members that came out unknown.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/plan.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "range.hpp"

namespace chitieu::eval::detail {

/// What the exact path reports as it goes. Only evidence is gathered here; verdicts never depend on it.
class listener {
 public:
  virtual ~listener() = default;
  virtual void missing(std::uint32_t /*unit*/, int /*year*/, int /*field*/) {}
  virtual void known(std::uint32_t /*unit*/, int /*year*/, int /*field*/) {}
  virtual void division_by_zero() {}
  /// A member of the aggregate at node `node`, with its filter and value (a point [1,1] when absent).
  virtual void member(int /*node*/, std::uint32_t /*unit*/, range const& /*filter*/, range const& /*value*/) {}
};

/// Counts what `aggregate` saw, for the breakdown of a share ("5 of 6 schools").
struct aggregate_tally {
  double members = 0, maybe_members = 0;  // filter true / unknown
  double holds = 0, fails = 0, unknown = 0;  // share, all, any: the condition among sure members
};

class interpreter {
 public:
  interpreter(plan const& p, dataset const& d)
      : nodes_(p.rules().nodes.data()), rules_(p.rules()), data_(d) {}

  /// Value of node `n` at unit `u` in `year`, NaN unless it is one known number. `due` is the
  /// obligation's due day for that year.
  double eval(int n, std::uint32_t u, int year, double due = 0) const {
    auto const& e = nodes_[n];
    using sema::node_op;
    constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
    switch (e.op) {
      case node_op::constant: return e.number;
      case node_op::field:
        // Outside its lifetime a unit has no values; the exact path says why.
        return data_.alive(u, year) ? data_.value(u, year, e.slot) : unknown;
      case node_op::due_date: return due;
      case node_op::negate: return -eval(e.lhs, u, year, due);
      case node_op::logical_not: {
        double v = eval(e.lhs, u, year, due);
        return std::isnan(v) ? v : (v != 0 ? 0 : 1);
      }
      case node_op::add: return eval(e.lhs, u, year, due) + eval(e.rhs, u, year, due);
      case node_op::sub: return eval(e.lhs, u, year, due) - eval(e.rhs, u, year, due);
      case node_op::mul: return eval(e.lhs, u, year, due) * eval(e.rhs, u, year, due);
      case node_op::div: {
        double a = eval(e.lhs, u, year, due), b = eval(e.rhs, u, year, due);
        return b == 0 ? unknown : a / b;
      }
      case node_op::eq: return compared(eval(e.lhs, u, year, due), eval(e.rhs, u, year, due), std::equal_to<>());
      case node_op::ne: return compared(eval(e.lhs, u, year, due), eval(e.rhs, u, year, due), std::not_equal_to<>());
      case node_op::lt: return compared(eval(e.lhs, u, year, due), eval(e.rhs, u, year, due), std::less<>());
      case node_op::le: return compared(eval(e.lhs, u, year, due), eval(e.rhs, u, year, due), std::less_equal<>());
      case node_op::gt: return compared(eval(e.lhs, u, year, due), eval(e.rhs, u, year, due), std::greater<>());
      case node_op::ge: return compared(eval(e.lhs, u, year, due), eval(e.rhs, u, year, due), std::greater_equal<>());
      case node_op::logical_and: {
        // false wins over unknown: one failing part settles the whole.
        double a = eval(e.lhs, u, year, due);
        if (a == 0) return 0;
        double b = eval(e.rhs, u, year, due);
        if (b == 0) return 0;
        return std::isnan(a) || std::isnan(b) ? unknown : 1;
      }
      case node_op::logical_or: {
        double a = eval(e.lhs, u, year, due);
        if (a == 1) return 1;
        double b = eval(e.rhs, u, year, due);
        if (b == 1) return 1;
        return std::isnan(a) || std::isnan(b) ? unknown : 0;
      }
      case node_op::agg_count:
      case node_op::agg_sum:
      case node_op::agg_avg:
      case node_op::agg_min:
      case node_op::agg_max:
      case node_op::agg_share:
      case node_op::agg_all:
      case node_op::agg_any: return aggregate(n, u, year, due, nullptr).value();
      case node_op::growth:
      case node_op::cumulative: return exact(n, u, year, due, nullptr).value();
      case node_op::prev: return eval(e.lhs, u, year - e.back, due);
      case node_op::has: return submitted(nodes_[e.lhs], u, year) ? 1 : 0;
      case node_op::min_of:
      case node_op::max_of: {
        double a = eval(e.lhs, u, year, due), b = eval(e.rhs, u, year, due);
        if (std::isnan(a) || std::isnan(b)) return unknown;
        return e.op == node_op::min_of ? std::min(a, b) : std::max(a, b);
      }
    }
    return unknown;
  }

  /// Everything known about node `n` at unit `u` in `year`.
  range exact(int n, std::uint32_t u, int year, double due, listener* heard) const;

  /// The one definition of every aggregate. `tally`, when given, receives the counts behind it.
  range aggregate(int n, std::uint32_t u, int year, double due, listener* heard,
                  aggregate_tally* tally = nullptr) const;

  /// For a part of an `A | B` aggregate: another kind of the set has units under `u`, so the set was
  /// listed and this kind's part is empty rather than unknown.
  bool sibling_listed(sema::expr_node const& e, std::uint32_t u) const {
    if (e.kind_set < 0) return false;
    for (int k : rules_.kind_sets[static_cast<std::size_t>(e.kind_set)]) {
      if (k == e.unit_kind) continue;
      auto [first, last] = members(k, u);
      if (first != last || data_.lists_completely(u, k)) return true;
    }
    return false;
  }

  /// Units of `kind` among `u` and its descendants, as a range of units_of_kind(kind).
  unit_range members(int kind, std::uint32_t u) const { return data_.units_of_kind_in(u, kind); }

  /// The values an unknown expression of this type could take: a count is never negative, a percent is a
  /// share, a truth value is 0 or 1, a level a rung of its ladder; anything else is unbounded.
  range type_range(sema::value_type const& type) const;

  /// "/children/1/values/2026/dat_chuan".
  /// A unit that sent nothing for the year is named once, by the year: "/children/1/values/2027".
  std::string pointer_of(std::uint32_t u, int year, int field) const {
    std::string year_pointer = data_.unit(u).pointer + "/values/" + std::to_string(year);
    if (!data_.has_row(u, year)) return year_pointer;
    return year_pointer + "/" + rules_.fields[static_cast<std::size_t>(field)].id;
  }

  /// `has(x)`: the unit existed, and sent a value for the field that applies ("n/a" does not).
  bool submitted(sema::expr_node const& field, std::uint32_t u, int year) const {
    return data_.alive(u, year) && !std::isnan(data_.value(u, year, field.slot));
  }

  template <typename Cmp>
  static double compared(double a, double b, Cmp cmp) {
    if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
    // Percents held as fractions: compare with a tolerance so 0.94 read from "94" equals 94%.
    double scale = std::max({1.0, std::abs(a), std::abs(b)});
    if (std::abs(a - b) <= 1e-14 * scale) b = a;
    return cmp(a, b) ? 1 : 0;
  }

 private:
  sema::expr_node const* nodes_;
  sema::checked_ruleset const& rules_;
  dataset const& data_;

  // Aggregates over many units go through eval_batch in groups of `batch`: one dispatch per node per
  // group instead of per unit, which is most of the cost of a province-wide share.
  static constexpr std::size_t batch = 64;
  static constexpr std::ptrdiff_t batch_from = 4;  // fewer members: the scalar path is faster
  static constexpr int batch_depth = 32;           // deeper: unit by unit, so the stack stays bounded

  void eval_batch(int n, std::uint32_t const* units, std::size_t count, int year, double due, double* out,
                  int depth) const;
  range field_range(sema::expr_node const& e, std::uint32_t u, int year, listener* heard) const;
  range compare_ranges(sema::node_op op, range const& a, range const& b) const;
  range divide(range const& a, range const& b, listener* heard) const;
  range growth(sema::expr_node const& e, std::uint32_t u, int year, double due, listener* heard) const;
  range cumulative(sema::expr_node const& e, std::uint32_t u, int year, double due, listener* heard) const;
};

}  // namespace chitieu::eval::detail
