// The words of the graph commands (plan, who, agency, graph), provenance and verify in Vietnamese and English: {vi, en}.
#include "words.hpp"

namespace chitieu::words {

namespace {

constexpr entry entries[] = {
    // deadlines and reported task statuses (who, agency, plan)
    {"không nêu thời hạn", "no deadline given"},
    {"chậm nhất {0}", "by {0}"},
    {"thường xuyên", "ongoing"},
    {"trong khoảng {0} đến {1}", "between {0} and {1}"},
    {"từ {0}", "from {0}"},
    {"trước ngày {0} hằng năm", "by {0} every year"},
    {"trước ngày {0}, định kỳ {1} năm", "by {0}, every {1} years"},
    {"(từ năm {0})", "(from {0})"},
    {"trước ngày {0} hằng tháng", "by day {0} of every month"},
    {"trước ngày {0} tháng cuối mỗi quý", "by day {0} of the last month of every quarter"},
    {"chưa bắt đầu", "not started"},
    {"đang thực hiện", "in progress"},
    {"hoàn thành", "done"},
    {"chủ trì", "lead"},
    {"phối hợp", "support"},
    {"theo dõi", "monitor"},
    {"thực hiện", "implements"},
    // who
    {"tại {0}", "in {0}"},
    {"Không có nhiệm vụ nào phục vụ chỉ tiêu này.", "No task serves this target."},
    {"Không có nhiệm vụ nào phục vụ chỉ tiêu này hay các chỉ tiêu cha của nó.",
     "No task serves this target or any of its parent targets."},
    {"Không có nhiệm vụ nào phục vụ nghĩa vụ này.", "No task serves this obligation."},
    {"Cơ quan chịu trách nhiệm:", "Accountable agencies:"},
    {"Nhiệm vụ phục vụ chỉ tiêu ({0}):", "Tasks serving the target ({0}):"},
    {"Nhiệm vụ phục vụ nghĩa vụ ({0}):", "Tasks serving the obligation ({0}):"},
    {"thông qua chỉ tiêu cha {0}", "through its parent target {0}"},
    {"chủ trì: {0}; phối hợp: {1}", "lead: {0}; support: {1}"},
    {"không có: các nhiệm vụ phục vụ không nêu cơ quan nào", "none: the serving tasks name no agency"},
    // agency
    {"tình trạng tại ngày {0}", "status as of {0}"},
    {"Nhiệm vụ ({0}: chủ trì {1}, phối hợp {2}):", "Tasks ({0}: {1} as lead, {2} in support):"},
    {"hoàn thành ngày {0}", "completed on {0}"},
    {"ghi chú: {0}", "note: {0}"},
    {"báo cáo: {0}", "reported: {0}"},
    {"chưa báo cáo", "not reported"},
    {"Chỉ tiêu, nghĩa vụ chưa đạt mà cơ quan chịu trách nhiệm ({0}):",
     "Targets and obligations needing action that this agency answers for ({0}):"},
    {"Chỉ tiêu mà các nhiệm vụ này phục vụ ({0}):", "Targets these tasks serve ({0}):"},
    {"Nghĩa vụ mà các nhiệm vụ này phục vụ ({0}):", "Obligations these tasks serve ({0}):"},
    // The verdicts, "due {0}", "{0} và {1} đơn vị khác" and other words the scorecard uses too are in
    // report.cpp only: one wording for every view. Where a Vietnamese word has another English in this
    // context ("hoàn thành" a task is "done", "theo dõi" as a role is "monitor"), the code says the English.
    // plan
    {"Không sắp được thứ tự: các nhiệm vụ phụ thuộc lẫn nhau thành vòng.",
     "No order is possible: the tasks depend on each other in a cycle."},
    {"Thứ tự nhiệm vụ ({0} nhiệm vụ), theo thời hạn:", "Task order ({0} tasks), by deadline:"},
    {"Thứ tự nhiệm vụ (1 nhiệm vụ), theo thời hạn:", "Task order (1 task), by deadline:"},
    {"Hạn {0}:", "Due {0}:"},
    {"Định kỳ:", "Recurring:"},
    {"Thường xuyên, không có hạn kết thúc hoặc không nêu thời hạn:", "Ongoing, with no end date or no deadline given:"},
    {"sau:", "after:"},
    {"(xếp sau vì thời hạn muộn hơn)", "(listed later: its deadline is later)"},
    {"Đường găng: không có, không nhiệm vụ nào phải làm sau nhiệm vụ khác.",
     "Critical path: none; no task has to wait for another."},
    {"Đường găng ({0} nhiệm vụ):", "Critical path ({0} tasks):"},
    // graph (DOT cluster labels)
    {"Số liệu: {0} ({1})", "Figures: {0} ({1})"},
    {"Cơ quan", "Agencies"},
    // list (the inventory)
    {"VĂN BẢN {0}: {1}", "DOCUMENT {0}: {1}"},
    {"Thực hiện:", "Implements:"},
    {"Thay thế:", "Replaces:"},
    {"Đã được thay thế bởi {0}", "Replaced by {0}"},
    {"Chỉ tiêu:", "Targets:"},
    {"thuộc {0}", "part of {0}"},
    {"đến", "to"},
    {"Nghĩa vụ:", "Obligations:"},
    {"Kiểm tra số liệu:", "Data checks:"},
    {"Nhiệm vụ:", "Tasks:"},
    {"CƠ QUAN ({0})", "AGENCIES ({0})"},
    // provenance, on every report
    {"Tính từ: chitieu {0}; ngày đánh giá {1}; quy tắc sha256 {2}{3}; bài nộp sha256 {4}",
     "Computed from: chitieu {0}; judged as of {1}; rules sha256 {2}{3}; submission sha256 {4}"},
    // verify
    {"{0} không ghi nguồn tính (phiên bản, ngày đánh giá, mã sha256)",
     "{0} does not state what it was computed from (version, judging day, sha256 digests)"},
    {"khớp", "match"},
    {"KHÔNG KHỚP", "DO NOT MATCH"},
    {"Báo cáo: {0}", "Report: {0}"},
    {"phiên bản chitieu: {0} (như bản đang chạy)", "chitieu version: {0} (the same as this one)"},
    {"phiên bản chitieu: {0} (bản đang chạy là {1})", "chitieu version: {0} (this one is {1})"},
    {"quy tắc: {0}", "rules: {0}"},
    {"tệp quy tắc: báo cáo ghi {0}; đã cho {1}", "rule files: the report lists {0}; given {1}"},
    {"bài nộp: {0}", "submission: {0}"},
    {"nội dung: {0}", "content: {0}"},
    {"Kết luận: báo cáo KHÔNG được tính từ các tệp này.",
     "Conclusion: the report was NOT computed from these files."},
    {"Kết luận: báo cáo đúng là kết quả tính từ các tệp này.",
     "Conclusion: the report is what these files give."},
    {"Kết luận: cùng tệp đầu vào nhưng nội dung khác bản tính lại (kiểm tra các tùy chọn --no-data, --freshness, --document).",
     "Conclusion: the same input files, but the content differs from a fresh computation (check the options "
     "--no-data, --freshness and --document)."},
    {"Kết luận: cùng tệp đầu vào nhưng nội dung khác bản tính lại (khác phiên bản chitieu).",
     "Conclusion: the same input files, but the content differs from a fresh computation (another chitieu "
     "version)."},
};

}  // namespace

table graph() { return table_of(entries); }

}  // namespace chitieu::words
