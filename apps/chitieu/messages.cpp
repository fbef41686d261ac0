// The catalog of the CLI's words: English (as the code writes them) → Vietnamese. Add the
// Vietnamese here whenever a help text or message is added; cli.help_translated fails otherwise.
#include "messages.hpp"

#include <cstdlib>
#include <cstring>
#include <map>

namespace chitieu::cli {

namespace {

language current = language::vi;

std::map<std::string_view, std::string_view> const& catalog() {
  static std::map<std::string_view, std::string_view> const entries{
      // the program and its subcommands
      {"chitieu: targets, tasks and scoring of plans", "chitieu: chỉ tiêu, nhiệm vụ và chấm điểm theo kế hoạch"},
      {"Check rule files and print diagnostics", "Kiểm tra tệp quy tắc và in các chẩn đoán"},
      {"Score a submission against rule files", "Chấm điểm một bài nộp theo các tệp quy tắc"},
      {"Run rule test files (*.test.json)", "Chạy các tệp kiểm thử quy tắc (*.test.json)"},
      {"List documents, targets, obligations, tasks and agencies",
       "Liệt kê văn bản, chỉ tiêu, nghĩa vụ, nhiệm vụ và cơ quan"},
      {"Lay rule files out in the canonical layout", "Trình bày tệp quy tắc theo bố cục chuẩn"},
      {"Draw the dependency graph, or the neighbourhood of one node",
       "Vẽ đồ thị phụ thuộc, hoặc vùng lân cận của một nút"},
      {"Name the agencies accountable for a target or an obligation",
       "Nêu các cơ quan chịu trách nhiệm về một chỉ tiêu hoặc nghĩa vụ"},
      {"List what an agency answers for: tasks, deadlines, failing targets and obligations",
       "Liệt kê những gì một cơ quan chịu trách nhiệm: nhiệm vụ, thời hạn, chỉ tiêu và nghĩa vụ chưa đạt"},
      {"Task order by deadline, and the critical path", "Thứ tự nhiệm vụ theo thời hạn, và đường găng"},
      {"The fields a unit of one kind must submit", "Các trường số liệu mà đơn vị thuộc một loại phải nộp"},
      // options
      {"Print this help message and exit", "In trợ giúp này rồi thoát"},
      {"Display program version information and exit", "In phiên bản chương trình rồi thoát"},
      {"Language of messages and help: vi (default) or en", "Ngôn ngữ của thông báo và trợ giúp: vi (mặc định) hoặc en"},
      {"Rule files or directories", "Tệp hoặc thư mục quy tắc"},
      {"Rule files or directories; - for standard input", "Tệp hoặc thư mục quy tắc; - là đầu vào chuẩn"},
      {"Test files or directories", "Tệp hoặc thư mục kiểm thử"},
      {"text or json", "text hoặc json"},
      {"text, json, html or csv", "text, json, html hoặc csv"},
      {"dot or json", "dot hoặc json"},
      {"json (blank submission), schema, csv or xlsx", "json (bài nộp trống), schema, csv hoặc xlsx"},
      {"Warning control: no-CODE (off), error=CODE, error (all)",
       "Điều khiển cảnh báo: no-MÃ (tắt), error=MÃ, error (tất cả)"},
      {"Treat warnings as errors", "Coi cảnh báo là lỗi"},
      {"Submission (JSON)", "Bài nộp (JSON)"},
      {"Submission: JSON, a filled template (.xlsx or .csv), or - for JSON on standard input",
       "Bài nộp: JSON, mẫu đã điền (.xlsx hoặc .csv), hoặc - để đọc JSON từ đầu vào chuẩn"},
      {"Check that a saved scorecard is what the rules and data give",
       "Kiểm tra một bảng đánh giá đã lưu có đúng là kết quả của các quy tắc và số liệu này"},
      {"The scorecard (text, JSON, HTML or CSV)", "Bảng đánh giá (văn bản, JSON, HTML hoặc CSV)"},
      {"The submission", "Bài nộp"},
      {"As the report was scored: zero or exclude", "Như khi chấm bảng đánh giá: zero hoặc exclude"},
      {"As the report was scored", "Như khi chấm bảng đánh giá"},
      {"Submission (JSON) with task reports", "Bài nộp (JSON) có báo cáo nhiệm vụ"},
      {"Judge as of this date (YYYY-MM-DD); default today", "Đánh giá tại ngày này (YYYY-MM-DD); mặc định hôm nay"},
      {"How no_data counts in scores: zero or exclude", "Mục thiếu dữ liệu tính điểm thế nào: zero (0 điểm) hoặc exclude (bỏ ra)"},
      {"Only score this document (id); repeatable", "Chỉ chấm văn bản này (mã); dùng được nhiều lần"},
      {"Report this unit (its id), scored within the whole submission",
       "Báo cáo riêng đơn vị này (mã), với điểm như khi chấm cả bài nộp"},
      {"Text: levels of units listed below the one reported", "Bản văn bản: số cấp đơn vị trực thuộc được liệt kê"},
      {"A value is current for this many years after its own (default 1); older ones are stale",
       "Một giá trị còn hiện hành trong số năm này sau năm của nó (mặc định 1); cũ hơn là lỗi thời"},
      {"Report what no test case exercises", "Báo cáo những gì chưa có trường hợp kiểm thử nào chạm tới"},
      {"Fail below this coverage (percent)", "Thất bại khi độ phủ dưới mức này (phần trăm)"},
      {"PATHS are rule files: write cases below, at and above each milestone's threshold",
       "PATHS là tệp quy tắc: viết các trường hợp dưới, bằng và trên ngưỡng của mỗi mốc"},
      {"With --generate-boundaries: the test file to write", "Với --generate-boundaries: tệp kiểm thử cần ghi"},
      {"List the files that would change and exit 1 if any; write nothing",
       "Liệt kê các tệp sẽ thay đổi và thoát với mã 1 nếu có; không ghi gì"},
      {"Print a unified diff of the changes; write nothing", "In khác biệt dạng unified diff; không ghi gì"},
      {"Only the nodes near this one (e.g. bn_ctr04.T26)", "Chỉ các nút gần nút này (ví dụ bn_ctr04.T26)"},
      {"How many edges from --focus", "Bao nhiêu cạnh tính từ --focus"},
      {"Target or obligation, e.g. bn_ctr04.T26 (or T26 when only one document has it)",
       "Chỉ tiêu hoặc nghĩa vụ, ví dụ bn_ctr04.T26 (hoặc T26 khi chỉ một văn bản có mã này)"},
      {"Agency id", "Mã cơ quan"},
      {"Unit kind, e.g. school", "Loại đơn vị, ví dụ school"},
      // CLI11's help layout
      {"Usage", "Cách dùng"},
      {"Options", "Tùy chọn"},
      {"Positionals", "Đối số vị trí"},
      {"Subcommands", "Lệnh con"},
      {"OPTIONS", "TÙY_CHỌN"},
      {"SUBCOMMAND", "LỆNH_CON"},
      {"REQUIRED", "BẮT BUỘC"},
      // messages about a run
      {"unknown subcommand '{0}'", "không có lệnh con '{0}'"},
      {"did you mean '{0}'?", "ý bạn là '{0}'?"},
      {"Run with --help for more information.", "Chạy với --help để xem hướng dẫn."},
      {"internal error: {0}", "lỗi nội bộ: {0}"},
      {"invalid command line: {0}", "dòng lệnh không hợp lệ: {0}"},
      {"cannot read {0}", "không đọc được {0}"},
      {"cannot write {0}", "không ghi được {0}"},
      {"skipped {0}", "bỏ qua {0}"},
      {"--as-of needs a date YYYY-MM-DD, got '{0}'", "--as-of cần một ngày dạng YYYY-MM-DD, nhận được '{0}'"},
      {"unknown document '{0}'", "không có văn bản '{0}'"},
      {"no unit '{0}' in the submission", "bài nộp không có đơn vị '{0}'"},
      {"HTML: the summary and what needs action only, for the leadership",
       "HTML: chỉ phần tóm tắt và các mục cần xử lý, cho lãnh đạo"},
      {"no {0} named '{1}'", "không có {0} nào mang mã '{1}'"},
      {"'{0}' is ambiguous; it is in several documents:", "'{0}' không rõ ràng; mã này có trong nhiều văn bản:"},
      {"give it as DOCUMENT.{0}", "hãy viết VĂN_BẢN.{0}"},
      {"no .ct rule files found", "không tìm thấy tệp quy tắc .ct nào"},
      {"no unit kind named '{0}'", "không có loại đơn vị '{0}'"},
      {"the rules declare:", "bộ quy tắc khai báo:"},
      {"target", "chỉ tiêu"},
      {"obligation", "nghĩa vụ"},
      {"agency", "cơ quan"},
      {"node", "nút"},
      {" or ", " hoặc "},
  };
  return entries;
}

}  // namespace

language language_asked(int argc, char const* const* argv) {
  std::string asked;
  if (char const* env = std::getenv("CHITIEU_LANG")) asked = env;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) asked = argv[i + 1];
    else if (std::strncmp(argv[i], "--lang=", 7) == 0) asked = argv[i] + 7;
  }
  // "en", "en_US.UTF-8", …: the language part decides.
  return asked.rfind("en", 0) == 0 ? language::en : language::vi;
}

void set_language(language lang) { current = lang; }
language current_language() { return current; }

std::string tr(std::string_view english) {
  if (current == language::en) return std::string(english);
  auto const& entries = catalog();
  auto it = entries.find(english);
  return std::string(it == entries.end() ? english : it->second);
}

std::string tr(std::string_view english, std::initializer_list<std::string> args) {
  std::string out = tr(english);
  std::size_t n = 0;
  for (auto const& a : args) {
    std::string mark = "{" + std::to_string(n++) + "}";
    if (auto at = out.find(mark); at != std::string::npos) out.replace(at, mark.size(), a);
  }
  return out;
}

bool has_translation(std::string_view english) { return catalog().count(english) > 0; }

}  // namespace chitieu::cli
