// Scores: weighted means of progress per group, per document and overall. Private to src/eval.
#pragma once
#include <chitieu/eval/outcome.hpp>

namespace chitieu::eval::detail {
void compute_scores(unit_scorecard& card, sema::checked_ruleset const& rules,
                    evaluate_options const& options);
}
