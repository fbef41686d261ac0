// The results table: one flat row per target and obligation at each unit, and the JSON `--detail results`
// that writes it. Numbers are worked out by hand from the submission below.
#include <chitieu/eval/results.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <sstream>

#include "support/evaluated.hpp"

using namespace chitieu;
using testing_support::score_text;

namespace {

constexpr char const* rules_ct = R"(
document d { number "01/KH" }
field school.dat_chuan : bool "Đạt chuẩn"
field province.chi_gd : money "Chi giáo dục"
field province.tong_chi : money "Tổng chi"
target TS "Trường đạt chuẩn năm 2026" { applies to province measure share(school, dat_chuan) >= 80% by 2026 }
target TF "Trường đạt chuẩn năm 2030" { applies to province measure share(school, dat_chuan) >= 90% by 2030 }
obligation OC "Chi giáo dục trên 20% tổng chi" { applies to province every year from 2025 require chi_gd / tong_chi > 20% }
obligation OB "Chi đủ" { applies to province every year from 2026 require chi_gd >= 10 require tong_chi >= 50 }
)";

// Five schools: 2 of 5 meet the standard in 2025 (40%), 3 of 5 in 2026 (60%). Spending: 25 of 100 in 2025
// (met), 18 of 100 in 2026 (not met).
std::string submission() {
  std::string schools;
  bool in_2025[] = {true, true, false, false, false}, in_2026[] = {true, true, true, false, false};
  for (int i = 0; i < 5; ++i) {
    auto n = std::to_string(i + 1);
    schools += std::string(i ? "," : "") + R"({"kind":"school","id":"t-)" + n + R"(","values":{"2025":{"dat_chuan":)" +
               (in_2025[i] ? "true" : "false") + R"(},"2026":{"dat_chuan":)" + (in_2026[i] ? "true" : "false") + "}}}";
  }
  return R"({"kind":"province","id":"p","name":"Tỉnh Thử","values":{"2025":{"chi_gd":25,"tong_chi":100},)"
         R"("2026":{"chi_gd":18,"tong_chi":100}},"children":[)" + schools + "]}";
}

eval::result_row const& row(std::vector<eval::result_row> const& rows, sema::checked_ruleset const& rules,
                            std::string const& id) {
  for (auto const& r : rows) {
    auto const& name = r.kind == eval::item_kind::target ? rules.targets[static_cast<std::size_t>(r.item)].id
                                                         : rules.obligations[static_cast<std::size_t>(r.item)].id;
    if (name == id) return r;
  }
  FAIL("no row " << id);
  return rows.front();
}

}  // namespace

TEST_CASE("results: one row per target and obligation, with the numbers of the scorecard's headline") {
  auto s = score_text(rules_ct, submission(), "2026-12-31");
  auto const& rules = s.plan->rules();
  std::vector<eval::result_row> rows;
  eval::append_rows(s.result.units.front(), rules, rows);
  REQUIRE(rows.size() == 4);

  SUBCASE("a due milestone not met: the share of the way from the baseline is its progress") {
    auto const& r = row(rows, rules, "TS");
    CHECK(r.kind == eval::item_kind::target);
    CHECK(r.result == eval::verdict::not_met);
    CHECK(r.milestone_year == 2026);
    CHECK(r.year == 2026);
    CHECK(r.value == doctest::Approx(60));  // display units: 60%
    CHECK(r.gap == doctest::Approx(20));
    CHECK(r.progress == doctest::Approx(0.5));  // (60 − 40) / (80 − 40)
  }
  SUBCASE("a milestone ahead, above its line: on track, full credit") {
    // The line runs from 40% in 2025 to 90% in 2030: 50% is expected in 2026, 60% is there.
    auto const& r = row(rows, rules, "TF");
    CHECK(r.result == eval::verdict::on_track);
    CHECK(r.milestone_year == 2030);
    CHECK(r.year == 2026);
    CHECK(r.value == doctest::Approx(60));
    CHECK(r.gap == doctest::Approx(30));
    CHECK(r.progress == doctest::Approx(1.0));
  }
  SUBCASE("an obligation not met: the latest failing year decides, progress is the years met") {
    auto const& r = row(rows, rules, "OC");
    CHECK(r.kind == eval::item_kind::obligation);
    CHECK(r.result == eval::verdict::not_met);
    CHECK(r.year == 2026);
    CHECK(r.requirement == 0);
    CHECK(r.value == doctest::Approx(18));
    CHECK(r.gap == doctest::Approx(2));
    CHECK(r.progress == doctest::Approx(0.5));  // 2025 met, 2026 not: 1 of 2
    CHECK(r.milestone_year == 0);
  }
  SUBCASE("an obligation met on two requirements: the last one of the latest year") {
    auto const& r = row(rows, rules, "OB");
    CHECK(r.result == eval::verdict::met);
    CHECK(r.year == 2026);
    CHECK(r.requirement == 1);
    CHECK(r.value == doctest::Approx(100));
    CHECK(r.gap == 0);
    CHECK(r.progress == 1);
  }
  SUBCASE("a school has no target or obligation of its own: no row") {
    std::vector<eval::result_row> none;
    eval::append_rows(s.result.units[1], rules, none);
    CHECK(none.empty());
  }
}

TEST_CASE("results: the deciding entry is the latest with the overall verdict, and none when not applicable") {
  eval::obligation_outcome o;
  o.overall = eval::verdict::not_met;
  for (auto [year, v] : {std::pair{2024, eval::verdict::not_met}, {2025, eval::verdict::met}, {2026, eval::verdict::not_met},
                         {2026, eval::verdict::met}}) {
    eval::requirement_outcome y;
    y.year = year;
    y.result = v;
    o.years.push_back(y);
  }
  REQUIRE(eval::deciding_entry(o) == &o.years[2]);
  o.overall = eval::verdict::met;
  CHECK(eval::deciding_entry(o) == &o.years[3]);
  o.overall = eval::verdict::not_applicable;
  CHECK(eval::deciding_entry(o) == nullptr);
}

TEST_CASE("results: --detail results writes the rows in display units, and the verdicts of the scorecard") {
  auto s = score_text(rules_ct, submission(), "2026-12-31");
  auto write = [&](report::json_detail detail) {
    eval::evaluate_options options = s.result.options;
    options.evidence = detail == report::json_detail::scorecard;
    eval::unit_evaluator units(*s.plan, *s.data.data, options);
    report::scorecard_input in{*s.plan, *s.data.data, units.header(), s.data.issues, nullptr};
    std::ostringstream out;
    report::render_json(out, in, units, report::json_layout::compact, {}, detail);
    return nlohmann::json::parse(out.str());
  };
  auto results = write(report::json_detail::results);
  auto scorecard = write(report::json_detail::scorecard);
  REQUIRE(results["units"].size() == 6);
  auto const& province = results["units"][0];
  CHECK(province["id"] == "p");
  CHECK(province["kind"] == "province");
  CHECK(province["tasks"].empty());
  REQUIRE(province["results"].size() == 4);
  nlohmann::json ts;
  for (auto const& r : province["results"])
    if (r["item"] == "d.TS") ts = r;
  CHECK(ts["kind"] == "target");
  CHECK(ts["verdict"] == "not_met");
  CHECK(ts["milestone"] == 2026);
  CHECK(ts["year"] == 2026);
  CHECK(ts["value"].get<double>() == doctest::Approx(60));  // percents in display units, as the scorecard
  CHECK(ts["gap"].get<double>() == doctest::Approx(20));
  CHECK(ts["progress"].get<double>() == doctest::Approx(0.5));
  CHECK_FALSE(ts.contains("explanation"));
  CHECK(results["units"][1]["results"].empty());

  // Everything but the units is the scorecard's; each unit's rows say what its scorecard says.
  for (auto const& key : {"as_of", "issues", "no_data_policy", "submission_units"}) CHECK(results[key] == scorecard[key]);
  for (std::size_t u = 0; u < scorecard["units"].size(); ++u) {
    auto const& card = scorecard["units"][u];
    auto const& flat = results["units"][u];
    CHECK(flat["id"] == card["id"]);
    CHECK(flat["score"] == card["score"]);
    std::size_t i = 0;
    for (auto const& t : card["targets"]) {
      CHECK(flat["results"][i]["item"] == t["id"]);
      CHECK(flat["results"][i++]["verdict"] == t["verdict"]);
    }
    for (auto const& o : card["obligations"]) {
      CHECK(flat["results"][i]["item"] == o["id"]);
      CHECK(flat["results"][i]["progress"] == o["progress"]);
      CHECK(flat["results"][i++]["verdict"] == o["verdict"]);
    }
    CHECK(flat["results"].size() == i);
  }
}

TEST_CASE("results: the C++ outcomes and the JSON scorecard give the same numbers, in display units") {
  // One convention across the API (docs/api.md, "Values"): 3 of 5 schools is 60, as the JSON says it.
  auto s = score_text(rules_ct, submission(), "2026-12-31");
  auto const& rules = s.plan->rules();
  auto const& card = s.result.units.front();
  eval::milestone_outcome const* ts = nullptr;
  for (auto const& t : card.targets)
    if (rules.targets[static_cast<std::size_t>(t.target)].id == "TS") ts = &t.milestones.at(0);
  REQUIRE(ts);
  CHECK(ts->value == doctest::Approx(60));
  CHECK(ts->threshold == doctest::Approx(80));
  CHECK(ts->gap == doctest::Approx(20));
  CHECK(ts->baseline == doctest::Approx(40));  // 2 of 5 in 2025
  // OC in 2026: 18 / 100 = 18%, needing more than 20%.
  eval::requirement_outcome const* oc = nullptr;
  for (auto const& o : card.obligations)
    if (rules.obligations[static_cast<std::size_t>(o.obligation)].id == "OC") oc = &o.years.at(1);
  REQUIRE(oc);
  CHECK(oc->year == 2026);
  CHECK(oc->value == doctest::Approx(18));
  CHECK(oc->threshold == doctest::Approx(20));
  CHECK(oc->gap == doctest::Approx(2));

  report::scorecard_input in{*s.plan, *s.data.data, s.result, s.data.issues};
  auto json = report::to_json(in);
  auto const& unit = json["units"][0];
  for (auto const& t : unit["targets"])
    if (t["id"] == "d.TS") {
      auto const& m = t["milestones"][0];
      CHECK(m["value"].get<double>() == ts->value);
      CHECK(m["threshold"].get<double>() == ts->threshold);
      CHECK(m["gap"].get<double>() == ts->gap);
      CHECK(m["baseline"].get<double>() == ts->baseline);
    }
  for (auto const& o : unit["obligations"])
    if (o["id"] == "d.OC") {
      auto const& y = o["years"][1];
      CHECK(y["value"].get<double>() == oc->value);
      CHECK(y["threshold"].get<double>() == oc->threshold);
      CHECK(y["gap"].get<double>() == oc->gap);
    }
}

TEST_CASE("results: display units and the measure's representation convert one into the other") {
  sema::value_type percent{sema::value_kind::percent, "", -1, false};
  sema::value_type ratio{sema::value_kind::number, "", -1, false, true};  // chi_gd / tong_chi
  sema::value_type rooms{sema::value_kind::number, "phòng/trường", -1, false};
  sema::value_type money{sema::value_kind::money, "", -1, false};
  CHECK(sema::shown_as_percent(percent));
  CHECK(sema::shown_as_percent(ratio));
  CHECK_FALSE(sema::shown_as_percent(rooms));
  CHECK(sema::display_value(0.945, percent) == doctest::Approx(94.5));
  CHECK(sema::display_value(0.18, ratio) == doctest::Approx(18));
  CHECK(sema::display_value(0.8, rooms) == 0.8);
  CHECK(sema::display_value(9.8e12, money) == 9.8e12);
  CHECK(sema::measure_value(94.5, percent) == doctest::Approx(0.945));
  CHECK(sema::measure_value(0.8, rooms) == 0.8);
  CHECK(std::isnan(sema::display_value(eval::nan, percent)));
}
