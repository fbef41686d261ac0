// The sentence behind each verdict (a milestone, an obligation's year) and the score line,
// shared by the text, HTML, CSV and JSON scorecards so that every view says the same thing. Renders
// only: verdicts, bounds, paces and reasons come from eval; the words follow them and never contradict.
// Written in Vietnamese; `say` gives the English (src/words/report.cpp) when the report is asked in it.
#include <chitieu/report/scorecard.hpp>

#include <chitieu/date.hpp>
#include <chitieu/report/format.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace chitieu::report {
namespace {

using sema::milestone;
using sema::node_op;
using sema::value_kind;
using eval::verdict;
using show_fn = std::function<std::string(double)>;

constexpr std::size_t shown_values = 3;  // missing values named in one line
constexpr std::size_t shown_units = 5;   // failing units named in one line

bool whole(double x) { return std::isfinite(x) && std::abs(x - std::round(x)) < 1e-9; }

std::string join(std::vector<std::string> const& parts) {
  std::string out;
  for (auto const& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : "; ") + p;
  return out;
}

/// "a, b, c và 4 giá trị khác": at most `shown` names, then how many were left out (of `total`).
std::string cut_list(std::vector<std::string> const& names, std::size_t total, std::size_t shown, bool units,
                     language lang) {
  std::size_t n = std::min(names.size(), shown);
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += (i ? ", " : "") + names[i];
  total = std::max(total, names.size());
  if (total <= n) return s;
  auto count = std::to_string(n ? total - n : total);
  if (units)
    return agree(lang, count, n ? say(lang, "{0} và {1} đơn vị khác", {s, count}) : say(lang, "{0} đơn vị", {count}));
  return agree(lang, count, n ? say(lang, "{0} và {1} giá trị khác", {s, count}) : say(lang, "{0} giá trị", {count}));
}

std::string missing_list(std::vector<std::string> const& pointers, std::size_t total, language lang) {
  return cut_list(pointers, total, shown_values, false, lang);
}

/// Levels, dates and yes/no have no "range 60%–70%"; open ends read "ít nhất" / "nhiều nhất". A bound
/// that only repeats what the scale allows anyway ("ít nhất 0 trường", "nhiều nhất 100%", "ít nhất
/// hạng 1") says nothing and is left out.
std::string bounds_phrase(double lo, double hi, sema::value_type const& type, show_fn const& show,
                          sema::checked_ruleset const& rules, language lang, bool trim = true) {
  if (type.kind == value_kind::boolean) return "";
  double floor_of_scale = type.kind == value_kind::rank ? 1 : 0;
  double top_of_scale = eval::nan;
  if (type.kind == value_kind::percent) top_of_scale = 100;  // display units
  if (type.kind == value_kind::level)
    top_of_scale = static_cast<double>(rules.ladders[static_cast<std::size_t>(type.ladder)].levels.size()) - 1;
  if (trim && type.kind != value_kind::date && lo <= floor_of_scale + 1e-12) lo = -std::numeric_limits<double>::infinity();
  if (trim && hi >= top_of_scale - 1e-12 * std::max(1.0, top_of_scale)) hi = std::numeric_limits<double>::infinity();
  bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
  bool date = type.kind == value_kind::date;
  if (has_lo && has_hi) {
    if (type.kind == value_kind::level || date) return say(lang, "từ {0} đến {1}", {show(lo), show(hi)});
    return say(lang, "trong khoảng {0}–{1}", {show(lo), show(hi)});
  }
  if (has_lo) return date ? say(lang, "không sớm hơn {0}", {show(lo)}) : say(lang, "ít nhất {0}", {show(lo)});
  if (has_hi) return date ? say(lang, "không muộn hơn {0}", {show(hi)}) : say(lang, "nhiều nhất {0}", {show(hi)});
  return "";
}

/// The verdict as it reads inside a sentence ("đạt dù thiếu 1 giá trị"); none for verdicts that do
/// not rest on the value.
std::string verdict_word(verdict v, language lang) {
  switch (v) {
    case verdict::met:
    case verdict::achieved: return say(lang, "đạt");
    case verdict::not_met: return say(lang, "không đạt");
    case verdict::on_track: return say(lang, "đúng tiến độ");
    case verdict::needs_acceleration: return say(lang, "cần đẩy nhanh");
    case verdict::limited_progress: return say(lang, "tiến triển chậm");
    case verdict::deterioration: return say(lang, "xấu đi");
    default: return {};
  }
}

/// " — đạt dù thiếu 2 giá trị: /a, /b": a verdict that stands whatever the missing values turn out to be.
std::string despite_missing(std::string const& word, std::size_t missing, std::string const& list, language lang) {
  auto n = std::to_string(missing);
  return " — " + agree(lang, n, say(lang, "{0} dù thiếu {1} giá trị{2}", {word, n, list}));
}

/// A strict comparator is said in words, so that a value equal to the threshold visibly fails it. The
/// milestone's numbers are the rule's, in the measure's representation.
std::string goal_phrase(milestone const& ms, sema::value_type const& type, show_fn const& show, language lang) {
  auto goal = show(display_value(ms.value, type));
  switch (ms.comparator) {
    case milestone::op::gt: return say(lang, "trên {0}", {goal});
    case milestone::op::lt: return say(lang, "dưới {0}", {goal});
    case milestone::op::between: return say(lang, "từ {0} đến {1}", {goal, show(display_value(ms.upper, type))});
    default: return comparator_sign(ms.comparator, lang) + " " + goal;
  }
}

std::string requirement_phrase(node_op op, std::string const& t, bool date, language lang) {
  if (date) {
    switch (op) {
      case node_op::ge: return say(lang, "từ ngày {0}", {t});
      case node_op::gt: return say(lang, "sau ngày {0}", {t});
      case node_op::le: return say(lang, "chậm nhất ngày {0}", {t});
      case node_op::lt: return say(lang, "trước ngày {0}", {t});
      case node_op::eq: return say(lang, "đúng ngày {0}", {t});
      default: return say(lang, "khác ngày {0}", {t});
    }
  }
  switch (op) {
    case node_op::ge: return "≥ " + t;
    case node_op::gt: return say(lang, "trên {0}", {t});
    case node_op::le: return "≤ " + t;
    case node_op::lt: return say(lang, "dưới {0}", {t});
    case node_op::eq: return "= " + t;
    default: return "≠ " + t;
  }
}

/// How far from the threshold, in words that match the side: short of it, past it, or ranks behind.
/// `at_most`: the value is open, and this is the gap at its worst end.
std::string gap_phrase(double gap, bool above, sema::value_type const& type, sema::checked_ruleset const& rules,
                       language lang, bool at_most = false) {
  if (type.kind == value_kind::rank && above) {
    auto n = format_number(gap, 1, lang);
    return agree(lang, n, at_most ? say(lang, "kém tối đa {0} bậc", {n}) : say(lang, "kém {0} bậc", {n}));
  }
  if (type.kind == value_kind::date) {
    auto n = format_number(gap, 0, lang);
    if (above) return agree(lang, n, at_most ? say(lang, "muộn tối đa {0} ngày", {n}) : say(lang, "muộn {0} ngày", {n}));
    return agree(lang, n, at_most ? say(lang, "sớm tối đa {0} ngày", {n}) : say(lang, "sớm {0} ngày", {n}));
  }
  auto g = format_gap(gap, type, rules, lang);
  if (above) return at_most ? say(lang, "vượt ngưỡng tối đa {0}", {g}) : say(lang, "vượt ngưỡng {0}", {g});
  return at_most ? say(lang, "còn thiếu tối đa {0}", {g}) : say(lang, "còn thiếu {0}", {g});
}

/// "Trường A, Trường B và 3 đơn vị khác"
std::string unit_list(std::vector<std::uint32_t> const& units, std::size_t total,
                      std::function<std::string(std::uint32_t)> const& name, language lang) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < units.size() && i < shown_units; ++i) names.push_back(name(units[i]));
  return cut_list(names, std::max(total, units.size()), shown_units, true, lang);
}

/// +1 when the line to the milestone climbs, -1 when it falls: the direction eval judged the pace in.
/// `baseline` is an outcome's, in display units.
int line_direction(milestone const& ms, sema::value_type const& type, double baseline) {
  switch (ms.comparator) {
    case milestone::op::ge:
    case milestone::op::gt: return 1;
    case milestone::op::le:
    case milestone::op::lt: return -1;
    default: return display_value(ms.value, type) >= baseline ? 1 : -1;
  }
}

/// The share of the pace asked for, floored so that the words never reach a level the verdict did not.
std::string pace_phrase(eval::milestone_outcome const& m, bool on_a_line, language lang) {
  if (std::isnan(m.pace) || m.pace >= 1 - 1e-9) return "";
  if (m.result != verdict::on_track && !eval::is_behind(m.result)) return "";
  bool since_baseline = on_a_line && m.baseline_year;
  auto base = std::to_string(m.baseline_year);
  if (m.pace < 0)
    return since_baseline ? say(lang, "nhưng đã xa mốc hơn năm {0}", {base}) : say(lang, "đang đi ngược chiều mục tiêu");
  if (m.pace == 0 && since_baseline) return say(lang, "chưa tiến triển so với năm {0}", {base});
  return say(lang, "đạt {0}% tốc độ cần thiết", {format_number(std::floor(m.pace * 100 + 1e-9), 0, lang)});
}

/// The straight line from the baseline, with the value it asks for now. On a scale of whole steps
/// (levels, ranks, counts) the line asks for the next whole step; it is said only when it agrees with
/// the verdict (reached when on track, not reached when behind), else the pace alone speaks.
std::string trajectory_phrase(eval::milestone_outcome const& m, sema::target const& t, milestone const& ms,
                              show_fn const& show, language lang) {
  std::string since = show(m.baseline) + " (" + std::to_string(m.baseline_year) + ")";
  bool tell = true;
  if (m.result == verdict::deterioration && std::isnan(m.pace))
    return say(lang, "năm {0} đã đạt mốc với {1}, nay không còn đạt", {std::to_string(m.baseline_year), show(m.baseline)});
  std::string s = say(lang, "theo lộ trình từ {0}", {since});
  int dir = line_direction(ms, t.type, m.baseline);
  double asked = m.expected;
  double now = !std::isnan(m.value) ? m.value : dir > 0 ? m.lower : m.upper;
  bool steps = t.type.kind == value_kind::level || t.type.kind == value_kind::rank;
  if (t.type.kind == value_kind::count && whole(now) && whole(m.baseline)) {
    // A line toward a distant milestone asks a fraction of a school by now; rounding it up would claim
    // the milestone is due already. Say the line only where it asks a whole number.
    tell = whole(asked);
  } else if (steps) {
    asked = dir > 0 ? std::ceil(asked - 1e-9) : std::floor(asked + 1e-9);
    bool reached = std::isfinite(now) && (dir > 0 ? now >= asked - 1e-9 : now <= asked + 1e-9);
    tell = eval::is_behind(m.result) ? !reached : reached;
  }
  if (tell) s = say(lang, "{0} cần {1}", {s, show(asked)});
  auto pace = pace_phrase(m, true, lang);
  return pace.empty() ? s : s + ", " + pace;
}

/// `explain`, whole or `brief` (the goal, the value and the gap only: no lists, trajectory or units).
std::string explain_milestone(eval::milestone_outcome const& m, sema::target const& t, sema::checked_ruleset const& rules,
                              eval::dataset const& data, language lang, bool brief) {
  auto const& ms = t.milestones[static_cast<std::size_t>(m.milestone)];
  show_fn show = [&](double v) { return format_value(v, t.type, rules, lang); };
  std::string year = std::to_string(m.value_year);
  std::vector<std::string> parts{say(lang, "mốc {0}: {1}", {std::to_string(ms.year), goal_phrase(ms, t.type, show, lang)})};
  bool known = !std::isnan(m.value);
  std::string bounds = known ? "" : bounds_phrase(m.lower, m.upper, t.type, show, rules, lang);
  // A verdict that stands despite missing values says where the value lies, even if only on its scale.
  if (bounds.empty() && !known && m.result != verdict::no_data)
    bounds = bounds_phrase(m.lower, m.upper, t.type, show, rules, lang, false);
  std::size_t missing = std::max(m.missing_total, m.missing.size());

  // With a later year passed over, `missing` holds that year's gaps too; tell the two apart by year.
  std::vector<std::string> passed_over, open = m.missing;
  std::size_t passed_count = 0, open_count = missing;
  if (m.fallback_from) {
    if (bounds.empty()) {
      passed_over = std::move(open), open.clear();
      passed_count = missing, open_count = 0;
    } else {
      std::string tag = "/values/" + std::to_string(m.fallback_from) + "/";
      open.clear();
      for (auto const& p : m.missing) (p.find(tag) != std::string::npos ? passed_over : open).push_back(p);
      passed_count = passed_over.size();
      open_count = missing - passed_count;
    }
  }

  if (m.result == verdict::not_applicable || (!known && bounds.empty() && m.result != verdict::no_data)) {
    std::string why = m.reason.empty() ? verdict_label(m.result, lang) : m.reason;
    parts.push_back(m.value_year ? why + " (" + year + ")" : why);
    return join(parts);
  }
  if (m.result == verdict::no_data) {
    std::string s;
    if (!bounds.empty()) {
      parts.push_back(say(lang, "hiện {0} ({1})", {bounds, year}));
      auto n = std::to_string(open_count);
      s = agree(lang, n, say(lang, "thiếu {0} giá trị nên chưa kết luận được", {n}));
    } else {
      s = say(lang, "thiếu dữ liệu");
    }
    if (m.division_by_zero) s = say(lang, "{0} (phép chia cho 0)", {s});
    if (!open.empty() && !brief) s += ": " + missing_list(open, open_count, lang);
    else if (bounds.empty() && !m.reason.empty()) s += ": " + m.reason;
    parts.push_back(s);
    return join(parts);
  }

  std::string value = say(lang, "hiện {0} ({1})", {known ? show(m.value) : bounds, year});
  auto open_n = std::to_string(open_count);
  if (brief) {
    // The value alone: the blanks behind it are in the full explanation.
  } else if (!std::isnan(m.judged_on)) {
    // Judged at the worst end: the blanks could raise the verdict, never lower it.
    std::string list = open.empty() ? "" : ": " + missing_list(open, open_count, lang);
    value += agree(lang, open_n,
                   say(lang, "; tính theo mức {0}, mức thấp nhất mà {1} giá trị còn thiếu cho phép{2} (đủ số liệu thì kết luận chỉ có thể tốt hơn)",
                       {show(m.judged_on), open_n, list}));
  } else if (!bounds.empty() && open_count > 0) {
    // A verdict reached at both ends of the bounds stands; say which values it does not depend on.
    auto word = verdict_word(m.result, lang);
    std::string list = open.empty() ? "" : ": " + missing_list(open, open_count, lang);
    value += !word.empty() ? despite_missing(word, open_count, list, lang)
                           : agree(lang, open_n, say(lang, "; thiếu {0} giá trị{1}", {open_n, list}));
  }
  parts.push_back(value);
  if (m.fallback_from && !brief) {
    auto from = std::to_string(m.fallback_from), passed_n = std::to_string(passed_count);
    std::string s = passed_count ? agree(lang, passed_n, say(lang, "năm {0} thiếu {1} giá trị", {from, passed_n}))
                                 : say(lang, "năm {0} chưa đủ số liệu", {from});
    if (!passed_over.empty()) s += " (" + missing_list(passed_over, passed_count, lang) + ")";
    parts.push_back(say(lang, "{0}; dùng số liệu năm {1}", {s, year}));
  }
  if (m.result == verdict::pending || m.result == verdict::stale) parts.push_back(m.reason);
  if (m.result != verdict::stale && !brief) {
    bool fell_back_from_met = m.result == verdict::deterioration && std::isnan(m.pace);
    if ((!std::isnan(m.expected) || fell_back_from_met) && !std::isnan(m.baseline))
      parts.push_back(trajectory_phrase(m, t, ms, show, lang));
    else parts.push_back(pace_phrase(m, false, lang));
  }

  std::string gap;
  if (m.gap > 0) {
    double g = t.type.kind == value_kind::count && whole(m.value) ? std::ceil(m.gap - 1e-9) : m.gap;
    double side = known ? m.value : std::isfinite(m.lower) ? m.lower : m.upper;
    bool above = ms.comparator == milestone::op::le || ms.comparator == milestone::op::lt ||
                 (ms.comparator == milestone::op::between ? side > display_value(ms.upper, t.type)
                  : ms.comparator != milestone::op::ge && ms.comparator != milestone::op::gt &&
                        side > display_value(ms.value, t.type));
    // An open value's gap is at its worst end: at most this much, once the blanks are filled.
    gap = gap_phrase(g, above, t.type, rules, lang, !known);
  } else if (m.gap == 0 && known && m.result != verdict::met && m.result != verdict::achieved &&
             (ms.comparator == milestone::op::gt || ms.comparator == milestone::op::lt)) {
    gap = say(lang, "chưa {0}", {goal_phrase(ms, t.type, show, lang)});  // at a strict threshold: no distance, yet not met
  }
  if (!std::isnan(m.parts.needed) && m.parts.needed > 0 && !m.parts.numerator_unit.empty() && !brief) {
    // Schools and rooms come whole: a need of 1,67 is 2 more.
    bool units = whole(m.parts.numerator);
    double needed = units ? std::ceil(m.parts.needed - 1e-9) : m.parts.needed;
    // The units counted are the plan's words ("trường", "phòng"): they stay as written in any language.
    gap += std::string(gap.empty() ? "" : " — ") +
           say(lang, "cần thêm {0} {1} (hiện {2} {1} / {3} {4})",
               {format_number(needed, units ? 0 : 1, lang), m.parts.numerator_unit,
                format_number(m.parts.numerator, 1, lang), format_number(m.parts.denominator, 1, lang),
                m.parts.denominator_unit});
  }
  parts.push_back(gap);
  if (!m.failing_units.empty() && !brief) {
    // Beside a milestone that is met, the units that fall short are a part of it, not a contradiction.
    bool whole_met = m.result == verdict::met || m.result == verdict::achieved;
    auto list = unit_list(m.failing_units, m.failing_total, [&](std::uint32_t u) { return data.unit(u).name; }, lang);
    parts.push_back(whole_met ? say(lang, "trong đó chưa đạt: {0}", {list}) : say(lang, "chưa đạt: {0}", {list}));
  }
  return join(parts);
}

std::string explain_year(eval::requirement_outcome const& y, sema::obligation const& o,
                         sema::checked_ruleset const& rules, eval::dataset const& data, language lang, bool brief) {
  if (y.result == verdict::not_applicable) return y.reason;
  std::vector<std::string> parts;
  std::size_t missing = std::max(y.missing_total, y.missing.size());
  auto const& root = rules.nodes[static_cast<std::size_t>(
      o.requirements[static_cast<std::size_t>(y.requirement)].roots.front())];
  auto const* compared = compared_type(o, y.requirement, rules);
  bool bounded = false, due_said = false;
  if (compared) {
    auto const& type = *compared;
    bool date = type.kind == value_kind::date;
    show_fn show = [&](double v) { return format_value(v, type, rules, lang); };
    bool known = !std::isnan(y.value);
    std::string bounds = known ? "" : bounds_phrase(y.lower, y.upper, type, show, rules, lang);
    if (bounds.empty() && !known && (y.result == verdict::met || y.result == verdict::not_met))
      bounds = bounds_phrase(y.lower, y.upper, type, show, rules, lang, false);
    bounded = !bounds.empty();
    std::string subject = known ? show(y.value) : bounds;
    if (!std::isnan(y.threshold)) {
      due_said = date && y.due && static_cast<std::int32_t>(y.threshold) == y.due;
      std::string need = say(lang, "yêu cầu {0}", {requirement_phrase(root.op, show(y.threshold), date, lang)});
      subject = subject.empty() ? need : subject + " (" + need + ")";
    }
    if (bounded && missing && (y.result == verdict::met || y.result == verdict::not_met) && !brief)
      subject += despite_missing(verdict_word(y.result, lang), missing,
                                 y.missing.empty() ? "" : ": " + missing_list(y.missing, missing, lang), lang);
    parts.push_back(subject);
    bool lower_better = root.op == node_op::lt || root.op == node_op::le;
    if (y.gap > 0) {
      double g = type.kind == value_kind::count && whole(y.value) ? std::ceil(y.gap - 1e-9) : y.gap;
      parts.push_back(gap_phrase(g, lower_better, type, rules, lang));
    } else if (y.gap == 0 && y.result == verdict::not_met && (root.op == node_op::gt || root.op == node_op::lt)) {
      parts.push_back(say(lang, "chưa {0}", {requirement_phrase(root.op, show(y.threshold), date, lang)}));
    }
  }
  if (y.result == verdict::pending) {
    parts.push_back(y.due ? say(lang, "chưa đến hạn {0}", {format_vn_date(y.due)}) : say(lang, "năm chưa kết thúc"));
    due_said = true;
  }
  if (y.due && !due_said) parts.push_back(say(lang, "hạn {0}", {format_vn_date(y.due)}));
  if (y.result == verdict::no_data) {
    // The label already says "Thiếu dữ liệu": name what is missing.
    auto n = std::to_string(missing);
    std::string s = bounded ? agree(lang, n, say(lang, "thiếu {0} giá trị nên chưa kết luận được", {n}))
                            : say(lang, "thiếu");
    if (y.division_by_zero) s = say(lang, "{0} (phép chia cho 0)", {s});
    if (!y.missing.empty() && brief) s += bounded ? "" : " " + agree(lang, n, say(lang, "{0} giá trị", {n}));
    else if (!y.missing.empty()) s += (bounded ? ": " : " ") + missing_list(y.missing, missing, lang);
    else if (!y.reason.empty()) s = (bounded ? s + ": " : "") + y.reason;
    else if (!bounded) s = y.division_by_zero ? say(lang, "phép chia cho 0") : "";
    parts.push_back(s);
  }
  if (!y.failing_units.empty() && !brief)
    parts.push_back(say(lang, "chưa đạt: {0}", {unit_list(y.failing_units, y.failing_total,
                                                        [&](std::uint32_t u) { return data.describe_unit(u, rules); },
                                                        lang)}));
  return join(parts);
}

}  // namespace

std::string explain(eval::milestone_outcome const& m, sema::target const& t, sema::checked_ruleset const& rules,
                    eval::dataset const& data, language lang) {
  return explain_milestone(m, t, rules, data, lang, false);
}

std::string explain_brief(eval::milestone_outcome const& m, sema::target const& t, sema::checked_ruleset const& rules,
                          eval::dataset const& data, language lang) {
  return explain_milestone(m, t, rules, data, lang, true);
}

std::string explain_requirement(eval::requirement_outcome const& y, sema::obligation const& o,
                                sema::checked_ruleset const& rules, eval::dataset const& data, language lang) {
  return explain_year(y, o, rules, data, lang, false);
}

std::string explain_brief(eval::requirement_outcome const& y, sema::obligation const& o,
                          sema::checked_ruleset const& rules, eval::dataset const& data, language lang) {
  return explain_year(y, o, rules, data, lang, true);
}

std::string score_summary(eval::score const& s, eval::no_data_policy policy, language lang) {
  std::string out = std::isnan(s.value) ? say(lang, "chưa chấm được") : format_number(s.value, 1, lang) + "/100";
  out += " (" + say(lang, "{0}/{1} mục được chấm", {std::to_string(s.counted), std::to_string(s.items)});
  if (s.no_data) {
    auto n = std::to_string(s.no_data);
    out += agree(lang, n, policy == eval::no_data_policy::zero ? say(lang, "; {0} mục thiếu dữ liệu tính 0 điểm", {n})
                                                               : say(lang, "; {0} mục thiếu dữ liệu không tính", {n}));
  }
  return out + ")";
}

}  // namespace chitieu::report
