// One submission scored as `score` and `batch` score it: the rules' checks on its figures, the
// documents that apply to it, and the evaluation. One place, so that a line of a batch gets the very
// scorecard `score` gives for the same file.
#pragma once
#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/table_input.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace chitieu::cli {

/// What a run fixes once for all its submissions.
struct scoring_setup {
  eval::evaluate_options options;  // as-of day, freshness, no-data policy, language
  std::vector<int> named;          // `--document`: the documents asked for, or empty
};

/// The setup from the command line's values; nullopt after saying why (a document id that is unknown).
std::optional<scoring_setup> make_scoring_setup(sema::checked_ruleset const& rules, std::int32_t as_of,
                                                int freshness, std::string const& no_data,
                                                std::vector<std::string> const& documents, std::ostream& err);

struct scored_submission {
  eval::document_choice documents;  // the documents that apply and those left out, with the reason
  eval::evaluation result;
};

/// Scores a loaded submission (`data.data` must hold a dataset): runs the rules' checks on its figures
/// (their issues join `data.issues`), names spreadsheet cells in the issues, chooses the documents and
/// evaluates.
scored_submission score_submission(eval::plan const& compiled, scoring_setup const& setup,
                                   eval::table_load_result& data);

/// The exit code a scorecard of `unit` (and the units below it) calls for (docs/cli.md): 3 when the data
/// has errors, since verdicts rest on it; 2 when an item needs action or a task shown is overdue; else 0.
int scorecard_exit(eval::evaluation const& result, eval::load_result const& data, std::uint32_t unit);

}  // namespace chitieu::cli
