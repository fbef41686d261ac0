// eval layer, loading: the simdjson reader behind load_submission_text and the nlohmann reader behind
// load_submission run one loader, so they must give the same dataset (values bit for bit) and the same
// issues on every submission the project ships or tests, and on the edge cases of JSON itself.
#include <chitieu/eval/dataset.hpp>
#include <chitieu/pipeline.hpp>

#include <doctest/doctest.h>

#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "eval/load_json.hpp"
#include "support/dataset_dump.hpp"
#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;
namespace fs = std::filesystem;

namespace {


/// Both readers of `text`, which must agree; the public entry agrees with them too. Returns the result.
eval::load_result both(std::string const& text, sema::checked_ruleset const& rules, eval::dataset_limits const& limits = {},
                       bool simdjson_reads_it = true) {
  auto slow = eval::detail::load_text_nlohmann(text, rules, limits);
  auto fast = eval::detail::load_text_simdjson(text, rules, limits);
  CHECK(fast.has_value() == simdjson_reads_it);
  std::string expected = dump(slow);
  if (fast) CHECK(dump(*fast) == expected);
  CHECK(dump(eval::load_submission_text(text, rules, limits)) == expected);
  // Taking the text over, which frees it once parsed: the same result, read in place when the text has
  // room for the parser's padding (as the command line reads files) or copied when it has not; when
  // simdjson refuses the text, nlohmann reads it, still whole.
  for (bool padded : {false, true}) {
    std::string owned;
    if (padded) {
      owned.reserve(text.size() + 64);
      owned.resize(text.size() + 64);  // zeroed padding
      owned.resize(text.size());
      std::memcpy(owned.data(), text.data(), text.size());
    } else {
      owned = text;
      owned.shrink_to_fit();
    }
    CHECK(dump(eval::load_submission_text(std::move(owned), rules, limits)) == expected);
    CHECK(owned.empty());  // NOLINT(bugprone-use-after-move): the overload promises to leave it empty
  }
  return slow;
}

struct rule_set {
  std::optional<sema::checked_ruleset> rules;
};

sema::checked_ruleset const& shipped_rules() {
  static rule_set const set{load_rules({(fs::path(CHITIEU_SOURCE_DIR) / "rules").string()}).rules};
  REQUIRE(set.rules);
  return *set.rules;
}

std::vector<fs::path> files_under(fs::path const& dir, std::string const& ending) {
  std::vector<fs::path> out;
  for (auto const& e : fs::recursive_directory_iterator(dir)) {
    auto name = e.path().filename().string();
    if (e.is_regular_file() && name.size() >= ending.size() &&
        name.compare(name.size() - ending.size(), ending.size(), ending) == 0)
      out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

constexpr char const* edge_rules = R"(
document d { number "01/KH" }
field school.dat_chuan : bool "Đạt chuẩn"
field school.phong_stem : count of "phòng" "Phòng STEM"
field province.chi_gd : money "Chi giáo dục"
field province.ty_le : percent "Tỉ lệ"
field province.ngay : date "Ngày báo cáo"
field province.hang : rank "Hạng"
field province.muc : level muc_do "Mức"
field province.ghi_chu : text "Ghi chú"
field province.chi_so : number "Chỉ số"
agency so "Sở GDĐT"
target T "Tỉ lệ" { applies to province measure ty_le >= 50% by 2030 }
task K1 "Một" { lead so deadline by 2026-06-30 }
task K2 "Hai" { lead so deadline by 2027 }
)";

sema::checked_ruleset const& edges() {
  static rule_set const set{check_text(edge_rules).rules};
  REQUIRE(set.rules);
  return *set.rules;
}

std::string province(std::string const& members) { return R"({"kind":"province","id":"p")" + members + "}"; }

/// The value of `field` in the only row of the root.
double root_value(eval::load_result const& r, char const* field) {
  REQUIRE(r.data);
  auto const& rules = edges();
  for (auto const& f : rules.fields)
    if (f.id == field && rules.unit_kinds[static_cast<std::size_t>(f.unit_kind)].id == "province")
      return r.data->values().at(r.data->row_offsets().at(0) + static_cast<std::size_t>(f.slot));
  FAIL("no field " << field);
  return 0;
}

std::vector<std::string> pointers_of(eval::load_result const& r, std::string const& code) {
  std::vector<std::string> out;
  for (auto const& is : r.issues)
    if (is.code == code) out.push_back(is.pointer);
  return out;
}

}  // namespace

TEST_CASE("eval: the two loaders agree on every shipped example and every test submission") {
  int files = 0;
  for (auto const& path : files_under(fs::path(CHITIEU_SOURCE_DIR) / "examples", ".json")) {
    INFO(path.string());
    both(slurp(path.string()), shipped_rules());
    ++files;
  }
  // Golden submissions next to their own rules; the CLI's bad inputs against the shipped rules.
  for (auto const& path : files_under(CHITIEU_GOLDEN_DIR, ".json")) {
    if (path.string().find(".test.json") != std::string::npos || path.filename().string().rfind("scorecard", 0) == 0)
      continue;
    INFO(path.string());
    auto own = path.parent_path() / "rules.ct";
    std::string text = slurp(path.string());
    bool readable = path.filename() != "malformed.json";
    if (fs::exists(own)) {
      auto rules = load_rules({own.string()});
      if (!rules.rules) continue;  // a golden case about broken rules
      both(text, *rules.rules, {}, readable);
    } else {
      both(text, shipped_rules(), {}, readable);
    }
    ++files;
  }
  // Every case of every rule test: its data file, or its inline data as text.
  auto tests = files_under(fs::path(CHITIEU_SOURCE_DIR) / "rules", ".test.json");
  auto golden_tests = files_under(CHITIEU_GOLDEN_DIR, ".test.json");
  tests.insert(tests.end(), golden_tests.begin(), golden_tests.end());
  int cases = 0;
  for (auto const& path : tests) {
    auto spec = nlohmann::json::parse(slurp(path.string()));
    std::vector<std::string> rule_paths;
    for (auto const& r : spec["rules"]) rule_paths.push_back((path.parent_path() / r.get<std::string>()).string());
    auto rules = load_rules(rule_paths);
    if (!rules.rules) continue;
    for (auto const& c : spec["cases"]) {
      if (!c.contains("data")) continue;
      INFO(path.string() << ": " << c.value("name", ""));
      std::string text = c["data"].is_string() ? slurp((path.parent_path() / c["data"].get<std::string>()).string())
                                               : c["data"].dump();
      both(text, *rules.rules);
      ++cases;
    }
  }
  CHECK(files >= 25);   // 21 examples and the golden submissions
  CHECK(cases >= 200);  // the cases of the five plans' tests
}

TEST_CASE("eval: the loaders agree on bad submissions, in both languages") {
  std::vector<std::string> inputs = {
      "{\"kind\": ",
      R"({"kind":"province","id":"p","values":{
      "2026":{"ty_le":"nhiều","chi_gd":1e308,"chi_so":-1,"khong_co":1,"ngay":"2026-13-01","muc":"cao","hang":0},
      "20x6":{},"1899":{},"2027":[]},
      "children":[{"kind":"planet","id":"x"},{"id":"no-kind"},{"kind":"school","id":"p"},{"kind":"school"},7,
                  {"kind":"school","id":"s","name":3,"values":{"2026":{"dat_chuan":1,"phong_stem":-2}},"tasks":{}}]})",
      province(R"(,"values":{"2026":{"chi_gd":1e400}})"),
      province(R"(,"values":[],"tasks":[],"complete":"school","children":{},"documents":"d")"),
      province(R"(,"tasks":{"d":{"K1":{"status":"done","completed":"2026-05-01","progress":50,"note":"xong"},
                 "K2":{"status":"late","completed":"hôm qua","progress":101},"K9":{},"K3":[]},"zz":{},"d2":7})"),
      province(R"(,"documents":["d","nope",1],"complete":["school","planet",3],"first_year":2030,"last_year":2025)"),
      province(R"(,"first_year":1800,"last_year":2025.0,"x~y/z":1,"zeta":2,"alpha":3)"),
      province(R"(,"first_year":"2025","last_year":18446744073709551615)"),
      province(R"(,"values":{"2026":{"ty_le":"n/a","hang":"không áp dụng","ghi_chu":"n/a","chi_so":null,"muc":"hoan_thanh"}})"),
      "[1,2,3]",
      "42",
      "null",
      "",
      "   ",
      "{\"kind\":\"province\",\"id\":\"p\"} trailing",
  };
  for (auto lang : {language::vi, language::en}) {
    eval::dataset_limits limits;
    limits.lang = lang;
    for (auto const& text : inputs) {
      INFO(text);
      bool json = true;
      try {
        nlohmann::json parsed = nlohmann::json::parse(text);
        (void)parsed;
      } catch (nlohmann::json::exception const&) {
        json = false;
      }
      both(text, edges(), limits, json);
    }
  }
  auto deep = both(std::string(100000, '['), edges(), {}, false);
  CHECK(deep.issues.at(0).code == "data.too_deep");
}

TEST_CASE("eval: numbers read the same whichever loader reads them") {
  // -0 is an integer zero for both parsers; -0.0 keeps its sign; integers beyond 2^53 round as a
  // static_cast rounds them; an underflow is zero; the largest uint64 is read as a double.
  auto r = both(province(R"(,"values":{"2026":{"chi_so":-0,"ty_le":-0.0,"chi_gd":9007199254740993,
      "hang":18446744073709551615}})"), edges());
  CHECK(bits(root_value(r, "chi_so")) == bits(0.0));
  CHECK(bits(root_value(r, "ty_le")) == bits(-0.0 / 100));
  CHECK(root_value(r, "chi_gd") == 9007199254740992.0);
  CHECK(root_value(r, "hang") == 18446744073709551616.0);
  auto tiny = both(province(R"(,"values":{"2026":{"chi_so":1e-400,"chi_gd":-9223372036854775808}})"), edges());
  CHECK(bits(root_value(tiny, "chi_so")) == bits(0.0));
  CHECK(pointers_of(tiny, "data.out_of_range") == std::vector<std::string>{"/values/2026/chi_gd"});
  // simdjson refuses integers beyond 64 bits; nlohmann reads them as doubles, and so does the result.
  auto big = both(province(R"(,"values":{"2026":{"chi_so":123456789012345678901234567890}})"), edges(), {}, false);
  CHECK(root_value(big, "chi_so") == 123456789012345678901234567890.0);
  // n/a is its own NaN, kept bit for bit.
  auto na = both(province(R"(,"values":{"2026":{"chi_so":"n/a"}})"), edges());
  CHECK(eval::dataset::is_not_applicable(root_value(na, "chi_so")));
  // Too large for a double: malformed for both, the reason in nlohmann's words.
  auto huge = both(province(R"(,"values":{"2026":{"chi_so":1e400}})"), edges(), {}, false);
  CHECK(huge.issues.at(0).code == "data.malformed_json");
  CHECK_FALSE(huge.data);
}

TEST_CASE("eval: a key written twice is read last and reported where it stands") {
  auto r = both(R"({"kind":"province","id":"p","name":"A","name":"B","values":{"2026":{"chi_so":1,"chi_so":2},
      "2026":{"chi_so":3,"ty_le":40,"chi_so":4}},"tasks":{"d":{"K1":{"status":"in_progress","status":"done"}}}})",
                edges());
  REQUIRE(r.data);
  CHECK(r.data->unit(0).name == "B");
  CHECK(root_value(r, "chi_so") == 4.0);  // the last "2026", and in it the last "chi_so"
  CHECK(root_value(r, "ty_le") == doctest::Approx(0.4));
  CHECK(r.data->row_years().size() == 1);
  CHECK(r.data->tasks().at(0).status == eval::task_status::done);
  CHECK(pointers_of(r, "data.duplicate_key") ==
        std::vector<std::string>{"/name", "/values/2026", "/values/2026/chi_so", "/tasks/d/K1/status"});
  for (auto const& is : r.issues)
    if (is.code == "data.duplicate_key") CHECK(is.level == severity::warning);
  // The same key twice in the root before its id is read: reported without a unit.
  auto twice = both(R"({"kind":"province","id":"p","id":"q"})", edges());
  CHECK(twice.data->unit(0).id == "q");
  REQUIRE(twice.issues.size() == 1);
  CHECK(twice.issues[0].pointer == "/id");
  CHECK(twice.issues[0].unit == "province q");
}

TEST_CASE("eval: issues of a row come in the order of its keys, whatever the order written") {
  auto r = both(province(R"(,"values":{"2026":{"zeta":1,"chi_so":"x","alpha":2,"ty_le":140}})"), edges());
  std::vector<std::string> in_order;
  for (auto const& is : r.issues) in_order.push_back(is.pointer);
  CHECK(in_order == std::vector<std::string>{"/values/2026/alpha", "/values/2026/chi_so", "/values/2026/ty_le",
                                             "/values/2026/zeta"});
}

TEST_CASE("eval: the nesting and unit limits hold exactly for both loaders") {
  eval::dataset_limits limits;
  limits.max_depth = 3;  // JSON may nest 3 × 2 + 8 = 14 levels
  auto nested = [](int depth, bool empty) {
    std::string inner = empty ? "" : "1";
    return province(R"(,"x":)" + std::string(static_cast<std::size_t>(depth - 1), '[') + inner +
                    std::string(static_cast<std::size_t>(depth - 1), ']'));
  };
  for (bool empty : {true, false}) {
    INFO("innermost array empty: " << empty);
    auto at_limit = both(nested(14, empty), edges(), limits, empty);  // simdjson leaves a full 14th level to nlohmann
    CHECK(at_limit.data);
    CHECK(pointers_of(at_limit, "data.unknown_member") == std::vector<std::string>{"/x"});
    auto past = both(nested(15, empty), edges(), limits, false);
    CHECK_FALSE(past.data);
    CHECK(past.issues.at(0).code == "data.too_deep");
    auto under = both(nested(13, empty), edges(), limits, true);
    CHECK(under.data);
  }
  // Units nested past max_depth: the part below is skipped, for both.
  std::string units = R"({"kind":"province","id":"p0")";
  for (int i = 1; i <= 5; ++i) units += R"(,"children":[{"kind":"commune","id":"c)" + std::to_string(i) + "\"";
  for (int i = 1; i <= 5; ++i) units += "}]";
  units += "}";
  limits.max_depth = 4;  // 16 levels of JSON allowed; these units nest 11
  auto cut = both(units, edges(), limits);
  REQUIRE(cut.data);
  CHECK(cut.data->units().size() == 5);  // p0 and c1..c4; c5 is at depth 5
  CHECK(pointers_of(cut, "data.too_deep") ==
        std::vector<std::string>{"/children/0/children/0/children/0/children/0/children/0"});
  eval::dataset_limits few;
  few.max_units = 2;
  auto capped = both(R"({"kind":"province","id":"p","children":[{"kind":"school","id":"a"},{"kind":"school","id":"b"}]})",
                     edges(), few);
  REQUIRE(capped.data);
  CHECK(capped.data->units().size() == 2);
  CHECK(pointers_of(capped, "data.too_many_units") == std::vector<std::string>{"/children/1"});
}

TEST_CASE("eval: strings, escapes and encodings read the same by both loaders") {
  auto r = both(province(R"(,"name":"Tỉnh \"A\"\n\u00e9\ud83d\ude00","a~b/c":1,"\u0041":2)"), edges());
  REQUIRE(r.data);
  CHECK(r.data->unit(0).name == "Tỉnh \"A\"\né\xF0\x9F\x98\x80");
  CHECK(pointers_of(r, "data.unknown_member") == std::vector<std::string>{"/A", "/a~0b~1c"});
  // A byte-order mark is skipped by both; only at the start.
  auto bom = both("\xEF\xBB\xBF" + province(""), edges());
  CHECK(bom.data);
  auto late = both(" \xEF\xBB\xBF" + province(""), edges(), {}, false);
  CHECK(late.issues.at(0).code == "data.malformed_json");
  // Where the text breaks, in characters as an editor counts them: the "}" is the 18th character of
  // its line and the 20th byte ("ỉ" is three bytes).
  eval::dataset_limits en;
  en.lang = language::en;
  auto broken = both("[1,\n" R"({"name": "Tỉnh", })", edges(), en, false);
  CHECK(broken.issues.at(0).message ==
        "invalid JSON at line 2, column 18 (byte 24): syntax error while parsing object key - unexpected '}'; "
        "expected string literal");
  // Invalid UTF-8 and lone surrogates are malformed for both.
  for (std::string bad : {province(R"(,"name":")" + std::string("\xff") + "\""), province(R"(,"name":"\udc00")"),
                          province(R"(,"name":"\ud800")")}) {
    auto m = both(bad, edges(), {}, false);
    CHECK(m.issues.at(0).code == "data.malformed_json");
  }
}
