// The chitieu command: CLI11 wiring only; each subcommand lives in its own file.
#include <CLI/CLI.hpp>
#include <chitieu/suggest.hpp>
#include <chitieu/version.hpp>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <new>

#include "commands.hpp"
#include "graph_commands.hpp"
#include "messages.hpp"

namespace {

// An exception that escapes where none may (a destructor, a noexcept function) ends in std::terminate:
// say why and exit 1 (docs/cli.md) rather than abort with a signal, which a caller cannot tell from a crash.
[[noreturn]] void on_terminate() {
  using chitieu::cli::tr;
  bool out_of_memory = false;
  try {
    if (auto e = std::current_exception()) std::rethrow_exception(e);
  } catch (std::bad_alloc const&) {
    out_of_memory = true;
  } catch (...) {
  }
  std::cerr << "chitieu: " << (out_of_memory ? tr("out of memory") : tr("internal error")) << std::endl;
  std::_Exit(chitieu::cli::cannot_run);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace chitieu::cli;
  std::set_terminate(on_terminate);
  // The language first: every help text below is written through the catalog.
  set_language(language_asked(argc, argv));
  CLI::App app{tr("chitieu: targets, tasks and scoring of plans")};
  app.option_defaults()->group(tr("Options"));  // subcommands inherit the defaults
  app.set_help_flag("-h,--help", tr("Print this help message and exit"));  // subcommands copy it
  app.set_version_flag("--version", "chitieu " CHITIEU_VERSION_STRING, tr("Display program version information and exit"));
  for (char const* label : {"Usage", "Options", "Positionals", "Subcommands", "OPTIONS", "SUBCOMMAND", "REQUIRED"})
    app.get_formatter()->label(label, tr(label));
  std::string lang = language_code(current_language());
  // Read before parsing (language_asked); declared so that CLI11 accepts it, before or after the
  // subcommand (fallthrough).
  app.add_option("--lang", lang, tr("Language of messages and help: vi (default) or en"))
      ->check(CLI::IsMember({"vi", "en"}));
  app.fallthrough();
  app.require_subcommand(1);
  int exit = ok;

  check_options check;
  auto* check_cmd = app.add_subcommand("check", tr("Check rule files and print diagnostics"));
  check_cmd->add_option("files", check.paths, tr("Rule files or directories"))->required();
  check_cmd->add_option("--format", check.format, tr("text or json"))->check(CLI::IsMember({"text", "json"}));
  check_cmd->add_option("-W", check.warnings, tr("Warning control: no-CODE (off), error=CODE, error (all)"))
      ->allow_extra_args(false);
  check_cmd->add_flag("--werror", check.warnings_as_errors, tr("Treat warnings as errors"));
  check_cmd->callback([&] { exit = run_check(check, std::cout, std::cerr); });

  score_options score;
  auto* score_cmd = app.add_subcommand("score", tr("Score a submission against rule files"));
  score_cmd->add_option("files", score.paths, tr("Rule files or directories"))->required();
  score_cmd->add_option("--data", score.data, tr("Submission: JSON, a filled template (.xlsx or .csv), or - for JSON on standard input"))->required();
  score_cmd->add_option("--as-of", score.as_of, tr("Judge as of this date (YYYY-MM-DD); default today"));
  score_cmd->add_option("--format", score.format, tr("text, json, html or csv"))
      ->check(CLI::IsMember({"text", "json", "html", "csv"}));
  score_cmd->add_option("--no-data", score.no_data, tr("How no_data counts in scores: zero or exclude"))
      ->check(CLI::IsMember({"zero", "exclude"}));
  score_cmd->add_option("--document", score.documents, tr("Only score this document (id); repeatable"))
      ->allow_extra_args(false);
  score_cmd->add_option("--unit", score.unit, tr("Report this unit (its id), scored within the whole submission"));
  score_cmd->add_option("--depth", score.depth, tr("Text: levels of units listed below the one reported"))
      ->check(CLI::NonNegativeNumber);
  score_cmd->add_option("--max-data-mb", score.max_data_mb, tr("The largest submission read, in MB (default 1024)"))
      ->check(CLI::PositiveNumber);
  score_cmd->add_option("--detail", score.detail,
                        tr("JSON: scorecard (the default, with the evidence) or results (each unit's verdicts as flat rows)"))
      ->check(CLI::IsMember({"scorecard", "results"}));
  score_cmd->add_flag("--compact", score.compact,
                      tr("JSON: on one line, without indentation (the same document, smaller and faster to write)"));
  score_cmd->add_flag("--summary", score.summary, tr("HTML: the summary and what needs action only, for the leadership"));
  score_cmd->add_option("--freshness", score.freshness,
                        tr("A value is current for this many years after its own (default 1); older ones are stale"))
      ->check(CLI::Range(0, 50));
  score_cmd->add_option("-W", score.warnings, tr("Warning control: no-CODE (off), error=CODE, error (all)"))
      ->allow_extra_args(false);
  score_cmd->callback([&] { exit = run_score(score, std::cout, std::cerr); });

  batch_options batch;
  auto* batch_cmd = app.add_subcommand("batch", tr("Score NDJSON submissions, one a line, into NDJSON scorecards"));
  batch_cmd->add_option("files", batch.paths, tr("Rule files or directories"))->required();
  batch_cmd->add_option("--data", batch.data, tr("NDJSON submissions, one a line; - (the default) for standard input"));
  batch_cmd->add_option("--as-of", batch.as_of, tr("Judge as of this date (YYYY-MM-DD); default today"));
  batch_cmd->add_option("--no-data", batch.no_data, tr("How no_data counts in scores: zero or exclude"))
      ->check(CLI::IsMember({"zero", "exclude"}));
  batch_cmd->add_option("--document", batch.documents, tr("Only score this document (id); repeatable"))
      ->allow_extra_args(false);
  batch_cmd->add_option("--freshness", batch.freshness,
                        tr("A value is current for this many years after its own (default 1); older ones are stale"))
      ->check(CLI::Range(0, 50));
  batch_cmd->add_option("--max-data-mb", batch.max_data_mb, tr("The longest line read as one submission, in MB (default 1024)"))
      ->check(CLI::PositiveNumber);
  batch_cmd->add_option("--detail", batch.detail,
                        tr("JSON: scorecard (the default, with the evidence) or results (each unit's verdicts as flat rows)"))
      ->check(CLI::IsMember({"scorecard", "results"}));
  batch_cmd->add_option("-W", batch.warnings, tr("Warning control: no-CODE (off), error=CODE, error (all)"))
      ->allow_extra_args(false);
  batch_cmd->callback([&] { exit = run_batch(batch, std::cin, std::cout, std::cerr); });

  test_options test;
  auto* test_cmd = app.add_subcommand("test", tr("Run rule test files (*.test.json)"));
  test_cmd->add_option("paths", test.paths, tr("Test files or directories"))->required();
  test_cmd->add_option("--format", test.format, tr("text or json"))->check(CLI::IsMember({"text", "json"}));
  test_cmd->add_flag("--coverage", test.coverage, tr("Report what no test case exercises"));
  test_cmd->add_option("--coverage-min", test.coverage_min, tr("Fail below this coverage (percent)"));
  test_cmd->add_flag("--generate-boundaries", test.generate_boundaries,
                     tr("PATHS are rule files: write cases below, at and above each milestone's threshold"));
  test_cmd->add_option("--output", test.output, tr("With --generate-boundaries: the test file to write"));
  test_cmd->add_option("-W", test.warnings, tr("Warning control: no-CODE (off), error=CODE, error (all)"))
      ->allow_extra_args(false);
  test_cmd->callback([&] {
    exit = test.generate_boundaries ? run_generate_boundaries(test, std::cout, std::cerr)
                                    : run_test(test, std::cout, std::cerr);
  });

  list_options list;
  auto* list_cmd = app.add_subcommand("list", tr("List documents, targets, obligations, tasks and agencies"));
  list_cmd->add_option("files", list.paths, tr("Rule files or directories"))->required();
  list_cmd->add_option("--format", list.format, tr("text or json"))->check(CLI::IsMember({"text", "json"}));
  list_cmd->add_option("-W", list.warnings, tr("Warning control: no-CODE (off), error=CODE, error (all)"))
      ->allow_extra_args(false);
  list_cmd->callback([&] { exit = run_list(list, std::cout, std::cerr); });

  fmt_options fmt;
  auto* fmt_cmd = app.add_subcommand("fmt", tr("Lay rule files out in the canonical layout"));
  fmt_cmd->add_option("files", fmt.paths, tr("Rule files or directories; - for standard input"))->required();
  fmt_cmd->add_flag("--check", fmt.check, tr("List the files that would change and exit 1 if any; write nothing"));
  fmt_cmd->add_flag("--diff", fmt.diff, tr("Print a unified diff of the changes; write nothing"));
  fmt_cmd->callback([&] { exit = run_fmt(fmt, std::cin, std::cout, std::cerr); });

  add_graph_commands(app, exit);
  // Group names are plain strings in CLI11, given when each subcommand copies its help flag: name them
  // again, in the chosen language.
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    sub->group(tr("Subcommands"));
    if (auto* help = sub->get_help_ptr()) help->group(tr("Options"));
  }

  verify_options verify;
  auto* verify_cmd = app.add_subcommand("verify", tr("Check that a saved scorecard is what the rules and data give"));
  verify_cmd->add_option("report", verify.report, tr("The scorecard (text, JSON, HTML or CSV)"))->required();
  verify_cmd->add_option("files", verify.score.paths, tr("Rule files or directories"))->required();
  verify_cmd->add_option("--data", verify.score.data, tr("The submission"))->required();
  verify_cmd->add_option("--no-data", verify.score.no_data, tr("As the report was scored: zero or exclude"))
      ->check(CLI::IsMember({"zero", "exclude"}));
  verify_cmd->add_option("--document", verify.score.documents, tr("As the report was scored"))->allow_extra_args(false);
  verify_cmd->add_option("--freshness", verify.score.freshness, tr("As the report was scored"))->check(CLI::Range(0, 50));
  verify_cmd->add_option("-W", verify.score.warnings, tr("Warning control: no-CODE (off), error=CODE, error (all)"))->allow_extra_args(false);
  verify_cmd->callback([&] { exit = run_verify(verify, std::cout, std::cerr); });

  // A misspelt subcommand: say which one was meant rather than CLI11's "arguments were not expected".
  // The first word that is not an option (nor the value of --lang) is the subcommand.
  int first = 1;
  while (first < argc && argv[first][0] == '-') first += std::string(argv[first]) == "--lang" ? 2 : 1;
  if (first < argc) {
    std::vector<std::string> names;
    for (auto const* sub : app.get_subcommands([](CLI::App*) { return true; })) names.push_back(sub->get_name());
    std::string given = argv[first];
    if (std::find(names.begin(), names.end(), given) == names.end()) {
      std::cerr << "chitieu: " << tr("unknown subcommand '{0}'", {given});
      if (auto best = chitieu::nearest_name(given, names)) std::cerr << "; " << tr("did you mean '{0}'?", {*best});
      std::cerr << '\n' << tr("Run with --help for more information.") << '\n';
      return cannot_run;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (CLI::ParseError const& e) {
    // --help and --version end here too (exit code 0): CLI11 prints them.
    if (e.get_exit_code() == 0) return app.exit(e) == 0 ? ok : cannot_run;
    // CLI11's own wording ("--data is required") has no catalog: it is quoted after ours.
    std::cerr << "chitieu: " << tr("invalid command line: {0}", {e.what()}) << '\n'
              << tr("Run with --help for more information.") << '\n';
    return cannot_run;
  } catch (std::bad_alloc const&) {
    std::cerr << "chitieu: " << tr("out of memory") << '\n';
    return cannot_run;
  } catch (std::exception const& e) {
    std::cerr << "chitieu: " << tr("internal error: {0}", {e.what()}) << '\n';
    return cannot_run;
  }
  return exit;
}
