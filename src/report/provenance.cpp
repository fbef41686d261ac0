// What a report was computed from (docs/scorecard.md, Provenance).
#include <chitieu/date.hpp>
#include <chitieu/digest.hpp>
#include <chitieu/report/provenance.hpp>
#include <chitieu/version.hpp>

#include <nlohmann/json.hpp>

#include <regex>

namespace chitieu::report {

provenance make_provenance(std::vector<source_file> const& rules, std::string_view data_bytes, std::int32_t as_of) {
  provenance p;
  p.version = CHITIEU_VERSION_STRING;
  p.as_of = as_of;
  std::string listing;
  for (auto const& f : rules) {
    std::string name(f.name());
    auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name.erase(0, slash + 1);
    listing += sha256_hex(f.text()) + "  " + name + "\n";
    p.rule_files.emplace_back(f.name());
  }
  p.rules_sha256 = sha256_hex(listing);
  p.data_sha256 = sha256_hex(data_bytes);
  return p;
}

std::string provenance_line(provenance const& p) {
  return "Tính từ: chitieu " + p.version + "; ngày đánh giá " + format_vn_date(p.as_of) + "; quy tắc sha256 " +
         p.rules_sha256 + "; bài nộp sha256 " + p.data_sha256;
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
  static std::regex const line(
      "Tính từ: chitieu ([^;]+); ngày đánh giá (\\d{2})/(\\d{2})/(\\d{4}); quy tắc sha256 ([0-9a-f]{64}); "
      "bài nộp sha256 ([0-9a-f]{64})");
  // The HTML page escapes '/' as Mustache does; the line is read as a browser shows it.
  std::string shown(report);
  for (std::size_t at; (at = shown.find("&#x2F;")) != std::string::npos;) shown.replace(at, 6, "/");
  std::smatch m;
  if (!std::regex_search(shown, m, line)) return std::nullopt;
  provenance p;
  p.version = m[1];
  auto day = parse_iso_date(std::string(m[4]) + "-" + std::string(m[3]) + "-" + std::string(m[2]));
  if (!day) return std::nullopt;
  p.as_of = *day;
  p.rules_sha256 = m[5];
  p.data_sha256 = m[6];
  return p;
}

}  // namespace chitieu::report
