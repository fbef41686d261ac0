// `chitieu test PATHS… [--coverage] [--coverage-min PERCENT]`: run rule test files.
#include <chitieu/json_text.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/testing.hpp>

#include <ostream>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {

namespace {

nlohmann::json to_json(testing::run_result const& result, bool below, double coverage_min) {
  nlohmann::json j;
  j["passed"] = result.passed;
  j["failed"] = result.failed;
  j["cases"] = result.cases;
  j["failures"] = nlohmann::json::array();
  for (auto const& f : result.failures)
    j["failures"].push_back({{"file", f.file}, {"line", f.line}, {"case", f.case_name}, {"key", f.key},
                             {"unit", f.unit}, {"expected", f.expected}, {"actual", f.actual}, {"why", f.why}});
  j["errors"] = result.errors;
  j["coverage"] = nlohmann::json::array();
  for (auto const& c : result.coverage)
    j["coverage"].push_back({{"rule_file", c.rule_file}, {"percent", c.percent()}, {"items", c.items},
                             {"exercised", c.exercised}, {"milestones", c.milestones},
                             {"sides_seen", c.sides_seen}, {"unexercised", c.unexercised},
                             {"one_sided", c.one_sided}});
  if (coverage_min >= 0) j["coverage_below_min"] = below;
  return j;
}

}  // namespace

int run_test(test_options const& options, std::ostream& out, std::ostream& err) {
  auto policy = warning_options(options.warnings, err);
  if (!policy) return cannot_run;
  load_options load;
  load.warnings = *policy;
  load.lang = current_language();
  auto result = testing::run_tests(options.paths, load);
  for (auto const& e : result.errors) err << "chitieu: " << e << '\n';
  bool json = options.format == "json";
  for (auto const& f : result.failures)
    if (!json)
      out << f.file << (f.line ? ":" + std::to_string(f.line) : "") << ": case '" << f.case_name << "': " << f.key << (f.unit.empty() ? "" : " at " + f.unit)
        << ": expected " << f.expected << ", got " << f.actual << (f.why.empty() ? "" : " (" + f.why + ")") << '\n';
  bool below = false;
  if (json) {
    for (auto const& c : result.coverage)
      below = below || (options.coverage_min >= 0 && c.percent() + 1e-9 < options.coverage_min);
    out << json_text(to_json(result, below, options.coverage_min)) << '\n';
    if (!result.errors.empty() && result.passed + result.failed == 0) return cannot_run;
    return result.failed > 0 || !result.errors.empty() || below ? problems : ok;
  }
  if (options.coverage || options.coverage_min >= 0) {
    for (auto const& c : result.coverage) {
      bool low = options.coverage_min >= 0 && c.percent() + 1e-9 < options.coverage_min;
      below = below || low;
      if (!options.coverage && !low) continue;
      out << "coverage " << c.rule_file << ": " << report::format_number(c.percent(), 1) << "% ("
          << c.exercised << "/" << c.items << " items, " << c.sides_seen << "/" << 2 * c.milestones
          << " milestone sides)\n";
      for (auto const& id : c.unexercised) out << "  not exercised: " << id << '\n';
      for (auto const& s : c.one_sided) out << "  milestone " << s << '\n';
    }
  }
  out << result.passed << " passed, " << result.failed << " failed\n";
  if (!result.errors.empty() && result.passed + result.failed == 0) return cannot_run;
  if (below && options.coverage_min >= 0)
    out << "coverage is below " << report::format_number(options.coverage_min, 1) << "%\n";
  return result.failed > 0 || !result.errors.empty() || below ? problems : ok;
}

}  // namespace chitieu::cli
