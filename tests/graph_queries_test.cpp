// The graph layer's queries: accountability, what an agency owns, task order, neighbourhoods,
// submission templates, golden DOT output, and the shipped rules.
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/graph_render.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/graph_plans.hpp"

namespace fs = std::filesystem;
using namespace chitieu;
using namespace chitieu::graph_testing;

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
  // Leads of every task before any support: K1 (so_gd; so_tc), K2 (ubnd; so_gd) gives so_gd, ubnd,
  // so_tc, not K1's agencies then K2's (so_gd, so_tc, ubnd).
  CHECK(agency_ids(rules, who.agencies()) == std::vector<std::string>{"so_gd", "ubnd", "so_tc"});

  // A parent is not served by the tasks of its "trong đó" rows.
  auto parent = graph::find_accountability(rules, t1);
  REQUIRE(parent.tasks.size() == 1);
  CHECK(parent.tasks[0].task == task_index(rules, "kh1.K1"));
  CHECK(agency_ids(rules, parent.agencies()) == std::vector<std::string>{"so_gd", "so_tc"});

  std::ostringstream text;
  report::render_accountability(text, who, rules);
  CHECK(text.str().find("Nhiệm vụ phục vụ chỉ tiêu (2):") != std::string::npos);
  CHECK(text.str().find("thông qua chỉ tiêu cha kh1.T1") != std::string::npos);
  CHECK(text.str().find("Cơ quan chịu trách nhiệm:") != std::string::npos);
  CHECK(text.str().find("  chủ trì   so_gd") != std::string::npos);
  CHECK(text.str().find("  phối hợp  so_tc") != std::string::npos);
}

TEST_CASE("graph: accountable agencies for an obligation come from the tasks serving it") {
  auto l = load(small_plan);
  auto const& rules = l.rules();
  auto g = graph::build(rules);
  auto who = graph::find_obligation_accountability(rules, g, 0);
  CHECK(who.obligation == 0);
  CHECK(who.target == -1);
  REQUIRE(who.tasks.size() == 1);
  CHECK(who.tasks[0].task == task_index(rules, "kh1.K2"));
  CHECK(agency_ids(rules, who.agencies()) == std::vector<std::string>{"ubnd", "so_gd"});
}

TEST_CASE("graph: what an agency owns, and the targets it answers for as `who` counts them") {
  auto l = load(small_plan);
  auto const& rules = l.rules();
  auto g = graph::build(rules);
  int t1 = target_index(rules, "kh1.T1"), t2 = target_index(rules, "kh1.T2");

  auto so_gd = graph::find_agency_work(rules, g, rules.find_agency("so_gd")->index());
  REQUIRE(so_gd.tasks.size() == 2);
  // By fixed due day: K1 by 31/03/2026, then K2 during 2026 (31/12/2026).
  CHECK(so_gd.tasks[0].task == task_index(rules, "kh1.K1"));
  CHECK(so_gd.tasks[0].role == graph::agency_role::lead);
  CHECK(so_gd.tasks[1].task == task_index(rules, "kh1.K2"));
  CHECK(so_gd.tasks[1].role == graph::agency_role::support);
  CHECK(so_gd.targets == std::vector<int>{t1, t2});
  CHECK(so_gd.obligations == std::vector<int>{0});

  // so_tc supports only K1, which serves T1; `who kh1.T2` names it through the parent, so does this.
  auto so_tc = graph::find_agency_work(rules, g, rules.find_agency("so_tc")->index());
  CHECK(so_tc.targets == std::vector<int>{t1, t2});
  CHECK(so_tc.obligations.empty());
  // ubnd leads K2, which serves the child T2 only.
  auto ubnd = graph::find_agency_work(rules, g, rules.find_agency("ubnd")->index());
  CHECK(ubnd.targets == std::vector<int>{t2});

  // Without task verdicts: no status, no due day, no report line.
  std::ostringstream text;
  report::render_agency_work(text, so_gd, rules);
  CHECK(text.str().find("tình trạng tại ngày") == std::string::npos);
  CHECK(text.str().find("Nhiệm vụ (2: chủ trì 1, phối hợp 1):") != std::string::npos);
  CHECK(text.str().find("  chủ trì   kh1.K1") != std::string::npos);
  CHECK(text.str().find("chưa báo cáo") == std::string::npos);
  CHECK(text.str().find("Chỉ tiêu mà các nhiệm vụ này phục vụ (2):") != std::string::npos);
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
  CHECK(text.str().find("\nĐịnh kỳ:\n") != std::string::npos);
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
  auto school = graph::submission_fields(rules, g, rules.find_unit_kind("school")->index());
  CHECK(ids(school) == std::vector<std::string>{"dat_chuan", "phong_stem"});
  auto province = graph::submission_fields(rules, g, rules.find_unit_kind("province")->index());
  CHECK(ids(province) == std::vector<std::string>{"chi_gd", "tong_chi"});

  std::ostringstream csv, blank, schema;
  int kind = rules.find_unit_kind("school")->index();
  report::render_template(csv, rules, kind, school, report::template_format::csv, 2026);
  CHECK(csv.str() == "kind,id,name,parent,year,dat_chuan,phong_stem\r\n");
  // the province template lists schools below it: the province targets count and sum over them
  CHECK(graph::kinds_below(rules, rules.find_unit_kind("province")->index()) == std::vector<int>{kind});
  CHECK(graph::kinds_below(rules, kind).empty());
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
    auto work = graph::find_agency_work(rules, g, rules.find_agency("bn_ban_tgdv")->index());
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
    int school = rules.find_unit_kind("school")->index();
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
