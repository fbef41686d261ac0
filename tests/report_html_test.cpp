// report layer, HTML scorecard: the view model the templates see (summary order, who must act, the
// unit table), the rendered page's shape, and the provenance line.
#include <chitieu/report/html_view.hpp>

#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

#include "support/rules.hpp"

using namespace chitieu;
using nlohmann::json;

namespace {

// Scored as of 15/01/2027. By hand:
//  T1 share of recognised schools: 2 of 4 = 50% < 90% due 2026: not met; K1 (lead so) serves it.
//  T2 ty_le 50% (2025) → 51% (2026); the line to 90% in 2030 asks 58% in 2026, pace 1/8: limited
//     progress; no task serves it.
//  T3 ty_le_b never submitted: no data.   T4 ty_le_c 95% ≥ 90% by 2026: met.
//  O1 chi 15% < 20% in 2026: not met; no task serves it.   K2 due 31/03/2026, not reported: overdue.
//  Xã Hai: T1 0 of 2 schools → 0/100; Xã Một: 2 of 2 → 100/100; schools are not scored.
constexpr char const* rules_text = R"(
document kh { number "01/KH" title "Kế hoạch thử" monitor ubnd }
agency so "Sở Giáo dục và Đào tạo" level province
agency ubnd "Ủy ban nhân dân tỉnh" level province
field school.dat_chuan : bool "Trường đạt chuẩn"
field province.ty_le : percent "Tỉ lệ A"
field province.ty_le_b : percent "Tỉ lệ B"
field province.ty_le_c : percent "Tỉ lệ C"
field province.chi : percent "Tỉ lệ chi"
target T1 "Trường đạt chuẩn" { applies to province, commune measure share(school, dat_chuan) >= 90% by 2026 }
target T2 "Tỉ lệ A" { applies to province measure ty_le >= 90% by 2030 }
target T3 "Tỉ lệ B" { applies to province measure ty_le_b >= 50% by 2026 }
target T4 "Tỉ lệ C" { applies to province measure ty_le_c >= 90% by 2026 }
obligation O1 "Chi đủ" { applies to province every year from 2026 require chi >= 20% }
task K1 "Công nhận trường" { lead so deadline ongoing serves T1 }
task K2 "Rà soát" { lead so support ubnd deadline by 2026-03-31 }
)";

constexpr char const* data_text = R"({
  "kind": "province", "id": "p", "name": "Tỉnh Thử",
  "values": { "2025": { "ty_le": 50 }, "2026": { "ty_le": 51, "ty_le_c": 95, "chi": 15 } },
  "children": [
    { "kind": "commune", "id": "x1", "name": "Xã Một", "children": [
      { "kind": "school", "id": "s1", "name": "Trường A", "values": { "2026": { "dat_chuan": true } } },
      { "kind": "school", "id": "s2", "name": "Trường B", "values": { "2026": { "dat_chuan": true } } } ] },
    { "kind": "commune", "id": "x2", "name": "Xã Hai", "children": [
      { "kind": "school", "id": "s3", "name": "Trường C", "values": { "2026": { "dat_chuan": false } } },
      { "kind": "school", "id": "s4", "name": "Trường D", "values": { "2026": { "dat_chuan": false } } } ] }
  ]
})";

struct scored {
  ruleset_result checked;
  eval::plan plan;
  eval::load_result data;
  eval::evaluation result;
};

scored score_case() {
  auto checked = testing_support::check_text(rules_text);
  REQUIRE(checked.rules);
  auto plan = eval::compile(*checked.rules);
  auto data = eval::load_submission_text(data_text, plan.rules());
  REQUIRE(data.data);
  eval::evaluate_options o;
  o.as_of = *parse_iso_date("2027-01-15");
  auto result = eval::evaluate(plan, *data.data, o);
  return {std::move(checked), std::move(plan), std::move(data), std::move(result)};
}

}  // namespace

TEST_CASE("report: the HTML summary lists what needs action, not met first, then overdue, behind, no data") {
  auto s = score_case();
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  auto view = report::html_view(in);
  auto const& summary = view["summary"];
  // Four targets, O1 and K2 are scored; K1, ongoing, has no deadline to judge: 6 of 7 items.
  CHECK(summary["coverage"] == "6/7 mục được chấm");
  auto const& actions = summary["actions"];
  REQUIRE(actions.size() == 5);
  std::vector<std::string> order;
  for (auto const& a : actions) order.push_back(a["id"].get<std::string>());
  CHECK(order == std::vector<std::string>{"T1", "O1", "K2", "T2", "T3"});
  CHECK(actions[0]["severity"] == "Không đạt");
  CHECK(actions[2]["severity"] == "Quá hạn");
  CHECK(actions[3]["verdict"] == "Tiến triển chậm");
  CHECK(actions[4]["verdict"] == "Thiếu dữ liệu");
  // The gap in words, the deadline, and the anchor of the detail.
  CHECK(actions[0]["gap"].get<std::string>().find("50%") != std::string::npos);
  CHECK(actions[0]["deadline"] == "Mốc năm 2026");
  CHECK(actions[0]["anchor"] == "t-kh-T1");
  CHECK(actions[1]["deadline"] == "Năm 2026");
  CHECK(actions[2]["gap"].get<std::string>().find("Quá hạn từ 31/03/2026") == 0);
}

TEST_CASE("report: every HTML action item names who must act, or says the plan assigns no one") {
  auto s = score_case();
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  auto view = report::html_view(in);
  for (auto const& a : view["summary"]["actions"]) {
    INFO(a["id"].get<std::string>());
    CHECK((!a["responsible"].get<std::string>().empty() || !a["no_agency"].get<std::string>().empty()));
  }
  auto const& actions = view["summary"]["actions"];
  CHECK(actions[0]["responsible"] == "Sở Giáo dục và Đào tạo");  // K1 serves T1
  CHECK(actions[0]["watchers"] == "Ủy ban nhân dân tỉnh");       // the document's monitor
  CHECK(actions[1]["no_agency"] == "kế hoạch chưa giao nhiệm vụ");  // nothing serves O1
  CHECK(actions[2]["responsible"] == "Sở Giáo dục và Đào tạo");  // K2's lead …
  CHECK(actions[2]["support"] == "Ủy ban nhân dân tỉnh");        // … and who coordinates
  CHECK(actions[3]["no_agency"] == "kế hoạch chưa giao nhiệm vụ");  // nothing serves T2
  // In the details too: every target needing action names an agency or says why none.
  for (auto const& t : view["documents"][0]["targets"])
    if (t["needs_action"].get<bool>())
      CHECK((!t["responsible"].get<std::string>().empty() || !t["no_agency"].get<std::string>().empty()));
}

TEST_CASE("report: the HTML unit table is worst first, with counts and an anchor per unit") {
  auto s = score_case();
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  auto units = report::html_view(in)["units"];
  REQUIRE(units.size() == 6);  // two communes, four schools
  CHECK(units[0]["name"].get<std::string>().find("Xã Hai") == 0);
  CHECK(units[0]["score"] == "0/100");
  CHECK(units[0]["not_met"] == 1);
  CHECK(units[1]["name"].get<std::string>().find("Xã Một") == 0);
  CHECK(units[1]["score"] == "100/100");
  CHECK(units[1]["good"] == 1);
  CHECK(units[2]["score"] == "chưa chấm được");  // schools: nothing applies to them
  CHECK(units[0]["anchor"] != units[1]["anchor"]);
  REQUIRE(units[0]["problems"].size() == 1);
  CHECK(units[0]["problems"][0]["id"] == "T1");
}

TEST_CASE("report: the HTML target chart draws the values, the milestone and the line from the baseline") {
  auto s = score_case();
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  auto view = report::html_view(in);
  auto const& t2 = view["documents"][0]["targets"][1];
  REQUIRE(t2["id"] == "T2");
  REQUIRE(t2["has_chart"].get<bool>());
  auto const& chart = t2["chart"];
  CHECK(chart["dots"].size() == 2);        // 2025 and 2026
  CHECK(chart["milestones"].size() == 1);  // 2030
  // Years 2025–2030 over x 56–348; values 0–90% over y 12–126 (the axis starts at 50%, the lowest value, as zero would squash the line).
  CHECK(chart["dots"][0]["x"] == "56.0");
  CHECK(chart["milestones"][0]["x"] == "348.0");
  CHECK(chart["trajectory"] == "56.0,126.0 348.0,12.0");
  CHECK(chart["description"].get<std::string>().find("mốc 2030 90%") != std::string::npos);
}

TEST_CASE("report: the HTML page is one self-contained file with the summary before the details") {
  auto s = score_case();
  report::provenance p{"0.1.0", *parse_iso_date("2027-01-15"), "ab12", "cd34", {"t.ct"}};
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  std::ostringstream without, with;
  report::render_html(without, in);
  in.source = &p;
  report::render_html(with, in);
  auto page = with.str();
  CHECK(page.find("<meta name=\"viewport\"") != std::string::npos);
  CHECK(page.find("id=\"tom-tat\"") < page.find("id=\"chi-tiet\""));
  CHECK(page.find("id=\"chi-tiet\"") < page.find("id=\"don-vi\""));
  CHECK(page.find("@media print") != std::string::npos);
  CHECK(page.find("src=") == std::string::npos);  // no external script, image or font
  CHECK(page.find("http://") == page.find("http://www.w3.org/2000/svg"));
  CHECK(page.find("https://") == std::string::npos);
  // Mustache escapes '/' as "&#x2F;"; a browser shows "15/01/2027".
  CHECK(page.find("Tính từ: chitieu 0.1.0; ngày đánh giá 15&#x2F;01&#x2F;2027; quy tắc sha256 ab12 (t.ct); bài nộp sha256 cd34") !=
        std::string::npos);
  CHECK(without.str().find("Tính từ:") == std::string::npos);
  CHECK(page.find("{{") == std::string::npos);  // every tag resolved
}

TEST_CASE("report: printed, the HTML page is an annex with the national header and a signature block") {
  auto s = score_case();
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  std::ostringstream full, summary;
  report::render_html(full, in);
  in.summary_only = true;
  report::render_html(summary, in);
  for (auto const* page : {&full, &summary}) {
    auto const text = page->str();
    CHECK(text.find("<p class=\"quoc-hieu\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>") != std::string::npos);
    CHECK(text.find("<p class=\"tieu-ngu\">Độc lập - Tự do - Hạnh phúc</p>") != std::string::npos);
    CHECK(text.find("THỦ TRƯỞNG ĐƠN VỊ") != std::string::npos);
    CHECK(text.find(".print-only { display: none; }") != std::string::npos);  // a frame for paper only
  }
  // The leadership's page: the summary and what needs action, no details, units or data issues.
  CHECK(summary.str().find("id=\"tom-tat\"") != std::string::npos);
  // One table row per item needing action, numbered, worst first (T1 is the first one not met).
  CHECK(summary.str().find("<table class=\"actions-table\">") != std::string::npos);
  CHECK(summary.str().find("<td>1</td><td>Không đạt</td><td title=\"Trường đạt chuẩn\"><b>T1</b> Trường đạt chuẩn</td>") != std::string::npos);
  CHECK(summary.str().find("<ol class=\"actions\">") == std::string::npos);
  CHECK(full.str().find("<ol class=\"actions\">") != std::string::npos);
  CHECK(summary.str().find("id=\"chi-tiet\"") == std::string::npos);
  CHECK(summary.str().find("id=\"don-vi\"") == std::string::npos);
  CHECK(full.str().find("id=\"chi-tiet\"") != std::string::npos);
}

TEST_CASE("report: the leadership's page groups what needs action by the body that must act") {
  auto s = score_case();
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  in.summary_only = true;
  auto view = report::html_view(in);
  // By hand (see the case above): T1 not met and K2 overdue fall to the Sở (K1, K2 lead so); O1 not met
  // and T2 behind have no task; T3 has no data. Groups in the order of their worst item, items numbered
  // in the order of the whole list (T1, O1, K2, T2, T3).
  auto const& groups = view["summary"]["action_groups"];
  REQUIRE(groups.size() == 3);
  CHECK(groups[0]["agency"] == "Sở Giáo dục và Đào tạo");
  CHECK(groups[0]["assigned"] == true);
  REQUIRE(groups[0]["items"].size() == 2);
  CHECK(groups[0]["items"][0]["id"] == "T1");
  CHECK(groups[0]["items"][0]["number"] == 1);
  CHECK(groups[0]["items"][1]["id"] == "K2");
  CHECK(groups[0]["items"][1]["number"] == 3);
  CHECK(groups[1]["agency"] == "kế hoạch chưa giao nhiệm vụ");
  CHECK(groups[1]["assigned"] == false);
  REQUIRE(groups[1]["items"].size() == 2);
  CHECK(groups[1]["items"][0]["id"] == "O1");
  CHECK(groups[1]["items"][1]["id"] == "T2");
  CHECK(groups[2]["agency"] == "chưa xác định: thiếu số liệu để chấm");
  CHECK(groups[2]["items"][0]["id"] == "T3");
  // One compact line: the goal, the value and the gap, without the units it takes or those failing.
  CHECK(groups[0]["items"][0]["brief"] == "mốc 2026: ≥ 90%; hiện 50% (2026); còn thiếu 40 điểm phần trăm");
  CHECK(groups[0]["items"][0]["gap"] == "mốc 2026: ≥ 90%; hiện 50% (2026); còn thiếu 40 điểm phần trăm — cần thêm 2 "
                                        "trường (hiện 2 trường / 4 trường); chưa đạt: Trường C, Trường D");
  std::ostringstream page;
  report::render_html(page, in);
  CHECK(page.str().find("<th colspan=\"5\" scope=\"rowgroup\">Sở Giáo dục và Đào tạo (2)</th>") != std::string::npos);
  CHECK(page.str().find("scope=\"rowgroup\">Chịu trách nhiệm: kế hoạch chưa giao nhiệm vụ (2)</th>") != std::string::npos);
}

TEST_CASE("report: the HTML page of one unit lists the data issues of that unit and those below it only") {
  auto s = score_case();
  std::uint32_t x1 = 0;
  for (std::uint32_t u = 0; u < s.data.data->units().size(); ++u)
    if (s.data.data->unit(u).id == "x1") x1 = u;
  REQUIRE(x1 > 0);
  auto const& pointer = s.data.data->unit(x1).pointer;
  std::vector<eval::data_issue> issues{
      {severity::warning, "data.a", "school s2", pointer + "/children/1/values/2026/dat_chuan", "của trường B", ""},
      {severity::warning, "data.b", "commune x2", "/children/1/values/2026", "của xã Hai", ""},
      {severity::error, "data.c", "commune x1", pointer, "của xã Một", ""},
      // a pointer that only starts like x1's ("/children/0" and "/children/01") is not below it
      {severity::warning, "data.d", "", pointer + "1", "không thuộc", ""}};
  report::scorecard_input in{s.plan, *s.data.data, s.result, issues};
  CHECK(report::html_view(in)["issues"].size() == 4);  // the root's page: every issue
  in.unit = x1;
  auto view = report::html_view(in);
  REQUIRE(view["issues"].size() == 2);
  CHECK(view["issues"][0]["code"] == "data.a");
  CHECK(view["issues"][1]["code"] == "data.c");
  CHECK(view["issue_count"] == 2);
}

TEST_CASE("report: the HTML page in English takes every fixed word from the view model") {
  auto s = score_case();
  report::scorecard_input in{s.plan, *s.data.data, s.result, s.data.issues};
  in.lang = language::en;
  auto view = report::html_view(in);
  CHECK(view["lang"] == "en");
  CHECK(view["labels"]["responsible"] == "Responsible");
  CHECK(view["summary"]["coverage"] == "6 of 7 items scored");
  std::ostringstream page;
  report::render_html(page, in);
  auto const text = page.str();
  CHECK(text.find("<html lang=\"en\">") != std::string::npos);
  CHECK(text.find("<h2>Summary</h2>") != std::string::npos);
  CHECK(text.find("<p class=\"quoc-hieu\">SOCIALIST REPUBLIC OF VIET NAM</p>") != std::string::npos);
  CHECK(text.find("Responsible: <b>Sở Giáo dục và Đào tạo</b>") != std::string::npos);  // the plan's name as written
  CHECK(text.find("<b>1</b> task: Overdue") != std::string::npos);  // K2; one task, singular
  // The templates hold no words of either language: a Vietnamese letter there would be a word missed.
  for (auto const& e : std::filesystem::directory_iterator(std::filesystem::path(CHITIEU_GOLDEN_DIR) / ".." / ".." / "templates" / "html")) {
    auto const body = testing_support::slurp(e.path().string());
    CAPTURE(e.path().filename().string());
    CHECK(body.find("Chịu") == std::string::npos);
    for (std::size_t i = 0; i + 1 < body.size(); ++i) {
      auto c = static_cast<unsigned char>(body[i]), d = static_cast<unsigned char>(body[i + 1]);
      // UTF-8 lead bytes of Latin letters with diacritics (U+00C0–U+024F) and Vietnamese (U+1E00–U+1EFF).
      bool latin = (c == 0xC3 && d >= 0x80) || (c >= 0xC4 && c <= 0xC9) || (c == 0xE1 && d >= 0xB8 && d <= 0xBB);
      CHECK_MESSAGE(!latin, body.substr(i < 40 ? 0 : i - 40, 80));
      if (latin) break;
    }
  }
}
