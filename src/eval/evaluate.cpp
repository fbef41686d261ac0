// Judging a submission unit by unit: targets, obligations and (at the root) tasks, then scores. The
// formulas are documented in docs/scoring.md.
#include <chitieu/eval/evaluate.hpp>

#include <algorithm>
#include <cmath>

#include "judge.hpp"
#include "scoring.hpp"
#include "tasks.hpp"

namespace chitieu::eval {
namespace detail {

class judge {
 public:
  judge(plan const& p, dataset const& d, evaluate_options const& o) : context_(p, d, o) {}

  dataset const& data() const { return context_.data; }

  evaluation start() {
    evaluation out;
    out.options = context_.options;
    // A plan another has replaced is not in force: it is left out unless asked for by name.
    auto const& rules = context_.rules;
    for (std::size_t d = 0; d < rules.documents.size(); ++d)
      if (auto r = replacement_of(rules, sema::document_id(static_cast<int>(d)), context_.options.as_of);
          r && !named(static_cast<int>(d))) {
        out.replaced.push_back(*r);
        replaced_.push_back(static_cast<int>(d));
      }
    return out;
  }

 private:
  detail::context context_;

  std::vector<int> replaced_;

  bool named(int document) const {
    auto const& only = context_.options.documents;
    return only && std::find(only->begin(), only->end(), sema::document_id(document)) != only->end();
  }
  bool wanted(int document) const {
    if (std::find(replaced_.begin(), replaced_.end(), document) != replaced_.end()) return false;
    return !context_.options.documents || named(document);
  }


 public:
  /// Judges unit `u` into `card`, reusing its storage (reuse.hpp).
  void unit(std::uint32_t u, unit_scorecard& card) {
    auto const& rules = context_.rules;
    auto const& compiled = context_.compiled;
    card.unit = u;
    int kind = context_.data.unit(u).kind;
    std::size_t targets = 0, obligations = 0;
    for (auto const& a : compiled.targets_for(kind))
      if (wanted(rules.targets[static_cast<std::size_t>(a.index)].document)) {
        if (targets == card.targets.size()) card.targets.emplace_back();
        detail::judge_target(context_, a, u, card.targets[targets++]);
      }
    card.targets.resize(targets);
    for (auto const& a : compiled.obligations_for(kind))
      if (wanted(rules.obligations[static_cast<std::size_t>(a.index)].document)) {
        if (obligations == card.obligations.size()) card.obligations.emplace_back();
        detail::judge_obligation(context_, a, u, card.obligations[obligations++]);
      }
    card.obligations.resize(obligations);
    card.tasks.clear();
    if (u == 0) {
      for (std::size_t k = 0; k < rules.tasks.size(); ++k)
        if (wanted(rules.tasks[k].document))
          card.tasks.push_back(detail::judge_task(rules, context_.data, static_cast<int>(k), context_.options.as_of));
      for (auto& t : card.targets)
        for (auto const& k : card.tasks)
          if (k.result == task_verdict::overdue &&
              std::find(compiled.serving_tasks(t.target).begin(), compiled.serving_tasks(t.target).end(),
                        k.task) != compiled.serving_tasks(t.target).end())
            t.at_risk_from.push_back(k.task);
    }
    detail::compute_scores(card, compiled, context_.options);
  }
};

}  // namespace detail

unit_evaluator::unit_evaluator(plan const& compiled, dataset const& data, evaluate_options const& options)
    : judge_(std::make_unique<detail::judge>(compiled, data, options)),
      header_(judge_->start()),
      end_(static_cast<std::uint32_t>(data.units().size())) {}

unit_evaluator::~unit_evaluator() = default;

bool unit_evaluator::next(unit_scorecard& card) {
  if (next_ >= end_) return false;
  judge_->unit(next_, card);
  next_ = next_ == 0 ? after_root_ : next_ + 1;
  return true;
}

void unit_evaluator::report_of(std::uint32_t u) {
  auto const& data = judge_->data();
  if (u == 0 || u >= data.units().size()) return;
  after_root_ = u;
  end_ = data.unit(u).subtree_end;
}

std::optional<unit_scorecard> unit_evaluator::next() {
  unit_scorecard card;
  if (!next(card)) return std::nullopt;
  return card;
}

std::optional<replaced_document> replacement_of(sema::checked_ruleset const& rules, sema::document_id document,
                                                std::int32_t as_of) {
  auto const& d = rules.documents[static_cast<std::size_t>(document.index())];
  if (d.replaced_by < 0) return std::nullopt;
  auto const& by = rules.documents[static_cast<std::size_t>(d.replaced_by)];
  // The checker requires a date of a replacing document; from that day on the old plan is out of force.
  if (!by.date || as_of < *by.date) return std::nullopt;
  return replaced_document{document, sema::document_id(d.replaced_by), *by.date};
}

bool satisfies(sema::milestone const& m, double v) {
  using sema::milestone;
  if (std::isnan(v)) return false;
  // Fractions like 47/50 against 94% differ in the last bit; money in đồng must not.
  double eps = 1e-12 * std::max(1.0, std::abs(m.value));
  switch (m.comparator) {
    case milestone::op::ge: return v >= m.value - eps;
    case milestone::op::gt: return v > m.value + eps;
    case milestone::op::le: return v <= m.value + eps;
    case milestone::op::lt: return v < m.value - eps;
    case milestone::op::eq: return std::abs(v - m.value) <= eps;
    case milestone::op::between: return v >= m.value - eps && v <= m.upper + eps;
    case milestone::op::approx: return std::abs(v - m.value) <= m.upper + eps;
  }
  return false;
}

char const* to_string(verdict v) {
  switch (v) {
    case verdict::met: return "met";
    case verdict::not_met: return "not_met";
    case verdict::achieved: return "achieved";
    case verdict::on_track: return "on_track";
    case verdict::needs_acceleration: return "needs_acceleration";
    case verdict::limited_progress: return "limited_progress";
    case verdict::deterioration: return "deterioration";
    case verdict::pending: return "pending";
    case verdict::stale: return "stale";
    case verdict::no_data: return "no_data";
    case verdict::not_applicable: return "not_applicable";
  }
  return "?";
}

char const* to_string(task_verdict v) {
  switch (v) {
    case task_verdict::done: return "done";
    case task_verdict::done_late: return "done_late";
    case task_verdict::overdue: return "overdue";
    case task_verdict::in_progress: return "in_progress";
    case task_verdict::not_due: return "not_due";
    case task_verdict::ongoing: return "ongoing";
  }
  return "?";
}

evaluation evaluate(plan const& compiled, dataset const& data, evaluate_options const& options) {
  unit_evaluator each(compiled, data, options);
  evaluation out = each.header();
  out.units.reserve(data.units().size());
  while (auto card = each.next()) out.units.push_back(std::move(*card));
  return out;
}

evaluation evaluate_report_of(plan const& compiled, dataset const& data, evaluate_options const& options,
                              std::uint32_t unit) {
  unit_evaluator each(compiled, data, options);
  each.report_of(unit);
  evaluation out = each.header();
  while (auto card = each.next()) out.units.push_back(std::move(*card));
  return out;
}

}  // namespace chitieu::eval
