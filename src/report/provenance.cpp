// What a report was computed from (docs/scorecard.md, Provenance).
#include <chitieu/date.hpp>
#include <chitieu/digest.hpp>
#include <chitieu/report/provenance.hpp>
#include <chitieu/version.hpp>

#include <nlohmann/json.hpp>

#include <regex>

namespace chitieu::report {

namespace {

// The file names a line lists in parentheses, ", " between them.
std::vector<std::string> split_names(std::string const& listed) {
  std::vector<std::string> names;
  for (std::size_t from = 0; from < listed.size();) {
    auto comma = listed.find(", ", from);
    if (comma == std::string::npos) comma = listed.size();
    names.push_back(listed.substr(from, comma - from));
    from = comma + 2;
  }
  return names;
}

}  // namespace

provenance make_provenance(std::vector<source_file> const& rules, std::string_view data_bytes, std::int32_t as_of,
                           language lang) {
  provenance p;
  p.lang = lang;
  p.version = CHITIEU_VERSION_STRING;
  p.as_of = as_of;
  std::string listing;
  for (auto const& f : rules) {
    std::string name(f.name());
    auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name.erase(0, slash + 1);
    listing += sha256_hex(f.text()) + "  " + name + "\n";
    p.rule_files.push_back(name);
  }
  p.rules_sha256 = sha256_hex(listing);
  p.data_sha256 = sha256_hex(data_bytes);
  return p;
}

std::string provenance_line(provenance const& p) {
  std::string names;
  for (auto const& f : p.rule_files) names += (names.empty() ? " (" : ", ") + f;
  if (!names.empty()) names += ")";
  // English readers get the ISO day: unambiguous, and what --as-of takes.
  auto day = p.lang == language::en ? format_iso_date(p.as_of) : format_vn_date(p.as_of);
  return say(p.lang, "Tính từ: chitieu {0}; ngày đánh giá {1}; quy tắc sha256 {2}{3}; bài nộp sha256 {4}",
             {p.version, day, p.rules_sha256, names, p.data_sha256});
}

std::optional<provenance> read_provenance(std::string_view report) {
  // A JSON scorecard carries an object; parse only when the report is JSON.
  auto first = report.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && report[first] == '{') {
    auto j = nlohmann::json::parse(report, nullptr, false);
    if (j.is_discarded() || !j.contains("provenance") || !j["provenance"].is_object()) return std::nullopt;
    auto const& o = j["provenance"];
    provenance p;
    p.version = o.value("chitieu", "");
    auto day = parse_iso_date(o.value("as_of", ""));
    if (!day) return std::nullopt;
    p.as_of = *day;
    p.rules_sha256 = o.value("rules_sha256", "");
    p.data_sha256 = o.value("data_sha256", "");
    if (o.contains("rule_files") && o["rule_files"].is_array())
      for (auto const& f : o["rule_files"])
        if (f.is_string()) p.rule_files.push_back(f.get<std::string>());
    return p;
  }
  // Both languages' lines; the groups: version, day, month, year, rules digest, file names, data digest.
  static std::regex const vi_line(
      "Tính từ: chitieu ([^;]+); ngày đánh giá (\\d{2})/(\\d{2})/(\\d{4}); quy tắc sha256 ([0-9a-f]{64})"
      "(?: \\(([^)]*)\\))?; bài nộp sha256 ([0-9a-f]{64})");
  static std::regex const en_line(
      "Computed from: chitieu ([^;]+); judged as of (\\d{4})-(\\d{2})-(\\d{2}); rules sha256 ([0-9a-f]{64})"
      "(?: \\(([^)]*)\\))?; submission sha256 ([0-9a-f]{64})");
  // The HTML page escapes '/' as Mustache does; the line is read as a browser shows it.
  std::string shown(report);
  for (std::size_t at; (at = shown.find("&#x2F;")) != std::string::npos;) shown.replace(at, 6, "/");
  std::smatch m;
  provenance p;
  std::string iso;
  if (std::regex_search(shown, m, vi_line)) {
    iso = std::string(m[4]) + "-" + std::string(m[3]) + "-" + std::string(m[2]);
  } else if (std::regex_search(shown, m, en_line)) {
    p.lang = language::en;
    iso = std::string(m[2]) + "-" + std::string(m[3]) + "-" + std::string(m[4]);
  } else {
    return std::nullopt;
  }
  p.version = m[1];
  auto day = parse_iso_date(iso);
  if (!day) return std::nullopt;
  p.as_of = *day;
  p.rules_sha256 = m[5];
  if (m[6].matched) p.rule_files = split_names(m[6]);
  p.data_sha256 = m[7];
  return p;
}

}  // namespace chitieu::report
