// Flattening a unit's scorecard into rows of the results table (include/chitieu/eval/results.hpp).
#include <chitieu/eval/results.hpp>

#include <algorithm>

namespace chitieu::eval {

requirement_outcome const* deciding_entry(obligation_outcome const& o) {
  auto it = std::find_if(o.years.rbegin(), o.years.rend(),
                         [&](requirement_outcome const& y) { return y.result == o.overall; });
  return it == o.years.rend() ? nullptr : &*it;
}

void append_rows(unit_scorecard const& card, sema::checked_ruleset const& rules, std::vector<result_row>& rows) {
  for (auto const& t : card.targets) {
    result_row r;
    r.unit = card.unit;
    r.kind = item_kind::target;
    r.item = t.target;
    r.result = t.headline;
    if (t.headline_milestone >= 0) {
      auto const& m = t.milestones[static_cast<std::size_t>(t.headline_milestone)];
      r.year = m.value_year;
      r.milestone_year = rules.targets[static_cast<std::size_t>(t.target)].milestones[static_cast<std::size_t>(m.milestone)].year;
      r.value = m.value;
      r.gap = m.gap;
      r.progress = m.progress;
    }
    rows.push_back(r);
  }
  for (auto const& o : card.obligations) {
    result_row r;
    r.unit = card.unit;
    r.kind = item_kind::obligation;
    r.item = o.obligation;
    r.result = o.overall;
    r.progress = o.progress;
    if (auto const* y = deciding_entry(o)) {
      r.year = y->year;
      r.requirement = y->requirement;
      r.value = y->value;
      r.gap = y->gap;
    }
    rows.push_back(r);
  }
}

}  // namespace chitieu::eval
