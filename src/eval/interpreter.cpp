// The exact path of the interpreter and the one definition of aggregates (see interpreter.hpp). The
// rules are documented in docs/scoring.md §1.
#include "interpreter.hpp"

namespace chitieu::eval::detail {
namespace {

using sema::node_op;
constexpr double unknown_value = std::numeric_limits<double>::quiet_NaN();

range bounds_of_type(sema::value_type const& type, sema::checked_ruleset const& rules) {
  using sema::value_kind;
  switch (type.kind) {
    case value_kind::count:
    case value_kind::money: return {0, infinity};
    case value_kind::percent: return {0, 1};  // the loader refuses a percent outside 0–100
    case value_kind::rank: return {1, infinity};
    case value_kind::boolean: return range::boolean_unknown();
    case value_kind::level:
      if (type.ladder >= 0)
        return {0, static_cast<double>(rules.ladders[static_cast<std::size_t>(type.ladder)].levels.size()) - 1};
      return range::unknown();
    default: return range::unknown();
  }
}

bool is_false(range const& r) { return r.exists() && r.hi == 0; }
bool is_true(range const& r) { return r.exists() && r.lo == 1; }

/// Folds the members of one aggregate into its value. Members whose filter or value does not apply
/// are not members; a member whose filter is unknown may or may not belong ("maybe").
class accumulator {
 public:
  explicit accumulator(node_op op) : op_(op), sure_bound_(op == node_op::agg_min ? infinity : -infinity) {}

  void add(range const& filter, range const& value) {
    bool sure = is_true(filter);
    (sure ? in_ : maybe_) += 1;
    switch (op_) {
      case node_op::agg_count: return;
      case node_op::agg_share:
      case node_op::agg_all:
      case node_op::agg_any: {
        int truth = is_true(value) ? 1 : is_false(value) ? 0 : -1;
        if (sure) (truth == 1 ? holds_ : truth == 0 ? fails_ : unsure_) += 1;
        else (truth == 1 ? maybe_holds_ : truth == 0 ? maybe_fails_ : maybe_unsure_) += 1;
        return;
      }
      case node_op::agg_sum:
        lo_ = add_bound(lo_, sure ? value.lo : std::min(0.0, value.lo));
        hi_ = add_bound(hi_, sure ? value.hi : std::max(0.0, value.hi));
        return;
      case node_op::agg_avg:
        if (sure) {
          lo_ = add_bound(lo_, value.lo);
          hi_ = add_bound(hi_, value.hi);
        } else {
          optional_.push_back({value.lo, value.hi});
        }
        least_ = std::min(least_, value.lo);
        greatest_ = std::max(greatest_, value.hi);
        return;
      case node_op::agg_min:
        least_ = std::min(least_, value.lo);  // any member may pull the minimum down
        if (sure) sure_bound_ = std::min(sure_bound_, value.hi);
        greatest_ = std::max(greatest_, value.hi);
        return;
      case node_op::agg_max:
        greatest_ = std::max(greatest_, value.hi);
        if (sure) sure_bound_ = std::max(sure_bound_, value.lo);
        least_ = std::min(least_, value.lo);
        return;
      default: return;
    }
  }

  /// A sure member with a known value: the common case, without intervals.
  void add_known(double v) {
    in_ += 1;
    switch (op_) {
      case node_op::agg_count: return;
      case node_op::agg_share:
      case node_op::agg_all:
      case node_op::agg_any: (v != 0 ? holds_ : fails_) += 1; return;
      case node_op::agg_sum:
      case node_op::agg_avg:
        lo_ += v;
        hi_ += v;
        least_ = std::min(least_, v);
        greatest_ = std::max(greatest_, v);
        return;
      case node_op::agg_min:
        least_ = std::min(least_, v);
        sure_bound_ = std::min(sure_bound_, v);
        greatest_ = std::max(greatest_, v);
        return;
      case node_op::agg_max:
        greatest_ = std::max(greatest_, v);
        sure_bound_ = std::max(sure_bound_, v);
        least_ = std::min(least_, v);
        return;
      default: return;
    }
  }

  bool empty() const { return in_ == 0 && maybe_ == 0; }
  /// No sure member, but some maybe: the population may be empty, so nothing can be settled.
  bool maybe_empty() const { return in_ == 0 && maybe_ > 0; }

  range result() const {
    switch (op_) {
      case node_op::agg_count: return {in_, in_ + maybe_};
      case node_op::agg_sum: return {lo_, hi_};
      case node_op::agg_share: {
        if (maybe_empty()) return range::boolean_unknown();
        // Least: maybe-members join only when they fail or might; most: only when they hold or might.
        double least = holds_ / (in_ + maybe_fails_ + maybe_unsure_);
        double most = (holds_ + unsure_ + maybe_holds_ + maybe_unsure_) / (in_ + maybe_holds_ + maybe_unsure_);
        return {least, most};
      }
      case node_op::agg_all:
        if (fails_ > 0) return range::point(0);
        if (maybe_empty()) return range::boolean_unknown();
        if (unsure_ == 0 && maybe_fails_ == 0 && maybe_unsure_ == 0) return range::point(1);
        return range::boolean_unknown();
      case node_op::agg_any:
        if (holds_ > 0) return range::point(1);
        if (maybe_empty()) return range::boolean_unknown();
        if (unsure_ == 0 && maybe_holds_ == 0 && maybe_unsure_ == 0) return range::point(0);
        return range::boolean_unknown();
      case node_op::agg_avg: return average();
      case node_op::agg_min:
        return maybe_empty() ? range{least_, greatest_} : range{least_, sure_bound_};
      case node_op::agg_max:
        return maybe_empty() ? range{least_, greatest_} : range{sure_bound_, greatest_};
      default: return range::unknown();
    }
  }

  aggregate_tally tally() const { return {in_, maybe_, holds_, fails_, unsure_}; }

 private:
  node_op op_;
  double in_ = 0, maybe_ = 0;
  double holds_ = 0, fails_ = 0, unsure_ = 0, maybe_holds_ = 0, maybe_fails_ = 0, maybe_unsure_ = 0;
  double lo_ = 0, hi_ = 0;
  double least_ = infinity, greatest_ = -infinity;
  double sure_bound_;  // min: least upper end among sure members; max: greatest lower end
  std::vector<std::pair<double, double>> optional_;  // avg: the maybe-members' ends

  range average() const {
    if (maybe_empty()) return {least_, greatest_};
    if (optional_.empty()) return {lo_ / in_, hi_ / in_};
    // The least mean takes the optional members below the running mean, lowest first; the most, the
    // reverse: adding a value pulls the mean toward it.
    auto extreme = [&](double start, bool low) {
      std::vector<double> ends;
      for (auto const& [lo, hi] : optional_) ends.push_back(low ? lo : hi);
      std::sort(ends.begin(), ends.end());
      if (!low) std::reverse(ends.begin(), ends.end());
      double sum = start, n = in_;
      for (double x : ends) {
        if (low ? x >= sum / n : x <= sum / n) break;
        sum += x;
        n += 1;
      }
      return sum / n;
    };
    return {extreme(lo_, true), extreme(hi_, false)};
  }
};

}  // namespace

range interpreter::type_range(sema::value_type const& type) const { return bounds_of_type(type, rules_); }

range interpreter::field_range(sema::expr_node const& e, std::uint32_t u, int year, listener* heard) const {
  if (!data_.alive(u, year)) return range::absent(absence::not_in_operation);
  double v = data_.value(u, year, e.slot);
  if (!std::isnan(v)) {
    if (heard) heard->known(u, year, e.field);
    return range::point(v);
  }
  if (dataset::is_not_applicable(v)) return range::absent(absence::value_not_applicable);
  if (heard) heard->missing(u, year, e.field);
  return bounds_of_type(e.type, rules_);
}

range interpreter::compare_ranges(node_op op, range const& a, range const& b) const {
  if (!a.exists()) return a;
  if (!b.exists()) return b;
  auto truth = [](bool yes, bool no) { return yes ? range::point(1) : no ? range::point(0) : range::boolean_unknown(); };
  switch (op) {
    case node_op::eq:
      if (a.is_point() && b.is_point()) return range::point(compared(a.lo, b.lo, std::equal_to<>()));
      return truth(false, a.hi < b.lo || a.lo > b.hi);
    case node_op::ne:
      if (a.is_point() && b.is_point()) return range::point(compared(a.lo, b.lo, std::not_equal_to<>()));
      return truth(a.hi < b.lo || a.lo > b.hi, false);
    case node_op::lt:
      if (a.is_point() && b.is_point()) return range::point(compared(a.lo, b.lo, std::less<>()));
      return truth(a.hi < b.lo, a.lo >= b.hi);
    case node_op::le:
      if (a.is_point() && b.is_point()) return range::point(compared(a.lo, b.lo, std::less_equal<>()));
      return truth(a.hi <= b.lo, a.lo > b.hi);
    case node_op::gt:
      if (a.is_point() && b.is_point()) return range::point(compared(a.lo, b.lo, std::greater<>()));
      return truth(a.lo > b.hi, a.hi <= b.lo);
    case node_op::ge:
      if (a.is_point() && b.is_point()) return range::point(compared(a.lo, b.lo, std::greater_equal<>()));
      return truth(a.lo >= b.hi, a.hi < b.lo);
    default: return range::boolean_unknown();
  }
}

range interpreter::divide(range const& a, range const& b, listener* heard) const {
  range out;
  if (either_absent(a, b, out)) return out;
  if (b.is_point() && b.lo == 0) {
    // 0 from a population that is empty: there is nothing to divide, not a division by zero.
    if (b.vacuous) return range::absent(absence::none_in_scope);
    if (heard) heard->division_by_zero();
    return range::unknown();
  }
  if (b.lo <= 0 && b.hi >= 0) return range::unknown();
  double c[] = {a.lo / b.lo, a.lo / b.hi, a.hi / b.lo, a.hi / b.hi};
  for (double x : c)
    if (std::isnan(x)) return range::unknown();  // ∞/∞: no bound
  return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}

range interpreter::growth(sema::expr_node const& e, std::uint32_t u, int year, double due, listener* heard) const {
  range now = exact(e.lhs, u, year, due, heard);
  if (!now.exists()) return now;
  int from = e.from_year;
  if (from == 0) {
    for (int y : data_.years())
      if (y < year && !std::isnan(eval(e.lhs, u, y, due))) {
        from = y;
        break;
      }
    // No earlier value: too few years when this year's is known; otherwise simply missing. Either way the
    // blanks of the year before are what would have given a rate, so they are named.
    if (from == 0) {
      if (heard)
        for (auto y = data_.years().rbegin(); y != data_.years().rend(); ++y)
          if (*y < year) {
            exact(e.lhs, u, *y, due, heard);
            break;
          }
      return now.is_point() ? range::absent(absence::not_enough_years) : range::unknown();
    }
  }
  if (from >= year) return range::absent(absence::not_enough_years);
  range base = exact(e.lhs, u, from, due, heard);
  range out;
  if (either_absent(now, base, out)) return out;
  if (base.is_point() && base.lo <= 0) {
    if (heard) heard->division_by_zero();
    return range::unknown();
  }
  if (base.lo <= 0) return range::unknown();
  double n = year - from;
  double lo = std::pow(std::max(0.0, now.lo) / base.hi, 1.0 / n) - 1;
  double hi = now.hi == infinity ? infinity : std::pow(std::max(0.0, now.hi) / base.lo, 1.0 / n) - 1;
  return {lo, hi};
}

range interpreter::cumulative(sema::expr_node const& e, std::uint32_t u, int year, double due, listener* heard) const {
  if (e.from_year > year) return range::absent(absence::not_enough_years);
  range total = range::point(0);
  bool any = false;
  for (int y = e.from_year; y <= year; ++y) {
    range r = exact(e.lhs, u, y, due, heard);
    if (!r.exists()) continue;  // a year the unit did not exist, or the value does not apply
    total = add(total, r);
    any = true;
  }
  return any ? total : range::absent(absence::not_in_operation);
}

range interpreter::exact(int n, std::uint32_t u, int year, double due, listener* heard) const {
  auto const& e = nodes_[n];
  switch (e.op) {
    case node_op::constant: return range::point(e.number);
    case node_op::field: return field_range(e, u, year, heard);
    case node_op::due_date: return range::point(due);
    case node_op::negate: return negate(exact(e.lhs, u, year, due, heard));
    case node_op::logical_not: return logical_not(exact(e.lhs, u, year, due, heard));
    case node_op::add: return add(exact(e.lhs, u, year, due, heard), exact(e.rhs, u, year, due, heard));
    case node_op::sub: return add(exact(e.lhs, u, year, due, heard), negate(exact(e.rhs, u, year, due, heard)));
    case node_op::mul: return multiply(exact(e.lhs, u, year, due, heard), exact(e.rhs, u, year, due, heard));
    case node_op::div: {
      range a = exact(e.lhs, u, year, due, heard);
      return divide(a, exact(e.rhs, u, year, due, heard), heard);
    }
    case node_op::eq:
    case node_op::ne:
    case node_op::lt:
    case node_op::le:
    case node_op::gt:
    case node_op::ge: {
      range a = exact(e.lhs, u, year, due, heard);
      return compare_ranges(e.op, a, exact(e.rhs, u, year, due, heard));
    }
    case node_op::logical_and: {
      range a = exact(e.lhs, u, year, due, heard);
      if (is_false(a)) return a;  // settled: the other side is not reached, as in the fast path
      return logical_and(a, exact(e.rhs, u, year, due, heard));
    }
    case node_op::logical_or: {
      range a = exact(e.lhs, u, year, due, heard);
      if (is_true(a)) return a;
      return logical_or(a, exact(e.rhs, u, year, due, heard));
    }
    case node_op::agg_count:
    case node_op::agg_sum:
    case node_op::agg_avg:
    case node_op::agg_min:
    case node_op::agg_max:
    case node_op::agg_share:
    case node_op::agg_all:
    case node_op::agg_any: return aggregate(n, u, year, due, heard);
    case node_op::growth: return growth(e, u, year, due, heard);
    case node_op::cumulative: return cumulative(e, u, year, due, heard);
    // The earlier year's value, or why it has none; its blanks are named by that year's pointer.
    case node_op::prev: {
      range r = exact(e.lhs, u, year - e.back, due, heard);
      if (r.why == absence::not_in_operation) r.why = absence::not_in_operation_then;
      return r;
    }
    case node_op::has: return range::point(submitted(nodes_[e.lhs], u, year) ? 1 : 0);
    case node_op::min_of:
    case node_op::max_of: {
      range a = exact(e.lhs, u, year, due, heard), b = exact(e.rhs, u, year, due, heard), out;
      if (either_absent(a, b, out)) return out;
      if (e.op == node_op::min_of) return {std::min(a.lo, b.lo), std::min(a.hi, b.hi)};
      return {std::max(a.lo, b.lo), std::max(a.hi, b.hi)};
    }
  }
  return range::unknown();
}

range interpreter::aggregate(int n, std::uint32_t u, int year, double due, listener* heard,
                             aggregate_tally* tally) const {
  auto const& e = nodes_[n];
  auto [first, last] = members(e.unit_kind, u);
  bool declared = first != last;
  accumulator acc(e.op);
  bool counting = e.op == node_op::agg_count;
  auto take = [&](std::uint32_t m, range const& filter, range const& value) {
    if (!filter.exists() || is_false(filter) || !value.exists()) return;
    if (heard) heard->member(n, m, filter, value);
    acc.add(filter, value);
  };
  if (!heard && last - first >= batch_from) {
    double keep[batch], values[batch];
    for (auto at = first; at < last; at += batch) {
      auto count = std::min(batch, static_cast<std::size_t>(last - at));
      if (e.lhs >= 0) eval_batch(e.lhs, at, count, year, due, keep, 0);
      if (!counting) eval_batch(e.rhs, at, count, year, due, values, 0);
      for (std::size_t i = 0; i < count; ++i) {
        std::uint32_t m = at[i];
        if (!data_.alive(m, year)) continue;
        double keep_i = e.lhs < 0 ? 1 : keep[i];
        if (keep_i == 0) continue;
        if (keep_i == 1 && (counting || !std::isnan(values[i]))) {
          acc.add_known(counting ? 1 : values[i]);
          continue;
        }
        range filter = e.lhs < 0 ? range::point(1)
                       : std::isnan(keep[i]) ? exact(e.lhs, m, year, due, nullptr)
                                             : range::point(keep[i]);
        if (!filter.exists() || is_false(filter)) continue;
        range value = counting ? range::point(1)
                      : std::isnan(values[i]) ? exact(e.rhs, m, year, due, nullptr)
                                              : range::point(values[i]);
        take(m, filter, value);
      }
    }
  } else {
    for (auto it = first; it != last; ++it) {
      if (!data_.alive(*it, year)) continue;
      range filter = e.lhs < 0 ? range::point(1) : exact(e.lhs, *it, year, due, heard);
      if (!filter.exists() || is_false(filter)) continue;
      take(*it, filter, counting ? range::point(1) : exact(e.rhs, *it, year, due, heard));
    }
  }
  if (tally) *tally = acc.tally();
  if (!acc.empty()) return acc.result();
  // An empty population: 0 is the count (and the sum) when the units were all listed, or when some were
  // listed and none belongs; otherwise there is nothing to judge.
  bool summable = counting || e.op == node_op::agg_sum;
  bool listed = declared || data_.lists_completely(u, e.unit_kind) || sibling_listed(e, u);
  if (summable && listed) {
    range zero = range::point(0);
    zero.vacuous = true;
    return zero;
  }
  return range::absent(listed ? absence::none_in_scope : absence::none_declared);
}

void interpreter::eval_batch(int n, std::uint32_t const* units, std::size_t count, int year, double due,
                             double* out, int depth) const {
  auto const& e = nodes_[n];
  auto each = [&](auto f) {
    for (std::size_t i = 0; i < count; ++i) out[i] = f(out[i]);
  };
  auto pairwise = [&](auto f) {
    double rhs[batch];
    eval_batch(e.lhs, units, count, year, due, out, depth + 1);
    eval_batch(e.rhs, units, count, year, due, rhs, depth + 1);
    for (std::size_t i = 0; i < count; ++i) out[i] = f(out[i], rhs[i]);
  };
  if (depth >= batch_depth) {
    for (std::size_t i = 0; i < count; ++i) out[i] = eval(n, units[i], year, due);
    return;
  }
  switch (e.op) {
    case node_op::constant: std::fill(out, out + count, e.number); return;
    case node_op::due_date: std::fill(out, out + count, due); return;
    case node_op::field:
      for (std::size_t i = 0; i < count; ++i)
        out[i] = data_.alive(units[i], year) ? data_.value(units[i], year, e.slot) : unknown_value;
      return;
    case node_op::negate:
      eval_batch(e.lhs, units, count, year, due, out, depth + 1);
      return each([](double v) { return -v; });
    case node_op::logical_not:
      eval_batch(e.lhs, units, count, year, due, out, depth + 1);
      return each([](double v) { return std::isnan(v) ? v : (v != 0 ? 0 : 1); });
    case node_op::add: return pairwise([](double a, double b) { return a + b; });
    case node_op::sub: return pairwise([](double a, double b) { return a - b; });
    case node_op::mul: return pairwise([](double a, double b) { return a * b; });
    case node_op::div: return pairwise([](double a, double b) { return b == 0 ? unknown_value : a / b; });
    case node_op::eq: return pairwise([](double a, double b) { return compared(a, b, std::equal_to<>()); });
    case node_op::ne: return pairwise([](double a, double b) { return compared(a, b, std::not_equal_to<>()); });
    case node_op::lt: return pairwise([](double a, double b) { return compared(a, b, std::less<>()); });
    case node_op::le: return pairwise([](double a, double b) { return compared(a, b, std::less_equal<>()); });
    case node_op::gt: return pairwise([](double a, double b) { return compared(a, b, std::greater<>()); });
    case node_op::ge: return pairwise([](double a, double b) { return compared(a, b, std::greater_equal<>()); });
    case node_op::logical_and:
      return pairwise([](double a, double b) {
        return a == 0 || b == 0 ? 0 : std::isnan(a) || std::isnan(b) ? unknown_value : 1;
      });
    case node_op::logical_or:
      return pairwise([](double a, double b) {
        return a == 1 || b == 1 ? 1 : std::isnan(a) || std::isnan(b) ? unknown_value : 0;
      });
    default:  // aggregates, growth, cumulative, prev: they loop or look at other years themselves
      for (std::size_t i = 0; i < count; ++i) out[i] = eval(n, units[i], year, due);
      return;
  }
}

}  // namespace chitieu::eval::detail
