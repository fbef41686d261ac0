// The detail of each target, obligation and task in the HTML view model: explanations, values and
// thresholds per year, the units that fail, and who answers for it.
#include <chitieu/date.hpp>
#include <chitieu/report/format.hpp>

#include "html_view_parts.hpp"

#include <cmath>

namespace chitieu::report::html {
namespace {

json unit_names(std::vector<std::uint32_t> const& units, std::size_t total, scorecard_input const& in) {
  json out = json::array();
  for (auto u : units) out.push_back(in.data.describe_unit(u, in.plan.rules()));
  if (total > units.size()) {
    auto n = std::to_string(total - units.size());
    out.push_back(agree(in.lang, n, say(in.lang, "… và {0} đơn vị khác", {n})));
  }
  return out;
}

std::string restated(int restates, int restates_obligation, std::vector<std::string> const& ids,
                     sema::checked_ruleset const& rules, language lang) {
  if (restates < 0 && restates_obligation < 0) return {};
  auto const& first = restates >= 0 ? ids[static_cast<std::size_t>(restates)]
                                    : rules.obligations[static_cast<std::size_t>(restates_obligation)].id;
  return say(lang, "Cùng cam kết với {0}: chỉ tính điểm một lần, ở {0}", {first});
}

}  // namespace

json target_view(scorecard_input const& in, eval::target_outcome const& t) {
  auto const lang = in.lang;
  auto const& rules = in.plan.rules();
  auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
  json v = {{"anchor", anchor("t-", rules.qualified_id(rule))}, {"id", rule.id}, {"title", rule.title},
            {"cite", rule.cite}, {"verdict", verdict_label(t.headline, lang)}, {"css", css_class(t.headline)},
            {"reason", t.headline == eval::verdict::not_applicable ? t.reason : std::string()}};
  json milestones = json::array();
  for (auto const& m : t.milestones) {
    milestones.push_back({{"year", rule.milestones[static_cast<std::size_t>(m.milestone)].year},
                          {"verdict", verdict_label(m.result, lang)},
                          {"css", css_class(m.result)},
                          {"why", explain(m, rule, rules, in.data, lang)},
                          {"failing", unit_names(m.failing_units, m.failing_total, in)},
                          {"has_failing", !m.failing_units.empty()}});
  }
  v["milestones"] = milestones;
  v["chart"] = target_chart(in, t);
  v["has_chart"] = !v["chart"].is_null();
  std::vector<std::string> ids;
  for (auto const& x : rules.targets) ids.push_back(x.id);
  v["restated"] = restated(rule.restates, rule.restates_obligation, ids, rules, lang);
  std::string responsible = agency_titles(t.accountable, rules);
  v["responsible"] = responsible;
  v["has_responsible"] = !responsible.empty();
  v["no_agency"] = responsible.empty() && eval::needs_action(t.headline) ? say(lang, "kế hoạch chưa giao nhiệm vụ nào cho chỉ tiêu này") : "";
  std::string tasks;
  for (int k : t.serving_tasks) tasks += (tasks.empty() ? "" : ", ") + rules.tasks[static_cast<std::size_t>(k)].id;
  v["serving_tasks"] = tasks;
  v["watchers"] = agency_titles(t.monitors, rules);
  std::string risk;
  for (int k : t.at_risk_from) risk += (risk.empty() ? "" : ", ") + rules.tasks[static_cast<std::size_t>(k)].id;
  v["at_risk"] = risk;
  v["needs_action"] = eval::needs_action(t.headline);
  return v;
}

json obligation_view(scorecard_input const& in, eval::obligation_outcome const& o) {
  auto const lang = in.lang;
  auto const& rules = in.plan.rules();
  auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
  json v = {{"anchor", anchor("o-", rules.qualified_id(rule))}, {"id", rule.id}, {"title", rule.title},
            {"cite", rule.cite}, {"verdict", verdict_label(o.overall, lang)}, {"css", css_class(o.overall)},
            {"reason", o.overall == eval::verdict::not_applicable ? o.reason : std::string()}};
  json years = json::array();
  if (o.overall != eval::verdict::not_applicable)
    for (auto const& y : o.years) {
      auto const* type = compared_type(rule, y.requirement, rules);
      auto shown = [&](double x) { return type && std::isfinite(x) ? format_value(x, *type, rules, lang) : std::string(); };
      std::string value = shown(y.value);
      if (value.empty() && type && std::isfinite(y.lower) && std::isfinite(y.upper))
        value = shown(y.lower) + " – " + shown(y.upper);
      years.push_back({{"year", y.year},
                       {"verdict", verdict_label(y.result, lang)},
                       {"css", css_class(y.result)},
                       {"value", value.empty() ? "—" : value},
                       {"threshold", shown(y.threshold).empty() ? "—" : shown(y.threshold)},
                       {"due", y.due ? format_vn_date(y.due) : std::string("—")},
                       {"why", explain_requirement(y, rule, rules, in.data, lang)},
                       {"failing", unit_names(y.failing_units, y.failing_total, in)},
                       {"has_failing", !y.failing_units.empty()}});
    }
  v["years"] = years;
  v["has_years"] = !years.empty();
  std::string responsible = agency_titles(o.accountable, rules);
  v["responsible"] = responsible;
  v["has_responsible"] = !responsible.empty();
  v["no_agency"] = responsible.empty() && eval::needs_action(o.overall) ? say(lang, "kế hoạch chưa giao nhiệm vụ nào cho nghĩa vụ này") : "";
  v["watchers"] = agency_titles(o.monitors, rules);
  v["needs_action"] = eval::needs_action(o.overall);
  return v;
}

json task_view(scorecard_input const& in, eval::task_outcome const& k) {
  auto const lang = in.lang;
  auto const& rules = in.plan.rules();
  auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
  std::vector<std::string> ids;
  for (auto const& x : rules.tasks) ids.push_back(x.id);
  std::string serves;
  for (int t : k.serves) serves += (serves.empty() ? "" : ", ") + rules.targets[static_cast<std::size_t>(t)].id;
  return {{"anchor", anchor("k-", rules.qualified_id(rule))},
          {"id", rule.id},
          {"title", rule.title},
          {"lead", agency_titles(rule.lead, rules)},
          {"support", agency_titles(rule.support, rules)},
          {"deadline", rule.when.text},
          {"due", k.due ? format_vn_date(k.due) : std::string()},
          {"verdict", verdict_label(k.result, lang)},
          {"css", css_class(k.result)},
          {"completed", k.completed ? format_vn_date(*k.completed) : std::string()},
          {"progress", std::isnan(k.reported_progress) ? std::string() : format_number(k.reported_progress, 0, lang) + "%"},
          {"note", k.note},
          {"at_risk", k.result == eval::task_verdict::overdue ? serves : std::string()},
          {"restated", restated(rule.restates, rule.restates_obligation, ids, rules, lang)}};
}

}  // namespace chitieu::report::html
