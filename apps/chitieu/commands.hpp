// The subcommands of the chitieu CLI. Each is a function over options and streams, so tests can call
// it without a process. Exit codes (docs/cli.md): 0 ok, 1 could not run, 2 problems found (rule errors,
// targets not met), 3 the submission is broken (cannot be read, or has data errors).
#pragma once
#include <chitieu/eval/table_input.hpp>
#include <chitieu/pipeline.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace chitieu::cli {

enum exit_code { ok = 0, cannot_run = 1, problems = 2, data_broken = 3 };

struct check_options {
  std::vector<std::string> paths;
  std::vector<std::string> warnings;  // -W no-CODE | error=CODE | error
  std::string format = "text";  // text | json
  bool warnings_as_errors = false;
};
int run_check(check_options const& options, std::ostream& out, std::ostream& err);

struct score_options {
  std::vector<std::string> paths;
  std::vector<std::string> warnings;
  std::string data;
  std::string as_of;            // YYYY-MM-DD; empty = today
  std::string format = "text";  // text | json
  std::string no_data = "zero";  // zero | exclude
  int freshness = 1;              // years a value stays current (docs/scoring.md §2)
  std::vector<std::string> documents;  // restrict to these document ids
  std::string unit;                    // report this unit only (its id in the submission)
  int depth = -1;                      // text: levels of units listed below the one reported; -1 all
  bool summary = false;                // html: the summary and what needs action only
  std::string detail = "scorecard";    // json: scorecard | results (flat rows, no evidence)
  bool compact = false;                // json: one line, as `batch` writes it
  std::size_t max_data_mb = 1024;      // the largest submission read (docs/reliability.md)
};
int run_score(score_options const& options, std::ostream& out, std::ostream& err);

struct batch_options {
  std::vector<std::string> paths;
  std::vector<std::string> warnings;
  std::string data = "-";        // NDJSON, one submission a line; - for standard input
  std::string as_of;             // YYYY-MM-DD; empty = today
  std::string no_data = "zero";  // zero | exclude
  int freshness = 1;
  std::vector<std::string> documents;
  std::size_t max_data_mb = 1024;  // the longest line read as one submission
  std::string detail = "scorecard";  // scorecard | results
};
/// `chitieu batch`: one compact JSON scorecard a line, or a record of why the line was rejected, in the
/// order of the input; a summary on `err`. Exit 0 when every line was handled, whatever the verdicts (a
/// distributed engine takes any other code for a failed task); 1 when the run cannot start.
int run_batch(batch_options const& options, std::istream& in, std::ostream& out, std::ostream& err);

struct verify_options {
  std::string report;   // a scorecard saved earlier, in any format
  score_options score;  // the rules, the submission and the scoring options it was computed with
};
/// Exit 0 when the report is what the files give, 2 when it is not, 1 when it cannot be checked.
int run_verify(verify_options const& options, std::ostream& out, std::ostream& err);

/// A submission by its name: a workbook (.xlsx), the CSV layout (.csv), standard input ("-", JSON), or
/// a JSON file. Nothing (and a message on `err`) when the file cannot be read at all. `data_sha256`, when
/// given, receives the SHA-256 of the bytes read (for the provenance), which are not kept.
std::optional<eval::table_load_result> read_data(std::string const& path, sema::checked_ruleset const& rules,
                                                 std::ostream& err, std::string* data_sha256 = nullptr,
                                                 std::size_t max_bytes = std::size_t(1) << 30);

struct test_options {
  std::vector<std::string> paths;
  std::vector<std::string> warnings;
  std::string format = "text";  // text | json
  bool coverage = false;
  double coverage_min = -1;  // percent; negative = no bar
  bool generate_boundaries = false;  // paths are rule files: write boundary cases instead of running
  std::string output;                // --output: where the generated test file goes (default stdout)
};
int run_test(test_options const& options, std::ostream& out, std::ostream& err);
/// `chitieu test --generate-boundaries RULES… [--output FILE]` (docs/testing.md, "Boundary tests").
int run_generate_boundaries(test_options const& options, std::ostream& out, std::ostream& err);

struct list_options {
  std::vector<std::string> paths;
  std::vector<std::string> warnings;
  std::string format = "text";
};
int run_list(list_options const& options, std::ostream& out, std::ostream& err);

struct fmt_options {
  std::vector<std::string> paths;  // files, directories, or `-` for standard input
  bool check = false;              // list the files that would change; exit 1 if any
  bool diff = false;               // print a unified diff instead of writing
};
/// Exit: 0 done (or, with --check, every file canonical); 1 a file cannot be read or written, or with
/// --check a file would change; 2 a file has syntax errors (it is left as it is).
int run_fmt(fmt_options const& options, std::istream& in, std::ostream& out, std::ostream& err);

/// `--as-of`: the date given, or today when empty; nullopt (after saying why) when it is not a date.
std::optional<std::int32_t> as_of_date(std::string const& given, std::ostream& err);

/// The `-W` values of a run as one policy; nullopt after saying which value is wrong.
std::optional<warning_policy> warning_options(std::vector<std::string> const& values, std::ostream& err);

/// Loads rule files and prints their diagnostics to `err`; nullopt when they cannot be used.
std::optional<ruleset_result> load_checked(std::vector<std::string> const& paths, std::ostream& err,
                                           bool print_warnings, warning_policy const& warnings = {});

}  // namespace chitieu::cli
