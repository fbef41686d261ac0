// The template workbook (`chitieu template --format xlsx`): what a commune office fills in and sends
// back to `chitieu score --data`. The layout is the contract with eval/table_input.cpp and
// docs/data.md (Workbooks): row 1 holds the column keys (hidden), row 2 the labels (in the language asked), row 3
// the units of measure, and units start on row 4.
#include <chitieu/report/graph_render.hpp>

#include <chitieu/date.hpp>
#include <chitieu/eval/table_input.hpp>
#include <chitieu/language.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <memory>
#include <string>

namespace chitieu::report {

namespace {

constexpr lxw_row_t first_data_row = 3;
constexpr lxw_row_t min_data_rows = 1000;  // rows carrying drop-downs and checks, beyond the units listed

// The unit of measure under a field's label. A unit the rules declare ("trường", "người") is theirs
// and stays as written.
std::string hint_of(sema::field const& f, language lang) {
  auto const& t = f.type;
  auto unit = t.unit;
  switch (t.kind) {
    case sema::value_kind::number: return unit.empty() ? say(lang, "số") : unit;
    case sema::value_kind::count: return (unit.empty() ? say(lang, "số lượng") : unit) + " (≥ 0)";
    case sema::value_kind::percent: return "% (0–100)";
    case sema::value_kind::money: return say(lang, "đồng (≥ 0)");
    case sema::value_kind::rank: return say(lang, "hạng (≥ 1)");
    case sema::value_kind::year: return say(lang, "năm");
    case sema::value_kind::date: return say(lang, "ngày (dd/mm/yyyy)");
    case sema::value_kind::boolean: return say(lang, "Có/Không");
    case sema::value_kind::level: return say(lang, "chọn mức");
    case sema::value_kind::text: return say(lang, "chữ");
  }
  return {};
}

// Drop-down choices for a ladder: the level titles when they fit Excel's 255-character list, else ids.
std::vector<std::string> choices_of(sema::field const& f, sema::checked_ruleset const& rules) {
  std::vector<std::string> titles, ids;
  std::size_t length = 0;
  if (f.type.ladder >= 0 && f.type.ladder < int(rules.ladders.size()))
    for (auto const& l : rules.ladders[std::size_t(f.type.ladder)].levels) {
      titles.push_back(l.title.empty() ? l.id : l.title);
      ids.push_back(l.id);
      length += titles.back().size() + 1;
    }
  auto out = length <= 250 ? titles : ids;
  out.push_back("n/a");  // the drop-down refuses anything else, and a level may not apply
  return out;
}

struct writer {
  writer(lxw_workbook* b, sema::checked_ruleset const& r, language l) : book(b), rules(r), lang(l) {}
  lxw_workbook* book = nullptr;
  sema::checked_ruleset const& rules;
  language lang;
  lxw_format* title = nullptr;
  lxw_format* label = nullptr;
  lxw_format* hint = nullptr;
  lxw_format* key = nullptr;
  lxw_format* text = nullptr;
  lxw_format* date = nullptr;
  lxw_format* number = nullptr;

  void make_formats() {
    title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 14);
    label = workbook_add_format(book);
    format_set_bold(label);
    format_set_text_wrap(label);
    format_set_align(label, LXW_ALIGN_VERTICAL_TOP);
    format_set_bg_color(label, 0xDDEBF7);
    format_set_border(label, LXW_BORDER_THIN);
    hint = workbook_add_format(book);
    format_set_italic(hint);
    format_set_text_wrap(hint);
    format_set_bg_color(hint, 0xF2F2F2);
    format_set_border(hint, LXW_BORDER_THIN);
    key = workbook_add_format(book);
    format_set_font_color(key, 0x808080);
    text = workbook_add_format(book);
    format_set_num_format(text, "@");  // codes such as "001" keep their zeros
    date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy");
    number = workbook_add_format(book);
    format_set_num_format(number, "General");
  }

  lxw_row_t data_rows = min_data_rows;

  void validate(lxw_worksheet* ws, lxw_col_t col, sema::field const& f, std::vector<std::string> const& choices) {
    lxw_data_validation v{};
    std::vector<char const*> list;
    // libxlsxwriter copies the texts when the check is added, so these need only outlive the call.
    std::string error_title = say(lang, "Giá trị không hợp lệ"), error_message;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    v.error_title = const_cast<char*>(error_title.c_str());
    switch (f.type.kind) {
      case sema::value_kind::boolean:
      case sema::value_kind::level:
        for (auto const& c : choices) list.push_back(c.c_str());
        list.push_back(nullptr);
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = const_cast<char**>(list.data());
        error_message = say(lang, "Hãy chọn một giá trị trong danh sách (n/a: không áp dụng).");
        break;
      case sema::value_kind::count:
      case sema::value_kind::money:
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = 0;
        error_message = say(lang, "Hãy nhập một số không âm.");
        break;
      case sema::value_kind::percent:
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = 0;
        v.maximum_number = 100;
        error_message = say(lang, "Tỷ lệ ghi theo phần trăm, từ 0 đến 100 (94 nghĩa là 94%, không ghi 0,94).");
        break;
      case sema::value_kind::rank:
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = 1;
        error_message = say(lang, "Thứ hạng là số nguyên từ 1 trở lên.");
        break;
      case sema::value_kind::year:
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = 1900;
        v.maximum_number = 2200;
        error_message = say(lang, "Hãy nhập năm, ví dụ 2026.");
        break;
      case sema::value_kind::date:
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_datetime = lxw_datetime{1900, 1, 1, 0, 0, 0};
        v.maximum_datetime = lxw_datetime{2200, 12, 31, 0, 0, 0};
        error_message = say(lang, "Hãy nhập ngày theo dạng dd/mm/yyyy.");
        break;
      default: return;  // number and text: anything goes
    }
    v.error_message = const_cast<char*>(error_message.c_str());
    // A stop on a wrong value would also refuse "n/a"; for numbers that is a typing aid, so warn instead.
    if (f.type.kind != sema::value_kind::boolean && f.type.kind != sema::value_kind::level)
      v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    worksheet_data_validation_range(ws, first_data_row, col, first_data_row + data_rows - 1, col, &v);
  }

  void unit_sheet(template_sheet const& s, bool root, int root_kind, std::vector<int> const& years,
                  std::vector<template_unit> const& units) {
    auto const& kind = rules.unit_kinds[std::size_t(s.unit_kind)];
    auto name = eval::sheet_name_of(rules, s.unit_kind);
    lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
    lxw_row_col_options hidden{};
    hidden.hidden = 1;
    worksheet_set_row_opt(ws, 0, LXW_DEF_ROW_HEIGHT, key, &hidden);
    worksheet_set_row(ws, 1, 45, nullptr);
    worksheet_set_row(ws, 2, 30, nullptr);
    auto head = [&](lxw_col_t c, std::string const& k, std::string const& l, std::string const& h) {
      worksheet_write_string(ws, 0, c, k.c_str(), key);
      worksheet_write_string(ws, 1, c, l.c_str(), label);
      worksheet_write_string(ws, 2, c, h.c_str(), hint);
    };
    head(0, "id", say(lang, "Mã đơn vị"), say(lang, "bắt buộc, không trùng"));
    head(1, "name", say(lang, "Tên {0}", {kind.counted}), "");
    head(2, "parent", say(lang, "Mã đơn vị cấp trên"),
         root ? say(lang, "để trống (đơn vị gốc)")
              : say(lang, "mã {0} hoặc đơn vị cấp trên", {rules.unit_kinds[std::size_t(root_kind)].counted}));
    lxw_row_t listed = 0;
    for (auto const& u : units) listed += u.unit_kind == s.unit_kind ? 1 : 0;
    data_rows = std::max(min_data_rows, listed + 200);
    // A code typed twice is flagged as it is typed (the reader reports it too: data.duplicate_id).
    auto formula = "=COUNTIF($A$4:$A$" + std::to_string(first_data_row + data_rows) + ",A4)=1";
    lxw_data_validation unique{};
    unique.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    unique.value_formula = const_cast<char*>(formula.c_str());
    unique.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    auto unique_title = say(lang, "Mã đơn vị bị trùng");
    auto unique_message = say(lang, "Mã này đã có ở một dòng khác; mỗi đơn vị một mã.");
    unique.error_title = const_cast<char*>(unique_title.c_str());
    unique.error_message = const_cast<char*>(unique_message.c_str());
    worksheet_data_validation_range(ws, first_data_row, 0, first_data_row + data_rows - 1, 0, &unique);
    worksheet_set_column(ws, 0, 0, 14, text);
    worksheet_set_column(ws, 1, 1, 32, text);
    worksheet_set_column(ws, 2, 2, 16, text);
    lxw_col_t col = 3;
    for (int fi : s.fields) {
      auto const& f = rules.fields[std::size_t(fi)];
      std::vector<std::string> choices =
          f.type.kind == sema::value_kind::boolean ? std::vector<std::string>{say(lang, "Có"), say(lang, "Không"), "n/a"}
                                                   : choices_of(f, rules);
      for (int y : years) {
        head(col, f.id + "@" + std::to_string(y), say(lang, "{0} (năm {1})", {f.label, std::to_string(y)}), hint_of(f, lang));
        worksheet_set_column(ws, col, col, 18, f.type.kind == sema::value_kind::date ? date
                                              : f.type.kind == sema::value_kind::text ? text : number);
        validate(ws, col, f, choices);
        ++col;
      }
    }
    lxw_row_t row = first_data_row;
    for (auto const& u : units) {
      if (u.unit_kind != s.unit_kind) continue;
      worksheet_write_string(ws, row, 0, u.id.c_str(), nullptr);
      if (!u.name.empty()) worksheet_write_string(ws, row, 1, u.name.c_str(), nullptr);
      if (!u.parent.empty()) worksheet_write_string(ws, row, 2, u.parent.c_str(), nullptr);
      ++row;
    }
    worksheet_freeze_panes(ws, first_data_row, 2);
  }

  void instructions(std::vector<template_sheet> const& sheets, std::vector<int> const& years,
                    provenance const* source) {
    // The reader skips this sheet by its name, in either language (eval/table_input.cpp).
    auto sheet_name = say(lang, "Hướng dẫn");
    lxw_worksheet* ws = workbook_add_worksheet(book, sheet_name.c_str());
    worksheet_set_column(ws, 0, 0, 28, nullptr);
    worksheet_set_column(ws, 1, 1, 60, nullptr);
    worksheet_set_column(ws, 2, 4, 18, nullptr);
    auto const& root = rules.unit_kinds[std::size_t(sheets.front().unit_kind)];
    lxw_row_t r = 0;
    auto line = [&](std::string const& s, lxw_format* f = nullptr) { worksheet_write_string(ws, r++, 0, s.c_str(), f); };
    line(say(lang, "MẪU NHẬP SỐ LIỆU: {0}", {root.title}), title);
    std::string year_list;
    for (int y : years) year_list += (year_list.empty() ? "" : ", ") + std::to_string(y);
    line(say(lang, "Các năm cần nhập: {0}", {year_list}));
    if (source) {
      std::string from = say(lang, "Tính từ: chitieu {0}", {source->version});
      if (source->as_of) from += say(lang, ", ngày đánh giá {0}", {format_vn_date(source->as_of)});
      if (!source->rules_sha256.empty()) from += say(lang, ", quy tắc sha256 {0}", {source->rules_sha256});
      if (!source->data_sha256.empty()) from += say(lang, ", bài nộp sha256 {0}", {source->data_sha256});
      line(from);
    }
    ++r;
    line(say(lang, "1. Mỗi trang là một loại đơn vị; mỗi dòng (từ dòng 4) là một đơn vị. Không đổi tên trang."));
    line(say(lang, "2. Cột A: mã đơn vị (bắt buộc, không trùng). Cột B: tên đơn vị. Cột C: mã đơn vị cấp trên."));
    line(say(lang, "3. Không xoá, chèn hay đổi chỗ cột; không sửa dòng 1 (dòng ẩn chứa mã cột) và các dòng tiêu đề."));
    line(say(lang, "4. Ô để trống là CHƯA CÓ số liệu, khác với 0: nếu số liệu bằng 0, hãy ghi 0."));
    line(say(lang, "5. Chỉ tiêu không áp dụng với đơn vị: ghi n/a (hoặc: không áp dụng)."));
    line(say(lang, "6. Tỷ lệ ghi theo phần trăm: 94 nghĩa là 94% (không ghi 0,94)."));
    line(say(lang, "7. Ngày ghi theo dạng dd/mm/yyyy. Có/Không và các mức: chọn trong danh sách thả xuống."));
    line(say(lang, "8. Không dùng công thức; số ghi bằng số (dấu phẩy thập phân theo máy tính của bạn)."));
    ++r;
    auto heading = [&](lxw_col_t c, std::string const& text) { worksheet_write_string(ws, r, c, text.c_str(), label); };
    heading(0, say(lang, "Trang"));
    heading(1, say(lang, "Số liệu"));
    heading(2, say(lang, "Mã chỉ tiêu"));
    heading(3, say(lang, "Đơn vị tính"));
    ++r;
    for (auto const& s : sheets) {
      auto name = eval::sheet_name_of(rules, s.unit_kind);
      if (s.fields.empty()) {
        worksheet_write_string(ws, r, 0, name.c_str(), nullptr);
        auto only_units = say(lang, "(chỉ cần danh sách đơn vị: mã, tên, cấp trên)");
        worksheet_write_string(ws, r++, 1, only_units.c_str(), nullptr);
      }
      for (int fi : s.fields) {
        auto const& f = rules.fields[std::size_t(fi)];
        worksheet_write_string(ws, r, 0, name.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, f.label.c_str(), nullptr);
        worksheet_write_string(ws, r, 2, f.id.c_str(), nullptr);
        worksheet_write_string(ws, r++, 3, hint_of(f, lang).c_str(), nullptr);
      }
    }
  }
};

}  // namespace

std::string write_template_xlsx(std::string const& path, sema::checked_ruleset const& rules,
                                std::vector<template_sheet> const& sheets, std::vector<int> const& years,
                                provenance const* source, std::vector<template_unit> const& units, language lang) {
  if (sheets.empty() || years.empty()) return say(lang, "không có loại đơn vị hoặc năm nào để lập mẫu");
  lxw_workbook* book = workbook_new(path.c_str());
  if (!book) return say(lang, "không tạo được tệp {0}", {path});
  writer w{book, rules, lang};
  w.make_formats();
  w.instructions(sheets, years, source);
  for (std::size_t i = 0; i < sheets.size(); ++i)
    w.unit_sheet(sheets[i], i == 0, sheets.front().unit_kind, years, units);
  lxw_error e = workbook_close(book);
  if (e != LXW_NO_ERROR) return say(lang, "không ghi được tệp {0}: {1}", {path, lxw_strerror(e)});
  return {};
}

void render_template_csv(std::ostream& out, sema::checked_ruleset const& rules,
                         std::vector<template_sheet> const& sheets) {
  out << "kind,id,name,parent,year";
  std::vector<std::string> seen;
  for (auto const& s : sheets)
    for (int f : s.fields) {
      auto const& id = rules.fields[std::size_t(f)].id;
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      out << ',' << id;
    }
  out << "\r\n";  // RFC 4180 line ending, which spreadsheets expect
}

}  // namespace chitieu::report
