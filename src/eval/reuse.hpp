// Outcomes are refilled in place, unit after unit: a national batch judges millions of items, and
// giving each its own vectors and strings made allocation the largest cost of evaluating. Private to
// src/eval.
#pragma once
#include <chitieu/eval/outcome.hpp>

#include <utility>

namespace chitieu::eval::detail {

/// Clears `kept` and hands it back, so that its capacity survives the reset of the object it was in.
template <typename T>
T cleared(T& kept) {
  T out = std::move(kept);
  out.clear();
  return out;
}

/// Resets every member to its default, keeping the storage of the vectors and strings for reuse.
/// Written as "default, then give the storage back", so a member added later is reset too.
inline void reset(milestone_outcome& m) {
  auto reason = cleared(m.reason);
  auto numerator_unit = cleared(m.parts.numerator_unit), denominator_unit = cleared(m.parts.denominator_unit);
  auto missing = cleared(m.missing);
  auto failing = cleared(m.failing_units);
  m = milestone_outcome{};
  m.reason = std::move(reason);
  m.parts.numerator_unit = std::move(numerator_unit);
  m.parts.denominator_unit = std::move(denominator_unit);
  m.missing = std::move(missing);
  m.failing_units = std::move(failing);
}

inline void reset(target_outcome& t) {
  auto milestones = std::move(t.milestones);  // each is reset when it is judged
  auto reason = cleared(t.reason);
  auto serving = cleared(t.serving_tasks), accountable = cleared(t.accountable);
  auto monitors = cleared(t.monitors), at_risk = cleared(t.at_risk_from);
  t = target_outcome{};
  t.milestones = std::move(milestones);
  t.reason = std::move(reason);
  t.serving_tasks = std::move(serving);
  t.accountable = std::move(accountable);
  t.monitors = std::move(monitors);
  t.at_risk_from = std::move(at_risk);
}

inline void reset(requirement_outcome& r) {
  auto reason = cleared(r.reason);
  auto failing = cleared(r.failing_units);
  auto missing = cleared(r.missing);
  r = requirement_outcome{};
  r.reason = std::move(reason);
  r.failing_units = std::move(failing);
  r.missing = std::move(missing);
}

inline void reset(obligation_outcome& o) {
  auto years = std::move(o.years);  // each is reset when it is written
  auto reason = cleared(o.reason);
  auto serving = cleared(o.serving_tasks), accountable = cleared(o.accountable), monitors = cleared(o.monitors);
  o = obligation_outcome{};
  o.years = std::move(years);
  o.reason = std::move(reason);
  o.serving_tasks = std::move(serving);
  o.accountable = std::move(accountable);
  o.monitors = std::move(monitors);
}

}  // namespace chitieu::eval::detail
