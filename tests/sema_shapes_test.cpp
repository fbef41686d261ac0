// sema layer: typing prev, has and the scalar min/max, with their diagnostic codes.
#include <doctest/doctest.h>

#include <algorithm>

#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {
constexpr char const* fields = R"(
document d { number "03/KH" }
field school.vao_lop6 : count of "học sinh" "Tuyển mới lớp 6"
field school.ht_lop5 : count of "học sinh" "Hoàn thành lớp 5"
field school.nam_thanh_lap : year "Năm thành lập"
field school.dat_chuan : bool "Đạt chuẩn"
field school.phong_stem : count of "phòng" "Phòng STEM"
field province.ho_ngheo : count of "hộ" "Hộ nghèo"
field province.ty_le : percent "Tỉ lệ"
field province.ngay_bao_cao : date "Ngày báo cáo"
)";
ruleset_result with_fields(std::string const& more) { return check_text(std::string(fields) + more); }
sema::expr_node const& root(ruleset_result const& r) {
  auto const& t = r.rules->targets.at(0);
  return r.rules->nodes.at(static_cast<std::size_t>(t.measure));
}
}  // namespace

TEST_CASE("sema: prev is typed like its operand, and a transition rate is a plain ratio") {
  auto r = with_fields(R"(target T "Chuyển cấp" { applies to province
    measure sum(school, vao_lop6) / prev(sum(school, ht_lop5)) >= 95% by 2030 })");
  REQUIRE(r.rules);
  CHECK(r.rules->targets[0].type.ratio);
  auto p = with_fields(R"(target T "Hộ nghèo 2 năm trước" { applies to province measure prev(ho_ngheo, 2) <= 100 by 2030 })");
  REQUIRE(p.rules);
  CHECK(root(p).op == sema::node_op::prev);
  CHECK(root(p).back == 2);
  CHECK(root(p).type.kind == sema::value_kind::count);
  CHECK(root(p).type.unit == "hộ");
  // Year-on-year change keeps the unit: hộ − hộ.
  auto c = with_fields(R"(target T "Giảm" { applies to province measure prev(ho_ngheo) - ho_ngheo >= 10 by 2030 })");
  REQUIRE(c.rules);
  CHECK(c.rules->targets[0].type.unit == "hộ");
}

TEST_CASE("sema: prev needs a whole number of years and something that changes") {
  CHECK(first_error(with_fields(R"(target T "x" { applies to province measure prev(ho_ngheo, 0) >= 1 by 2030 })")).code ==
        "sema.prev_years");
  CHECK(first_error(with_fields(R"(target T "x" { applies to province measure prev(ho_ngheo, 1.5) >= 1 by 2030 })")).code ==
        "sema.prev_years");
  CHECK(first_error(with_fields(R"(target T "x" { applies to province measure prev(ho_ngheo, ho_ngheo) >= 1 by 2030 })")).code ==
        "sema.prev_years");
  CHECK(first_error(with_fields(R"(target T "x" { applies to province measure prev(5) >= 1 by 2030 })")).code ==
        "sema.function_arguments");
  CHECK(first_error(with_fields(R"(target T "x" { applies to province measure prev(ho_ngheo, 1, 2) >= 1 by 2030 })")).code ==
        "sema.function_arguments");
}

TEST_CASE("sema: has is a yes/no of one field") {
  auto r = with_fields(R"(target T "x" { applies to province
    measure share(school where has(nam_thanh_lap), dat_chuan) >= 80% by 2030 })");
  REQUIRE(r.rules);
  auto e = with_fields(R"(target T "x" { applies to province
    measure share(school where has(vao_lop6 + ht_lop5), dat_chuan) >= 80% by 2030 })");
  auto const& d = first_error(e);
  CHECK(d.code == "sema.has_field");
  CHECK(covered(e, d) == "vao_lop6 + ht_lop5");
}

TEST_CASE("sema: min and max of two values need one type; with a unit kind first they aggregate") {
  auto r = with_fields(R"(target T "x" { applies to province measure max(ho_ngheo - 10, 0) <= 100 by 2030 })");
  REQUIRE(r.rules);
  CHECK(root(r).op == sema::node_op::max_of);
  CHECK(root(r).type.unit == "hộ");
  auto n = with_fields(R"(target T "x" { applies to school measure min(vao_lop6, ht_lop5) >= 1 by 2030 })");
  REQUIRE(n.rules);
  CHECK(root(n).op == sema::node_op::min_of);
  auto a = with_fields(R"(target T "x" { applies to province measure min(school, vao_lop6) >= 1 by 2030 })");
  REQUIRE(a.rules);
  CHECK(root(a).op == sema::node_op::agg_min);
  CHECK(first_error(with_fields(R"(target T "x" { applies to school measure min(vao_lop6, phong_stem) >= 1 by 2030 })"))
            .code == "sema.unit_mismatch");
  CHECK(first_error(with_fields(R"(obligation O "x" { applies to school require min(dat_chuan, true) })")).code ==
        "sema.type_mismatch");
  CHECK(first_error(with_fields(R"(target T "x" { applies to school measure min(vao_lop6 + 1) >= 1 by 2030 })")).code ==
        "sema.function_arguments");
  // A name that is neither a unit kind nor a value: one message for both readings.
  auto u = with_fields(R"(target T "x" { applies to province measure min(schol, vao_lop6) >= 1 by 2030 })");
  auto const& d = first_error(u);
  CHECK(d.code == "sema.unknown_name");
  CHECK(covered(u, d) == "schol");
  CHECK(d.message == "unknown name 'schol': not a unit kind, nor a field of province or an indicator of this document");
}

TEST_CASE("sema: units cancel as on paper") {
  constexpr char const* more = R"(
field province.dan_so : count of "người" "Dân số"
field province.gv_per_truong : number of "giáo viên/trường" "Giáo viên bình quân mỗi trường"
field province.so_truong : count of "trường" "Số trường"
)";
  // A population-weighted mean of percents: % scales người, người/người is a plain ratio.
  auto r = with_fields(std::string(more) + R"(target T "x" { applies to province
    measure sum(province, ty_le * dan_so) / sum(province, dan_so) >= 90% by 2030 })");
  REQUIRE(r.rules);
  CHECK(r.rules->targets[0].type.ratio);
  CHECK(r.rules->targets[0].type.unit.empty());
  // giáo viên/trường × trường = giáo viên.
  auto g = with_fields(std::string(more) + R"(target T "x" { applies to province
    measure gv_per_truong * so_truong >= 1 by 2030 })");
  REQUIRE(g.rules);
  CHECK(g.rules->targets[0].type.unit == "giáo viên");
  // học sinh/trường ÷ học sinh/trường: nothing left, a plain ratio.
  auto q = with_fields(std::string(more) + R"(target T "x" { applies to province
    measure (sum(school, vao_lop6) / count(school)) / (sum(school, ht_lop5) / count(school)) >= 90% by 2030 })");
  REQUIRE(q.rules);
  CHECK(q.rules->targets[0].type.ratio);
  // What does not cancel stays: phòng·người/trường.
  auto k = with_fields(std::string(more) + R"(target T "x" { applies to province
    measure sum(school, phong_stem) * dan_so / count(school) >= 1 by 2030 })");
  REQUIRE(k.rules);
  CHECK(k.rules->targets[0].type.unit == "phòng·người/trường");
}

TEST_CASE("sema: a rate per N is shown per N") {
  constexpr char const* more = R"(
field province.so_sv : count of "sinh viên" "Số sinh viên"
field province.dan_so : count of "người" "Dân số"
)";
  auto r = with_fields(std::string(more) + R"(target T "Sinh viên/vạn dân" { applies to province
    measure so_sv / dan_so per 10000 >= 260 by 2030 })");
  REQUIRE(r.rules);
  CHECK(r.rules->targets[0].type.unit == "sinh viên/10.000 người");
  CHECK(root(r).op == sema::node_op::mul);
  auto const& scale = r.rules->nodes.at(static_cast<std::size_t>(root(r).rhs));
  CHECK(scale.number == 10000);
  auto s = with_fields(std::string(more) + R"(target T "x" { applies to province measure so_sv / dan_so per 0.5 >= 1 by 2030 })");
  CHECK(first_error(s).code == "sema.per_scale");
  auto n = with_fields(std::string(more) + R"(target T "x" { applies to province measure so_sv per 1000 >= 1 by 2030 })");
  auto const& d = first_error(n);
  CHECK(d.code == "sema.per_needs_rate");
  CHECK(d.message.find("count (sinh viên)") != std::string::npos);
}

TEST_CASE("sema: an indicator records the fields its calls read, for the dependency graph") {
  auto r = with_fields(R"(indicator chuyen_cap = min(vao_lop6, prev(ht_lop5))
indicator co_nam = has(nam_thanh_lap)
target T "x" { applies to school measure chuyen_cap >= 1 by 2030 }
target U "y" { applies to province measure share(school where co_nam, dat_chuan) >= 1% by 2030 })");
  REQUIRE(r.rules);
  auto fields_of = [&](std::string const& id) {
    std::vector<std::string> out;
    for (auto const& ind : r.rules->indicators)
      if (ind.id == id)
        for (int f : ind.fields) out.push_back(r.rules->fields[static_cast<std::size_t>(f)].id);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(fields_of("chuyen_cap") == std::vector<std::string>{"ht_lop5", "vao_lop6"});
  CHECK(fields_of("co_nam") == std::vector<std::string>{"nam_thanh_lap"});
}
