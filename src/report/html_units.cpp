// The units below the root in the HTML view model: one row per commune or school with its score and
// verdict counts, worst first, each with a detail section listing what fails there.
#include <chitieu/eval/results.hpp>
#include <chitieu/report/format.hpp>

#include "html_view_parts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace chitieu::report::html {
namespace {

struct row {
  double score;  // NaN: nothing could be scored
  int not_met, behind, good, no_data;
  std::size_t index;  // into the evaluation's units
};

/// Worst first: the lowest score, then the most items not met; units that could not be scored last,
/// as they need data before they need action.
bool worse(row const& a, row const& b) {
  bool an = std::isnan(a.score), bn = std::isnan(b.score);
  if (an != bn) return bn;
  if (!an && a.score != b.score) return a.score < b.score;
  if (a.not_met != b.not_met) return a.not_met > b.not_met;
  return a.index < b.index;
}

}  // namespace

json unit_rows(scorecard_input const& in) {
  auto const lang = in.lang;
  auto const& rules = in.plan.rules();
  std::vector<row> rows;
  // The units below the one reported, down to `depth` levels when one is given.
  auto const focus = focus_of(in);
  for (std::size_t i = 0; i < in.result.units.size(); ++i) {
    auto const& card = in.result.units[i];
    int below = depth_below(in.data, card.unit, focus.card.unit);
    if (below < 1 || (in.depth >= 0 && below > in.depth)) continue;
    row r{card.overall.value, 0, 0, 0, 0, i};
    auto count = [&](eval::verdict v) {
      if (v == eval::verdict::not_met) ++r.not_met;
      else if (eval::is_behind(v)) ++r.behind;
      else if (v == eval::verdict::met || v == eval::verdict::achieved || v == eval::verdict::on_track) ++r.good;
      else if (v == eval::verdict::no_data) ++r.no_data;
    };
    for (auto const& t : card.targets) count(t.headline);
    for (auto const& o : card.obligations) count(o.overall);
    rows.push_back(r);
  }
  std::stable_sort(rows.begin(), rows.end(), worse);
  json out = json::array();
  for (auto const& r : rows) {
    auto const& card = in.result.units[r.index];
    auto const& unit = in.data.unit(card.unit);
    char sort_key[32] = "";
    if (!std::isnan(r.score)) std::snprintf(sort_key, sizeof sort_key, "%.3f", r.score);
    json problems = json::array();
    for (auto const& t : card.targets) {
      if (!eval::needs_action(t.headline) && t.headline != eval::verdict::no_data) continue;
      auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
      std::string why = t.reason;
      if (t.headline_milestone >= 0)
        why = explain(t.milestones[static_cast<std::size_t>(t.headline_milestone)], rule, rules, in.data, lang);
      problems.push_back({{"id", rule.id}, {"title", rule.title}, {"verdict", verdict_label(t.headline, lang)},
                          {"css", css_class(t.headline)}, {"why", why}});
    }
    for (auto const& o : card.obligations) {
      if (!eval::needs_action(o.overall) && o.overall != eval::verdict::no_data) continue;
      auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
      std::string why = o.reason;
      if (auto const* y = eval::deciding_entry(o)) {
        auto text = explain_requirement(*y, rule, rules, in.data, lang);
        why = std::to_string(y->year) + (text.empty() ? "" : ": " + text);
      }
      problems.push_back({{"id", rule.id}, {"title", rule.title}, {"verdict", verdict_label(o.overall, lang)},
                          {"css", css_class(o.overall)}, {"why", why}});
    }
    out.push_back({{"anchor", anchor("u-", std::to_string(r.index) + "-" + unit.id)},
                   {"name", in.data.describe_unit(card.unit, rules)},
                   {"kind", rules.unit_kinds[static_cast<std::size_t>(unit.kind)].title},
                   {"score", score_text(card.overall, lang)},
                   {"coverage", coverage_text(card.overall, lang)},
                   {"sort_score", sort_key},
                   {"not_met", r.not_met},
                   {"behind", r.behind},
                   {"good", r.good},
                   {"no_data", r.no_data},
                   {"css", r.not_met ? "bad" : r.behind ? "warn" : std::isnan(r.score) ? "neutral" : "good"},
                   {"problems", problems},
                   {"has_problems", !problems.empty()}});
  }
  return out;
}

}  // namespace chitieu::report::html
