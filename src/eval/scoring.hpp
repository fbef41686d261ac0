// Scores: weighted means of progress per group, per document and overall. Private to src/eval.
#pragma once
#include <chitieu/eval/outcome.hpp>
#include <chitieu/eval/plan.hpp>

namespace chitieu::eval::detail {
void compute_scores(unit_scorecard& card, plan const& compiled, evaluate_options const& options);
}
