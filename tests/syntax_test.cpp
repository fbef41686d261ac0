// syntax layer: the grammar's shapes, spans, error codes and recovery.
#include <chitieu/syntax/parse.hpp>

#include <doctest/doctest.h>

#include "support/parse.hpp"

using namespace chitieu;
namespace ast = chitieu::syntax::ast;

namespace {
using testing_support::parse_text;
std::string span_text(source_file const& src, source_span s) {
  return std::string(src.text().substr(s.begin, s.end - s.begin));
}
}  // namespace

TEST_CASE("syntax: a target block parses into items with spans") {
  source_file src("t.ct", R"(target T1 "Trường đạt chuẩn" {
  cite "Phụ lục 01, mục 1"
  applies to province, commune
  measure share(school where cong_lap, dat_chuan)
  >= 94% by 2030
  between 3 and 4 by 2035
  approx 610000 within 5% by 2045
})");
  auto r = syntax::parse(src);
  REQUIRE(r.ast);
  REQUIRE(r.ast->declarations.size() == 1);
  auto const& b = boost::get<ast::block_decl>(r.ast->declarations[0].get());
  CHECK(b.kind == ast::block_kind::target);
  CHECK(b.id.text == "T1");
  CHECK(b.title.value == "Trường đạt chuẩn");
  REQUIRE(b.items.size() == 6);
  auto const& m = boost::get<ast::milestone>(b.items[3].get());
  CHECK(m.op == ast::milestone_op::ge);
  CHECK(m.year == 2030);
  CHECK(span_text(src, m.span) == ">= 94% by 2030");
  auto const& n = boost::get<ast::number_lit>(m.value.get());
  CHECK(n.value == 94);
  CHECK(n.percent);
  auto const& between = boost::get<ast::milestone>(b.items[4].get());
  CHECK(between.op == ast::milestone_op::between);
  REQUIRE(between.second);
  auto const& measure = boost::get<ast::expr_item>(b.items[2].get());
  CHECK(span_text(src, measure.value.span) == "share(school where cong_lap, dat_chuan)");
}

TEST_CASE("syntax: a comparison after a measure is a milestone, not part of the measure") {
  auto r = parse_text("target T \"x\" {\n measure avg(school, a)\n >= 10% by 2025\n}");
  REQUIRE(r.ast);
  auto const& b = boost::get<ast::block_decl>(r.ast->declarations[0].get());
  REQUIRE(b.items.size() == 2);
  CHECK(boost::get<ast::milestone>(&b.items[1].get()) != nullptr);
}

TEST_CASE("syntax: names starting with nan or inf are names") {
  auto r = parse_text("indicator x = nang_luc + inflation");
  CHECK(r.ast);
}

TEST_CASE("syntax: keywords do not match inside longer identifiers") {
  auto r = parse_text("indicator x = bypass + order + notes");
  CHECK(r.ast);
}

TEST_CASE("syntax: deadlines of every form") {
  auto r = parse_text(R"(task K "t" { deadline ongoing }
task K2 "t" { deadline by 2025-12-10 }
task K3 "t" { deadline during Q2 2026 }
task K4 "t" { deadline from Q4 2025 to Q1 2026 }
task K5 "t" { deadline by 12/2026 }
task K6 "t" { deadline every year by 25/11 }
task K7 "t" { deadline from 2026 })");
  REQUIRE(r.ast);
  CHECK(r.ast->declarations.size() == 7);
}

TEST_CASE("syntax: a missing keyword is syntax.expected at the token found") {
  source_file src("t.ct", "target T1 \"x\" {\n  >= 5% in 2030\n}\n");
  auto r = syntax::parse(src);
  CHECK_FALSE(r.ast);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "syntax.expected");
  CHECK(span_text(src, r.diags[0].span) == "in");
  auto loc = src.location_of(r.diags[0].span.begin);
  CHECK(loc.line == 2);
  CHECK(loc.column == 9);
}

TEST_CASE("syntax: after an error, parsing resumes at the next declaration") {
  auto r = parse_text("target A \"x\" { >= by 2030 }\nfield school.x : bool \"ok\"\ntarget B \"y\" { cite }\n");
  CHECK_FALSE(r.ast);
  CHECK(r.diags.size() == 2);
}

TEST_CASE("syntax: stray text is syntax.expected_declaration") {
  auto r = parse_text("hello world\n");
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].code == "syntax.expected_declaration");
}

TEST_CASE("syntax: a long word where something else was expected is echoed whole letters, valid UTF-8") {
  // 39 ASCII letters then "ư" (2 bytes): the 40-byte cap of the echoed word falls inside the letter.
  std::string word = std::string(39, 's') + "\xC6\xB0" + "ng";
  auto r = parse_text("target T \"t\" { applies to province measure x >= 1 " + word + " by 2030 }\n");
  REQUIRE_FALSE(r.diags.empty());
  CHECK(r.diags[0].code == "syntax.expected");
  CHECK(find_invalid_utf8(r.diags[0].message) == std::string::npos);
  CHECK(r.diags[0].message.find(std::string(39, 's') + "\xC6\xB0'") != std::string::npos);
  CHECK(r.diags[0].span.end - r.diags[0].span.begin == 41);
}

TEST_CASE("syntax: hostile input gives an error, not a crash") {
  SUBCASE("invalid UTF-8") {
    auto r = parse_text(std::string("target T \"\xC3\x28\" {}"));
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].code == "syntax.invalid_utf8");
  }
  SUBCASE("deep nesting") {
    auto r = parse_text("indicator x = " + std::string(100000, '(') + "1" + std::string(100000, ')'));
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].code == "syntax.too_deep");
  }
  SUBCASE("long chains of prefix operators do not recurse") {
    std::string chain;
    for (int i = 0; i < 100000; ++i) chain += "not ";
    auto r = parse_text("obligation O \"x\" { require " + chain + "true }");
    CHECK(r.ast);
  }
  SUBCASE("unterminated string") {
    auto r = parse_text("unit school \"Trường");
    CHECK_FALSE(r.ast);
    CHECK(r.diags.size() == 1);
  }
  SUBCASE("empty file") {
    auto r = parse_text("");
    REQUIRE(r.ast);
    CHECK(r.ast->declarations.empty());
  }
  SUBCASE("NUL bytes") {
    auto r = parse_text(std::string("unit a \"b\"\0\0", 12));
    CHECK_FALSE(r.ast);
  }
}

TEST_CASE("syntax: a byte order mark at the start is read past, and positions count it") {
  source_file with_bom("bom.ct", "\xEF\xBB\xBFunit school \"Trường\" counted \"trường\"\nunit 5\n");
  auto r = syntax::parse(with_bom);
  REQUIRE(r.diags.size() == 1);  // the second line only: the first parses as it would without the mark
  CHECK(r.diags[0].code == "syntax.expected");
  auto at = with_bom.text().find("unit 5") + 5;
  CHECK(r.diags[0].span.begin == at);
  // A mark anywhere else is a character like any other, and not one a declaration starts with.
  source_file inside("mid.ct", "unit school \"Trường\" counted \"trường\"\n\xEF\xBB\xBFunit x \"X\" counted \"x\"\n");
  CHECK_FALSE(syntax::parse(inside).diags.empty());
}

TEST_CASE("syntax: a number out of a double's range is an error at the number, and parsing goes on") {
  source_file src("n.ct", "target T1 \"T\" { applies to province measure x >= 1e400 by 2030 }\n"
                          "target T2 \"U\" { applies to province measure x >= 2.5e-3 by 2030 }\nunit 5\n");
  auto r = syntax::parse(src);
  REQUIRE(r.diags.size() == 2);
  CHECK(r.diags[0].code == "syntax.number_range");
  CHECK(span_text(src, r.diags[0].span) == "1e400");
  CHECK(r.diags[1].code == "syntax.expected");  // the last line: the first two declarations were read
  auto fine = syntax::parse(source_file("m.ct", "target T2 \"U\" { applies to province measure x >= -2.5e-3 by 2030 }\n"));
  CHECK(fine.diags.empty());
}
