/// @file
/// What a report was computed from, so that a printed scorecard can be checked later: the program's
/// version, the judging day, and SHA-256 digests of the rule set and of the submission
/// (docs/scorecard.md, Provenance).
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/source.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::report {

struct provenance {
  std::string version;       // CHITIEU_VERSION_STRING
  std::int32_t as_of = 0;    // day number
  std::string rules_sha256;  // hex, of the rule files as read, in the order loaded (see rules_digest)
  std::string data_sha256;   // hex, of the submission's bytes as read
  // The names the rule set's digest lists (file names without folders), in the order loaded: the same
  // files given by another path have the same names, so a report recomputed from them is the same.
  std::vector<std::string> rule_files;
  language lang = language::vi;  // the language provenance_line writes in
};

/// The provenance of a report on `rules` (as loaded) and the submission `data_bytes`, judged as of `as_of`.
/// The rule set's digest is that of the lines "<sha256 of the file>  <file name without folders>\n", in
/// the order loaded, as `sha256sum` prints them: the same files give the same digest wherever they sit.
/// `lang` is the language of the report that states it.
CHITIEU_API provenance make_provenance(std::vector<source_file> const& rules, std::string_view data_bytes,
                                       std::int32_t as_of, language lang = language::vi);

/// "Tính từ: chitieu 0.1.0; ngày đánh giá 31/12/2026; quy tắc sha256 … (a.ct, b.ct); bài nộp sha256 …",
/// or in English "Computed from: chitieu 0.1.0; judged as of 2026-12-31; rules sha256 … (a.ct, b.ct);
/// submission sha256 …": the line the text, HTML and CSV reports carry, in `p.lang`.
CHITIEU_API std::string provenance_line(provenance const& p);

/// The provenance a report states: the "provenance" object of a JSON scorecard, or the line above (in
/// either language; `lang` says which) in any other format. Nullopt when the report states none.
CHITIEU_API std::optional<provenance> read_provenance(std::string_view report);

}  // namespace chitieu::report
