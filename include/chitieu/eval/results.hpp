/// @file
/// The results table: what a scorecard says of each target and obligation at each unit, as one flat row
/// of numbers, for programs that read verdicts in bulk (a national dashboard, a warehouse). A row owns no
/// vector and no string; the evidence behind a verdict (missing values, failing units, explanations) is
/// the scorecard's, produced only where a report shows it.
#pragma once
#include <chitieu/eval/outcome.hpp>
#include <chitieu/export.hpp>

#include <cstdint>
#include <vector>

namespace chitieu::eval {

enum class item_kind : std::uint8_t { target, obligation };

struct result_row {
  std::uint32_t unit = 0;
  item_kind kind = item_kind::target;
  verdict result = verdict::not_applicable;  // the target's headline, the obligation's overall verdict
  std::int32_t item = -1;  // index into rules.targets or rules.obligations
  std::int32_t year = 0;   // the year of the value judged (see `append_rows`); 0 when none
  std::int32_t milestone_year = 0;  // target: the year of its headline milestone; 0 otherwise
  std::int32_t requirement = -1;  // obligation: the `require` of the deciding entry; -1 when none
  double value = nan;      // in display units, as the outcome it comes from (94.5 for 94.5%)
  double gap = nan;        // 0 when met
  double progress = nan;   // [0, 1]
};

/// The entry an obligation's verdict rests on, the one to act on: the latest year (and, in it, the last
/// `require`) whose verdict is the obligation's overall verdict; null when there is none (not applicable).
CHITIEU_API requirement_outcome const* deciding_entry(obligation_outcome const& o);

/// Appends one row per target and obligation of `card`, in the card's order. A target's row is its
/// headline milestone (year, value, gap, progress); an obligation's is its overall verdict and progress,
/// with the year, value and gap of its deciding entry.
CHITIEU_API void append_rows(unit_scorecard const& card, sema::checked_ruleset const& rules,
                             std::vector<result_row>& rows);

}  // namespace chitieu::eval
