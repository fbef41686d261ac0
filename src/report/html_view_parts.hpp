// Private to the HTML view model (src/report/html_view*.cpp): the pieces each file builds.
#pragma once
#include <chitieu/report/scorecard.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace chitieu::report::html {

using nlohmann::json;

/// "good", "warn", "bad" or "neutral": the colour of a verdict.
char const* css_class(eval::verdict v);
char const* css_class(eval::task_verdict v);
/// Titles of agencies joined by "; ", or "" when none.
std::string agency_titles(std::vector<int> const& ids, sema::checked_ruleset const& rules);
/// An id usable as an HTML anchor: letters, digits, '-' and '_' kept, anything else '-'.
std::string anchor(std::string_view prefix, std::string_view id);
/// "56,2/100", or "chưa chấm được" when nothing in scope could be scored.
std::string score_text(eval::score const& s, language lang);
/// "43/90 mục được chấm"
std::string coverage_text(eval::score const& s, language lang);
/// The page's fixed words (headings, column heads, the annex frame) in `lang`, for {{labels.…}}.
json page_labels(language lang);

/// The unit the page reports (the root, or `--unit`) and the root, whose tasks are the only ones judged:
/// below the root the page shows the root's tasks that serve the unit, as the root's.
struct page_focus {
  eval::unit_scorecard const& card;
  eval::unit_scorecard const& top;
  bool below_root() const { return &card != &top; }
  bool shows(eval::task_outcome const& k, sema::checked_ruleset const& rules) const {
    return !below_root() || serves_unit(rules.tasks[static_cast<std::size_t>(k.task)], card);
  }
};
page_focus focus_of(scorecard_input const& in);

/// The items needing action at the unit reported, in order of severity (docs/scorecard.md, HTML).
json action_items(scorecard_input const& in);
/// The same items grouped by the body that must act (or why none), for the leadership's page.
json action_groups(json const& actions);
/// One target with its chart, explanations, failing units and responsible agencies.
json target_view(scorecard_input const& in, eval::target_outcome const& t);
/// The small inline chart of a target's milestones; null when there is nothing to draw.
json target_chart(scorecard_input const& in, eval::target_outcome const& t);
json obligation_view(scorecard_input const& in, eval::obligation_outcome const& o);
json task_view(scorecard_input const& in, eval::task_outcome const& k);
/// The units below the root, worst first, each with its own detail section.
json unit_rows(scorecard_input const& in);

}  // namespace chitieu::report::html
