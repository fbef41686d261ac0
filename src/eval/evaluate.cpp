// Judging: milestones (due or on a trajectory), obligations year by year, tasks against deadlines.
// The formulas are documented in docs/scoring.md.
#include <chitieu/eval/evaluate.hpp>

#include <chitieu/date.hpp>

#include <algorithm>
#include <cmath>

#include "interpreter.hpp"
#include "scoring.hpp"
#include "tasks.hpp"

namespace chitieu::eval {
namespace {

using sema::milestone;
using sema::node_op;

double clamp01(double x) { return std::isnan(x) ? 0 : std::min(1.0, std::max(0.0, x)); }

int year_of(std::int32_t day) { return civil_from_days(day).year; }

/// How far `v` is from meeting `m`, in the measure's own terms; 0 when it does.
double gap_to(milestone const& m, double v) {
  switch (m.comparator) {
    case milestone::op::ge:
    case milestone::op::gt: return std::max(0.0, m.value - v);
    case milestone::op::le:
    case milestone::op::lt: return std::max(0.0, v - m.value);
    case milestone::op::eq: return std::abs(m.value - v);
    case milestone::op::between:
      return v < m.value ? m.value - v : v > m.upper ? v - m.upper : 0;
    case milestone::op::approx: return std::max(0.0, std::abs(v - m.value) - m.upper);
  }
  return 0;
}

/// +1 when higher is better, -1 when lower is, 0 when the milestone is a point or a band.
int direction(milestone const& m) {
  switch (m.comparator) {
    case milestone::op::ge:
    case milestone::op::gt: return 1;
    case milestone::op::le:
    case milestone::op::lt: return -1;
    default: return 0;
  }
}

double raw_progress(milestone const& m, double v, double baseline) {
  double t = m.comparator == milestone::op::between && v > m.upper ? m.upper : m.value;
  if (!std::isnan(baseline) && t != baseline) return clamp01((v - baseline) / (t - baseline));
  switch (m.comparator) {
    case milestone::op::ge:
    case milestone::op::gt: return t > 0 ? clamp01(v / t) : 0;
    case milestone::op::le:
    case milestone::op::lt: return v > 0 ? clamp01(t / v) : 0;
    default: return t != 0 ? clamp01(1 - std::abs(v - t) / std::abs(t)) : 0;
  }
}

double progress_of(milestone const& m, double v, double baseline) {
  if (satisfies(m, v)) return 1;
  // Not met is never full progress, even at the threshold of a strict comparator.
  return std::min(0.999, raw_progress(m, v, baseline));
}

class judge {
 public:
  judge(plan const& p, dataset const& d, evaluate_options const& o)
      : plan_(p), rules_(p.rules()), data_(d), options_(o), run_(p, d), as_of_year_(year_of(o.as_of)) {}

  evaluation run() {
    evaluation out;
    out.options = options_;
    out.units.reserve(data_.units.size());
    for (std::uint32_t u = 0; u < data_.units.size(); ++u) out.units.push_back(unit(u));
    return out;
  }

 private:
  plan const& plan_;
  sema::checked_ruleset const& rules_;
  dataset const& data_;
  evaluate_options options_;
  detail::interpreter run_;
  int as_of_year_;

  bool wanted(int document) const {
    return options_.documents.empty() ||
           std::find(options_.documents.begin(), options_.documents.end(), document) != options_.documents.end();
  }

  /// A year is over on its last day: "by 2030" is judged from 31/12/2030.
  bool year_over(int year) const { return options_.as_of >= days_from_civil({year, 12, 31}); }

  unit_scorecard unit(std::uint32_t u) {
    unit_scorecard card;
    card.unit = u;
    int kind = data_.units[u].kind;
    for (auto const& a : plan_.targets_for(kind))
      if (wanted(rules_.targets[static_cast<std::size_t>(a.index)].document)) card.targets.push_back(target(a, u));
    for (auto const& a : plan_.obligations_for(kind))
      if (wanted(rules_.obligations[static_cast<std::size_t>(a.index)].document))
        card.obligations.push_back(obligation(a, u));
    if (u == 0) {
      for (std::size_t k = 0; k < rules_.tasks.size(); ++k)
        if (wanted(rules_.tasks[k].document)) card.tasks.push_back(detail::judge_task(rules_, data_, static_cast<int>(k), options_.as_of));
      for (auto& t : card.targets)
        for (auto const& k : card.tasks)
          if (k.result == task_verdict::overdue &&
              std::find(plan_.serving_tasks(t.target).begin(), plan_.serving_tasks(t.target).end(),
                        k.task) != plan_.serving_tasks(t.target).end())
            t.at_risk_from.push_back(k.task);
    }
    detail::compute_scores(card, plan_, options_);
    return card;
  }

  void collect_evidence(milestone_outcome& mo, int root, std::uint32_t u, int year) {
    if (!options_.evidence) return;
    detail::evidence_sink sink;
    sink.missing = &mo.missing;
    sink.cap = options_.max_evidence;
    run_.eval(root, u, year, 0, &sink);
    mo.missing_total = sink.total;
    mo.division_by_zero = sink.division_by_zero;
  }

  /// Share and ratio measures: the counts behind the value, and how much more is needed. Evidence:
  /// called only when evidence is asked for, since it walks an aggregate's members again.
  void explain_parts(milestone_outcome& mo, milestone const& m, int root, std::uint32_t u, int year) {
    auto const& e = rules_.nodes[static_cast<std::size_t>(root)];
    bool up = direction(m) >= 0;
    if (e.op == node_op::agg_share) {
      double num = 0, den = 0;
      auto [first, last] = run_.members(e.unit_kind, u);
      for (auto it = first; it != last; ++it) {
        if (e.lhs >= 0 && run_.eval(e.lhs, *it, year) != 1) continue;
        ++den;
        double v = run_.eval(e.rhs, *it, year);
        if (v == 1) ++num;
        else if (v == 0) {
          ++mo.failing_total;
          if (mo.failing_units.size() < options_.max_evidence) mo.failing_units.push_back(*it);
        }
      }
      mo.parts.numerator = num;
      mo.parts.denominator = den;
      mo.parts.denominator_unit = mo.parts.numerator_unit =
          rules_.unit_kinds[static_cast<std::size_t>(e.unit_kind)].counted;
      if (up && den > 0) {
        double need = m.value * den - num;
        double x = m.comparator == milestone::op::gt ? std::floor(need + 1e-9) + 1 : std::ceil(need - 1e-9);
        mo.parts.needed = std::max(0.0, std::min(x, den - num)) + 0.0;
      }
      return;
    }
    if (e.op == node_op::agg_all || e.op == node_op::agg_any || e.op == node_op::agg_avg ||
        e.op == node_op::agg_min || e.op == node_op::agg_max) {
      auto [first, last] = run_.members(e.unit_kind, u);
      for (auto it = first; it != last; ++it) {
        if (e.lhs >= 0 && run_.eval(e.lhs, *it, year) != 1) continue;
        double v = run_.eval(e.rhs, *it, year);
        bool fails = (e.op == node_op::agg_all || e.op == node_op::agg_any) ? v == 0
                                                                           : !std::isnan(v) && !satisfies(m, v);
        if (fails) {
          ++mo.failing_total;
          if (mo.failing_units.size() < options_.max_evidence) mo.failing_units.push_back(*it);
        }
      }
      return;
    }
    if (e.op != node_op::div || !up) return;
    double num = run_.eval(e.lhs, u, year), den = run_.eval(e.rhs, u, year);
    if (std::isnan(num) || std::isnan(den) || den <= 0) return;
    auto const& lt = rules_.nodes[static_cast<std::size_t>(e.lhs)].type;
    auto const& rt = rules_.nodes[static_cast<std::size_t>(e.rhs)].type;
    mo.parts.numerator = num;
    mo.parts.denominator = den;
    mo.parts.numerator_unit = lt.unit;
    mo.parts.denominator_unit = rt.unit;
    double need = m.value * den - num;
    // Whole things (rooms, institutions) come in whole numbers; "more than" needs one more at equality.
    bool whole = lt.kind == sema::value_kind::count || std::floor(num) == num;
    if (whole) need = m.comparator == milestone::op::gt ? std::floor(need + 1e-9) + 1 : std::ceil(need - 1e-9);
    mo.parts.needed = satisfies(m, num / den) ? 0.0 : std::max(0.0, need) + 0.0;
  }

  target_outcome target(applicable const& a, std::uint32_t u) {
    auto const& t = rules_.targets[static_cast<std::size_t>(a.index)];
    int root = t.measures[static_cast<std::size_t>(a.slot)];
    target_outcome out;
    out.target = a.index;

    // The value in every year up to the as-of year, computed once. The buffer outlives the call
    // because a national batch judges hundreds of thousands of targets and each would allocate.
    static thread_local std::vector<std::pair<int, double>> series;
    series.clear();
    for (int y : data_.years)
      if (y <= std::max(as_of_year_, t.milestones.back().year)) series.push_back({y, run_.eval(root, u, y)});
    auto value_in = [&](int year) {
      for (auto const& [y, v] : series)
        if (y == year) return v;
      return std::numeric_limits<double>::quiet_NaN();
    };
    int current_year = 0;
    double current = std::numeric_limits<double>::quiet_NaN();
    for (auto it = series.rbegin(); it != series.rend(); ++it)
      if (it->first <= as_of_year_ && !std::isnan(it->second)) {
        current_year = it->first;
        current = it->second;
        break;
      }
    double baseline = std::numeric_limits<double>::quiet_NaN();
    int baseline_year = 0;
    bool from_rule = false;
    if (t.baseline_value) {
      baseline = *t.baseline_value;
      baseline_year = t.baseline_year;
      from_rule = true;
    } else {
      for (auto const& [y, v] : series)
        if (!std::isnan(v) && y < current_year) {
          baseline = v;
          baseline_year = y;
          break;
        }
    }

    // Empty sets (a private school for a public-school target) make the target not applicable.
    bool all_unknown = std::all_of(series.begin(), series.end(), [](auto const& p) { return std::isnan(p.second); });
    if (all_unknown) {
      detail::evidence_sink sink;
      int probe = series.empty() ? as_of_year_ : series.back().first;
      run_.eval(root, u, probe, 0, &sink);
      if (sink.empty_set && sink.total == 0) {
        out.headline = verdict::not_applicable;
        out.reason = "không có đơn vị nào thuộc diện của chỉ tiêu";
        return out;
      }
    }

    out.milestones.reserve(t.milestones.size());
    for (std::size_t i = 0; i < t.milestones.size(); ++i) {
      auto const& m = t.milestones[i];
      milestone_outcome mo;
      mo.milestone = static_cast<int>(i);
      mo.threshold = m.value;
      bool due = year_over(m.year);
      if (due) {
        mo.value_year = m.year;
        mo.value = value_in(m.year);
        if (std::isnan(mo.value)) {
          mo.result = verdict::no_data;
          collect_evidence(mo, root, u, m.year);
        } else {
          mo.result = satisfies(m, mo.value) ? verdict::met : verdict::not_met;
        }
        mo.baseline = baseline;
        mo.baseline_year = baseline_year;
        mo.baseline_from_rule = from_rule;
      } else {
        mo.value_year = current_year;
        mo.value = current;
        mo.baseline = baseline;
        mo.baseline_year = baseline_year;
        mo.baseline_from_rule = from_rule;
        if (std::isnan(current)) {
          mo.result = verdict::no_data;
          mo.value_year = series.empty() ? as_of_year_ : std::min(as_of_year_, series.back().first);
          collect_evidence(mo, root, u, mo.value_year);
        } else if (satisfies(m, current)) {
          mo.result = verdict::on_track;
        } else if (std::isnan(baseline) || baseline_year >= current_year || baseline_year >= m.year) {
          mo.result = verdict::pending;
        } else {
          double span = m.year - baseline_year;
          mo.expected = baseline + (m.value - baseline) * (current_year - baseline_year) / span;
          int dir = direction(m);
          if (dir == 0) dir = m.value >= baseline ? 1 : -1;
          bool ahead = dir > 0 ? current >= mo.expected - 1e-12 : current <= mo.expected + 1e-12;
          mo.result = ahead ? verdict::on_track : verdict::off_track;
        }
      }
      if (!std::isnan(mo.value)) {
        mo.gap = gap_to(m, mo.value);
        mo.progress = progress_of(m, mo.value, due ? std::numeric_limits<double>::quiet_NaN() : baseline);
        if (due && !std::isnan(baseline) && baseline_year < m.year && mo.result != verdict::met)
          mo.progress = progress_of(m, mo.value, baseline);
        // The breakdown walks an aggregate's members again: part of the evidence, not of the verdict.
        if (options_.evidence) explain_parts(mo, m, root, u, mo.value_year);
      }
      out.milestones.push_back(std::move(mo));
    }
    // Headline: the latest milestone already due, else the nearest one ahead.
    out.headline_milestone = 0;
    for (std::size_t i = 0; i < t.milestones.size(); ++i)
      if (year_over(t.milestones[i].year)) out.headline_milestone = static_cast<int>(i);
    out.headline = out.milestones[static_cast<std::size_t>(out.headline_milestone)].result;
    if (out.headline == verdict::not_met || out.headline == verdict::off_track) {
      out.serving_tasks = plan_.serving_tasks(a.index);
      out.accountable = plan_.accountable(a.index);
    }
    return out;
  }

  obligation_outcome obligation(applicable const& a, std::uint32_t u) {
    auto const& o = rules_.obligations[static_cast<std::size_t>(a.index)];
    obligation_outcome out;
    out.obligation = a.index;
    int from = o.from_year ? o.from_year : (data_.years.empty() ? as_of_year_ : data_.years.front());
    int until = std::min(o.until_year ? o.until_year : as_of_year_, as_of_year_);
    int met = 0, judged = 0, missing = 0, failed = 0, pending = 0;
    for (int y = from; y <= until; ++y) {
      std::int32_t due = 0;
      if (o.due_month) {
        int yy = y;
        due = days_from_civil({yy, o.due_month, std::min(o.due_day, days_in_month(yy, o.due_month))});
      }
      for (std::size_t r = 0; r < o.requires.size(); ++r) {
        int root = o.requires[r].roots[static_cast<std::size_t>(a.slot)];
        requirement_outcome ro;
        ro.requirement = static_cast<int>(r);
        ro.year = y;
        ro.due = due;
        double v = run_.eval(root, u, y, due);
        bool over = o.due_month ? options_.as_of > due : year_over(y);
        // A year with a due day is judged only once that day has passed (docs/language.md).
        if (!over && (o.due_month || v != 1)) ro.result = verdict::pending;
        else if (v == 1) ro.result = verdict::met;
        else if (std::isnan(v)) ro.result = verdict::no_data;
        else ro.result = verdict::not_met;
        auto const& e = rules_.nodes[static_cast<std::size_t>(root)];
        if (e.op >= node_op::eq && e.op <= node_op::ge) {
          ro.value = run_.eval(e.lhs, u, y, due);
          ro.threshold = run_.eval(e.rhs, u, y, due);
          if (!std::isnan(ro.value) && !std::isnan(ro.threshold)) {
            bool lower_better = e.op == node_op::lt || e.op == node_op::le;
            ro.gap = ro.result == verdict::met ? 0
                     : lower_better           ? std::max(0.0, ro.value - ro.threshold)
                                              : std::max(0.0, ro.threshold - ro.value);
          }
        }
        if (ro.result == verdict::no_data || (ro.result == verdict::pending && std::isnan(v))) {
          if (options_.evidence) {
            detail::evidence_sink sink;
            sink.missing = &ro.missing;
            sink.cap = options_.max_evidence;
            run_.eval(root, u, y, due, &sink);
            ro.missing_total = sink.total;
            ro.division_by_zero = sink.division_by_zero;
          }
        }
        switch (ro.result) {
          case verdict::met: ++met, ++judged; break;
          case verdict::not_met: ++failed, ++judged; break;
          case verdict::no_data: ++missing, ++judged; break;
          default: ++pending; break;
        }
        out.years.push_back(std::move(ro));
      }
    }
    if (failed) out.overall = verdict::not_met;
    else if (missing) out.overall = verdict::no_data;
    else if (met) out.overall = verdict::met;
    else out.overall = verdict::pending;
    int denominator = judged - (options_.no_data == no_data_policy::exclude ? missing : 0);
    if (denominator > 0) out.progress = static_cast<double>(met) / denominator;
    if (out.overall == verdict::not_met) {
      out.serving_tasks = plan_.obligation_tasks(a.index);
      out.accountable = plan_.obligation_accountable(a.index);
    }
    return out;
  }
};

}  // namespace

bool satisfies(milestone const& m, double v) {
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
    case verdict::on_track: return "on_track";
    case verdict::off_track: return "off_track";
    case verdict::pending: return "pending";
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
  return judge(compiled, data, options).run();
}

}  // namespace chitieu::eval
