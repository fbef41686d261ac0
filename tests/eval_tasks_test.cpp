// eval layer, tasks: due days judged from the day itself, yearly rounds, and one table of as-of days ×
// reports per deadline form. Every expectation is worked out by hand from docs/scoring.md §4.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>

#include <doctest/doctest.h>

#include <string>

#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;

namespace {

// Document of 2025-03-01: the yearly task's first round is 2025 (25/11/2025 comes after it).
constexpr char const* tasks_ct = R"(
document d { number "01/KH" date 2025-03-01 }
agency so "Sở GDĐT"
field province.ty_le : percent "Tỉ lệ"
target T1 "Tỉ lệ" { applies to province measure ty_le >= 50% by 2030 }
target T2 "Trong đó: nữ" { applies to province measure ty_le >= 20% by 2030 parent T1 }
task B "Hạn cố định" { lead so deadline by 2026-06-30 }
task Y "Hằng năm" { lead so deadline every year by 25/11 serves T1 }
task F "Từ quý III/2026" { lead so deadline from Q3 2026 }
task R "Từ quý IV/2025 đến quý I/2026" { lead so deadline from Q4 2025 to Q1 2026 }
)";

struct judged {
  std::string verdict;
  std::string due;  // ISO, empty when none
};

/// Judges task `id` of `rules` as of `as_of`, with `report` (a JSON object, or empty for none).
judged judge(std::string const& rules, std::string const& id, std::string const& report, std::string const& as_of) {
  auto checked = check_text(rules);
  REQUIRE(checked.rules);
  auto plan = eval::compile(*checked.rules);
  std::string tasks = report.empty() ? "" : R"(, "tasks": { "d": { ")" + id + R"(": )" + report + " } }";
  auto data = eval::load_submission_text(R"({ "kind": "province", "id": "p")" + tasks + " }", plan.rules());
  REQUIRE(data.data);
  eval::evaluate_options options;
  options.as_of = *parse_iso_date(as_of);
  auto result = eval::evaluate(plan, *data.data, options);
  for (auto const& k : result.units.at(0).tasks)
    if (plan.rules().tasks[static_cast<std::size_t>(k.task)].id == id)
      return {eval::to_string(k.result), k.due ? format_iso_date(k.due) : ""};
  FAIL("no task " << id);
  return {};
}

judged judge(std::string const& id, std::string const& report, std::string const& as_of) {
  return judge(tasks_ct, id, report, as_of);
}

std::string with_date(std::string const& document_date) {
  std::string text = tasks_ct;
  auto at = text.find("date 2025-03-01");
  return text.replace(at, 15, document_date.empty() ? "" : "date " + document_date);
}

constexpr char const* in_progress = R"({ "status": "in_progress", "progress": 40 })";
constexpr char const* not_started = R"({ "status": "not_started" })";
constexpr char const* done_undated = R"({ "status": "done" })";
std::string done_on(std::string const& day) { return R"({ "status": "done", "completed": ")" + day + R"(" })"; }

}  // namespace

TEST_CASE("eval: a due day is judged from the day itself") {
  // `by 2026-06-30`: on 30/06 a task not done is overdue, one done that day is done in time.
  CHECK(judge("B", "", "2026-06-29").verdict == "not_due");
  CHECK(judge("B", "", "2026-06-30").verdict == "overdue");
  CHECK(judge("B", in_progress, "2026-06-30").verdict == "overdue");
  CHECK(judge("B", done_on("2026-06-30"), "2026-06-30").verdict == "done");
  CHECK(judge("B", done_on("2026-07-01"), "2026-07-01").verdict == "done_late");
}

TEST_CASE("eval: a yearly round passed without a report stays overdue across 1 January") {
  // Round 2025 is due 25/11/2025; nothing reported.
  CHECK(judge("Y", "", "2025-11-24").verdict == "not_due");
  auto on_the_day = judge("Y", "", "2025-11-25");
  CHECK(on_the_day.verdict == "overdue");
  CHECK(on_the_day.due == "2025-11-25");
  auto new_year = judge("Y", "", "2026-01-15");
  CHECK(new_year.verdict == "overdue");
  CHECK(new_year.due == "2025-11-25");
  // In 2027 the window holds rounds 2026 and 2027: the oldest unanswered one is 2026.
  auto later = judge("Y", "", "2027-03-01");
  CHECK(later.verdict == "overdue");
  CHECK(later.due == "2026-11-25");
}

TEST_CASE("eval: a completion date counts for the round of its year") {
  SUBCASE("done on the due day") {
    auto k = judge("Y", done_on("2025-11-25"), "2025-11-25");
    CHECK(k.verdict == "done");
    CHECK(k.due == "2025-11-25");
  }
  SUBCASE("round 2025 done; round 2026 not yet due") {
    auto k = judge("Y", done_on("2025-11-20"), "2026-06-01");
    CHECK(k.verdict == "done");
    CHECK(k.due == "2025-11-25");
  }
  SUBCASE("round 2025 done; round 2026 due and not reported") {
    auto k = judge("Y", done_on("2025-11-20"), "2026-11-25");
    CHECK(k.verdict == "overdue");
    CHECK(k.due == "2026-11-25");
  }
  SUBCASE("finished on 10/12/2026 for the round due 25/11/2026: late for 2026") {
    auto k = judge("Y", done_on("2026-12-10"), "2026-12-31");
    CHECK(k.verdict == "done_late");
    CHECK(k.due == "2026-11-25");
    auto next_spring = judge("Y", done_on("2026-12-10"), "2027-03-01");
    CHECK(next_spring.verdict == "done_late");
    CHECK(next_spring.due == "2026-11-25");
  }
  SUBCASE("a report for this year's round vouches for last year's") {
    auto k = judge("Y", done_on("2026-02-10"), "2026-03-01");
    CHECK(k.verdict == "done");
    CHECK(k.due == "2026-11-25");
  }
  SUBCASE("a completion two years back leaves last year's round unanswered") {
    auto k = judge("Y", done_on("2025-11-20"), "2027-03-01");
    CHECK(k.verdict == "overdue");
    CHECK(k.due == "2026-11-25");
  }
  SUBCASE("a completion before the first round counts for the first round") {
    auto k = judge("Y", done_on("2024-12-01"), "2025-06-01");
    CHECK(k.verdict == "done");
    CHECK(k.due == "2025-11-25");
  }
}

TEST_CASE("eval: a report without a completion date speaks of the as-of year's round") {
  auto going = judge("Y", in_progress, "2026-06-01");
  CHECK(going.verdict == "in_progress");
  CHECK(going.due == "2026-11-25");
  CHECK(judge("Y", in_progress, "2026-11-25").verdict == "overdue");
  auto waiting = judge("Y", not_started, "2026-01-15");
  CHECK(waiting.verdict == "not_due");
  CHECK(waiting.due == "2026-11-25");
  auto done = judge("Y", done_undated, "2026-01-15");
  CHECK(done.verdict == "done");
  CHECK(done.due == "2026-11-25");
}

TEST_CASE("eval: the first round is the first due after the document's date") {
  SUBCASE("a document of 1/12/2025 asks nothing for 25/11/2025") {
    auto k = judge(with_date("2025-12-01"), "Y", "", "2026-01-15");
    CHECK(k.verdict == "not_due");
    CHECK(k.due == "2026-11-25");
  }
  SUBCASE("a document dated on the due day has a round that day") {
    auto k = judge(with_date("2025-11-25"), "Y", "", "2025-11-25");
    CHECK(k.verdict == "overdue");
    CHECK(k.due == "2025-11-25");
  }
  SUBCASE("a document without a date has a round every year") {
    auto k = judge(with_date(""), "Y", "", "2026-01-15");
    CHECK(k.verdict == "overdue");
    CHECK(k.due == "2025-11-25");
  }
  SUBCASE("before the document, the first round is ahead") {
    auto k = judge(with_date("2027-02-01"), "Y", "", "2026-06-01");
    CHECK(k.verdict == "not_due");
    CHECK(k.due == "2027-11-25");
  }
}

TEST_CASE("eval: task verdicts by deadline form, as-of day and report") {
  struct row {
    char const* task;
    std::string report;
    char const* as_of;
    char const* verdict;
    char const* due;
  };
  std::string none;
  row const table[] = {
      // by 2026-06-30
      {"B", none, "2026-06-29", "not_due", "2026-06-30"},
      {"B", in_progress, "2026-06-29", "in_progress", "2026-06-30"},
      {"B", R"({ "status": "not_started", "progress": 10 })", "2026-06-01", "in_progress", "2026-06-30"},
      {"B", none, "2026-06-30", "overdue", "2026-06-30"},
      {"B", done_on("2026-06-30"), "2026-06-30", "done", "2026-06-30"},
      {"B", done_on("2026-07-01"), "2026-08-01", "done_late", "2026-06-30"},
      {"B", done_undated, "2027-01-01", "done", "2026-06-30"},
      // every year by 25/11, document of 2025-03-01
      {"Y", none, "2025-06-01", "not_due", "2025-11-25"},
      {"Y", in_progress, "2025-06-01", "in_progress", "2025-11-25"},
      {"Y", none, "2025-11-25", "overdue", "2025-11-25"},
      {"Y", none, "2026-01-01", "overdue", "2025-11-25"},
      {"Y", done_on("2025-11-25"), "2025-11-25", "done", "2025-11-25"},
      {"Y", done_on("2025-11-20"), "2026-06-01", "done", "2025-11-25"},
      {"Y", done_on("2025-11-20"), "2026-11-25", "overdue", "2026-11-25"},
      {"Y", done_on("2026-12-10"), "2026-12-31", "done_late", "2026-11-25"},
      {"Y", in_progress, "2026-06-01", "in_progress", "2026-11-25"},
      // from Q3 2026: no due day; not due before 1/7/2026
      {"F", none, "2026-06-30", "not_due", ""},
      {"F", none, "2026-07-01", "ongoing", ""},
      {"F", in_progress, "2027-01-01", "ongoing", ""},
      {"F", done_on("2026-08-01"), "2026-09-01", "done", ""},
      // from Q4 2025 to Q1 2026: due 31/03/2026
      {"R", none, "2025-09-30", "not_due", "2026-03-31"},
      {"R", in_progress, "2026-03-30", "in_progress", "2026-03-31"},
      {"R", in_progress, "2026-03-31", "overdue", "2026-03-31"},
      {"R", done_on("2026-03-31"), "2026-03-31", "done", "2026-03-31"},
      {"R", done_on("2026-04-01"), "2026-05-01", "done_late", "2026-03-31"},
  };
  for (auto const& r : table) {
    INFO(r.task << " as of " << r.as_of << " with " << (r.report.empty() ? "no report" : r.report));
    auto k = judge(r.task, r.report, r.as_of);
    CHECK(k.verdict == r.verdict);
    CHECK(k.due == r.due);
  }
}

TEST_CASE("eval: an overdue task puts the targets it serves and their trong-đó rows at risk") {
  auto checked = check_text(tasks_ct);
  REQUIRE(checked.rules);
  auto plan = eval::compile(*checked.rules);
  auto data = eval::load_submission_text(R"({ "kind": "province", "id": "p" })", plan.rules());
  REQUIRE(data.data);
  eval::evaluate_options options;
  options.as_of = *parse_iso_date("2026-01-15");  // Y is overdue for round 2025
  auto result = eval::evaluate(plan, *data.data, options);
  int y = plan.rules().find_task("d.Y")->index();
  for (auto const& t : result.units.at(0).targets) CHECK(t.at_risk_from == std::vector<int>{y});
}
