// eval layer: earlier years (prev), presence (has) and the scalar min/max, on both paths of the
// interpreter. Every number is worked by hand in the comment beside it.
#include <chitieu/eval/evaluate.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "support/evaluated.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {

constexpr char const* shapes_ct = R"(
document d { number "03/KH" }
field school.vao_lop6 : count of "học sinh" "Tuyển mới lớp 6"
field school.ht_lop5 : count of "học sinh" "Hoàn thành lớp 5"
field school.nam_thanh_lap : year "Năm thành lập"
field school.dat_chuan : bool "Đạt chuẩn"
field province.ho_ngheo : count of "hộ" "Hộ nghèo"
unit nation "Quốc gia" counted "quốc gia"
field province.ty_le_phcap : percent "Tỉ lệ phổ cập"
field province.dan_so : count of "người" "Dân số"
field province.so_sv : count of "sinh viên" "Số sinh viên"
unit university "Đại học" counted "trường đại học"
field university.xep_hang : rank "Xếp hạng thế giới"
target TOP "Ít nhất 5 đại học trong nhóm 500 thế giới" {
  applies to nation
  measure count(university where xep_hang <= 500)
  >= 5 by 2026
}
target SV "Sinh viên trên một vạn dân" {
  applies to province
  measure so_sv / dan_so per 10000
  >= 260 by 2026
}
target WM "Tỉ lệ phổ cập cả nước, bình quân theo dân số" {
  applies to nation
  measure sum(province, ty_le_phcap * dan_so) / sum(province, dan_so)
  >= 90% by 2026
}
target CC "Tỉ lệ chuyển cấp tiểu học - THCS" {
  applies to province, school
  measure sum(school, vao_lop6) / prev(sum(school, ht_lop5))
  >= 95% by 2026
}
target CS "Chuyển cấp của một trường" {
  applies to school
  measure vao_lop6 / prev(ht_lop5)
  >= 95% by 2026
}
target CM "Chuyển cấp, tính theo từng trường" {
  applies to province
  measure sum(school, vao_lop6) / sum(school, prev(ht_lop5))
  >= 95% by 2026
}
target CT "Chuyển cấp, phần vượt số hoàn thành không tính" {
  applies to province
  measure sum(school, min(vao_lop6, prev(ht_lop5))) / sum(school, prev(ht_lop5))
  >= 95% by 2026
}
obligation GN "Số hộ nghèo giảm so với năm trước" {
  applies to province
  every year from 2026 until 2026
  require ho_ngheo < prev(ho_ngheo)
}
target G2 "Giảm so với hai năm trước, không âm" {
  applies to province
  measure max(prev(ho_ngheo, 2) - ho_ngheo, 0)
  >= 100 by 2026
}
target SC "Trường có khai năm thành lập đạt chuẩn" {
  applies to province
  measure share(school where has(nam_thanh_lap), dat_chuan)
  >= 60% by 2026
}
)";

evaluated run(std::string const& json) { return score_text(shapes_ct, json, "2026-12-31"); }

std::size_t unit_index(evaluated const& s, std::string const& id) {
  for (std::size_t u = 0; u < s.data.data->units().size(); ++u)
    if (s.data.data->unit(u).id == id) return u;
  FAIL("no unit " << id);
  return 0;
}

eval::milestone_outcome const& milestone(evaluated const& s, std::string const& id, std::string const& unit = "") {
  auto const& card = s.result.units.at(unit.empty() ? 0 : unit_index(s, unit));
  for (auto const& t : card.targets)
    if (s.plan->rules().targets[static_cast<std::size_t>(t.target)].id == id) return t.milestones.at(0);
  FAIL("no target " << id);
  return card.targets.front().milestones.at(0);
}

eval::obligation_outcome const& obligation(evaluated const& s, std::string const& id) {
  for (auto const& o : s.result.units.at(0).obligations)
    if (s.plan->rules().obligations[static_cast<std::size_t>(o.obligation)].id == id) return o;
  FAIL("no obligation " << id);
  return s.result.units.at(0).obligations.front();
}

// Schools a, b, d: grade-5 completers in 2025 and grade-6 entrants in 2026. The province's poor households:
// 1000 (2024), 950 (2025), 880 (2026).
std::string province(std::string const& d2025, std::string const& extra_school = "") {
  return R"({"kind":"province","id":"p","values":{"2024":{"ho_ngheo":1000},"2025":{"ho_ngheo":950},"2026":{"ho_ngheo":880}},
    "children":[
    {"kind":"school","id":"a","values":{"2025":{"ht_lop5":100},"2026":{"vao_lop6":98,"nam_thanh_lap":1990,"dat_chuan":true}}},
    {"kind":"school","id":"b","values":{"2025":{"ht_lop5":50},"2026":{"vao_lop6":52,"nam_thanh_lap":"n/a","dat_chuan":false}}},
    {"kind":"school","id":"d","values":{"2025":)" + d2025 + R"(,"2026":{"vao_lop6":19,"nam_thanh_lap":2000,"dat_chuan":true}}})" +
         extra_school + "]}";
}

}  // namespace

TEST_CASE("eval: a transition rate reads last year's completers") {
  auto s = run(province(R"({"ht_lop5":20})"));
  // Province: (98 + 52 + 19) / (100 + 50 + 20) = 169 / 170 = 0.994118 ≥ 95%.
  CHECK(milestone(s, "CC").value == doctest::Approx(16900.0 / 170));
  CHECK(milestone(s, "CC").result == eval::verdict::met);
  CHECK(milestone(s, "CM").value == doctest::Approx(16900.0 / 170));  // the same, summed school by school
  // Capped at each school's completers: a 98, b min(52, 50) = 50, d 19: 167 / 170 = 0.982353.
  CHECK(milestone(s, "CT").value == doctest::Approx(16700.0 / 170));
  // Per school: a 98/100, d 19/20 = 95% exactly (met), b 52/50 = 104%.
  CHECK(milestone(s, "CC", "a").value == doctest::Approx(98));
  CHECK(milestone(s, "CC", "d").value == doctest::Approx(95));
  CHECK(milestone(s, "CC", "d").result == eval::verdict::met);
  CHECK(milestone(s, "CC", "b").value == doctest::Approx(104));
}

TEST_CASE("eval: year-on-year change, one year back and two") {
  auto s = run(province(R"({"ht_lop5":20})"));
  auto const& o = obligation(s, "GN");
  CHECK(o.overall == eval::verdict::met);  // 880 < 950
  // max(1000 − 880, 0) = 120 ≥ 100.
  CHECK(milestone(s, "G2").value == doctest::Approx(120));
  CHECK(milestone(s, "G2").result == eval::verdict::met);
}

TEST_CASE("eval: a blank in the earlier year is named by that year's pointer") {
  auto s = run(province("{}"));
  // d's 2025 completers are blank: 169 / [150, ∞), between 0 and 169/150 = 1.1267: open.
  auto const& m = milestone(s, "CC");
  CHECK(m.result == eval::verdict::no_data);
  CHECK(std::isnan(m.value));
  CHECK(m.upper == doctest::Approx(16900.0 / 150));
  REQUIRE(m.missing.size() == 1);
  CHECK(m.missing[0] == "/children/2/values/2025/ht_lop5");
  CHECK(milestone(s, "CC", "d").result == eval::verdict::no_data);
  CHECK(milestone(s, "CC", "d").missing.at(0) == "/children/2/values/2025/ht_lop5");
  // The capped form has the same blank: no verdict.
  CHECK(milestone(s, "CT").result == eval::verdict::no_data);
}

TEST_CASE("eval: a unit that did not exist the year before has no earlier value, which is not a blank") {
  auto s = run(province(R"({"ht_lop5":20})",
                        R"(,{"kind":"school","id":"n","first_year":2026,"values":{"2026":{"vao_lop6":30,"dat_chuan":true}}})"));
  // At the new school itself: nothing to divide by, so the target does not apply there (no blank named).
  auto const& card = s.result.units.at(unit_index(s, "n"));
  bool seen = false;
  for (auto const& t : card.targets)
    if (s.plan->rules().targets[static_cast<std::size_t>(t.target)].id == "CC") {
      seen = true;
      CHECK(t.headline == eval::verdict::not_applicable);
      CHECK(t.milestones.empty());
    }
  CHECK(seen);
  for (auto const& t : card.targets)
    if (s.plan->rules().targets[static_cast<std::size_t>(t.target)].id == "CS") {
      CHECK(t.headline == eval::verdict::not_applicable);
      CHECK(t.reason == "đơn vị chưa hoạt động (hoặc đã ngừng) trong năm trước được so sánh");
    }
  CHECK(milestone(s, "CS", "a").value == doctest::Approx(98));  // 98 / 100
  // In the province's school-by-school sum it is no member of the denominator: (169 + 30) / 170.
  CHECK(milestone(s, "CM").value == doctest::Approx(19900.0 / 170));
  CHECK(milestone(s, "CM").missing.empty());
}

TEST_CASE("eval: has is false for a blank and for 'n/a', and never unknown") {
  // Declaring a founding year: a (1990) and d (2000); b says "n/a"; n sent nothing. Of a and d, a and d are
  // standard: 2/2 = 100%. With n blank and not standard, it stays out: still 100%.
  auto s = run(province(R"({"ht_lop5":20})",
                        R"(,{"kind":"school","id":"n","values":{"2026":{"dat_chuan":false}}})"));
  auto const& m = milestone(s, "SC");
  CHECK(m.value == doctest::Approx(100));
  CHECK(m.result == eval::verdict::met);
  CHECK(m.missing.empty());
}

TEST_CASE("eval: a population-weighted mean of provincial percents") {
  // (80% × 1 000 000 + 95% × 3 000 000) / 4 000 000 = 3 650 000 / 4 000 000 = 91.25% ≥ 90%
  // (the unweighted mean, 87.5%, would fail).
  auto s = run(R"({"kind":"nation","id":"vn","children":[
    {"kind":"province","id":"a","values":{"2026":{"ty_le_phcap":80,"dan_so":1000000,"so_sv":27000}}},
    {"kind":"province","id":"b","values":{"2026":{"ty_le_phcap":95,"dan_so":3000000,"so_sv":75000}}}]})");
  auto const& m = milestone(s, "WM");
  CHECK(m.value == doctest::Approx(91.25));
  CHECK(m.result == eval::verdict::met);
}

TEST_CASE("eval: a rate per 10 000 people") {
  auto s = run(R"({"kind":"nation","id":"vn","children":[
    {"kind":"province","id":"a","values":{"2026":{"ty_le_phcap":80,"dan_so":1000000,"so_sv":27000}}},
    {"kind":"province","id":"b","values":{"2026":{"ty_le_phcap":95,"dan_so":3000000,"so_sv":75000}}}]})");
  // a: 27 000 / 1 000 000 × 10 000 = 270 ≥ 260; b: 75 000 / 3 000 000 × 10 000 = 250, 10 short.
  CHECK(milestone(s, "SV", "a").value == doctest::Approx(270));
  CHECK(milestone(s, "SV", "a").result == eval::verdict::met);
  CHECK(milestone(s, "SV", "b").value == doctest::Approx(250));
  CHECK(milestone(s, "SV", "b").result == eval::verdict::not_met);
  CHECK(milestone(s, "SV", "b").gap == doctest::Approx(10));
}

TEST_CASE("eval: a rank cut-off where some universities are unranked") {
  auto nation = [](std::string const& last) {
    std::string ranks[] = {"120", "300", "480", "500", "650", R"("n/a")", last};
    std::string children;
    for (std::size_t i = 0; i < 7; ++i)
      children += (i ? "," : "") + std::string(R"({"kind":"university","id":"u)") + std::to_string(i) +
                  R"(","values":{"2026":{"xep_hang":)" + ranks[i] + "}}}";
    return R"({"kind":"nation","id":"vn","children":[)" + children + "]}";
  };
  // 120, 300, 480 and 500 are in the top 500; 650 is not; "n/a" is unranked, so out: 4 < 5, one short.
  auto unranked = run(nation(R"("n/a")"));
  CHECK(milestone(unranked, "TOP").value == 4);
  CHECK(milestone(unranked, "TOP").result == eval::verdict::not_met);
  CHECK(milestone(unranked, "TOP").gap == doctest::Approx(1));
  // One more ranked 499: 5.
  CHECK(milestone(run(nation("499")), "TOP").result == eval::verdict::met);
  // A blank rank may or may not be in: [4, 5], open, and named.
  auto blank = run(nation("null"));
  CHECK(milestone(blank, "TOP").result == eval::verdict::no_data);
  CHECK(milestone(blank, "TOP").lower == 4);
  CHECK(milestone(blank, "TOP").upper == 5);
  CHECK(milestone(blank, "TOP").missing.at(0) == "/children/6/values/2026/xep_hang");
}
