// `chitieu test PATHS… [--coverage] [--coverage-min PERCENT]`: run rule test files.
#include <chitieu/report/format.hpp>
#include <chitieu/testing.hpp>

#include <ostream>

#include "commands.hpp"

namespace chitieu::cli {

int run_test(test_options const& options, std::ostream& out, std::ostream& err) {
  auto result = testing::run_tests(options.paths);
  for (auto const& e : result.errors) err << "chitieu: " << e << '\n';
  for (auto const& f : result.failures)
    out << f.file << ": case '" << f.case_name << "': " << f.key << (f.unit.empty() ? "" : " at " + f.unit)
        << ": expected " << f.expected << ", got " << f.actual << (f.why.empty() ? "" : " (" + f.why + ")") << '\n';
  bool below = false;
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
