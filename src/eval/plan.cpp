// Compiling a plan: per-kind applicability tables and accountability links.
#include <chitieu/eval/plan.hpp>

#include <algorithm>

namespace chitieu::eval {
namespace {
void add_unique(std::vector<int>& v, int x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}
}  // namespace

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

  serving_tasks_.resize(r.targets.size());
  accountable_.resize(r.targets.size());
  for (std::size_t t = 0; t < r.targets.size(); ++t) {
    // The target and its parent chain; a chain longer than the number of targets is a cycle.
    std::vector<int> chain;
    for (int cur = static_cast<int>(t); cur >= 0 && chain.size() <= r.targets.size();
         cur = r.targets[static_cast<std::size_t>(cur)].parent)
      chain.push_back(cur);
    for (std::size_t k = 0; k < r.tasks.size(); ++k)
      for (int served : r.tasks[k].serves_targets)
        if (std::find(chain.begin(), chain.end(), served) != chain.end())
          add_unique(serving_tasks_[t], static_cast<int>(k));
    for (int k : serving_tasks_[t]) {
      for (int a : r.tasks[static_cast<std::size_t>(k)].lead) add_unique(accountable_[t], a);
      for (int a : r.tasks[static_cast<std::size_t>(k)].support) add_unique(accountable_[t], a);
    }
  }
  resolve_groups();
  obligation_tasks_.resize(r.obligations.size());
  obligation_accountable_.resize(r.obligations.size());
  for (std::size_t k = 0; k < r.tasks.size(); ++k)
    for (int o : r.tasks[k].serves_obligations) {
      add_unique(obligation_tasks_[static_cast<std::size_t>(o)], static_cast<int>(k));
      for (int a : r.tasks[k].lead) add_unique(obligation_accountable_[static_cast<std::size_t>(o)], a);
      for (int a : r.tasks[k].support) add_unique(obligation_accountable_[static_cast<std::size_t>(o)], a);
    }
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
