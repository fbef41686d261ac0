// eval layer: loading submissions, verdicts, gaps, progress, tasks, scores.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "support/evaluated.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {
constexpr char const* rules_ct = R"(
document d { number "01/KH" }
field school.dat_chuan : bool "Đạt chuẩn"
field school.cong_lap : bool "Công lập"
field school.phong_stem : count of "phòng" "Phòng STEM"
field province.chi_gd : money "Chi giáo dục"
field province.tong_chi : money "Tổng chi"
field province.ty_le : percent "Tỉ lệ"
field province.ngay_bao_cao : date "Ngày báo cáo"
agency so "Sở GDĐT"
target T1 "Trường đạt chuẩn" {
  applies to province, commune, school
  measure share(school where cong_lap, dat_chuan)
  >= 90% by 2030
}
target T2 "Tỉ lệ" { applies to province measure ty_le >= 50% by 2025 >= 80% by 2030 }
target T3 "STEM" { applies to province measure sum(school, phong_stem) / count(school) >= 1.0 by 2030 }
obligation O1 "Chi > 20%" { applies to province every year from 2025 require chi_gd / tong_chi > 20% }
obligation O2 "Báo cáo" { applies to province every year from 2026 due 25/11 require ngay_bao_cao <= due }
task K1 "Xong đúng hạn" { lead so deadline during Q2 2026 serves T1 }
task K2 "Xong muộn" { lead so deadline by 2026-03-31 }
task K3 "Quá hạn" { lead so deadline during 2025 serves T2 }
task K4 "Đang làm" { lead so deadline by 2027 }
task K5 "Chưa đến hạn" { lead so deadline by 2027 }
task K6 "Thường xuyên" { lead so deadline ongoing }
)";

evaluated score(std::string const& json, std::string const& as_of) { return score_text(rules_ct, json, as_of); }

eval::target_outcome const& target(evaluated const& s, std::string const& id, std::size_t unit = 0) {
  for (auto const& t : s.result.units.at(unit).targets)
    if (s.plan->rules().targets[static_cast<std::size_t>(t.target)].id == id) return t;
  FAIL("no target " << id);
  return s.result.units.at(unit).targets.front();
}

constexpr char const* province = R"({
  "kind": "province", "id": "p", "name": "Tỉnh",
  "values": {
    "2024": { "ty_le": 40, "chi_gd": 19, "tong_chi": 100 },
    "2025": { "ty_le": 55, "chi_gd": 21, "tong_chi": 100 },
    "2026": { "ty_le": 62, "chi_gd": 19.5, "tong_chi": 100, "ngay_bao_cao": "2026-11-20" }
  },
  "tasks": { "d": {
    "K1": { "status": "done", "completed": "2026-06-15" },
    "K2": { "status": "done", "completed": "2026-04-10" },
    "K4": { "status": "in_progress", "progress": 40 }
  } },
  "children": [
    { "kind": "commune", "id": "c1", "children": [
      { "kind": "school", "id": "s1", "values": { "2025": { "cong_lap": true, "dat_chuan": false, "phong_stem": 0 },
                                                 "2026": { "cong_lap": true, "dat_chuan": true, "phong_stem": 2 } } },
      { "kind": "school", "id": "s2", "values": { "2025": { "cong_lap": true, "dat_chuan": false, "phong_stem": 1 },
                                                 "2026": { "cong_lap": true, "dat_chuan": false, "phong_stem": 1 } } },
      { "kind": "school", "id": "s3", "values": { "2025": { "cong_lap": false, "dat_chuan": false },
                                                 "2026": { "cong_lap": false, "dat_chuan": false } } }
    ] }
  ]
})";
}  // namespace

TEST_CASE("eval: a share not yet due is judged on its trajectory, with the gap in units") {
  auto s = score(province, "2026-12-31");
  auto const& t = target(s, "T1");
  REQUIRE(t.milestones.size() == 1);
  auto const& m = t.milestones[0];
  CHECK(m.value == doctest::Approx(50));  // 1 of 2 public schools
  CHECK(m.value_year == 2026);
  CHECK(m.baseline == doctest::Approx(0.0));
  CHECK(m.baseline_year == 2025);
  CHECK(m.expected == doctest::Approx(18));  // 0 + 0.9 × 1/5
  CHECK(m.result == eval::verdict::on_track);
  CHECK(m.parts.needed == 1);  // one more school must reach the standard
  CHECK(m.parts.denominator == 2);
  REQUIRE(m.failing_units.size() == 1);
  CHECK(s.data.data->unit(m.failing_units[0]).id == "s2");
}

TEST_CASE("eval: a due milestone is met or not met on that year's value") {
  auto s = score(province, "2026-12-31");
  auto const& t = target(s, "T2");
  CHECK(t.milestones[0].result == eval::verdict::met);  // 55% ≥ 50% in 2025
  CHECK(t.headline_milestone == 0);
  CHECK(t.milestones[1].result == eval::verdict::on_track);
  auto later = score(province, "2031-01-01");
  CHECK(target(later, "T2").milestones[1].result == eval::verdict::no_data);
  // Nothing was sent for 2030: the year is named once, not each field of it.
  CHECK(target(later, "T2").milestones[1].missing.at(0) == "/values/2030");
}

TEST_CASE("eval: a unit behind the straight line is graded by its pace") {
  std::string data = R"({"kind":"province","id":"p","values":{"2025":{"ty_le":70},"2026":{"ty_le":71}}})";
  auto s = score(data, "2026-12-31");
  auto const& m = target(s, "T2").milestones[1];
  CHECK(m.expected == doctest::Approx(72));  // 70% + 10 points × 1/5
  CHECK(m.pace == doctest::Approx(0.5));  // moved 1 point where the line asked 2
  CHECK(m.result == eval::verdict::limited_progress);
  CHECK(m.gap == doctest::Approx(9));
}

TEST_CASE("eval: one year of data gives pending, not a trajectory") {
  std::string data = R"({"kind":"province","id":"p","values":{"2026":{"ty_le":60}}})";
  auto s = score(data, "2026-06-30");
  CHECK(target(s, "T2").milestones[1].result == eval::verdict::pending);
}

TEST_CASE("eval: a private school is not applicable to a public-school target") {
  auto s = score(province, "2026-12-31");
  auto const& t = target(s, "T1", 4);  // s3
  CHECK(t.headline == eval::verdict::not_applicable);
}

TEST_CASE("eval: a missing value that cannot change the verdict does not hide it") {
  // s3 left phong_stem blank, but a count is never negative: the rooms are at least 2 + 1 + 0 over 3
  // schools, so the ratio is at least 1.0 whatever s3 reports.
  auto s = score(province, "2026-12-31");
  auto const& m = target(s, "T3").milestones[0];
  CHECK(m.result == eval::verdict::achieved);
  CHECK(std::isnan(m.value));
  CHECK(m.lower == doctest::Approx(1.0));
  CHECK(std::isinf(m.upper));
  CHECK(m.progress == 1);
  REQUIRE(m.missing.size() == 1);
  CHECK(m.missing[0] == "/children/0/children/2/values/2026/phong_stem");
}

TEST_CASE("eval: a missing value that could change the verdict gives no_data with the bounds") {
  std::string data = R"({"kind":"province","id":"p","children":[
    {"kind":"school","id":"a","values":{"2030":{"phong_stem":1}}},
    {"kind":"school","id":"b","values":{"2030":{"phong_stem":0}}},
    {"kind":"school","id":"c","values":{"2030":{}}}]})";
  auto s = score(data, "2031-01-01");
  auto const& m = target(s, "T3").milestones[0];
  CHECK(m.result == eval::verdict::no_data);   // due: 1/3 fails 1.0 per school, c's rooms could meet it
  CHECK(m.lower == doctest::Approx(1.0 / 3));  // c reporting 0 rooms
  CHECK(std::isinf(m.upper));
  REQUIRE(m.missing.size() == 1);
  CHECK(m.missing[0] == "/children/2/values/2030/phong_stem");
}

TEST_CASE("eval: ahead of its milestone, an open value is judged at its worst end, never better than the truth") {
  // 2025: no room anywhere. 2026: a has 2 rooms, b none, c blank: at least 2/3 room per school, where the
  // line from 0 (2025) to 1.0 (2030) asks 0.2. At its worst end the province is already on track.
  std::string data = R"({"kind":"province","id":"p","children":[
    {"kind":"school","id":"a","values":{"2025":{"phong_stem":0},"2026":{"phong_stem":2}}},
    {"kind":"school","id":"b","values":{"2025":{"phong_stem":0},"2026":{"phong_stem":0}}},
    {"kind":"school","id":"c","values":{"2025":{"phong_stem":0},"2026":{}}}]})";
  auto s = score(data, "2026-12-31");
  auto const& m = target(s, "T3").milestones[0];
  CHECK(m.value_year == 2026);  // not a fallback to 2025
  CHECK(m.lower == doctest::Approx(2.0 / 3));
  CHECK(m.result == eval::verdict::on_track);
  CHECK(m.pace == doctest::Approx((2.0 / 3) / 0.2));
  CHECK(m.reason == "tính theo trường hợp xấu nhất mà các giá trị còn thiếu cho phép");
}

TEST_CASE("eval: a share over two unit kinds counts them as one set") {
  std::vector<source_file> sources;
  sources.emplace_back("r.ct", R"(
unit province "Tỉnh" counted "tỉnh"
unit vocational_school "Cơ sở GDNN" counted "cơ sở"
unit college "Trường cao đẳng" counted "cơ sở"
document d { number "1" }
field vocational_school.cong_lap : bool "Công lập"
field vocational_school.dat_chuan : bool "Đạt chuẩn"
field college.cong_lap : bool "Công lập"
field college.dat_chuan : bool "Đạt chuẩn"
target T "GDNN đạt chuẩn" { applies to province
  measure share(vocational_school | college where cong_lap, dat_chuan) >= 80% by 2030 })");
  auto rules = check_sources(std::move(sources));
  REQUIRE(rules.rules);
  auto plan = eval::compile(*rules.rules);
  auto data = eval::load_submission_text(R"({"kind":"province","id":"p","children":[
    {"kind":"vocational_school","id":"v1","values":{"2030":{"cong_lap":true,"dat_chuan":true}}},
    {"kind":"vocational_school","id":"v2","values":{"2030":{"cong_lap":true,"dat_chuan":false}}},
    {"kind":"vocational_school","id":"v3","values":{"2030":{"cong_lap":false,"dat_chuan":false}}},
    {"kind":"college","id":"c1","values":{"2030":{"cong_lap":true,"dat_chuan":true}}},
    {"kind":"college","id":"c2","values":{"2030":{"cong_lap":true,"dat_chuan":true}}}]})",
                                         plan.rules());
  REQUIRE(data.data);
  eval::evaluate_options o;
  o.as_of = *parse_iso_date("2031-01-01");
  auto result = eval::evaluate(plan, *data.data, o);
  auto const& m = result.units[0].targets.at(0).milestones.at(0);
  CHECK(m.value == doctest::Approx(75));  // 3 of the 4 public institutions
  CHECK(m.result == eval::verdict::not_met);
  CHECK(m.parts.needed == 1);
  CHECK(m.parts.numerator_unit == "cơ sở");
}

TEST_CASE("eval: ratio targets say how many more rooms are needed") {
  std::string data = R"({"kind":"province","id":"p","children":[
    {"kind":"school","id":"a","values":{"2025":{"phong_stem":0},"2026":{"phong_stem":1}}},
    {"kind":"school","id":"b","values":{"2025":{"phong_stem":0},"2026":{"phong_stem":0}}},
    {"kind":"school","id":"c","values":{"2025":{"phong_stem":0},"2026":{"phong_stem":0}}}]})";
  auto s = score(data, "2026-12-31");
  auto const& m = target(s, "T3").milestones[0];
  CHECK(m.value == doctest::Approx(1.0 / 3));
  CHECK(m.result == eval::verdict::on_track);  // line from 0 in 2025 to 1.0 in 2030 asks 0.2 in 2026
  CHECK(m.parts.needed == 2);                 // two more rooms for 1.0 per school
  CHECK(m.parts.numerator_unit == "phòng");
}

TEST_CASE("eval: obligations are judged year by year") {
  auto s = score(province, "2026-12-31");
  auto const& o = s.result.units[0].obligations[0];
  REQUIRE(o.years.size() == 2);
  CHECK(o.years[0].year == 2025);
  CHECK(o.years[0].result == eval::verdict::met);
  CHECK(o.years[1].result == eval::verdict::not_met);
  CHECK(o.years[1].gap == doctest::Approx(0.5));
  CHECK(o.overall == eval::verdict::not_met);
  auto const& report = s.result.units[0].obligations[1];
  CHECK(report.overall == eval::verdict::met);  // 20/11 ≤ 25/11
}

TEST_CASE("eval: a dated obligation before its due day is pending") {
  std::string data = R"({"kind":"province","id":"p","values":{"2026":{"chi_gd":30,"tong_chi":100}}})";
  auto s = score(data, "2026-10-01");
  CHECK(s.result.units[0].obligations[1].overall == eval::verdict::pending);
  auto after = score(data, "2026-11-26");
  CHECK(after.result.units[0].obligations[1].overall == eval::verdict::no_data);
}

TEST_CASE("eval: task verdicts follow deadlines and reports") {
  auto s = score(province, "2026-12-31");
  std::map<std::string, eval::task_verdict> v;
  for (auto const& k : s.result.units[0].tasks) v[s.plan->rules().tasks[static_cast<std::size_t>(k.task)].id] = k.result;
  CHECK(v["K1"] == eval::task_verdict::done);
  CHECK(v["K2"] == eval::task_verdict::done_late);
  CHECK(v["K3"] == eval::task_verdict::overdue);
  CHECK(v["K4"] == eval::task_verdict::in_progress);
  CHECK(v["K5"] == eval::task_verdict::not_due);
  CHECK(v["K6"] == eval::task_verdict::ongoing);
  // An overdue task puts the targets it serves at risk.
  CHECK(target(s, "T2").at_risk_from == std::vector<int>{2});
}

TEST_CASE("eval: scores are weighted means of progress, no_data counting zero by default") {
  auto s = score(province, "2026-12-31");
  auto const& overall = s.result.units[0].overall;
  // T1 on track (ahead of its line: 1), T2 met (1), T3 achieved whatever s3's blank holds (1); O1 met
  // one year of two (1/2), O2 met (1); K1 done (1), K2 late (1/2), K3 overdue (0); the other tasks
  // are not scored.
  CHECK(overall.counted == 8);
  CHECK(overall.items == 11);  // and K4, K5, K6 excluded
  CHECK(overall.no_data == 0);
  CHECK(overall.value == doctest::Approx(100 * (1 + 1 + 1 + 0.5 + 1 + 1 + 0.5 + 0) / 8.0));
  // Tasks alone: done 1, done late 0.5, overdue 0 -> 50.
  for (auto const& g : s.result.units[0].groups)
    if (g.scope == "Nhiệm vụ") CHECK(g.value == doctest::Approx(50.0));
}

TEST_CASE("eval: bad data is reported with the unit and a JSON Pointer, and the rest is scored") {
  auto rules = check_text(rules_ct);
  auto plan = eval::compile(*rules.rules);
  SUBCASE("malformed JSON") {
    auto r = eval::load_submission_text("{\"kind\": ", plan.rules());
    CHECK_FALSE(r.data);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].code == "data.malformed_json");
  }
  SUBCASE("wrong types, huge numbers, unknown kinds, bad years") {
    auto r = eval::load_submission_text(R"({"kind":"province","id":"p","values":{
      "2026":{"ty_le":"nhiều","chi_gd":1e308,"tong_chi":-1,"khong_co":1},"20x6":{}},
      "children":[{"kind":"planet","id":"x"},{"id":"no-kind"},{"kind":"school","id":"p"}]})",
                                        plan.rules());
    REQUIRE(r.data);
    std::map<std::string, std::string> by_pointer;
    for (auto const& is : r.issues) by_pointer[is.pointer] = is.code;
    CHECK(by_pointer["/values/2026/ty_le"] == "data.wrong_type");
    CHECK(by_pointer["/values/2026/tong_chi"] == "data.out_of_range");
    CHECK(by_pointer["/values/2026/khong_co"] == "data.unknown_field");
    CHECK(by_pointer["/values/20x6"] == "data.bad_year");
    CHECK(by_pointer["/children/0/kind"] == "data.unknown_kind");
    CHECK(by_pointer["/children/1/kind"] == "data.missing_member");
    CHECK(by_pointer["/children/2/id"] == "data.duplicate_id");
    CHECK(r.data->units().size() == 2);  // the province and the school with the duplicate id
  }
  SUBCASE("a number too large for a double") {
    auto r = eval::load_submission_text(R"({"kind":"province","id":"p","values":{"2026":{"chi_gd":1e400}}})",
                                        plan.rules());
    CHECK_FALSE(r.data);
    CHECK(r.issues.at(0).code == "data.malformed_json");
  }
  SUBCASE("deep nesting") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "[";
    auto r = eval::load_submission_text(deep, plan.rules());
    CHECK_FALSE(r.data);
    CHECK(r.issues.at(0).code == "data.too_deep");
  }
  SUBCASE("nested units past the limit") {
    std::string json = R"({"kind":"province","id":"p0")";
    for (int i = 1; i < 40; ++i) json += R"(,"children":[{"kind":"commune","id":"c)" + std::to_string(i) + "\"";
    for (int i = 1; i < 40; ++i) json += "}]";
    json += "}";
    auto r = eval::load_submission_text(json, plan.rules());
    bool too_deep = false;
    for (auto const& is : r.issues) too_deep = too_deep || is.code == "data.too_deep";
    CHECK(too_deep);
  }
}

TEST_CASE("eval: division by zero is no_data with a reason, never a crash") {
  std::string data = R"({"kind":"province","id":"p","values":{"2026":{"chi_gd":1,"tong_chi":0}}})";
  auto s = score(data, "2027-01-01");
  auto const& years = s.result.units[0].obligations[0].years;
  auto y = *std::find_if(years.begin(), years.end(), [](auto const& r) { return r.year == 2026; });
  CHECK(y.result == eval::verdict::no_data);
  CHECK(y.division_by_zero);
}
