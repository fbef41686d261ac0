// JSON answers for `chitieu who`, `chitieu agency` and `chitieu plan`, for programs: the same facts as
// the text answers (graph_text.cpp), with qualified ids, ISO dates and verdicts as eval names them.
#include <chitieu/json_text.hpp>
#include <chitieu/report/graph_render.hpp>

#include <chitieu/date.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>


namespace chitieu::report {

namespace {

using nlohmann::json;

json agency_ids(sema::checked_ruleset const& rules, std::vector<int> const& agencies) {
  json out = json::array();
  for (int a : agencies) out.push_back(rules.agencies[std::size_t(a)].id);
  return out;
}

// `deadline` is the one text for people: in the language asked, as the text answers write it.
json task_json(sema::checked_ruleset const& rules, int index, language lang) {
  auto const& t = rules.tasks[std::size_t(index)];
  auto deadline = lang == language::vi ? t.when.text : render_deadline(t.when, lang);
  json j{{"id", rules.qualified_id(t)}, {"title", t.title}, {"deadline", deadline},
         {"lead", agency_ids(rules, t.lead)}, {"support", agency_ids(rules, t.support)}};
  if (t.when.kind != sema::deadline_kind::none && t.when.due != std::numeric_limits<std::int32_t>::max())
    j["due"] = format_iso_date(t.when.due);
  return j;
}

}  // namespace

void render_accountability_json(std::ostream& out, graph::accountability const& who,
                                sema::checked_ruleset const& rules, language lang) {
  json j;
  int document = -1;
  if (who.target >= 0) {
    auto const& t = rules.targets[std::size_t(who.target)];
    j = {{"kind", "target"}, {"id", rules.qualified_id(t)}, {"title", t.title}, {"cite", t.cite}};
    document = t.document;
  } else if (who.obligation >= 0) {
    auto const& o = rules.obligations[std::size_t(who.obligation)];
    j = {{"kind", "obligation"}, {"id", rules.qualified_id(o)}, {"title", o.title}, {"cite", o.cite}};
    document = o.document;
  } else {
    return;
  }
  j["document"] = rules.documents[std::size_t(document)].id;
  j["tasks"] = json::array();
  for (auto const& s : who.tasks) {
    auto jt = task_json(rules, s.task, lang);
    if (who.target >= 0 && s.via_target >= 0 && s.via_target != who.target)
      jt["via"] = rules.qualified_id(rules.targets[std::size_t(s.via_target)]);
    j["tasks"].push_back(std::move(jt));
  }
  j["agencies"] = json::array();
  auto add = [&](std::vector<int> const& ids, char const* role) {
    for (int a : ids)
      j["agencies"].push_back({{"id", rules.agencies[std::size_t(a)].id},
                               {"title", rules.agencies[std::size_t(a)].title}, {"role", role}});
  };
  add(who.leads, "lead");
  add(who.supports, "support");
  add(who.monitors, "monitor");
  out << json_text(j) << '\n';
}

void render_agency_work_json(std::ostream& out, graph::agency_work const& work,
                             sema::checked_ruleset const& rules,
                             std::vector<eval::task_outcome> const* verdicts, std::int32_t as_of,
                             agency_failures const* failing, language lang) {
  if (work.agency < 0 || work.agency >= int(rules.agencies.size())) return;
  auto const& a = rules.agencies[std::size_t(work.agency)];
  json j{{"id", a.id}, {"title", a.title}};
  if (verdicts) j["as_of"] = format_iso_date(as_of);
  j["tasks"] = json::array();
  for (auto const& o : work.tasks) {
    auto jt = task_json(rules, o.task, lang);
    jt["role"] = o.role == graph::agency_role::lead ? "lead" : "support";
    if (verdicts) {
      auto k = std::find_if(verdicts->begin(), verdicts->end(), [&](auto const& v) { return v.task == o.task; });
      if (k != verdicts->end()) {
        jt["verdict"] = eval::to_string(k->result);
        jt["reported"] = k->reported;
        if (k->due) jt["due_judged"] = format_iso_date(k->due);
        if (k->completed) jt["completed"] = format_iso_date(*k->completed);
      }
    }
    j["tasks"].push_back(std::move(jt));
  }
  j["targets"] = json::array();
  for (int x : work.targets) j["targets"].push_back(rules.qualified_id(rules.targets[std::size_t(x)]));
  j["obligations"] = json::array();
  for (int x : work.obligations) j["obligations"].push_back(rules.qualified_id(rules.obligations[std::size_t(x)]));
  if (failing) {
    json f{{"targets", json::array()}, {"obligations", json::array()}};
    for (auto const& item : failing->items) {
      bool target = item.target >= 0;
      json units = json::array();
      for (auto const& u : item.units)
        units.push_back({{"id", u.id}, {"name", u.name}, {"verdict", eval::to_string(u.verdict)}});
      json ji{{"id", target ? rules.qualified_id(rules.targets[std::size_t(item.target)])
                            : rules.qualified_id(rules.obligations[std::size_t(item.obligation)])},
              {"verdict", item.units.empty() ? "" : eval::to_string(item.units.front().verdict)},
              {"role", item.monitor ? "monitor" : "accountable"},
              {"units", std::move(units)}};
      f[target ? "targets" : "obligations"].push_back(std::move(ji));
    }
    j["failing"] = std::move(f);
  }
  out << json_text(j) << '\n';
}

void render_task_order_json(std::ostream& out, graph::task_order const& order,
                            sema::checked_ruleset const& rules, language lang) {
  json j{{"tasks", order.order.size()}, {"groups", json::array()}, {"critical_path", json::array()}};
  if (!order.cycles.empty()) j["cycles"] = order.cycles.size();
  for (auto const& g : order.groups) {
    json jg{{"kind", g.type == graph::deadline_group::kind::dated    ? "dated"
                     : g.type == graph::deadline_group::kind::yearly ? "yearly"
                                                                     : "open"},
            {"tasks", json::array()}};
    if (g.type == graph::deadline_group::kind::dated) jg["due"] = format_iso_date(g.due);
    for (int t : g.tasks) {
      auto jt = task_json(rules, t, lang);
      jt["after"] = json::array();
      for (int p : rules.tasks[std::size_t(t)].after) jt["after"].push_back(rules.qualified_id(rules.tasks[std::size_t(p)]));
      jg["tasks"].push_back(std::move(jt));
    }
    j["groups"].push_back(std::move(jg));
  }
  for (int t : order.critical_path) j["critical_path"].push_back(rules.qualified_id(rules.tasks[std::size_t(t)]));
  out << json_text(j) << '\n';
}

}  // namespace chitieu::report
