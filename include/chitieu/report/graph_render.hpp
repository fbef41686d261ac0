/// @file
/// Rendering what the graph layer found: DOT and JSON pictures of the dependency graph, text answers
/// for `who`, `agency` and `plan`, and submission templates. Report layer: renders, never decides.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/export.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/language.hpp>
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
/// deterministic. Cluster labels are in `lang`; names from the rules stay as written.
CHITIEU_API void render_dot(std::ostream& out, graph::dependency_graph const& graph,
                            sema::checked_ruleset const& rules, std::vector<bool> const* keep = nullptr,
                            language lang = language::vi);

/// {"nodes": [{key, kind, id, title, document, file, line}], "edges": [{from, to, kind}]}. `line`
/// is given when `sources` is.
CHITIEU_API void render_graph_json(std::ostream& out, graph::dependency_graph const& graph,
                                   sema::checked_ruleset const& rules,
                                   std::vector<bool> const* keep = nullptr,
                                   std::vector<source_file> const* sources = nullptr);

/// `who`: the tasks serving a target (or its parents) or an obligation, and the agencies answering
/// for it, in `lang`.
CHITIEU_API void render_accountability(std::ostream& out, graph::accountability const& who,
                                       sema::checked_ruleset const& rules, language lang = language::vi);
/// The same as JSON: {"kind", "id", "title", "document", "cite", "tasks": [{id, title, deadline, via,
/// lead, support}], "agencies": [{id, title, role}]} (docs/cli.md, who). `deadline`, the one text for
/// people, is in `lang`.
CHITIEU_API void render_accountability_json(std::ostream& out, graph::accountability const& who,
                                            sema::checked_ruleset const& rules, language lang = language::vi);

/// A target or an obligation an agency answers for (as lead, support or monitor) whose scorecard
/// verdict needs action at one unit or more.
struct agency_failure {
  int target = -1;      // index into the rules' targets, or -1 for an obligation
  int obligation = -1;  // index into the rules' obligations, or -1 for a target
  bool monitor = false;  // the agency follows it up (monitor) rather than carrying out a serving task
  struct at_unit {
    std::string id, name;
    eval::verdict verdict = eval::verdict::not_met;
  };
  std::vector<at_unit> units;  // where it needs action, in the submission's order (the root first)
};

/// What needs action anywhere in a submission and which an agency answers for: chosen by the caller
/// from the scorecard of every unit, targets first, then obligations, each in the rules' order.
struct agency_failures {
  std::vector<agency_failure> items;
};

/// Gathers the scorecard's verdicts that need action, at every unit of `data`, that `agency` answers
/// for: as lead or support of a serving task, or as a monitor. A Sở answers for each school's failing
/// target it leads, not only for the province's. Chooses nothing: the verdicts are the evaluation's.
CHITIEU_API agency_failures find_agency_failures(eval::evaluation const& result, eval::dataset const& data,
                                                 int agency);

/// With `verdicts` (the scorecard's task outcomes, judged as of `as_of`), each task shows its verdict,
/// the due day judged and its report, overdue tasks first; without, the tasks in `work`'s order. Each
/// failing item names its units by verdict: the first three, then how many more.
CHITIEU_API void render_agency_work(std::ostream& out, graph::agency_work const& work,
                                    sema::checked_ruleset const& rules,
                                    std::vector<eval::task_outcome> const* verdicts = nullptr,
                                    std::int32_t as_of = 0, agency_failures const* failing = nullptr,
                                    language lang = language::vi);
/// The same as JSON: {"id", "title", "as_of"?, "tasks": [{id, role, deadline, due?, verdict?, …}],
/// "targets": [ids], "obligations": [ids], "failing": {"targets": [{id, verdict, role, units: [{id,
/// name, verdict}]}], "obligations": …}?}; `verdict` is that of the first unit listed.
CHITIEU_API void render_agency_work_json(std::ostream& out, graph::agency_work const& work,
                                         sema::checked_ruleset const& rules,
                                         std::vector<eval::task_outcome> const* verdicts = nullptr,
                                         std::int32_t as_of = 0, agency_failures const* failing = nullptr,
                                         language lang = language::vi);

/// A task's deadline for people. Vietnamese: the text the rules' checker wrote ("Chậm nhất ngày
/// 31/12/2027", "Trong quý II/2026"). English: the same deadline from its parts, with ISO days ("by
/// 2027-12-31", "between 2026-04-01 and 2026-06-30", "by 25 November every year").
CHITIEU_API std::string render_deadline(sema::deadline const& when, language lang);

CHITIEU_API void render_task_order(std::ostream& out, graph::task_order const& order,
                                   sema::checked_ruleset const& rules, language lang = language::vi);
/// {"tasks": N, "groups": [{"kind": dated|yearly|open, "due"?, "tasks": [{id, title, deadline,
/// after}]}], "critical_path": [ids]}.
CHITIEU_API void render_task_order_json(std::ostream& out, graph::task_order const& order,
                                        sema::checked_ruleset const& rules, language lang = language::vi);

enum class template_format { json, schema, csv };

/// One unit kind of a template and the fields its units fill in (graph::submission_fields).
struct template_sheet {
  int unit_kind = -1;
  std::vector<int> fields;
};

/// The CSV a spreadsheet user fills in for several kinds at once: kind,id,name,parent,year, then one
/// column per field id of any sheet; one row per unit and year (docs/data.md, Workbooks).
CHITIEU_API void render_template_csv(std::ostream& out, sema::checked_ruleset const& rules,
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
CHITIEU_API std::string write_template_xlsx(std::string const& path, sema::checked_ruleset const& rules,
                                            std::vector<template_sheet> const& sheets,
                                            std::vector<int> const& years, provenance const* source = nullptr,
                                            std::vector<template_unit> const& units = {},
                                            language lang = language::vi);

/// A blank submission (values of `year` set to null), a JSON Schema for submissions of that kind
/// with each field's type, unit and label, or a CSV header (id, name, year, one column per field).
CHITIEU_API void render_template(std::ostream& out, sema::checked_ruleset const& rules, int unit_kind,
                                 std::vector<int> const& fields, template_format format, int year);

}  // namespace chitieu::report
