// Evaluating a plan against a submission as of a date: every unit, every applicable target,
// obligation and (at the root) task, and the scores. `evaluate` never throws on bad data.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/eval/plan.hpp>

namespace chitieu::eval {

evaluation evaluate(plan const& compiled, dataset const& data, evaluate_options const& options);

/// Milestone met? Shared with the test harness and reports.
bool satisfies(sema::milestone const& m, double value);

}  // namespace chitieu::eval
