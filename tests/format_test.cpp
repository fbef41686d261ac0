// syntax layer: the canonical layout (`chitieu fmt`). Golden cases in golden/fmt/*.ct with the expected
// layout beside them (*.ct.fmt); idempotence and unchanged meaning on every shipped rule file.
#include <chitieu/report/inventory.hpp>
#include <chitieu/syntax/format.hpp>
#include <chitieu/syntax/keywords.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <nlohmann/json.hpp>

#include "support/rules.hpp"

namespace fs = std::filesystem;
using namespace chitieu;
using chitieu::testing_support::slurp;

namespace {

std::string formatted(std::string text) {
  auto r = syntax::format(source_file("t.ct", std::move(text)));
  REQUIRE_MESSAGE(r.text, (r.diags.empty() ? std::string() : r.diags[0].code + ": " + r.diags[0].message));
  return *r.text;
}

std::vector<fs::path> shipped_rule_files() {
  std::vector<fs::path> out;
  for (auto const& e : fs::recursive_directory_iterator(fs::path(CHITIEU_SOURCE_DIR) / "rules"))
    if (e.path().extension() == ".ct") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

/// The inventory of a rule set without source positions, which a layout may move.
nlohmann::json meaning(std::vector<source_file> sources) {
  auto loaded = check_sources(std::move(sources));
  REQUIRE(loaded.rules);
  auto j = report::inventory_json(*loaded.rules, loaded.sources);
  std::function<void(nlohmann::json&)> strip = [&](nlohmann::json& v) {
    if (v.is_object()) {
      v.erase("where");
      for (auto& [k, x] : v.items()) strip(x);
    } else if (v.is_array()) {
      for (auto& x : v) strip(x);
    }
  };
  strip(j);
  return j;
}

/// The text with every line break gone but those that end a comment: all on as few lines as it can be.
std::string squashed(std::string const& text) {
  std::string out;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto line = text.substr(start, end - start);
    start = end + 1;
    line.erase(0, line.find_first_not_of(' '));
    bool in_string = false, comment = false;
    for (std::size_t i = 0; i < line.size() && !comment; ++i) {
      if (in_string && line[i] == '\\') ++i;
      else if (line[i] == '"') in_string = !in_string;
      else if (!in_string && line.compare(i, 2, "//") == 0) comment = true;
    }
    if (line.rfind("//", 0) == 0) out += "\n" + line + "\n";
    else out += line + (comment ? "\n" : " ");
  }
  return out;
}

std::string without_blank_lines(std::string const& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!(text[i] == '\n' && (i == 0 || text[i - 1] == '\n'))) out += text[i];
  return out;
}

std::size_t count_of(std::string const& text, std::string const& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("fmt: golden layouts") {
  for (auto const& e : fs::directory_iterator(fs::path(CHITIEU_GOLDEN_DIR) / "fmt")) {
    if (e.path().extension() != ".ct") continue;
    INFO("golden file: " << e.path().filename().string());
    auto input = slurp(e.path().string());
    auto actual = formatted(input);
    auto expected_path = fs::path(e.path()).concat(".fmt");
    if (std::getenv("CHITIEU_UPDATE_GOLDEN")) std::ofstream(expected_path, std::ios::binary) << actual;
    CHECK(actual == slurp(expected_path.string()));
    CHECK(formatted(actual) == actual);
    CHECK(count_of(actual, "//") == count_of(input, "//"));  // every comment kept
  }
}

TEST_CASE("fmt: blocks open on their declaration's line, one item per line, two spaces deep") {
  CHECK(formatted("target T1 \"t\"\n{ cite \"c\" applies to province measure x >= 5 by 2030 >= 6 by 2035 }") ==
        "target T1 \"t\" {\n  cite \"c\"\n  applies to province\n  measure x\n  >= 5 by 2030\n  >= 6 by 2035\n}\n");
  // In an obligation or a check the comparison belongs to the `require`.
  CHECK(formatted("obligation O \"o\" { every year require x >= 5 }") ==
        "obligation O \"o\" {\n  every year\n  require x >= 5\n}\n");
  CHECK(formatted("document d {\n}") == "document d {}\n");
  CHECK(formatted("document d { number \"1\" date 2025-11-05 title \"T\" }") ==
        "document d {\n  number \"1\"\n  date 2025-11-05\n  title \"T\"\n}\n");
  // A ladder's levels stay on one line.
  CHECK(formatted("ladder m \"M\" { a \"A\" < b \"B\" }") == "ladder m \"M\" {\n  a \"A\" < b \"B\"\n}\n");
}

TEST_CASE("fmt: spaces around operators, none inside parentheses or before commas") {
  CHECK(formatted("indicator i=sum( school,x )/count(school)*-1+( a-b )\n") ==
        "indicator i = sum(school, x) / count(school) * -1 + (a - b)\n");
  CHECK(formatted("field school.x:count of \"p\" \"X\"\n") == "field school.x : count of \"p\" \"X\"\n");
  // Lexemes stay whole: dates, day/month, month/year, percents, exponents, qualified names.
  CHECK(formatted("task K \"k\" { deadline from 12/2025 to 2026-03-31 serves bn.T1 }\n") ==
        "task K \"k\" {\n  deadline from 12/2025 to 2026-03-31\n  serves bn.T1\n}\n");
  CHECK(formatted("indicator i = not(a) and x>=1e6 or y<=-2.5%\n") ==
        "indicator i = not (a) and x >= 1e6 or y <= -2.5%\n");
}

TEST_CASE("fmt: a keyword used as a name in an expression does not start an item or a declaration") {
  // `lead` after an operator is a field here; `check` after `*` is a name, not a declaration.
  CHECK(formatted("check C \"c\" { applies to school require x > lead }\n") ==
        "check C \"c\" {\n  applies to school\n  require x > lead\n}\n");
  CHECK(formatted("indicator i = a * check\n") == "indicator i = a * check\n");
}

TEST_CASE("fmt: blank lines: at most one, none at the ends of a block or the file, one before a block") {
  CHECK(formatted("\n\nunit a \"A\"\n\n\n\nunit b \"B\"\n\n") == "unit a \"A\"\n\nunit b \"B\"\n");
  CHECK(formatted("unit a \"A\"\n// about T\ntarget T \"t\" {\n\n  cite \"c\"\n\n}\n") ==
        "unit a \"A\"\n\n// about T\ntarget T \"t\" {\n  cite \"c\"\n}\n");
}

TEST_CASE("fmt: a brace after a comment stays on the next line, not indented") {
  CHECK(formatted("target T \"t\"  // why\n{ cite \"c\" }\n") ==
        "target T \"t\"  // why\n{\n  cite \"c\"\n}\n");
}

TEST_CASE("fmt: continuation lines are indented four more") {
  CHECK(formatted("check C \"c\" {\nrequire a and\nb\nrequire c\n+ d > 0\n}\n") ==
        "check C \"c\" {\n  require a and\n      b\n  require c\n      + d > 0\n}\n");
}

TEST_CASE("fmt: trailing comments keep their distance from the code, at least two spaces") {
  CHECK(formatted("unit a \"A\"     // five\nunit b \"B\"// none\n") ==
        "unit a \"A\"     // five\nunit b \"B\"  // none\n");
  CHECK(formatted("unit a \"A\"   \r\n// crlf   \r\n") == "unit a \"A\"\n// crlf\n");
}

TEST_CASE("fmt: what cannot be laid out is an error, and the text is left alone") {
  auto unclosed = syntax::format(source_file("t.ct", "target T \"t\" {\n  cite \"c\"\n"));
  CHECK_FALSE(unclosed.text);
  REQUIRE(unclosed.diags.size() == 1);
  CHECK(unclosed.diags[0].code == "fmt.unbalanced");
  CHECK(unclosed.diags[0].span.begin == 13);
  auto stray = syntax::format(source_file("t.ct", "unit a \"A\" )"));
  CHECK_FALSE(stray.text);
  CHECK(stray.diags.at(0).code == "fmt.unbalanced");
  auto string = syntax::format(source_file("t.ct", "unit a \"A\n"));
  CHECK_FALSE(string.text);
  CHECK(string.diags.at(0).code == "fmt.unterminated_string");
}

TEST_CASE("fmt: a closing brace or parenthesis that opens the file closes nothing") {
  // Found by fuzzing (fuzz/rules.cpp): a `}` as the file's first token read the token before it, which
  // does not exist.
  for (std::string text : {"}\n", "}", ")\n", "\xEF\xBB\xBF}\n", "// c\n}\n", "}{\n"}) {
    CAPTURE(text);
    auto r = syntax::format(source_file("t.ct", text));
    CHECK_FALSE(r.text);
    REQUIRE_FALSE(r.diags.empty());
    CHECK(r.diags[0].code == "fmt.unbalanced");
  }
}

TEST_CASE("fmt: syntax the layout does not know is kept as written") {
  // Punctuation the language does not have (yet): the author's spacing stays, tokens are untouched.
  CHECK(formatted("indicator i = x@2025 + y @ 2024\n") == "indicator i = x@2025 + y @ 2024\n");
}

TEST_CASE("fmt: every shipped rule file: idempotent, canonical, same tokens, same meaning") {
  std::vector<source_file> original, laid_out, scrambled_out;
  for (auto const& path : shipped_rule_files()) {
    INFO("rule file: " << path.string());
    auto text = slurp(path.string());
    auto once = formatted(text);
    CHECK(formatted(once) == once);
    CHECK(count_of(once, "//") == count_of(text, "//"));
    // Indentation, trailing spaces and longer runs of blank lines do not matter.
    std::string scrambled;
    std::size_t n = 0;
    for (std::size_t start = 0; start < text.size();) {
      auto end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      auto line = text.substr(start, end - start);
      line.erase(0, line.find_first_not_of(' '));
      scrambled += std::string(n++ % 5, ' ') + line + (line.empty() ? "\n\n\n" : "  \n");
      start = end + 1;
    }
    CHECK(formatted(scrambled) == once);
    // The layout comes from the tokens: with its line breaks gone (but those ending comments), a file
    // comes back the same, blank lines aside.
    CHECK(count_of(squashed(text), "\n") < count_of(text, "\n"));
    CHECK(without_blank_lines(formatted(squashed(text))) == without_blank_lines(once));
    original.emplace_back(path.filename().string(), text);
    laid_out.emplace_back(path.filename().string(), once);
  }
  REQUIRE(original.size() >= 10);
  CHECK(meaning(laid_out) == meaning(original));
}

TEST_CASE("keywords: the list equals the grammar's keywords") {
  auto grammar = slurp((fs::path(CHITIEU_SOURCE_DIR) / "src" / "syntax" / "grammar_def.hpp").string());
  std::set<std::string> in_grammar, in_list;
  std::regex kw(R"re(kw\("([A-Za-z_]+)"\))re");
  for (std::sregex_iterator it(grammar.begin(), grammar.end(), kw), end; it != end; ++it)
    in_grammar.insert((*it)[1].str());
  for (auto const& k : syntax::keywords) in_list.insert(std::string(k.word));
  REQUIRE(in_grammar.size() > 50);
  CHECK(in_grammar == in_list);
  CHECK(syntax::find_keyword("target")->role == syntax::keyword_role::declaration);
  CHECK(syntax::find_keyword("T1") == nullptr);
}

TEST_CASE("fmt: a byte order mark stays at the start, outside the layout") {
  source_file src("bom.ct", "\xEF\xBB\xBFunit   school \"Trường\"   counted \"trường\"\n");
  auto r = syntax::format(src);
  REQUIRE(r.text);
  CHECK(*r.text == "\xEF\xBB\xBFunit school \"Trường\" counted \"trường\"\n");
  source_file broken("bom.ct", "\xEF\xBB\xBFunit school (\n");
  auto b = syntax::format(broken);
  REQUIRE_FALSE(b.diags.empty());
  CHECK(b.diags[0].span.begin == 15);  // the '(' in the file, mark included
}
