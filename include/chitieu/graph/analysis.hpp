// What the dependency graph answers: plan checks (graph.* diagnostics), accountability, what an
// agency owns, task order and critical path, neighbourhoods, and the fields a unit must submit.
// Results are plain data; report/ renders them. Graph layer; anyone holding a checked_ruleset may
// include it.
#pragma once
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::graph {

// ---- checks ----

/// Plan checks, each a diagnostic with a stable code at the declaration (see docs/graph.md):
/// errors graph.task_cycle, graph.parent_cycle, graph.implements_cycle, graph.schedule_conflict;
/// warnings graph.due_before_prerequisite, graph.unserved_target, graph.task_without_lead,
/// graph.idle_agency, graph.weaker_than_implemented. Sorted by file and offset.
diagnostics check(sema::checked_ruleset const& rules);
diagnostics check(sema::checked_ruleset const& rules, dependency_graph const& graph);

// ---- who is accountable for a target ----

struct serving_task {
  int task = -1;
  int via_target = -1;  // the target itself, or the ancestor ("trong đó" parent) the task serves
};

struct accountability {
  int target = -1;
  std::vector<serving_task> tasks;  // in declaration order
  std::vector<int> leads;           // agencies leading any of those tasks, in first-seen order
  std::vector<int> supports;        // agencies coordinating them and leading none
};

/// Tasks serving the target or any target on its parent chain, and their agencies.
accountability find_accountability(sema::checked_ruleset const& rules,
                                   dependency_graph const& graph, int target);
accountability find_accountability(sema::checked_ruleset const& rules, int target);
std::vector<int> serving_tasks(sema::checked_ruleset const& rules, int target);
/// Leads first, then supports; each agency once.
std::vector<int> accountable_agencies(sema::checked_ruleset const& rules, int target);

// ---- task status and what an agency owns ----

enum class task_status { overdue, in_progress, not_due, ongoing, done_late, done };
/// "overdue", "done_late", …
std::string_view name_of(task_status status);

/// One task's progress report from a submission (docs/data.md, member "tasks").
struct task_report {
  std::string status;                     // not_started, in_progress, done
  std::optional<std::int32_t> completed;  // day number
  std::optional<double> progress;         // 0–100
  std::string note;
};
using task_reports = std::map<int, task_report>;  // task index → report

/// Reads `tasks` (document id → task id → report) from a submission's top unit. Reports naming
/// unknown documents or tasks, or with a malformed date, are skipped and described in `problems`.
task_reports read_task_reports(nlohmann::json const& submission, sema::checked_ruleset const& rules,
                               std::vector<std::string>* problems = nullptr);

/// done: completed on or before the due day; done_late: after it; overdue: not done and `as_of`
/// past the due day; ongoing: no due day; otherwise in_progress or not_due. Yearly tasks are judged
/// against the due day of as_of's year.
task_status status_of(sema::task const& task, task_report const* report, std::int32_t as_of);

/// The due day of a task as of a day: its deadline's, or for yearly tasks that year's; nullopt if
/// none.
std::optional<std::int32_t> due_day(sema::task const& task, std::int32_t as_of);

enum class agency_role { lead, support };

struct owned_task {
  int task = -1;
  agency_role role = agency_role::lead;
  std::optional<task_status> status;    // with reports only
  task_report const* report = nullptr;  // points into the task_reports passed in, if any
};

struct agency_work {
  int agency = -1;
  std::vector<owned_task> tasks;  // with reports: overdue first; then by due day, open-ended last
  std::vector<int> targets;       // served by those tasks, in declaration order
  std::vector<int> obligations;
};

agency_work find_agency_work(sema::checked_ruleset const& rules, dependency_graph const& graph,
                             int agency, task_reports const* reports = nullptr,
                             std::int32_t as_of = 0);

/// For the scorecard: targets that a task overdue as of `as_of` serves, directly or through a
/// parent target (the same tasks find_accountability counts), each with those tasks. In target
/// order.
struct target_risk {
  int target = -1;
  std::vector<int> overdue_tasks;
};
std::vector<target_risk> targets_at_risk(sema::checked_ruleset const& rules,
                                         dependency_graph const& graph, task_reports const& reports,
                                         std::int32_t as_of);

// ---- task order ----

struct deadline_group {
  enum class kind { dated, yearly, open } type = kind::dated;
  std::int32_t due = 0;    // dated groups
  std::vector<int> tasks;  // in topological order (prerequisites first)
};

struct task_order {
  std::vector<int> order;                // every task, prerequisites first
  std::vector<deadline_group> groups;    // dated by due day, then yearly, then open-ended
  std::vector<int> critical_path;        // the longest chain of dependent tasks, first task first
  std::vector<std::vector<int>> cycles;  // when not empty, there is no order and the rest is empty
};

/// Topological order grouped by deadline, and the critical path: the chain with the most tasks,
/// ties going to the chain that ends latest.
task_order order_tasks(sema::checked_ruleset const& rules, dependency_graph const& graph);

// ---- neighbourhood ----

/// Nodes within `depth` edges of `focus`, edges followed both ways. Agencies and fields are shown
/// but not walked through (unless they are the focus): each is shared by so many nodes that passing
/// through one would pull in most of the plan. Result is indexed by vertex.
std::vector<bool> neighbourhood(dependency_graph const& graph, vertex focus, int depth);

// ---- submission template ----

/// Fields of `unit_kind` that some target or obligation reads, directly, through indicators, or
/// inside an aggregate evaluated at a higher unit. One per field id, in declaration order.
std::vector<int> submission_fields(sema::checked_ruleset const& rules,
                                   dependency_graph const& graph, int unit_kind);

}  // namespace chitieu::graph
