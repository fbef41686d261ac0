// The graph layer: building the dependency graph, the graph.* checks (each triggered and not), the
// queries behind `who`, `agency`, `plan` and `template`, and golden DOT output.
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/date.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/graph_render.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace chitieu;

namespace {

// Shared declarations every small rule set below builds on.
constexpr char const* common_ct = R"(
unit province "Tỉnh" counted "tỉnh"
unit school "Trường" counted "trường"
field school.dat_chuan : bool "Trường đạt chuẩn quốc gia"
field school.phong_stem : count of "phòng" "Số phòng học STEM"
field school.khong_dung : bool "Trường có thư viện số"
field province.ty_le : percent "Tỉ lệ lao động qua đào tạo"
field province.chi_gd : money "Chi cho giáo dục"
field province.tong_chi : money "Tổng chi ngân sách"
agency so_gd "Sở Giáo dục và Đào tạo" level province
agency so_tc "Sở Tài chính" level province
agency ubnd "Ủy ban nhân dân tỉnh" level province
)";

struct loaded {
  ruleset_result result;
  sema::checked_ruleset const& rules() const { return *result.rules; }
};

loaded load(std::string plan, std::vector<source_file> more = {}) {
  std::vector<source_file> files{source_file("common.ct", common_ct),
                                 source_file("plan.ct", std::move(plan))};
  for (auto& f : more) files.push_back(std::move(f));
  loaded out{check_sources(std::move(files))};
  for (auto const& d : out.result.diags)
    if (d.level == severity::error) MESSAGE(d.code << ": " << d.message);
  REQUIRE(out.result.rules);
  return out;
}

diagnostics with_code(diagnostics const& all, std::string const& code, severity level) {
  diagnostics out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](diagnostic const& d) { return d.code == code && d.level == level; });
  return out;
}

// The text a diagnostic points at, for asserting positions without line numbers.
std::string at(loaded const& l, diagnostic const& d) {
  auto text = l.result.sources.at(d.file).text();
  return std::string(
      text.substr(d.span.begin, std::min<std::size_t>(d.span.end - d.span.begin, 40)));
}

bool starts_with(std::string const& s, std::string const& prefix) {
  return s.rfind(prefix, 0) == 0;
}

int task_index(sema::checked_ruleset const& rules, std::string const& id) {
  for (std::size_t i = 0; i < rules.tasks.size(); ++i)
    if (rules.qualified_id(rules.tasks[i]) == id) return int(i);
  FAIL("no task " << id);
  return -1;
}

int target_index(sema::checked_ruleset const& rules, std::string const& id) {
  for (std::size_t i = 0; i < rules.targets.size(); ++i)
    if (rules.qualified_id(rules.targets[i]) == id) return int(i);
  FAIL("no target " << id);
  return -1;
}

std::vector<std::string> task_ids(sema::checked_ruleset const& rules,
                                  std::vector<int> const& tasks) {
  std::vector<std::string> out;
  for (int t : tasks) out.push_back(rules.qualified_id(rules.tasks[std::size_t(t)]));
  return out;
}

std::vector<std::string> agency_ids(sema::checked_ruleset const& rules,
                                    std::vector<int> const& agencies) {
  std::vector<std::string> out;
  for (int a : agencies) out.push_back(rules.agencies[std::size_t(a)].id);
  return out;
}

bool has_edge(graph::dependency_graph const& g, std::string const& from, std::string const& to,
              graph::edge_kind kind) {
  auto u = graph::find_nodes(g, from), v = graph::find_nodes(g, to);
  if (u.size() != 1 || v.size() != 1) return false;
  for (auto e : boost::make_iterator_range(boost::out_edges(u[0], g.g)))
    if (boost::target(e, g.g) == v[0] && g.g[e].kind == kind) return true;
  return false;
}

std::string slurp(fs::path const& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A plan with one of everything: parent rows, an indicator, an aggregate over schools, an
// obligation, tasks with lead and support agencies and one dependency.
constexpr char const* small_plan = R"(
document kh1 { number "01/KH-UBND" title "Kế hoạch thử" date 2026-01-05 }

indicator stem_moi_truong "Phòng STEM mỗi trường" = sum(school, phong_stem) / count(school)

target T1 "Trường đạt chuẩn quốc gia" {
  applies to province
  measure share(school, dat_chuan)
  >= 90% by 2030
}
target T2 "Trong đó: phòng STEM" {
  applies to province
  measure stem_moi_truong
  >= 1 by 2030
  parent T1
}
obligation O1 "Chi cho giáo dục trên 20%" {
  applies to province
  every year from 2026
  require chi_gd / tong_chi > 20%
}
task K1 "Ban hành kế hoạch" {
  lead so_gd
  support so_tc
  deadline by Q1 2026
  serves T1
}
task K2 "Đầu tư phòng STEM" {
  lead ubnd
  support so_gd
  deadline during 2026
  after K1
  serves T2, O1
}
)";

}  // namespace

TEST_CASE("graph: nodes and edges of every kind") {
  auto l = load(small_plan);
  auto g = graph::build(l.rules());
  using graph::edge_kind;
  CHECK(graph::find_nodes(g, "document:kh1").size() == 1);
  CHECK(has_edge(g, "kh1.T2", "kh1.T1", edge_kind::parent));
  CHECK(has_edge(g, "kh1.T2", "kh1.stem_moi_truong", edge_kind::reads));
  CHECK(has_edge(g, "kh1.stem_moi_truong", "school.phong_stem", edge_kind::reads));
  CHECK_FALSE(
      has_edge(g, "kh1.T2", "school.phong_stem", edge_kind::reads));  // through the indicator
  CHECK(has_edge(g, "kh1.T1", "school.dat_chuan", edge_kind::reads));
  CHECK(has_edge(g, "kh1.O1", "province.chi_gd", edge_kind::reads));
  CHECK(has_edge(g, "kh1.K2", "kh1.T2", edge_kind::serves));
  CHECK(has_edge(g, "kh1.K2", "kh1.O1", edge_kind::serves));
  CHECK(has_edge(g, "kh1.K2", "kh1.K1", edge_kind::depends_on));
  CHECK(has_edge(g, "so_gd", "kh1.K1", edge_kind::leads));
  CHECK(has_edge(g, "so_gd", "kh1.K2", edge_kind::coordinates));

  SUBCASE("names resolve with or without the document, and say when they are ambiguous") {
    CHECK(graph::find_nodes(g, "T1").size() == 1);
    CHECK(graph::find_nodes(g, "target:kh1.T1").size() == 1);
    CHECK(graph::find_nodes(g, "task:kh1.T1").empty());
    CHECK(graph::find_nodes(g, "nothing").empty());
  }
}

TEST_CASE("graph: documents and targets link to what they implement") {
  auto l = load(R"(
document bn { number "04-CTr/TU" implements "71-NQ/TW" }
target T3 "Tỉ lệ lao động qua đào tạo" {
  applies to province
  measure ty_le
  >= 95% by 2030
  implements nq71.T3
}
task K1 "Đào tạo" { lead so_gd serves T3 }
)",
                {source_file("nq71.ct", R"(
document nq71 { number "71-NQ/TW" }
target T3 "Lao động qua đào tạo" { applies to province measure ty_le >= 95% by 2030 }
task K1 "Chỉ đạo" { lead ubnd serves T3 }
)")});
  auto g = graph::build(l.rules());
  CHECK(has_edge(g, "document:bn", "document:nq71", graph::edge_kind::implements));
  CHECK(has_edge(g, "bn.T3", "nq71.T3", graph::edge_kind::implements));
  CHECK(graph::find_nodes(g, "T3").size() == 2);  // ambiguous without the document
  CHECK(with_code(graph::check(l.rules()), "graph.weaker_than_implemented", severity::warning)
            .empty());
}

TEST_CASE("graph: a task dependency cycle is an error naming the whole cycle") {
  SUBCASE("cycle") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Một" { lead so_gd after K3 }
task K2 "Hai" { lead so_gd after K1 }
task K3 "Ba" { lead so_gd after K2 }
)");
    auto diags = graph::check(l.rules());
    auto errors = with_code(diags, "graph.task_cycle", severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("kh1.K1 → kh1.K3 → kh1.K2 → kh1.K1") != std::string::npos);
    CHECK(starts_with(at(l, errors[0]), "task K1"));
    CHECK(with_code(diags, "graph.task_cycle", severity::note).size() == 2);
    CHECK(with_code(diags, "graph.schedule_conflict", severity::error).empty());
    auto order = graph::order_tasks(l.rules(), graph::build(l.rules()));
    CHECK(order.cycles.size() == 1);
    CHECK(order.order.empty());
  }
  SUBCASE("a chain is not a cycle") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Một" { lead so_gd }
task K2 "Hai" { lead so_gd after K1 }
task K3 "Ba" { lead so_gd after K2, K1 }
)");
    CHECK(with_code(graph::check(l.rules()), "graph.task_cycle", severity::error).empty());
  }
}

TEST_CASE("graph: parent and implements cycles are errors") {
  SUBCASE("parent cycle") {
    auto l = load(R"(
document kh1 { number "01/KH" }
target T1 "Một" { applies to province measure ty_le >= 90% by 2030 parent T2 }
target T2 "Hai" { applies to province measure ty_le >= 80% by 2030 parent T1 }
task K1 "Việc" { lead so_gd serves T1 }
)");
    auto diags = graph::check(l.rules());
    auto errors = with_code(diags, "graph.parent_cycle", severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("kh1.T1 → kh1.T2 → kh1.T1") != std::string::npos);
    CHECK(starts_with(at(l, errors[0]), "target T1"));
    // Queries walking the parent chain stay finite on such a rule set.
    CHECK(graph::serving_tasks(l.rules(), target_index(l.rules(), "kh1.T2")).size() == 1);
  }
  SUBCASE("implements cycle") {
    auto l = load(R"(
document kh1 { number "01/KH" }
target T1 "Một" { applies to province measure ty_le >= 90% by 2030 implements kh2.T1 }
task K1 "Việc" { lead so_gd serves T1 }
)",
                  {source_file("kh2.ct", R"(
document kh2 { number "02/KH" }
target T1 "Một" { applies to province measure ty_le >= 90% by 2030 implements kh1.T1 }
task K1 "Việc" { lead ubnd support so_tc serves T1 }
)")});
    auto errors = with_code(graph::check(l.rules()), "graph.implements_cycle", severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message.find("kh1.T1 → kh2.T1 → kh1.T1") != std::string::npos);
  }
  SUBCASE("a parent chain is fine") {
    auto l = load(small_plan);
    auto diags = graph::check(l.rules());
    CHECK(with_code(diags, "graph.parent_cycle", severity::error).empty());
    CHECK(with_code(diags, "graph.implements_cycle", severity::error).empty());
    CHECK_FALSE(has_errors(diags));
  }
}

TEST_CASE("graph: a task due before its prerequisite can finish is an error") {
  SUBCASE("conflict") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Khảo sát" { lead so_gd deadline during Q2 2026 }
task K2 "Ban hành" { lead so_gd deadline by 3/2026 after K1 }
)");
    auto errors = with_code(graph::check(l.rules()), "graph.schedule_conflict", severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(starts_with(at(l, errors[0]), "task K2"));
    CHECK(errors[0].message.find("2026-03-31") != std::string::npos);
    CHECK(errors[0].message.find("2026-04-01") != std::string::npos);
  }
  SUBCASE("the conflict is carried along a chain") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Khảo sát" { lead so_gd deadline during Q3 2026 }
task K2 "Dự thảo" { lead so_gd after K1 }
task K3 "Ban hành" { lead so_gd deadline by 6/2026 after K2 }
)");
    auto errors = with_code(graph::check(l.rules()), "graph.schedule_conflict", severity::error);
    REQUIRE(errors.size() == 1);
    CHECK(starts_with(at(l, errors[0]), "task K3"));
  }
  SUBCASE("no conflict") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Khảo sát" { lead so_gd deadline during Q2 2026 }
task K2 "Ban hành" { lead so_gd deadline during Q3 2026 after K1 }
task K3 "Theo dõi" { lead so_gd deadline ongoing after K1 }
)");
    auto diags = graph::check(l.rules());
    CHECK(with_code(diags, "graph.schedule_conflict", severity::error).empty());
    CHECK(with_code(diags, "graph.due_before_prerequisite", severity::warning).empty());
  }
}

TEST_CASE("graph: a task due before its prerequisite is due is a warning") {
  SUBCASE("earlier due") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Khảo sát" { lead so_gd deadline by 6/2026 }
task K2 "Ban hành" { lead so_gd deadline by 3/2026 after K1 }
)");
    auto diags = graph::check(l.rules());
    auto warnings = with_code(diags, "graph.due_before_prerequisite", severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(starts_with(at(l, warnings[0]), "task K2"));
    CHECK(with_code(diags, "graph.schedule_conflict", severity::error).empty());
  }
  SUBCASE("later due") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Khảo sát" { lead so_gd deadline by 6/2026 }
task K2 "Ban hành" { lead so_gd deadline by 9/2026 after K1 }
)");
    CHECK(with_code(graph::check(l.rules()), "graph.due_before_prerequisite", severity::warning)
              .empty());
  }
}

TEST_CASE("graph: a target no task serves is a warning") {
  SUBCASE("unserved") {
    auto l = load(R"(
document kh1 { number "01/KH" }
target T1 "Đạt chuẩn" { applies to province measure share(school, dat_chuan) >= 90% by 2030 }
task K1 "Việc khác" { lead so_gd }
)");
    auto warnings = with_code(graph::check(l.rules()), "graph.unserved_target", severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(starts_with(at(l, warnings[0]), "target T1"));
  }
  SUBCASE("served directly, or through its parent") {
    auto l = load(small_plan);
    CHECK(with_code(graph::check(l.rules()), "graph.unserved_target", severity::warning).empty());
    auto l2 = load(R"(
document kh1 { number "01/KH" }
target T1 "Đạt chuẩn" { applies to province measure share(school, dat_chuan) >= 90% by 2030 }
target T2 "Trong đó" {
  applies to province measure share(school, dat_chuan) >= 50% by 2030 parent T1
}
task K1 "Xây dựng trường chuẩn" { lead so_gd serves T1 }
)");
    CHECK(with_code(graph::check(l2.rules()), "graph.unserved_target", severity::warning).empty());
  }
}

TEST_CASE("graph: a task without a lead agency is a warning") {
  auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Có chủ trì" { lead so_gd }
task K2 "Chỉ phối hợp" { support so_tc }
)");
  auto warnings = with_code(graph::check(l.rules()), "graph.task_without_lead", severity::warning);
  REQUIRE(warnings.size() == 1);
  CHECK(starts_with(at(l, warnings[0]), "task K2"));
}

TEST_CASE("graph: an agency that neither leads nor coordinates is a warning") {
  SUBCASE("idle") {
    auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Việc" { lead so_gd support so_tc }
)");
    auto warnings = with_code(graph::check(l.rules()), "graph.idle_agency", severity::warning);
    REQUIRE(warnings.size() == 1);
    CHECK(starts_with(at(l, warnings[0]), "agency ubnd"));
  }
  SUBCASE("every agency busy") {
    auto l = load(small_plan);
    CHECK(with_code(graph::check(l.rules()), "graph.idle_agency", severity::warning).empty());
  }
}

TEST_CASE("graph: a target weaker than the target it implements is a warning") {
  auto national = source_file("nq71.ct", R"(
document nq71 { number "71-NQ/TW" }
target T3 "Lao động qua đào tạo" { applies to province measure ty_le >= 95% by 2030 = 100% by 2045 }
target T4 "Tỉ lệ lao động" { applies to province measure ty_le > 80% by 2030 }
task K1 "Chỉ đạo" { lead ubnd serves T3, T4 }
)");
  auto plan = [](std::string t3, std::string t4 = ">= 81% by 2030") {
    return "document bn { number \"04-CTr/TU\" implements \"71-NQ/TW\" }\n"
           "target T3 \"Lao động qua đào tạo\" { applies to province measure ty_le " +
           t3 +
           " implements nq71.T3 }\n"
           "target T4 \"Tỉ lệ lao động\" { applies to province measure ty_le " +
           t4 +
           " implements nq71.T4 }\n"
           "task K1 \"Đào tạo\" { lead so_gd serves T3, T4 }\n";
  };
  auto weaker = [&](std::string t3, std::string t4 = ">= 81% by 2030") {
    auto l = load(plan(std::move(t3), std::move(t4)), {national});
    return with_code(graph::check(l.rules()), "graph.weaker_than_implemented", severity::warning);
  };
  SUBCASE("lower threshold") {
    auto w = weaker(">= 90% by 2030");
    REQUIRE(w.size() == 1);
    CHECK(w[0].message.find("lower threshold") != std::string::npos);
    CHECK(w[0].message.find(">= 90% by 2030 against >= 95% by 2030") != std::string::npos);
  }
  SUBCASE("later year") {
    auto w = weaker(">= 95% by 2032");
    REQUIRE(w.size() == 1);
    CHECK(w[0].message.find("later year") != std::string::npos);
  }
  SUBCASE("looser comparator") {
    auto w = weaker(">= 95% by 2030", ">= 80% by 2030");
    REQUIRE(w.size() == 1);
    CHECK(w[0].message.find("looser comparator") != std::string::npos);
    CHECK(w[0].message.find("nq71.T4") != std::string::npos);
  }
  SUBCASE("as strict or stricter, within its own horizon") {
    // The province plan stops at 2030, so the national 2045 milestone is not held against it.
    CHECK(weaker(">= 96% by 2030").empty());
    CHECK(weaker(">= 95% by 2028", "> 80% by 2030").empty());
  }
}

TEST_CASE("graph: accountable agencies come from tasks serving the target and its parents") {
  auto l = load(small_plan);
  auto const& rules = l.rules();
  int t1 = target_index(rules, "kh1.T1"), t2 = target_index(rules, "kh1.T2");

  auto who = graph::find_accountability(rules, t2);
  REQUIRE(who.tasks.size() == 2);
  CHECK(who.tasks[0].task == task_index(rules, "kh1.K1"));
  CHECK(who.tasks[0].via_target == t1);  // K1 serves the parent row
  CHECK(who.tasks[1].via_target == t2);
  CHECK(agency_ids(rules, who.leads) == std::vector<std::string>{"so_gd", "ubnd"});
  CHECK(agency_ids(rules, who.supports) == std::vector<std::string>{"so_tc"});
  CHECK(agency_ids(rules, graph::accountable_agencies(rules, t2)) ==
        std::vector<std::string>{"so_gd", "ubnd", "so_tc"});

  // A parent is not served by the tasks of its "trong đó" rows.
  CHECK(task_ids(rules, graph::serving_tasks(rules, t1)) == std::vector<std::string>{"kh1.K1"});

  std::ostringstream text;
  report::render_accountability(text, who, rules);
  CHECK(text.str().find("Nhiệm vụ phục vụ chỉ tiêu (2):") != std::string::npos);
  CHECK(text.str().find("thông qua chỉ tiêu cha kh1.T1") != std::string::npos);
  CHECK(text.str().find("Cơ quan chịu trách nhiệm:") != std::string::npos);
  CHECK(text.str().find("  chủ trì   so_gd") != std::string::npos);
  CHECK(text.str().find("  phối hợp  so_tc") != std::string::npos);
}

TEST_CASE("graph: task status from reports") {
  sema::task t;
  t.when.kind = sema::deadline_kind::by;
  t.when.due = *parse_iso_date("2026-06-30");
  auto day = [](char const* s) { return *parse_iso_date(s); };
  graph::task_report done{"done", day("2026-06-01"), std::nullopt, ""};
  graph::task_report late{"done", day("2026-07-02"), std::nullopt, ""};
  graph::task_report going{"in_progress", std::nullopt, 40.0, ""};
  using graph::task_status;
  CHECK(graph::status_of(t, &done, day("2026-08-01")) == task_status::done);
  CHECK(graph::status_of(t, &late, day("2026-08-01")) == task_status::done_late);
  CHECK(graph::status_of(t, &going, day("2026-08-01")) == task_status::overdue);
  CHECK(graph::status_of(t, nullptr, day("2026-08-01")) == task_status::overdue);
  CHECK(graph::status_of(t, &going, day("2026-05-01")) == task_status::in_progress);
  CHECK(graph::status_of(t, nullptr, day("2026-05-01")) == task_status::not_due);
  CHECK(graph::status_of(t, nullptr, day("2026-06-30")) ==
        task_status::not_due);  // due day included

  sema::task open;
  open.when.kind = sema::deadline_kind::ongoing;
  CHECK(graph::status_of(open, &going, day("2030-01-01")) == task_status::ongoing);

  sema::task yearly;
  yearly.when.kind = sema::deadline_kind::yearly;
  yearly.when.day = 25;
  yearly.when.month = 11;
  graph::task_report last_year{"done", day("2025-11-20"), std::nullopt, ""};
  CHECK(graph::status_of(yearly, &last_year, day("2026-12-01")) == task_status::overdue);
  CHECK(graph::status_of(yearly, &last_year, day("2025-12-01")) == task_status::done);
}

TEST_CASE("graph: what an agency owns, overdue first") {
  auto l = load(small_plan);
  auto const& rules = l.rules();
  auto g = graph::build(rules);
  auto submission = nlohmann::json::parse(R"({
    "kind": "province", "id": "t",
    "tasks": { "kh1": { "K1": { "status": "done", "completed": "2026-03-01" },
                        "K9": { "status": "done" } } } })");
  std::vector<std::string> problems;
  auto reports = graph::read_task_reports(submission, rules, &problems);
  CHECK(reports.size() == 1);
  CHECK(problems.size() == 1);  // K9 is unknown
  int so_gd = rules.find_agency("so_gd");
  auto work = graph::find_agency_work(rules, g, so_gd, &reports, *parse_iso_date("2027-02-01"));
  REQUIRE(work.tasks.size() == 2);
  CHECK(work.tasks[0].task == task_index(rules, "kh1.K2"));
  CHECK(work.tasks[0].status == graph::task_status::overdue);
  CHECK(work.tasks[0].role == graph::agency_role::support);
  CHECK(work.tasks[1].status == graph::task_status::done);
  CHECK(work.targets.size() == 2);
  CHECK(work.obligations.size() == 1);

  // Statuses read as on the scorecard; dates as Vietnamese documents write them.
  std::ostringstream text;
  report::render_agency_work(text, work, rules, *parse_iso_date("2027-02-01"));
  CHECK(text.str().find("tình trạng tại ngày 01/02/2027") != std::string::npos);
  CHECK(text.str().find("Nhiệm vụ (2: chủ trì 1, phối hợp 1):") != std::string::npos);
  CHECK(text.str().find("  Quá hạn          phối hợp  kh1.K2") != std::string::npos);
  CHECK(text.str().find("chưa báo cáo") != std::string::npos);
  CHECK(text.str().find("báo cáo: hoàn thành ngày 01/03/2026") != std::string::npos);

  // K2 is overdue and serves T2; K1, which serves the parent T1, is done.
  auto risks = graph::targets_at_risk(rules, g, reports, *parse_iso_date("2027-02-01"));
  REQUIRE(risks.size() == 1);
  CHECK(risks[0].target == target_index(rules, "kh1.T2"));
  CHECK(task_ids(rules, risks[0].overdue_tasks) == std::vector<std::string>{"kh1.K2"});
  CHECK(graph::targets_at_risk(rules, g, reports, *parse_iso_date("2026-06-01")).empty());
}

TEST_CASE("graph: task order puts prerequisites first and finds the critical path") {
  auto l = load(R"(
document kh1 { number "01/KH" }
task K1 "Khảo sát" { lead so_gd deadline during Q1 2026 }
task K2 "Dự thảo" { lead so_gd deadline during Q2 2026 after K1 }
task K3 "Ban hành" { lead ubnd deadline during Q3 2026 after K2 }
task K4 "Tuyên truyền" { lead so_gd deadline by 2/2026 }
task K5 "Kiểm tra" { lead so_gd deadline every year by 25/11 after K1 }
task K6 "Theo dõi" { lead so_gd deadline ongoing }
)");
  auto const& rules = l.rules();
  auto order = graph::order_tasks(rules, graph::build(rules));
  REQUIRE(order.cycles.empty());
  auto pos = [&](char const* id) {
    auto ids = task_ids(rules, order.order);
    return std::find(ids.begin(), ids.end(), id) - ids.begin();
  };
  CHECK(order.order.size() == 6);
  CHECK(pos("kh1.K1") < pos("kh1.K2"));
  CHECK(pos("kh1.K2") < pos("kh1.K3"));
  CHECK(pos("kh1.K1") < pos("kh1.K5"));
  REQUIRE(order.groups.size() == 6);  // four due days, yearly, open-ended
  CHECK(task_ids(rules, order.groups[0].tasks) == std::vector<std::string>{"kh1.K4"});
  CHECK(order.groups[4].type == graph::deadline_group::kind::yearly);
  CHECK(task_ids(rules, order.groups[5].tasks) == std::vector<std::string>{"kh1.K6"});
  CHECK(task_ids(rules, order.critical_path) ==
        std::vector<std::string>{"kh1.K1", "kh1.K2", "kh1.K3"});

  std::ostringstream text;
  report::render_task_order(text, order, rules);
  CHECK(text.str().find("Thứ tự nhiệm vụ (6 nhiệm vụ), theo thời hạn:") != std::string::npos);
  CHECK(text.str().find("\nHạn 31/03/2026:\n") != std::string::npos);
  CHECK(text.str().find("\nHằng năm:\n") != std::string::npos);
  CHECK(text.str().find("    sau: kh1.K1\n") != std::string::npos);
  CHECK(text.str().find("Đường găng (3 nhiệm vụ):") != std::string::npos);
}

TEST_CASE("graph: the neighbourhood of a node does not pass through agencies") {
  auto l = load(small_plan);
  auto g = graph::build(l.rules());
  auto focus = graph::find_nodes(g, "kh1.T1").at(0);
  auto names = [&](std::vector<bool> const& keep) {
    std::vector<std::string> out;
    for (std::size_t v = 0; v < keep.size(); ++v)
      if (keep[v]) out.push_back(g.key(v));
    return out;
  };
  auto one = names(graph::neighbourhood(g, focus, 1));
  CHECK(one == std::vector<std::string>{"target:kh1.T1", "target:kh1.T2", "field:school.dat_chuan",
                                        "task:kh1.K1"});
  auto two = names(graph::neighbourhood(g, focus, 2));
  CHECK(std::count(two.begin(), two.end(), "agency:so_gd") == 1);  // leads K1
  CHECK(std::count(two.begin(), two.end(), "task:kh1.K2") == 1);   // serves T2, K1's dependant
  auto three = names(graph::neighbourhood(g, focus, 3));
  CHECK(std::count(three.begin(), three.end(), "agency:ubnd") == 1);  // leads K2
  // so_gd is reached at depth 2, but nothing is reached through it: K2 comes via T2 instead.
  auto from_agency = names(graph::neighbourhood(g, graph::find_nodes(g, "so_gd").at(0), 1));
  CHECK(from_agency == std::vector<std::string>{"task:kh1.K1", "task:kh1.K2", "agency:so_gd"});
}

TEST_CASE("graph: the template lists exactly the fields of a kind that rules read") {
  auto l = load(small_plan);
  auto const& rules = l.rules();
  auto g = graph::build(rules);
  auto ids = [&](std::vector<int> const& fields) {
    std::vector<std::string> out;
    for (int f : fields) out.push_back(rules.fields[std::size_t(f)].id);
    return out;
  };
  // dat_chuan and phong_stem are read only inside aggregates evaluated at the province.
  auto school = graph::submission_fields(rules, g, rules.find_unit_kind("school"));
  CHECK(ids(school) == std::vector<std::string>{"dat_chuan", "phong_stem"});
  auto province = graph::submission_fields(rules, g, rules.find_unit_kind("province"));
  CHECK(ids(province) == std::vector<std::string>{"chi_gd", "tong_chi"});

  std::ostringstream csv, blank, schema;
  int kind = rules.find_unit_kind("school");
  report::render_template(csv, rules, kind, school, report::template_format::csv, 2026);
  CHECK(csv.str() == "id,name,year,dat_chuan,phong_stem\r\n");
  report::render_template(blank, rules, kind, school, report::template_format::json, 2026);
  auto submission = nlohmann::json::parse(blank.str());
  CHECK(submission["kind"] == "school");
  CHECK(submission["values"]["2026"].size() == 2);
  report::render_template(schema, rules, kind, school, report::template_format::schema, 2026);
  auto s = nlohmann::json::parse(schema.str());
  auto const& fields = s["properties"]["values"]["additionalProperties"]["properties"];
  CHECK(fields["dat_chuan"]["type"] == "boolean");
  CHECK(fields["phong_stem"]["minimum"] == 0);
  CHECK(fields["phong_stem"]["x-chitieu-unit"] == "phòng");
  CHECK(fields["phong_stem"]["title"] == "Số phòng học STEM");
}

TEST_CASE("graph: golden DOT output") {
  auto dir = fs::path(CHITIEU_GOLDEN_DIR) / "graph";
  std::vector<fs::path> cases;
  for (auto const& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".ct" && entry.path().filename() != "common.ct")
      cases.push_back(entry.path());
  std::sort(cases.begin(), cases.end());
  REQUIRE_FALSE(cases.empty());
  for (auto const& path : cases) {
    SUBCASE(path.filename().string().c_str()) {
      auto result = check_sources({source_file("common.ct", slurp(dir / "common.ct")),
                                   source_file(path.filename().string(), slurp(path))});
      REQUIRE(result.rules);
      auto g = graph::build(*result.rules);
      std::ostringstream out;
      // A first line `// focus: ID depth N` draws the neighbourhood of one node instead.
      auto text = slurp(path);
      if (starts_with(text, "// focus: ")) {
        std::istringstream directive(text.substr(10, text.find('\n') - 10));
        std::string id, word;
        int depth = 0;
        directive >> id >> word >> depth;
        auto focus = graph::find_nodes(g, id);
        REQUIRE(focus.size() == 1);
        auto keep = graph::neighbourhood(g, focus[0], depth);
        report::render_dot(out, g, *result.rules, &keep);
      } else {
        report::render_dot(out, g, *result.rules);
      }
      auto expected_path = fs::path(path).replace_extension(".dot");
      if (std::getenv("CHITIEU_UPDATE_GOLDEN"))
        std::ofstream(expected_path, std::ios::binary) << out.str();
      CHECK(out.str() == slurp(expected_path));
    }
  }
}

TEST_CASE("graph: the shipped rules") {
  auto result = load_rules({(fs::path(CHITIEU_SOURCE_DIR) / "rules").string()});
  REQUIRE(result.rules);
  auto const& rules = *result.rules;
  auto g = graph::build(rules);
  CHECK(boost::num_vertices(g.g) > 0);
  CHECK(graph::find_nodes(g, "document:bn_ctr04").size() == 1);

  SUBCASE("checks run without errors") { CHECK_FALSE(has_errors(graph::check(rules, g))); }
  SUBCASE("who: a Bắc Ninh target names its agencies") {
    int t = target_index(rules, "bn_ctr04.T26");
    auto who = graph::find_accountability(rules, g, t);
    CHECK_FALSE(who.tasks.empty());
    CHECK_FALSE(who.leads.empty());
  }
  SUBCASE("agency: tasks with deadlines and the targets they serve") {
    auto work = graph::find_agency_work(rules, g, rules.find_agency("bn_ban_tgdv"));
    auto ids = [&] {
      std::vector<int> tasks;
      for (auto const& o : work.tasks) tasks.push_back(o.task);
      return task_ids(rules, tasks);
    }();
    CHECK(std::count(ids.begin(), ids.end(), "bn_ctr04.K8") == 1);
    CHECK(std::count(ids.begin(), ids.end(), "bn_ctr04.K9") == 1);
  }
  SUBCASE("plan: every task once, K8 before K9") {
    auto order = graph::order_tasks(rules, g);
    REQUIRE(order.cycles.empty());
    CHECK(order.order.size() == rules.tasks.size());
    auto ids = task_ids(rules, order.order);
    auto k8 = std::find(ids.begin(), ids.end(), "bn_ctr04.K8");
    auto k9 = std::find(ids.begin(), ids.end(), "bn_ctr04.K9");
    CHECK(k8 < k9);
    CHECK(order.critical_path.size() >= 2);
  }
  SUBCASE("template: school fields only, and all of them read by some rule") {
    int school = rules.find_unit_kind("school");
    auto fields = graph::submission_fields(rules, g, school);
    CHECK_FALSE(fields.empty());
    for (int f : fields) CHECK(rules.fields[std::size_t(f)].unit_kind == school);
  }
  SUBCASE("the whole graph renders as DOT and JSON") {
    std::ostringstream dot, json;
    report::render_dot(dot, g, rules);
    CHECK(dot.str().find("cluster_document_bn_ctr04") != std::string::npos);
    report::render_graph_json(json, g, rules, nullptr, &result.sources);
    auto parsed = nlohmann::json::parse(json.str());
    CHECK(parsed["nodes"].size() == boost::num_vertices(g.g));
  }
}
