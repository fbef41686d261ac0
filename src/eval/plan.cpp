// Compiling a plan: per-kind applicability tables, and the accountability links asked of the graph.
#include <chitieu/eval/plan.hpp>

#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>

namespace chitieu::eval {

plan::plan(sema::checked_ruleset rules)
    : rules_(std::make_shared<sema::checked_ruleset const>(std::move(rules))) {
  auto const& r = *rules_;
  targets_by_kind_.resize(r.unit_kinds.size());
  obligations_by_kind_.resize(r.unit_kinds.size());
  for (std::size_t t = 0; t < r.targets.size(); ++t)
    for (std::size_t k = 0; k < r.targets[t].applies.size(); ++k)
      targets_by_kind_[static_cast<std::size_t>(r.targets[t].applies[k])].push_back(
          {static_cast<int>(t), static_cast<int>(k)});
  for (std::size_t o = 0; o < r.obligations.size(); ++o)
    for (std::size_t k = 0; k < r.obligations[o].applies.size(); ++k)
      obligations_by_kind_[static_cast<std::size_t>(r.obligations[o].applies[k])].push_back(
          {static_cast<int>(o), static_cast<int>(k)});

  // Accountability is structure: asked of the graph, so the scorecard, `who` and `agency` say the same.
  auto g = graph::build(r);
  auto keep = [](graph::accountability const& who, std::vector<int>& tasks, std::vector<int>& agencies,
                 std::vector<int>& monitors) {
    for (auto const& s : who.tasks) tasks.push_back(s.task);
    agencies = who.leads;
    agencies.insert(agencies.end(), who.supports.begin(), who.supports.end());
    monitors = who.monitors;
  };
  serving_tasks_.resize(r.targets.size());
  accountable_.resize(r.targets.size());
  monitors_.resize(r.targets.size());
  for (std::size_t t = 0; t < r.targets.size(); ++t)
    keep(graph::find_accountability(r, g, static_cast<int>(t)), serving_tasks_[t], accountable_[t], monitors_[t]);
  obligation_tasks_.resize(r.obligations.size());
  obligation_accountable_.resize(r.obligations.size());
  obligation_monitors_.resize(r.obligations.size());
  for (std::size_t o = 0; o < r.obligations.size(); ++o)
    keep(graph::find_obligation_accountability(r, g, static_cast<int>(o)), obligation_tasks_[o],
         obligation_accountable_[o], obligation_monitors_[o]);
  resolve_groups();
}

plan compile(sema::checked_ruleset rules) { return plan(std::move(rules)); }

void plan::resolve_groups() {
  auto const& r = *rules_;
  auto group_of = [&](int document, std::string const& name, char const* fallback) {
    std::string const& n = name.empty() ? std::string(fallback) : name;
    for (std::size_t g = 0; g < groups_.size(); ++g)
      if (groups_[g].document == document && groups_[g].name == n) return static_cast<int>(g);
    groups_.push_back({document, n});
    return static_cast<int>(groups_.size() - 1);
  };
  for (auto const& t : r.targets) target_group_.push_back(group_of(t.document, t.group, "Chỉ tiêu"));
  for (auto const& o : r.obligations) obligation_group_.push_back(group_of(o.document, o.group, "Nghĩa vụ"));
  for (auto const& k : r.tasks) task_group_.push_back(group_of(k.document, k.group, "Nhiệm vụ"));
}

}  // namespace chitieu::eval
