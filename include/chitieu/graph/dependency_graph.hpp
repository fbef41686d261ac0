/// @file
/// The dependency graph of a checked rule set: documents, targets, indicators, fields, obligations,
/// tasks and agencies joined by typed edges. Graph layer; Boost.Graph appears only in graph headers
/// and sources. Anyone holding a checked_ruleset may include it.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::graph {

enum class node_kind { document, target, indicator, field, obligation, task, agency };
inline constexpr std::size_t node_kind_count = 7;

/// Every edge points from the node that declares the link to the node it names:
/// - implements:  document → document it implements; target → target of a higher document
/// - parent:      target → its parent target (the child is a "trong đó" row)
/// - reads:       target/obligation/indicator → indicator or field its expressions read
/// - serves:      task → target or obligation
/// - depends_on:  task → task it comes after
/// - leads, coordinates: agency → task (chủ trì, phối hợp)
enum class edge_kind { implements, parent, reads, serves, depends_on, leads, coordinates, monitors };

/// "target", "depends_on": the spelling used in JSON output and DOT styles.
CHITIEU_API std::string_view name_of(node_kind kind);
CHITIEU_API std::string_view name_of(edge_kind kind);

struct vertex_info {
  node_kind kind = node_kind::document;
  int index = -1;  // into the rule set's vector for this kind
  std::string id;  // "bn_ctr04.T1", "school.dat_chuan", "so_gddt_bn"
  std::string title;
  int document = -1;     // the owning document; -1 for fields and agencies, which are global
  int unit_kind = -1;    // fields only
  sema::location where;  // the declaration
};

struct edge_info {
  edge_kind kind = edge_kind::reads;
};

// bidirectionalS because most questions walk edges backwards (which tasks serve this target,
// which agencies lead this task); vecS keeps vertex descriptors usable as indices.
using graph_type =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, vertex_info, edge_info>;
using vertex = graph_type::vertex_descriptor;
using edge = graph_type::edge_descriptor;

struct CHITIEU_API dependency_graph {
  graph_type g;
  /// Rule-set index → vertex, per kind. Fields declared twice (same kind and id) share one vertex.
  std::array<std::vector<vertex>, node_kind_count> by_kind;

  vertex vertex_of(node_kind kind, int index) const {
    return by_kind[static_cast<std::size_t>(kind)].at(static_cast<std::size_t>(index));
  }
  vertex_info const& operator[](vertex v) const { return g[v]; }
  /// Unique across kinds: "target:bn_ctr04.T1". Used as the node name in DOT and JSON.
  std::string key(vertex v) const;
};

/// Builds the graph of one or many documents at once. Never fails: the rule set is already checked.
CHITIEU_API dependency_graph build(sema::checked_ruleset const& rules);

/// Nodes named `id`: a key ("task:bn_ctr04.K9"), a qualified id ("bn_ctr04.K9", "school.dat_chuan",
/// "so_gddt_bn"), or an unqualified one ("K9") when it names one node only. More than one result
/// means the name is ambiguous; `only` restricts the kinds searched.
CHITIEU_API std::vector<vertex> find_nodes(dependency_graph const& graph, std::string_view id,
                                           std::optional<node_kind> only = std::nullopt);

}  // namespace chitieu::graph
