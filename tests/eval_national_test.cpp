// A national plan above the provinces: the document's level, the agencies that monitor its targets,
// the plan it replaces, rows and tasks that restate others, and an aggregate over two unit kinds.
// Every number is worked by hand beside it.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>

#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {

constexpr char const* kinds_ct = R"ct(
unit nation "Toàn quốc" counted "quốc gia"
unit province "Tỉnh" counted "tỉnh"
unit vocational_school "Trường trung cấp" counted "trường"
unit college "Trường cao đẳng" counted "trường"
agency bo_gddt "Bộ Giáo dục và Đào tạo" level national
agency bo_ldtbxh "Bộ Lao động - Thương binh và Xã hội" level national
agency bo_tc "Bộ Tài chính" level national
field province.ty_le_phcap : percent "Tỉ lệ phổ cập"
field province.dan_so : count of "người" "Dân số"
field vocational_school.dat_chuan : bool "Đạt chuẩn"
field college.dat_chuan : bool "Đạt chuẩn"
)ct";

// The earlier programme, replaced from 10/01/2026.
constexpr char const* old_ct = R"ct(
document cu {
  number "02/CTr-CP"
  level national
  date 2024-01-02
}
target X "Có tỉnh báo cáo" {
  applies to nation
  measure count(province)
  >= 1 by 2026
}
)ct";

constexpr char const* national_ct = R"ct(
document qg {
  number "01/CTr-CP"
  level national
  issuer "Chính phủ"
  date 2026-01-10
  replaces "02/CTr-CP"
  monitor bo_gddt
}
target PC "Tỉ lệ phổ cập cả nước, bình quân theo dân số" {
  applies to nation
  measure sum(province, ty_le_phcap * dan_so) / sum(province, dan_so)
  >= 90% by 2026
}
target NN "Cơ sở giáo dục nghề nghiệp đạt chuẩn" {
  applies to nation
  measure share(vocational_school | college, dat_chuan)
  >= 80% by 2026
  monitor bo_ldtbxh
}
target NN2 "Cơ sở giáo dục nghề nghiệp đạt chuẩn (Phụ lục)" {
  applies to nation
  measure share(vocational_school | college, dat_chuan)
  >= 80% by 2026
  restates NN
}
obligation BC "Báo cáo dân số hằng năm" {
  applies to province
  every year from 2026
  require dan_so > 0
}
target BC2 "Tỉnh nào cũng báo cáo dân số (Phụ lục)" {
  applies to province
  measure dan_so
  > 0 by 2026
  restates BC
}
task K1 "Hướng dẫn phổ cập" {
  lead bo_tc
  deadline by 2026-06-30
  serves PC
}
task K2 "Hướng dẫn phổ cập (Phụ lục)" {
  lead bo_tc
  deadline by 2026-06-30
  restates K1
}
task K3 "Các tỉnh báo cáo dân số" {
  lead bo_tc
  deadline every year by 31/12
  restates BC
}
)ct";

// Two provinces: (95% × 1,000,000 + 78% × 500,000) / 1,500,000 = 134 / 1.5 = 89.33% < 90%.
// Two colleges under p1, one meeting the standard; no vocational school listed anywhere.
constexpr char const* nation_json = R"({"kind":"nation","id":"vn","children":[
  {"kind":"province","id":"p1","values":{"2026":{"ty_le_phcap":95,"dan_so":1000000}},"children":[
    {"kind":"college","id":"c1","values":{"2026":{"dat_chuan":true}}},
    {"kind":"college","id":"c2","values":{"2026":{"dat_chuan":false}}}]},
  {"kind":"province","id":"p2","values":{"2026":{"ty_le_phcap":78,"dan_so":500000}}}],
  "tasks":{"qg":{"K1":{"status":"done","completed":"2026-06-01"}}}})";

ruleset_result national_rules(std::string const& national = national_ct) {
  std::vector<source_file> sources;
  sources.emplace_back("kinds.ct", kinds_ct);
  sources.emplace_back("cu.ct", old_ct);
  sources.emplace_back("qg.ct", national);
  load_options english;  // the tests below assert English wording
  english.lang = language::en;
  return check_sources(std::move(sources), english);
}

struct run {
  ruleset_result rules = national_rules();
  std::optional<eval::plan> plan;
  eval::load_result data;
  eval::evaluation result;

  explicit run(std::string const& as_of, std::optional<std::vector<sema::document_id>> documents = {}) {
    REQUIRE(rules.rules);
    plan.emplace(eval::compile(*rules.rules));
    data = eval::load_submission_text(nation_json, plan->rules());
    REQUIRE(data.data);
    eval::evaluate_options options;
    options.as_of = *parse_iso_date(as_of);
    options.documents = std::move(documents);
    result = eval::evaluate(*plan, *data.data, options);
  }
  sema::checked_ruleset const& r() const { return plan->rules(); }
  eval::target_outcome const& target(std::string const& id) const {
    for (auto const& t : result.units.at(0).targets)
      if (r().targets[static_cast<std::size_t>(t.target)].id == id) return t;
    FAIL("no target " << id);
    return result.units.at(0).targets.front();
  }
  int agency(std::string const& id) const {
    for (std::size_t a = 0; a < r().agencies.size(); ++a)
      if (r().agencies[a].id == id) return static_cast<int>(a);
    return -1;
  }
  eval::score const* document_score(std::string const& id) const {
    for (auto const& s : result.units.at(0).documents)
      if (s.scope == id) return &s;
    return nullptr;
  }
  std::string text() const {
    std::ostringstream out;
    report::render_text(out, {*plan, *data.data, result, data.issues});
    return out.str();
  }
};

}  // namespace

TEST_CASE("sema: a national document states its level and has no province") {
  auto ok = national_rules();
  REQUIRE(ok.rules);
  auto const& qg = ok.rules->documents.at(1);
  CHECK(qg.level == sema::document_level::national);
  CHECK(sema::level_word(qg.level) == "national");
  CHECK(qg.replaces == std::vector<std::string>{"02/CTr-CP"});
  CHECK(ok.rules->documents.at(0).replaced_by == 1);

  std::string with_province = national_ct;
  with_province.replace(with_province.find("  level national"), 0, "  province \"Hà Nội\"\n");
  auto bad = national_rules(with_province);
  CHECK(has_code(bad.diags, "sema.document_province"));

  std::string misspelt = national_ct;
  misspelt.replace(misspelt.find("level national"), 14, "level nationl");
  auto wrong = national_rules(misspelt);
  REQUIRE(has_code(wrong.diags, "sema.document_level"));
  bool suggested = false;
  for (auto const& d : wrong.diags) suggested |= d.message.find("did you mean 'national'") != std::string::npos;
  CHECK(suggested);
}

TEST_CASE("sema: a plan that replaces another needs a date; monitors are agencies") {
  std::string undated = national_ct;
  undated.erase(undated.find("  date 2026-01-10\n"), 18);
  CHECK(has_code(national_rules(undated).diags, "sema.missing_item"));

  std::string unknown = national_ct;
  unknown.replace(unknown.find("monitor bo_ldtbxh"), 17, "monitor bo_ldtbx");
  auto r = national_rules(unknown);
  CHECK(has_code(r.diags, "sema.unknown_agency"));

  std::string task_restates_target = national_ct;
  task_restates_target.replace(task_restates_target.find("restates K1"), 11, "restates PC");
  CHECK(has_code(national_rules(task_restates_target).diags, "sema.unknown_task"));
}

TEST_CASE("eval: a national target weighs provinces by population, and its monitor is named") {
  run s("2026-12-31");
  auto const& pc = s.target("PC");
  REQUIRE(pc.milestones.size() == 1);
  CHECK(pc.milestones[0].value == doctest::Approx(13400.0 / 150));  // 89.33%
  CHECK(pc.headline == eval::verdict::not_met);
  // K1 serves PC: Bộ Tài chính leads it. Bộ GD&ĐT follows up every target of the document.
  CHECK(pc.accountable == std::vector<int>{s.agency("bo_tc")});
  CHECK(pc.monitors == std::vector<int>{s.agency("bo_gddt")});
  auto text = s.text();
  CHECK(text.find("Theo dõi: Bộ Giáo dục và Đào tạo") != std::string::npos);
}

TEST_CASE("eval: colleges alone make the population of 'vocational_school | college'") {
  run s("2026-12-31");
  auto const& nn = s.target("NN");
  // 1 of 2 colleges meets the standard; no trường trung cấp is listed, so that part is empty, not unknown.
  REQUIRE(nn.headline != eval::verdict::not_applicable);
  CHECK(nn.milestones[0].value == doctest::Approx(50));
  CHECK(nn.headline == eval::verdict::not_met);
  // Its own monitor replaces the document's; no task serves it.
  CHECK(nn.accountable.empty());
  CHECK(nn.monitors == std::vector<int>{s.agency("bo_ldtbxh")});
}

TEST_CASE("eval: restated rows and tasks are shown and scored once") {
  run s("2026-12-31");
  auto const* qg = s.document_score("qg");
  REQUIRE(qg);
  // Items of the nation for qg: PC, NN, K1. NN2 restates NN, K2 restates K1, K3 restates the obligation
  // BC; BC and BC2 apply to provinces.
  CHECK(qg->items == 3);
  bool k2_shown = false;
  for (auto const& k : s.result.units.at(0).tasks)
    k2_shown |= s.r().tasks[static_cast<std::size_t>(k.task)].id == "K2";
  CHECK(k2_shown);
  // A province: BC (met: 1,000,000 > 0) is the item; BC2 restates it.
  auto const& p1 = s.result.units.at(1);
  int items = 0;
  for (auto const& d : p1.documents) items += d.scope == "qg" ? d.items : 0;
  CHECK(items == 1);
}

TEST_CASE("eval: a replaced plan is left out from the replacing plan's date, unless asked for") {
  run before("2026-01-09");
  CHECK(before.result.replaced.empty());
  CHECK(before.document_score("cu") != nullptr);

  run after("2026-01-10");
  REQUIRE(after.result.replaced.size() == 1);
  CHECK(after.result.replaced[0].document == sema::document_id(0));
  CHECK(after.result.replaced[0].replaced_by == sema::document_id(1));
  CHECK(format_iso_date(after.result.replaced[0].from) == "2026-01-10");
  CHECK(after.document_score("cu") == nullptr);
  CHECK(after.text().find("Không chấm 02/CTr-CP: đã được thay thế bởi 01/CTr-CP từ ngày 10/01/2026") !=
        std::string::npos);

  run asked("2026-12-31", std::vector{sema::document_id(0)});
  CHECK(asked.result.replaced.empty());
  REQUIRE(asked.document_score("cu") != nullptr);
  CHECK(asked.document_score("cu")->items == 1);
}

TEST_CASE("graph: an agency that only monitors is not idle, and `who` names it") {
  auto r = national_rules();
  REQUIRE(r.rules);
  auto diags = graph::check(*r.rules);
  for (auto const& d : diags)
    CHECK_MESSAGE(d.message.find("bo_gddt") == std::string::npos, d.message);
  int nn = -1;
  for (std::size_t t = 0; t < r.rules->targets.size(); ++t)
    if (r.rules->targets[t].id == "NN") nn = static_cast<int>(t);
  auto who = graph::find_accountability(*r.rules, nn);
  CHECK(who.tasks.empty());
  REQUIRE(who.monitors.size() == 1);
  CHECK(r.rules->agencies[static_cast<std::size_t>(who.monitors[0])].id == "bo_ldtbxh");
}

TEST_CASE("sema: a plan replaced twice, two plans replacing each other, and two levels are errors") {
  auto check = [](std::string const& a, std::string const& b, std::string const& c = "") {
    std::vector<source_file> sources;
    sources.emplace_back("a.ct", a);
    sources.emplace_back("b.ct", b);
    if (!c.empty()) sources.emplace_back("c.ct", c);
    load_options english;
    english.lang = language::en;
    return check_sources(std::move(sources), english);
  };
  auto twice = check(R"(document cu { number "1/KH" })",
                     R"(document moi { number "2/KH" date 2026-01-01 replaces "1/KH" })",
                     R"(document khac { number "3/KH" date 2026-02-01 replaces "1/KH" })");
  REQUIRE(has_code(twice.diags, "sema.replaced_twice"));
  CHECK(first_error(twice).message == "document 'cu' is already replaced by 'moi'");
  CHECK(twice.sources[first_error(twice).file].name() == "c.ct");

  auto cycle = check(R"(document a { number "1/KH" date 2026-01-01 replaces "2/KH" })",
                     R"(document b { number "2/KH" date 2026-01-01 replaces "1/KH" })");
  REQUIRE(has_code(cycle.diags, "sema.replaces_cycle"));
  CHECK(first_error(cycle).message == "documents 'b' and 'a' replace each other");

  auto levels = check(R"(document a { level national, province })", "");
  REQUIRE(has_code(levels.diags, "sema.document_level"));
  CHECK(first_error(levels).message == "a document has one level");
}
