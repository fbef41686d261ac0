// libFuzzer harness: the whole pipeline on one input, a rule file and a submission separated by the first
// line that holds only `%%` (docs/reliability.md, Fuzzing). The rules are checked as `chitieu check` does;
// when they check clean, they are compiled and the submission is loaded and scored (fuzz/support.hpp).
#include <chitieu/eval/dataset.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support.hpp"

using namespace chitieu;

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size > fuzz::max_input) return -1;
  std::string_view input(reinterpret_cast<char const*>(data), size);
  constexpr std::string_view separator = "\n%%\n";
  auto cut = input.find(separator);
  std::string rules_text(input.substr(0, cut));
  std::string submission = cut == std::string_view::npos ? std::string() : std::string(input.substr(cut + separator.size()));

  std::vector<source_file> sources;
  sources.emplace_back("fuzz.ct", std::move(rules_text));
  auto loaded = check_sources(std::move(sources));
  std::ostringstream out;
  report::render_diagnostics(out, loaded.sources, loaded.diags);
  if (!loaded.rules) return 0;

  auto compiled = eval::compile(std::move(*loaded.rules));
  eval::table_load_result data_loaded;
  static_cast<eval::load_result&>(data_loaded) = eval::load_submission_text(submission, compiled.rules());
  fuzz::score(compiled, data_loaded);
  return 0;
}
