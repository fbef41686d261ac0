/// @file
/// Verifying rule sets: the `chitieu test` runner (test files per docs/testing.md, coverage) and a small
/// scenario API for an embedding application's own test suite.
#pragma once
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/export.hpp>
#include <chitieu/pipeline.hpp>

#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace chitieu::testing {

/// One expectation that did not hold.
struct failure {
  std::string file, case_name, key, unit;
  std::string expected, actual, why;
  std::uint32_t line = 0;  // of the expectation's key in the test file (of the case, for a case failure)
};

struct CHITIEU_API coverage_entry {
  std::string rule_file;
  int items = 0, exercised = 0, milestones = 0, sides_seen = 0;
  std::vector<std::string> unexercised;  // qualified ids
  std::vector<std::string> one_sided;    // "bn_ctr04.T1@2030: never not met"
  double percent() const;
};

struct run_result {
  int passed = 0, failed = 0, cases = 0;
  std::vector<failure> failures;
  std::vector<std::string> errors;  // test files that could not run
  std::vector<coverage_entry> coverage;
};

/// Runs every `*.test.json` in `paths` (files or directories). Coverage covers every rule file the
/// tests load, and every rule file with items found under the directories given.
/// `options.warnings` applies to the rules each test file loads (`chitieu test -W …`).
CHITIEU_API run_result run_tests(std::vector<std::string> const& paths, load_options const& options = {});

/// A rule set, a submission and a date, for asserting verdicts from C++.
class CHITIEU_API scenario {
 public:
  /// Loads and checks the rule files; throws std::runtime_error with the diagnostics if they fail.
  explicit scenario(std::vector<std::string> const& rule_paths);
  ~scenario();
  scenario(scenario&&) noexcept;

  scenario& data(std::string const& json_text);
  scenario& data_file(std::string const& path);
  scenario& as_of(std::string const& iso_date);
  scenario& unit(std::string const& id);

  /// "met", "on_track", "done", …, for `T1`, `T1@2030`, `O10`, `O10@2026`, `K9` (qualified ids);
  /// "failed", "passed", … for a data check `C1`, `C1@2026`.
  std::string verdict(std::string const& key);
  /// The value behind a verdict, in display units (percents in percent); NaN when there is none.
  double value(std::string const& key);
  double gap(std::string const& key);
  /// Overall score 0–100, or of one document.
  double score(std::string const& document = "");

  eval::evaluation const& result();
  std::vector<eval::data_issue> const& issues();

 private:
  struct state;
  std::unique_ptr<state> state_;
};

/// What one key judges, resolved against an evaluation: shared by the runner and `scenario`.
struct observation {
  std::optional<std::string> verdict;
  double value = eval::nan, threshold = eval::nan, gap = eval::nan, progress = eval::nan,
         needed = eval::nan;
  double lower = eval::nan, upper = eval::nan;  // when missing values leave the value open
  double pace = eval::nan;                      // a ratio: 1 is the pace the straight line asks for
  std::string reason;
  std::vector<std::string> missing;
  std::vector<std::string> pointers;  // a data check: where it was reported failing
  std::vector<std::string> who;  // agencies answering for a target or obligation (tasks' leads and supports,
                                 // then monitors); a task's leads and supports
  std::string error;  // the key names nothing
};
CHITIEU_API observation observe(eval::plan const& plan, eval::evaluation const& result, std::uint32_t unit,
                                std::string const& key, std::string const& document);
/// A key naming a declared data check (`C1`, `C1@2026`): `failed` when `issues` (from
/// eval::check_data) report it at the unit, else `passed`, `no_data` or `not_applicable`.
/// Empty when the key names no check.
CHITIEU_API std::optional<observation> observe_check(eval::plan const& plan, eval::dataset const& data,
                                                     std::vector<eval::data_issue> const& issues,
                                                     std::uint32_t unit, std::string const& key,
                                                     std::string const& document);

}  // namespace chitieu::testing
