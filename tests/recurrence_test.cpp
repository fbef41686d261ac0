// Recurring and relative deadlines, layer by layer: `every month|quarter by D`, `every N years by DD/MM
// [from YYYY]`, `within N days of issue|DATE`, and obligations `every N years`. Every verdict and due day
// below is worked out by hand from docs/scoring.md §3–§4.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/report/inventory.hpp>
#include <chitieu/syntax/format.hpp>
#include <chitieu/syntax/parse.hpp>

#include <doctest/doctest.h>

#include "support/parse.hpp"

#include <string>
#include <nlohmann/json.hpp>

#include "support/evaluated.hpp"
#include "support/rules.hpp"

using namespace chitieu;
using namespace chitieu::testing_support;
namespace ast = chitieu::syntax::ast;

namespace {


ast::deadline const& deadline_of(ast::rule_file const& f, std::size_t decl) {
  auto const& block = boost::get<ast::block_decl>(f.declarations.at(decl).get());
  for (auto const& item : block.items)
    if (auto const* d = boost::get<ast::deadline_item>(&item.get())) return d->value;
  FAIL("no deadline");
  throw;
}

/// A document (dated `date`, or undated when empty), an agency and one task with `deadline`.
std::string task_rules(std::string const& deadline, std::string const& date) {
  return "document d { number \"01/KH\"" + (date.empty() ? std::string() : " date " + date) +
         " }\nagency so \"Sở\"\ntask K \"Báo cáo\" { lead so deadline " + deadline + " }\n";
}

struct judged {
  std::string verdict;
  std::string due;  // ISO, empty when none
};

/// Task K judged as of `as_of`, with `report` (a JSON object, or empty for none).
judged judge(std::string const& rules, std::string const& report, std::string const& as_of) {
  std::string tasks = report.empty() ? "" : R"(, "tasks": { "d": { "K": )" + report + " } }";
  auto s = score_text(rules, R"({ "kind": "province", "id": "p")" + tasks + " }", as_of);
  auto const& k = s.result.units.at(0).tasks.at(0);
  return {eval::to_string(k.result), k.due ? format_iso_date(k.due) : ""};
}

std::string done_on(std::string const& day) { return R"({ "status": "done", "completed": ")" + day + R"(" })"; }
constexpr char const* in_progress = R"({ "status": "in_progress" })";

}  // namespace

// ---- syntax ----

TEST_CASE("syntax: recurring and relative deadlines parse into their parts") {
  auto r = parse_text(R"(task M "t" { deadline every month by 5 }
task Q "t" { deadline every quarter by 20 }
task Y "t" { deadline every year by 25/11 }
task F "t" { deadline every 5 years by 31/12 from 2025 }
task G "t" { deadline every 5 years by 31/12 }
task W "t" { deadline within 30 days of issue }
task V "t" { deadline within 10 days of 2026-01-15 }
obligation O "o" { every 5 years from 2025 until 2045 require x > 0 }
obligation P "o" { every 5 years require x > 0 })");
  REQUIRE(r.ast);
  auto const& f = *r.ast;
  CHECK(deadline_of(f, 0).kind == ast::deadline_kind::monthly);
  CHECK(deadline_of(f, 0).day == 5);
  CHECK(deadline_of(f, 1).kind == ast::deadline_kind::quarterly);
  CHECK(deadline_of(f, 1).day == 20);
  CHECK(deadline_of(f, 2).kind == ast::deadline_kind::yearly);
  CHECK(deadline_of(f, 2).count == 1);
  CHECK_FALSE(deadline_of(f, 2).second);
  auto const& five = deadline_of(f, 3);
  CHECK(five.kind == ast::deadline_kind::yearly);
  CHECK(five.count == 5);
  REQUIRE(five.second);
  CHECK(boost::get<ast::year_lit>(five.second->get()).year == 2025);
  CHECK_FALSE(deadline_of(f, 4).second);
  CHECK(deadline_of(f, 5).kind == ast::deadline_kind::within);
  CHECK(deadline_of(f, 5).count == 30);
  CHECK_FALSE(deadline_of(f, 5).first);  // of issue
  REQUIRE(deadline_of(f, 6).first);
  CHECK(boost::get<ast::date_lit>(deadline_of(f, 6).first->get()).day == 15);
  auto const& o = boost::get<ast::block_decl>(f.declarations.at(7).get());
  auto const& every = boost::get<ast::every_item>(o.items.at(0).get());
  CHECK(every.interval == 5);
  CHECK(every.from == 2025u);
  CHECK(every.until == 2045u);
  auto const& p = boost::get<ast::block_decl>(f.declarations.at(8).get());
  CHECK(boost::get<ast::every_item>(p.items.at(0).get()).interval == 5);
}

TEST_CASE("syntax: malformed recurring deadlines are syntax.expected") {
  for (char const* text : {"task K \"t\" { deadline every week by 5 }",
                           "task K \"t\" { deadline every month 5 }",
                           "task K \"t\" { deadline every 5 year by 31/12 }",
                           "task K \"t\" { deadline within 30 of issue }",
                           "task K \"t\" { deadline within 30 days from issue }",
                           "task K \"t\" { deadline within days of issue }",
                           "obligation O \"o\" { every 5 require x > 0 }"}) {
    CAPTURE(text);
    auto r = parse_text(text);
    CHECK_FALSE(r.ast);
    REQUIRE_FALSE(r.diags.empty());
    CHECK(r.diags[0].code == "syntax.expected");
  }
}

// ---- sema ----

TEST_CASE("sema: recurring deadlines resolve with Vietnamese wording") {
  auto r = check_text(task_rules("every month by 31", "2026-01-15") +
                      "task Q \"t\" { lead so deadline every quarter by 20 }\n"
                      "task F \"t\" { lead so deadline every 5 years by 31/12 }\n"
                      "task G \"t\" { lead so deadline every 5 years by 31/12 from 2025 }\n"
                      "task W \"t\" { lead so deadline within 30 days of issue }\n"
                      "task V \"t\" { lead so deadline within 10 days of 2026-03-01 }\n");
  REQUIRE(r.rules);
  CHECK(r.diags.empty());  // day 31 is fine: shorter months fall due on their last day
  auto const& t = r.rules->tasks;
  CHECK(t[0].when.kind == sema::deadline_kind::monthly);
  CHECK(t[0].when.text == "Trước ngày 31 hằng tháng");
  CHECK(t[1].when.kind == sema::deadline_kind::quarterly);
  CHECK(t[1].when.text == "Trước ngày 20 tháng cuối mỗi quý");
  CHECK(t[2].when.every_years == 5);
  CHECK(t[2].when.from_year == 2026);  // counted from the document's year
  CHECK(t[2].when.text == "Trước ngày 31/12, định kỳ 5 năm (từ năm 2026)");
  CHECK(t[3].when.from_year == 2025);
  CHECK(t[4].when.kind == sema::deadline_kind::by);
  CHECK(format_iso_date(t[4].when.due) == "2026-02-14");  // 15/01 + 30 days
  CHECK(t[4].when.text == "Trong vòng 30 ngày kể từ ngày ban hành (đến ngày 14/02/2026)");
  CHECK(format_iso_date(t[5].when.due) == "2026-03-11");
}

TEST_CASE("sema: each recurrence mistake has its code") {
  struct row {
    char const* deadline;
    char const* date;
    char const* code;
    char const* covered;
  };
  row const rows[] = {
      {"every 0 years by 31/12", "2026-01-15", "sema.bad_interval", "every 0 years by 31/12"},
      {"within 0 days of issue", "2026-01-15", "sema.bad_interval", "within 0 days of issue"},
      {"every month by 32", "2026-01-15", "sema.bad_day_of_month", "every month by 32"},
      {"every quarter by 0", "2026-01-15", "sema.bad_day_of_month", "every quarter by 0"},
      {"every 5 years by 31/12 from 1800", "2026-01-15", "sema.bad_period", "1800"},
      {"every 5 years by 31/12 from 12/2025", "2026-01-15", "sema.bad_period", "12/2025"},
      {"every 5 years by 31/13", "2026-01-15", "sema.bad_period", "31/13"},
      {"within 30 days of issue", "", "sema.undated_issue", "within 30 days of issue"},
      {"within 30 days of Q1 2026", "", "sema.bad_period", "Q1 2026"},
      {"within 30 days of 2026-02-30", "", "sema.bad_date", "2026-02-30"},
  };
  for (auto const& row : rows) {
    CAPTURE(row.deadline);
    auto r = check_text(task_rules(row.deadline, row.date));
    REQUIRE(r.diags.size() == 1);
    CHECK(r.diags[0].code == row.code);
    CHECK(covered(r, r.diags[0]) == row.covered);
  }
}

TEST_CASE("sema: an obligation's recurrence is checked") {
  std::string head = "field province.dan_so : count \"Dân số\"\ndocument d { number \"1\" date 2026-01-15 }\n";
  auto zero = check_text(head + "obligation O \"o\" { applies to province every 0 years require dan_so > 0 }");
  CHECK(codes(zero.diags) == std::vector<std::string>{"sema.bad_interval"});
  auto far = check_text(head + "obligation O \"o\" { applies to province every 5 years from 3000 require dan_so > 0 }");
  CHECK(codes(far.diags) == std::vector<std::string>{"sema.bad_period"});
  auto ok = check_text(head + "obligation O \"o\" { applies to province every 5 years require dan_so > 0 }");
  REQUIRE(ok.rules);
  CHECK(ok.rules->obligations[0].every_years == 5);
  CHECK(ok.rules->obligations[0].start_year == 2026);  // the document's year
}

TEST_CASE("report: the inventory names each recurring deadline's rounds") {
  auto r = check_text(task_rules("every 5 years by 31/12 from 2025", "2026-01-15") +
                      "task M \"t\" { lead so deadline every month by 5 }\n"
                      "task W \"t\" { lead so deadline within 30 days of issue }\n");
  REQUIRE(r.rules);
  auto tasks = report::inventory_json(*r.rules, r.sources)["tasks"];
  CHECK(tasks[0]["deadline"]["kind"] == "yearly");
  CHECK(tasks[0]["deadline"]["every_year"] == "31/12");
  CHECK(tasks[0]["deadline"]["every"] ==
        nlohmann::json{{"period", "years"}, {"count", 5}, {"day", 31}, {"from", 2025}});
  CHECK(tasks[1]["deadline"]["kind"] == "monthly");
  CHECK(tasks[1]["deadline"]["every"]["day"] == 5);
  CHECK(tasks[2]["deadline"]["kind"] == "by");
  CHECK(tasks[2]["deadline"]["due"] == "2026-02-14");
  CHECK(tasks[2]["deadline"]["every"].is_null());
}

// ---- eval: tasks ----

TEST_CASE("eval: every month by 5") {
  // Document of 20/02/2026: February's round (due 05/02) came before it, so March's is the first.
  auto rules = task_rules("every month by 5", "2026-02-20");
  auto r = judge(rules, "", "2026-03-04");
  CHECK(r.verdict == "not_due");
  CHECK(r.due == "2026-03-05");
  r = judge(rules, "", "2026-03-06");
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2026-03-05");
  r = judge(rules, done_on("2026-03-05"), "2026-03-05");
  CHECK(r.verdict == "done");
  CHECK(r.due == "2026-03-05");
  r = judge(rules, done_on("2026-03-08"), "2026-03-10");
  CHECK(r.verdict == "done_late");
  CHECK(r.due == "2026-03-05");
  // March answered; April's round came on 05/04 unanswered.
  r = judge(rules, done_on("2026-03-05"), "2026-04-10");
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2026-04-05");
  // Undated document: every month has a round; the oldest unanswered of February and March is February's.
  r = judge(task_rules("every month by 5", ""), "", "2026-03-06");
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2026-02-05");
}

TEST_CASE("eval: every month by 31 falls due on a shorter month's last day") {
  auto rules = task_rules("every month by 31", "2026-02-20");  // February's round: 28/02, after the document
  CHECK(judge(rules, "", "2026-02-27").due == "2026-02-28");
  CHECK(judge(rules, "", "2026-02-27").verdict == "not_due");
  CHECK(judge(rules, "", "2026-02-28").verdict == "overdue");
  CHECK(judge(rules, done_on("2026-04-30"), "2026-04-30").due == "2026-04-30");
  CHECK(judge(rules, done_on("2026-04-30"), "2026-04-30").verdict == "done");
}

TEST_CASE("eval: every quarter by 20 is due on day 20 of the quarter's last month") {
  // Document of 01/04/2026: the first round is the second quarter's, due 20/06/2026.
  auto rules = task_rules("every quarter by 20", "2026-04-01");
  auto r = judge(rules, "", "2026-06-19");
  CHECK(r.verdict == "not_due");
  CHECK(r.due == "2026-06-20");
  r = judge(rules, in_progress, "2026-06-19");
  CHECK(r.verdict == "in_progress");
  r = judge(rules, "", "2026-06-20");
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2026-06-20");
  r = judge(rules, done_on("2026-06-15"), "2026-09-21");  // Q2 answered; Q3 due 20/09 is not
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2026-09-20");
  r = judge(rules, done_on("2026-09-20"), "2026-09-21");  // the report answers Q3, which it falls in
  CHECK(r.verdict == "done");
  CHECK(r.due == "2026-09-20");
  // Across the year: a document of 01/12/2025 has Q4 2025 (20/12/2025) first; Q1 2026 is due 20/03.
  auto winter = task_rules("every quarter by 20", "2025-12-01");
  r = judge(winter, done_on("2026-03-20"), "2026-03-20");
  CHECK(r.verdict == "done");
  CHECK(r.due == "2026-03-20");
  r = judge(winter, done_on("2025-12-19"), "2026-03-21");
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2026-03-20");
}

TEST_CASE("eval: every 5 years by 31/12 from 2025") {
  auto rules = task_rules("every 5 years by 31/12 from 2025", "2025-03-01");
  auto r = judge(rules, "", "2025-12-30");
  CHECK(r.verdict == "not_due");
  CHECK(r.due == "2025-12-31");
  r = judge(rules, "", "2027-06-01");  // round 2025 passed unanswered; 2030's is far ahead
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2025-12-31");
  r = judge(rules, done_on("2025-12-20"), "2027-06-01");
  CHECK(r.verdict == "done");
  CHECK(r.due == "2025-12-31");
  r = judge(rules, done_on("2026-02-01"), "2027-06-01");  // late, within round 2025's years
  CHECK(r.verdict == "done_late");
  CHECK(r.due == "2025-12-31");
  r = judge(rules, done_on("2025-12-20"), "2030-12-31");  // round 2030 comes due unanswered
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2030-12-31");
  // A document after round 2025's due day: the first round is 2030's.
  r = judge(task_rules("every 5 years by 31/12 from 2025", "2026-03-01"), "", "2027-06-01");
  CHECK(r.verdict == "not_due");
  CHECK(r.due == "2030-12-31");
  // Without `from`: counted from the document's year, 2026, 2031, …
  r = judge(task_rules("every 5 years by 31/12", "2026-01-15"), "", "2030-06-01");
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2026-12-31");
  // Neither `from` nor a document date: from the year judged.
  r = judge(task_rules("every 5 years by 30/06", ""), "", "2027-03-01");
  CHECK(r.verdict == "not_due");
  CHECK(r.due == "2027-06-30");
}

TEST_CASE("eval: every year by 25/11 from 2027 has no round before 2027") {
  // Document of 15/01/2026: 25/11/2026 would be a round, but `from 2027` starts them a year later.
  auto rules = task_rules("every year by 25/11 from 2027", "2026-01-15");
  auto r = judge(rules, "", "2026-12-01");
  CHECK(r.verdict == "not_due");
  CHECK(r.due == "2027-11-25");
  r = judge(rules, "", "2027-11-25");
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2027-11-25");
  r = judge(rules, done_on("2027-11-20"), "2028-11-25");  // 2027 answered; 2028 comes due unanswered
  CHECK(r.verdict == "overdue");
  CHECK(r.due == "2028-11-25");
  auto checked = check_text(rules);
  REQUIRE(checked.rules);
  CHECK(checked.rules->tasks[0].when.text == "Trước ngày 25/11 hằng năm (từ năm 2027)");
}

TEST_CASE("eval: within N days is one due day") {
  auto issue = task_rules("within 30 days of issue", "2026-01-15");  // due 14/02/2026
  CHECK(judge(issue, "", "2026-02-13").verdict == "not_due");
  CHECK(judge(issue, "", "2026-02-14").verdict == "overdue");
  CHECK(judge(issue, "", "2026-02-14").due == "2026-02-14");
  CHECK(judge(issue, done_on("2026-02-14"), "2026-03-01").verdict == "done");
  CHECK(judge(issue, done_on("2026-02-15"), "2026-03-01").verdict == "done_late");
  auto dated = task_rules("within 10 days of 2026-03-01", "");  // due 11/03/2026
  CHECK(judge(dated, "", "2026-03-11").due == "2026-03-11");
  CHECK(judge(dated, "", "2026-03-10").verdict == "not_due");
}

// ---- eval: obligations ----

TEST_CASE("eval: an obligation every 5 years is judged only in its years") {
  std::string rules = R"(document d { number "1" date 2025-01-10 }
field province.dan_so : count "Dân số"
obligation O "Điều tra" { applies to province every 5 years from 2025 require dan_so > 0 }
obligation P "Định kỳ theo văn bản" { applies to province every 5 years require dan_so > 0 }
)";
  // 2027's zero is no round of the census: neither judged nor missing.
  std::string data = R"({"kind":"province","id":"p","values":{"2025":{"dan_so":10},"2027":{"dan_so":0}}})";
  auto before = score_text(rules, data, "2029-12-31");
  auto const& o = before.result.units[0].obligations[0];
  REQUIRE(o.years.size() == 1);
  CHECK(o.years[0].year == 2025);
  CHECK(o.overall == eval::verdict::met);
  // Start from the document's year, 2025: the same rounds without `from`.
  CHECK(before.result.units[0].obligations[1].years.size() == 1);

  auto after = score_text(rules, data, "2031-06-01");
  auto const& o2 = after.result.units[0].obligations[0];
  REQUIRE(o2.years.size() == 2);
  CHECK(o2.years[1].year == 2030);
  CHECK(o2.years[1].result == eval::verdict::no_data);  // nothing submitted for 2030
  CHECK(o2.overall == eval::verdict::no_data);
}

TEST_CASE("eval: every year stays every year") {
  std::string rules = R"(document d { number "1" }
field province.dan_so : count "Dân số"
obligation O "o" { applies to province every year from 2025 require dan_so > 0 }
)";
  std::string data = R"({"kind":"province","id":"p","values":{"2025":{"dan_so":10},"2026":{"dan_so":0}}})";
  auto s = score_text(rules, data, "2026-12-31");
  auto const& o = s.result.units[0].obligations[0];
  REQUIRE(o.years.size() == 2);
  CHECK(o.years[1].result == eval::verdict::not_met);
}

// ---- fmt ----

TEST_CASE("fmt: recurring and relative deadlines lay out and are idempotent") {
  std::string text =
      "task K \"k\" { lead so deadline within 30 days of issue serves T1 }\n"
      "task M \"m\" { deadline every month by 5 lead so }\n"
      "task F \"f\" { deadline every 5 years by 31/12 from 2025 lead so }\n"
      "obligation O \"o\" { every 5 years require x >= 5 }\n";
  auto once = syntax::format(source_file("t.ct", text));
  REQUIRE(once.text);
  CHECK(*once.text ==
        "task K \"k\" {\n  lead so\n  deadline within 30 days of issue\n  serves T1\n}\n\n"
        "task M \"m\" {\n  deadline every month by 5\n  lead so\n}\n\n"
        "task F \"f\" {\n  deadline every 5 years by 31/12 from 2025\n  lead so\n}\n\n"
        "obligation O \"o\" {\n  every 5 years\n  require x >= 5\n}\n");
  auto twice = syntax::format(source_file("t.ct", *once.text));
  REQUIRE(twice.text);
  CHECK(*twice.text == *once.text);
}
