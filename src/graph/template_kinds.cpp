// Which unit kinds a template for one kind must list below it: the kinds that the targets and
// obligations judged at that kind aggregate over (`count school …` at a commune).
#include <chitieu/graph/analysis.hpp>

#include <set>

namespace chitieu::graph {

std::vector<int> kinds_below(sema::checked_ruleset const& rules, int unit_kind) {
  std::vector<int> roots;
  for (auto const& t : rules.targets)
    for (std::size_t i = 0; i < t.applies.size() && i < t.measures.size(); ++i)
      if (t.applies[i] == unit_kind) roots.push_back(t.measures[i]);
  for (auto const& o : rules.obligations)
    for (auto const& r : o.requirements)
      for (std::size_t i = 0; i < o.applies.size() && i < r.roots.size(); ++i)
        if (o.applies[i] == unit_kind) roots.push_back(r.roots[i]);
  std::set<int> kinds;
  std::vector<bool> seen(rules.nodes.size(), false);
  while (!roots.empty()) {
    int n = roots.back();
    roots.pop_back();
    if (n < 0 || std::size_t(n) >= rules.nodes.size() || seen[std::size_t(n)]) continue;
    seen[std::size_t(n)] = true;
    auto const& node = rules.nodes[std::size_t(n)];
    if (node.op >= sema::node_op::agg_count && node.op <= sema::node_op::agg_any) {
      if (node.unit_kind >= 0) kinds.insert(node.unit_kind);
      if (node.kind_set >= 0 && std::size_t(node.kind_set) < rules.kind_sets.size())
        kinds.insert(rules.kind_sets[std::size_t(node.kind_set)].begin(),
                     rules.kind_sets[std::size_t(node.kind_set)].end());
    }
    roots.push_back(node.lhs);
    roots.push_back(node.rhs);
  }
  kinds.erase(unit_kind);
  return {kinds.begin(), kinds.end()};
}

}  // namespace chitieu::graph
