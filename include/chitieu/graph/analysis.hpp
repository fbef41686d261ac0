/// @file
/// What the dependency graph answers: plan checks (graph.* diagnostics), accountability, what an
/// agency owns, task order and critical path, neighbourhoods, and the fields a unit must submit.
/// Results are plain data; report/ renders them. Graph layer; anyone holding a checked_ruleset may
/// include it.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/language.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>

#include <cstdint>
#include <optional>
#include <vector>

namespace chitieu::graph {

// ---- checks ----

/// Plan checks, each a diagnostic with a stable code at the declaration (see docs/graph.md):
/// errors graph.task_cycle, graph.parent_cycle, graph.implements_cycle, graph.schedule_conflict;
/// warnings graph.due_before_prerequisite, graph.unserved_target, graph.task_without_lead,
/// graph.idle_agency, graph.weaker_than_implemented. Sorted by file and offset.
/// Messages are in `lang`; codes do not change with it.
CHITIEU_API diagnostics check(sema::checked_ruleset const& rules, language lang = language::vi);
CHITIEU_API diagnostics check(sema::checked_ruleset const& rules, dependency_graph const& graph,
                              language lang = language::vi);

// ---- who is accountable ----

struct serving_task {
  int task = -1;
  int via_target = -1;  // the target itself, or the ancestor ("trong đó" parent) the task serves;
                        // -1 for an obligation
};

/// The one answer to "who is accountable" for a target or an obligation, shared by `chitieu who`,
/// `chitieu agency` and the scorecard (docs/scoring.md §4).
struct CHITIEU_API accountability {
  int target = -1;      // the target asked about, or -1
  int obligation = -1;  // the obligation asked about, or -1
  std::vector<serving_task> tasks;  // in declaration order
  std::vector<int> leads;           // agencies leading any of those tasks, in the order of the tasks
  std::vector<int> supports;        // agencies coordinating them and leading none, likewise
  std::vector<int> monitors;        // agencies following it up (`monitor`), in none of the above

  /// Leads first, then supports, then monitors; each agency once.
  std::vector<int> agencies() const;
};

/// Tasks serving the target or any target on its parent chain, and their agencies.
CHITIEU_API accountability find_accountability(sema::checked_ruleset const& rules,
                                               dependency_graph const& graph, int target);
/// Builds the graph first: for one question, not for a loop over targets.
CHITIEU_API accountability find_accountability(sema::checked_ruleset const& rules, int target);
/// Tasks serving the obligation, and their agencies.
CHITIEU_API accountability find_obligation_accountability(sema::checked_ruleset const& rules,
                                                          dependency_graph const& graph, int obligation);

// ---- what an agency owns ----

enum class agency_role { lead, support };

struct owned_task {
  int task = -1;
  agency_role role = agency_role::lead;
};

/// Structure only: how the tasks stand as of a day is the scorecard's answer (eval), not the graph's.
struct agency_work {
  int agency = -1;
  std::vector<owned_task> tasks;  // by fixed due day; then tasks without one, in declaration order
  std::vector<int> targets;       // those it is accountable for (find_accountability), in order
  std::vector<int> obligations;   // likewise
};

CHITIEU_API agency_work find_agency_work(sema::checked_ruleset const& rules, dependency_graph const& graph,
                                         int agency);

// ---- task order ----

struct deadline_group {
  enum class kind { dated, yearly, open } type = kind::dated;
  std::int32_t due = 0;    // dated groups
  std::vector<int> tasks;  // in topological order (prerequisites first)
};

struct task_order {
  std::vector<int> order;                // every task, prerequisites first
  std::vector<deadline_group> groups;    // dated by due day, then recurring (yearly), then open-ended
  std::vector<int> critical_path;        // the longest chain of dependent tasks, first task first
  std::vector<std::vector<int>> cycles;  // when not empty, there is no order and the rest is empty
};

/// Topological order grouped by deadline, and the critical path: the chain with the most tasks,
/// ties going to the chain that ends latest.
CHITIEU_API task_order order_tasks(sema::checked_ruleset const& rules, dependency_graph const& graph);

// ---- neighbourhood ----

/// Nodes within `depth` edges of `focus`, edges followed both ways. Agencies and fields are shown
/// but not walked through (unless they are the focus): each is shared by so many nodes that passing
/// through one would pull in most of the plan. Result is indexed by vertex.
CHITIEU_API std::vector<bool> neighbourhood(dependency_graph const& graph, vertex focus, int depth);

// ---- submission template ----

/// Fields of `unit_kind` that some target or obligation reads, directly, through indicators, or
/// inside an aggregate evaluated at a higher unit. One per field id, in declaration order.
CHITIEU_API std::vector<int> submission_fields(sema::checked_ruleset const& rules,
                                               dependency_graph const& graph, int unit_kind);

/// The unit kinds that targets and obligations judged at `unit_kind` aggregate over (`count school`
/// at a commune), in declaration order, without `unit_kind` itself: the sheets of its template.
CHITIEU_API std::vector<int> kinds_below(sema::checked_ruleset const& rules, int unit_kind);

}  // namespace chitieu::graph
