// Judging an obligation at a unit, year by year and requirement by requirement (docs/scoring.md §3).
#include <chitieu/eval/evaluate.hpp>

#include <algorithm>
#include <cmath>

#include "display_units.hpp"
#include "due.hpp"
#include "evidence.hpp"
#include "judge.hpp"
#include "reuse.hpp"

namespace chitieu::eval::detail {

using sema::node_op;

namespace {

bool is_comparison(node_op op) { return op >= node_op::eq && op <= node_op::ge; }

/// The members of the requirement's own aggregate (`all(school …, P)`) where the condition is false,
/// and the missing values the evaluation reached.
void explain(context const& c, requirement_outcome& ro, int root, std::uint32_t u, double due) {
  evidence ev(c.run, c.options.max_evidence);
  auto op = c.rules.nodes[static_cast<std::size_t>(root)].op;
  if (op == node_op::agg_all || op == node_op::agg_any || op == node_op::agg_share)
    ev.watch(root, [](range const& v) { return v.exists() && v.hi == 0; });
  c.run.exact(root, u, ro.year, due, &ev);
  ro.missing = std::move(ev.missing_pointers);
  ro.missing_total = ev.missing_total;
  ro.division_by_zero = ev.divided_by_zero;
  ro.failing_units = std::move(ev.failing_units);
  ro.failing_total = ev.failing_total;
}

}  // namespace

void judge_obligation(context const& c, applicable const& a, std::uint32_t u, obligation_outcome& out) {
  auto const& o = c.rules.obligations[static_cast<std::size_t>(a.index)];
  reset(out);
  out.obligation = a.index;
  std::size_t entries = 0;  // the year entries written so far: out.years is reused, not regrown
  auto next_entry = [&]() -> requirement_outcome& {
    if (entries == out.years.size()) out.years.emplace_back();
    auto& entry = out.years[entries++];
    reset(entry);
    return entry;
  };
  int from = o.from_year ? o.from_year : (c.data.years().empty() ? c.as_of_year : c.data.years().front());
  int until = std::min(o.until_year ? o.until_year : c.as_of_year, c.as_of_year);
  int met = 0, judged = 0, missing = 0, failed = 0, pending = 0;
  int uncovered = 0;  // years the whole submission says nothing about
  std::string const* first_reason = nullptr;
  // `every 5 years`: only the years of the count are judged; the others are no round, not a blank.
  int start = o.start_year ? o.start_year : from;
  for (int y = from; y <= until; ++y) {
    if (o.every_years > 1 && ((y - start) % o.every_years + o.every_years) % o.every_years != 0) continue;
    std::int32_t due = o.due_month ? due_in_year(y, o.due_day, o.due_month) : 0;
    // One rule for every due day (due.hpp): a year is judged from its due day, or its last day.
    bool over = past_due(c.options.as_of, o.due_month ? due : end_of_year(y));
    for (std::size_t r = 0; r < o.requirements.size(); ++r) {
      int root = o.requirements[r].roots[static_cast<std::size_t>(a.slot)];
      requirement_outcome& ro = next_entry();
      ro.requirement = static_cast<int>(r);
      ro.year = y;
      ro.due = due;
      double v = c.run.eval(root, u, y, due);
      range truth = std::isnan(v) ? c.run.exact(root, u, y, due, nullptr) : range::point(v);
      if (!truth.exists()) {
        ro.result = verdict::not_applicable;
        auto const& reason = reason_for(truth.why, c.options.lang);  // lives as long as the program
        ro.reason = reason;
        if (!first_reason && !reason.empty()) first_reason = &reason;
        continue;
      }
      // A duty that already holds is met, even before its day; one that does not is pending until then.
      bool holds = truth.lo == 1, fails = truth.hi == 0;
      if (over && !holds && !fails && !std::binary_search(c.data.years().begin(), c.data.years().end(), y)) {
        // Nothing in the whole submission is about this year: one blank, said once.
        ro.result = verdict::no_data;
        ro.reason = say(c.options.lang, "bài nộp không có số liệu năm {0}", {std::to_string(y)});
        ++missing, ++judged, ++uncovered;
        continue;
      }
      ro.result = holds ? verdict::met : !over ? verdict::pending : fails ? verdict::not_met : verdict::no_data;
      auto const& e = c.rules.nodes[static_cast<std::size_t>(root)];
      if (is_comparison(e.op)) {
        double lhs = c.run.eval(e.lhs, u, y, due);
        ro.threshold = c.run.eval(e.rhs, u, y, due);
        if (std::isnan(lhs)) {
          range left = c.run.exact(e.lhs, u, y, due, nullptr);
          if (left.exists() && (std::isfinite(left.lo) || std::isfinite(left.hi))) ro.lower = left.lo, ro.upper = left.hi;
        }
        ro.value = lhs;
        if (!std::isnan(lhs) && !std::isnan(ro.threshold)) {
          bool lower_better = e.op == node_op::lt || e.op == node_op::le;
          ro.gap = ro.result == verdict::met ? 0
                   : lower_better           ? std::max(0.0, lhs - ro.threshold)
                                            : std::max(0.0, ro.threshold - lhs);
        }
      }
      if (c.options.evidence && (ro.result != verdict::met || !truth.is_point() || std::isnan(v)))
        explain(c, ro, root, u, due);
      switch (ro.result) {
        case verdict::met: ++met, ++judged; break;
        case verdict::not_met: ++failed, ++judged; break;
        case verdict::no_data: ++missing, ++judged; break;
        default: ++pending; break;
      }
    }
  }
  out.years.resize(entries);
  for (auto& y : out.years)
    if (auto const* type = sema::compared_type(o, y.requirement, c.rules)) to_display_units(y, *type);
  // A duty that applied in no year judged so far does not apply yet: a private school is not "pending" on a
  // duty of public schools because this year's figures are not in.
  // Years nobody reported say nothing about whether the duty concerns this unit either.
  bool applied = met + failed + missing - uncovered > 0;
  if (failed) out.overall = verdict::not_met;
  else if (missing && (applied || !first_reason)) out.overall = verdict::no_data;
  else if (met) out.overall = verdict::met;
  else if (!applied && first_reason) {
    out.overall = verdict::not_applicable;
    out.reason = *first_reason;
  } else out.overall = verdict::pending;
  int denominator = judged - (c.options.no_data == no_data_policy::exclude ? missing : 0);
  if (denominator > 0) out.progress = static_cast<double>(met) / denominator;
  if (needs_action(out.overall)) {
    out.serving_tasks = c.compiled.obligation_tasks(a.index);
    out.accountable = c.compiled.obligation_accountable(a.index);
    out.monitors = c.compiled.obligation_monitors(a.index);
  }
}

}  // namespace chitieu::eval::detail
