// eval layer: properties of the scoring model (docs/scoring.md §5), checked over generated submissions:
// the floor, monotonicity in the values judged, what pending and missing data are worth, coverage.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <string>

#include "support/evaluated.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {

// As of 31/12/2026: TA and TB are not yet due (judged on 2026 against a line from 2024), TC was due in
// 2025, TE is due in 2026, and OF is judged in 2024, 2025 and 2026.
constexpr char const* scores_ct = R"(
document d { number "03/KH" }
field province.a : percent "A"
field province.b : percent "B"
field province.c : percent "C"
field province.e : count of "trường" "E"
field province.f : percent "F"
target TA "A" { applies to province measure a >= 90% by 2030 }
target TB "B" { applies to province measure b <= 10% by 2030 }
target TC "C" { applies to province measure c >= 80% by 2025 }
target TE "E" { applies to province measure e >= 50 by 2026 }
obligation OF "F" { applies to province every year from 2024 require f >= 50% }
)";

using values = std::map<int, std::map<std::string, double>>;  // year → field → value as submitted

struct scorer {
  ruleset_result rules = check_text(scores_ct);
  eval::plan plan = eval::compile(*rules.rules);

  eval::unit_scorecard card(values const& v, std::string const& as_of = "2026-12-31") {
    std::string json = R"({"kind":"province","id":"p","values":{)";
    bool first_year = true;
    for (auto const& [year, fields] : v) {
      json += (first_year ? "" : ",") + ("\"" + std::to_string(year) + "\":{");
      first_year = false;
      bool first = true;
      for (auto const& [name, x] : fields) {
        json += (first ? "\"" : ",\"") + name + "\":" + (std::isnan(x) ? std::string("null") : std::to_string(x));
        first = false;
      }
      json += "}";
    }
    json += "}}";
    auto data = eval::load_submission_text(json, plan.rules());
    REQUIRE(data.data);
    eval::evaluate_options o;
    o.as_of = *parse_iso_date(as_of);
    return eval::evaluate(plan, *data.data, o).units.at(0);
  }
  double score(values const& v) { return card(v).overall.value; }
};

/// A small deterministic generator, so a failure can be replayed from its seed.
struct generator {
  std::uint64_t state;
  double uniform(double lo, double hi) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return lo + (hi - lo) * static_cast<double>(state >> 11) / static_cast<double>(1ULL << 53);
  }
};

}  // namespace

TEST_CASE("eval: a unit that misses every milestone and never moved toward one scores 0") {
  scorer s;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    CAPTURE(seed);
    generator g{seed};
    values v;
    // Each year no better than the one before, and every value short of its milestone.
    double a = g.uniform(0, 89), b = g.uniform(11, 100), c = g.uniform(0, 79), e = std::floor(g.uniform(0, 49));
    for (int year = 2024; year <= 2026; ++year) {
      v[year] = {{"a", a}, {"b", b}, {"c", c}, {"e", e}, {"f", g.uniform(0, 49)}};
      a = g.uniform(0, a), b = g.uniform(b, 100), c = g.uniform(0, c), e = std::floor(g.uniform(0, e));
    }
    CHECK(s.score(v) == 0);
  }
}

TEST_CASE("eval: raising a judged value toward its milestone never lowers the score") {
  scorer s;
  // The value each item is judged on, and the direction that is better.
  struct knob {
    int year;
    char const* field;
    int better;
  };
  knob knobs[] = {{2026, "a", +1}, {2026, "b", -1}, {2025, "c", +1}, {2026, "e", +1},
                  {2024, "f", +1}, {2025, "f", +1}, {2026, "f", +1}};
  for (std::uint64_t seed = 1; seed <= 150; ++seed) {
    generator g{seed};
    values v;
    for (int year = 2024; year <= 2026; ++year)
      v[year] = {{"a", g.uniform(0, 100)}, {"b", g.uniform(0, 100)}, {"c", g.uniform(0, 100)},
                 {"e", std::floor(g.uniform(0, 80))}, {"f", g.uniform(0, 100)}};
    double before = s.score(v);
    for (auto const& k : knobs) {
      CAPTURE(seed);
      CAPTURE(k.field);
      CAPTURE(k.year);
      values raised = v;
      double& x = raised[k.year][k.field];
      // A percent stays within 0–100 (the loader refuses anything else); the count has no ceiling.
      double ceiling = std::string(k.field) == "e" ? 1e9 : 100;
      x = std::min(ceiling, std::max(0.0, x + k.better * std::floor(g.uniform(1, 30))));
      CHECK(s.score(raised) >= before - 1e-9);
    }
  }
}

TEST_CASE("eval: pending and missing data are never worth more than on track") {
  scorer s;
  // TA on track: 60% (2024) to 80% (2026) where the line to 90% in 2030 asks 65%.
  values on_track = {{2024, {{"a", 60}, {"b", 5}, {"c", 20}, {"e", 10}, {"f", 10}}},
                     {2025, {{"a", 70}, {"b", 5}, {"c", 20}, {"e", 10}, {"f", 10}}},
                     {2026, {{"a", 80}, {"b", 5}, {"c", 20}, {"e", 10}, {"f", 10}}}};
  auto card = s.card(on_track);
  REQUIRE(card.targets[0].headline == eval::verdict::on_track);
  values pending = on_track;  // no earlier year for TA: no line can be drawn
  pending[2024].erase("a");
  pending[2025].erase("a");
  REQUIRE(s.card(pending).targets[0].headline == eval::verdict::pending);
  values missing = pending;
  missing[2026]["a"] = std::nan("");
  REQUIRE(s.card(missing).targets[0].headline == eval::verdict::no_data);
  CHECK(s.score(pending) <= s.score(on_track));
  CHECK(s.score(missing) <= s.score(on_track));
}

TEST_CASE("eval: every score says how many items it counts, of how many, and how many lack data") {
  scorer s;
  values v = {{2024, {{"a", 60}, {"b", 5}, {"c", 20}, {"f", 60}}},
              {2026, {{"a", 80}, {"b", 5}, {"f", 40}}}};
  auto card = s.card(v);
  // TA on track (1), TB achieved (1), TC due 2025 without a 2025 value (no data, 0), TE no value at all
  // (no data, 0); OF met in 2024, no data in 2025, not met in 2026: 1/3.
  CHECK(card.overall.items == 5);
  CHECK(card.overall.counted == 5);
  CHECK(card.overall.no_data == 2);  // TC and TE; OF is not met, which settles it
  CHECK(card.overall.value == doctest::Approx(100 * (1 + 1 + 0 + 0 + 1.0 / 3) / 5));
}

TEST_CASE("eval: beside a blank, raising a known value never lowers the score, and the blank earns nothing") {
  // Twenty schools, share(dat) >= 90% by 2030. None met it in 2024 or 2025; in 2026 `yes` schools do,
  // one is blank, the rest do not. The line from 0% (2024) to 90% (2030) asks 30% in 2026.
  auto run = [](int yes, char const* blank) {
    std::string schools;
    for (int i = 0; i < 20; ++i) {
      std::string now = i < yes ? "true" : i == yes ? blank : "false";
      schools += std::string(i ? "," : "") + R"({"kind":"school","id":"s)" + std::to_string(i) +
                 R"(","values":{"2024":{"dat":false},"2025":{"dat":false},"2026":{"dat":)" + now + "}}}";
    }
    auto s = score_text(R"(
document d { number "04/KH" }
field school.dat : bool "Đạt chuẩn"
target S "Đạt chuẩn" { applies to province measure share(school, dat) >= 90% by 2030 })",
                        R"({"kind":"province","id":"p","children":[)" + schools + "]}", "2026-12-31");
    return s.result.units[0];
  };
  auto four = run(4, "null");  // 20%–25%: 2/3 to 5/6 of the pace, acceleration needed either way
  CHECK(four.targets[0].headline == eval::verdict::needs_acceleration);
  CHECK(four.overall.value == doctest::Approx(100 * 0.2 / 0.3));
  auto five = run(5, "null");  // 25%–30%: the blank decides between 5/6 of the pace and on track
  CHECK(five.targets[0].milestones[0].value_year == 2026);
  CHECK(five.targets[0].headline == eval::verdict::needs_acceleration);  // judged at 25%
  CHECK(five.overall.value == doctest::Approx(100 * 0.25 / 0.3));
  CHECK(five.overall.value >= four.overall.value);
  auto filled_no = run(5, "false");  // the truth at its worst: no better than with the blank
  CHECK(filled_no.overall.value == doctest::Approx(five.overall.value));
  auto filled_yes = run(5, "true");
  CHECK(filled_yes.targets[0].headline == eval::verdict::on_track);
  CHECK(filled_yes.overall.value >= five.overall.value);
}

TEST_CASE("eval: a commitment stated twice is scored once") {
  // T2 restates T1 (the plan's appendix repeats its body). Both are judged and shown; the score counts
  // T1 only: met (1) and the obligation not met (0) give 50, not (1 + 1 + 0) / 3.
  auto s = score_text(R"ct(
document d { number "06/KH" }
field province.ty_le : percent "Tỉ lệ"
field province.bao_cao : bool "Đã báo cáo"
target T1 "Tỉ lệ" { applies to province measure ty_le >= 90% by 2026 }
target T2 "Tỉ lệ (phụ lục)" { applies to province restates T1 measure ty_le >= 90% by 2026 }
obligation O1 "Báo cáo" { applies to province every year from 2026 until 2026 require bao_cao })ct",
                      R"({"kind":"province","id":"p","values":{"2026":{"ty_le":95,"bao_cao":false}}})", "2026-12-31");
  auto const& card = s.result.units[0];
  REQUIRE(card.targets.size() == 2);
  CHECK(card.targets[1].headline == eval::verdict::met);
  CHECK(card.overall.items == 2);
  CHECK(card.overall.value == doctest::Approx(50));
}
