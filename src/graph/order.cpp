// Task order: a topological order grouped by deadline, and the critical path as the longest path of
// the dependency DAG (dag_shortest_paths over negated weights).
#include <chitieu/graph/analysis.hpp>

#include "views.hpp"

#include <boost/graph/dag_shortest_paths.hpp>
#include <boost/graph/topological_sort.hpp>

#include <algorithm>
#include <iterator>
#include <limits>
#include <map>
#include <tuple>

namespace chitieu::graph {

namespace {

// A separate DAG with a virtual first task in front of every real one, so that one single-source
// run gives the longest chain ending at each task. Edges run prerequisite → dependent; each costs
// -1, so the shortest distance is minus the number of tasks on the longest chain.
using chain_graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                          boost::property<boost::edge_weight_t, int>>;

std::vector<int> critical_path(sema::checked_ruleset const& rules) {
  auto const n = rules.tasks.size();
  bool any_dependency = std::any_of(rules.tasks.begin(), rules.tasks.end(),
                                    [](sema::task const& t) { return !t.after.empty(); });
  if (!any_dependency) return {};
  chain_graph chains(n + 1);
  auto const start = n;
  for (std::size_t t = 0; t < n; ++t) {
    boost::add_edge(start, t, -1, chains);
    for (int p : rules.tasks[t].after) boost::add_edge(std::size_t(p), t, -1, chains);
  }
  std::vector<int> distance(n + 1);
  std::vector<std::size_t> predecessor(n + 1);
  boost::dag_shortest_paths(
      chains, start, boost::distance_map(distance.data()).predecessor_map(predecessor.data()));
  constexpr auto open = std::numeric_limits<std::int32_t>::min();
  auto better = [&](std::size_t a, std::size_t b) {
    auto due_a = detail::fixed_due(rules.tasks[a]).value_or(open);
    auto due_b = detail::fixed_due(rules.tasks[b]).value_or(open);
    return std::tuple(-distance[a], due_a, -long(a)) > std::tuple(-distance[b], due_b, -long(b));
  };
  std::size_t last = 0;
  for (std::size_t t = 1; t < n; ++t)
    if (better(t, last)) last = t;
  std::vector<int> path;
  for (auto v = last; v != start; v = predecessor[v]) path.push_back(int(v));
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace

task_order order_tasks(sema::checked_ruleset const& rules, dependency_graph const& graph) {
  task_order out;
  for (auto const& c : detail::find_cycles(graph.g, edge_kind::depends_on, node_kind::task)) {
    std::vector<int> tasks;
    for (auto v : c.path) tasks.push_back(graph.g[v].index);
    out.cycles.push_back(std::move(tasks));
  }
  if (!out.cycles.empty()) return out;

  auto const view = detail::view_of(graph.g, edge_kind::depends_on, node_kind::task);
  std::vector<vertex> sorted;  // edges point at prerequisites, so this is prerequisites first
  boost::topological_sort(view, std::back_inserter(sorted));
  for (auto v : sorted) out.order.push_back(graph.g[v].index);

  std::map<std::int32_t, std::vector<int>> dated;
  deadline_group yearly{deadline_group::kind::yearly, 0, {}};
  deadline_group open{deadline_group::kind::open, 0, {}};
  for (int t : out.order) {
    auto const& task = rules.tasks[std::size_t(t)];
    if (auto due = detail::fixed_due(task))
      dated[*due].push_back(t);
    else if (sema::is_recurring(task.when.kind))
      yearly.tasks.push_back(t);
    else
      open.tasks.push_back(t);
  }
  for (auto& [due, tasks] : dated)
    out.groups.push_back({deadline_group::kind::dated, due, std::move(tasks)});
  if (!yearly.tasks.empty()) out.groups.push_back(std::move(yearly));
  if (!open.tasks.empty()) out.groups.push_back(std::move(open));
  out.critical_path = critical_path(rules);
  return out;
}

}  // namespace chitieu::graph
