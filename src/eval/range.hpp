// What an expression is known to be when some values are missing: the interval of every value it could
// take given what was submitted, or the reason it has no value at all. Private to src/eval.
//
// Intervals are sound, not tight: every value the missing data could produce lies inside, so a verdict
// that holds at both ends of the interval holds whatever the missing values turn out to be.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace chitieu::eval::detail {

/// Why an expression has no value at a unit in a year (as opposed to an unknown one).
enum class absence : std::uint8_t {
  none,
  value_not_applicable,  // the submission says the value does not apply to the unit
  not_in_operation,      // the unit did not exist that year (first_year / last_year)
  none_declared,         // an aggregate over a kind of which the submission lists no unit
  none_in_scope,         // an aggregate whose population is empty (all filtered out, or none exist)
  not_enough_years,      // growth with no earlier year to grow from
  not_in_operation_then, // prev: the unit did not exist in the earlier year it reads
};

inline constexpr double infinity = std::numeric_limits<double>::infinity();

struct range {
  double lo = -infinity, hi = infinity;
  absence why = absence::none;
  bool vacuous = false;  // a count or sum over a kind listed complete and empty: 0 is the answer

  static range point(double v) { return {v, v}; }
  static range unknown() { return {}; }
  static range boolean_unknown() { return {0, 1}; }
  static range absent(absence a) { return {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(), a}; }

  bool exists() const { return why == absence::none; }
  bool is_point() const { return exists() && lo == hi; }
  /// The value when it is one number, else NaN: what the fast path of the interpreter returns.
  double value() const { return is_point() ? lo : std::numeric_limits<double>::quiet_NaN(); }
};

/// a + b and friends over intervals; an absent operand makes the result absent.
inline bool either_absent(range const& a, range const& b, range& out) {
  if (!a.exists()) {
    out = a;
    return true;
  }
  if (!b.exists()) {
    out = b;
    return true;
  }
  return false;
}

inline double add_bound(double x, double y) {
  // -inf + inf cannot arise from a lower plus a lower bound; guard anyway so NaN never leaks.
  double s = x + y;
  return std::isnan(s) ? (x < 0 || y < 0 ? -infinity : infinity) : s;
}

inline range add(range const& a, range const& b) {
  range out;
  if (either_absent(a, b, out)) return out;
  return {add_bound(a.lo, b.lo), add_bound(a.hi, b.hi)};
}

inline range negate(range const& a) { return a.exists() ? range{-a.hi, -a.lo} : a; }

inline double mul_bound(double x, double y) {
  if (x == 0 || y == 0) return 0;  // 0 × ∞ is 0 here: an exact zero stays zero whatever the other side
  return x * y;
}

inline range multiply(range const& a, range const& b) {
  range out;
  if (either_absent(a, b, out)) return out;
  double c[] = {mul_bound(a.lo, b.lo), mul_bound(a.lo, b.hi), mul_bound(a.hi, b.lo), mul_bound(a.hi, b.hi)};
  return {*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
}

/// Kleene logic on truth intervals ([0,0] false, [1,1] true, [0,1] unknown). A condition that does not
/// apply is left out: `a and b` with `a` not applicable is `b`.
inline range logical_and(range const& a, range const& b) {
  if (!a.exists()) return b;
  if (!b.exists()) return a;
  return {std::min(a.lo, b.lo), std::min(a.hi, b.hi)};
}
inline range logical_or(range const& a, range const& b) {
  if (!a.exists()) return b;
  if (!b.exists()) return a;
  return {std::max(a.lo, b.lo), std::max(a.hi, b.hi)};
}
inline range logical_not(range const& a) { return a.exists() ? range{1 - a.hi, 1 - a.lo} : a; }

}  // namespace chitieu::eval::detail
