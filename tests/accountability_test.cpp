// One answer to "who is accountable": the scorecard (eval), `chitieu who` (graph + report) and
// `chitieu agency` (graph) must name the same agencies, in the same order, for every shipped target.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/graph_render.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/rules.hpp"

namespace fs = std::filesystem;
using namespace chitieu;

namespace {

std::vector<std::string> agency_ids(sema::checked_ruleset const& rules, std::vector<int> const& agencies) {
  std::vector<std::string> out;
  for (int a : agencies) out.push_back(rules.agencies[static_cast<std::size_t>(a)].id);
  return out;
}

/// The agencies as `chitieu who` prints them: the rows under "Cơ quan chịu trách nhiệm:", each
/// "  chủ trì   ID  title", "  phối hợp  ID  title" or "  theo dõi  ID  title".
std::vector<std::string> agencies_printed_by_who(std::string const& text) {
  std::vector<std::string> out;
  auto at = text.find("Cơ quan chịu trách nhiệm:\n");
  if (at == std::string::npos) return out;
  std::istringstream rows(text.substr(at));
  std::string line;
  std::getline(rows, line);
  while (std::getline(rows, line)) {
    for (std::string role : {"  chủ trì   ", "  phối hợp  ", "  theo dõi  "})
      if (line.rfind(role, 0) == 0) {
        std::istringstream words(line.substr(role.size()));
        std::string id;
        words >> id;
        out.push_back(id);
      }
  }
  return out;
}

}  // namespace

TEST_CASE("eval: the scorecard, `who` and `agency` name the same accountable agencies for every shipped target") {
  fs::path root(CHITIEU_SOURCE_DIR);
  auto loaded = load_rules({(root / "rules").string()});
  REQUIRE(loaded.rules);
  auto plan = eval::compile(*loaded.rules);
  auto const& rules = plan.rules();
  auto g = graph::build(rules);
  REQUIRE(rules.targets.size() >= 150);  // the five plans; yearly duties became obligations (issue 9)

  std::vector<graph::agency_work> work;
  for (std::size_t a = 0; a < rules.agencies.size(); ++a)
    work.push_back(graph::find_agency_work(rules, g, static_cast<int>(a)));

  for (std::size_t t = 0; t < rules.targets.size(); ++t) {
    int target = static_cast<int>(t);
    INFO(rules.qualified_id(rules.targets[t]));
    // Who must act: the agencies of the serving tasks, then those that monitor the target.
    auto scorecard = agency_ids(rules, plan.accountable(target));
    auto monitors = agency_ids(rules, plan.monitors(target));
    scorecard.insert(scorecard.end(), monitors.begin(), monitors.end());
    std::ostringstream who;
    report::render_accountability(who, graph::find_accountability(rules, g, target), rules);
    CHECK(scorecard == agencies_printed_by_who(who.str()));
    // `agency A` lists the target exactly when `who` names A for it.
    for (std::size_t a = 0; a < rules.agencies.size(); ++a) {
      bool named = std::count(scorecard.begin(), scorecard.end(), rules.agencies[a].id) > 0;
      auto const& targets = work[a].targets;
      CHECK(named == (std::find(targets.begin(), targets.end(), target) != targets.end()));
    }
  }

  // The lists a scorecard prints are those: score the failing example of every plan.
  int printed = 0;
  for (char const* example : {"bac_ninh/ctr_04", "bac_ninh/kh_dao_tao_nghe", "bac_ninh/kh_xay_dung_xa_hoi_hoc_tap",
                              "hung_yen/kh_161", "quang_ninh/kh_1295"}) {
    auto data = eval::load_submission_text(
        testing_support::slurp((root / "examples" / example / "fails.json").string()), rules);
    REQUIRE(data.data);
    eval::evaluate_options options;
    options.as_of = *parse_iso_date("2031-01-15");  // every 2030 milestone is due
    options.evidence = false;
    auto result = eval::evaluate(plan, *data.data, options);
    for (auto const& unit : result.units)
      for (auto const& t : unit.targets)
        if (!t.accountable.empty()) {
          ++printed;
          CHECK(t.accountable == plan.accountable(t.target));
        }
  }
  CHECK(printed > 0);
}
