// Filtered views of the dependency graph (one edge kind among one node kind) and the cycle finder
// built on them. Private to src/graph.
#pragma once
#include <chitieu/graph/dependency_graph.hpp>

#include <boost/graph/filtered_graph.hpp>

#include <optional>
#include <vector>

namespace chitieu::graph::detail {

struct edge_of_kind {
  graph_type const* g = nullptr;
  edge_kind kind = edge_kind::reads;
  bool operator()(edge e) const { return (*g)[e].kind == kind; }
};

struct vertex_of_kind {
  graph_type const* g = nullptr;
  node_kind kind = node_kind::task;
  bool operator()(vertex v) const { return (*g)[v].kind == kind; }
};

using kind_view = boost::filtered_graph<graph_type, edge_of_kind, vertex_of_kind>;

inline kind_view view_of(graph_type const& g, edge_kind edges, node_kind nodes) {
  return kind_view(g, edge_of_kind{&g, edges}, vertex_of_kind{&g, nodes});
}

/// One cycle per strongly connected component that has one, as the vertices along it in edge order,
/// starting from the member declared first. `members` receives the whole component, which may be
/// larger than the cycle named.
struct found_cycle {
  std::vector<vertex> path;
  std::vector<vertex> members;
};
std::vector<found_cycle> find_cycles(graph_type const& g, edge_kind edges, node_kind nodes);

/// The due day of a deadline that has one fixed day (by, during, from … to).
std::optional<std::int32_t> fixed_due(sema::task const& task);

}  // namespace chitieu::graph::detail
