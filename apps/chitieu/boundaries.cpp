// `chitieu test --generate-boundaries RULES… [--output FILE]`: write boundary cases as a test file.
#include <chitieu/testing/boundaries.hpp>

#include <filesystem>
#include <fstream>
#include <ostream>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {

int run_generate_boundaries(test_options const& options, std::ostream& out, std::ostream& err) {
  namespace fs = std::filesystem;
  auto loaded = load_checked(options.paths, err, false);
  if (!loaded) return cannot_run;
  // The test file names its rules relative to where it is written.
  fs::path base = options.output.empty() ? fs::current_path() : fs::absolute(options.output).parent_path();
  std::vector<std::string> rules;
  for (auto const& p : options.paths) rules.push_back(fs::absolute(p).lexically_relative(base).generic_string());
  auto result = testing::generate_boundaries(*loaded->rules, rules);
  for (auto const& s : result.skipped) err << "chitieu: " << tr("skipped {0}", {s}) << '\n';
  auto text = result.test_file + "\n";
  if (options.output.empty()) {
    out << text;
  } else {
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    file << text;
    if (!file) {
      err << "chitieu: " << tr("cannot write {0}", {options.output}) << '\n';
      return cannot_run;
    }
  }
  err << "chitieu: " << result.cases << " boundary cases for " << result.thresholds
      << " thresholds\n";
  return ok;
}

}  // namespace chitieu::cli
