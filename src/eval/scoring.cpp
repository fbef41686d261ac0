// Scores as documented in docs/scoring.md: each scored item contributes weight × progress. Groups and
// documents are indices resolved when the plan was compiled, so nothing here hashes a string.
#include "scoring.hpp"

#include <algorithm>
#include <cmath>

namespace chitieu::eval::detail {
namespace {

struct accumulator {
  double weighted = 0, weight = 0;
  int items = 0, counted = 0, no_data = 0, excluded = 0;
  bool used = false;
  void add(double w, double progress, bool missing, no_data_policy policy) {
    used = true;
    ++items;
    if (missing && policy == no_data_policy::exclude) {
      ++no_data;
      ++excluded;
      return;
    }
    if (std::isnan(progress)) {
      ++excluded;
      return;
    }
    if (missing) ++no_data;
    weighted += w * progress;
    weight += w;
    ++counted;
  }
  score finish(std::string scope, int document) const {
    score s;
    s.scope = std::move(scope);
    s.document = document;
    s.weight = weight;
    s.items = items;
    s.counted = counted;
    s.no_data = no_data;
    s.excluded = excluded;
    s.value = weight > 0 ? 100 * weighted / weight : std::numeric_limits<double>::quiet_NaN();
    return s;
  }
};

}  // namespace

void compute_scores(unit_scorecard& card, plan const& compiled, evaluate_options const& options) {
  auto const& rules = compiled.rules();
  auto const& groups_table = compiled.score_groups();
  std::vector<accumulator> groups(groups_table.size()), documents(rules.documents.size());
  accumulator overall;
  auto add = [&](int group, double weight, double progress, bool missing) {
    groups[static_cast<std::size_t>(group)].add(weight, progress, missing, options.no_data);
    documents[static_cast<std::size_t>(groups_table[static_cast<std::size_t>(group)].document)].add(
        weight, progress, missing, options.no_data);
    overall.add(weight, progress, missing, options.no_data);
  };
  for (auto const& t : card.targets) {
    // A target with no population here is not an item of this unit at all; a row that restates another
    // is the same commitment, scored once, where it is first stated.
    if (t.headline == verdict::not_applicable) continue;
    auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
    if (rule.restates >= 0 || rule.restates_obligation >= 0) continue;
    double progress = std::numeric_limits<double>::quiet_NaN();
    bool missing = false;
    auto const& m = t.milestones[static_cast<std::size_t>(t.headline_milestone)];
    if (is_judged(m.result)) {
      progress = m.progress;
    } else if (m.result == verdict::no_data || m.result == verdict::stale) {
      // A stale value says nothing about now: it counts as missing.
      missing = true;
      progress = 0;
    }
    add(compiled.target_group(t.target), rules.targets[static_cast<std::size_t>(t.target)].weight, progress, missing);
  }
  for (auto const& o : card.obligations) {
    if (o.overall == verdict::not_applicable) continue;
    bool missing = o.overall == verdict::no_data;
    double progress = missing && std::isnan(o.progress) ? 0 : o.progress;
    add(compiled.obligation_group(o.obligation), rules.obligations[static_cast<std::size_t>(o.obligation)].weight,
        progress, missing);
  }
  for (auto const& k : card.tasks) {
    auto const& task = rules.tasks[static_cast<std::size_t>(k.task)];
    if (task.restates >= 0 || task.restates_obligation >= 0) continue;  // scored where first stated
    double progress = std::numeric_limits<double>::quiet_NaN();
    if (k.result == task_verdict::done) progress = 1;
    else if (k.result == task_verdict::done_late) progress = 0.5;
    else if (k.result == task_verdict::overdue) progress = 0;
    add(compiled.task_group(k.task), rules.tasks[static_cast<std::size_t>(k.task)].weight, progress, false);
  }
  // The groups of items whose rule names none (plan.cpp) are named in the language asked.
  auto group_name = [&](std::string const& n) {
    if (n == "Chỉ tiêu") return say(options.lang, "Targets");
    if (n == "Nghĩa vụ") return say(options.lang, "Obligations");
    if (n == "Nhiệm vụ") return say(options.lang, "Tasks");
    return n;
  };
  card.groups.clear();  // a reused card holds the previous unit's
  card.documents.clear();
  for (std::size_t g = 0; g < groups.size(); ++g)
    if (groups[g].used) card.groups.push_back(groups[g].finish(group_name(groups_table[g].name), groups_table[g].document));
  std::sort(card.groups.begin(), card.groups.end(), [](score const& a, score const& b) {
    return a.document != b.document ? a.document < b.document : a.scope < b.scope;
  });
  for (std::size_t d = 0; d < documents.size(); ++d)
    if (documents[d].used) card.documents.push_back(documents[d].finish(rules.documents[d].id, static_cast<int>(d)));
  card.overall = overall.finish("overall", -1);
}

}  // namespace chitieu::eval::detail
