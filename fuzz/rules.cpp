// libFuzzer harness: one rule file, as `chitieu check` and `chitieu fmt` see it (docs/reliability.md,
// Fuzzing). Parse, check (the plan checks included), render the diagnostics as text and JSON; then lay the
// file out canonically: the layout must be a fixed point, and a file that parsed must still parse.
#include <chitieu/pipeline.hpp>
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/syntax/format.hpp>
#include <chitieu/syntax/parse.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

using namespace chitieu;

namespace {

bool has_syntax_error(diagnostics const& diags) {
  for (auto const& d : diags)
    if (d.level == severity::error && d.code.rfind("syntax.", 0) == 0) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(std::uint8_t const* data, std::size_t size) {
  if (size > fuzz::max_input) return -1;
  std::string text = fuzz::text_of(data, size);

  std::vector<source_file> sources;
  sources.emplace_back("fuzz.ct", text);
  auto loaded = check_sources(std::move(sources));
  fuzz::require(loaded.rules.has_value() == !has_errors(loaded.diags), "a rule set is given iff there is no error");
  std::ostringstream out;
  report::render_diagnostics(out, loaded.sources, loaded.diags);
  out << report::diagnostics_to_json(loaded.sources, loaded.diags).dump();

  auto once = syntax::format(source_file("fuzz.ct", text));
  if (!once.text) return 0;
  auto twice = syntax::format(source_file("fuzz.ct", *once.text));
  fuzz::require(twice.text && *twice.text == *once.text, "format(format(x)) == format(x)");
  if (!has_syntax_error(loaded.diags)) {
    auto again = syntax::parse(source_file("fuzz.ct", *once.text));
    fuzz::require(!has_syntax_error(again.diags), "the canonical layout of a file that parses parses");
  }
  return 0;
}
