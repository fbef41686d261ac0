// The rounds of a recurring task deadline (every month, quarter or N years), numbered so that one
// judging rule serves them all (docs/scoring.md §4). Private to src/eval.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <algorithm>
#include <cstdint>

namespace chitieu::eval::detail {

/// Round k spans `length` months from month `phase + k * length` (months counted as 12 * year + m - 1)
/// and falls due on day `day` of its month `offset`, or that month's last day when it is shorter.
/// Whole months make "the round a day falls in" exact for months, quarters and years alike.
struct rounds {
  int phase = 0;
  int length = 12;
  int offset = 0;
  unsigned day = 1;
  bool bounded = false;  // rounds start at k = 0 (`from`, or every N > 1 years); else every year has one

  /// The rounds of `d`; `fallback_year` anchors `every N years` with neither `from` nor a dated document.
  static rounds of(sema::deadline const& d, int fallback_year) {
    rounds r;
    r.day = d.day;
    switch (d.kind) {
      case sema::deadline_kind::monthly: r.length = 1; break;
      case sema::deadline_kind::quarterly: r.length = 3, r.offset = 2; break;  // due in the quarter's last month
      default: {
        int anchor = d.from_year ? d.from_year : d.every_years > 1 ? fallback_year : 0;
        r.phase = anchor * 12;
        r.length = 12 * d.every_years;
        r.offset = static_cast<int>(d.month) - 1;
        r.bounded = anchor != 0;
      }
    }
    return r;
  }

  std::int32_t due(int k) const {
    int month = phase + k * length + offset;
    int year = floor_div(month, 12);
    auto m = static_cast<unsigned>(month - year * 12 + 1);
    return days_from_civil({year, m, std::min(day, days_in_month(year, m))});
  }

  int containing(std::int32_t when) const {
    auto c = civil_from_days(when);
    return floor_div(c.year * 12 + static_cast<int>(c.month) - 1 - phase, length);
  }

 private:
  static int floor_div(int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }
};

}  // namespace chitieu::eval::detail
