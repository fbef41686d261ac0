/// @file
/// What evaluation says: verdicts per target milestone, obligation year and task, with values, gaps,
/// progress and evidence; and the scores built from them. Plain data, rendered by report/.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/export.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace chitieu::eval {

/// Due milestones are met or not met. Milestones not yet due follow the five levels of the SDG progress
/// methods (achieved, on track, acceleration needed, limited progress, deterioration), from the ratio of
/// the change since the baseline to the change the straight line asked for (docs/scoring.md §2).
enum class verdict {
  met,
  not_met,
  achieved,            // not yet due, and already satisfied
  on_track,            // pace ≥ 95% of the pace required
  needs_acceleration,  // 60% ≤ pace < 95%
  limited_progress,    // 0 ≤ pace < 60%
  deterioration,       // moved away from the target
  pending,             // not yet due, and no trajectory can be drawn (no baseline, too few years)
  stale,               // not yet due, and the latest value is older than the freshness allows
  no_data,
  not_applicable
};
enum class task_verdict { done, done_late, overdue, in_progress, not_due, ongoing };

CHITIEU_API char const* to_string(verdict v);

/// Behind the straight line to a milestone not yet due: someone must act.
inline bool is_behind(verdict v) {
  return v == verdict::needs_acceleration || v == verdict::limited_progress || v == verdict::deterioration;
}
/// A verdict that names who must act: not met, or behind.
inline bool needs_action(verdict v) { return v == verdict::not_met || is_behind(v); }
/// Judged on a value: the verdicts whose progress counts in a score.
inline bool is_judged(verdict v) { return v == verdict::met || v == verdict::not_met || v == verdict::achieved ||
                                          v == verdict::on_track || is_behind(v); }
CHITIEU_API char const* to_string(task_verdict v);

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// The arithmetic behind a share or a ratio, so that a gap can be said in units ("7 more schools").
struct breakdown {
  double numerator = nan, denominator = nan;
  double needed = nan;  // how much more numerator the threshold needs (0 when met)
  std::string numerator_unit, denominator_unit;
};

struct milestone_outcome {
  int milestone = -1;  // index into the target's milestones
  verdict result = verdict::no_data;
  // Values (value, lower, upper, judged_on, threshold, gap, baseline, expected) are in display units:
  // 94.5 for 94.5% (docs/api.md, "Values"; sema::display_value).
  double value = nan;
  int value_year = 0;      // the year the value belongs to
  // When missing values leave the value open: the least and greatest it can be. A verdict that holds
  // at both ends stands ("đạt dù thiếu 1 giá trị"); `missing` names the values it does not depend on.
  double lower = nan, upper = nan;
  double judged_on = nan;   // not yet due, value open: the worst end it was judged at (blanks could only raise it)
  double pace = nan;        // not yet due: change since the baseline ÷ the change the line asked for
  int fallback_from = 0;    // a later year whose value was unknown, so an earlier one was used
  std::string reason;       // why pending, no_data or not_applicable, in evaluate_options::lang
  double threshold = nan;  // the milestone value (lower bound for between)
  double gap = nan;        // how far the value is from meeting the milestone; 0 when it does
  double progress = nan;   // [0, 1]
  double baseline = nan;
  int baseline_year = 0;
  bool baseline_from_rule = false;
  double expected = nan;  // on the straight line from the baseline, at value_year
  breakdown parts;
  std::vector<std::string> missing;   // JSON Pointers of values that were needed and absent
  std::size_t missing_total = 0;      // may exceed missing.size(), which is capped
  bool division_by_zero = false;
  std::vector<std::uint32_t> failing_units;  // for aggregates: the units that fail
  std::size_t failing_total = 0;
};

struct target_outcome {
  int target = -1;
  verdict headline = verdict::not_applicable;
  int headline_milestone = -1;  // index into milestones (outcomes), -1 when not applicable
  std::vector<milestone_outcome> milestones;
  std::string reason;  // for not_applicable
  std::vector<int> serving_tasks;       // when needs_action: tasks serving it or its parents
  std::vector<int> accountable;         // agencies leading or supporting those tasks
  std::vector<int> monitors;            // agencies following it up (`monitor`), in neither list above
  std::vector<int> at_risk_from;        // overdue tasks serving it
};

struct requirement_outcome {
  int requirement = -1;
  int year = 0;
  verdict result = verdict::no_data;
  double value = nan, threshold = nan, gap = nan;  // when the requirement is a comparison; display units
  double lower = nan, upper = nan;                 // the comparison's left side, when missing values leave it open
  std::string reason;                              // why not_applicable or no_data, in options.lang
  std::vector<std::uint32_t> failing_units;        // units of the aggregate where the condition fails
  std::size_t failing_total = 0;
  std::int32_t due = 0;                            // the year's due day, when the obligation has one
  std::vector<std::string> missing;
  std::size_t missing_total = 0;
  bool division_by_zero = false;
};

struct obligation_outcome {
  int obligation = -1;
  verdict overall = verdict::not_applicable;
  std::string reason;  // when not_applicable
  std::vector<requirement_outcome> years;  // per judged year and requirement
  double progress = nan;
  std::vector<int> serving_tasks, accountable, monitors;
};

struct task_outcome {
  int task = -1;
  task_verdict result = task_verdict::ongoing;
  std::int32_t due = 0;  // 0 when none; for a yearly task, the due day of the round judged
  std::optional<std::int32_t> completed;
  task_status reported_status = task_status::not_started;  // as reported, when `reported`
  double reported_progress = nan;
  std::string note;
  bool reported = false;
  std::vector<int> serves;  // targets at risk when overdue
};

struct score {
  std::string scope;  // a group name, a document id, or "overall"
  int document = -1;
  double value = nan;  // 0–100; NaN when nothing in scope could be scored
  double weight = 0;   // total weight counted
  int items = 0;       // every item in scope: counted + excluded ("43 of 90 items scored")
  int counted = 0, no_data = 0, excluded = 0;
};

struct unit_scorecard {
  std::uint32_t unit = 0;
  std::vector<target_outcome> targets;
  std::vector<obligation_outcome> obligations;
  std::vector<task_outcome> tasks;  // root unit only
  std::vector<score> groups, documents;
  score overall;
};

enum class no_data_policy { zero, exclude };

struct evaluate_options {
  std::int32_t as_of = 0;  // day number
  no_data_policy no_data = no_data_policy::zero;
  /// Only these documents (none when the list is empty, as when no document applies to a submission);
  /// unset: every document in force. A document replaced on or before `as_of` is judged only when listed here.
  std::optional<std::vector<sema::document_id>> documents;
  int freshness = 1;           // a value at most this many years older than the as-of year is current
  bool evidence = true;        // pointers of missing values and failing units
  std::size_t max_evidence = 20;
  language lang = language::vi;  // of the reasons stored in outcomes; verdicts and codes do not change
};

/// A document of the rule set that another replaced before the as-of day: not judged, and said so.
struct replaced_document {
  sema::document_id document;
  sema::document_id replaced_by;
  std::int32_t from = 0;  // the replacing document's date
};

/// Whether `document` is replaced as of `as_of` (docs/scoring.md §5): by which document and from when.
CHITIEU_API std::optional<replaced_document> replacement_of(sema::checked_ruleset const& rules,
                                                            sema::document_id document,
                                                            std::int32_t as_of);

struct evaluation {
  evaluate_options options;
  std::vector<unit_scorecard> units;  // in dataset order; the root first
  std::vector<replaced_document> replaced;  // documents left out because a later plan replaced them
};

}  // namespace chitieu::eval
