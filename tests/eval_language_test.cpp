// Data issues, the spreadsheet reader's messages, the reasons stored in outcomes and the template's
// labels in both languages (`--lang en`): the same codes and pointers, the text in the language asked.
#include <chitieu/date.hpp>
#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/table_input.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/number.hpp>
#include <chitieu/report/graph_render.hpp>

#include <doctest/doctest.h>
#include <minizip/unzip.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "support/rules.hpp"

namespace {

using namespace chitieu;
namespace fs = std::filesystem;

constexpr char const* plan_text = R"(
document kh1 { number "01/KH-UBND" title "Kế hoạch thử" date 2026-01-05 }
field commune.ty_le : percent "Tỉ lệ phổ cập"
field commune.co_thu_vien : bool "Có thư viện"
field commune.so_phong : count of "phòng" "Số phòng học bộ môn"
field school.so_hs : count of "học sinh" "Số học sinh"
field school.so_hs_nu : count of "học sinh" "Số học sinh nữ"
check C1 "Học sinh nữ không vượt tổng số" { applies to school require so_hs_nu <= so_hs }
target T1 "Tỉ lệ phổ cập" { applies to commune measure ty_le >= 50% by 2030 }
target T2 "Phòng học bộ môn" { applies to commune measure so_phong >= 2 by 2024 }
obligation O1 "Có thư viện" { applies to commune every year from 2026 require co_thu_vien }
)";

struct fixture {
  ruleset_result checked = testing_support::check_text(plan_text);
  std::optional<eval::plan> plan;
  fixture() {
    REQUIRE(checked.rules);
    plan.emplace(eval::compile(*checked.rules));
  }
  sema::checked_ruleset const& rules() const { return plan->rules(); }
  eval::load_result load(std::string const& text, language lang) const {
    eval::dataset_limits limits;
    limits.lang = lang;
    return eval::load_submission_text(text, rules(), limits);
  }
};

eval::data_issue const* find(std::vector<eval::data_issue> const& issues, std::string const& code) {
  for (auto const& is : issues)
    if (is.code == code) return &is;
  return nullptr;
}

}  // namespace

TEST_CASE("eval: data issues are said in the language asked, with the same codes and pointers") {
  fixture f;
  // 1234,5 is no percentage; "so_hs" of a commune is no field of it; "ghi_chu" no member of a unit.
  std::string text = R"({"kind": "commune", "id": "x01", "ghi_chu": 1,
    "values": {"2026": {"ty_le": 1234.5, "so_hs": 3}, "20x6": {}}})";
  auto vi = f.load(text, language::vi), en = f.load(text, language::en);
  REQUIRE(vi.issues.size() == 4);
  REQUIRE(en.issues.size() == vi.issues.size());
  for (std::size_t i = 0; i < vi.issues.size(); ++i) {
    CHECK(en.issues[i].code == vi.issues[i].code);
    CHECK(en.issues[i].pointer == vi.issues[i].pointer);
    CHECK(en.issues[i].unit == vi.issues[i].unit);
  }
  auto range_vi = find(vi.issues, "data.out_of_range"), range_en = find(en.issues, "data.out_of_range");
  REQUIRE(range_vi);
  REQUIRE(range_en);
  CHECK(range_vi->pointer == "/values/2026/ty_le");
  // Numbers follow the reader's conventions: 1.234,5 in Vietnamese, 1,234.5 in English.
  CHECK(range_vi->message == "tỉ lệ phần trăm phải từ 0 đến 100, nhận được 1.234,5; coi như thiếu");
  CHECK(range_en->message == "a percentage must be between 0 and 100, got 1,234.5; treated as missing");
  CHECK(find(vi.issues, "data.unknown_field")->message == "trường \"so_hs\" không được quy tắc nào của commune đọc");
  CHECK(find(en.issues, "data.unknown_field")->message == "no rule for commune reads field \"so_hs\"");
  CHECK(find(vi.issues, "data.unknown_member")->message == "thành phần \"ghi_chu\" không được dùng");
  CHECK(find(en.issues, "data.unknown_member")->message == "member \"ghi_chu\" is not used");
  CHECK(find(en.issues, "data.bad_year")->message == "\"20x6\" is not a year (1900–2200)");

  SUBCASE("a type that does not fit, and malformed JSON") {
    auto wrong = f.load(R"({"kind": "commune", "id": "x01", "values": {"2026": {"co_thu_vien": "có"}}})", language::en);
    REQUIRE(find(wrong.issues, "data.wrong_type"));
    CHECK(find(wrong.issues, "data.wrong_type")->message == "\"co_thu_vien\" needs true/false but got text; treated as missing");
    auto broken = f.load("{\"kind\": ", language::en);
    REQUIRE(broken.issues.size() == 1);
    CHECK(broken.issues[0].code == "data.malformed_json");
    CHECK(broken.issues[0].message ==
          "invalid JSON at line 1, column 10 (byte 10): syntax error while parsing value - unexpected end of input; "
          "expected '[', '{', or a literal");
  }
}

TEST_CASE("eval: the figures' checks speak the language asked") {
  fixture f;
  std::string text = R"({"kind": "commune", "id": "x01", "children": [
    {"kind": "school", "id": "s1", "values": {"2026": {"so_hs": 1200, "so_hs_nu": 1500}}}]})";
  auto loaded = f.load(text, language::en);
  REQUIRE(loaded.data);
  auto vi = eval::check_data(*f.plan, *loaded.data);
  auto en = eval::check_data(*f.plan, *loaded.data, language::en);
  REQUIRE(vi.size() == 1);
  REQUIRE(en.size() == 1);
  CHECK(en[0].code == "data.check_failed");
  CHECK(en[0].pointer == vi[0].pointer);
  CHECK(vi[0].message == "\"so_hs_nu\" (1.500) vượt \"so_hs\" (1.200) — kiểm tra C1: Học sinh nữ không vượt tổng số");
  CHECK(en[0].message == "\"so_hs_nu\" (1,500) exceeds \"so_hs\" (1,200) — check C1: Học sinh nữ không vượt tổng số");
}

TEST_CASE("eval: the reasons stored in outcomes are in evaluate_options' language") {
  fixture f;
  // T1 (by 2030) is judged on a 2024 value as of 2026 with a freshness of 1 year: stale. T2's value
  // does not apply.
  auto loaded = f.load(R"({"kind": "commune", "id": "x01",
    "values": {"2024": {"ty_le": 40, "so_phong": "n/a"}}})", language::vi);
  REQUIRE(loaded.data);
  auto reasons = [&](language lang) {
    eval::evaluate_options eo;
    eo.as_of = *parse_iso_date("2026-12-31");
    eo.lang = lang;
    auto result = eval::evaluate(*f.plan, *loaded.data, eo);
    REQUIRE(result.units.size() == 1);
    auto const& targets = result.units[0].targets;
    REQUIRE(targets.size() == 2);
    CHECK(targets[0].milestones[0].result == eval::verdict::stale);
    CHECK(targets[1].headline == eval::verdict::not_applicable);
    return std::make_pair(targets[0].milestones[0].reason, targets[1].reason);
  };
  auto vi = reasons(language::vi), en = reasons(language::en);
  CHECK(vi.first == "số liệu mới nhất là của năm 2024, cũ 2 năm (cần số liệu từ năm 2025)");
  CHECK(en.first == "the latest figure is from 2024, 2 years old (figures from 2025 on are needed)");
  CHECK(vi.second == "giá trị được khai báo là không áp dụng cho đơn vị này");
  CHECK(en.second == "the value is declared not to apply to this unit");

  SUBCASE("and so are the reasons for the documents chosen") {
    auto chosen = eval::choose_documents(f.rules(), *loaded.data, {sema::document_id(0)}, language::en);
    CHECK(chosen.basis == "chosen with --document");
  }
}

TEST_CASE("eval: the spreadsheet reader names sheets, rows and columns in the language asked") {
  fixture f;
  eval::dataset_limits en;
  en.lang = language::en;
  auto csv = eval::load_csv_text("kind,id,name,parent,year,ty_le,co_thu_vien\r\ncommune,x01,,,2026,abc,có lẽ\r\n",
                                 f.rules(), en);
  REQUIRE(csv.data);
  std::vector<std::string> messages;
  for (auto const& is : csv.issues) messages.push_back(is.message);
  CHECK(messages == std::vector<std::string>{"Row 2, column F: 'abc' is not a number",
                                             "Row 2, column G: 'có lẽ' is not Yes/No (Có/Không)"});
  // A number cell is shown as the reader writes numbers; a sheet is named as the reader's language does.
  auto file = fs::temp_directory_path() / ("chitieu_language_cells_" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(file.string().c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "commune");
  char const* keys[] = {"id", "name", "parent", "co_thu_vien@2026"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, keys[c], nullptr);
  worksheet_write_string(ws, 3, 0, "x01", nullptr);
  worksheet_write_number(ws, 3, 3, 1234.5, nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  fs::remove(file);
  auto book_en = eval::load_workbook_bytes(bytes, f.rules(), en);
  auto book_vi = eval::load_workbook_bytes(bytes, f.rules());
  REQUIRE(book_en.issues.size() == 1);
  REQUIRE(book_vi.issues.size() == 1);
  CHECK(book_en.issues[0].message == "Sheet 'commune', row 4, column D: '1,234.5' is not Yes/No (Có/Không)");
  CHECK(book_vi.issues[0].message == "Trang 'commune', dòng 4, cột D: '1.234,5' không phải là Có/Không");
  CHECK(book_en.issues[0].pointer == book_vi.issues[0].pointer);
  auto junk = eval::load_workbook_bytes("PK but not a zip", f.rules(), en);
  REQUIRE(junk.issues.size() == 1);
  CHECK(junk.issues[0].code == "data.malformed_workbook");
  CHECK(junk.issues[0].message == "the file cannot be opened as an .xlsx workbook (a zip file)");
  auto not_utf8 = eval::load_csv_text("kind,id\r\ncommune,X\xE3\r\n", f.rules(), en);
  REQUIRE(not_utf8.issues.size() == 1);
  CHECK(not_utf8.issues[0].message ==
        "the CSV file is not UTF-8 (byte 18); in Excel, save it again as 'CSV UTF-8 (Comma delimited)'");
}

TEST_CASE("eval: the template workbook in English, filled with Yes/No, reads back") {
  fixture f;
  auto dir = fs::temp_directory_path() / ("chitieu_language_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto file = dir / "template.xlsx";
  auto g = graph::build(f.rules());
  int commune = f.rules().find_unit_kind("commune")->index();
  std::vector<report::template_sheet> sheets{{commune, graph::submission_fields(f.rules(), g, commune)}};
  REQUIRE(report::write_template_xlsx(file.string(), f.rules(), sheets, {2026}, nullptr, {}, language::en) == "");
  auto part = [&](char const* name) {
    unzFile z = unzOpen(file.string().c_str());
    REQUIRE(z);
    std::string out;
    if (unzLocateFile(z, name, 0) == UNZ_OK && unzOpenCurrentFile(z) == UNZ_OK) {
      char buf[4096];
      int n;
      while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) out.append(buf, std::size_t(n));
      unzCloseCurrentFile(z);
    }
    unzClose(z);
    return out;
  };
  CHECK(part("xl/workbook.xml").find("name=\"Instructions\"") != std::string::npos);
  auto strings = part("xl/sharedStrings.xml");
  for (char const* s : {"DATA ENTRY TEMPLATE: Xã, phường", "Years to fill in: 2026", "Unit code", "Tỉ lệ phổ cập (2026)",
                        "Yes/No", "4. A blank cell means NO FIGURE YET, which is not 0: if the figure is zero, enter 0."})
    CHECK_MESSAGE(strings.find(s) != std::string::npos, s);
  CHECK(strings.find("Hướng dẫn") == std::string::npos);
  auto sheet = part("xl/worksheets/sheet2.xml");
  CHECK(sheet.find("<formula1>\"Yes,No,n/a\"</formula1>") != std::string::npos);
  CHECK(sheet.find("Enter rates as percentages, from 0 to 100") != std::string::npos);

  // Filled as an English-speaking office would: the drop-down's "Yes", the instructions sheet kept.
  auto filled = dir / "filled.xlsx";
  lxw_workbook* wb = workbook_new(filled.string().c_str());
  worksheet_write_string(workbook_add_worksheet(wb, "Instructions"), 0, 0, "DATA ENTRY TEMPLATE", nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Xã, phường");
  char const* keys[] = {"id", "name", "parent", "ty_le@2026", "co_thu_vien@2026"};  // so_phong left out
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(ws, 0, c, keys[c], nullptr);
  worksheet_write_string(ws, 3, 0, "x01", nullptr);
  worksheet_write_number(ws, 3, 3, 60, nullptr);
  worksheet_write_string(ws, 3, 4, "Yes", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  eval::dataset_limits en;
  en.lang = language::en;
  auto loaded = eval::load_workbook(filled.string(), f.rules(), en);
  REQUIRE(loaded.data);
  CHECK(loaded.issues.empty());
  int field = f.rules().fields[std::size_t(f.rules().find_field(sema::unit_kind_id(commune), "co_thu_vien")->index())].slot;
  CHECK(loaded.data->value(0, 2026, field) == 1);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("eval: numbers in messages keep their digits, however large") {
  // A value a hair below a half still rounds up, and a large amount gains nothing from that hair.
  CHECK(format_vn_number(84.55, 1) == "84,6");
  CHECK(format_vn_number(1.005) == "1,01");
  CHECK(format_vn_number(610000000000.0) == "610.000.000.000");
  CHECK(format_vn_number(1234.5, 6) == "1.234,5");
  CHECK(format_vn_number(5e9 + 0.25) == "5.000.000.000,25");
}
