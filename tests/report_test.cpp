// report layer: Vietnamese formatting and the clang-style diagnostic rendering.
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>

#include <sstream>

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
  CHECK(report::format_value(0.945, percent, rules) == "94,5%");
  CHECK(report::format_gap(0.013, percent, rules) == "1,3 điểm phần trăm");
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
  CHECK(html.str().find("class=\"bad\"><td>Không đạt") != std::string::npos);
  CHECK(html.str().find("<p>Điểm: 0/100 (2/2 mục được chấm)</p>") != std::string::npos);
  CHECK(html.str().find("<div>2030: [Không đạt] 40% (yêu cầu trên 50%); còn thiếu 10 điểm phần trăm</div>") !=
        std::string::npos);
  CHECK(csv.str().find("p,\"Tỉnh \"\"A\"\"\",d,T1,chi_tieu,2030,Không đạt,40,50,10,") != std::string::npos);
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
