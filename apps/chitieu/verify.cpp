// `chitieu verify REPORT --data FILE RULES…`: whether a printed or saved scorecard is what these rules and
// this submission give. The report states its provenance (docs/scorecard.md, Provenance); the digests are
// recomputed from the files given, and when they match the report is computed again, as of the day it
// states, in its own format, and compared byte for byte.
#include <chitieu/date.hpp>
#include <chitieu/report/provenance.hpp>
#include <chitieu/version.hpp>

#include <fstream>
#include <ostream>
#include <sstream>

#include "commands.hpp"

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

}  // namespace

int run_verify(verify_options const& options, std::ostream& out, std::ostream& err) {
  auto report = slurp(options.report);
  if (!report) {
    err << "chitieu: cannot read " << options.report << '\n';
    return cannot_run;
  }
  auto stated = report::read_provenance(*report);
  if (!stated) {
    err << "chitieu: " << options.report << " không ghi nguồn tính (phiên bản, ngày đánh giá, mã sha256)\n";
    return cannot_run;
  }
  auto data = slurp(options.score.data);
  if (!data) {
    err << "chitieu: cannot read " << options.score.data << '\n';
    return cannot_run;
  }
  auto policy = warning_options(options.score.warnings, err);
  if (!policy) return cannot_run;
  auto loaded = load_checked(options.score.paths, err, false, *policy);
  if (!loaded) return cannot_run;
  auto now = report::make_provenance(loaded->sources, *data, stated->as_of);

  bool rules_match = now.rules_sha256 == stated->rules_sha256;
  bool data_match = now.data_sha256 == stated->data_sha256;
  auto said = [](bool yes) { return yes ? "khớp" : "KHÔNG KHỚP"; };
  out << "Báo cáo: " << options.report << '\n'
      << "  phiên bản chitieu: " << stated->version
      << (stated->version == now.version ? " (như bản đang chạy)" : " (bản đang chạy là " + now.version + ")") << '\n'
      << "  quy tắc: " << said(rules_match) << '\n'
      << "  bài nộp: " << said(data_match) << '\n';
  if (!rules_match || !data_match) {
    out << "Kết luận: báo cáo KHÔNG được tính từ các tệp này.\n";
    return problems;
  }
  // Same inputs: compute the report again in its own format, as of the day it states.
  auto again = options.score;
  again.format = format_of(*report);
  again.as_of = format_iso_date(stated->as_of);
  std::ostringstream recomputed, quiet;
  run_score(again, recomputed, quiet);
  bool same = recomputed.str() == *report;
  out << "  nội dung: " << said(same) << '\n';
  if (same) {
    out << "Kết luận: báo cáo đúng là kết quả tính từ các tệp này.\n";
    return ok;
  }
  out << "Kết luận: cùng tệp đầu vào nhưng nội dung khác bản tính lại"
      << (stated->version == now.version ? " (kiểm tra các tùy chọn --no-data, --freshness, --document)"
                                          : " (khác phiên bản chitieu)")
      << ".\n";
  return problems;
}

}  // namespace chitieu::cli
