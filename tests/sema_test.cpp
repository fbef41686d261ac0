// sema layer: name resolution, types and units, milestones, references.
#include <doctest/doctest.h>

#include <algorithm>

#include <chitieu/date.hpp>

#include "support/evaluated.hpp"
#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {
constexpr char const* fields = R"(
document d { number "01/KH" }
field school.dat_chuan : bool "Đạt chuẩn"
field school.cong_lap : bool "Công lập"
field school.phong_stem : count of "phòng" "Phòng STEM"
field school.hoc_sinh : count of "học sinh" "Học sinh"
field province.chi_gd : money "Chi giáo dục"
field province.tong_chi : money "Tổng chi"
field province.ty_le : percent "Tỉ lệ"
field province.nang_luc : level muc_do "Năng lực"
field province.ghi_chu : text "Ghi chú"
agency so "Sở Giáo dục và Đào tạo" level province
)";
ruleset_result with_fields(std::string const& more) { return check_text(std::string(fields) + more); }
}  // namespace

TEST_CASE("sema: a well-formed target checks and is typed") {
  auto r = with_fields(R"(target T1 "Trường đạt chuẩn" {
  applies to province, commune
  measure share(school where cong_lap, dat_chuan)
  >= 94% by 2030
  >= 96% by 2035
})");
  REQUIRE(r.rules);
  auto const& t = r.rules->targets.at(0);
  CHECK(t.type.kind == sema::value_kind::percent);
  CHECK(t.measures.size() == 2);
  CHECK(t.milestones.at(0).value == doctest::Approx(0.94));
}

TEST_CASE("sema: unknown names point at the name") {
  auto r = with_fields(R"(target T1 "x" { applies to province measure chi_gdd / tong_chi >= 20% by 2030 })");
  CHECK_FALSE(r.rules);
  auto const& d = first_error(r);
  CHECK(d.code == "sema.unknown_name");
  CHECK(covered(r, d) == "chi_gdd");
}

TEST_CASE("sema: a percent cannot be compared with a count") {
  auto r = with_fields(R"(obligation O "x" { applies to province require ty_le > count(school) })");
  CHECK(first_error(r).code == "sema.type_mismatch");
}

TEST_CASE("sema: rooms cannot be added to pupils") {
  auto r = with_fields(R"(target T "x" { applies to province measure sum(school, phong_stem) + sum(school, hoc_sinh) >= 1 by 2030 })");
  CHECK(first_error(r).code == "sema.unit_mismatch");
}

TEST_CASE("sema: a ratio of different units carries both") {
  auto r = with_fields(R"(target T "x" { applies to province measure sum(school, phong_stem) / count(school) >= 1.0 by 2030 })");
  REQUIRE(r.rules);
  CHECK(r.rules->targets[0].type.unit == "phòng/trường");
}

TEST_CASE("sema: an aggregate may span several unit kinds") {
  auto r = check_text(std::string(fields) + R"(
unit college "Trường cao đẳng" counted "trường"
field college.cong_lap : bool "Công lập"
field college.dat_chuan : bool "Đạt chuẩn"
target T "x" { applies to province measure share(school | college where cong_lap, dat_chuan) >= 80% by 2030 })");
  REQUIRE(r.rules);
  CHECK(r.rules->targets[0].type.kind == sema::value_kind::percent);
  auto missing = check_text(std::string(fields) + R"(
unit college "Trường cao đẳng" counted "trường"
target T "x" { applies to province measure share(school | college, dat_chuan) >= 80% by 2030 })");
  CHECK(has_code(missing.diags, "sema.unknown_name"));  // colleges have no dat_chuan
  auto minimum = check_text(std::string(fields) + R"(
unit college "Trường cao đẳng" counted "trường"
field college.phong_stem : count of "phòng" "Phòng"
target T "x" { applies to province measure min(school | college, phong_stem) >= 1 by 2030 })");
  CHECK(has_code(minimum.diags, "sema.aggregate_arguments"));
}

TEST_CASE("sema: a percent target needs percent milestones") {
  auto r = with_fields(R"(target T "x" { applies to province measure ty_le >= 94 by 2030 })");
  CHECK(has_code(r.diags, "sema.percent_literal"));
}

TEST_CASE("sema: money over money compares with a percent") {
  auto r = with_fields(R"(obligation O10 "x" { applies to province every year from 2026 require chi_gd / tong_chi > 20% })");
  CHECK(r.rules);
}

TEST_CASE("sema: milestones out of order and looser ones are errors") {
  auto r = with_fields(R"(target T "x" { applies to province measure ty_le >= 96% by 2035 >= 94% by 2030 })");
  CHECK(has_code(r.diags, "sema.milestone_order"));
  auto r2 = with_fields(R"(target T "x" { applies to province measure ty_le >= 96% by 2030 >= 94% by 2035 })");
  CHECK(has_code(r2.diags, "sema.milestone_looser"));
  auto r3 = with_fields(R"(target T "x" { applies to province measure ty_le < 10% by 2030 < 12% by 2035 })");
  CHECK(has_code(r3.diags, "sema.milestone_looser"));
}

TEST_CASE("sema: a child target may not apply where its parent does not") {
  auto r = with_fields(R"(target A "a" { applies to province measure ty_le >= 1% by 2030 }
target B "b" { applies to province, school parent A measure count(school) >= 1 by 2030 })");
  CHECK(has_code(r.diags, "sema.parent_applies"));
}

TEST_CASE("sema: tasks must name known agencies, tasks and targets") {
  auto r = with_fields(R"(task K1 "t" { lead so_gd after K9 serves T7 deadline by 2026 })");
  CHECK(has_code(r.diags, "sema.unknown_agency"));
  CHECK(has_code(r.diags, "sema.unknown_task"));
  CHECK(has_code(r.diags, "sema.unknown_target"));
}

TEST_CASE("sema: duplicate ids are reported with a note at the first") {
  auto r = with_fields(R"(task K1 "a" { lead so }
task K1 "b" { lead so })");
  REQUIRE(has_code(r.diags, "sema.duplicate_id"));
  bool note = false;
  for (auto const& d : r.diags) note = note || (d.level == severity::note && d.code == "sema.duplicate_id");
  CHECK(note);
}

TEST_CASE("sema: qualitative targets compare levels of their ladder") {
  auto ok = with_fields(R"(target T "x" { applies to province measure nang_luc >= buoc_dau by 2030 })");
  CHECK(ok.rules);
  auto bad = with_fields(R"(target T "x" { applies to province measure nang_luc >= gioi by 2030 })");
  CHECK(has_code(bad.diags, "sema.unknown_level"));
  auto number = with_fields(R"(target T "x" { applies to province measure nang_luc >= 3 by 2030 })");
  CHECK(has_code(number.diags, "sema.milestone_type"));
}

TEST_CASE("sema: indicators expand where they are used and cycles are caught") {
  auto ok = with_fields(R"(indicator ty_le_chi = chi_gd / tong_chi
obligation O "x" { applies to province require ty_le_chi > 20% })");
  REQUIRE(ok.rules);
  CHECK(ok.rules->obligations[0].indicators.size() == 1);
  auto cycle = with_fields(R"(indicator a = b + 1
indicator b = a + 1
target T "x" { applies to province measure a >= 1 by 2030 })");
  CHECK(has_code(cycle.diags, "sema.indicator_cycle"));
}

namespace {
/// `levels` indicators, each the previous one added to itself: d0 = x, d1 = d0 + d0, …
std::string diamond(int levels) {
  std::string text = "indicator d0 = x\n";
  for (int k = 1; k < levels; ++k)
    text += "indicator d" + std::to_string(k) + " = d" + std::to_string(k - 1) + " + d" + std::to_string(k - 1) + "\n";
  return text;
}
constexpr char const* diamond_head = R"(
document d { number "01/KH" }
field province.x : percent "X"
field commune.x : percent "X"
)";
}  // namespace

TEST_CASE("sema: an indicator is typed once per unit kind and its uses share the nodes") {
  // Written out, d15 is 2^15 uses of x and 2^15 - 1 additions; shared, one node per indicator.
  auto ok = check_text(std::string(diamond_head) + diamond(16) +
                       "target T \"x\" { applies to province measure d15 >= 1% by 2030 }\n");
  REQUIRE(ok.rules);
  CHECK(ok.rules->nodes.size() == 16);  // x, then one `+` per level
  CHECK(ok.rules->targets[0].indicators.size() == 16);  // d15 … d0, directly or not
  auto const& root = ok.rules->nodes[static_cast<std::size_t>(ok.rules->targets[0].measure)];
  CHECK(root.op == sema::node_op::add);
  CHECK(root.lhs == root.rhs);

  // In another unit kind the same indicator reads that kind's field: new nodes, with its slot.
  auto two = check_text(std::string(diamond_head) + diamond(3) +
                        "target P \"x\" { applies to province measure d2 >= 1% by 2030 }\n"
                        "target C \"x\" { applies to commune measure d2 >= 1% by 2030 }\n"
                        "target Q \"x\" { applies to province measure d1 >= 1% by 2030 }\n");
  REQUIRE(two.rules);
  CHECK(two.rules->nodes.size() == 6);  // x, d1, d2 in each of the two kinds; Q reuses d1
  auto const& p = two.rules->targets[0];
  auto const& c = two.rules->targets[1];
  CHECK(p.measure != c.measure);
  CHECK(two.rules->nodes[static_cast<std::size_t>(p.measure)].lhs == two.rules->targets[2].measure);
  CHECK(two.rules->targets[2].indicators.size() == 2);  // d1, d0: what d1 reads, given at its second use
}

TEST_CASE("sema: an evaluation that would visit more than 100,000 nodes is refused where it crosses") {
  // d_k visits 2^(k+1) - 1 nodes: d15 65,535, d16 131,071.
  auto fine = check_text(std::string(diamond_head) + diamond(16) +
                         "target T \"x\" { applies to province measure d15 >= 1% by 2030 }\n");
  CHECK_FALSE(has_code(fine.diags, "sema.too_large"));
  auto big = check_text(std::string(diamond_head) + diamond(40) +
                        "target T \"x\" { applies to province measure d39 >= 1% by 2030 }\n");
  CHECK_FALSE(big.rules);
  int reported = 0;
  for (auto const& d : big.diags)
    if (d.code == "sema.too_large") {
      ++reported;
      CHECK(d.span.begin == std::string(diamond_head).size() + diamond(16).size() + std::string("indicator d16 = d15 ").size());
    }
  CHECK(reported == 1);

  // An error inside an indicator is said once, however often the indicator is used.
  auto wrong = check_text(std::string(diamond_head) + "indicator d0 = y\n" + diamond(30).substr(std::string("indicator d0 = x\n").size()) +
                          "target T \"x\" { applies to province measure d29 >= 1% by 2030 }\n");
  CHECK(std::count_if(wrong.diags.begin(), wrong.diags.end(), [](auto const& d) { return d.code == "sema.unknown_name"; }) == 1);
}

TEST_CASE("sema: a unit of more than 12 factors is refused, even through a diamond of products") {
  std::string head = "document d { number \"01/KH\" }\nfield province.m : money \"M\"\n";
  auto twelve = check_text(head + "obligation O \"x\" { applies to province every year from 2026 require "
                                  "m * m * m * m * m * m * m * m * m * m * m * m > 1 }\n");
  CHECK_FALSE(has_code(twelve.diags, "sema.unit_too_complex"));
  auto thirteen = check_text(head + "obligation O \"x\" { applies to province every year from 2026 require "
                                    "m * m * m * m * m * m * m * m * m * m * m * m * m > 1 }\n");
  CHECK(has_code(thirteen.diags, "sema.unit_too_complex"));
  // d_k has 2^k factors of đồng: d4 has 16, the first past 12. Written out, d40's unit would not fit in
  // memory.
  std::string products = "indicator d0 = m\n";
  for (int k = 1; k < 40; ++k)
    products += "indicator d" + std::to_string(k) + " = d" + std::to_string(k - 1) + " * d" + std::to_string(k - 1) + "\n";
  auto diamond = check_text(head + products + "obligation O \"x\" { applies to province every year from 2026 require d39 > 1 }\n");
  CHECK(std::count_if(diamond.diags.begin(), diamond.diags.end(),
                      [](auto const& d) { return d.code == "sema.unit_too_complex"; }) == 1);
}

TEST_CASE("sema: a shared indicator evaluates as if written out") {
  // d11 is x added to itself 2^11 = 2048 times: x = 1%, so 2048%, as an outcome gives it (display units).
  auto s = testing_support::score_text(std::string(diamond_head) + diamond(12) +
                                           "target T \"x\" { applies to province measure d11 >= 1% by 2030 }\n",
                                       R"({"kind": "province", "id": "p", "values": {"2026": {"x": 1}}})", "2026-12-31");
  auto const& t = s.result.units.at(0).targets.at(0);
  REQUIRE(t.milestones.size() == 1);
  CHECK(t.milestones[0].value == doctest::Approx(2048));
}

TEST_CASE("sema: items belong to their block") {
  auto r = with_fields(R"(target T "x" { applies to province lead so measure ty_le >= 1% by 2030 })");
  CHECK(has_code(r.diags, "sema.misplaced_item"));
  auto twice = with_fields(R"(target T "x" { applies to province measure ty_le measure ty_le >= 1% by 2030 })");
  CHECK(has_code(twice.diags, "sema.duplicate_item"));
}

TEST_CASE("sema: a file with targets needs a document") {
  auto r = check_text(R"(target T "x" { applies to province measure count(school) >= 1 by 2030 })");
  CHECK(has_code(r.diags, "sema.no_document"));
}

TEST_CASE("sema: the same field declared twice must agree on its type") {
  auto same = with_fields(R"(field school.dat_chuan : bool "Đạt chuẩn quốc gia")");
  CHECK(same.rules);
  auto conflict = with_fields(R"(field school.dat_chuan : percent "Đạt chuẩn")");
  CHECK(has_code(conflict.diags, "sema.conflicting_field"));
}

TEST_CASE("sema: text fields are never computed on") {
  auto r = with_fields(R"(obligation O "x" { applies to province require ghi_chu = 1 })");
  CHECK(has_code(r.diags, "sema.text_in_expression"));
}

TEST_CASE("sema: deadlines resolve to day ranges with Vietnamese wording") {
  auto r = with_fields(R"(task K "t" { lead so deadline during Q2 2026 }
task K2 "t" { lead so deadline from Q4 2025 to Q1 2026 }
task K3 "t" { lead so deadline by 2026-02-30 })");
  CHECK(has_code(r.diags, "sema.bad_date"));
  auto ok = with_fields(R"(task K "t" { lead so deadline during Q2 2026 })");
  REQUIRE(ok.rules);
  auto const& d = ok.rules->tasks[0].when;
  CHECK(d.text == "Trong quý II/2026");
  CHECK(format_iso_date(d.due) == "2026-06-30");
}

TEST_CASE("sema: huge numbers are errors, not infinities") {
  auto r = with_fields(R"(target T "x" { applies to province measure count(school) >= 1e999 by 2030 })");
  CHECK_FALSE(r.rules);  // the number is an error where it stands
  CHECK(has_code(r.diags, "syntax.number_range"));
}

TEST_CASE("sema: a row that restates another names one that is scored") {
  std::string twins = R"ct(
target T1 "Tỉ lệ (thân văn bản)" { applies to province measure ty_le >= 90% by 2030 }
target T2 "Tỉ lệ (phụ lục)" { applies to province restates T1 measure ty_le >= 90% by 2030 }
)ct";
  auto ok = with_fields(twins);
  REQUIRE(ok.rules);
  CHECK(ok.rules->targets[1].restates == 0);
  CHECK(ok.rules->targets[0].restates == -1);
  auto itself = with_fields(R"(target T1 "t" { applies to province restates T1 measure ty_le >= 90% by 2030 })");
  CHECK(first_error(itself).code == "sema.restates_itself");
  auto chain = with_fields(twins + R"(target T3 "t" { applies to province restates T2 measure ty_le >= 90% by 2030 })");
  CHECK(first_error(chain).code == "sema.restates_chain");
  CHECK(covered(chain, first_error(chain)) == "T2");
  auto typo = with_fields(R"(target T1 "t" { applies to province restates Tx measure ty_le >= 90% by 2030 })");
  CHECK(first_error(typo).code == "sema.unknown_target");
}

TEST_CASE("sema: an expression deeper than the evaluator can walk is refused where it is written") {
  auto chain = [](int terms, std::string const& op) {
    std::string e = "ty_le";
    for (int i = 1; i < terms; ++i) e += " " + op + " ty_le";
    return "target T \"x\" { applies to province measure " + e + " >= 1% by 2030 }";
  };
  // 512 levels are allowed: 511 operators over 512 terms; one more is refused, and a long one once.
  CHECK(with_fields(chain(512, "+")).rules);
  auto deep = with_fields(chain(513, "+"));
  CHECK_FALSE(deep.rules);
  CHECK(std::count_if(deep.diags.begin(), deep.diags.end(),
                      [](auto const& d) { return d.code == "sema.too_deep"; }) == 1);
  auto long_chain = with_fields(chain(20000, "-"));
  CHECK(has_code(long_chain.diags, "sema.too_deep"));
  // Through indicators too: each adds its own levels where it is used.
  std::string nested = "indicator i0 \"i\" = ty_le + ty_le\n";
  for (int k = 1; k < 60; ++k)
    nested += "indicator i" + std::to_string(k) + " \"i\" = i" + std::to_string(k - 1) + " + ty_le\n";
  CHECK(with_fields(nested + "target T \"x\" { applies to province measure i59 >= 1% by 2030 }").rules);
  std::string aliases = "indicator a0 \"a\" = ty_le\n";
  for (int k = 1; k < 5000; ++k)
    aliases += "indicator a" + std::to_string(k) + " \"a\" = a" + std::to_string(k - 1) + "\n";
  auto alias_chain = with_fields(aliases + "target T \"x\" { applies to province measure a4999 >= 1% by 2030 }");
  CHECK(has_code(alias_chain.diags, "sema.too_deep"));  // and the checker's stack held
}
