// What a rule's expressions read, from the checked rule set's node pool. Private to src/graph.
#pragma once
#include <chitieu/sema/ruleset.hpp>

#include <set>
#include <vector>

namespace chitieu::graph::detail {

/// Field indices read under `roots`, first-seen order, each once.
inline std::vector<int> fields_read(sema::checked_ruleset const& rules,
                                    std::vector<int> const& roots) {
  std::vector<int> out;
  std::set<int> seen_fields;
  std::vector<bool> visited(rules.nodes.size(), false);
  std::vector<int> stack(roots.rbegin(), roots.rend());
  // An explicit stack: expressions like `not not not …` or long sums must not exhaust the call
  // stack.
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    if (n < 0 || n >= static_cast<int>(rules.nodes.size()) || visited[std::size_t(n)]) continue;
    visited[std::size_t(n)] = true;
    auto const& node = rules.nodes[std::size_t(n)];
    if (node.op == sema::node_op::field && node.field >= 0 && seen_fields.insert(node.field).second)
      out.push_back(node.field);
    stack.push_back(node.rhs);
    stack.push_back(node.lhs);
  }
  return out;
}

/// Indicators of `used` that no other indicator of `used` already reaches: `target.indicators`
/// lists every indicator a measure depends on, directly or not, but the graph draws only the first
/// step.
inline std::vector<int> direct_indicators(sema::checked_ruleset const& rules,
                                          std::vector<int> const& used) {
  std::set<int> reached;
  for (int i : used) {
    std::vector<int> stack{i};
    std::set<int> seen;
    while (!stack.empty()) {
      int x = stack.back();
      stack.pop_back();
      if (x < 0 || x >= static_cast<int>(rules.indicators.size()) || !seen.insert(x).second)
        continue;
      for (int y : rules.indicators[std::size_t(x)].indicators) {
        if (y != i) reached.insert(y);
        stack.push_back(y);
      }
    }
  }
  std::vector<int> out;
  std::set<int> emitted;
  for (int i : used)
    if (!reached.count(i) && emitted.insert(i).second) out.push_back(i);
  return out;
}

/// Every field read by the indicators, through the indicators they use.
inline std::set<int> indicator_fields(sema::checked_ruleset const& rules,
                                      std::vector<int> const& indicators) {
  std::set<int> out;
  std::set<int> seen;
  std::vector<int> stack(indicators.begin(), indicators.end());
  while (!stack.empty()) {
    int x = stack.back();
    stack.pop_back();
    if (x < 0 || x >= static_cast<int>(rules.indicators.size()) || !seen.insert(x).second) continue;
    auto const& ind = rules.indicators[std::size_t(x)];
    out.insert(ind.fields.begin(), ind.fields.end());
    stack.insert(stack.end(), ind.indicators.begin(), ind.indicators.end());
  }
  return out;
}

}  // namespace chitieu::graph::detail
