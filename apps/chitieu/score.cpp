// `chitieu score FILES… --data FILE|- [--as-of DATE] [--format text|json|html|csv]`: evaluate a
// submission (JSON, a filled .xlsx template, or its CSV layout) and print the scorecard.
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/table_input.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cctype>
#include <ctime>
#include <fstream>
#include <iostream>
#include <ostream>
#include <sstream>

#include "commands.hpp"

namespace chitieu::cli {

std::optional<std::int32_t> as_of_date(std::string const& given, std::ostream& err) {
  if (given.empty()) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return days_from_civil({tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                            static_cast<unsigned>(tm.tm_mday)});
  }
  auto parsed = parse_iso_date(given);
  if (!parsed) err << "chitieu: --as-of needs a date YYYY-MM-DD, got '" << given << "'\n";
  return parsed;
}

namespace {

bool ends_with(std::string const& s, std::string_view tail) {
  if (s.size() < tail.size()) return false;
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - tail.size() + i])) != tail[i]) return false;
  return true;
}

}  // namespace

std::optional<eval::table_load_result> read_data(std::string const& path, sema::checked_ruleset const& rules,
                                                 std::ostream& err) {
  if (ends_with(path, ".xlsx")) {
    if (!std::ifstream(path)) {
      err << "chitieu: cannot read " << path << '\n';
      return std::nullopt;
    }
    return eval::load_workbook(path, rules);
  }
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      err << "chitieu: cannot read " << path << '\n';
      return std::nullopt;
    }
    text << in.rdbuf();
  }
  if (ends_with(path, ".csv")) return eval::load_csv_text(text.str(), rules);
  eval::table_load_result json;
  static_cast<eval::load_result&>(json) = eval::load_submission_text(text.str(), rules);
  return json;
}

int run_score(score_options const& options, std::ostream& out, std::ostream& err) {
  auto as_of_day = as_of_date(options.as_of, err);
  if (!as_of_day) return cannot_run;
  std::int32_t as_of = *as_of_day;
  auto policy = warning_options(options.warnings, err);
  if (!policy) return cannot_run;
  auto loaded = load_checked(options.paths, err, false, *policy);
  if (!loaded) return cannot_run;
  auto compiled = eval::compile(std::move(*loaded->rules));
  auto data = read_data(options.data, compiled.rules(), err);
  if (!data) return cannot_run;
  if (!data->data) {
    for (auto const& is : data->issues)
      err << options.data << ": error: " << (is.pointer.empty() || !data->cells.empty() ? "" : is.pointer + ": ")
          << is.message << " [" << is.code << "]\n";
    return cannot_run;
  }
  eval::check_data(compiled, *data);  // the rules' checks on the figures, reported with the load issues
  eval::locate_issues(*data);          // from a spreadsheet: name the sheet, row and column
  eval::evaluate_options eo;
  eo.as_of = as_of;
  eo.freshness = options.freshness;
  eo.no_data = options.no_data == "exclude" ? eval::no_data_policy::exclude : eval::no_data_policy::zero;
  for (auto const& id : options.documents) {
    int doc = compiled.rules().find_document(id);
    if (doc < 0) {
      err << "chitieu: unknown document '" << id << "'\n";
      return cannot_run;
    }
    eo.documents.push_back(doc);
  }
  auto result = eval::evaluate(compiled, *data->data, eo);
  report::scorecard_input card{compiled, *data->data, result, data->issues};
  if (options.format == "json") out << report::to_json(card).dump(2) << '\n';
  else if (options.format == "html") report::render_html(out, card);
  else if (options.format == "csv") report::render_csv(out, card);
  else report::render_text(out, card);
  bool problems_found = false;
  for (auto const& u : result.units) {
    for (auto const& t : u.targets)
      if (eval::needs_action(t.headline)) problems_found = true;
    for (auto const& o : u.obligations)
      if (o.overall == eval::verdict::not_met) problems_found = true;
    for (auto const& k : u.tasks)
      if (k.result == eval::task_verdict::overdue) problems_found = true;
  }
  for (auto const& is : data->issues)
    if (is.level == severity::error) problems_found = true;
  return problems_found ? problems : ok;
}

}  // namespace chitieu::cli
