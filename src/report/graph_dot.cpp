// DOT and JSON pictures of the dependency graph. Deterministic: vertex order is rule-set order, so
// golden files stay stable.
#include <chitieu/json_text.hpp>
#include <chitieu/report/graph_render.hpp>

#include <chitieu/language.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

namespace chitieu::report {

namespace {

using graph::edge_kind;
using graph::node_kind;

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Titles of Vietnamese plans run to a hundred words; a node shows the first few lines of one.
std::string wrap(std::string_view text, std::size_t width, std::size_t max_lines) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t i = 0;
  while (i <= text.size()) {
    auto j = std::min(text.find(' ', i), text.size());
    auto word = text.substr(i, j - i);
    i = j + 1;
    if (word.empty()) continue;
    if (!line.empty() && code_points(line) + 1 + code_points(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    line += (line.empty() ? "" : " ") + std::string(word);
  }
  if (!line.empty()) lines.push_back(std::move(line));
  if (lines.size() > max_lines) {
    lines.resize(max_lines);
    lines.back() += " …";
  }
  std::string out;
  for (auto const& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

char const* node_style(node_kind kind) {
  switch (kind) {
    case node_kind::document: return "shape=folder, style=filled, fillcolor=\"#d9d9d9\"";
    case node_kind::target: return "shape=box, style=\"rounded,filled\", fillcolor=\"#cfe2f3\"";
    case node_kind::indicator: return "shape=ellipse, style=filled, fillcolor=\"#ead1dc\"";
    case node_kind::field: return "shape=note, style=filled, fillcolor=\"#fff2cc\", fontsize=8";
    case node_kind::obligation: return "shape=box, style=filled, fillcolor=\"#fce5cd\"";
    case node_kind::task: return "shape=box, style=filled, fillcolor=\"#d9ead3\"";
    case node_kind::agency: return "shape=hexagon, style=filled, fillcolor=\"#f4cccc\"";
  }
  return "";
}

char const* edge_style(edge_kind kind) {
  switch (kind) {
    case edge_kind::implements: return "style=dashed, color=\"#434343\", penwidth=1.5";
    case edge_kind::parent: return "style=dotted, color=\"#1f4e79\", arrowhead=odiamond";
    case edge_kind::reads: return "color=\"#999999\", arrowsize=0.6";
    case edge_kind::serves: return "color=\"#38761d\", penwidth=1.3";
    case edge_kind::depends_on: return "color=\"#cc0000\", penwidth=2";
    case edge_kind::leads: return "color=\"#0b5394\", penwidth=1.3";
    case edge_kind::coordinates: return "style=dashed, color=\"#0b5394\"";
    case edge_kind::monitors: return "style=dotted, color=\"#0b5394\"";
  }
  return "";
}

bool kept(std::vector<bool> const* keep, graph::vertex v) {
  return !keep || (v < keep->size() && (*keep)[v]);
}

}  // namespace

void render_dot(std::ostream& out, graph::dependency_graph const& graph,
                sema::checked_ruleset const& rules, std::vector<bool> const* keep, language lang) {
  auto const& g = graph.g;
  // Cluster name → members, in first-seen order of clusters.
  std::vector<std::pair<std::string, std::string>> clusters;  // name, label
  std::map<std::string, std::vector<graph::vertex>> members;
  auto place = [&](std::string name, std::string label, graph::vertex v) {
    if (!members.count(name)) clusters.emplace_back(name, std::move(label));
    members[name].push_back(v);
  };
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    if (!kept(keep, v)) continue;
    auto const& info = g[v];
    if (info.document >= 0 && info.document < int(rules.documents.size())) {
      auto const& d = rules.documents[std::size_t(info.document)];
      place("cluster_document_" + d.id, (d.number.empty() ? d.id : d.number + " (" + d.id + ")"),
            v);
    } else if (info.kind == node_kind::field && info.unit_kind >= 0 &&
               info.unit_kind < int(rules.unit_kinds.size())) {
      auto const& k = rules.unit_kinds[std::size_t(info.unit_kind)];
      place("cluster_fields_" + k.id, say(lang, "Số liệu: {0} ({1})", {k.title, k.id}), v);
    } else if (info.kind == node_kind::agency) {
      place("cluster_agencies", say(lang, "Cơ quan"), v);
    } else {
      place("cluster_other", "", v);
    }
  }

  out << "digraph chitieu {\n"
         "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, newrank=true];\n"
         "  node [fontname=\"Helvetica\", fontsize=9];\n"
         "  edge [fontname=\"Helvetica\", fontsize=8];\n";
  for (auto const& [name, label] : clusters) {
    out << "  subgraph " << dot_quote(name) << " {\n"
        << "    label=" << dot_quote(label) << "; style=\"rounded\"; color=\"#b7b7b7\";\n";
    for (auto v : members[name]) {
      auto const& info = g[v];
      std::string text = info.id;
      if (info.kind == node_kind::document && info.index >= 0 &&
          !rules.documents[std::size_t(info.index)].number.empty())
        text += "\n" + rules.documents[std::size_t(info.index)].number;
      if (!info.title.empty()) text += "\n" + wrap(info.title, 32, 3);
      out << "    " << dot_quote(graph.key(v)) << " [label=" << dot_quote(text)
          << ", tooltip=" << dot_quote(info.title) << ", " << node_style(info.kind) << "];\n";
    }
    out << "  }\n";
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    auto s = boost::source(e, g), t = boost::target(e, g);
    if (!kept(keep, s) || !kept(keep, t)) continue;
    out << "  " << dot_quote(graph.key(s)) << " -> " << dot_quote(graph.key(t)) << " ["
        << edge_style(g[e].kind) << ", tooltip=" << dot_quote(graph::name_of(g[e].kind)) << "];\n";
  }
  out << "}\n";
}

void render_graph_json(std::ostream& out, graph::dependency_graph const& graph,
                       sema::checked_ruleset const& rules, std::vector<bool> const* keep,
                       std::vector<source_file> const* sources) {
  auto const& g = graph.g;
  nlohmann::ordered_json nodes = nlohmann::ordered_json::array();
  nlohmann::ordered_json edges = nlohmann::ordered_json::array();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    if (!kept(keep, v)) continue;
    auto const& info = g[v];
    nlohmann::ordered_json node;
    node["key"] = graph.key(v);
    node["kind"] = graph::name_of(info.kind);
    node["id"] = info.id;
    node["title"] = info.title;
    if (info.document >= 0 && info.document < int(rules.documents.size()))
      node["document"] = rules.documents[std::size_t(info.document)].id;
    if (info.kind == node_kind::field && info.unit_kind >= 0 &&
        info.unit_kind < int(rules.unit_kinds.size()))
      node["unit_kind"] = rules.unit_kinds[std::size_t(info.unit_kind)].id;
    if (info.where.file < rules.file_names.size()) node["file"] = rules.file_names[info.where.file];
    if (sources && info.where.file < sources->size())
      node["line"] = (*sources)[info.where.file].location_of(info.where.span.begin).line;
    nodes.push_back(std::move(node));
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    auto s = boost::source(e, g), t = boost::target(e, g);
    if (!kept(keep, s) || !kept(keep, t)) continue;
    edges.push_back(
        {{"from", graph.key(s)}, {"to", graph.key(t)}, {"kind", graph::name_of(g[e].kind)}});
  }
  nlohmann::ordered_json doc;
  doc["nodes"] = std::move(nodes);
  doc["edges"] = std::move(edges);
  out << json_text(doc) << '\n';
}

}  // namespace chitieu::report
