// Milestone arithmetic (docs/scoring.md §2).
#include "milestones.hpp"

#include <chitieu/eval/evaluate.hpp>

#include <algorithm>
#include <cmath>

namespace chitieu::eval::detail {

using sema::milestone;

double gap_to(milestone const& m, double v) {
  switch (m.comparator) {
    case milestone::op::ge:
    case milestone::op::gt: return std::max(0.0, m.value - v);
    case milestone::op::le:
    case milestone::op::lt: return std::max(0.0, v - m.value);
    case milestone::op::eq: return std::abs(m.value - v);
    case milestone::op::between: return v < m.value ? m.value - v : v > m.upper ? v - m.upper : 0;
    case milestone::op::approx: return std::max(0.0, std::abs(v - m.value) - m.upper);
  }
  return 0;
}

int direction(milestone const& m) {
  switch (m.comparator) {
    case milestone::op::ge:
    case milestone::op::gt: return 1;
    case milestone::op::le:
    case milestone::op::lt: return -1;
    default: return 0;
  }
}

std::optional<bool> settled(milestone const& m, range const& r) {
  if (!r.exists()) return std::nullopt;
  bool low = satisfies(m, r.lo), high = satisfies(m, r.hi);
  if (direction(m) != 0) {
    if (low == high) return low;
    return std::nullopt;
  }
  // A point or a band: met only when the whole interval is inside, not met only when it misses it.
  if (low && high) return true;
  double from = m.value, to = m.comparator == milestone::op::between ? m.upper : m.value;
  if (m.comparator == milestone::op::approx) from = m.value - m.upper, to = m.value + m.upper;
  double eps = 1e-12 * std::max(1.0, std::abs(m.value));
  if (r.hi < from - eps || r.lo > to + eps) return false;
  return std::nullopt;
}

double best_end(milestone const& m, range const& r) {
  int dir = direction(m);
  if (dir > 0) return r.hi;
  if (dir < 0) return r.lo;
  return gap_to(m, r.lo) <= gap_to(m, r.hi) ? r.lo : r.hi;
}

double worst_end(milestone const& m, range const& r) {
  int dir = direction(m);
  if (dir > 0) return r.lo;
  if (dir < 0) return r.hi;
  return gap_to(m, r.lo) >= gap_to(m, r.hi) ? r.lo : r.hi;
}

standing judge_ahead(milestone const& m, double v, trajectory const& line) {
  standing out;
  if (satisfies(m, v)) {
    out.result = verdict::achieved;
    return out;
  }
  double change = 0, required = 0;
  if (line.rate && direction(m) != 0 && m.value != 0 && m.value * direction(m) > 0) {
    // A growth rate is already a pace: compare it with the rate asked for.
    change = v;
    required = m.value;
  } else {
    if (std::isnan(line.baseline) || line.baseline_year >= line.value_year || line.baseline_year >= m.year) {
      out.result = verdict::pending;
      return out;
    }
    double span = m.year - line.baseline_year;
    out.expected = line.baseline + (m.value - line.baseline) * (line.value_year - line.baseline_year) / span;
    int dir = direction(m);
    if (dir == 0) dir = m.value >= line.baseline ? 1 : -1;
    change = dir * (v - line.baseline);
    required = dir * (out.expected - line.baseline);
  }
  if (required <= 0) {
    // The baseline already met the milestone and the value has fallen back from it; the line asked for
    // nothing, so it is not shown.
    out.result = verdict::deterioration;
    out.expected = nan;
    return out;
  }
  out.pace = change / required;
  out.result = out.pace >= 0.95 - 1e-12 ? verdict::on_track
               : out.pace >= 0.6 - 1e-12 ? verdict::needs_acceleration
               : out.pace >= 0         ? verdict::limited_progress
                                       : verdict::deterioration;
  return out;
}

std::optional<standing> judge_ahead(milestone const& m, range const& r, trajectory const& line) {
  if (!r.exists()) return std::nullopt;
  if (r.is_point()) return judge_ahead(m, r.lo, line);
  if (direction(m) == 0) {
    // Not monotone: only "achieved" can be settled, when the whole interval is inside.
    auto s = settled(m, r);
    if (s && *s) return judge_ahead(m, r.lo, line);
    return std::nullopt;
  }
  auto low = judge_ahead(m, r.lo, line), high = judge_ahead(m, r.hi, line);
  if (low.result != high.result) return std::nullopt;
  return judge_ahead(m, worst_end(m, r), line);
}

double credit(milestone const& m, verdict result, double v, double pace, double baseline, int baseline_year) {
  auto clamp = [](double x) { return std::isnan(x) ? 0.0 : std::min(0.999, std::max(0.0, x)); };
  switch (result) {
    case verdict::met:
    case verdict::achieved:
    case verdict::on_track: return 1;
    case verdict::needs_acceleration:
    case verdict::limited_progress:
    case verdict::deterioration: return clamp(pace);
    case verdict::not_met: {
      // Only movement toward the milestone since the baseline earns anything.
      if (std::isnan(baseline) || baseline_year >= m.year) return 0;
      double t = m.comparator == milestone::op::between && v > m.upper ? m.upper : m.value;
      // A baseline that already met the milestone leaves nothing to credit once the value fell short.
      int dir = direction(m);
      if (t == baseline || (dir != 0 && dir * (t - baseline) <= 0)) return 0;
      return clamp((v - baseline) / (t - baseline));
    }
    default: return nan;
  }
}

}  // namespace chitieu::eval::detail
