// Task verdicts: deadlines by form, yearly rounds, reports. The formulas are in docs/scoring.md §4.
#include "tasks.hpp"

#include <chitieu/date.hpp>

#include <cmath>

#include "due.hpp"

namespace chitieu::eval::detail {
namespace {
int year_of(std::int32_t day) { return civil_from_days(day).year; }
}  // namespace

task_outcome judge_task(sema::checked_ruleset const& rules, dataset const& data, int index, std::int32_t as_of) {
  int as_of_year = civil_from_days(as_of).year;
  auto const& t = rules.tasks[static_cast<std::size_t>(index)];
  task_outcome out;
  out.task = index;
  out.serves = t.serves_targets;
  task_report const* report = nullptr;
  for (auto const& r : data.tasks)
    if (r.task == index) report = &r;
  if (report) {
    out.reported = true;
    out.completed = report->completed;
    out.reported_progress = report->progress;
    out.note = report->note;
  }
  bool done = report && report->status == task_status::done;
  bool started = report && (report->status == task_status::in_progress ||
                            (!std::isnan(report->progress) && report->progress > 0));
  using sema::deadline_kind;
  std::int32_t due = 0;
  switch (t.when.kind) {
    case deadline_kind::by:
    case deadline_kind::during:
    case deadline_kind::range: due = t.when.due; break;
    case deadline_kind::yearly: {
      // Judge this year's occurrence once it is due or done; before that, last year's.
      auto due_in = [&](int y) {
        return days_from_civil({y, t.when.month, std::min(t.when.day, days_in_month(y, t.when.month))});
      };
      int y = as_of_year;
      bool done_this_year = done && report->completed && year_of(*report->completed) == y;
      auto const& doc = rules.documents[static_cast<std::size_t>(t.document)];
      bool had_last_year = !doc.date || due_in(y - 1) >= *doc.date;
      // A report without a completion date speaks of the current round.
      bool about_last_year = !report || (report->completed && year_of(*report->completed) == y - 1);
      if (!done_this_year && as_of <= due_in(y) && had_last_year && about_last_year) --y;
      due = due_in(y);
      if (done && report->completed && year_of(*report->completed) != y) done = false;
      break;
    }
    default: break;
  }
  out.due = due;
  if (due == 0) {
    bool not_started_yet = t.when.kind == deadline_kind::from && as_of < t.when.start;
    out.result = done ? task_verdict::done : not_started_yet ? task_verdict::not_due : task_verdict::ongoing;
    return out;
  }
  if (done) {
    out.result = report->completed && *report->completed > due ? task_verdict::done_late : task_verdict::done;
  } else if (as_of > due) {
    out.result = task_verdict::overdue;
  } else {
    out.result = started ? task_verdict::in_progress : task_verdict::not_due;
  }
  return out;
}

}  // namespace chitieu::eval::detail
