// The small inline chart of a target in the HTML view model: the values by year, the milestones, and
// the straight line from the baseline to each milestone. Coordinates are computed here, so that the
// template only draws (no script, and it prints).
#include <chitieu/report/format.hpp>

#include "html_view_parts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

namespace chitieu::report::html {
namespace {

constexpr double width = 360, height = 150, left = 56, right = 12, top = 12, bottom = 24;

std::string coord(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", x);
  return buf;
}

struct point {
  int year;
  double value;  // as displayed (percents in percent)
};

}  // namespace

json target_chart(scorecard_input const& in, eval::target_outcome const& t) {
  auto const lang = in.lang;
  auto const& rules = in.plan.rules();
  auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
  if (rule.milestones.empty() || rule.type.kind == sema::value_kind::date) return nullptr;
  auto const reported = focus_of(in).card.unit;
  auto const& root = in.data.unit(reported);
  auto shown = [&](double v) { return display_value(v, rule.type); };

  // Values by year: read straight from the submission when the measure is one of the unit's own
  // fields; otherwise (an aggregate, a ratio) the values the milestones were judged on.
  std::map<int, double> values;
  for (std::size_t i = 0; i < rule.applies.size() && i < rule.measures.size(); ++i) {
    if (rule.applies[i] != root.kind) continue;
    auto const& node = rules.nodes[static_cast<std::size_t>(rule.measures[i])];
    if (node.op != sema::node_op::field) break;
    for (int year : in.data.years()) {
      double v = in.data.value(reported, year, node.slot);
      if (std::isfinite(v)) values[year] = shown(v);
    }
  }
  std::optional<point> baseline;
  for (auto const& m : t.milestones) {
    // Outcomes are in display units already; the submission's rows and the rule's numbers are not.
    if (std::isfinite(m.value) && m.value_year) values.emplace(m.value_year, m.value);
    if (!baseline && std::isfinite(m.baseline) && m.baseline_year) baseline = point{m.baseline_year, m.baseline};
  }
  if (!baseline && rule.baseline_value && rule.baseline_year)
    baseline = point{rule.baseline_year, shown(*rule.baseline_value)};
  if (values.empty() && !baseline) return nullptr;

  std::vector<point> targets;
  for (auto const& ms : rule.milestones) targets.push_back({ms.year, shown(ms.value)});
  int y0 = targets.front().year, y1 = targets.back().year;
  double lo = targets.front().value, hi = lo;
  auto widen = [&](point const& p) {
    y0 = std::min(y0, p.year), y1 = std::max(y1, p.year);
    lo = std::min(lo, p.value), hi = std::max(hi, p.value);
  };
  for (auto const& p : targets) widen(p);
  for (auto const& [year, v] : values) widen({year, v});
  if (baseline) widen(*baseline);
  if (lo >= 0 && lo <= hi * 0.5) lo = 0;  // start at zero when it costs little room, so shares read honestly
  if (hi - lo < 1e-9) hi = lo + 1;
  if (y1 == y0) ++y1;
  auto x_of = [&](int year) { return left + (width - left - right) * (year - y0) / double(y1 - y0); };
  auto y_of = [&](double v) { return top + (height - top - bottom) * (1 - (v - lo) / (hi - lo)); };

  json chart = {{"width", coord(width)}, {"height", coord(height)}};
  std::string line, description = rule.title + ": ";
  json dots = json::array();
  for (auto const& [year, v] : values) {
    line += (line.empty() ? "" : " ") + coord(x_of(year)) + "," + coord(y_of(v));
    std::string label = format_value(v, rule.type, rules, lang);
    dots.push_back({{"x", coord(x_of(year))}, {"y", coord(y_of(v))}, {"title", std::to_string(year) + ": " + label}});
    description += std::to_string(year) + " " + label + "; ";
  }
  chart["values"] = line;
  chart["dots"] = dots;
  json marks = json::array();
  for (auto const& p : targets) {
    std::string label = format_value(p.value, rule.type, rules, lang);
    marks.push_back({{"x", coord(x_of(p.year))}, {"y", coord(y_of(p.value))},
                     {"title", say(lang, "Mốc {0}: {1}", {std::to_string(p.year), label})}});
    description += say(lang, "mốc {0} {1}", {std::to_string(p.year), label}) + "; ";
  }
  chart["milestones"] = marks;
  std::string path;
  if (baseline) {
    path = coord(x_of(baseline->year)) + "," + coord(y_of(baseline->value));
    for (auto const& p : targets)
      if (p.year > baseline->year) path += " " + coord(x_of(p.year)) + "," + coord(y_of(p.value));
  }
  chart["trajectory"] = path;
  chart["description"] = description.substr(0, description.size() - 2);
  chart["axis_y"] = json::array({{{"y", coord(y_of(hi) + 4)}, {"text", format_value(hi, rule.type, rules, lang)}},
                                 {{"y", coord(y_of(lo))}, {"text", format_value(lo, rule.type, rules, lang)}}});
  chart["axis_x"] = json::array({{{"x", coord(x_of(y0))}, {"text", std::to_string(y0)}},
                                 {{"x", coord(x_of(y1))}, {"text", std::to_string(y1)}}});
  chart["x0"] = coord(left), chart["x1"] = coord(width - right), chart["base"] = coord(height - bottom);
  chart["label_y"] = coord(height - 6), chart["axis_text_x"] = coord(left - 4);
  return chart;
}

}  // namespace chitieu::report::html
