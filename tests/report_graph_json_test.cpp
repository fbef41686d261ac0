// report layer: `who` for obligations, and the JSON answers of `who`, `agency` and `plan`
// (docs/cli.md), on the shipped Bắc Ninh rules.
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/graph_render.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

using namespace chitieu;
namespace fs = std::filesystem;

namespace {

struct bac_ninh_rules {
  fs::path root = CHITIEU_SOURCE_DIR;
  ruleset_result loaded = load_rules({(root / "rules/common").string(), (root / "rules/bac_ninh").string()});
  sema::checked_ruleset const& rules() const { return *loaded.rules; }
  int obligation(std::string const& qualified) const {
    for (std::size_t o = 0; o < rules().obligations.size(); ++o)
      if (rules().qualified_id(rules().obligations[o]) == qualified) return static_cast<int>(o);
    FAIL("no obligation " << qualified);
    return -1;
  }
};

}  // namespace

TEST_CASE("report: who answers for an obligation: its serving tasks and their agencies, text and JSON") {
  bac_ninh_rules s;
  REQUIRE(s.loaded.rules);
  auto g = graph::build(s.rules());
  auto who = graph::find_obligation_accountability(s.rules(), g, s.obligation("bn_ctr04.O10"));
  std::ostringstream text;
  report::render_accountability(text, who, s.rules());
  CHECK(text.str().rfind("bn_ctr04.O10  Chi cho giáo dục trên 20% tổng chi ngân sách tỉnh", 0) == 0);
  CHECK(text.str().find("Nhiệm vụ phục vụ nghĩa vụ (2):") != std::string::npos);

  std::ostringstream out;
  report::render_accountability_json(out, who, s.rules());
  auto j = nlohmann::json::parse(out.str());
  CHECK(j["kind"] == "obligation");
  CHECK(j["document"] == "bn_ctr04");
  REQUIRE(j["tasks"].size() == 2);  // K43 (funds) and K47 (the 20% budget share), as 04-CTr/TU Mục IV.3 says
  CHECK(j["tasks"][0]["id"] == "bn_ctr04.K43");
  CHECK(j["tasks"][1]["id"] == "bn_ctr04.K47");
  CHECK_FALSE(j["tasks"][0].contains("due"));  // "Không nêu thời hạn": no due day to give
  std::vector<std::string> roles;
  for (auto const& a : j["agencies"]) roles.push_back(a["id"].get<std::string>() + ":" + a["role"].get<std::string>());
  CHECK(roles == std::vector<std::string>{"bn_dang_uy_hdnd:lead", "bn_dang_uy_ubnd:lead", "bn_hdnd:support",
                                          "bn_ubnd:support", "bn_van_phong_tinh_uy:monitor"});
}

TEST_CASE("report: the task order as JSON keeps the critical path and the dated groups in order") {
  bac_ninh_rules s;
  REQUIRE(s.loaded.rules);
  auto g = graph::build(s.rules());
  auto order = graph::order_tasks(s.rules(), g);
  std::ostringstream out;
  report::render_task_order_json(out, order, s.rules());
  auto j = nlohmann::json::parse(out.str());
  CHECK(j["tasks"] == order.order.size());
  CHECK(j["critical_path"] == nlohmann::json{"bn_ctr04.K8", "bn_ctr04.K9"});
  REQUIRE_FALSE(j["groups"].empty());
  CHECK(j["groups"][0]["kind"] == "dated");
  CHECK(j["groups"][0]["due"] == "2025-12-09");  // the earliest deadline: K40, "chậm nhất ngày 09/12/2025"
  std::string previous;
  for (auto const& group : j["groups"]) {
    if (group["kind"] != "dated") break;
    CHECK(group["due"].get<std::string>() > previous);
    previous = group["due"].get<std::string>();
  }
}
