// The spreadsheet round trip (docs/data.md, Workbooks): the template workbook, filled as an office
// would with libxlsxwriter, and its CSV layout, score the same as the equivalent JSON; every bad cell
// is reported with its sheet, row and column, and no row is dropped.
#include <chitieu/eval/table_input.hpp>

#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/report/graph_render.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>
#include <minizip/unzip.h>
#include <nlohmann/json.hpp>
#include <xlsxwriter.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>
#include <unistd.h>
#include <string>

#include "support/rules.hpp"

namespace {

using namespace chitieu;
namespace fs = std::filesystem;

constexpr char const* plan_text = R"(
document kh1 { number "01/KH-UBND" title "Kế hoạch thử" date 2026-01-05 }
field commune.ty_le : percent "Tỉ lệ phổ cập"
field commune.ngay_bao_cao : date "Ngày báo cáo"
field commune.muc : level muc_do "Mức độ chuyển đổi số"
field school.dat_chuan : bool "Đạt chuẩn quốc gia"
field school.phong_stem : count of "phòng" "Phòng STEM"
agency so "Sở GDĐT"
target T1 "Trường đạt chuẩn" { applies to commune measure share(school, dat_chuan) >= 60% by 2026 }
target T2 "Tỉ lệ phổ cập" { applies to commune measure ty_le >= 50% by 2026 }
target T3 "Phòng STEM" { applies to commune measure sum(school, phong_stem) / count(school) >= 1.0 by 2026 }
target T4 "Mức độ" { applies to commune measure muc >= hoan_thanh by 2026 }
obligation O1 "Báo cáo đúng hạn" { applies to commune every year from 2026 due 25/11 require ngay_bao_cao <= due }
)";

// The same figures as the workbooks below fill in.
constexpr char const* plan_json = R"({
  "kind": "commune", "id": "x01", "name": "Xã Tân Lập",
  "values": {
    "2025": { "ty_le": 45 },
    "2026": { "ty_le": 55.5, "ngay_bao_cao": "2026-11-20", "muc": "hoan_thanh" }
  },
  "children": [
    { "kind": "school", "id": "x01-01", "name": "Trường TH Tân Lập",
      "values": { "2026": { "dat_chuan": true, "phong_stem": 2 } } },
    { "kind": "school", "id": "x01-02", "name": "Trường THCS Tân Lập",
      "values": { "2025": { "dat_chuan": false }, "2026": { "dat_chuan": false, "phong_stem": "n/a" } } },
    { "kind": "school", "id": "x01-03", "name": "Trường MN Hoa Sen",
      "values": { "2026": { "dat_chuan": true } } }
  ]
})";

struct fixture {
  ruleset_result checked = testing_support::check_text(plan_text);
  std::optional<eval::plan> plan;
  fs::path dir;
  fixture() {
    REQUIRE(checked.rules);
    plan.emplace(eval::compile(*checked.rules));
    dir = fs::temp_directory_path() / ("chitieu_table_test_" + std::to_string(::getpid()));
    fs::create_directories(dir);
  }
  ~fixture() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  sema::checked_ruleset const& rules() const { return plan->rules(); }
  eval::table_load_result json_submission() const {
    eval::table_load_result out;
    static_cast<eval::load_result&>(out) = eval::load_submission_text(plan_json, rules());
    return out;
  }
  std::string scorecard(eval::table_load_result& data) const {
    REQUIRE(data.data);
    eval::check_data(*plan, data);
    eval::locate_issues(data);
    eval::evaluate_options eo;
    eo.as_of = *parse_iso_date("2026-12-31");
    auto result = eval::evaluate(*plan, *data.data, eo);
    auto j = report::to_json({*plan, *data.data, result, data.issues});
    // The cells of missing values are the one thing a spreadsheet adds to the scorecard (tested below).
    std::function<void(nlohmann::json&)> drop_cells = [&](nlohmann::json& x) {
      if (x.is_object()) x.erase("missing_cells");
      if (x.is_structured())
        for (auto& v : x) drop_cells(v);
    };
    drop_cells(j);
    return j.dump(1);
  }
};

std::string zip_part(fs::path const& file, char const* part) {
  unzFile z = unzOpen(file.string().c_str());
  REQUIRE(z);
  std::string out;
  if (unzLocateFile(z, part, 0) == UNZ_OK && unzOpenCurrentFile(z) == UNZ_OK) {
    char buf[4096];
    int n;
    while ((n = unzReadCurrentFile(z, buf, sizeof buf)) > 0) out.append(buf, std::size_t(n));
    unzCloseCurrentFile(z);
  }
  unzClose(z);
  return out;
}

// Rows 1–3 of a sheet as the template lays them out: keys, labels (left blank here), units.
void keys(lxw_worksheet* ws, std::vector<std::string> const& k) {
  for (std::size_t c = 0; c < k.size(); ++c) worksheet_write_string(ws, 0, lxw_col_t(c), k[c].c_str(), nullptr);
  worksheet_write_string(ws, 1, 0, "Mã đơn vị", nullptr);
  worksheet_write_string(ws, 2, 0, "bắt buộc", nullptr);
}

// The filled workbook an office sends back: strings (shared, or inline in constant-memory mode),
// numbers, a boolean cell, a date as a serial number, a level by its title, "n/a", and blanks.
void fill(fs::path const& file, bool inline_strings) {
  lxw_workbook_options options{};
  options.constant_memory = inline_strings ? 1 : 0;
  lxw_workbook* wb = workbook_new_opt(file.string().c_str(), &options);
  lxw_worksheet* help = workbook_add_worksheet(wb, "Hướng dẫn");
  worksheet_write_string(help, 0, 0, "MẪU NHẬP SỐ LIỆU", nullptr);
  lxw_worksheet* c = workbook_add_worksheet(wb, "Xã, phường");
  keys(c, {"id", "name", "parent", "ty_le@2025", "ty_le@2026", "ngay_bao_cao@2025", "ngay_bao_cao@2026",
           "muc@2025", "muc@2026"});
  worksheet_write_string(c, 3, 0, "x01", nullptr);
  worksheet_write_string(c, 3, 1, "Xã Tân Lập", nullptr);
  worksheet_write_number(c, 3, 3, 45, nullptr);
  worksheet_write_number(c, 3, 4, 55.5, nullptr);
  lxw_datetime day{2026, 11, 20, 0, 0, 0};
  worksheet_write_datetime(c, 3, 6, &day, nullptr);
  worksheet_write_string(c, 3, 8, "Hoàn thành", nullptr);
  lxw_worksheet* s = workbook_add_worksheet(wb, "Trường học");
  keys(s, {"id", "name", "parent", "dat_chuan@2025", "dat_chuan@2026", "phong_stem@2025", "phong_stem@2026"});
  worksheet_write_string(s, 3, 0, "x01-01", nullptr);
  worksheet_write_string(s, 3, 1, "Trường TH Tân Lập", nullptr);
  worksheet_write_string(s, 3, 2, "x01", nullptr);
  worksheet_write_boolean(s, 3, 4, 1, nullptr);
  worksheet_write_number(s, 3, 6, 2, nullptr);
  worksheet_write_string(s, 4, 0, "x01-02", nullptr);
  worksheet_write_string(s, 4, 1, "Trường THCS Tân Lập", nullptr);
  worksheet_write_string(s, 4, 2, "x01", nullptr);
  worksheet_write_string(s, 4, 3, "Không", nullptr);
  worksheet_write_string(s, 4, 4, "Không", nullptr);
  worksheet_write_string(s, 4, 6, "n/a", nullptr);
  worksheet_write_string(s, 5, 0, "x01-03", nullptr);
  worksheet_write_string(s, 5, 1, "Trường MN Hoa Sen", nullptr);  // no parent: under the commune
  worksheet_write_string(s, 5, 4, "Có", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

std::vector<std::string> messages(eval::load_result const& r) {
  std::vector<std::string> out;
  for (auto const& is : r.issues) out.push_back(is.message);
  return out;
}

bool has(std::vector<std::string> const& all, std::string const& m) {
  for (auto const& x : all)
    if (x == m) return true;
  return false;
}

}  // namespace

TEST_CASE("eval: the template workbook has a sheet per kind, hidden keys, drop-downs and checks") {
  fixture f;
  auto g = graph::build(f.rules());
  int commune = f.rules().find_unit_kind("commune")->index(), school = f.rules().find_unit_kind("school")->index();
  REQUIRE(graph::kinds_below(f.rules(), commune) == std::vector<int>{school});
  std::vector<report::template_sheet> sheets{{commune, graph::submission_fields(f.rules(), g, commune)},
                                             {school, graph::submission_fields(f.rules(), g, school)}};
  auto file = f.dir / "mau.xlsx";
  report::provenance source;
  source.version = "0.1.0";
  source.as_of = *parse_iso_date("2026-12-31");
  source.rules_sha256 = "ab12";
  REQUIRE(report::write_template_xlsx(file.string(), f.rules(), sheets, {2025, 2026}, &source) == "");
  auto book = zip_part(file, "xl/workbook.xml");
  CHECK(book.find("name=\"Hướng dẫn\"") != std::string::npos);
  CHECK(book.find("name=\"Xã, phường\"") != std::string::npos);
  CHECK(book.find("name=\"Trường học\"") != std::string::npos);
  auto strings = zip_part(file, "xl/sharedStrings.xml");
  for (char const* k : {"ty_le@2025", "ty_le@2026", "muc@2026", "dat_chuan@2025", "phong_stem@2026",
                        "Tỉ lệ phổ cập (năm 2026)", "% (0–100)", "phòng (≥ 0)", "Có/Không",
                        "Tính từ: chitieu 0.1.0, ngày đánh giá 31/12/2026, quy tắc sha256 ab12<"})
    CHECK_MESSAGE(strings.find(k) != std::string::npos, k);
  CHECK(strings.find("bài nộp sha256") == std::string::npos);  // a template has no submission yet
  auto communes = zip_part(file, "xl/worksheets/sheet2.xml");
  auto row1 = communes.substr(communes.find("<row r=\"1\" "));
  CHECK(row1.substr(0, row1.find('>')).find("hidden=\"1\"") != std::string::npos);  // the key row
  CHECK(communes.find("state=\"frozen\"") != std::string::npos);
  // percents 0–100 (a warning, so that n/a can still be typed), in both year columns D and E
  CHECK(communes.find("sqref=\"D4:D1003\"><formula1>0</formula1><formula2>100</formula2>") != std::string::npos);
  CHECK(communes.find("sqref=\"E4:E1003\"><formula1>0</formula1><formula2>100</formula2>") != std::string::npos);
  CHECK(communes.find("type=\"decimal\" errorStyle=\"warning\"") != std::string::npos);
  CHECK(communes.find("<formula1>\"Chưa đạt,Đạt kết quả bước đầu,Hoàn thành,Vượt mức,n/a\"</formula1>") != std::string::npos);
  CHECK(communes.find("type=\"date\"") != std::string::npos);
  CHECK(communes.find("<formula1>COUNTIF($A$4:$A$1003,A4)=1</formula1>") != std::string::npos);  // codes unique
  auto schools = zip_part(file, "xl/worksheets/sheet3.xml");
  CHECK(schools.find("<formula1>\"Có,Không,n/a\"</formula1>") != std::string::npos);
  CHECK(schools.find("operator=\"greaterThanOrEqual\"") != std::string::npos);  // counts ≥ 0
  // Read back blank, it has no unit to score, and says so rather than scoring nothing.
  auto blank = eval::load_workbook(file.string(), f.rules());
  CHECK_FALSE(blank.data);
  REQUIRE(blank.issues.size() == 1);
  CHECK(blank.issues[0].message == "không có dòng số liệu nào (mỗi đơn vị một dòng, dưới các dòng tiêu đề)");
}

TEST_CASE("eval: a filled workbook scores the same as the equivalent JSON") {
  fixture f;
  auto from_json = f.json_submission();
  auto expected = f.scorecard(from_json);
  for (bool inline_strings : {false, true}) {
    CAPTURE(inline_strings);
    auto file = f.dir / (inline_strings ? "inline.xlsx" : "shared.xlsx");
    fill(file, inline_strings);
    auto sst = zip_part(file, "xl/sharedStrings.xml");
    CHECK(sst.empty() == inline_strings);  // both string storages are exercised
    auto loaded = eval::load_workbook(file.string(), f.rules());
    CHECK(messages(loaded).empty());
    CHECK(f.scorecard(loaded) == expected);
    // the scorecard is not trivially equal: T3 is 2 phòng over 2 schools (one n/a), and met
    REQUIRE(loaded.data);
    CHECK(loaded.data->units().size() == 4);
  }
}

TEST_CASE("eval: every bad cell names its sheet, row and column, and its row is kept") {
  fixture f;
  auto file = f.dir / "bad.xlsx";
  lxw_workbook* wb = workbook_new(file.string().c_str());
  lxw_worksheet* c = workbook_add_worksheet(wb, "Xã, phường");
  keys(c, {"id", "name", "parent", "ty_le@2026", "ngay_bao_cao@2026", "muc@2026"});
  worksheet_write_string(c, 3, 0, "x01", nullptr);
  worksheet_write_string(c, 3, 3, "20,5", nullptr);
  worksheet_write_string(c, 3, 4, "31/02/2026", nullptr);
  worksheet_write_string(c, 3, 5, "Giỏi", nullptr);
  lxw_worksheet* s = workbook_add_worksheet(wb, "Trường học");
  keys(s, {"id", "name", "parent", "dat_chuan@2026", "phong_stem@2026"});
  worksheet_write_string(s, 3, 0, "x01-01", nullptr);
  worksheet_write_string(s, 3, 3, "có lẽ", nullptr);
  worksheet_write_string(s, 3, 4, "abc", nullptr);
  worksheet_write_string(s, 4, 0, "x01-02", nullptr);
  worksheet_write_string(s, 4, 2, "x99", nullptr);
  worksheet_write_number(s, 4, 4, -1, nullptr);
  worksheet_write_string(s, 5, 1, "Trường chưa có mã", nullptr);
  worksheet_write_string(s, 5, 4, "1.234", nullptr);
  worksheet_write_string(s, 6, 0, "x01-04", nullptr);
  worksheet_write_string(s, 6, 4, "1.234.567", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  auto loaded = eval::load_workbook(file.string(), f.rules());
  REQUIRE(loaded.data);
  auto m = messages(loaded);
  std::string all;
  for (auto const& x : m) all += x + "\n";
  CAPTURE(all);
  CHECK(has(m, "Trang 'Xã, phường', dòng 4, cột D: '20,5' được nhập dưới dạng chữ; đã đọc là số 20,5"));
  CHECK(has(m, "Trang 'Xã, phường', dòng 4, cột E: '31/02/2026' không phải là ngày (dd/mm/yyyy)"));
  CHECK(has(m, "Trang 'Xã, phường', dòng 4, cột F: 'Giỏi' không phải là một mức trong danh sách "
               "(Chưa đạt, Đạt kết quả bước đầu, Hoàn thành, Vượt mức)"));
  CHECK(has(m, "Trang 'Trường học', dòng 4, cột D: 'có lẽ' không phải là Có/Không"));
  CHECK(has(m, "Trang 'Trường học', dòng 4, cột E: 'abc' không phải là số"));
  CHECK(has(m, "Trang 'Trường học', dòng 5, cột C: không có đơn vị nào mã 'x99' trong tệp; 'x01-02' được xếp ngay dưới x01"));
  CHECK(has(m, "Trang 'Trường học', dòng 6, cột A: thiếu mã đơn vị; dòng vẫn được tính với mã tạm 'dòng 6'"));
  CHECK(has(m, "Trang 'Trường học', dòng 7, cột E: '1.234.567' được nhập dưới dạng chữ; đã đọc là số 1.234.567"));
  // The loader's own range check, relocated from its JSON Pointer to the cell.
  bool negative = false;
  for (auto const& is : loaded.issues)
    if (is.code == "data.out_of_range")
      negative = is.message.rfind("Trang 'Trường học', dòng 5, cột E: ", 0) == 0;
  CHECK(negative);
  // The codes say the same: warnings for the numbers typed as text, errors for the rest.
  for (auto const& is : loaded.issues)
    if (is.code == "data.number_as_text") CHECK(is.level == severity::warning);
  // No row is dropped: the commune and all four schools are units; the values that were read stay.
  CHECK(loaded.data->units().size() == 5);
  int commune = f.rules().find_unit_kind("commune")->index();
  int ty_le = f.rules().fields[std::size_t(f.rules().find_field(sema::unit_kind_id(commune), "ty_le")->index())].slot;
  CHECK(loaded.data->value(0, 2026, ty_le) == doctest::Approx(0.205));  // percents are kept as fractions
  int school = f.rules().find_unit_kind("school")->index();
  int stem = f.rules().fields[std::size_t(f.rules().find_field(sema::unit_kind_id(school), "phong_stem")->index())].slot;
  CHECK(loaded.data->value(3, 2026, stem) == doctest::Approx(1.234));  // a single dot is a decimal point
  CHECK(loaded.data->value(4, 2026, stem) == doctest::Approx(1234567));
}

TEST_CASE("eval: the CSV layout scores the same as JSON, and names rows and columns") {
  fixture f;
  std::ostringstream header;
  auto g = graph::build(f.rules());
  int commune = f.rules().find_unit_kind("commune")->index(), school = f.rules().find_unit_kind("school")->index();
  report::render_template_csv(header, f.rules(),
                              {{commune, graph::submission_fields(f.rules(), g, commune)},
                               {school, graph::submission_fields(f.rules(), g, school)}});
  CHECK(header.str() == "kind,id,name,parent,year,ty_le,ngay_bao_cao,muc,dat_chuan,phong_stem\r\n");
  std::string csv = "\xEF\xBB\xBF" + header.str() +
                    "commune,x01,Xã Tân Lập,,2025,45,,,,\r\n"
                    "commune,x01,Xã Tân Lập,,2026,\"55,5\",20/11/2026,Hoàn thành,,\r\n"
                    "school,x01-01,Trường TH Tân Lập,x01,2026,,,,Có,2\r\n"
                    "school,x01-02,Trường THCS Tân Lập,x01,2025,,,,Không,\r\n"
                    "school,x01-02,Trường THCS Tân Lập,x01,2026,,,,Không,không áp dụng\r\n"
                    "school,x01-03,Trường MN Hoa Sen,,2026,,,,Có,\r\n";
  auto from_json = f.json_submission();
  auto loaded = eval::load_csv_text(csv, f.rules());
  auto m = messages(loaded);
  REQUIRE(m.size() == 1);
  CHECK(m[0] == "Dòng 3, cột F: '55,5' được nhập dưới dạng chữ; đã đọc là số 55,5");
  loaded.issues.clear();  // the one warning aside, the scorecards agree
  CHECK(f.scorecard(loaded) == f.scorecard(from_json));

  SUBCASE("bad cells") {
    auto bad = eval::load_csv_text(header.str() + "commune,x01,,,2026,abc,,,,\r\nschool,s1,,x01,2026,,,,,-3\r\n",
                                   f.rules());
    REQUIRE(bad.data);
    auto b = messages(bad);
    std::string all;
    for (auto const& x : b) all += x + "\n";
    CAPTURE(all);
    CHECK(has(b, "Dòng 2, cột F: 'abc' không phải là số"));
    bool negative = false;
    for (auto const& is : bad.issues)
      if (is.code == "data.out_of_range") negative = is.message.rfind("Dòng 3, cột J: ", 0) == 0;
    CHECK(negative);
  }
  SUBCASE("a CSV saved in the Windows code page is refused, not garbled") {
    auto cp1258 = eval::load_csv_text("kind,id,name,parent,year\r\ncommune,x01,X\xE3 T\xE2n L\xE2p,,2026\r\n", f.rules());
    CHECK_FALSE(cp1258.data);
    REQUIRE(cp1258.issues.size() == 1);
    CHECK(cp1258.issues[0].code == "data.not_utf8");
    CHECK(cp1258.issues[0].message.find("(byte 39)") != std::string::npos);
  }
  SUBCASE("Excel's semicolons in a Vietnamese locale") {
    auto semi = eval::load_csv_text("kind;id;name;parent;year;ty_le\r\ncommune;x01;;;2026;55,5\r\n", f.rules());
    REQUIRE(semi.data);
    int slot = f.rules().fields[std::size_t(f.rules().find_field(sema::unit_kind_id(commune), "ty_le")->index())].slot;
    CHECK(semi.data->value(0, 2026, slot) == doctest::Approx(0.555));
  }
}

TEST_CASE("eval: a file that is not a workbook, and sheets not in the template's layout") {
  fixture f;
  auto junk = f.dir / "junk.xlsx";
  std::ofstream(junk) << "id,name\n";
  auto unreadable = eval::load_workbook(junk.string(), f.rules());
  CHECK_FALSE(unreadable.data);
  REQUIRE(unreadable.issues.size() == 1);
  CHECK(unreadable.issues[0].code == "data.malformed_workbook");

  auto file = f.dir / "layout.xlsx";
  lxw_workbook* wb = workbook_new(file.string().c_str());
  lxw_worksheet* notes = workbook_add_worksheet(wb, "Ghi chú");
  worksheet_write_string(notes, 0, 0, "Số liệu do phòng văn hoá cung cấp", nullptr);
  lxw_worksheet* c = workbook_add_worksheet(wb, "commune");  // the kind id names a sheet too
  keys(c, {"id", "name", "parent", "ty_le@2026", "so_lieu_la@2026", "ty_le@26"});
  worksheet_write_string(c, 3, 0, "x01", nullptr);
  worksheet_write_string(c, 4, 0, "x01", nullptr);  // the same code twice: both rows are kept
  worksheet_write_number(c, 4, 3, 40, nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  auto loaded = eval::load_workbook(file.string(), f.rules());
  REQUIRE(loaded.data);
  auto m = messages(loaded);
  std::string all;
  for (auto const& x : m) all += x + "\n";
  CAPTURE(all);
  CHECK(has(m, "Trang 'Ghi chú': không theo mẫu (ô A1 không phải 'id'); trang này không được đọc"));
  CHECK(has(m, "Trang 'commune', cột E: loại đơn vị 'Xã, phường' không có chỉ tiêu 'so_lieu_la'; cột này không được đọc"));
  CHECK(has(m, "Trang 'commune', cột F: tiêu đề 'ty_le@26' không ghi năm hợp lệ; cột này không được đọc"));
  CHECK(has(m, "Trang 'commune', dòng 5: đã có đơn vị gốc 'x01' (Trang 'commune', dòng 4); hãy ghi mã đơn vị cấp trên. "
               "Dòng được xếp ngay dưới đơn vị gốc"));
  bool duplicate = false;
  for (auto const& is : loaded.issues)
    if (is.code == "data.duplicate_id") duplicate = is.message.rfind("Trang 'commune', dòng 5: ", 0) == 0;
  CHECK(duplicate);
  CHECK(loaded.data->units().size() == 2);
}

TEST_CASE("eval: a workbook read from its bytes in memory reads as the file does") {
  fixture f;
  auto file = f.dir / "bytes.xlsx";
  fill(file, false);
  std::ifstream in(file, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto from_file = eval::load_workbook(file.string(), f.rules());
  auto from_bytes = eval::load_workbook_bytes(bytes, f.rules());
  CHECK(messages(from_bytes).empty());
  REQUIRE(from_bytes.data);
  CHECK(from_bytes.data->units().size() == 4);
  CHECK(from_bytes.cells == from_file.cells);
  CHECK(f.scorecard(from_bytes) == f.scorecard(from_file));
  // Cut short, the zip's central directory (at its end) is gone: one issue, no dataset.
  auto cut = eval::load_workbook_bytes(std::string_view(bytes).substr(0, bytes.size() / 2), f.rules());
  CHECK_FALSE(cut.data);
  REQUIRE(cut.issues.size() == 1);
  CHECK(cut.issues[0].code == "data.malformed_workbook");
  CHECK(cut.issues[0].message == "không mở được tệp như một bảng tính .xlsx (tệp zip)");
}

TEST_CASE("eval: the missing values behind a verdict name their cells") {
  fixture f;
  auto file = f.dir / "blanks.xlsx";
  lxw_workbook* wb = workbook_new(file.string().c_str());
  lxw_worksheet* c = workbook_add_worksheet(wb, "Xã, phường");
  keys(c, {"id", "name", "parent", "ty_le@2026", "ngay_bao_cao@2026"});
  worksheet_write_string(c, 3, 0, "x01", nullptr);
  lxw_datetime day{2026, 11, 20, 0, 0, 0};
  worksheet_write_datetime(c, 3, 4, &day, nullptr);  // ty_le left blank in D4
  lxw_worksheet* s = workbook_add_worksheet(wb, "school");  // the kind id names a sheet too
  keys(s, {"id", "name", "parent", "dat_chuan@2026", "phong_stem@2026"});
  worksheet_write_string(s, 3, 0, "x01-01", nullptr);
  worksheet_write_string(s, 3, 2, "x01", nullptr);  // nothing filled for 2026: the whole year is missing
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
  auto loaded = eval::load_workbook(file.string(), f.rules());
  REQUIRE(loaded.data);
  auto const& data = *loaded.data;
  // A sheet name with a space or a comma is quoted, as Excel writes a reference to another sheet.
  CHECK(data.cell_of("/values/2026/ty_le") == "'Xã, phường'!D4");
  CHECK(data.cell_of("/values/2026/ngay_bao_cao") == "'Xã, phường'!E4");
  CHECK(data.cell_of("/children/0/values/2026/dat_chuan") == "school!D4");
  CHECK(data.cell_of("/children/0/values/2026") == "school!D4:E4");
  CHECK(data.cell_of("/values/2026/muc") == "");  // no column for it in this workbook
  auto scored = [&](eval::dataset const& d) {
    eval::evaluate_options eo;
    eo.as_of = *parse_iso_date("2026-12-31");
    return report::to_json({*f.plan, d, eval::evaluate(*f.plan, d, eo), {}});
  };
  auto j = scored(data);
  // T2 (ty_le) has no value: its evidence keeps the JSON Pointer and adds the cell beside it.
  nlohmann::json const* t2 = nullptr;
  for (auto const& t : j["units"][0]["targets"])
    if (t["id"] == "kh1.T2") t2 = &t;
  REQUIRE(t2);
  auto const& m = (*t2)["milestones"][0];
  CHECK(m["missing"] == nlohmann::json::array({"/values/2026/ty_le"}));
  CHECK(m["missing_cells"] == nlohmann::json{{"/values/2026/ty_le", "'Xã, phường'!D4"}});

  SUBCASE("CSV cells have no sheet; JSON has no cells") {
    auto csv = eval::load_csv_text("kind,id,name,parent,year,ty_le,ngay_bao_cao\r\ncommune,x01,,,2026,,20/11/2026\r\n",
                                   f.rules());
    REQUIRE(csv.data);
    CHECK(csv.data->cell_of("/values/2026/ty_le") == "F2");
    auto json = f.json_submission();
    REQUIRE(json.data);
    CHECK(json.data->cells().empty());
    auto from_json = scored(*json.data).dump();
    CHECK(from_json.find("\"missing\"") != std::string::npos);  // there are missing values, and no cells
    CHECK(from_json.find("missing_cells") == std::string::npos);
  }
}
