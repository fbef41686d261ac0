// One milestone against one value: satisfied or not, the gap, the pace along the straight line from
// the baseline, and the credit a score gives. Pure functions; the formulas are in docs/scoring.md §2.
// Private to src/eval.
#pragma once
#include <chitieu/eval/outcome.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <optional>

#include "range.hpp"

namespace chitieu::eval::detail {

/// How far `v` is from meeting `m`, in the measure's own terms; 0 when it does.
double gap_to(sema::milestone const& m, double v);

/// +1 when higher is better, -1 when lower is, 0 when the milestone is a point or a band.
int direction(sema::milestone const& m);

/// Whether every value in `r` satisfies `m` (true), none does (false), or it depends (nullopt).
std::optional<bool> settled(sema::milestone const& m, range const& r);

/// The end of `r` that is best for meeting `m` (for the least gap) and the one that is worst (for the
/// credit, which the missing values must not raise).
double best_end(sema::milestone const& m, range const& r);
double worst_end(sema::milestone const& m, range const& r);

/// Where a value stands on the way to a milestone not yet due.
struct trajectory {
  double baseline = nan;
  int baseline_year = 0;
  int value_year = 0;
  bool rate = false;  // the measure is itself a rate per year (growth): its value is the pace
};

struct standing {
  verdict result = verdict::pending;
  double pace = nan;      // change since the baseline ÷ the change the line asked for by then
  double expected = nan;  // on the line, at the value's year
};

/// The five-level verdict of a milestone not yet due, for a known value.
standing judge_ahead(sema::milestone const& m, double v, trajectory const& line);

/// The verdict for every value in `r` when they all agree, else nullopt.
std::optional<standing> judge_ahead(sema::milestone const& m, range const& r, trajectory const& line);

/// Credit toward a score, in [0, 1]: 1 when met or achieved, 1 on track; behind, the pace; a due
/// milestone not met, the share of the way from the baseline covered (0 without a baseline).
double credit(sema::milestone const& m, verdict result, double v, double pace, double baseline, int baseline_year);

}  // namespace chitieu::eval::detail
