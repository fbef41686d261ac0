// The summary's list of what needs action at the root unit, worst first: targets and obligations not
// met, overdue tasks, targets behind their line, then items without data. Each says its gap in words,
// its deadline, and who must act, or that the plan assigns no one.
#include <chitieu/date.hpp>
#include <chitieu/eval/results.hpp>
#include <chitieu/report/format.hpp>

#include "html_view_parts.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace chitieu::report::html {
namespace {

/// Rank in the summary: 0 not met, 1 overdue (tasks), 2 behind, 3 no data; -1 needs no action.
/// The second number orders within a rank: the further behind, the earlier.
std::pair<int, int> severity_of(eval::verdict v) {
  switch (v) {
    case eval::verdict::not_met: return {0, 0};
    case eval::verdict::deterioration: return {2, 0};
    case eval::verdict::limited_progress: return {2, 1};
    case eval::verdict::needs_acceleration: return {2, 2};
    case eval::verdict::no_data: return {3, 0};
    default: return {-1, 0};
  }
}

std::string severity_name(int rank, language lang) {
  switch (rank) {
    case 0: return say(lang, "Không đạt");
    case 1: return say(lang, "Quá hạn");
    case 2: return say(lang, "Chậm so với lộ trình");
    default: return say(lang, "Thiếu dữ liệu");
  }
}

struct item {
  int rank, sub, order;
  json view;
};

void set_agencies(json& v, std::string const& responsible, std::string const& watchers, eval::verdict verdict,
                  language lang) {
  v["responsible"] = responsible;
  v["watchers"] = watchers;
  v["has_responsible"] = !responsible.empty();
  v["has_watchers"] = !watchers.empty();
  // An item without a responsible body says why, so that no row of the summary is silent on who acts.
  std::string none;
  if (responsible.empty())
    none = verdict == eval::verdict::no_data ? say(lang, "chưa xác định: thiếu số liệu để chấm")
                                             : say(lang, "kế hoạch chưa giao nhiệm vụ");
  v["no_agency"] = none;
  v["has_no_agency"] = !none.empty();
}

}  // namespace

json action_items(scorecard_input const& in) {
  auto const lang = in.lang;
  auto const& rules = in.plan.rules();
  auto const focus = focus_of(in);
  auto const& root = focus.card;
  std::vector<item> items;
  int order = 0;
  for (auto const& t : root.targets) {
    auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
    auto [rank, sub] = severity_of(t.headline);
    // A row restating another is scored there; listing it twice would count one duty twice.
    if (rank < 0 || rule.restates >= 0 || rule.restates_obligation >= 0) continue;
    json v = {{"kind", say(lang, "Target")}, {"id", rule.id}, {"title", rule.title},
              {"anchor", anchor("t-", rules.qualified_id(rule))},
              {"verdict", verdict_label(t.headline, lang)}, {"css", css_class(t.headline)}};
    std::string gap = t.reason, deadline, brief = t.reason;
    if (t.headline_milestone >= 0) {
      auto const& m = t.milestones[static_cast<std::size_t>(t.headline_milestone)];
      gap = explain(m, rule, rules, in.data, lang);
      brief = explain_brief(m, rule, rules, in.data, lang);
      deadline = say(lang, "Mốc năm {0}", {std::to_string(rule.milestones[static_cast<std::size_t>(m.milestone)].year)});
    }
    v["gap"] = gap;
    v["brief"] = brief;
    v["deadline"] = deadline;
    set_agencies(v, agency_titles(t.accountable, rules), agency_titles(t.monitors, rules), t.headline, lang);
    items.push_back({rank, sub, order++, std::move(v)});
  }
  for (auto const& o : root.obligations) {
    auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
    auto [rank, sub] = severity_of(o.overall);
    if (rank < 0) continue;
    json v = {{"kind", say(lang, "Obligation")}, {"id", rule.id}, {"title", rule.title},
              {"anchor", anchor("o-", rules.qualified_id(rule))},
              {"verdict", verdict_label(o.overall, lang)}, {"css", css_class(o.overall)}};
    auto const* year = eval::deciding_entry(o);
    std::string gap = o.reason, deadline, brief = o.reason;
    if (year) {
      auto why = explain_requirement(*year, rule, rules, in.data, lang);
      auto short_why = explain_brief(*year, rule, rules, in.data, lang);
      auto y = std::to_string(year->year);
      gap = why.empty() ? say(lang, "Năm {0}", {y}) : say(lang, "Năm {0}: {1}", {y, why});
      brief = short_why.empty() ? say(lang, "Năm {0}", {y}) : say(lang, "Năm {0}: {1}", {y, short_why});
      deadline = year->due ? format_vn_date(year->due) : say(lang, "Năm {0}", {y});
    }
    v["gap"] = gap;
    v["brief"] = brief;
    v["deadline"] = deadline;
    set_agencies(v, agency_titles(o.accountable, rules), agency_titles(o.monitors, rules), o.overall, lang);
    items.push_back({rank, sub, order++, std::move(v)});
  }
  for (auto const& k : focus.top.tasks) {
    if (k.result != eval::task_verdict::overdue || !focus.shows(k, rules)) continue;
    auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
    if (rule.restates >= 0 || rule.restates_obligation >= 0) continue;
    json v = {{"kind", say(lang, "Task")}, {"id", rule.id}, {"title", rule.title},
              {"anchor", anchor("k-", rules.qualified_id(rule))},
              {"verdict", verdict_label(k.result, lang)}, {"css", css_class(k.result)}};
    std::string gap = k.due ? say(lang, "Quá hạn từ {0}", {format_vn_date(k.due)}) : say(lang, "Quá hạn");
    if (k.reported && !std::isnan(k.reported_progress))
      gap += say(lang, "; tiến độ báo cáo {0}%", {format_number(k.reported_progress, 0, lang)});
    else if (!k.reported)
      gap += say(lang, "; chưa báo cáo");
    if (!k.serves.empty()) {
      std::string at_risk;
      for (int t : k.serves) at_risk += (at_risk.empty() ? "" : ", ") + rules.targets[static_cast<std::size_t>(t)].id;
      gap += say(lang, "; chỉ tiêu có nguy cơ: {0}", {at_risk});
    }
    v["gap"] = gap;
    v["brief"] = gap;
    v["deadline"] = rule.when.text;
    // The leadership's one line: the due day, shorter than the deadline in words ("Trong quý II/2026").
    v["short_deadline"] = k.due ? format_vn_date(k.due) : rule.when.text;
    // A task names its lead (chủ trì) as the body that must act, and those coordinating under "Phối hợp".
    set_agencies(v, agency_titles(rule.lead, rules), std::string(), eval::verdict::not_met, lang);
    v["support"] = agency_titles(rule.support, rules);
    v["has_support"] = !rule.support.empty();
    items.push_back({1, 0, order++, std::move(v)});
  }
  std::stable_sort(items.begin(), items.end(), [](item const& a, item const& b) {
    return std::tie(a.rank, a.sub, a.order) < std::tie(b.rank, b.sub, b.order);
  });
  json out = json::array();
  for (auto& i : items) {
    if (!i.view.contains("short_deadline")) i.view["short_deadline"] = i.view["deadline"];
    i.view["severity"] = severity_name(i.rank, lang);
    i.view["rank"] = i.rank;
    i.view["number"] = out.size() + 1;  // its place in the list, for the leadership's table
    out.push_back(std::move(i.view));
  }
  return out;
}

json action_groups(json const& actions) {
  // By the body that must act (its name, or why there is none), in the order of each body's most
  // severe item: the leadership reads down the list and calls the bodies in turn.
  json groups = json::array();
  std::vector<std::string> keys;
  for (auto const& a : actions) {
    std::string key = a.value("has_responsible", false) ? a.at("responsible").get<std::string>()
                                                        : a.at("no_agency").get<std::string>();
    auto at = std::find(keys.begin(), keys.end(), key);
    if (at == keys.end()) {
      keys.push_back(key);
      groups.push_back({{"agency", key}, {"assigned", a.value("has_responsible", false)}, {"items", json::array()}});
      at = keys.end() - 1;
    }
    groups[static_cast<std::size_t>(at - keys.begin())]["items"].push_back(a);
  }
  for (auto& g : groups) g["count"] = g["items"].size();
  return groups;
}

}  // namespace chitieu::report::html
