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

using namespace chitieu;

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

std::string bits(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return std::to_string(b);
}

/// Everything a load gives, written out (as tests/eval_loader_parity_test.cpp does).
std::string dump(eval::load_result const& r) {
  std::ostringstream s;
  for (auto const& is : r.issues)
    s << "issue " << static_cast<int>(is.level) << ' ' << is.code << " [" << is.unit << "] " << is.pointer << ": "
      << is.message << " {" << is.check << "}\n";
  if (!r.data) return s.str() + "no dataset\n";
  auto const& d = *r.data;
  for (auto const& u : d.units) {
    s << "unit " << u.id << " '" << u.name << "' kind " << u.kind << " parent " << u.parent << " end " << u.subtree_end
      << " rows " << u.first_row << '+' << u.row_count << " at '" << u.pointer << "' years " << u.first_year << '-'
      << u.last_year << " complete";
    for (int k : u.complete) s << ' ' << k;
    s << '\n';
  }
  for (std::size_t k = 0; k < d.units_by_kind.size(); ++k) {
    s << "kind " << k << ':';
    for (auto u : d.units_by_kind[k]) s << ' ' << u;
    s << '\n';
  }
  for (std::size_t r = 0; r < d.row_year.size(); ++r) s << "row " << d.row_year[r] << " @" << d.row_offset[r] << '\n';
  s << "values";
  for (double v : d.values) s << ' ' << bits(v);
  s << "\nyears";
  for (int y : d.years) s << ' ' << y;
  s << '\n';
  for (auto const& t : d.tasks)
    s << "task " << t.task << ' ' << static_cast<int>(t.status) << ' ' << (t.completed ? *t.completed : -1) << ' '
      << bits(t.progress) << " '" << t.note << "'\n";
  s << "documents";
  for (auto const& doc : d.documents) s << ' ' << doc;
  s << "\ndataset issues " << d.issues.size() << '\n';
  return s.str();
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
