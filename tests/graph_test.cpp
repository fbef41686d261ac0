// The graph layer: building the dependency graph, and the graph.* checks (each triggered and not).
// The queries behind `who`, `agency`, `plan` and `template` are in graph_queries_test.cpp.
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/pipeline.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support/graph_plans.hpp"

using namespace chitieu;
using namespace chitieu::graph_testing;

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
    CHECK(graph::find_accountability(l.rules(), target_index(l.rules(), "kh1.T2")).tasks.size() == 1);
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
    auto errors = with_code(graph::check(l.rules(), language::en), "graph.schedule_conflict", severity::error);
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
    return with_code(graph::check(l.rules(), language::en), "graph.weaker_than_implemented", severity::warning);
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

TEST_CASE("graph: the plan checks are a stage of loading: errors leave no rule set, warnings do not") {
  auto files = [](std::string plan) {
    return std::vector<source_file>{source_file("common.ct", common_ct), source_file("plan.ct", std::move(plan))};
  };
  SUBCASE("a task cycle") {
    auto result = check_sources(files(R"(
document kh1 { number "01/KH" }
task K1 "Một" { lead so_gd after K2 }
task K2 "Hai" { lead so_gd after K1 }
)"));
    CHECK_FALSE(result.rules);
    CHECK(with_code(result.diags, "graph.task_cycle", severity::error).size() == 1);
  }
  SUBCASE("warnings only: an idle agency, a target no task serves") {
    auto result = check_sources(files(R"(
document kh1 { number "01/KH" }
target T1 "Tỉ lệ" { applies to province measure ty_le >= 50% by 2030 }
task K1 "Một" { lead so_gd }
)"));
    CHECK(result.rules);
    CHECK(with_code(result.diags, "graph.unserved_target", severity::warning).size() == 1);
    CHECK(with_code(result.diags, "graph.idle_agency", severity::warning).size() == 2);
    CHECK_FALSE(has_errors(result.diags));
  }
}
