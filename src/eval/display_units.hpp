// Outcomes leave the engine in display units (sema::display_value; docs/api.md, "Values"): the judges
// compute on the measure's representation and convert each outcome once, when it is complete. Private
// to src/eval.
#pragma once
#include <chitieu/eval/outcome.hpp>
#include <chitieu/sema/ruleset.hpp>

namespace chitieu::eval::detail {

/// A milestone's values, all in the target's measure. `pace` is a ratio of changes and `parts` are in
/// the units of the numerator and denominator: neither is converted.
inline void to_display_units(milestone_outcome& m, sema::value_type const& type) {
  if (!sema::shown_as_percent(type)) return;
  for (double* v : {&m.value, &m.lower, &m.upper, &m.judged_on, &m.threshold, &m.gap, &m.baseline, &m.expected})
    *v = sema::display_value(*v, type);
}

/// A year of a requirement: its values are those of the comparison's left side.
inline void to_display_units(requirement_outcome& r, sema::value_type const& type) {
  if (!sema::shown_as_percent(type)) return;
  for (double* v : {&r.value, &r.threshold, &r.gap, &r.lower, &r.upper}) *v = sema::display_value(*v, type);
}

}  // namespace chitieu::eval::detail
