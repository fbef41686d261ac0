// `chitieu verify REPORT --data FILE RULES…`: whether a printed or saved scorecard is what these rules and
// this submission give. The report states its provenance (docs/scorecard.md, Provenance); the digests are
// recomputed from the files given, and when they match the report is computed again, as of the day it
// states, in its own format, and compared byte for byte.
#include <chitieu/date.hpp>
#include <chitieu/report/provenance.hpp>
#include <chitieu/version.hpp>

#include <fstream>
#include <ostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {
namespace {

std::optional<std::string> slurp(std::string const& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The format a report was written in, from its first bytes.
std::string format_of(std::string const& report) {
  auto text = std::string_view(report);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) return "csv";  // only the CSV starts with a byte order mark
  auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') return "json";
  if (first != std::string_view::npos && text[first] == '<') return "html";
  return "text";
}

/// A name as the rule set's digest lists it: without folders. Reports written before the names were
/// listed so stated the paths given on the command line.
std::string base_name(std::string const& path) {
  auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string joined(std::vector<std::string> const& names) {
  std::string out;
  for (auto const& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// The same report: byte for byte, except that a JSON scorecard may be laid out on one line (a record of
// `chitieu batch`) or indented (`score --format json`): the same document either way.
bool same_content(std::string const& recomputed, std::string const& report, std::string const& format) {
  if (recomputed == report) return true;
  if (format != "json") return false;
  auto a = nlohmann::json::parse(recomputed, nullptr, false), b = nlohmann::json::parse(report, nullptr, false);
  return !a.is_discarded() && a == b;
}

}  // namespace

int run_verify(verify_options const& options, std::ostream& out, std::ostream& err) {
  auto const lang = current_language();
  auto report = slurp(options.report);
  if (!report) {
    err << "chitieu: " << tr("cannot read {0}", {options.report}) << '\n';
    return cannot_run;
  }
  auto stated = report::read_provenance(*report);
  if (!stated) {
    err << "chitieu: " << say(lang, "{0} không ghi nguồn tính (phiên bản, ngày đánh giá, mã sha256)", {options.report})
        << '\n';
    return cannot_run;
  }
  auto data = slurp(options.score.data);
  if (!data) {
    err << "chitieu: " << tr("cannot read {0}", {options.score.data}) << '\n';
    return cannot_run;
  }
  auto policy = warning_options(options.score.warnings, err);
  if (!policy) return cannot_run;
  auto loaded = load_checked(options.score.paths, err, false, *policy);
  if (!loaded) return cannot_run;
  auto now = report::make_provenance(loaded->sources, *data, stated->as_of);

  bool rules_match = now.rules_sha256 == stated->rules_sha256;
  bool data_match = now.data_sha256 == stated->data_sha256;
  // The names are compared as the digest lists them, so the same files given by another path match.
  std::vector<std::string> stated_names;
  for (auto const& f : stated->rule_files) stated_names.push_back(base_name(f));
  bool names_match = stated_names.empty() || stated_names == now.rule_files;
  auto said = [&](bool yes) { return yes ? say(lang, "khớp") : say(lang, "KHÔNG KHỚP"); };
  out << say(lang, "Báo cáo: {0}", {options.report}) << '\n'
      << "  "
      << (stated->version == now.version
              ? say(lang, "phiên bản chitieu: {0} (như bản đang chạy)", {stated->version})
              : say(lang, "phiên bản chitieu: {0} (bản đang chạy là {1})", {stated->version, now.version}))
      << '\n'
      << "  " << say(lang, "quy tắc: {0}", {said(rules_match)}) << '\n';
  if (!names_match)
    out << "  "
        << say(lang, "tệp quy tắc: báo cáo ghi {0}; đã cho {1}", {joined(stated_names), joined(now.rule_files)})
        << '\n';
  out << "  " << say(lang, "bài nộp: {0}", {said(data_match)}) << '\n';
  if (!rules_match || !data_match) {
    out << say(lang, "Kết luận: báo cáo KHÔNG được tính từ các tệp này.") << '\n';
    return problems;
  }
  // Same inputs: compute the report again in its own format, as of the day it states, in the language
  // it is written in (a JSON report does not say which: both are tried).
  auto again = options.score;
  again.format = format_of(*report);
  again.as_of = format_iso_date(stated->as_of);
  bool same = false;
  auto const other = stated->lang == language::en ? language::vi : language::en;
  for (auto written : {stated->lang, other}) {
    std::ostringstream recomputed, quiet;
    set_language(written);
    run_score(again, recomputed, quiet);
    set_language(lang);
    if (same_content(recomputed.str(), *report, again.format)) {
      same = true;
      break;
    }
  }
  out << "  " << say(lang, "nội dung: {0}", {said(same)}) << '\n';
  if (same) {
    out << say(lang, "Kết luận: báo cáo đúng là kết quả tính từ các tệp này.") << '\n';
    return ok;
  }
  out << (stated->version == now.version
              ? say(lang, "Kết luận: cùng tệp đầu vào nhưng nội dung khác bản tính lại (kiểm tra các tùy chọn --no-data, --freshness, --document).")
              : say(lang, "Kết luận: cùng tệp đầu vào nhưng nội dung khác bản tính lại (khác phiên bản chitieu)."))
      << '\n';
  return problems;
}

}  // namespace chitieu::cli
