// Outcomes are refilled in place, unit after unit: a national batch judges millions of items, and
// giving each its own vectors and strings made allocation the largest cost of evaluating. Private to
// src/eval.
#pragma once
#include <chitieu/eval/outcome.hpp>

#include <utility>

namespace chitieu::eval::detail {

/// Resets every member to its default, keeping the storage of the vectors and strings for reuse: a
/// copy of an empty outcome, since copying an empty vector or string into one keeps its capacity
/// (moving would not). A member added later is reset too. Nested outcomes (a target's milestones, an
/// obligation's years) are set aside first: copying would free theirs; each is reset when it is refilled.
template <typename Outcome>
void reset_flat(Outcome& o) {
  static Outcome const empty{};
  o = empty;
}

inline void reset(milestone_outcome& m) { reset_flat(m); }
inline void reset(requirement_outcome& r) { reset_flat(r); }

inline void reset(target_outcome& t) {
  auto milestones = std::move(t.milestones);
  reset_flat(t);
  t.milestones = std::move(milestones);
}

inline void reset(obligation_outcome& o) {
  auto years = std::move(o.years);
  reset_flat(o);
  o.years = std::move(years);
}

}  // namespace chitieu::eval::detail
