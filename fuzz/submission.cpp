// libFuzzer harness: one submission (JSON text) scored against the shipped rules in rules/, as
// `chitieu score rules --data FILE --format json` does (docs/reliability.md, Fuzzing). Both JSON readers
// behind load_submission_text run and must agree; then the data checks, the evaluation and the text and
// JSON scorecards (fuzz/support.hpp).
#include <chitieu/eval/dataset.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/diagnostics.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "eval/load_json.hpp"
#include "support.hpp"
#include "support/dataset_dump.hpp"

using namespace chitieu;
using testing_support::dump;

namespace {

/// The shipped rules, loaded and compiled once; read-only afterwards. The folder is the build's
/// (CHITIEU_FUZZ_RULES_DIR), or CHITIEU_FUZZ_RULES when set.
eval::plan const& shipped() {
  static eval::plan const compiled = [] {
    char const* dir = std::getenv("CHITIEU_FUZZ_RULES");
    auto loaded = load_rules({dir ? dir : CHITIEU_FUZZ_RULES_DIR});
    if (!loaded.rules) {
      report::render_diagnostics(std::cerr, loaded.sources, loaded.diags);
      fuzz::require(false, "the shipped rules load");
    }
    return eval::compile(std::move(*loaded.rules));
  }();
  return compiled;
}


}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  shipped();  // outside the first run's time and coverage
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size > fuzz::max_input) return -1;
  std::string text = fuzz::text_of(data, size);
  auto const& compiled = shipped();
  eval::dataset_limits limits;

  // load_submission_text is simdjson's reader, falling back on nlohmann's: the two must agree.
  auto slow = eval::detail::load_text_nlohmann(text, compiled.rules(), limits);
  auto fast = eval::detail::load_text_simdjson(text, compiled.rules(), limits);
  if (fast) fuzz::require(dump(*fast) == dump(slow), "the simdjson and nlohmann readers give the same load");

  eval::table_load_result loaded;
  static_cast<eval::load_result&>(loaded) = fast ? std::move(*fast) : std::move(slow);
  fuzz::score(compiled, loaded);
  return 0;
}
