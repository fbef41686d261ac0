// syntax and sema of `check` declarations: what parses, what is typed, what is rejected.
#include <doctest/doctest.h>

#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {
constexpr char const* fields = R"(
document d { number "01/KH" }
field school.so_truong : count of "trường" "Số trường"
field school.so_truong_dat_chuan : count of "trường" "Số trường đạt chuẩn"
field school.so_phong : count of "phòng" "Số phòng"
field province.ty_le : percent "Tỉ lệ"
)";
ruleset_result with_fields(std::string const& more) { return check_text(std::string(fields) + more); }
}  // namespace

TEST_CASE("sema: a check is typed in every unit kind it applies to") {
  auto r = with_fields(R"(check C1 "Số trường đạt chuẩn không vượt tổng số trường" {
  cite "Phụ lục 01, mục 1"
  applies to school
  require so_truong_dat_chuan <= so_truong
}
check C2 "Tỉ lệ trong khoảng" {
  applies to province
  require ty_le >= 0%
  require ty_le <= 100%
  severity warning
})");
  REQUIRE_MESSAGE(r.rules, codes(r.diags).size());
  auto const& checks = r.rules->data_checks;
  REQUIRE(checks.size() == 2);
  CHECK(r.rules->qualified_id(checks[0]) == "d.C1");
  CHECK(checks[0].title == "Số trường đạt chuẩn không vượt tổng số trường");
  CHECK(checks[0].cite == "Phụ lục 01, mục 1");
  CHECK(checks[0].level == severity::error);  // the default
  REQUIRE(checks[0].applies.size() == 1);
  REQUIRE(checks[0].requirements.size() == 1);
  CHECK(checks[0].requirements[0].roots.size() == 1);
  auto const& root = r.rules->nodes[static_cast<std::size_t>(checks[0].requirements[0].roots[0])];
  CHECK(root.op == sema::node_op::le);
  CHECK(root.type.kind == sema::value_kind::boolean);
  CHECK(checks[1].level == severity::warning);
  CHECK(checks[1].requirements.size() == 2);
}

TEST_CASE("sema: a check's require must be yes/no and its names must exist") {
  SUBCASE("not boolean") {
    auto r = with_fields(R"(check C1 "x" { applies to school  require so_truong })");
    CHECK(codes(r.diags) == std::vector<std::string>{"sema.not_boolean"});
    CHECK(covered(r, r.diags[0]) == "so_truong");
  }
  SUBCASE("units of measure differ") {
    auto r = with_fields(R"(check C1 "x" { applies to school  require so_phong <= so_truong })");
    CHECK(has_code(r.diags, "sema.unit_mismatch"));
  }
  SUBCASE("unknown field in that unit kind") {
    auto r = with_fields(R"(check C1 "x" { applies to province  require so_truong >= 0 })");
    CHECK(has_code(r.diags, "sema.unknown_name"));
  }
  SUBCASE("unknown unit kind") {
    auto r = with_fields(R"(check C1 "x" { applies to xa  require ty_le <= 100% })");
    REQUIRE(has_code(r.diags, "sema.unknown_name"));
    CHECK(covered(r, r.diags[0]) == "xa");
  }
  SUBCASE("due has no meaning in a check") {
    auto r = with_fields(R"(check C1 "x" { applies to school  require so_truong <= due })");
    CHECK(has_code(r.diags, "sema.due_outside_obligation"));
  }
}

TEST_CASE("sema: a check needs 'applies to' and a 'require', and takes only its own items") {
  SUBCASE("missing items") {
    auto r = with_fields(R"(check C1 "x" { require ty_le <= 100% }
check C2 "y" { applies to province })");
    CHECK(codes(r.diags) == std::vector<std::string>{"sema.missing_item", "sema.missing_item"});
    CHECK(covered(r, r.diags[0]) == "C1");
    CHECK(covered(r, r.diags[1]) == "C2");
  }
  SUBCASE("items of other blocks") {
    auto r = with_fields(R"(check C1 "x" { applies to province  require ty_le <= 100%  weight 2  every year })");
    CHECK(codes(r.diags) == std::vector<std::string>{"sema.misplaced_item", "sema.misplaced_item"});
  }
  SUBCASE("severity outside a check, and twice in one") {
    auto r = with_fields(R"(obligation O1 "x" { applies to province  require ty_le <= 100%  severity warning }
check C1 "x" { applies to province  require ty_le <= 100%  severity warning  severity error })");
    CHECK(codes(r.diags) == std::vector<std::string>{"sema.misplaced_item", "sema.duplicate_item"});
  }
}

TEST_CASE("sema: check ids share the document's namespace") {
  auto r = with_fields(R"(target C1 "x" { applies to province  measure ty_le  >= 90% by 2030 }
check C1 "y" { applies to province  require ty_le <= 100% })");
  REQUIRE(codes(r.diags) == std::vector<std::string>{"sema.duplicate_id", "sema.duplicate_id"});
  CHECK(r.diags[0].level == severity::error);
  CHECK(covered(r, r.diags[0]) == "C1");
  CHECK(r.diags[1].level == severity::note);  // first declared here: the target
}

TEST_CASE("syntax: severity is error or warning") {
  auto r = with_fields(R"(check C1 "x" { applies to province  require ty_le <= 100%  severity fatal })");
  REQUIRE(codes(r.diags) == std::vector<std::string>{"syntax.expected"});
  CHECK(r.diags[0].message == "expected 'error' or 'warning', found 'fatal'");
  CHECK(covered(r, r.diags[0]) == "fatal");
}

TEST_CASE("syntax: 'check' starts a declaration, so recovery resumes there") {
  auto r = with_fields(R"(target T1 "x" { applies to province  measure ty_le  >= 90% 2030 }
check C1 "y" { applies to province  require ty_le <= 100%  severity fatal })");
  // Two errors: after the first, parsing resumed at the line starting with 'check'.
  CHECK(codes(r.diags) == std::vector<std::string>{"syntax.expected", "syntax.expected"});
}
