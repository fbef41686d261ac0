// The JSON scorecard (docs/scorecard.md): stable member names, values in display units.
#include <chitieu/date.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>

#include <chitieu/version.hpp>

#include <algorithm>
#include <cmath>

namespace chitieu::report {
namespace {
using json = nlohmann::json;

json number(double x) { return std::isnan(x) || std::isinf(x) ? json(nullptr) : json(x); }

json score_json(eval::score const& s) {
  return {{"scope", s.scope}, {"value", number(s.value)}, {"weight", s.weight}, {"items", s.items},
          {"counted", s.counted}, {"no_data", s.no_data}, {"excluded", s.excluded}};
}

json text_or_null(std::string const& s) { return s.empty() ? json(nullptr) : json(s); }

json unit_ids(std::vector<std::uint32_t> const& units, eval::dataset const& data) {
  json out = json::array();
  for (auto u : units) out.push_back(data.units[u].id);
  return out;
}

json ids(std::vector<int> const& v, std::function<std::string(int)> const& name) {
  json out = json::array();
  for (int i : v) out.push_back(name(i));
  return out;
}

// The missing values' cells, when the submission came from a workbook or CSV: `missing` keeps its
// JSON Pointers and this adds, beside it, pointer → "Trường!D7" (docs/scorecard.md). Empty for JSON.
void add_missing(json& j, std::vector<std::string> const& missing, eval::dataset const& data) {
  j["missing"] = missing;
  json cells = json::object();
  for (auto const& p : missing)
    if (auto const& cell = data.cell_of(p); !cell.empty()) cells[p] = cell;
  if (!cells.empty()) j["missing_cells"] = std::move(cells);
}

}  // namespace

json to_json(scorecard_input const& in) {
  auto const& rules = in.plan.rules();
  auto const& data = in.data;
  auto agency = [&](int a) { return rules.agencies[static_cast<std::size_t>(a)].id; };
  auto task_id = [&](int k) { return rules.qualified_id(rules.tasks[static_cast<std::size_t>(k)]); };
  json out;
  out["chitieu"] = CHITIEU_VERSION_STRING;
  out["as_of"] = format_iso_date(in.result.options.as_of);
  if (in.source)
    out["provenance"] = {{"chitieu", in.source->version},
                         {"as_of", format_iso_date(in.source->as_of)},
                         {"rules_sha256", in.source->rules_sha256},
                         {"data_sha256", in.source->data_sha256},
                         {"rule_files", in.source->rule_files}};
  out["no_data_policy"] = in.result.options.no_data == eval::no_data_policy::zero ? "zero" : "exclude";
  out["replaced_documents"] = json::array();
  for (auto const& r : in.result.replaced)
    out["replaced_documents"].push_back({{"id", rules.documents[static_cast<std::size_t>(r.document)].id},
                                         {"replaced_by", rules.documents[static_cast<std::size_t>(r.replaced_by)].id},
                                         {"from", format_iso_date(r.from)}});
  if (in.documents) {
    json scored = json::array(), left_out = json::array();
    for (int d : in.documents->scored) scored.push_back(rules.documents[static_cast<std::size_t>(d)].id);
    for (auto const& l : in.documents->left_out)
      left_out.push_back({{"id", rules.documents[static_cast<std::size_t>(l.document)].id}, {"reason", l.reason}});
    out["documents"] = {{"basis", in.documents->basis}, {"scored", scored}, {"left_out", left_out}};
  }
  auto task_json = [&](eval::task_outcome const& k) {
    auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
    json jk{{"id", rules.qualified_id(rule)}, {"title", rule.title}, {"verdict", eval::to_string(k.result)},
            {"deadline", rule.when.text}, {"due", k.due ? json(format_iso_date(k.due)) : json(nullptr)},
            {"completed", k.completed ? json(format_iso_date(*k.completed)) : json(nullptr)},
            {"reported", k.reported}, {"progress", number(k.reported_progress)},
            {"lead", ids(rule.lead, agency)}, {"support", ids(rule.support, agency)}};
    if (!k.note.empty()) jk["note"] = k.note;
    if (rule.restates >= 0) jk["restates"] = rules.qualified_id(rules.tasks[static_cast<std::size_t>(rule.restates)]);
    if (rule.restates_obligation >= 0)
      jk["restates"] = rules.qualified_id(rules.obligations[static_cast<std::size_t>(rule.restates_obligation)]);
    if (k.result == eval::task_verdict::overdue) {
      json serves = json::array();
      for (int t : k.serves) serves.push_back(rules.qualified_id(rules.targets[static_cast<std::size_t>(t)]));
      jk["targets_at_risk"] = serves;
    }
    return jk;
  };
  // `--unit`: that unit and the units below it, with the scores of the whole evaluation; the root's
  // tasks serving its targets and obligations are listed as the root's ("tasks_of").
  auto const& top = in.result.units.front();
  bool below_root = in.unit != top.unit && card_of(in.result, in.unit);
  if (below_root) out["unit"] = data.units[in.unit].id;
  json units = json::array();
  for (auto const& card : in.result.units) {
    if (below_root && depth_below(data, card.unit, in.unit) < 0) continue;
    auto const& u = data.units[card.unit];
    json ju;
    ju["kind"] = rules.unit_kinds[static_cast<std::size_t>(u.kind)].id;
    ju["id"] = u.id;
    ju["name"] = u.name;
    ju["pointer"] = u.pointer;
    ju["score"] = score_json(card.overall);
    ju["documents"] = json::array();
    for (auto const& s : card.documents) ju["documents"].push_back(score_json(s));
    ju["groups"] = json::array();
    for (auto const& s : card.groups) {
      auto j = score_json(s);
      j["document"] = rules.documents[static_cast<std::size_t>(s.document)].id;
      ju["groups"].push_back(j);
    }
    ju["targets"] = json::array();
    for (auto const& t : card.targets) {
      auto const& rule = rules.targets[static_cast<std::size_t>(t.target)];
      json jt{{"id", rules.qualified_id(rule)}, {"title", rule.title}, {"cite", rule.cite},
              {"verdict", eval::to_string(t.headline)}, {"unit", display_unit(rule.type)}};
      if (!t.reason.empty()) jt["reason"] = t.reason;
      // The same commitment as another row: shown, scored once, at that row.
      if (rule.restates >= 0) jt["restates"] = rules.qualified_id(rules.targets[static_cast<std::size_t>(rule.restates)]);
      if (rule.restates_obligation >= 0)
        jt["restates"] = rules.qualified_id(rules.obligations[static_cast<std::size_t>(rule.restates_obligation)]);
      jt["headline_milestone"] = t.headline_milestone >= 0 ? json(rule.milestones[static_cast<std::size_t>(t.headline_milestone)].year) : json(nullptr);
      jt["milestones"] = json::array();
      for (auto const& m : t.milestones) {
        auto const& ms = rule.milestones[static_cast<std::size_t>(m.milestone)];
        auto dv = [&](double v) { return number(display_value(v, rule.type)); };
        json jm{{"year", ms.year},
                {"op", comparator_code(ms.comparator)},
                {"threshold", dv(ms.value)},
                {"verdict", eval::to_string(m.result)},
                {"value", dv(m.value)},
                {"value_year", m.value_year ? json(m.value_year) : json(nullptr)},
                {"gap", dv(m.gap)},
                {"progress", number(m.progress)},
                {"baseline", dv(m.baseline)},
                {"baseline_year", m.baseline_year ? json(m.baseline_year) : json(nullptr)},
                {"baseline_source", std::isnan(m.baseline) ? json(nullptr) : json(m.baseline_from_rule ? "rule" : "data")},
                {"expected", dv(m.expected)},
                {"explanation", explain(m, rule, rules, data)},
                // `upper` was taken by the band of `between`: the bounds of an open value are value_*.
                {"value_lower", std::isnan(m.value) ? dv(m.lower) : json(nullptr)},
                {"value_upper", std::isnan(m.value) ? dv(m.upper) : json(nullptr)},
                {"judged_on", dv(m.judged_on)},
                {"pace", number(m.pace)},
                {"fallback_from", m.fallback_from ? json(m.fallback_from) : json(nullptr)},
                {"reason", text_or_null(m.reason)},
                {"missing_total", m.missing_total}};
        if (ms.comparator == sema::milestone::op::between) jm["upper"] = dv(ms.upper);
        if (ms.comparator == sema::milestone::op::approx) jm["tolerance"] = dv(ms.upper);
        if (!std::isnan(m.parts.numerator))
          jm["parts"] = {{"numerator", m.parts.numerator}, {"denominator", m.parts.denominator},
                         {"numerator_unit", m.parts.numerator_unit},
                         {"denominator_unit", m.parts.denominator_unit}, {"needed", number(m.parts.needed)}};
        if (!m.missing.empty() || m.missing_total) add_missing(jm, m.missing, data);
        if (m.division_by_zero) jm["division_by_zero"] = true;
        if (!m.failing_units.empty()) {
          jm["failing_units"] = unit_ids(m.failing_units, data);
          jm["failing_total"] = m.failing_total;
        }
        jt["milestones"].push_back(jm);
      }
      jt["serving_tasks"] = ids(t.serving_tasks, task_id);
      jt["accountable"] = ids(t.accountable, agency);
      jt["monitors"] = ids(t.monitors, agency);
      jt["at_risk_from"] = ids(t.at_risk_from, task_id);
      ju["targets"].push_back(jt);
    }
    ju["obligations"] = json::array();
    for (auto const& o : card.obligations) {
      auto const& rule = rules.obligations[static_cast<std::size_t>(o.obligation)];
      json jo{{"id", rules.qualified_id(rule)}, {"title", rule.title}, {"cite", rule.cite},
              {"verdict", eval::to_string(o.overall)}, {"progress", number(o.progress)},
              {"reason", text_or_null(o.reason)}};
      jo["years"] = json::array();
      for (auto const& y : o.years) {
        json jy{{"year", y.year},
                {"requirement", y.requirement},
                {"verdict", eval::to_string(y.result)},
                {"value_lower", nullptr},
                {"value_upper", nullptr},
                {"reason", text_or_null(y.reason)},
                {"failing_units", unit_ids(y.failing_units, data)},
                {"failing_total", y.failing_total},
                {"missing_total", y.missing_total},
                {"explanation", explain_requirement(y, rule, rules, data)}};
        if (auto const* compared = compared_type(rule, y.requirement, rules)) {
          auto const& type = *compared;
          bool date = type.kind == sema::value_kind::date;
          auto shown = [&](double v) {
            if (!std::isfinite(v)) return json(nullptr);
            return date ? json(format_iso_date(static_cast<std::int32_t>(v))) : number(display_value(v, type));
          };
          if (!std::isnan(y.value)) {
            jy["value"] = shown(y.value);
            jy["threshold"] = shown(y.threshold);
            jy["gap"] = date ? number(y.gap) : number(display_value(y.gap, type));
            jy["unit"] = date ? "ngày" : display_unit(type);
          } else {
            jy["value_lower"] = shown(y.lower);
            jy["value_upper"] = shown(y.upper);
            if (std::isfinite(y.lower) || std::isfinite(y.upper)) jy["unit"] = date ? "ngày" : display_unit(type);
          }
        }
        if (y.due) jy["due"] = format_iso_date(y.due);
        if (!y.missing.empty()) add_missing(jy, y.missing, data);
        if (y.division_by_zero) jy["division_by_zero"] = true;
        jo["years"].push_back(jy);
      }
      jo["serving_tasks"] = ids(o.serving_tasks, task_id);
      jo["accountable"] = ids(o.accountable, agency);
      jo["monitors"] = ids(o.monitors, agency);
      ju["obligations"].push_back(jo);
    }
    ju["tasks"] = json::array();
    for (auto const& k : card.tasks) ju["tasks"].push_back(task_json(k));
    if (below_root && card.unit == in.unit) {
      json served = json::array();
      for (auto const& k : top.tasks) {
        auto const& rule = rules.tasks[static_cast<std::size_t>(k.task)];
        bool serves = serves_unit(rule, card);
        if (serves) served.push_back(task_json(k));
      }
      ju["tasks_of"] = {{"unit", data.units[top.unit].id}, {"tasks", served}};
    }
    units.push_back(ju);
  }
  out["units"] = units;
  json issues = json::array();
  for (auto const& is : in.issues) {
    json ji = {{"severity", is.level == severity::error ? "error" : "warning"}, {"code", is.code},
               {"unit", is.unit}, {"pointer", is.pointer}, {"message", is.message}};
    if (!is.check.empty()) ji["check"] = is.check;
    issues.push_back(std::move(ji));
  }
  out["issues"] = issues;
  return out;
}

}  // namespace chitieu::report
