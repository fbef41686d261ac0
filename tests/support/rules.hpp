// Test helpers: check rule text in memory, list diagnostic codes, and the text a span covers.
#pragma once
#include <chitieu/pipeline.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace chitieu::testing_support {

/// The shared unit kinds, so small test rule files stay short.
inline constexpr char const* units_ct = R"(
unit province "Tỉnh" counted "tỉnh"
unit commune "Xã, phường" counted "xã, phường"
unit school "Trường học" counted "trường"
ladder muc_do "Mức độ" { chua_dat "Chưa đạt" < buoc_dau "Đạt kết quả bước đầu" < hoan_thanh "Hoàn thành" < vuot_muc "Vượt mức" }
)";

/// Checks `text` (after the shared unit kinds). The messages are in English unless asked otherwise, so
/// that tests asserting wording read as the code writes it; the Vietnamese is tested on its own.
inline ruleset_result check_text(std::string const& text, bool with_units = true,
                                 language lang = language::en) {
  std::vector<source_file> sources;
  if (with_units) sources.emplace_back("units.ct", units_ct);
  sources.emplace_back("t.ct", text);
  load_options options;
  options.lang = lang;
  return check_sources(std::move(sources), options);
}

inline std::vector<std::string> codes(diagnostics const& diags) {
  std::vector<std::string> out;
  for (auto const& d : diags) out.push_back(d.code);
  return out;
}

/// The first error among a check's diagnostics; fails the test when there is none.
inline diagnostic const& first_error(ruleset_result const& r) {
  for (auto const& d : r.diags)
    if (d.level == severity::error) return d;
  FAIL("no error");
  return r.diags.front();
}

inline bool has_code(diagnostics const& diags, std::string const& code) {
  for (auto const& d : diags)
    if (d.code == code) return true;
  return false;
}

/// The source text a diagnostic's span covers.
inline std::string covered(ruleset_result const& r, diagnostic const& d) {
  return std::string(r.sources[d.file].text().substr(d.span.begin, d.span.end - d.span.begin));
}

inline std::string slurp(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace chitieu::testing_support
