// `chitieu check FILES…`: parse and check rule files, print diagnostics.
#include <chitieu/json_text.hpp>
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/report/format.hpp>

#include <algorithm>
#include <ostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {

std::optional<warning_policy> warning_options(std::vector<std::string> const& values, std::ostream& err) {
  warning_policy policy;
  for (auto const& v : values)
    if (auto why = add_warning_option(policy, v)) {
      err << "chitieu: " << *why << '\n';
      return std::nullopt;
    }
  return policy;
}

std::optional<ruleset_result> load_checked(std::vector<std::string> const& paths, std::ostream& err,
                                           bool print_warnings, warning_policy const& warnings) {
  load_options options;
  options.warnings = warnings;
  options.lang = current_language();
  auto result = load_rules(paths, options);
  for (auto const& e : result.io_errors) err << "chitieu: " << e << '\n';
  if (!result.io_errors.empty()) return std::nullopt;
  if (result.sources.empty()) {
    err << "chitieu: " << tr("no .ct rule files found") << '\n';
    return std::nullopt;
  }
  // Notes go with the diagnostic they explain (the other tasks caught in a cycle, a did-you-mean), which
  // carries the same code; a note standing for an allowed warning is a warning's business, not an error's.
  diagnostic const* shown = nullptr;
  for (auto const& d : result.diags) {
    bool show = d.level == severity::note ? shown && shown->code == d.code
                                          : print_warnings || d.level != severity::warning;
    if (show) report::render_diagnostic(err, result.sources, d);
    if (d.level != severity::note) shown = show ? &d : nullptr;
  }
  if (!result.rules) return std::nullopt;
  return result;
}

int run_check(check_options const& options, std::ostream& out, std::ostream& err) {
  auto policy = warning_options(options.warnings, err);
  if (!policy) return cannot_run;
  load_options load;
  load.warnings = *policy;
  load.lang = current_language();
  auto result = load_rules(options.paths, load);
  for (auto const& e : result.io_errors) err << "chitieu: " << e << '\n';
  if (!result.io_errors.empty()) return cannot_run;
  if (result.sources.empty()) {
    err << "chitieu: " << tr("no .ct rule files found") << '\n';
    return cannot_run;
  }
  auto const& diags = result.diags;  // the plan checks are part of loading
  auto count = [&](severity s) {
    return std::count_if(diags.begin(), diags.end(), [s](diagnostic const& d) { return d.level == s; });
  };
  auto errors = count(severity::error), warnings = count(severity::warning);
  if (options.format == "json") {
    nlohmann::json j;
    j["files"] = result.sources.size();
    j["errors"] = errors;
    j["warnings"] = warnings;
    j["diagnostics"] = report::diagnostics_to_json(result.sources, diags);
    out << json_text(j) << '\n';
  } else {
    report::render_diagnostics(out, result.sources, diags);
    // Each count agrees with its noun in English ("1 file checked: 1 error, 2 warnings").
    auto counted = [](std::size_t n, std::string const& said_with) {
      return report::agree(current_language(), std::to_string(n), said_with);
    };
    auto files = std::to_string(result.sources.size());
    out << tr("{0}: {1}, {2}",
              {counted(result.sources.size(), tr("{0} files checked", {files})),
               counted(errors, tr("{0} errors", {std::to_string(errors)})),
               counted(warnings, tr("{0} warnings", {std::to_string(warnings)}))})
        << '\n';
  }
  if (errors > 0 || (options.warnings_as_errors && warnings > 0)) return problems;
  return ok;
}

}  // namespace chitieu::cli
