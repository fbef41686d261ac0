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
    auto doc = rules.find_document(id);
    if (!doc) {
      err << "chitieu: " << tr("unknown document '{0}'", {id}) << '\n';
      return std::nullopt;
    }
    setup.named.push_back(*doc);
  }
  setup.options.lang = current_language();
  setup.options.as_of = as_of;
  setup.options.freshness = freshness;
  setup.options.no_data = no_data == "exclude" ? eval::no_data_policy::exclude : eval::no_data_policy::zero;
  return setup;
}

prepared_submission prepare_submission(eval::plan const& compiled, scoring_setup const& setup,
                                       eval::table_load_result& data) {
  auto const& rules = compiled.rules();
  eval::check_data(compiled, data, setup.options.lang);
  eval::locate_issues(data);  // from a spreadsheet: name the sheet, row and column
  prepared_submission out;
  // The documents that apply (docs/scoring.md §8): the report says which and why.
  out.documents = eval::choose_documents(rules, *data.data, setup.named, setup.options.lang);
  out.options = setup.options;
  out.options.documents = eval::documents_to_judge(rules, out.documents, !setup.named.empty(), setup.options.as_of);
  return out;
}

void verdict_tally::add(eval::unit_scorecard const& card) {
  for (auto const& t : card.targets)
    if (eval::needs_action(t.headline)) needs_action = true;
  for (auto const& o : card.obligations)
    if (o.overall == eval::verdict::not_met) needs_action = true;
  for (auto const& k : card.tasks)  // the root's, shown with every report of the submission
    if (k.result == eval::task_verdict::overdue) needs_action = true;
}

// Broken data first, since verdicts rest on it.
int verdict_tally::exit_code(eval::load_result const& data) const {
  for (auto const& is : data.issues)
    if (is.level == severity::error) return data_broken;
  return needs_action ? problems : ok;
}

int scorecard_exit(eval::evaluation const& result, eval::load_result const& data, std::uint32_t unit) {
  verdict_tally tally;
  for (auto const& u : result.units)
    if (report::depth_below(*data.data, u.unit, unit) >= 0) tally.add(u);
  if (unit != 0) tally.add_tasks_of(result.units.front());
  return tally.exit_code(data);
}

int write_json_scorecard(std::ostream& out, eval::plan const& compiled, prepared_submission const& prepared,
                         eval::table_load_result const& data, report::provenance const* source,
                         report::json_layout layout, report::json_detail detail) {
  auto options = prepared.options;
  if (detail == report::json_detail::results) options.evidence = false;  // none of it is written
  eval::unit_evaluator units(compiled, *data.data, options);
  report::scorecard_input card{compiled, *data.data, units.header(), data.issues, source};
  card.documents = &prepared.documents;
  card.lang = prepared.options.lang;
  verdict_tally tally;
  report::render_json(out, card, units, layout, [&](eval::unit_scorecard const& u) { tally.add(u); }, detail);
  return tally.exit_code(data);
}

int write_streamed_scorecard(std::ostream& out, std::string const& format, eval::plan const& compiled,
                             prepared_submission const& prepared, eval::table_load_result const& data,
                             report::provenance const* source, std::uint32_t unit, int depth) {
  eval::unit_evaluator units(compiled, *data.data, prepared.options);
  report::scorecard_input card{compiled, *data.data, units.header(), data.issues, source};
  card.documents = &prepared.documents;
  card.lang = prepared.options.lang;
  card.unit = unit;
  card.depth = depth;
  // The tally scorecard_exit makes: the unit reported and every unit below it, whatever the depth
  // listed, and the root's tasks, which are shown as the root's.
  verdict_tally tally;
  auto seen = [&](eval::unit_scorecard const& u) {
    if (report::depth_below(*data.data, u.unit, unit) >= 0) tally.add(u);
    else if (u.unit == 0) tally.add_tasks_of(u);
  };
  if (format == "csv") report::render_csv(out, card, units, seen);
  else report::render_text(out, card, units, seen);
  return tally.exit_code(data);
}

}  // namespace chitieu::cli
