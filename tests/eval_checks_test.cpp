// eval layer: declared data checks, the percent-as-fraction heuristic and the percent range, with
// hand-computed submissions.
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/testing.hpp>

#include <doctest/doctest.h>

#include <cmath>

#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {
constexpr char const* rules_ct = R"(
document d { number "01/KH" }
field school.so_truong : count of "trường" "Số trường"
field school.so_truong_dat_chuan : count of "trường" "Số trường đạt chuẩn"
field school.dat_chuan : bool "Đạt chuẩn"
field school.dat_chuan_muc_2 : bool "Đạt chuẩn mức 2"
field commune.so_hoc_sinh : count of "học sinh" "Số học sinh"
field school.so_hoc_sinh : count of "học sinh" "Số học sinh"
field province.ty_le : percent "Tỉ lệ"
field province.chi_so : number "Chỉ số, thang 0–1"
check C1 "Số trường đạt chuẩn không vượt tổng số trường" {
  applies to school
  require so_truong_dat_chuan <= so_truong
}
check C2 "Trường đạt chuẩn mức 2 là trường đạt chuẩn" {
  applies to school
  require dat_chuan or not dat_chuan_muc_2
  severity warning
}
check C3 "Học sinh của xã không ít hơn tổng của các trường" {
  applies to commune
  require so_hoc_sinh >= sum(school, so_hoc_sinh)
}
check C4 "Chỉ số không vượt 1" {
  applies to province
  require chi_so <= 1
}
field province.he_so : number "Hệ số, thang 0–1"
check C5 "Hệ số trong thang 0–1" {
  applies to province
  require he_so >= 0 and he_so <= 1
}
)";

struct checked {
  ruleset_result rules;
  std::optional<eval::plan> plan;
  eval::load_result data;
  std::vector<eval::data_issue> found;
};

checked run(std::string const& json) {
  checked c;
  c.rules = check_text(rules_ct);
  REQUIRE(c.rules.rules);
  c.plan.emplace(eval::compile(*c.rules.rules));
  c.data = eval::load_submission_text(json, c.plan->rules());
  REQUIRE(c.data.data);
  c.found = eval::check_data(*c.plan, *c.data.data);
  return c;
}

std::vector<eval::data_issue> with_code(std::vector<eval::data_issue> const& issues, std::string const& code) {
  std::vector<eval::data_issue> out;
  for (auto const& is : issues)
    if (is.code == code) out.push_back(is);
  return out;
}
}  // namespace

TEST_CASE("eval: a sub-count above its total is one data issue with the field's pointer") {
  auto c = run(R"({"kind":"school","id":"s","values":{"2026":{"so_truong":10,"so_truong_dat_chuan":12}}})");
  REQUIRE(c.found.size() == 1);
  auto const& is = c.found[0];
  CHECK(is.code == "data.check_failed");
  CHECK(is.level == severity::error);
  CHECK(is.unit == "school s");
  CHECK(is.check == "d.C1");
  CHECK(is.pointer == "/values/2026/so_truong_dat_chuan");
  CHECK(is.message ==
        "\"so_truong_dat_chuan\" (12) vượt \"so_truong\" (10) — kiểm tra C1: Số trường đạt chuẩn không vượt "
        "tổng số trường");
}

TEST_CASE("eval: a check that holds, or cannot be judged, is silent") {
  SUBCASE("equal values") {
    CHECK(run(R"({"kind":"school","id":"s","values":{"2026":{"so_truong":10,"so_truong_dat_chuan":10}}})")
              .found.empty());
  }
  SUBCASE("a missing value is unknown, not a violation") {
    CHECK(run(R"({"kind":"school","id":"s","values":{"2026":{"so_truong_dat_chuan":12}}})").found.empty());
  }
  SUBCASE("null is missing too") {
    CHECK(run(R"({"kind":"school","id":"s","values":{"2026":{"so_truong":null,"so_truong_dat_chuan":12}}})")
              .found.empty());
  }
}

TEST_CASE("eval: each year with values is judged on its own") {
  auto c = run(R"({"kind":"school","id":"s","values":{
    "2025":{"so_truong":10,"so_truong_dat_chuan":11},
    "2026":{"so_truong":10,"so_truong_dat_chuan":9},
    "2027":{"so_truong":10,"so_truong_dat_chuan":13}}})");
  REQUIRE(c.found.size() == 2);
  CHECK(c.found[0].pointer == "/values/2025/so_truong_dat_chuan");
  CHECK(c.found[1].pointer == "/values/2027/so_truong_dat_chuan");
}

TEST_CASE("eval: a condition that is not a comparison points at the year and lists the fields read") {
  auto c = run(R"({"kind":"province","id":"p","children":[{"kind":"commune","id":"x","children":[
    {"kind":"school","id":"s","values":{"2026":{"dat_chuan":false,"dat_chuan_muc_2":true}}}]}]})");
  REQUIRE(c.found.size() == 1);
  CHECK(c.found[0].level == severity::warning);  // as declared
  CHECK(c.found[0].unit == "school s");
  CHECK(c.found[0].pointer == "/children/0/children/0/values/2026");
  CHECK(c.found[0].message ==
        "không thỏa với \"dat_chuan\" (không), \"dat_chuan_muc_2\" (có) — kiểm tra C2: Trường đạt chuẩn mức 2 "
        "là trường đạt chuẩn");
}

TEST_CASE("eval: a field read twice by a condition is listed once") {
  auto c = run(R"({"kind":"province","id":"p","values":{"2026":{"he_so":1.5}}})");
  REQUIRE(c.found.size() == 1);
  CHECK(c.found[0].pointer == "/values/2026");
  CHECK(c.found[0].message == "không thỏa với \"he_so\" (1,5) — kiểm tra C5: Hệ số trong thang 0–1");
}

TEST_CASE("eval: an aggregate side is shown as the rule wrote it, with its value") {
  auto c = run(R"({"kind":"commune","id":"x","values":{"2026":{"so_hoc_sinh":900}},"children":[
    {"kind":"school","id":"a","values":{"2026":{"so_hoc_sinh":600}}},
    {"kind":"school","id":"b","values":{"2026":{"so_hoc_sinh":500}}}]})");
  REQUIRE(c.found.size() == 1);
  CHECK(c.found[0].pointer == "/values/2026/so_hoc_sinh");
  CHECK(c.found[0].message ==
        "\"so_hoc_sinh\" (900) nhỏ hơn \"sum(school, so_hoc_sinh)\" (1.100) — kiểm tra C3: Học sinh của xã "
        "không ít hơn tổng của các trường");
}

TEST_CASE("eval: a unit is judged only in the years it sent values") {
  // The commune sent nothing in 2026: its schools' 2026 figures are not weighed against it.
  auto c = run(R"({"kind":"commune","id":"x","values":{"2025":{"so_hoc_sinh":900}},"children":[
    {"kind":"school","id":"a","values":{"2026":{"so_hoc_sinh":1000}}}]})");
  CHECK(c.found.empty());
}

TEST_CASE("eval: an index on a 0–1 scale above 1") {
  auto c = run(R"({"kind":"province","id":"p","values":{"2026":{"chi_so":85}}})");
  REQUIRE(c.found.size() == 1);
  CHECK(c.found[0].message == "\"chi_so\" (85) vượt 1 — kiểm tra C4: Chỉ số không vượt 1");
  CHECK(c.found[0].pointer == "/values/2026/chi_so");
}

TEST_CASE("eval: a percent typed as a fraction is a warning when the other years say otherwise") {
  SUBCASE("0.94 beside 94 and 95") {
    auto c = run(R"({"kind":"province","id":"p","values":{
      "2025":{"ty_le":94},"2026":{"ty_le":0.94},"2027":{"ty_le":95}}})");
    auto w = with_code(c.found, "data.percent_as_fraction");
    REQUIRE(w.size() == 1);
    CHECK(w[0].level == severity::warning);
    CHECK(w[0].unit == "province p");
    CHECK(w[0].pointer == "/values/2026/ty_le");
    CHECK(w[0].check.empty());
    CHECK(w[0].message == "\"ty_le\" là 0,94 trong khi các năm khác là 94 (2025), 95 (2027); có phải 94%?");
  }
  SUBCASE("0.94 alone: one year is no evidence") {
    CHECK(run(R"({"kind":"province","id":"p","values":{"2026":{"ty_le":0.94}}})").found.empty());
  }
  SUBCASE("another year is small as well") {
    CHECK(run(R"({"kind":"province","id":"p","values":{"2025":{"ty_le":1.2},"2026":{"ty_le":0.94},"2027":{"ty_le":95}}})")
              .found.empty());
  }
  SUBCASE("zero reads the same either way") {
    CHECK(run(R"({"kind":"province","id":"p","values":{"2025":{"ty_le":0},"2026":{"ty_le":40}}})").found.empty());
  }
  SUBCASE("1 beside 100") {
    auto c = run(R"({"kind":"province","id":"p","values":{"2025":{"ty_le":100},"2026":{"ty_le":1}}})");
    REQUIRE(c.found.size() == 1);
    CHECK(c.found[0].message == "\"ty_le\" là 1 trong khi các năm khác là 100 (2025); có phải 100%?");
  }
}

TEST_CASE("eval: a submitted percent outside 0–100 is rejected when loading") {
  auto c = run(R"({"kind":"province","id":"p","values":{"2025":{"ty_le":940},"2026":{"ty_le":-1},"2027":{"ty_le":100}}})");
  auto bad = with_code(c.data.issues, "data.out_of_range");
  REQUIRE(bad.size() == 2);
  CHECK(bad[0].pointer == "/values/2025/ty_le");
  CHECK(bad[0].message == "tỉ lệ phần trăm phải từ 0 đến 100, nhận được 940; coi như thiếu");
  CHECK(bad[1].pointer == "/values/2026/ty_le");
  auto const& data = *c.data.data;
  CHECK(std::isnan(data.value(0, 2025, 0)));  // treated as missing
  CHECK(data.value(0, 2027, 0) == doctest::Approx(1.0));
}

TEST_CASE("eval: check_data on a load result adds the issues to both lists") {
  auto c = run(R"({"kind":"school","id":"s","values":{"2026":{"so_truong":10,"so_truong_dat_chuan":12}}})");
  auto before = c.data.issues.size();
  eval::check_data(*c.plan, c.data);
  CHECK(c.data.issues.size() == before + 1);
  CHECK(c.data.data->issues().size() == before + 1);
  CHECK(c.data.issues.back().code == "data.check_failed");
}

TEST_CASE("eval: judge_check says how one requirement came out") {
  auto c = run(R"({"kind":"commune","id":"x","values":{"2026":{}},"children":[
    {"kind":"school","id":"a","values":{"2025":{"so_truong":3,"so_truong_dat_chuan":2},
                                        "2026":{"so_truong":3,"so_truong_dat_chuan":4},
                                        "2027":{"so_truong":3}}}]})");
  auto const& plan = *c.plan;
  auto const& data = *c.data.data;
  CHECK(eval::judge_check(plan, data, 0, 0, 1, 2025) == eval::check_state::holds);
  CHECK(eval::judge_check(plan, data, 0, 0, 1, 2026) == eval::check_state::fails);
  CHECK(eval::judge_check(plan, data, 0, 0, 1, 2027) == eval::check_state::unknown);
  CHECK(eval::judge_check(plan, data, 0, 0, 1, 2028) == eval::check_state::not_applicable);  // no values
  CHECK(eval::judge_check(plan, data, 0, 0, 0, 2026) == eval::check_state::not_applicable);  // a commune
}

TEST_CASE("testing: a check key reads failed, passed, no_data or not_applicable") {
  auto c = run(R"({"kind":"commune","id":"x","children":[
    {"kind":"school","id":"a","values":{"2025":{"so_truong":3,"so_truong_dat_chuan":2},
                                        "2026":{"so_truong":3,"so_truong_dat_chuan":4}}},
    {"kind":"school","id":"b","values":{"2026":{"so_truong":3}}}]})");
  eval::check_data(*c.plan, c.data);
  auto look = [&](std::uint32_t unit, std::string const& key) {
    auto obs = testing::observe_check(*c.plan, *c.data.data, c.data.issues, unit, key, "d");
    REQUIRE(obs);
    return *obs;
  };
  auto failed = look(1, "C1");
  CHECK(failed.verdict == "failed");
  CHECK(failed.pointers == std::vector<std::string>{"/children/0/values/2026/so_truong_dat_chuan"});
  CHECK(look(1, "C1@2025").verdict == "passed");
  CHECK(look(1, "d.C1@2026").verdict == "failed");
  CHECK(look(2, "C1").verdict == "no_data");
  CHECK(look(0, "C1").verdict == "not_applicable");
  CHECK(look(1, "C1@20x6").error.size() > 0);
  CHECK_FALSE(testing::observe_check(*c.plan, *c.data.data, c.data.issues, 1, "T1", "d"));
}

TEST_CASE("testing: a scenario on the shipped rules reads the checks of a submission") {
  std::string root = CHITIEU_SOURCE_DIR;
  testing::scenario s({root + "/rules/common", root + "/rules/bac_ninh"});
  s.data(R"({"kind":"province","id":"bn","values":{"2026":{"chi_gd":19.4,"chi_dau_tu_gd":5.4,"tong_chi":100}},
    "children":[{"kind":"school","id":"s","values":{"2026":{"so_cbql_gv":40,"so_cbql_gv_tap_huan_ai":45}}}]})")
      .as_of("2026-12-31");
  CHECK(s.verdict("bn_ctr04.C3") == "passed");
  CHECK(s.verdict("bn_ctr04.O10") == "not_met");  // scoring goes on beside the checks
  s.unit("s");
  CHECK(s.verdict("bn_ctr04.C2") == "failed");
  int failed = 0;
  for (auto const& is : s.issues()) failed += is.code == "data.check_failed" && is.check == "bn_ctr04.C2";
  CHECK(failed == 1);
}
