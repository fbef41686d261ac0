// Questions answered from the graph: accountability, what an agency owns, neighbourhoods, and the
// fields a unit must submit. Structure only: how tasks stand as of a day is eval's answer.
#include <chitieu/graph/analysis.hpp>

#include "views.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <unordered_set>
#include <tuple>

namespace chitieu::graph {

namespace {

template <class Container>
void add_once(Container& c, int x) {
  if (std::find(c.begin(), c.end(), x) == c.end()) c.push_back(x);
}

// Leads in the order of the tasks, then supports that lead none of them: the one documented order.
/// Agencies of the serving tasks, then those monitoring the commitment at vertex `v` (its own edges:
/// a "trong đó" row is followed up by whoever its own rule names).
void name_agencies(sema::checked_ruleset const& rules, dependency_graph const& graph, vertex v,
                   accountability& out) {
  auto named = [&](int a) {
    return std::find(out.leads.begin(), out.leads.end(), a) != out.leads.end() ||
           std::find(out.supports.begin(), out.supports.end(), a) != out.supports.end();
  };
  for (auto const& s : out.tasks)
    for (int a : rules.tasks[std::size_t(s.task)].lead) add_once(out.leads, a);
  for (auto const& s : out.tasks)
    for (int a : rules.tasks[std::size_t(s.task)].support)
      if (!named(a)) add_once(out.supports, a);
  for (auto e : boost::make_iterator_range(boost::in_edges(v, graph.g)))
    if (graph.g[e].kind == edge_kind::monitors) {
      int a = graph.g[boost::source(e, graph.g)].index;
      if (!named(a)) add_once(out.monitors, a);
    }
}

bool by_task(serving_task const& a, serving_task const& b) { return a.task < b.task; }

}  // namespace

// ---- accountability ----

std::vector<int> accountability::agencies() const {
  auto out = leads;
  out.insert(out.end(), supports.begin(), supports.end());
  out.insert(out.end(), monitors.begin(), monitors.end());
  return out;
}

accountability find_accountability(sema::checked_ruleset const& rules,
                                   dependency_graph const& graph, int target) {
  accountability out;
  out.target = target;
  if (target < 0 || target >= int(rules.targets.size())) return out;
  auto const& g = graph.g;
  // The target and its parents, nearest first. A chain longer than there are targets has met a parent
  // cycle (which the plan checks refuse): it is cut where it first comes back on itself.
  std::vector<vertex> chain;
  for (std::optional<vertex> v = graph.vertex_of(node_kind::target, target); v;) {
    if (chain.size() > rules.targets.size()) {
      std::unordered_set<vertex> seen_once;
      auto repeat = std::find_if(chain.begin(), chain.end(), [&](vertex x) { return !seen_once.insert(x).second; });
      chain.erase(repeat, chain.end());
      break;
    }
    chain.push_back(*v);
    std::optional<vertex> up;
    for (auto e : boost::make_iterator_range(boost::out_edges(*v, g)))
      if (g[e].kind == edge_kind::parent) up = boost::target(e, g);
    v = up;
  }
  // Nearest target first, so a task serving both a target and its parent is counted at the target.
  std::set<int> seen;
  for (auto t : chain)
    for (auto e : boost::make_iterator_range(boost::in_edges(t, g)))
      if (g[e].kind == edge_kind::serves) {
        int task = g[boost::source(e, g)].index;
        if (seen.insert(task).second) out.tasks.push_back({task, g[t].index});
      }
  std::sort(out.tasks.begin(), out.tasks.end(), by_task);
  name_agencies(rules, graph, chain.front(), out);
  return out;
}

accountability find_accountability(sema::checked_ruleset const& rules, int target) {
  return find_accountability(rules, build(rules), target);
}

accountability find_obligation_accountability(sema::checked_ruleset const& rules,
                                              dependency_graph const& graph, int obligation) {
  accountability out;
  out.obligation = obligation;
  if (obligation < 0 || obligation >= int(rules.obligations.size())) return out;
  auto const& g = graph.g;
  std::set<int> seen;
  auto v = graph.vertex_of(node_kind::obligation, obligation);
  for (auto e : boost::make_iterator_range(boost::in_edges(v, g)))
    if (g[e].kind == edge_kind::serves) {
      int task = g[boost::source(e, g)].index;
      if (seen.insert(task).second) out.tasks.push_back({task, -1});
    }
  std::sort(out.tasks.begin(), out.tasks.end(), by_task);
  name_agencies(rules, graph, v, out);
  return out;
}

// ---- what an agency owns ----

agency_work find_agency_work(sema::checked_ruleset const& rules, dependency_graph const& graph,
                             int agency) {
  agency_work out;
  out.agency = agency;
  if (agency < 0 || agency >= int(rules.agencies.size())) return out;
  auto const& g = graph.g;
  std::map<int, agency_role> roles;
  for (auto e : boost::make_iterator_range(
           boost::out_edges(graph.vertex_of(node_kind::agency, agency), g))) {
    if (g[e].kind != edge_kind::leads && g[e].kind != edge_kind::coordinates) continue;
    auto role = g[e].kind == edge_kind::leads ? agency_role::lead : agency_role::support;
    auto [it, fresh] = roles.emplace(g[boost::target(e, g)].index, role);
    if (!fresh && role == agency_role::lead) it->second = role;
  }
  for (auto [task, role] : roles) out.tasks.push_back({task, role});
  constexpr auto never = std::numeric_limits<std::int32_t>::max();
  auto sort_key = [&](owned_task const& o) {
    return std::tuple(detail::fixed_due(rules.tasks[std::size_t(o.task)]).value_or(never), o.task);
  };
  std::sort(out.tasks.begin(), out.tasks.end(),
            [&](owned_task const& a, owned_task const& b) { return sort_key(a) < sort_key(b); });
  // The same question as `who`, asked the other way round, so the two never disagree.
  auto involved = [&](accountability const& who) {
    auto all = who.agencies();
    return std::find(all.begin(), all.end(), agency) != all.end();
  };
  for (std::size_t x = 0; x < rules.targets.size(); ++x)
    if (involved(find_accountability(rules, graph, int(x)))) out.targets.push_back(int(x));
  for (std::size_t x = 0; x < rules.obligations.size(); ++x)
    if (involved(find_obligation_accountability(rules, graph, int(x))))
      out.obligations.push_back(int(x));
  return out;
}

// ---- neighbourhood ----

namespace {

using undirected_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

struct not_through_hubs {
  undirected_type const* u = nullptr;
  graph_type const* g = nullptr;
  vertex focus = 0;
  bool operator()(undirected_type::edge_descriptor e) const {
    // out_edges(x) of an undirected graph yields edges whose source is x: the node being left.
    auto from = boost::source(e, *u);
    auto kind = (*g)[from].kind;
    return from == focus || (kind != node_kind::agency && kind != node_kind::field);
  }
};

}  // namespace

std::vector<bool> neighbourhood(dependency_graph const& graph, vertex focus, int depth) {
  auto const& g = graph.g;
  auto const n = boost::num_vertices(g);
  std::vector<bool> keep(n, false);
  if (focus >= n) return keep;
  undirected_type both_ways(n);
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    boost::add_edge(boost::source(e, g), boost::target(e, g), both_ways);
  boost::filtered_graph<undirected_type, not_through_hubs> walk(
      both_ways, not_through_hubs{&both_ways, &g, focus});
  std::vector<int> distance(n, std::numeric_limits<int>::max());
  distance[focus] = 0;
  boost::breadth_first_search(walk, focus,
                              boost::visitor(boost::make_bfs_visitor(boost::record_distances(
                                  boost::make_iterator_property_map(
                                      distance.begin(), boost::get(boost::vertex_index, both_ways)),
                                  boost::on_tree_edge{}))));
  for (std::size_t v = 0; v < n; ++v) keep[v] = distance[v] <= depth;
  return keep;
}

// ---- submission template ----

namespace {

struct collect_fields : boost::default_bfs_visitor {
  std::set<vertex>* found = nullptr;
  template <class Graph>
  void discover_vertex(vertex v, Graph const& g) const {
    if (g[v].kind == node_kind::field) found->insert(v);
  }
};

}  // namespace

std::vector<int> submission_fields(sema::checked_ruleset const& rules,
                                   dependency_graph const& graph, int unit_kind) {
  if (unit_kind < 0 || unit_kind >= int(rules.unit_kinds.size())) return {};
  auto const& g = graph.g;
  // Every field reachable by `reads` edges from a target or an obligation. A field read only inside
  // an aggregate at a province is still reached, and belongs to the kind it is declared for.
  struct reads_only {
    graph_type const* g = nullptr;
    bool operator()(edge e) const { return (*g)[e].kind == edge_kind::reads; }
  };
  boost::filtered_graph<graph_type, reads_only> reads(g, reads_only{&g});
  std::vector<vertex> roots;
  for (auto kind : {node_kind::target, node_kind::obligation})
    for (auto v : graph.by_kind[std::size_t(kind)]) roots.push_back(v);
  std::set<vertex> found;
  std::vector<boost::default_color_type> color(boost::num_vertices(g), boost::white_color);
  boost::queue<vertex> queue;
  collect_fields visitor;
  visitor.found = &found;
  boost::breadth_first_visit(
      reads, roots.begin(), roots.end(), queue, visitor,
      boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, g)));
  std::vector<int> out;
  for (auto v : found)
    if (g[v].unit_kind == unit_kind) out.push_back(g[v].index);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace chitieu::graph
