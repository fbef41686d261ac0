// One submission scored as `score` and `batch` score it: the rules' checks on its figures, the
// documents that apply to it, and the evaluation. One place, so that a line of a batch gets the very
// scorecard `score` gives for the same file.
#pragma once
#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/table_input.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace chitieu::cli {

/// What a run fixes once for all its submissions.
struct scoring_setup {
  eval::evaluate_options options;  // as-of day, freshness, no-data policy, language
  std::vector<sema::document_id> named;          // `--document`: the documents asked for, or empty
};

/// The setup from the command line's values; nullopt after saying why (a document id that is unknown).
std::optional<scoring_setup> make_scoring_setup(sema::checked_ruleset const& rules, std::int32_t as_of,
                                                int freshness, std::string const& no_data,
                                                std::vector<std::string> const& documents, std::ostream& err);

/// A loaded submission made ready to judge: the rules' checks on its figures have run (their issues
/// joined `data.issues`, with spreadsheet cells named), and the documents that apply are chosen.
struct prepared_submission {
  eval::document_choice documents;  // the documents that apply and those left out, with the reason
  eval::evaluate_options options;   // the setup's, limited to those documents
};
/// `data.data` must hold a dataset.
prepared_submission prepare_submission(eval::plan const& compiled, scoring_setup const& setup,
                                       eval::table_load_result& data);

/// Whether anything in the scorecards seen needs action: the exit code of a report (docs/cli.md).
struct verdict_tally {
  bool needs_action = false;
  /// A unit's targets and obligations, and the tasks it holds (the root holds the submission's).
  void add(eval::unit_scorecard const& card);
  /// The root's tasks alone, for a report of a unit below it (they are shown as the root's).
  void add_tasks_of(eval::unit_scorecard const& root) {
    for (auto const& k : root.tasks)
      if (k.result == eval::task_verdict::overdue) needs_action = true;
  }
  /// 3 when the data has errors, since verdicts rest on it; 2 when something needs action; else 0.
  int exit_code(eval::load_result const& data) const;
};

/// The exit code of the report of `unit` (and the units below it) in `result`.
int scorecard_exit(eval::evaluation const& result, eval::load_result const& data, std::uint32_t unit);

/// Judges the whole submission and writes its JSON scorecard unit by unit (memory holds one unit's
/// scorecard); returns the report's exit code.
int write_json_scorecard(std::ostream& out, eval::plan const& compiled, prepared_submission const& prepared,
                         eval::table_load_result const& data, report::provenance const* source,
                         report::json_layout layout, report::json_detail detail = report::json_detail::scorecard);

/// Judges the whole submission unit by unit and writes the `format` ("text" or "csv") scorecard of
/// `unit` with the units below it down to `depth` levels (negative: all), each unit forgotten once
/// written. Returns the report's exit code, as scorecard_exit gives it.
int write_streamed_scorecard(std::ostream& out, std::string const& format, eval::plan const& compiled,
                             prepared_submission const& prepared, eval::table_load_result const& data,
                             report::provenance const* source, std::uint32_t unit, int depth);

}  // namespace chitieu::cli
