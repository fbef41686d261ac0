// report layer: Vietnamese formatting, the clang-style diagnostic rendering, and the agency answer.
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/graph_render.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <vector>
#include <nlohmann/json.hpp>

#include "support/rules.hpp"

using namespace chitieu;

TEST_CASE("report: numbers use Vietnamese separators") {
  CHECK(report::format_number(1234567.5) == "1.234.567,5");
  CHECK(report::format_number(0.25) == "0,25");
  CHECK(report::format_number(-3) == "-3");
  CHECK(report::format_number(-0.001, 1) == "0");
}

TEST_CASE("report: values and gaps speak in the measure's terms") {
  sema::checked_ruleset rules;
  sema::value_type percent{sema::value_kind::percent, "", -1, false};
  sema::value_type rooms{sema::value_kind::number, "phòng/trường", -1, false};
  sema::value_type money{sema::value_kind::money, "", -1, false};
  // Given in display units, as outcomes hold them (sema::display_value).
  CHECK(report::format_value(94.5, percent, rules) == "94,5%");
  CHECK(report::format_gap(1.3, percent, rules) == "1,3 điểm phần trăm");
  CHECK(report::format_value(0.8, rooms, rules) == "0,8 phòng/trường");
  CHECK(report::format_value(9.8e12, money, rules) == "9.800 tỷ đồng");
}

TEST_CASE("report: every verdict has its Vietnamese label") {
  using eval::verdict;
  std::pair<verdict, char const*> const labels[] = {
      {verdict::met, "Đạt"},
      {verdict::not_met, "Không đạt"},
      {verdict::achieved, "Đã đạt trước hạn"},
      {verdict::on_track, "Đúng tiến độ"},
      {verdict::needs_acceleration, "Cần đẩy nhanh"},
      {verdict::limited_progress, "Tiến triển chậm"},
      {verdict::deterioration, "Xấu đi"},
      {verdict::pending, "Chưa đánh giá được"},
      {verdict::stale, "Số liệu cũ"},
      {verdict::no_data, "Thiếu dữ liệu"},
      {verdict::not_applicable, "Không áp dụng"}};
  for (auto const& [v, label] : labels) CHECK(report::verdict_label(v) == label);
}

TEST_CASE("report: a diagnostic shows file:line:col, the line and a caret under the span") {
  auto r = testing_support::check_text("document d { number \"1\" }\ntarget T1 \"Trường đạt chuẩn\" { applies to province measure khong_co >= 1 by 2030 }");
  REQUIRE_FALSE(r.diags.empty());
  std::ostringstream out;
  report::render_diagnostic(out, r.sources, r.diags.front());
  auto text = out.str();
  CHECK(text.find("t.ct:2:") == 0);
  CHECK(text.find("[sema.") != std::string::npos);
  // The caret sits under the name, counted in code points despite the Vietnamese title before it.
  auto first_nl = text.find('\n');
  auto second_nl = text.find('\n', first_nl + 1);
  auto source_line = text.substr(first_nl + 1, second_nl - first_nl - 1);
  auto caret_line = text.substr(second_nl + 1);
  auto name_at = code_points(source_line.substr(0, source_line.find("khong_co")));
  CHECK(caret_line.find('^') == name_at);
  CHECK(caret_line.find("^~~~~~~~") != std::string::npos);
}

TEST_CASE("report: HTML and CSV scorecards escape what they print") {
  std::vector<source_file> sources;
  sources.emplace_back("r.ct", R"(unit province "Tỉnh" counted "tỉnh"
document d { number "01/KH" title "Kế hoạch <thử> & \"nghiệm\"" }
field province.ty_le : percent "Tỉ lệ"
target T1 "Tỉ lệ, có dấu phẩy" { cite "Mục 1" applies to province measure ty_le >= 50% by 2030 }
obligation O1 "Trên 50%" { applies to province every year from 2030 until 2030 require ty_le > 50% })");
  auto rules = check_sources(std::move(sources));
  REQUIRE(rules.rules);
  auto plan = eval::compile(*rules.rules);
  auto data = eval::load_submission_text(R"({"kind":"province","id":"p","name":"Tỉnh \"A\"","values":{"2030":{"ty_le":40}}})",
                                         plan.rules());
  REQUIRE(data.data);
  eval::evaluate_options o;
  o.as_of = *parse_iso_date("2031-01-01");
  auto result = eval::evaluate(plan, *data.data, o);
  report::scorecard_input in{plan, *data.data, result, data.issues};
  std::ostringstream html, csv;
  report::render_html(html, in);
  report::render_csv(csv, in);
  CHECK(html.str().find("Kế hoạch &lt;thử&gt; &amp; &quot;nghiệm&quot;") != std::string::npos);
  CHECK(html.str().find("<article class=\"item target bad\" id=\"t-d-T1\" data-action=\"yes\">") != std::string::npos);
  // Mustache escapes '/' too; a browser shows "0/100".
  CHECK(html.str().find("<p class=\"score-line\">Điểm: 0&#x2F;100 (2&#x2F;2 mục được chấm)</p>") != std::string::npos);
  CHECK(html.str().find("<td>40% (yêu cầu trên 50%); còn thiếu 10 điểm phần trăm</td>") != std::string::npos);
  // `;` between fields, decimal commas, quotes doubled in a quoted field; a comma needs no quotes.
  CHECK(csv.str().find("p;\"Tỉnh \"\"A\"\"\";Tỉnh;01/KH;T1;Chỉ tiêu;Tỉ lệ, có dấu phẩy;2030;Không đạt;40;50;10;%;") !=
        std::string::npos);
}

TEST_CASE("report: diagnostics as JSON carry positions and codes") {
  auto r = testing_support::check_text("unit x \"y\"\nfield x.a : bool \"a\"\nfield x.a : count \"a\"");
  auto j = report::diagnostics_to_json(r.sources, r.diags);
  REQUIRE(j.size() == 2);  // the error, then a note at the first declaration
  CHECK(j[0]["code"] == "sema.conflicting_field");
  CHECK(j[0]["severity"] == "error");
  CHECK(j[0]["line"] == 3);
  CHECK(j[0]["column"] == 9);
  CHECK(j[1]["severity"] == "note");
  CHECK(j[1]["line"] == 2);
}

TEST_CASE("report: an agency's tasks carry the scorecard's verdicts, overdue first") {
  auto r = testing_support::check_text(R"(
document kh1 { number "01/KH" }
agency so "Sở GDĐT"
task K1 "Một" { lead so deadline by 2026-03-31 }
task K2 "Hai" { support so deadline during 2026 }
task K3 "Ba" { lead so deadline ongoing }
)");
  REQUIRE(r.rules);
  auto const& rules = *r.rules;
  auto work = graph::find_agency_work(rules, graph::build(rules), rules.find_agency("so")->index());
  std::vector<eval::task_outcome> verdicts(3);
  verdicts[0].task = 0;
  verdicts[0].result = eval::task_verdict::done;
  verdicts[0].due = *parse_iso_date("2026-03-31");
  verdicts[0].reported = true;
  verdicts[0].reported_status = eval::task_status::done;
  verdicts[0].completed = parse_iso_date("2026-03-01");
  verdicts[1].task = 1;
  verdicts[1].result = eval::task_verdict::overdue;
  verdicts[1].due = *parse_iso_date("2026-12-31");
  verdicts[1].reported = true;
  verdicts[1].reported_status = eval::task_status::in_progress;
  verdicts[1].reported_progress = 40;
  verdicts[1].note = "Đang lấy ý kiến";
  verdicts[2].task = 2;
  verdicts[2].result = eval::task_verdict::ongoing;

  std::ostringstream out;
  report::render_agency_work(out, work, rules, &verdicts, *parse_iso_date("2027-02-01"));
  auto text = out.str();
  CHECK(text.find("tình trạng tại ngày 01/02/2027") != std::string::npos);
  CHECK(text.find("Nhiệm vụ (3: chủ trì 2, phối hợp 1):") != std::string::npos);
  auto k1 = text.find("kh1.K1"), k2 = text.find("kh1.K2"), k3 = text.find("kh1.K3");
  CHECK(k2 < k3);  // overdue, then ongoing, then done
  CHECK(k3 < k1);
  CHECK(text.find("  Quá hạn          phối hợp  kh1.K2") != std::string::npos);
  CHECK(text.find("hạn 31/12/2026") != std::string::npos);
  CHECK(text.find("báo cáo: đang thực hiện, 40%; ghi chú: Đang lấy ý kiến") != std::string::npos);
  CHECK(text.find("báo cáo: hoàn thành ngày 01/03/2026") != std::string::npos);
  CHECK(text.find("chưa báo cáo") != std::string::npos);  // K3
}

TEST_CASE("diagnostics: the echoed line shows control characters as pictures and a long line around the caret") {
  std::vector<source_file> sources{source_file("a.ct", "unit \x1b[31m x\n")};
  std::ostringstream out;
  report::render_diagnostic(out, sources, diagnostic{severity::error, "syntax.expected", {11, 12}, "m", 0});
  CHECK(out.str() == "a.ct:1:12: error: m [syntax.expected]\n"
                     " 1 | unit \xE2\x90\x9B[31m x\n"
                     "   |            ^\n");
  std::string wide = std::string(300, 'a') + " bad " + std::string(300, 'b');
  sources = {source_file("b.ct", wide + "\n")};
  std::ostringstream long_line;
  report::render_diagnostic(long_line, sources, diagnostic{severity::error, "syntax.expected", {301, 304}, "m", 0});
  auto text = long_line.str();
  // 60 cells before the caret, 160 in all, an ellipsis at each cut end; the caret under "bad".
  CHECK(text.find(" 1 | …" + std::string(59, 'a') + " bad " + std::string(96, 'b') + "…\n") != std::string::npos);
  CHECK(text.find("\n   |  " + std::string(60, ' ') + "^~~\n") != std::string::npos);
}

namespace {
/// A province whose one target is the share of its schools that meet the standard.
eval::plan schools_meeting_standard() {
  std::vector<source_file> sources;
  sources.emplace_back("r.ct", R"(unit province "Tỉnh" counted "tỉnh"
unit school "Trường" counted "trường"
document d { number "01/KH" }
field school.dat_chuan : bool "Đạt chuẩn"
target T1 "Đạt chuẩn" { applies to province measure share(school, dat_chuan) >= 50% by 2030 })");
  auto rules = check_sources(std::move(sources));
  REQUIRE(rules.rules);
  return eval::compile(*rules.rules);
}
}  // namespace

TEST_CASE("report: text and HTML list the first 200 data issues and say how many more; JSON lists all") {
  auto plan = schools_meeting_standard();
  std::string schools;
  for (int i = 0; i < 250; ++i)  // a number where true/false is asked: one issue each
    schools += std::string(i ? "," : "") + R"({"kind":"school","id":"s)" + std::to_string(i) +
               R"(","name":"T","values":{"2030":{"dat_chuan":5}}})";
  auto data = eval::load_submission_text(R"({"kind":"province","id":"p","name":"P","children":[)" + schools + "]}",
                                         plan.rules());
  REQUIRE(data.data);
  REQUIRE(data.issues.size() == 250);
  eval::evaluate_options o;
  o.as_of = *parse_iso_date("2031-01-01");
  auto result = eval::evaluate(plan, *data.data, o);
  report::scorecard_input in{plan, *data.data, result, data.issues};
  std::ostringstream text, html, json;
  report::render_text(text, in);
  report::render_html(html, in);
  report::render_json(json, in);
  CHECK(text.str().find("== Vấn đề trong dữ liệu (250)") != std::string::npos);
  CHECK(text.str().find("/children/199/") != std::string::npos);
  CHECK(text.str().find("/children/200/") == std::string::npos);
  CHECK(text.str().find("  … và 50 vấn đề khác (tất cả có trong --format json)\n") != std::string::npos);
  CHECK(html.str().find("&#x2F;children&#x2F;199&#x2F;") != std::string::npos);  // Mustache escapes '/'
  CHECK(html.str().find("&#x2F;children&#x2F;200&#x2F;") == std::string::npos);
  CHECK(html.str().find("<p class=\"more\">… và 50 vấn đề khác (tất cả có trong --format json)</p>") != std::string::npos);
  CHECK(html.str().find("(250)</h2>") != std::string::npos);
  CHECK(nlohmann::json::parse(json.str())["issues"].size() == 250);
}

TEST_CASE("report: units in = read and scored + rejected + dropped below a rejected one") {
  auto plan = schools_meeting_standard();
  // 1,000 children: every 100th of an unknown kind with 18 units below it (two levels), every 250th
  // not an object, every 333rd without an id; the rest schools.
  std::string children;
  int expected_rejected = 0, expected_dropped = 0, expected_read = 1;
  for (int i = 0; i < 1000; ++i) {
    std::string child;
    if (i % 100 == 0) {
      std::string below;
      for (int k = 0; k < 6; ++k)
        below += std::string(k ? "," : "") + R"({"kind":"school","id":"g)" + std::to_string(i) + "-" + std::to_string(k) +
                 R"(","children":[{"kind":"school","id":"h1"},{"kind":"school","id":"h2"}]})";
      child = R"({"kind":"xa","id":"x)" + std::to_string(i) + R"(","children":[)" + below + "]}";
      ++expected_rejected;
      expected_dropped += 18;
    } else if (i % 250 == 0 || i % 250 == 125) {
      child = "[1, 2]";
      ++expected_rejected;
    } else if (i % 333 == 0) {
      child = R"({"kind":"school"})";
      ++expected_rejected;
    } else {
      child = R"({"kind":"school","id":"s)" + std::to_string(i) + R"(","values":{"2030":{"dat_chuan":true}}})";
      ++expected_read;
    }
    children += (i ? "," : "") + child;
  }
  auto data = eval::load_submission_text(R"({"kind":"province","id":"p","name":"P","children":[)" + children + "]}",
                                         plan.rules());
  REQUIRE(data.data);
  CHECK(data.data->units().size() == static_cast<std::size_t>(expected_read));
  CHECK(data.data->rejected_units() == static_cast<std::size_t>(expected_rejected));
  CHECK(data.data->dropped_units() == static_cast<std::size_t>(expected_dropped));
  CHECK(expected_read + expected_rejected + expected_dropped == 1 + 1000 + 180);
  eval::evaluate_options o;
  o.as_of = *parse_iso_date("2031-01-01");
  auto result = eval::evaluate(plan, *data.data, o);
  report::scorecard_input in{plan, *data.data, result, data.issues};
  auto json = report::to_json(in);
  CHECK(json["submission_units"]["total"] == 1181);
  CHECK(json["submission_units"]["read"] == expected_read);
  CHECK(json["submission_units"]["rejected"] == expected_rejected);
  CHECK(json["submission_units"]["dropped"] == 180);
  std::ostringstream text;
  report::render_text(text, in);
  CHECK(text.str().find("Đơn vị trong bài nộp: 1.181 = " + std::to_string(expected_read) +
                        " được đọc và chấm + " + std::to_string(expected_rejected) +
                        " bị loại vì lỗi dữ liệu + 180 trực thuộc đơn vị bị loại, không được chấm\n") != std::string::npos);
}
