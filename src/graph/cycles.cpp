// Naming cycles: strong_components finds the tangled groups, breadth_first_search a path around
// one.
#include "views.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>

namespace chitieu::graph::detail {

namespace {

bool declared_before(graph_type const& g, vertex a, vertex b) {
  auto const& x = g[a].where;
  auto const& y = g[b].where;
  return std::tie(x.file, x.span.begin, a) < std::tie(y.file, y.span.begin, b);
}

struct in_component {
  std::vector<int> const* component = nullptr;
  int which = -1;
  bool operator()(vertex v) const { return (*component)[v] == which; }
};

}  // namespace

std::vector<found_cycle> find_cycles(graph_type const& g, edge_kind edges, node_kind nodes) {
  auto const view = view_of(g, edges, nodes);
  auto const index = boost::get(boost::vertex_index, g);
  std::vector<int> component(boost::num_vertices(g), -1);
  boost::strong_components(view, boost::make_iterator_property_map(component.begin(), index));

  std::map<int, std::vector<vertex>> groups;
  for (auto v : boost::make_iterator_range(boost::vertices(view)))
    groups[component[v]].push_back(v);

  std::vector<found_cycle> out;
  for (auto& [which, members] : groups) {
    std::sort(members.begin(), members.end(),
              [&](vertex a, vertex b) { return declared_before(g, a, b); });
    vertex start = members.front();
    if (members.size() == 1) {
      if (boost::edge(start, start, view).second) out.push_back({{start}, members});
      continue;
    }
    // Walk the component breadth-first from its first member, then close the loop through the
    // nearest member with an edge back: a shortest cycle through `start`, so the message stays
    // short.
    boost::filtered_graph<kind_view, boost::keep_all, in_component> inside(
        view, boost::keep_all{}, in_component{&component, which});
    std::vector<vertex> predecessor(boost::num_vertices(g));
    std::vector<int> distance(boost::num_vertices(g), std::numeric_limits<int>::max());
    for (std::size_t i = 0; i < predecessor.size(); ++i) predecessor[i] = i;
    distance[start] = 0;
    boost::breadth_first_search(
        inside, start,
        boost::visitor(boost::make_bfs_visitor(std::make_pair(
            boost::record_predecessors(
                boost::make_iterator_property_map(predecessor.begin(), index),
                boost::on_tree_edge{}),
            boost::record_distances(boost::make_iterator_property_map(distance.begin(), index),
                                    boost::on_tree_edge{})))));
    std::optional<vertex> last;
    for (auto e : boost::make_iterator_range(boost::in_edges(start, inside))) {
      auto u = boost::source(e, inside);
      if (distance[u] == std::numeric_limits<int>::max()) continue;
      if (!last || distance[u] < distance[*last] ||
          (distance[u] == distance[*last] && declared_before(g, u, *last)))
        last = u;
    }
    if (!last) continue;  // cannot happen in a strong component; kept as a guard
    std::vector<vertex> path;
    for (vertex v = *last; v != start; v = predecessor[v]) path.push_back(v);
    path.push_back(start);
    std::reverse(path.begin(), path.end());
    out.push_back({std::move(path), members});
  }
  std::sort(out.begin(), out.end(), [&](found_cycle const& a, found_cycle const& b) {
    return declared_before(g, a.path.front(), b.path.front());
  });
  return out;
}

std::optional<std::int32_t> fixed_due(sema::task const& task) {
  using k = sema::deadline_kind;
  auto kind = task.when.kind;
  if (kind != k::by && kind != k::during && kind != k::range) return std::nullopt;
  if (task.when.due == std::numeric_limits<std::int32_t>::max()) return std::nullopt;
  return task.when.due;
}

}  // namespace chitieu::graph::detail
