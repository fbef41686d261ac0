// Task verdicts: deadlines by form, recurring rounds, reports. The rules are in docs/scoring.md §4.
#include "tasks.hpp"

#include <chitieu/date.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "due.hpp"
#include "rounds.hpp"

namespace chitieu::eval::detail {
namespace {

int year_of(std::int32_t day) { return civil_from_days(day).year; }

/// What the root unit reported on one task; a task reported twice keeps the last report.
struct reading {
  task_report const* report = nullptr;
  bool done = false;
  bool started = false;
};

/// The verdict on one due day D, judged from D itself (due.hpp).
task_verdict against(std::int32_t due, reading const& r, std::int32_t as_of) {
  if (r.done) return r.report->completed && *r.report->completed > due ? task_verdict::done_late : task_verdict::done;
  if (past_due(as_of, due)) return task_verdict::overdue;
  return r.started ? task_verdict::in_progress : task_verdict::not_due;
}

/// A recurring deadline (`every year by d/m`, `every month by D`, …): one round per period, each due on
/// its own day. Sets the verdict and the due day of the round the verdict is about.
void judge_rounds(sema::task const& t, sema::document const& doc, reading const& r, std::int32_t as_of,
                  task_outcome& out) {
  auto const rs = rounds::of(t.when, year_of(as_of));
  // The first round is the first whose due day the document already existed for; with no document
  // date every period has a round (from `from` on, when given).
  int first = std::numeric_limits<int>::min();
  if (doc.date) {
    int k = rs.containing(*doc.date);
    first = k + (rs.due(k) < *doc.date ? 1 : 0);
  }
  if (rs.bounded) first = std::max(first, 0);
  int open = std::max(rs.containing(as_of), first);  // the as-of day's round, or the first one ahead

  // The one report speaks of one round: a completion of the round its date falls in (kept within the
  // rounds there are), anything else of the open round. Rounds before it are beyond what the data can tell.
  std::optional<int> reported;
  if (r.report)
    reported = r.report->completed ? std::clamp(rs.containing(*r.report->completed), first, open) : open;

  // Overdue: the oldest round, of the previous and the open one, that the report leaves unanswered
  // and whose due day has come.
  for (int k = std::max(first, open - 1); k <= open; ++k) {
    if (reported && (k < *reported || (k == *reported && r.done))) continue;
    if (past_due(as_of, rs.due(k))) {
      out.due = rs.due(k);
      out.result = task_verdict::overdue;
      return;
    }
  }
  out.due = rs.due(r.done ? *reported : open);
  out.result = against(out.due, r, as_of);
}

}  // namespace

task_outcome judge_task(sema::checked_ruleset const& rules, dataset const& data, int index, std::int32_t as_of) {
  auto const& t = rules.tasks[static_cast<std::size_t>(index)];
  task_outcome out;
  out.task = index;
  out.serves = t.serves_targets;
  reading r;
  for (auto const& report : data.tasks())
    if (report.task == index) r.report = &report;
  if (r.report) {
    out.reported = true;
    out.reported_status = r.report->status;
    out.completed = r.report->completed;
    out.reported_progress = r.report->progress;
    out.note = r.report->note;
    r.done = r.report->status == task_status::done;
    r.started = r.report->status == task_status::in_progress ||
                (!std::isnan(r.report->progress) && r.report->progress > 0);
  }
  using sema::deadline_kind;
  switch (t.when.kind) {
    case deadline_kind::by:
    case deadline_kind::during:
    case deadline_kind::range:
      out.due = t.when.due;
      out.result = against(out.due, r, as_of);
      break;
    case deadline_kind::yearly:
    case deadline_kind::monthly:
    case deadline_kind::quarterly:
      judge_rounds(t, rules.documents[static_cast<std::size_t>(t.document)], r, as_of, out);
      break;
    default: {
      // No due day: `from P` has not started before P; ongoing and undated tasks run until done.
      bool not_started_yet = t.when.kind == deadline_kind::from && as_of < t.when.start;
      out.result = r.done ? task_verdict::done : not_started_yet ? task_verdict::not_due : task_verdict::ongoing;
    }
  }
  return out;
}

}  // namespace chitieu::eval::detail
