#include "scoring.hpp"

#include <chitieu/eval/data_checks.hpp>
#include <chitieu/report/scorecard.hpp>

#include <ostream>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {

std::optional<scoring_setup> make_scoring_setup(sema::checked_ruleset const& rules, std::int32_t as_of,
                                                int freshness, std::string const& no_data,
                                                std::vector<std::string> const& documents, std::ostream& err) {
  scoring_setup setup;
  for (auto const& id : documents) {
    int doc = rules.find_document(id);
    if (doc < 0) {
      err << "chitieu: " << tr("unknown document '{0}'", {id}) << '\n';
      return std::nullopt;
    }
    setup.named.push_back(doc);
  }
  setup.options.lang = current_language();
  setup.options.as_of = as_of;
  setup.options.freshness = freshness;
  setup.options.no_data = no_data == "exclude" ? eval::no_data_policy::exclude : eval::no_data_policy::zero;
  return setup;
}

scored_submission score_submission(eval::plan const& compiled, scoring_setup const& setup,
                                   eval::table_load_result& data) {
  auto const& rules = compiled.rules();
  eval::check_data(compiled, data, setup.options.lang);
  eval::locate_issues(data);  // from a spreadsheet: name the sheet, row and column
  scored_submission out;
  // The documents that apply (docs/scoring.md §8): the report says which and why.
  out.documents = eval::choose_documents(rules, *data.data, setup.named, setup.options.lang);
  if (setup.named.empty()) {
    // A plan replaced before the as-of day stays out unless named (the report says so already).
    std::vector<int> in_force;
    for (int d : out.documents.scored)
      if (!eval::replacement_of(rules, d, setup.options.as_of)) in_force.push_back(d);
    out.documents.scored = in_force;
  }
  auto options = setup.options;
  if (!out.documents.left_out.empty() || !setup.named.empty()) {
    options.documents = out.documents.scored;
    if (options.documents.empty()) options.documents.push_back(-1);  // none applies: score nothing, not everything
  }
  out.result = eval::evaluate(compiled, *data.data, options);
  return out;
}

// The exit code of a scorecard (docs/cli.md): broken data first, since verdicts rest on it; then
// needs action in the units reported (the one asked for and those below it) or in the tasks shown.
int scorecard_exit(eval::evaluation const& result, eval::load_result const& data, std::uint32_t unit) {
  for (auto const& is : data.issues)
    if (is.level == severity::error) return data_broken;
  auto const& rules_tasks = result.units.front().tasks;
  for (auto const& u : result.units) {
    if (report::depth_below(*data.data, u.unit, unit) < 0) continue;
    for (auto const& t : u.targets)
      if (eval::needs_action(t.headline)) return problems;
    for (auto const& o : u.obligations)
      if (o.overall == eval::verdict::not_met) return problems;
  }
  for (auto const& k : rules_tasks)
    if (k.result == eval::task_verdict::overdue) return problems;
  return ok;
}

}  // namespace chitieu::cli
