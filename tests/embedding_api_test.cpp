// What an application embedding the library meets first: lookups that give a typed handle or nothing,
// and the choice of documents to score. Two documents, one target each, hand-checked verdicts.
#include <chitieu/chitieu.hpp>

#include <doctest/doctest.h>

#include <type_traits>

#include "support/rules.hpp"

using namespace chitieu;

namespace {

constexpr char const* document_a = R"(
document a { number "01/KH" }
field province.x : count "Số trường"
agency ubnd "UBND tỉnh"
target T1 "Ít nhất 5 trường" { applies to province measure x >= 5 by 2026 }
obligation OC "Có trường" { applies to province every year from 2026 require x >= 1 }
task NV1 "Rà soát" { lead ubnd deadline by 2026-06-30 }
)";
constexpr char const* document_b = R"(
document b { number "02/KH" }
field province.y : count "Số trường chuẩn"
target T1 "Ít nhất 10 trường chuẩn" { applies to province measure y >= 10 by 2026 }
)";

constexpr char const* submission = R"({"kind":"province","id":"p","values":{"2026":{"x":7,"y":7}}})";

// Handles of different tables, and plain numbers, do not mix.
static_assert(!std::is_convertible_v<sema::document_id, sema::target_id>);
static_assert(!std::is_convertible_v<int, sema::document_id>);
static_assert(!std::is_convertible_v<sema::task_id, int>);

struct scored {
  ruleset_result rules;
  std::optional<eval::plan> plan;
  std::optional<eval::dataset> data;
  eval::evaluate_options options;

  scored() {
    std::vector<source_file> sources;
    sources.emplace_back("units.ct", testing_support::units_ct);
    sources.emplace_back("a.ct", document_a);
    sources.emplace_back("b.ct", document_b);
    rules = check_sources(std::move(sources));
    REQUIRE(rules.rules);
    plan.emplace(eval::compile(*rules.rules));
    auto loaded = eval::load_submission_text(submission, plan->rules());
    REQUIRE(loaded.data);
    data = std::move(loaded.data);
    options.as_of = *parse_iso_date("2026-12-31");
  }
};

}  // namespace

TEST_CASE("embedding: a lookup gives the entry's handle, or nothing for an unknown or ambiguous id") {
  scored s;
  auto const& rules = s.plan->rules();
  auto b = rules.find_document("b");
  REQUIRE(b);
  CHECK(rules.documents[static_cast<std::size_t>(b->index())].id == "b");
  CHECK_FALSE(rules.find_document("typo"));
  // "T1" is in both documents: ambiguous without its document, so nothing rather than a guess.
  CHECK_FALSE(rules.find_target("T1"));
  auto bt = rules.find_target("b.T1");
  REQUIRE(bt);
  CHECK(rules.targets[static_cast<std::size_t>(bt->index())].document == b->index());
  REQUIRE(rules.find_target("a.T1"));
  CHECK(rules.find_target("a.T1") != bt);
  CHECK_FALSE(rules.find_target("typo.T1"));  // no such document
  // Only one document has OC and NV1: found without it, and the same as with it.
  REQUIRE(rules.find_obligation("OC"));
  CHECK(rules.obligations[static_cast<std::size_t>(rules.find_obligation("OC")->index())].id == "OC");
  CHECK(rules.find_obligation("OC") == rules.find_obligation("a.OC"));
  CHECK_FALSE(rules.find_obligation("a.T1"));  // a target is not an obligation
  REQUIRE(rules.find_task("NV1"));
  CHECK(rules.find_task("NV1") == rules.find_task("a.NV1"));
  CHECK_FALSE(rules.find_task("b.NV1"));
  CHECK(rules.find_agency("ubnd"));
  auto province = rules.find_unit_kind("province");
  REQUIRE(province);
  CHECK(rules.find_field(*province, "x"));
  CHECK_FALSE(rules.find_field(*province, "z"));
  CHECK_FALSE(rules.find_unit_kind("district"));
  CHECK_FALSE(rules.find_field(*rules.find_unit_kind("school"), "x"));  // a province field
}

TEST_CASE("embedding: documents to score: unset is every document, a list only those, an empty list none") {
  scored s;
  auto const& rules = s.plan->rules();
  auto const& data = *s.data;
  auto judged = [&](std::optional<std::vector<sema::document_id>> documents) {
    eval::evaluate_options options = s.options;
    options.documents = std::move(documents);
    auto card = eval::evaluate(*s.plan, data, options).units.at(0);
    return std::make_pair(card.targets.size(), card.obligations.size());
  };
  // x = y = 7: a.T1 (x ≥ 5) is met and b.T1 (y ≥ 10) is not; both are judged when nothing is chosen.
  CHECK(judged(std::nullopt) == std::make_pair(std::size_t(2), std::size_t(1)));
  CHECK(judged(std::vector{*rules.find_document("b")}) == std::make_pair(std::size_t(1), std::size_t(0)));
  CHECK(judged(std::vector<sema::document_id>{}) == std::make_pair(std::size_t(0), std::size_t(0)));

  eval::evaluate_options only_b = s.options;
  only_b.documents = std::vector{*rules.find_document("b")};
  auto card = eval::evaluate(*s.plan, data, only_b).units.at(0);
  REQUIRE(card.targets.size() == 1);
  CHECK(card.targets[0].headline == eval::verdict::not_met);
  CHECK(rules.targets[static_cast<std::size_t>(card.targets[0].target)].document == rules.find_document("b")->index());
}

TEST_CASE("embedding: documents_to_judge turns a choice into the options' list") {
  scored s;
  auto const& rules = s.plan->rules();
  // Neither document names a province: both apply, none was named, so evaluate is left to judge all.
  auto all = eval::choose_documents(rules, *s.data);
  CHECK(all.scored == std::vector{sema::document_id(0), sema::document_id(1)});
  CHECK_FALSE(eval::documents_to_judge(rules, all, false, s.options.as_of));
  // Named: exactly those, as handles.
  auto b = *rules.find_document("b");
  CHECK(rules[b].id == "b");
  auto named = eval::choose_documents(rules, *s.data, {b});
  auto only = eval::documents_to_judge(rules, named, true, s.options.as_of);
  REQUIRE(only);
  CHECK(*only == std::vector{b});
}
