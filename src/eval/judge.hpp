// What judging a unit needs, shared by the target and obligation judges. Private to src/eval.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/eval/plan.hpp>

#include <string>

#include "interpreter.hpp"

namespace chitieu::eval::detail {

struct context {
  context(plan const& p, dataset const& d, evaluate_options const& o)
      : compiled(p), rules(p.rules()), data(d), options(o), run(p, d), as_of_year(civil_from_days(o.as_of).year) {}
  plan const& compiled;
  sema::checked_ruleset const& rules;
  dataset const& data;
  evaluate_options const& options;
  interpreter run;
  int as_of_year;
};

/// Judges the target or obligation `a` at unit `u` into `out`, which is reset first and whose storage is
/// reused (reuse.hpp).
void judge_target(context const& c, applicable const& a, std::uint32_t u, target_outcome& out);
void judge_obligation(context const& c, applicable const& a, std::uint32_t u, obligation_outcome& out);

/// Why there is no value, as the scorecard says it, in `lang`.
std::string const& reason_for(absence why, language lang);

}  // namespace chitieu::eval::detail
