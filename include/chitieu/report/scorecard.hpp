// Scorecards: the evaluation of a submission as Vietnamese text for a person, or as stable JSON
// (documented in docs/scorecard.md). Renders only; every judgement was made by eval.
#pragma once
#include <chitieu/eval/evaluate.hpp>

#include <nlohmann/json.hpp>
#include <ostream>

namespace chitieu::report {

struct scorecard_input {
  eval::plan const& plan;
  eval::dataset const& data;
  eval::evaluation const& result;
  std::vector<eval::data_issue> const& issues;
};

void render_text(std::ostream& out, scorecard_input const& in);
nlohmann::json to_json(scorecard_input const& in);
/// One self-contained HTML page for an inspector.
void render_html(std::ostream& out, scorecard_input const& in);
/// One row per milestone, obligation year and task, for every unit: for spreadsheets.
void render_csv(std::ostream& out, scorecard_input const& in);

/// One line explaining a milestone outcome: value, threshold, trajectory and gap, in Vietnamese.
std::string explain(eval::milestone_outcome const& m, sema::target const& t,
                    sema::checked_ruleset const& rules, eval::dataset const& data);

}  // namespace chitieu::report
