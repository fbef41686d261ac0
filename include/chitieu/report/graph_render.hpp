// Rendering what the graph layer found: DOT and JSON pictures of the dependency graph, text answers
// for `who`, `agency` and `plan`, and submission templates. Report layer: renders, never decides.
#pragma once
#include <chitieu/eval/outcome.hpp>
#include <chitieu/language.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/report/provenance.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace chitieu::report {

/// Graphviz DOT: nodes grouped in one cluster per document (fields per unit kind, agencies
/// together), shaped and coloured by kind, edges styled by kind. `keep` (indexed by vertex) limits
/// the picture to a neighbourhood; edges are drawn when both ends are kept. Output is
/// deterministic.
void render_dot(std::ostream& out, graph::dependency_graph const& graph,
                sema::checked_ruleset const& rules, std::vector<bool> const* keep = nullptr);

/// {"nodes": [{key, kind, id, title, document, file, line}], "edges": [{from, to, kind}]}. `line`
/// is given when `sources` is.
void render_graph_json(std::ostream& out, graph::dependency_graph const& graph,
                       sema::checked_ruleset const& rules, std::vector<bool> const* keep = nullptr,
                       std::vector<source_file> const* sources = nullptr);

/// `who`: the tasks serving a target (or its parents) or an obligation, and the agencies answering
/// for it.
void render_accountability(std::ostream& out, graph::accountability const& who,
                           sema::checked_ruleset const& rules);
/// The same as JSON: {"kind", "id", "title", "document", "cite", "tasks": [{id, title, deadline, via,
/// lead, support}], "agencies": [{id, title, role}]} (docs/cli.md, who).
void render_accountability_json(std::ostream& out, graph::accountability const& who,
                                sema::checked_ruleset const& rules);

/// The targets and obligations an agency answers for (as lead, support or monitor) whose scorecard
/// verdict needs action: chosen by the caller from the scorecard's root unit.
struct agency_failures {
  std::vector<eval::target_outcome const*> targets;
  std::vector<eval::obligation_outcome const*> obligations;
};

/// With `verdicts` (the scorecard's task outcomes, judged as of `as_of`), each task shows its verdict,
/// the due day judged and its report, overdue tasks first; without, the tasks in `work`'s order.
void render_agency_work(std::ostream& out, graph::agency_work const& work,
                        sema::checked_ruleset const& rules,
                        std::vector<eval::task_outcome> const* verdicts = nullptr,
                        std::int32_t as_of = 0, agency_failures const* failing = nullptr);
/// The same as JSON: {"id", "title", "as_of"?, "tasks": [{id, role, deadline, due?, verdict?, …}],
/// "targets": [ids], "obligations": [ids], "failing": {"targets": [{id, verdict}], "obligations": …}?}.
void render_agency_work_json(std::ostream& out, graph::agency_work const& work,
                             sema::checked_ruleset const& rules,
                             std::vector<eval::task_outcome> const* verdicts = nullptr,
                             std::int32_t as_of = 0, agency_failures const* failing = nullptr);

void render_task_order(std::ostream& out, graph::task_order const& order,
                       sema::checked_ruleset const& rules);
/// {"tasks": N, "groups": [{"kind": dated|yearly|open, "due"?, "tasks": [{id, title, deadline,
/// after}]}], "critical_path": [ids]}.
void render_task_order_json(std::ostream& out, graph::task_order const& order,
                            sema::checked_ruleset const& rules);

enum class template_format { json, schema, csv };

/// One unit kind of a template and the fields its units fill in (graph::submission_fields).
struct template_sheet {
  int unit_kind = -1;
  std::vector<int> fields;
};

/// The CSV a spreadsheet user fills in for several kinds at once: kind,id,name,parent,year, then one
/// column per field id of any sheet; one row per unit and year (docs/data.md, Workbooks).
void render_template_csv(std::ostream& out, sema::checked_ruleset const& rules,
                         std::vector<template_sheet> const& sheets);

/// A unit already known, written into its sheet so that the office fills in figures, not codes.
struct template_unit {
  int unit_kind = -1;
  std::string id, name, parent;  // parent: the code of the unit above, empty for the first (root) unit
};

/// Writes the template workbook to `path`: an instructions sheet, then a sheet per unit kind with
/// one row per unit and a column per field and year, with drop-downs and input checks. Returns an
/// error message, empty on success. `source`, when given, is stated on the instructions; `units` are
/// listed on their kind's sheet, in order. `lang`: the labels, instructions and input checks (the keys
/// in row 1 stay the same).
std::string write_template_xlsx(std::string const& path, sema::checked_ruleset const& rules,
                                std::vector<template_sheet> const& sheets, std::vector<int> const& years,
                                provenance const* source = nullptr,
                                std::vector<template_unit> const& units = {}, language lang = language::vi);

/// A blank submission (values of `year` set to null), a JSON Schema for submissions of that kind
/// with each field's type, unit and label, or a CSV header (id, name, year, one column per field).
void render_template(std::ostream& out, sema::checked_ruleset const& rules, int unit_kind,
                     std::vector<int> const& fields, template_format format, int year);

}  // namespace chitieu::report
