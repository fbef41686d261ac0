// Building the dependency graph from a checked rule set, and finding its nodes by name.
#include <chitieu/graph/dependency_graph.hpp>

#include "expressions.hpp"

#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace chitieu::graph {

std::string_view name_of(node_kind kind) {
  switch (kind) {
    case node_kind::document: return "document";
    case node_kind::target: return "target";
    case node_kind::indicator: return "indicator";
    case node_kind::field: return "field";
    case node_kind::obligation: return "obligation";
    case node_kind::task: return "task";
    case node_kind::agency: return "agency";
  }
  return "node";
}

std::string_view name_of(edge_kind kind) {
  switch (kind) {
    case edge_kind::implements: return "implements";
    case edge_kind::parent: return "parent";
    case edge_kind::reads: return "reads";
    case edge_kind::serves: return "serves";
    case edge_kind::depends_on: return "depends_on";
    case edge_kind::leads: return "leads";
    case edge_kind::coordinates: return "coordinates";
    case edge_kind::monitors: return "monitors";
  }
  return "edge";
}

std::string dependency_graph::key(vertex v) const {
  return std::string(name_of(g[v].kind)) + ":" + g[v].id;
}

namespace {

class builder {
 public:
  explicit builder(sema::checked_ruleset const& rules) : rules_(rules) {}

  dependency_graph run() {
    add_vertices();
    add_document_edges();
    add_target_edges();
    add_indicator_edges();
    add_obligation_edges();
    add_task_edges();
    return std::move(out_);
  }

 private:
  std::string scoped(int document, std::string const& id) const {
    if (document < 0 || document >= static_cast<int>(rules_.documents.size())) return id;
    return rules_.documents[static_cast<std::size_t>(document)].id + "." + id;
  }

  vertex add(node_kind kind, int index, std::string id, std::string title, int document,
             sema::location where, int unit_kind = -1) {
    auto v = boost::add_vertex(
        vertex_info{kind, index, std::move(id), std::move(title), document, unit_kind, where},
        out_.g);
    out_.by_kind[static_cast<std::size_t>(kind)].push_back(v);
    return v;
  }

  void add_vertices() {
    auto const& r = rules_;
    for (std::size_t i = 0; i < r.documents.size(); ++i) {
      auto const& d = r.documents[i];
      add(node_kind::document, int(i), d.id, d.title, int(i), d.where);
    }
    for (std::size_t i = 0; i < r.targets.size(); ++i) {
      auto const& t = r.targets[i];
      add(node_kind::target, int(i), scoped(t.document, t.id), t.title, t.document, t.where);
    }
    for (std::size_t i = 0; i < r.indicators.size(); ++i) {
      auto const& x = r.indicators[i];
      add(node_kind::indicator, int(i), scoped(x.document, x.id), x.title, x.document, x.where);
    }
    // The same field may be declared in several files; one node stands for all of them.
    std::map<std::pair<int, std::string>, vertex> fields;
    auto& field_vertices = out_.by_kind[static_cast<std::size_t>(node_kind::field)];
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
      auto const& f = r.fields[i];
      auto found = fields.find({f.unit_kind, f.id});
      if (found != fields.end()) {
        field_vertices.push_back(found->second);
        continue;
      }
      std::string kind_id = f.unit_kind >= 0 && f.unit_kind < int(r.unit_kinds.size())
                                ? r.unit_kinds[std::size_t(f.unit_kind)].id
                                : std::string("?");
      auto v =
          add(node_kind::field, int(i), kind_id + "." + f.id, f.label, -1, f.where, f.unit_kind);
      fields.emplace(std::pair{f.unit_kind, f.id}, v);
    }
    for (std::size_t i = 0; i < r.obligations.size(); ++i) {
      auto const& o = r.obligations[i];
      add(node_kind::obligation, int(i), scoped(o.document, o.id), o.title, o.document, o.where);
    }
    for (std::size_t i = 0; i < r.tasks.size(); ++i) {
      auto const& t = r.tasks[i];
      add(node_kind::task, int(i), scoped(t.document, t.id), t.title, t.document, t.where);
    }
    for (std::size_t i = 0; i < r.agencies.size(); ++i) {
      auto const& a = r.agencies[i];
      add(node_kind::agency, int(i), a.id, a.title, -1, a.where);
    }
  }

  void link(node_kind from_kind, int from, node_kind to_kind, int to, edge_kind kind) {
    auto const& from_list = out_.by_kind[static_cast<std::size_t>(from_kind)];
    auto const& to_list = out_.by_kind[static_cast<std::size_t>(to_kind)];
    if (from < 0 || to < 0 || from >= int(from_list.size()) || to >= int(to_list.size())) return;
    auto u = from_list[std::size_t(from)];
    auto v = to_list[std::size_t(to)];
    // Rules may repeat a name ("serves T1, T1") or read a field twice; one edge says it.
    if (!seen_.insert({u, v, kind}).second) return;
    boost::add_edge(u, v, edge_info{kind}, out_.g);
  }

  void add_document_edges() {
    // Documents cite what they implement by number ("71-NQ/TW"); only those in the rule set get an
    // edge.
    auto const& docs = rules_.documents;
    for (std::size_t i = 0; i < docs.size(); ++i)
      for (auto const& cited : docs[i].implements)
        for (std::size_t j = 0; j < docs.size(); ++j)
          if (j != i && (docs[j].number == cited || docs[j].id == cited))
            link(node_kind::document, int(i), node_kind::document, int(j), edge_kind::implements);
  }

  void add_reads(node_kind from_kind, int from, std::vector<int> const& roots,
                 std::vector<int> const& indicators) {
    auto direct = detail::direct_indicators(rules_, indicators);
    std::set<vertex> through;
    for (int f : detail::indicator_fields(rules_, direct))
      if (f >= 0 && f < int(rules_.fields.size()))
        through.insert(out_.vertex_of(node_kind::field, f));
    for (int i : direct) link(from_kind, from, node_kind::indicator, i, edge_kind::reads);
    // A target's expression tree holds its indicators' expressions too; fields already reached
    // through an indicator are not drawn again from the target.
    for (int f : detail::fields_read(rules_, roots))
      if (f >= 0 && f < int(rules_.fields.size()) &&
          !through.count(out_.vertex_of(node_kind::field, f)))
        link(from_kind, from, node_kind::field, f, edge_kind::reads);
  }

  void add_target_edges() {
    for (std::size_t i = 0; i < rules_.targets.size(); ++i) {
      auto const& t = rules_.targets[i];
      if (t.parent >= 0)
        link(node_kind::target, int(i), node_kind::target, t.parent, edge_kind::parent);
      for (int u : t.implements)
        link(node_kind::target, int(i), node_kind::target, u, edge_kind::implements);
      add_reads(node_kind::target, int(i), t.measures, t.indicators);
      for (int a : t.monitors) link(node_kind::agency, a, node_kind::target, int(i), edge_kind::monitors);
    }
  }

  void add_indicator_edges() {
    for (std::size_t i = 0; i < rules_.indicators.size(); ++i) {
      auto const& x = rules_.indicators[i];
      for (int j : x.indicators)
        link(node_kind::indicator, int(i), node_kind::indicator, j, edge_kind::reads);
      for (int f : x.fields)
        link(node_kind::indicator, int(i), node_kind::field, f, edge_kind::reads);
    }
  }

  void add_obligation_edges() {
    for (std::size_t i = 0; i < rules_.obligations.size(); ++i) {
      auto const& o = rules_.obligations[i];
      std::vector<int> roots;
      for (auto const& r : o.requirements) roots.insert(roots.end(), r.roots.begin(), r.roots.end());
      add_reads(node_kind::obligation, int(i), roots, o.indicators);
      for (int a : o.monitors)
        link(node_kind::agency, a, node_kind::obligation, int(i), edge_kind::monitors);
    }
  }

  void add_task_edges() {
    for (std::size_t i = 0; i < rules_.tasks.size(); ++i) {
      auto const& t = rules_.tasks[i];
      for (int a : t.lead) link(node_kind::agency, a, node_kind::task, int(i), edge_kind::leads);
      for (int a : t.support)
        link(node_kind::agency, a, node_kind::task, int(i), edge_kind::coordinates);
      for (int p : t.after)
        link(node_kind::task, int(i), node_kind::task, p, edge_kind::depends_on);
      for (int x : t.serves_targets)
        link(node_kind::task, int(i), node_kind::target, x, edge_kind::serves);
      for (int x : t.serves_obligations)
        link(node_kind::task, int(i), node_kind::obligation, x, edge_kind::serves);
    }
  }

  sema::checked_ruleset const& rules_;
  dependency_graph out_;
  std::set<std::tuple<vertex, vertex, edge_kind>> seen_;
};

bool kind_allowed(std::optional<node_kind> only, node_kind kind) { return !only || *only == kind; }

}  // namespace

dependency_graph build(sema::checked_ruleset const& rules) { return builder(rules).run(); }

std::vector<vertex> find_nodes(dependency_graph const& graph, std::string_view id,
                               std::optional<node_kind> only) {
  // "task:bn_ctr04.K9" names the kind explicitly.
  if (auto colon = id.find(':'); colon != std::string_view::npos) {
    auto prefix = id.substr(0, colon);
    for (std::size_t k = 0; k < node_kind_count; ++k)
      if (name_of(node_kind(k)) == prefix) {
        if (!kind_allowed(only, node_kind(k))) return {};
        return find_nodes(graph, id.substr(colon + 1), node_kind(k));
      }
    return {};
  }
  std::vector<vertex> exact, by_suffix;
  for (auto v : boost::make_iterator_range(boost::vertices(graph.g))) {
    auto const& info = graph.g[v];
    if (!kind_allowed(only, info.kind)) continue;
    if (info.id == id) {
      exact.push_back(v);
    } else if (id.find('.') == std::string_view::npos && info.id.size() > id.size() &&
               info.id.compare(info.id.size() - id.size(), id.size(), id) == 0 &&
               info.id[info.id.size() - id.size() - 1] == '.') {
      by_suffix.push_back(v);
    }
  }
  return exact.empty() ? by_suffix : exact;
}

}  // namespace chitieu::graph
