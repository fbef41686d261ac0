/// @file
/// A compiled plan: the checked rule set with, per unit kind, the targets and obligations that apply
/// and their expression roots, and the accountability links precomputed. Built once, evaluated many times.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <memory>
#include <string>
#include <vector>

namespace chitieu::eval {

struct applicable {
  int index = -1;  // target or obligation
  int slot = -1;   // position of the unit kind in its `applies` (which root to evaluate)
};

class CHITIEU_API plan {
 public:
  explicit plan(sema::checked_ruleset rules);

  sema::checked_ruleset const& rules() const { return *rules_; }
  std::vector<applicable> const& targets_for(int unit_kind) const { return targets_by_kind_[unit_kind]; }
  std::vector<applicable> const& obligations_for(int unit_kind) const {
    return obligations_by_kind_[unit_kind];
  }
  /// Tasks that serve a target or any of its parents, and the agencies that lead or support them, as
  /// graph::find_accountability answers: tasks in declaration order, lead agencies before supporting ones.
  std::vector<int> const& serving_tasks(int target) const { return serving_tasks_[target]; }
  std::vector<int> const& accountable(int target) const { return accountable_[target]; }
  std::vector<int> const& obligation_tasks(int obligation) const { return obligation_tasks_[obligation]; }
  std::vector<int> const& obligation_accountable(int obligation) const {
    return obligation_accountable_[obligation];
  }
  /// Agencies that follow the commitment up (`monitor`) and lead or support none of its tasks.
  std::vector<int> const& monitors(int target) const { return monitors_[target]; }
  std::vector<int> const& obligation_monitors(int obligation) const { return obligation_monitors_[obligation]; }

  /// Score groups, resolved once: each is a (document, name) pair; items map to a group index.
  struct score_group {
    int document = -1;
    std::string name;
  };
  std::vector<score_group> const& score_groups() const { return groups_; }
  int target_group(int target) const { return target_group_[target]; }
  int obligation_group(int obligation) const { return obligation_group_[obligation]; }
  int task_group(int task) const { return task_group_[task]; }

 private:
  void resolve_groups();
  std::shared_ptr<sema::checked_ruleset const> rules_;
  std::vector<std::vector<applicable>> targets_by_kind_, obligations_by_kind_;
  std::vector<std::vector<int>> serving_tasks_, accountable_, obligation_tasks_, obligation_accountable_,
      monitors_, obligation_monitors_;
  std::vector<score_group> groups_;
  std::vector<int> target_group_, obligation_group_, task_group_;
};

/// Compiles a checked rule set into a plan.
CHITIEU_API plan compile(sema::checked_ruleset rules);

}  // namespace chitieu::eval
