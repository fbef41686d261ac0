// Scores as documented in docs/scoring.md: each scored item contributes weight × progress.
#include "scoring.hpp"

#include <cmath>
#include <map>

namespace chitieu::eval::detail {
namespace {

struct item {
  int document;
  std::string group;
  double weight;
  double progress;  // NaN: excluded
  bool no_data;
};

struct accumulator {
  double weighted = 0, weight = 0;
  int counted = 0, no_data = 0, excluded = 0;
  void add(item const& it, no_data_policy policy) {
    if (it.no_data && policy == no_data_policy::exclude) {
      ++no_data;
      ++excluded;
      return;
    }
    if (std::isnan(it.progress)) {
      ++excluded;
      return;
    }
    if (it.no_data) ++no_data;
    weighted += it.weight * it.progress;
    weight += it.weight;
    ++counted;
  }
  score finish(std::string scope, int document) const {
    score s;
    s.scope = std::move(scope);
    s.document = document;
    s.weight = weight;
    s.counted = counted;
    s.no_data = no_data;
    s.excluded = excluded;
    s.value = weight > 0 ? 100 * weighted / weight : std::numeric_limits<double>::quiet_NaN();
    return s;
  }
};

}  // namespace

void compute_scores(unit_scorecard& card, sema::checked_ruleset const& rules,
                    evaluate_options const& options) {
  std::vector<item> items;
  for (auto const& t : card.targets) {
    auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
    item it{rule.document, rule.group.empty() ? "Chỉ tiêu" : rule.group, rule.weight,
            std::numeric_limits<double>::quiet_NaN(), false};
    if (t.headline_milestone >= 0) {
      auto const& m = t.milestones[static_cast<std::size_t>(t.headline_milestone)];
      switch (m.result) {
        case verdict::met:
        case verdict::not_met:
        case verdict::on_track:
        case verdict::off_track: it.progress = m.progress; break;
        case verdict::no_data:
          it.no_data = true;
          it.progress = 0;
          break;
        default: break;
      }
    }
    items.push_back(it);
  }
  for (auto const& o : card.obligations) {
    auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
    item it{rule.document, rule.group.empty() ? "Nghĩa vụ" : rule.group, rule.weight, o.progress,
            o.overall == verdict::no_data};
    if (it.no_data && std::isnan(it.progress)) it.progress = 0;
    items.push_back(it);
  }
  for (auto const& k : card.tasks) {
    auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
    double progress = std::numeric_limits<double>::quiet_NaN();
    if (k.result == task_verdict::done) progress = 1;
    else if (k.result == task_verdict::done_late) progress = 0.5;
    else if (k.result == task_verdict::overdue) progress = 0;
    items.push_back({rule.document, rule.group.empty() ? "Nhiệm vụ" : rule.group, rule.weight, progress, false});
  }
  std::map<std::pair<int, std::string>, accumulator> groups;
  std::map<int, accumulator> documents;
  accumulator overall;
  for (auto const& it : items) {
    groups[{it.document, it.group}].add(it, options.no_data);
    documents[it.document].add(it, options.no_data);
    overall.add(it, options.no_data);
  }
  for (auto const& [key, acc] : groups) card.groups.push_back(acc.finish(key.second, key.first));
  for (auto const& [doc, acc] : documents)
    card.documents.push_back(acc.finish(rules.documents[static_cast<std::size_t>(doc)].id, doc));
  card.overall = overall.finish("overall", -1);
}

}  // namespace chitieu::eval::detail
