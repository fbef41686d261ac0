// The fixed words of the HTML page (headings, column heads, the annex frame), in the report's language:
// the templates hold markup only and take every word from here, as {{labels.…}}.
#include "html_view_parts.hpp"

namespace chitieu::report::html {

json page_labels(language lang) {
  return {
      // the page and its printed frame, an annex to an official report (Nghị định 30/2020/NĐ-CP)
      {"title", say(lang, "Bảng đánh giá thực hiện kế hoạch")},
      {"number", say(lang, "Số")},
      {"nation", say(lang, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")},
      {"motto", say(lang, "Độc lập - Tự do - Hạnh phúc")},
      {"place_date", say(lang, "……………, ngày …… tháng …… năm ……")},
      {"annex", say(lang, "PHỤ LỤC")},
      {"preparer", say(lang, "NGƯỜI LẬP BIỂU")},
      {"sign", say(lang, "(Ký, ghi rõ họ tên)")},
      {"head", say(lang, "THỦ TRƯỞNG ĐƠN VỊ")},
      {"sign_seal", say(lang, "(Ký, ghi rõ họ tên, đóng dấu)")},
      {"unit", say(lang, "Đơn vị")},
      {"code", say(lang, "mã")},
      {"as_of", say(lang, "Thời điểm đánh giá")},
      {"toc", say(lang, "Mục lục")},
      {"summary", say(lang, "Tóm tắt")},
      {"details", say(lang, "Chi tiết theo văn bản")},
      {"units", say(lang, "Đơn vị trực thuộc")},
      {"data_issues", say(lang, "Vấn đề dữ liệu")},
      // the summary
      {"overall", say(lang, "Điểm tổng hợp")},
      {"by_verdict", say(lang, "Số mục theo kết quả")},
      {"tasks_by_status", say(lang, "Nhiệm vụ theo tình trạng")},
      {"needs_action", say(lang, "Cần xử lý")},
      {"nothing_to_do", say(lang, "Không có mục nào cần xử lý.")},
      {"result", say(lang, "Kết quả")},
      {"item", say(lang, "Mục")},
      {"short_of", say(lang, "Còn thiếu")},
      {"deadline", say(lang, "Thời hạn")},
      {"responsible", say(lang, "Chịu trách nhiệm")},
      {"support", say(lang, "Phối hợp")},
      {"watchers", say(lang, "Theo dõi")},
      {"watchers_inline", say(lang, "monitoring")},
      // documents, targets, obligations and tasks
      {"score", say(lang, "Điểm")},
      // Vietnamese has no plural: a plural heading is written in English, and the catalog gives it back in
      // Vietnamese ("Targets" -> "Chỉ tiêu"), while "Chỉ tiêu" alone is one item ("Target").
      {"targets", say(lang, "Targets")},
      {"obligations", say(lang, "Obligations")},
      {"year", say(lang, "Năm")},
      {"value", say(lang, "Giá trị")},
      {"threshold", say(lang, "Ngưỡng")},
      {"due", say(lang, "Hạn")},
      {"why", say(lang, "Giải thích")},
      {"failing", say(lang, "Đơn vị chưa đạt")},
      {"via_tasks", say(lang, "nhiệm vụ")},
      {"at_risk", say(lang, "Có nguy cơ: nhiệm vụ quá hạn")},
      {"task", say(lang, "Task")},
      {"lead", say(lang, "Chủ trì")},
      {"status", say(lang, "Tình trạng")},
      {"progress", say(lang, "Tiến độ")},
      {"note", say(lang, "Ghi chú")},
      {"due_on", say(lang, "hạn")},
      {"completed_on", say(lang, "completed")},
      {"targets_at_risk", say(lang, "Chỉ tiêu có nguy cơ")},
      // units below, data issues
      {"units_hint", say(lang, "Xếp từ đơn vị yếu nhất. Bấm tiêu đề cột để sắp xếp lại; bấm tên đơn vị để xem chi tiết.")},
      {"kind", say(lang, "Loại")},
      {"not_met", say(lang, "Không đạt")},
      {"behind", say(lang, "Chậm")},
      {"good", say(lang, "Đạt, đúng tiến độ")},
      {"no_data", say(lang, "Thiếu dữ liệu")},
      {"no_problems", say(lang, "Không có mục nào không đạt, chậm hoặc thiếu dữ liệu.")},
      {"back_to_units", say(lang, "Về bảng đơn vị")},
      {"issues", say(lang, "Vấn đề trong dữ liệu")},
      {"level", say(lang, "Mức")},
      {"field", say(lang, "Trường dữ liệu (JSON Pointer)")},
      {"message", say(lang, "Nội dung")},
      {"issue_code", say(lang, "Mã")},
  };
}

}  // namespace chitieu::report::html
