// The one rule for due days, used by milestones, obligations and tasks alike. Private to src/eval.
//
// `as_of` is the close of that day: the data describe everything done up to and including it. So a due
// day D is judged from D itself: on D a duty done on D counts as done in time, and one not done is late.
#pragma once
#include <chitieu/date.hpp>

#include <algorithm>
#include <cstdint>

namespace chitieu::eval::detail {

/// True once `as_of` has reached due day `due`: the duty can be judged as met or not.
inline bool past_due(std::int32_t as_of, std::int32_t due) { return as_of >= due; }

/// Day `day`/`month` of `year`; 29/02 becomes 28/02 in a common year.
inline std::int32_t due_in_year(int year, unsigned day, unsigned month) {
  return days_from_civil({year, month, std::min(day, days_in_month(year, month))});
}

/// The last day of `year`: a milestone "by Y" and an obligation year without `due` are judged from it.
inline std::int32_t end_of_year(int year) { return days_from_civil({year, 12, 31}); }

}  // namespace chitieu::eval::detail
