// eval layer: the verdict model an inspector can defend (docs/scoring.md): missing values give bounds,
// empty populations are not applicable, lifetimes and "n/a" values, stale values, growth targets, due
// days. Every number is worked by hand in the comment beside it.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "support/evaluated.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {

constexpr char const* model_ct = R"(
unit college "Trường cao đẳng" counted "trường"
document d { number "02/KH" }
field school.cong_lap : bool "Công lập"
field school.co_to_chuc_dang : bool "Có tổ chức đảng"
field school.bi_thu_kiem : bool "Bí thư kiêm hiệu trưởng"
field school.dat_chuan : bool "Đạt chuẩn"
field school.hoc_sinh : count of "học sinh" "Số học sinh"
field college.chat_luong_cao : bool "Chất lượng cao"
field college.xep_hang : rank "Xếp hạng thế giới"
field province.ty_le : percent "Tỉ lệ"
field province.so_sv : count of "sinh viên" "Số sinh viên"
field province.ngay_bao_cao : date "Ngày báo cáo"
obligation O1 "Bí thư kiêm hiệu trưởng ở trường công lập có tổ chức đảng" {
  applies to province, commune, school
  every year from 2026
  require all(school where cong_lap and co_to_chuc_dang, bi_thu_kiem)
}
obligation B "Báo cáo trước 31/12" { applies to province every year from 2026 until 2026 due 31/12 require ngay_bao_cao <= due }
obligation N "Tỉ lệ hằng năm" { applies to province every year from 2026 until 2026 require ty_le >= 50% }
target S60 "Đạt chuẩn 60" { applies to province, commune measure share(school, dat_chuan) >= 60% by 2026 }
target S65 "Đạt chuẩn 65" { applies to province, commune measure share(school, dat_chuan) >= 65% by 2026 }
target S75 "Đạt chuẩn 75" { applies to province, commune measure share(school, dat_chuan) >= 75% by 2026 }
target SP "Công lập đạt chuẩn" { applies to province measure share(school where cong_lap, dat_chuan) >= 50% by 2026 }
target C "Trường cao đẳng chất lượng cao" { applies to province measure count(college where chat_luong_cao) >= 1 by 2026 }
target R "Trường trong top 500" { applies to province measure count(college where xep_hang <= 500) >= 1 by 2030 }
target H "Học sinh" { applies to province measure sum(school, hoc_sinh) >= 1000 by 2035 }
target G "Tăng trưởng sinh viên" { applies to province measure growth(so_sv) >= 5% by 2030 }
target P "Tỉ lệ" { applies to province measure ty_le >= 90% by 2035 }
)";

evaluated run(std::string const& json, std::string const& as_of, int freshness = 1) {
  eval::evaluate_options o;
  o.freshness = freshness;
  return score_text(model_ct, json, as_of, o);
}

std::size_t unit_index(evaluated const& s, std::string const& id) {
  for (std::size_t u = 0; u < s.data.data->units().size(); ++u)
    if (s.data.data->unit(u).id == id) return u;
  FAIL("no unit " << id);
  return 0;
}

eval::target_outcome const& target(evaluated const& s, std::string const& id, std::string const& unit = "") {
  auto const& card = s.result.units.at(unit.empty() ? 0 : unit_index(s, unit));
  for (auto const& t : card.targets)
    if (s.plan->rules().targets[static_cast<std::size_t>(t.target)].id == id) return t;
  FAIL("no target " << id);
  return card.targets.front();
}

eval::obligation_outcome const& obligation(evaluated const& s, std::string const& id, std::string const& unit = "") {
  auto const& card = s.result.units.at(unit.empty() ? 0 : unit_index(s, unit));
  for (auto const& o : card.obligations)
    if (s.plan->rules().obligations[static_cast<std::size_t>(o.obligation)].id == id) return o;
  FAIL("no obligation " << id);
  return card.obligations.front();
}

std::string school(std::string const& id, std::string const& values2026) {
  return R"({"kind":"school","id":")" + id + R"(","values":{"2026":)" + values2026 + "}}";
}

}  // namespace

TEST_CASE("eval: one known breach settles an 'all' obligation whatever a blank elsewhere holds") {
  // Seven public schools with a party organisation: s1 breaks the duty, s2 left it blank, the rest keep it.
  std::string schools;
  for (int i = 1; i <= 7; ++i) {
    std::string kiem = i == 1 ? "false" : i == 2 ? "null" : "true";
    schools += (i > 1 ? "," : "") +
               school("s" + std::to_string(i), R"({"cong_lap":true,"co_to_chuc_dang":true,"bi_thu_kiem":)" + kiem + "}");
  }
  auto s = run(R"({"kind":"province","id":"p","children":[{"kind":"commune","id":"c","children":[)" + schools + "]}]}",
               "2026-12-31");
  for (std::string unit : {"p", "c"}) {
    CAPTURE(unit);
    auto const& o = obligation(s, "O1", unit);
    CHECK(o.overall == eval::verdict::not_met);  // was no_data: the blank hid the breach
    REQUIRE(o.years.size() == 1);
    REQUIRE(o.years[0].failing_units.size() == 1);
    CHECK(s.data.data->unit(o.years[0].failing_units[0]).id == "s1");
    REQUIRE(o.years[0].missing.size() == 1);
    CHECK(o.years[0].missing[0] == "/children/0/children/1/values/2026/bi_thu_kiem");
  }
  CHECK(obligation(s, "O1", "s2").overall == eval::verdict::no_data);  // its own duty stays open
}

TEST_CASE("eval: a share with a blank member gives bounds, and a verdict when both ends agree") {
  // Ten schools: six meet the standard, three do not, one left it blank: between 6/10 and 7/10.
  std::string schools;
  for (int i = 1; i <= 10; ++i) {
    std::string dat = i <= 6 ? "true" : i <= 9 ? "false" : "null";
    schools += (i > 1 ? "," : "") + school("s" + std::to_string(i), R"({"dat_chuan":)" + dat + "}");
  }
  auto s = run(R"({"kind":"province","id":"p","children":[)" + schools + "]}", "2026-12-31");
  auto const& at60 = target(s, "S60").milestones[0];
  CHECK(at60.result == eval::verdict::met);  // 60% at worst: met whatever s10 reports
  CHECK(at60.lower == doctest::Approx(60));
  CHECK(at60.upper == doctest::Approx(70));
  CHECK(at60.progress == 1);
  REQUIRE(at60.missing.size() == 1);
  CHECK(at60.missing[0] == "/children/9/values/2026/dat_chuan");
  auto const& at65 = target(s, "S65").milestones[0];
  CHECK(at65.result == eval::verdict::no_data);  // 60% fails, 70% meets: the blank decides
  CHECK(at65.lower == doctest::Approx(60));
  CHECK(at65.upper == doctest::Approx(70));
  auto const& at75 = target(s, "S75").milestones[0];
  CHECK(at75.result == eval::verdict::not_met);  // 70% at best
  CHECK(at75.gap == doctest::Approx(15));      // at the worst end: 75% − 60%, at most this much to go
  CHECK(at75.progress == 0);                     // no baseline: no credit
  CHECK(at75.failing_total == 3);
}

TEST_CASE("eval: a blank filter leaves a member maybe in the population, and is named") {
  // a public and standard, b public and not, c standard with cong_lap blank: 1/2 without c, 2/3 with it.
  auto s = run(R"({"kind":"province","id":"p","children":[)" + school("a", R"({"cong_lap":true,"dat_chuan":true})") +
                   "," + school("b", R"({"cong_lap":true,"dat_chuan":false})") + "," +
                   school("c", R"({"dat_chuan":true})") + "]}",
               "2026-12-31");
  auto const& m = target(s, "SP").milestones[0];
  CHECK(m.result == eval::verdict::met);
  CHECK(m.lower == doctest::Approx(50));
  CHECK(m.upper == doctest::Approx(200.0 / 3));
  REQUIRE(m.missing.size() == 1);
  CHECK(m.missing[0] == "/children/2/values/2026/cong_lap");
}

TEST_CASE("eval: an empty population is not applicable, and is not scored") {
  SUBCASE("a private school and a duty of public schools") {
    auto s = run(R"({"kind":"school","id":"tu-thuc","values":{"2026":{"cong_lap":false,"co_to_chuc_dang":true}}})",
                 "2026-12-31");
    auto const& o = obligation(s, "O1");
    CHECK(o.overall == eval::verdict::not_applicable);
    CHECK(o.reason == "không có đơn vị nào thuộc diện của chỉ tiêu");
    CHECK(s.result.units[0].overall.items == 0);
    CHECK(std::isnan(s.result.units[0].overall.value));  // was 100: nothing here to score
  }
  SUBCASE("a private school is still not concerned while this year's figures are not in") {
    auto s = run(R"({"kind":"school","id":"tu-thuc","values":{"2026":{"cong_lap":false,"co_to_chuc_dang":true}}})",
                 "2027-06-01");
    auto const& o = obligation(s, "O1");
    REQUIRE(o.years.size() == 2);
    CHECK(o.years[1].result == eval::verdict::pending);  // 2027: nothing yet, and the year is not over
    CHECK(o.overall == eval::verdict::not_applicable);
    // Judged in 2029 with nothing reported for 2027 and 2028 by anyone: those years are blanks, but they
    // say nothing about whether a private school is concerned either.
    auto later = run(R"({"kind":"school","id":"tu-thuc","values":{"2026":{"cong_lap":false,"co_to_chuc_dang":true}}})",
                     "2029-06-01");
    auto const& l = obligation(later, "O1");
    REQUIRE(l.years.size() == 4);
    CHECK(l.years[1].result == eval::verdict::no_data);
    CHECK(l.years[1].reason == "bài nộp không có số liệu năm 2027");
    CHECK(l.overall == eval::verdict::not_applicable);
    CHECK(std::isnan(later.result.units[0].overall.value));
  }
  SUBCASE("no college listed: none was sent") {
    auto s = run(R"({"kind":"province","id":"p"})", "2026-12-31");
    auto const& t = target(s, "C");
    CHECK(t.headline == eval::verdict::not_applicable);
    CHECK(t.reason == "không có đơn vị nào được khai báo");
  }
  SUBCASE("colleges declared complete and none exists: 0 is the answer") {
    auto s = run(R"({"kind":"province","id":"p","complete":["college"]})", "2026-12-31");
    auto const& t = target(s, "C");
    CHECK(t.headline == eval::verdict::not_met);
    CHECK(t.milestones[0].value == 0);
  }
  SUBCASE("colleges listed, none of high quality: 0 is the answer") {
    auto s = run(R"({"kind":"province","id":"p","children":[
      {"kind":"college","id":"k","values":{"2026":{"chat_luong_cao":false}}}]})",
                 "2026-12-31");
    CHECK(target(s, "C").headline == eval::verdict::not_met);
  }
}

TEST_CASE("eval: a unit founded later does not blank the earlier totals above it") {
  std::string data = R"({"kind":"province","id":"p","children":[
    {"kind":"school","id":"a","values":{"2024":{"hoc_sinh":300},"2025":{"hoc_sinh":320}}},
    {"kind":"school","id":"b",FIRST"values":{"2025":{"hoc_sinh":200}}}]})";
  auto with = data;
  with.replace(with.find("FIRST"), 5, R"("first_year":2025,)");
  auto without = data;
  without.replace(without.find("FIRST"), 5, "");
  auto founded = run(with, "2025-12-31");
  auto const& m = target(founded, "H").milestones[0];
  CHECK(m.value == 520);          // 320 + 200 in 2025
  CHECK(m.baseline == 300);       // 2024: only a existed
  CHECK(m.baseline_year == 2024);
  auto unknown = run(without, "2025-12-31");
  auto const& n = target(unknown, "H").milestones[0];
  CHECK(std::isnan(n.baseline));  // b's 2024 is a blank: the 2024 total is only "at least 300"
  CHECK(n.result == eval::verdict::pending);
}

TEST_CASE("eval: a value declared not applicable leaves the unit out, unlike a blank") {
  auto colleges = [](std::string const& y) {
    return R"({"kind":"province","id":"p","children":[
      {"kind":"college","id":"x","values":{"2026":{"xep_hang":300}}},
      {"kind":"college","id":"y","values":{"2026":{"xep_hang":)" + y + R"(}}},
      {"kind":"college","id":"z","values":{"2026":{"xep_hang":800}}}]})";
  };
  auto unranked = run(colleges(R"("n/a")"), "2026-12-31");
  auto const& m = target(unranked, "R").milestones[0];
  CHECK(m.value == 1);  // x only: y has no rank to be in the top 500
  CHECK(m.missing.empty());
  auto blank = run(colleges("null"), "2026-12-31");
  auto const& b = target(blank, "R").milestones[0];
  CHECK(std::isnan(b.value));
  CHECK(b.lower == 1);
  CHECK(b.upper == 2);
  CHECK(b.result == eval::verdict::achieved);  // at least one whatever y's rank
  REQUIRE(b.missing.size() == 1);
  CHECK(b.missing[0] == "/children/1/values/2026/xep_hang");
}

TEST_CASE("eval: an old value is stale, and a later blank year is named when an earlier one is used") {
  std::string data = R"({"kind":"province","id":"p","values":{"2025":{"ty_le":80},"2026":{"ty_le":85}}})";
  SUBCASE("fresh: the 2026 value judged in 2027") {
    auto s = run(data, "2027-06-01");
    auto const& m = target(s, "P").milestones[0];
    // line from 80% (2025) to 90% (2035) asks 81% in 2026; 85% moved 5 points where 1 was asked.
    CHECK(m.result == eval::verdict::on_track);
    CHECK(m.pace == doctest::Approx(5.0));
  }
  SUBCASE("stale: the 2026 value judged in 2029") {
    auto s = run(data, "2029-06-01");
    auto const& m = target(s, "P").milestones[0];
    CHECK(m.result == eval::verdict::stale);
    CHECK(m.value_year == 2026);
    CHECK(m.reason == "số liệu mới nhất là của năm 2026, cũ 3 năm (cần số liệu từ năm 2028)");
    // P stale, B without its report date, G without any student count: three items count as missing.
    CHECK(s.result.units[0].overall.no_data == 3);
  }
  SUBCASE("a wider freshness accepts it") {
    auto s = run(data, "2029-06-01", 3);
    CHECK(target(s, "P").milestones[0].result == eval::verdict::on_track);
  }
  SUBCASE("a blank 2027 falls back to 2026, naming the blank") {
    auto s = run(R"({"kind":"province","id":"p","values":{"2025":{"ty_le":80},"2026":{"ty_le":85},"2027":{"ty_le":null}}})",
                 "2027-12-31");
    auto const& m = target(s, "P").milestones[0];
    CHECK(m.value_year == 2026);
    CHECK(m.fallback_from == 2027);
    REQUIRE(m.missing.size() == 1);
    CHECK(m.missing[0] == "/values/2027/ty_le");
  }
  SUBCASE("a blank 2027 with only 2026 before it is no_data, not pending") {
    auto s = run(R"({"kind":"province","id":"p","values":{"2026":{"ty_le":85},"2027":{"ty_le":null}}})", "2027-12-31");
    auto const& m = target(s, "P").milestones[0];
    CHECK(m.result == eval::verdict::no_data);
    CHECK(m.value_year == 2027);
  }
}

TEST_CASE("eval: growth targets are pending with one year, and graded by their rate before they are due") {
  auto grown = [](int now) {
    return R"({"kind":"province","id":"p","values":{"2025":{"so_sv":1000},"2026":{"so_sv":)" + std::to_string(now) + "}}}";
  };
  auto one = run(R"({"kind":"province","id":"p","values":{"2026":{"so_sv":1000}}})", "2026-12-31");
  CHECK(target(one, "G").headline == eval::verdict::pending);  // was not_applicable, "no unit in scope"
  CHECK(target(one, "G").milestones[0].reason == "chưa đủ số năm để tính");
  // 2% a year where 5% is asked: 40% of the pace.
  auto slow = run(grown(1020), "2026-12-31");
  CHECK(target(slow, "G").headline == eval::verdict::limited_progress);
  CHECK(target(slow, "G").milestones[0].pace == doctest::Approx(0.4));
  CHECK(target(run(grown(1040), "2026-12-31"), "G").headline == eval::verdict::needs_acceleration);  // 80%
  CHECK(target(run(grown(980), "2026-12-31"), "G").headline == eval::verdict::deterioration);        // −2%
  CHECK(target(run(grown(1050), "2026-12-31"), "G").headline == eval::verdict::achieved);            // 5%
}

TEST_CASE("eval: a due day is judged from that day, with or without 'due'") {
  std::string data = R"({"kind":"province","id":"p","values":{"2026":{"ngay_bao_cao":"2026-12-20","ty_le":40}}})";
  auto last_day = run(data, "2026-12-31");
  CHECK(obligation(last_day, "B").overall == eval::verdict::met);      // reported 20/12, due 31/12
  CHECK(obligation(last_day, "N").overall == eval::verdict::not_met);  // 40% < 50%, judged on 31/12
  auto day_before = run(data, "2026-12-30");
  CHECK(obligation(day_before, "B").overall == eval::verdict::met);      // already done
  CHECK(obligation(day_before, "N").overall == eval::verdict::pending);  // the year is not over
}

TEST_CASE("eval: an open year that says something is never passed over for an older, better one") {
  // H: sum(school, hoc_sinh) >= 1000 by 2035, and G: growth(so_sv) >= 5% by 2030.
  SUBCASE("a blank beside a known count is judged at the worst end, not replaced by last year") {
    auto s = run(R"({"kind":"province","id":"p","children":[
      {"kind":"school","id":"a","values":{"2024":{"hoc_sinh":500},"2025":{"hoc_sinh":600},"2026":{"hoc_sinh":300}}},
      {"kind":"school","id":"b","values":{"2024":{"hoc_sinh":100},"2025":{"hoc_sinh":100},"2026":{"hoc_sinh":null}}}]})",
                 "2026-12-31");
    auto const& m = target(s, "H").milestones[0];
    CHECK(m.value_year == 2026);           // not 2025's 700
    CHECK(m.judged_on == 300);             // b's blank could only add
    CHECK(m.result == eval::verdict::deterioration);  // 600 (2024) → at least 300
    CHECK(m.progress == 0);
  }
  SUBCASE("a ceiling with an unbounded blank is no_data for the year, not last year's verdict") {
    std::string rules = std::string(R"(
document d { number "05/KH" }
field school.bo_hoc : count of "học sinh" "Học sinh bỏ học"
target L "Bỏ học" { applies to province measure sum(school, bo_hoc) <= 1000 by 2030 })");
    // 2025: 2,000 dropouts. 2026: a reports 1,000, b is blank: at least 1,000, which is the milestone
    // already if b had none, and worse than 2025 if b had over 1,000. Nothing can be said of 2026, and
    // 2025 is not now.
    auto s = score_text(rules, R"({"kind":"province","id":"p","children":[
      {"kind":"school","id":"a","values":{"2025":{"bo_hoc":1500},"2026":{"bo_hoc":1000}}},
      {"kind":"school","id":"b","values":{"2025":{"bo_hoc":500},"2026":{"bo_hoc":null}}}]})",
                        "2026-12-31");
    auto const& m = s.result.units[0].targets.at(0).milestones.at(0);
    CHECK(m.result == eval::verdict::no_data);
    CHECK(m.value_year == 2026);
    CHECK(m.lower == 1000);
    CHECK(std::isinf(m.upper));
    // At least 1,800 after 900 is worse whatever b reports: that is settled.
    auto worse = score_text(rules, R"({"kind":"province","id":"p","children":[
      {"kind":"school","id":"a","values":{"2025":{"bo_hoc":900},"2026":{"bo_hoc":1800}}},
      {"kind":"school","id":"b","values":{"2025":{"bo_hoc":0},"2026":{"bo_hoc":null}}}]})",
                            "2026-12-31");
    CHECK(worse.result.units[0].targets.at(0).milestones.at(0).result == eval::verdict::deterioration);
  }
}

TEST_CASE("eval: a bad lifetime or completeness list is a data issue with its pointer, and is ignored") {
  auto rules = check_text(model_ct);
  REQUIRE(rules.rules);
  auto plan = eval::compile(*rules.rules);
  auto r = eval::load_submission_text(R"({"kind":"province","id":"p","complete":"school","children":[
    {"kind":"school","id":"a","first_year":"2025"},
    {"kind":"school","id":"b","first_year":2026,"last_year":2024},
    {"kind":"commune","id":"c","complete":["school","truong"]}]})",
                                      plan.rules());
  REQUIRE(r.data);
  auto has = [&](std::string const& code, std::string const& pointer) {
    return std::any_of(r.issues.begin(), r.issues.end(),
                       [&](auto const& i) { return i.code == code && i.pointer == pointer; });
  };
  CHECK(has("data.wrong_type", "/complete"));
  CHECK(has("data.bad_year", "/children/0/first_year"));
  CHECK(has("data.bad_year", "/children/1/last_year"));
  CHECK(has("data.unknown_kind", "/children/2/complete/1"));
  auto const& units = r.data->units();
  CHECK(units[2].first_year == 0);  // both years of b dropped
  CHECK(units[2].last_year == 0);
  REQUIRE(units[3].complete.size() == 1);  // "school" kept, "truong" dropped
  CHECK(units[3].complete[0] == plan.rules().find_unit_kind("school")->index());
}
