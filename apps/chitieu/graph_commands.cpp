// `chitieu graph | who | agency | plan | template`: thin wiring from CLI options to the graph
// layer's queries and the report layer's renderers.
#include "graph_commands.hpp"

#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/report/graph_render.hpp>
#include <chitieu/suggest.hpp>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {

namespace {

struct graph_options {
  std::vector<std::string> paths;
  std::string format = "dot";
  std::string focus;
  int depth = 2;
};

struct who_options {
  std::string target;  // a target or an obligation
  std::vector<std::string> paths;
  std::string format = "text";
};

struct agency_options {
  std::string agency;
  std::vector<std::string> paths;
  std::string data;
  std::string as_of;
  std::string format = "text";
};

struct plan_options {
  std::vector<std::string> paths;
  std::string format = "text";
};

struct template_options {
  std::vector<std::string> paths;
  std::string kind;
  std::string format = "json";
  std::string output;      // a file; xlsx needs one
  std::vector<int> years;  // empty: this year
  std::string units;       // a submission whose units are listed in the workbook
  std::string unit;        // the unit to list, with those below it; default the submission's root
};

// The units of a submission that a workbook for `sheets` lists: `unit_id` (default the root), which
// must be of the template's kind, and the units below it of the sheets' kinds. Empty on error.
std::optional<std::vector<report::template_unit>> known_units(
    template_options const& o, sema::checked_ruleset const& rules,
    std::vector<report::template_sheet> const& sheets, std::ostream& err) {
  auto data = read_data(o.units, rules, err);
  if (!data) return std::nullopt;
  if (!data->data) {
    for (auto const& is : data->issues) err << o.units << ": error: " << is.message << " [" << is.code << "]\n";
    return std::nullopt;
  }
  auto const& units = data->data->units();
  std::uint32_t start = 0;
  if (!o.unit.empty()) {
    start = std::uint32_t(units.size());
    for (std::uint32_t u = 0; u < units.size(); ++u)
      if (units[u].id == o.unit) start = u;
    if (start == units.size()) {
      err << "chitieu: no unit '" << o.unit << "' in " << o.units << '\n';
      return std::nullopt;
    }
  }
  if (units[start].kind != sheets.front().unit_kind) {
    err << "chitieu: unit '" << units[start].id << "' is a " << rules.unit_kinds[std::size_t(units[start].kind)].id
        << ", not a " << o.kind << (o.unit.empty() ? "; name one with --unit ID" : "") << '\n';
    return std::nullopt;
  }
  std::vector<bool> listed(units.size(), false);
  std::vector<report::template_unit> out;
  for (std::uint32_t u = start; u < units[start].subtree_end; ++u) {
    bool wanted = u == start;
    for (auto const& s : sheets) wanted = wanted || s.unit_kind == units[u].kind;
    if (!wanted) continue;
    listed[u] = true;
    std::string parent;
    if (u != start) {  // the nearest listed unit above; units between are not in the workbook
      int p = units[u].parent;
      while (p >= 0 && !listed[std::size_t(p)]) p = units[std::size_t(p)].parent;
      parent = p >= 0 ? units[std::size_t(p)].id : units[start].id;
    }
    out.push_back({units[u].kind, units[u].id, units[u].name, parent});
  }
  return out;
}

// Like load_checked, but tells unreadable files (cannot run) from rule errors (problems found).
std::optional<ruleset_result> load(std::vector<std::string> const& paths, std::ostream& err,
                                   int& failed) {
  load_options options;
  options.lang = current_language();
  auto result = load_rules(paths, options);
  for (auto const& e : result.io_errors) err << "chitieu: " << e << '\n';
  if (!result.io_errors.empty() || result.sources.empty()) {
    if (result.sources.empty() && result.io_errors.empty())
      err << "chitieu: " << tr("no .ct rule files found") << '\n';
    failed = cannot_run;
    return std::nullopt;
  }
  if (!result.rules) {
    diagnostics errors;
    for (auto const& d : result.diags)
      if (d.level != severity::warning) errors.push_back(d);
    report::render_diagnostics(err, result.sources, errors);
    failed = problems;
    return std::nullopt;
  }
  return result;
}

// One node by name, or a message on `err` saying why not. `kinds` empty: any kind.
std::optional<graph::vertex> resolve(graph::dependency_graph const& g, std::string const& id,
                                     std::vector<graph::node_kind> const& kinds, std::ostream& err) {
  std::vector<graph::vertex> found;
  if (kinds.empty()) found = graph::find_nodes(g, id, std::nullopt);
  for (auto k : kinds) {
    auto some = graph::find_nodes(g, id, k);
    found.insert(found.end(), some.begin(), some.end());
  }
  std::string what;
  for (auto k : kinds) what += (what.empty() ? "" : tr(" or ")) + tr(graph::name_of(k));
  if (what.empty()) what = tr("node");
  if (found.empty()) {
    err << "chitieu: " << tr("no {0} named '{1}'", {what, id});
    // The nearest id of those kinds, compared after the document (or unit kind) that qualifies it.
    auto dot = id.rfind('.');
    std::string prefix = dot == std::string::npos ? "" : id.substr(0, dot + 1);
    std::vector<std::string> ids;
    for (auto v : boost::make_iterator_range(boost::vertices(g.g))) {
      if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), g[v].kind) == kinds.end()) continue;
      auto const& full = g[v].id;
      auto own = full.rfind('.');
      std::string own_prefix = own == std::string::npos ? "" : full.substr(0, own + 1);
      if (prefix.empty() || own_prefix == prefix) ids.push_back(full.substr(own_prefix.size()));
    }
    if (auto best = nearest_name(id.substr(prefix.size()), ids)) err << "; " << tr("did you mean '{0}'?", {prefix + *best});
    err << '\n';
    return std::nullopt;
  }
  if (found.size() > 1) {
    // An id given without its document: say which documents have it, so the user can qualify it.
    err << "chitieu: " << tr("'{0}' is ambiguous; it is in several documents:", {id});
    for (auto v : found) {
      auto const& full = g[v].id;
      auto own = full.rfind('.');
      err << ' ' << (own == std::string::npos ? g.key(v) : full.substr(0, own)) << " (" << g.key(v) << ')';
    }
    err << "; " << tr("give it as DOCUMENT.{0}", {id}) << '\n';
    return std::nullopt;
  }
  return found.front();
}

int run_graph(graph_options const& o, std::ostream& out, std::ostream& err) {
  int failed = ok;
  auto loaded = load(o.paths, err, failed);
  if (!loaded) return failed;
  auto const& rules = *loaded->rules;
  auto g = graph::build(rules);
  std::optional<std::vector<bool>> keep;
  if (!o.focus.empty()) {
    auto focus = resolve(g, o.focus, {}, err);
    if (!focus) return cannot_run;
    keep = graph::neighbourhood(g, *focus, o.depth);
  }
  auto const* filter = keep ? &*keep : nullptr;
  if (o.format == "json")
    report::render_graph_json(out, g, rules, filter, &loaded->sources);
  else
    report::render_dot(out, g, rules, filter, current_language());
  return ok;
}

int run_who(who_options const& o, std::ostream& out, std::ostream& err) {
  int failed = ok;
  auto loaded = load(o.paths, err, failed);
  if (!loaded) return failed;
  auto const& rules = *loaded->rules;
  auto g = graph::build(rules);
  auto found = resolve(g, o.target, {graph::node_kind::target, graph::node_kind::obligation}, err);
  if (!found) return cannot_run;
  auto who = g[*found].kind == graph::node_kind::target
                 ? graph::find_accountability(rules, g, g[*found].index)
                 : graph::find_obligation_accountability(rules, g, g[*found].index);
  if (o.format == "json") report::render_accountability_json(out, who, rules, current_language());
  else report::render_accountability(out, who, rules, current_language());
  return ok;
}

int run_agency(agency_options const& o, std::ostream& out, std::ostream& err) {
  int failed = ok;
  auto loaded = load(o.paths, err, failed);
  if (!loaded) return failed;
  auto const& rules = *loaded->rules;
  auto g = graph::build(rules);
  auto agency = resolve(g, o.agency, {graph::node_kind::agency}, err);
  if (!agency) return cannot_run;
  auto as_of_day = cli::as_of_date(o.as_of, err);
  if (!as_of_day) return cannot_run;
  auto work = graph::find_agency_work(rules, g, g[*agency].index);
  bool json = o.format == "json";
  if (o.data.empty()) {
    if (json) report::render_agency_work_json(out, work, rules, nullptr, 0, nullptr, current_language());
    else report::render_agency_work(out, work, rules, nullptr, 0, nullptr, current_language());
    return ok;
  }
  std::ifstream in(o.data, std::ios::binary);
  if (!in) {
    err << "chitieu: " << tr("cannot read {0}", {o.data}) << '\n';
    return cannot_run;
  }
  std::ostringstream text;
  text << in.rdbuf();
  // Verdicts are the scorecard's: `agency` and `score` read the same reports the same way.
  auto compiled = eval::compile(rules);
  eval::dataset_limits limits;  // the task reports' issues, in the run's language
  limits.lang = current_language();
  auto data = eval::load_submission_text(text.str(), compiled.rules(), limits);
  auto say = [&](eval::data_issue const& is) {
    err << o.data << ": " << (is.level == severity::error ? "error: " : "warning: ")
        << (is.pointer.empty() ? "" : is.pointer + ": ") << is.message << " [" << is.code << "]\n";
  };
  if (!data.data) {
    for (auto const& is : data.issues) say(is);
    return data_broken;
  }
  for (auto const& is : data.issues)
    if (is.pointer.rfind("/tasks", 0) == 0) say(is);
  eval::evaluate_options eo;
  eo.as_of = *as_of_day;
  eo.evidence = false;
  auto result = eval::evaluate(compiled, *data.data, eo);
  std::vector<eval::task_outcome> none;
  auto const* verdicts = result.units.empty() ? &none : &result.units.front().tasks;
  auto failing = report::find_agency_failures(result, *data.data, g[*agency].index);
  if (json) report::render_agency_work_json(out, work, rules, verdicts, eo.as_of, &failing, current_language());
  else report::render_agency_work(out, work, rules, verdicts, eo.as_of, &failing, current_language());
  bool overdue = false;
  for (auto const& k : *verdicts)
    for (auto const& owned : work.tasks)
      if (owned.task == k.task && k.result == eval::task_verdict::overdue) overdue = true;
  return overdue || !failing.items.empty() ? problems : ok;
}

int run_plan(plan_options const& o, std::ostream& out, std::ostream& err) {
  int failed = ok;
  auto loaded = load(o.paths, err, failed);
  if (!loaded) return failed;
  auto const& rules = *loaded->rules;
  auto g = graph::build(rules);
  // Loading has refused any task cycle (graph.task_cycle), so there is an order.
  if (o.format == "json") report::render_task_order_json(out, graph::order_tasks(rules, g), rules, current_language());
  else report::render_task_order(out, graph::order_tasks(rules, g), rules, current_language());
  return ok;
}

int run_template(template_options const& o, std::ostream& out, std::ostream& err) {
  int failed = ok;
  auto loaded = load(o.paths, err, failed);
  if (!loaded) return failed;
  auto const& rules = *loaded->rules;
  int kind = -1;
  for (std::size_t k = 0; k < rules.unit_kinds.size(); ++k)
    if (rules.unit_kinds[k].id == o.kind) kind = int(k);
  if (kind < 0) {
    std::vector<std::string> kinds;
    for (auto const& k : rules.unit_kinds) kinds.push_back(k.id);
    err << "chitieu: " << tr("no unit kind named '{0}'", {o.kind});
    if (auto best = nearest_name(o.kind, kinds)) err << "; " << tr("did you mean '{0}'?", {*best});
    err << " (" << tr("the rules declare:");
    for (auto const& k : kinds) err << ' ' << k;
    err << ")\n";
    return cannot_run;
  }
  auto g = graph::build(rules);
  auto fields = graph::submission_fields(rules, g, kind);
  auto years = o.years;
  if (years.empty()) years.push_back(civil_from_days(*cli::as_of_date("", err)).year);
  // Spreadsheet templates list the unit and the units below it that the rules aggregate over.
  std::vector<report::template_sheet> sheets{{kind, fields}};
  for (int below : graph::kinds_below(rules, kind))
    sheets.push_back({below, graph::submission_fields(rules, g, below)});
  if (o.format == "xlsx") {
    if (o.output.empty()) {
      err << "chitieu: --format xlsx needs --output FILE.xlsx\n";
      return cannot_run;
    }
    std::vector<report::template_unit> units;
    if (!o.units.empty()) {
      auto known = known_units(o, rules, sheets, err);
      if (!known) return cannot_run;
      units = std::move(*known);
    }
    auto error = report::write_template_xlsx(o.output, rules, sheets, years, nullptr, units, current_language());
    if (!error.empty()) {
      err << "chitieu: " << error << '\n';
      return cannot_run;
    }
    return ok;
  }
  std::ofstream file;
  if (!o.output.empty()) {
    file.open(o.output, std::ios::binary);
    if (!file) {
      err << "chitieu: cannot write " << o.output << '\n';
      return cannot_run;
    }
  }
  std::ostream& to = o.output.empty() ? out : file;
  if (o.format == "csv") {
    report::render_template_csv(to, rules, sheets);
    return ok;
  }
  auto format = o.format == "schema" ? report::template_format::schema : report::template_format::json;
  report::render_template(to, rules, kind, fields, format, years.front());
  return ok;
}

}  // namespace

}  // namespace chitieu::cli

void add_graph_commands(CLI::App& app, int& exit_code) {
  using namespace chitieu::cli;

  auto graph = std::make_shared<graph_options>();
  auto* graph_cmd =
      app.add_subcommand("graph", tr("Draw the dependency graph, or the neighbourhood of one node"));
  graph_cmd->add_option("files", graph->paths, tr("Rule files or directories"))->required();
  graph_cmd->add_option("--format", graph->format, tr("dot or json"))
      ->check(CLI::IsMember({"dot", "json"}))
      ->capture_default_str();
  graph_cmd->add_option("--focus", graph->focus,
                        tr("Only the nodes near this one (e.g. bn_ctr04.T26)"));
  graph_cmd->add_option("--depth", graph->depth, tr("How many edges from --focus"))
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  graph_cmd->callback([graph, &exit_code] { exit_code = run_graph(*graph, std::cout, std::cerr); });

  auto who = std::make_shared<who_options>();
  auto* who_cmd = app.add_subcommand("who", tr("Name the agencies accountable for a target or an obligation"));
  who_cmd->add_option("id", who->target, tr("Target or obligation, e.g. bn_ctr04.T26 (or T26 when only one document has it)"))->required();
  who_cmd->add_option("files", who->paths, tr("Rule files or directories"))->required();
  who_cmd->add_option("--format", who->format, tr("text or json"))->check(CLI::IsMember({"text", "json"}));
  who_cmd->callback([who, &exit_code] { exit_code = run_who(*who, std::cout, std::cerr); });

  auto agency = std::make_shared<agency_options>();
  auto* agency_cmd =
      app.add_subcommand("agency", tr("List what an agency answers for: tasks, deadlines, failing targets and obligations"));
  agency_cmd->add_option("id", agency->agency, tr("Agency id"))->required();
  agency_cmd->add_option("files", agency->paths, tr("Rule files or directories"))->required();
  agency_cmd->add_option("--data", agency->data, tr("Submission (JSON) with task reports"));
  agency_cmd->add_option("--as-of", agency->as_of,
                         tr("Judge as of this date (YYYY-MM-DD); default today"));
  agency_cmd->add_option("--format", agency->format, tr("text or json"))->check(CLI::IsMember({"text", "json"}));
  agency_cmd->callback(
      [agency, &exit_code] { exit_code = run_agency(*agency, std::cout, std::cerr); });

  auto plan = std::make_shared<plan_options>();
  auto* plan_cmd = app.add_subcommand("plan", tr("Task order by deadline, and the critical path"));
  plan_cmd->add_option("files", plan->paths, tr("Rule files or directories"))->required();
  plan_cmd->add_option("--format", plan->format, tr("text or json"))->check(CLI::IsMember({"text", "json"}));
  plan_cmd->callback([plan, &exit_code] { exit_code = run_plan(*plan, std::cout, std::cerr); });

  auto tmpl = std::make_shared<template_options>();
  auto* template_cmd = app.add_subcommand("template", tr("The fields a unit of one kind must submit"));
  template_cmd->add_option("files", tmpl->paths, tr("Rule files or directories"))->required();
  template_cmd->add_option("--kind", tmpl->kind, tr("Unit kind, e.g. school"))->required();
  template_cmd->add_option("--format", tmpl->format, tr("json (blank submission), schema, csv or xlsx"))
      ->check(CLI::IsMember({"json", "schema", "csv", "xlsx"}))
      ->capture_default_str();
  template_cmd->add_option("--output,-o", tmpl->output, "Write to this file (required for xlsx)");
  template_cmd->add_option("--year", tmpl->years, "A year to fill in (repeatable); default this year")
      ->check(CLI::Range(1900, 2200));
  template_cmd->add_option("--units", tmpl->units, "xlsx: list the units of this submission (JSON, .xlsx, .csv)");
  template_cmd->add_option("--unit", tmpl->unit, "xlsx: with --units, the unit to list (and those below it)");
  template_cmd->callback(
      [tmpl, &exit_code] { exit_code = run_template(*tmpl, std::cout, std::cerr); });
}
