// The chitieu command: CLI11 wiring only; each subcommand lives in its own file.
#include <CLI/CLI.hpp>
#include <chitieu/suggest.hpp>

#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "graph_commands.hpp"

int main(int argc, char** argv) {
  using namespace chitieu::cli;
  CLI::App app{"chitieu: chỉ tiêu, nhiệm vụ và chấm điểm theo kế hoạch"};
  app.require_subcommand(1);
  int exit = ok;

  check_options check;
  auto* check_cmd = app.add_subcommand("check", "Check rule files and print diagnostics");
  check_cmd->add_option("files", check.paths, "Rule files or directories")->required();
  check_cmd->add_option("--format", check.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  check_cmd->add_option("-W", check.warnings, "Warning control: no-CODE (off), error=CODE, error (all)")
      ->allow_extra_args(false);
  check_cmd->add_flag("--werror", check.warnings_as_errors, "Treat warnings as errors");
  check_cmd->callback([&] { exit = run_check(check, std::cout, std::cerr); });

  score_options score;
  auto* score_cmd = app.add_subcommand("score", "Score a submission against rule files");
  score_cmd->add_option("files", score.paths, "Rule files or directories")->required();
  score_cmd->add_option("--data", score.data, "Submission: JSON, a filled template (.xlsx or .csv), or - for JSON on standard input")->required();
  score_cmd->add_option("--as-of", score.as_of, "Judge as of this date (YYYY-MM-DD); default today");
  score_cmd->add_option("--format", score.format, "text, json, html or csv")
      ->check(CLI::IsMember({"text", "json", "html", "csv"}));
  score_cmd->add_option("--no-data", score.no_data, "How no_data counts in scores: zero or exclude")
      ->check(CLI::IsMember({"zero", "exclude"}));
  score_cmd->add_option("--document", score.documents, "Only score these documents (ids)");
  score_cmd->add_option("--freshness", score.freshness,
                        "A value is current for this many years after its own (default 1); older ones are stale")
      ->check(CLI::Range(0, 50));
  score_cmd->add_option("-W", score.warnings, "Warning control: no-CODE (off), error=CODE, error (all)")
      ->allow_extra_args(false);
  score_cmd->callback([&] { exit = run_score(score, std::cout, std::cerr); });

  test_options test;
  auto* test_cmd = app.add_subcommand("test", "Run rule test files (*.test.json)");
  test_cmd->add_option("paths", test.paths, "Test files or directories")->required();
  test_cmd->add_option("--format", test.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  test_cmd->add_flag("--coverage", test.coverage, "Report what no test case exercises");
  test_cmd->add_option("--coverage-min", test.coverage_min, "Fail below this coverage (percent)");
  test_cmd->add_flag("--generate-boundaries", test.generate_boundaries,
                     "PATHS are rule files: write cases below, at and above each milestone's threshold");
  test_cmd->add_option("--output", test.output, "With --generate-boundaries: the test file to write");
  test_cmd->add_option("-W", test.warnings, "Warning control: no-CODE (off), error=CODE, error (all)")
      ->allow_extra_args(false);
  test_cmd->callback([&] {
    exit = test.generate_boundaries ? run_generate_boundaries(test, std::cout, std::cerr)
                                    : run_test(test, std::cout, std::cerr);
  });

  list_options list;
  auto* list_cmd = app.add_subcommand("list", "List documents, targets, obligations, tasks and agencies");
  list_cmd->add_option("files", list.paths, "Rule files or directories")->required();
  list_cmd->add_option("--format", list.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  list_cmd->add_option("-W", list.warnings, "Warning control: no-CODE (off), error=CODE, error (all)")
      ->allow_extra_args(false);
  list_cmd->callback([&] { exit = run_list(list, std::cout, std::cerr); });

  fmt_options fmt;
  auto* fmt_cmd = app.add_subcommand("fmt", "Lay rule files out in the canonical layout");
  fmt_cmd->add_option("files", fmt.paths, "Rule files or directories; - for standard input")->required();
  fmt_cmd->add_flag("--check", fmt.check, "List the files that would change and exit 1 if any; write nothing");
  fmt_cmd->add_flag("--diff", fmt.diff, "Print a unified diff of the changes; write nothing");
  fmt_cmd->callback([&] { exit = run_fmt(fmt, std::cin, std::cout, std::cerr); });

  add_graph_commands(app, exit);

  // A misspelt subcommand: say which one was meant rather than CLI11's "arguments were not expected".
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (auto const* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
    std::string given = argv[1];
    if (std::find(names.begin(), names.end(), given) == names.end()) {
      std::cerr << "chitieu: unknown subcommand '" << given << "'";
      if (auto best = chitieu::nearest_name(given, names)) std::cerr << "; " << chitieu::did_you_mean(*best);
      std::cerr << "\nRun with --help for more information.\n";
      return cannot_run;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (CLI::ParseError const& e) {
    int code = app.exit(e);
    return code == 0 ? ok : cannot_run;
  } catch (std::exception const& e) {
    std::cerr << "chitieu: internal error: " << e.what() << '\n';
    return cannot_run;
  }
  return exit;
}
