// Judging a target at a unit: each milestone, due or not yet due, on the values of the submission's
// years (docs/scoring.md §2).
#include <chitieu/eval/evaluate.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "due.hpp"
#include "display_units.hpp"
#include "evidence.hpp"
#include "judge.hpp"
#include "milestones.hpp"
#include "reuse.hpp"

namespace chitieu::eval::detail {

using sema::milestone;
using sema::node_op;

namespace {

std::string reason_text(absence why, language lang) {
  switch (why) {
    case absence::value_not_applicable: return say(lang, "giá trị được khai báo là không áp dụng cho đơn vị này");
    case absence::not_in_operation: return say(lang, "đơn vị không hoạt động trong năm được xét");
    case absence::not_in_operation_then: return say(lang, "đơn vị chưa hoạt động (hoặc đã ngừng) trong năm trước được so sánh");
    case absence::none_declared: return say(lang, "không có đơn vị nào được khai báo");
    case absence::none_in_scope: return say(lang, "không có đơn vị nào thuộc diện của chỉ tiêu");
    case absence::not_enough_years: return say(lang, "chưa đủ số năm để tính");
    case absence::none: break;
  }
  return "";
}

}  // namespace

std::string const& reason_for(absence why, language lang) {
  // Said for every requirement out of scope at every unit (most of a national run's rows): translated
  // once per language, not looked up each time.
  constexpr std::size_t reasons = static_cast<std::size_t>(absence::not_in_operation_then) + 1;
  static auto const table = [] {
    std::array<std::array<std::string, reasons>, 2> out;
    for (std::size_t w = 0; w < reasons; ++w) {
      out[0][w] = reason_text(static_cast<absence>(w), language::vi);
      out[1][w] = reason_text(static_cast<absence>(w), language::en);
    }
    return out;
  }();
  return table[lang == language::vi ? 0 : 1][static_cast<std::size_t>(why)];
}

namespace {

struct year_value {
  int year = 0;
  range value;
};

/// Members of the measure's own aggregate that fail, for the scorecard's list of failing units.
void watch_members(evidence& ev, sema::checked_ruleset const& rules, int root, milestone const& m) {
  switch (rules.nodes[static_cast<std::size_t>(root)].op) {
    case node_op::agg_share:
    case node_op::agg_all:
    case node_op::agg_any: ev.watch(root, [](range const& v) { return v.exists() && v.hi == 0; }); break;
    case node_op::agg_avg:
    case node_op::agg_min:
    case node_op::agg_max:
      ev.watch(root, [&m](range const& v) { return v.is_point() && !satisfies(m, v.lo); });
      break;
    default: break;
  }
}

/// Whole things (schools, rooms) come in whole numbers; "more than" needs one more at equality.
double whole_needed(milestone const& m, double need) {
  return m.comparator == milestone::op::gt ? std::floor(need + 1e-9) + 1 : std::ceil(need - 1e-9);
}

/// What an evaluation of the measure at a unit and year met: missing values (of that year, and of a later
/// year passed over), failing members, and the counts behind a share. For shares, all and any it does not
/// depend on the milestone, so the milestones of a target judged on the same year share one gathering.
struct gathered {
  int year = 0, fallback_from = 0;
  std::vector<std::string> missing;
  std::size_t missing_total = 0;
  bool division_by_zero = false;
  std::vector<std::uint32_t> failing_units;
  std::size_t failing_total = 0;
  aggregate_tally tally;
  bool has_tally = false;
};

bool depends_on_milestone(node_op op) { return op == node_op::agg_avg || op == node_op::agg_min || op == node_op::agg_max; }

gathered gather(context const& c, milestone const& m, int root, std::uint32_t u, int year, int fallback_from) {
  gathered g;
  g.year = year;
  g.fallback_from = fallback_from;
  evidence ev(c.run, c.options.max_evidence);
  if (fallback_from) c.run.exact(root, u, fallback_from, 0, &ev);
  watch_members(ev, c.rules, root, m);
  if (c.rules.nodes[static_cast<std::size_t>(root)].op == node_op::agg_share) {
    c.run.aggregate(root, u, year, 0, &ev, &g.tally);
    g.has_tally = true;
  } else {
    c.run.exact(root, u, year, 0, &ev);
  }
  g.missing = std::move(ev.missing_pointers);
  g.missing_total = ev.missing_total;
  g.division_by_zero = ev.divided_by_zero;
  g.failing_units = std::move(ev.failing_units);
  g.failing_total = ev.failing_total;
  return g;
}

/// The evidence behind a milestone, and for a share or a ratio what is still needed, in units.
void explain(context const& c, milestone_outcome& mo, milestone const& m, int root, std::uint32_t u,
             gathered const& g) {
  auto const& e = c.rules.nodes[static_cast<std::size_t>(root)];
  bool up = direction(m) >= 0;
  bool known = !std::isnan(mo.value);
  auto const& tally = g.tally;
  if (g.has_tally && known && tally.maybe_members == 0 && tally.unknown == 0) {
    mo.parts.numerator = tally.holds;
    mo.parts.denominator = tally.members;
    mo.parts.numerator_unit = mo.parts.denominator_unit =
        c.rules.unit_kinds[static_cast<std::size_t>(e.unit_kind)].counted;
    if (up && tally.members > 0)
      mo.parts.needed =
          std::max(0.0, std::min(whole_needed(m, m.value * tally.members - tally.holds), tally.members - tally.holds)) + 0.0;
  } else if (known && e.op == node_op::div && up) {
    double num = c.run.eval(e.lhs, u, mo.value_year), den = c.run.eval(e.rhs, u, mo.value_year);
    if (!std::isnan(num) && !std::isnan(den) && den > 0) {
      auto const& lt = c.rules.nodes[static_cast<std::size_t>(e.lhs)].type;
      auto const& rt = c.rules.nodes[static_cast<std::size_t>(e.rhs)].type;
      mo.parts.numerator = num;
      mo.parts.denominator = den;
      mo.parts.numerator_unit = lt.unit;
      mo.parts.denominator_unit = rt.unit;
      double need = m.value * den - num;
      if (lt.kind == sema::value_kind::count || std::floor(num) == num) need = whole_needed(m, need);
      mo.parts.needed = satisfies(m, num / den) ? 0.0 : std::max(0.0, need) + 0.0;
    }
  }
  mo.missing = g.missing;
  mo.missing_total = g.missing_total;
  mo.division_by_zero = g.division_by_zero;
  mo.failing_units = g.failing_units;
  mo.failing_total = g.failing_total;
}

class target_judge {
 public:
  target_judge(context const& c, applicable const& a, std::uint32_t u)
      : c_(c), t_(c.rules.targets[static_cast<std::size_t>(a.index)]), root_(t_.measures[static_cast<std::size_t>(a.slot)]),
        u_(u), index_(a.index) {}

  void run(target_outcome& out) {
    reset(out);
    out.target = index_;
    read_series();
    out.milestones.resize(t_.milestones.size());
    for (std::size_t i = 0; i < t_.milestones.size(); ++i) milestone_at(static_cast<int>(i), out.milestones[i]);
    for (auto& mo : out.milestones) to_display_units(mo, t_.type);
    // Headline: the latest milestone already due, else the nearest one ahead; milestones that do not
    // apply here (the unit did not exist that year) are passed over.
    int last_due = -1, first_ahead = -1;
    for (std::size_t i = 0; i < t_.milestones.size(); ++i) {
      if (out.milestones[i].result == verdict::not_applicable) continue;
      if (past_due(c_.options.as_of, end_of_year(t_.milestones[i].year))) last_due = static_cast<int>(i);
      else if (first_ahead < 0) first_ahead = static_cast<int>(i);
    }
    out.headline_milestone = last_due >= 0 ? last_due : first_ahead;
    if (out.headline_milestone < 0) {
      out.headline = verdict::not_applicable;
      out.reason = out.milestones.front().reason;
      out.milestones.clear();
      return;
    }
    out.headline = out.milestones[static_cast<std::size_t>(out.headline_milestone)].result;
    if (needs_action(out.headline)) {
      out.serving_tasks = c_.compiled.serving_tasks(index_);
      out.accountable = c_.compiled.accountable(index_);
      out.monitors = c_.compiled.monitors(index_);
    }
  }

 private:
  context const& c_;
  sema::target const& t_;
  int root_;
  std::uint32_t u_;
  int index_;
  bool judged_at_worst_ = false;  // the milestone being judged took the worst end of an open value
  std::optional<gathered> gathered_;  // the last evidence gathered, reused by the next milestone if it fits
  // The value in every year up to the as-of year (or the last milestone), computed once. The buffer
  // outlives the call because a national batch judges hundreds of thousands of targets.
  static thread_local std::vector<year_value> series_;

  void read_series() {
    series_.clear();
    int last = std::max(c_.as_of_year, t_.milestones.back().year);
    for (int y : c_.data.years()) {
      if (y > last) break;
      double v = c_.run.eval(root_, u_, y);
      series_.push_back({y, std::isnan(v) ? c_.run.exact(root_, u_, y, 0, nullptr) : range::point(v)});
    }
  }

  range value_in(int year) const {
    for (auto const& s : series_)
      if (s.year == year) return s.value;
    return c_.run.exact(root_, u_, year, 0, nullptr);  // a year nobody submitted: missing, or absent
  }

  struct baseline {
    double value = nan;
    int year = 0;
    bool from_rule = false;
  };

  /// The rule's baseline, or the earliest known value before `year`.
  baseline baseline_before(int year) const {
    if (t_.baseline_value) return {*t_.baseline_value, t_.baseline_year, true};
    for (auto const& s : series_)
      if (s.year < year && s.value.is_point()) return {s.value.lo, s.year, false};
    return {};
  }

  static void set_baseline(milestone_outcome& mo, baseline const& b) {
    mo.baseline = b.value;
    mo.baseline_year = b.year;
    mo.baseline_from_rule = b.from_rule;
  }

  /// Whether an open year still says something: its interval is narrower than the measure could be
  /// anyway, and the evaluation reached at least one submitted value. A share of schools with some known
  /// says something; a school's own blank ([0%, 100%]) or a ratio of sums whose members are all blank
  /// does not. The measure's type bounds only a field or an aggregate: a growth rate, a difference or a
  /// rate of change may leave it.
  bool informative(int year, range const& r) const {
    auto op = c_.rules.nodes[static_cast<std::size_t>(root_)].op;
    bool bounded_by_type = op == node_op::field || (op >= node_op::agg_count && op <= node_op::agg_any);
    range whole = bounded_by_type ? c_.run.type_range(c_.rules.nodes[static_cast<std::size_t>(root_)].type)
                                  : range::unknown();
    if (!(r.lo > whole.lo || r.hi < whole.hi)) return false;
    class counter : public listener {
     public:
      void known(std::uint32_t, int, int) override { ++count; }
      int count = 0;
    } heard;
    c_.run.exact(root_, u_, year, 0, &heard);
    return heard.count > 0;
  }

  static void set_value(milestone_outcome& mo, range const& r) {
    if (r.is_point()) mo.value = r.lo;
    else if (r.exists()) mo.lower = r.lo, mo.upper = r.hi;
  }

  void milestone_at(int i, milestone_outcome& mo) {
    auto const& m = t_.milestones[static_cast<std::size_t>(i)];
    reset(mo);
    judged_at_worst_ = false;
    mo.milestone = i;
    mo.threshold = m.value;
    range value;
    if (past_due(c_.options.as_of, end_of_year(m.year))) {
      judge_due(m, mo, value);
    } else {
      judge_ahead_of_time(m, mo, value);
    }
    if (value.exists() && mo.result != verdict::no_data && mo.result != verdict::pending) {
      // An open value's gap and credit are both at its worst end: what is still needed if the blanks turn
      // out worst, the same for every milestone of the target.
      double worst = value.is_point() ? value.lo : worst_end(m, value);
      mo.gap = gap_to(m, worst);
      mo.progress = credit(m, mo.result, worst, mo.pace, mo.baseline, mo.baseline_year);
    } else if (value.is_point()) {
      mo.gap = gap_to(m, value.lo);
    }
    if (c_.options.evidence && mo.result != verdict::not_applicable) {
      bool reusable = !depends_on_milestone(c_.rules.nodes[static_cast<std::size_t>(root_)].op);
      if (!reusable || !gathered_ || gathered_->year != mo.value_year || gathered_->fallback_from != mo.fallback_from)
        gathered_ = gather(c_, m, root_, u_, mo.value_year, mo.fallback_from);
      explain(c_, mo, m, root_, u_, *gathered_);
    }
  }

  /// A due milestone is judged on the value of its own year; missing values leave it open only when
  /// they could change the verdict.
  void judge_due(milestone const& m, milestone_outcome& mo, range& value) {
    mo.value_year = m.year;
    set_baseline(mo, baseline_before(m.year));
    value = value_in(m.year);
    if (!value.exists()) {
      mo.result = value.why == absence::not_enough_years ? verdict::no_data : verdict::not_applicable;
      mo.reason = reason_for(value.why, c_.options.lang);
      return;
    }
    set_value(mo, value);
    auto s = settled(m, value);
    mo.result = !s ? verdict::no_data : *s ? verdict::met : verdict::not_met;
  }

  /// A milestone not yet due is judged on the latest value that settles its standing; a later year
  /// left open by missing values is named (fallback_from), and an old value is stale.
  void judge_ahead_of_time(milestone const& m, milestone_outcome& mo, range& value) {
    int open_year = 0;
    for (auto it = series_.rbegin(); it != series_.rend(); ++it) {
      if (it->year > c_.as_of_year) continue;
      if (!it->value.exists()) {
        // The latest year says there is nothing to judge now (no population, the unit closed), or
        // that a rate needs more years.
        value = it->value;
        mo.value_year = it->year;
        mo.reason = reason_for(it->value.why, c_.options.lang);
        mo.result = it->value.why == absence::not_enough_years ? verdict::pending : verdict::not_applicable;
        if (open_year) mo.result = verdict::no_data, mo.value_year = open_year, value = value_in(open_year);
        return;
      }
      baseline candidate = baseline_before(it->year);
      trajectory line{candidate.value, candidate.year, it->year,
                      c_.rules.nodes[static_cast<std::size_t>(root_)].op == node_op::growth};
      auto standing = judge_ahead(m, it->value, line);
      bool at_worst = false;
      if (!standing) {
        // Blanks leave the standing open. When the year still says something (some members known), it is
        // judged at its worst end, so a blank never earns more than the truth and raising a known value
        // never lowers the verdict; a year that says nothing at all is passed over, and named.
        if (!informative(it->year, it->value)) {
          if (!open_year) open_year = it->year;
          continue;
        }
        // Something is known but the worst end is unbounded (a count that can only be "at least"
        // against a ceiling): nothing can be said, and an older year would say too much.
        if (!std::isfinite(worst_end(m, it->value))) {
          open_year = it->year;
          break;
        }
        standing = judge_ahead(m, worst_end(m, it->value), line);
        at_worst = judged_at_worst_ = true;
      }
      // Falling back only to say "pending" would trade a named blank for a vaguer verdict.
      if (open_year && standing->result == verdict::pending) break;
      set_baseline(mo, candidate);
      mo.value_year = it->year;
      value = it->value;
      set_value(mo, value);
      mo.result = standing->result;
      mo.pace = standing->pace;
      mo.expected = standing->expected;
      if (mo.result == verdict::pending) mo.reason = say(c_.options.lang, "chưa có số liệu năm gốc để vẽ lộ trình");
      if (at_worst) {
        mo.reason = say(c_.options.lang, "tính theo trường hợp xấu nhất mà các giá trị còn thiếu cho phép");
        mo.judged_on = worst_end(m, it->value);
      }
      if (open_year > it->year) mo.fallback_from = open_year;
      int oldest_fresh = c_.as_of_year - c_.options.freshness;
      if (it->year < oldest_fresh) {
        mo.result = verdict::stale;
        mo.pace = mo.expected = nan;  // a line read at an old year says nothing about now
        mo.reason = say(c_.options.lang, "số liệu mới nhất là của năm {0}, cũ {1} năm (cần số liệu từ năm {2})",
                        {std::to_string(it->year), std::to_string(c_.as_of_year - it->year), std::to_string(oldest_fresh)});
      }
      return;
    }
    // Nothing settles: no value at all, or only values the missing ones leave open.
    mo.result = verdict::no_data;
    mo.value_year = open_year ? open_year
                    : series_.empty() ? c_.as_of_year
                                      : std::min(c_.as_of_year, series_.back().year);
    value = value_in(mo.value_year);
    set_value(mo, value);
    set_baseline(mo, baseline_before(mo.value_year));
  }
};

thread_local std::vector<year_value> target_judge::series_;

}  // namespace

void judge_target(context const& c, applicable const& a, std::uint32_t u, target_outcome& out) {
  target_judge(c, a, u).run(out);
}

}  // namespace chitieu::eval::detail
