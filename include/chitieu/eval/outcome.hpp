// What evaluation says: verdicts per target milestone, obligation year and task, with values, gaps,
// progress and evidence; and the scores built from them. Plain data, rendered by report/.
#pragma once
#include <chitieu/eval/dataset.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace chitieu::eval {

enum class verdict { met, not_met, on_track, off_track, pending, no_data, not_applicable };
enum class task_verdict { done, done_late, overdue, in_progress, not_due, ongoing };

char const* to_string(verdict v);
char const* to_string(task_verdict v);

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
  double value = nan;      // in the measure's representation (percents as fractions)
  int value_year = 0;      // the year the value belongs to
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
  std::vector<int> serving_tasks;       // when not_met or off_track: tasks serving it or its parents
  std::vector<int> accountable;         // agencies leading or supporting those tasks
  std::vector<int> at_risk_from;        // overdue tasks serving it
};

struct requirement_outcome {
  int requirement = -1;
  int year = 0;
  verdict result = verdict::no_data;
  double value = nan, threshold = nan, gap = nan;  // when the requirement is a comparison
  std::int32_t due = 0;                            // the year's due day, when the obligation has one
  std::vector<std::string> missing;
  std::size_t missing_total = 0;
  bool division_by_zero = false;
};

struct obligation_outcome {
  int obligation = -1;
  verdict overall = verdict::not_applicable;
  std::vector<requirement_outcome> years;  // per judged year and requirement
  double progress = nan;
  std::vector<int> serving_tasks, accountable;
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
  std::vector<int> documents;  // only these documents; empty = all
  bool evidence = true;        // pointers of missing values and failing units
  std::size_t max_evidence = 20;
};

struct evaluation {
  evaluate_options options;
  std::vector<unit_scorecard> units;  // in dataset order; the root first
};

}  // namespace chitieu::eval
