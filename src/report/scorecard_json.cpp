// The JSON scorecard (docs/scorecard.md): stable member names, values in display units. Written unit
// by unit as it is produced, with no tree of the whole result: the bytes are those nlohmann's dump(2)
// gives for the same document (members in byte order of their keys), which tests check on every
// example and golden file.
#include <chitieu/date.hpp>
#include <chitieu/eval/results.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>
#include <chitieu/version.hpp>

#include <cmath>
#include <functional>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include "json_writer.hpp"

namespace chitieu::report {
namespace {

// Members are written in the byte order of their keys, as nlohmann sorts an object's members.
class scorecard_writer {
 public:
  scorecard_writer(std::ostream& out, scorecard_input const& in, int indent)
      : w_(out, indent), in_(in), rules_(in.plan.rules()), data_(in.data) {}

  void write() {
    header();
    auto const& top = in_.result.units.front();
    bool below_root = in_.unit != top.unit && card_of(in_.result, in_.unit);
    if (below_root) w_.member("unit", data_.unit(in_.unit).id);
    w_.key("units").begin_array();
    for (auto const& card : in_.result.units) {
      if (below_root && depth_below(data_, card.unit, in_.unit) < 0) continue;
      unit(card, below_root && card.unit == in_.unit ? &top : nullptr);
    }
    finish();
  }

  // The whole submission, its units pulled from `units` one at a time (`in.result` is its header).
  void write(eval::unit_evaluator& units, json_detail detail,
             std::function<void(eval::unit_scorecard const&)> const& seen) {
    header();
    w_.key("units").begin_array();
    eval::unit_scorecard card;  // refilled unit after unit
    while (units.next(card)) {
      if (detail == json_detail::results) unit_results(card);
      else unit(card, nullptr);
      if (seen) seen(card);
    }
    finish();
  }

 private:
  // Every member before "units", in key order.
  void header() {
    w_.begin_object();
    w_.member("as_of", format_iso_date(in_.result.options.as_of));
    w_.member("chitieu", std::string_view(CHITIEU_VERSION_STRING));
    if (in_.documents) documents();
    issues();
    // The language of the human text fields (explanations); keys and codes have none.
    w_.member("language", language_code(in_.lang));
    w_.member("no_data_policy",
              std::string_view(in_.result.options.no_data == eval::no_data_policy::zero ? "zero" : "exclude"));
    if (in_.source) provenance();
    replaced();
    // Units in the submission = read (and scored) + rejected + dropped below a rejected one.
    auto read = data_.units().size();
    w_.key("submission_units").begin_object();
    w_.member("dropped", static_cast<std::uint64_t>(data_.dropped_units()));
    w_.member("read", static_cast<std::uint64_t>(read));
    w_.member("rejected", static_cast<std::uint64_t>(data_.rejected_units()));
    w_.member("total", static_cast<std::uint64_t>(read + data_.rejected_units() + data_.dropped_units()));
    w_.end_object();
  }

  void finish() {
    w_.end_array();
    w_.end_object();
    w_.flush();
  }

  std::string const& agency(int a) const { return rules_.agencies[static_cast<std::size_t>(a)].id; }
  std::string const& document_id(sema::document_id d) const { return rules_[d].id; }
  std::string task_id(int k) const { return rules_.qualified_id(rules_.tasks[static_cast<std::size_t>(k)]); }

  void agencies(std::string_view key, std::vector<int> const& ids) {
    w_.key(key).begin_array();
    for (int a : ids) w_.string(agency(a));
    w_.end_array();
  }
  void tasks(std::string_view key, std::vector<int> const& ids) {
    w_.key(key).begin_array();
    for (int k : ids) w_.string(task_id(k));
    w_.end_array();
  }
  void units(std::string_view key, std::vector<std::uint32_t> const& ids) {
    w_.key(key).begin_array();
    for (auto u : ids) w_.string(data_.unit(u).id);
    w_.end_array();
  }
  void strings(std::string_view key, std::vector<std::string> const& values) {
    w_.key(key).begin_array();
    for (auto const& s : values) w_.string(s);
    w_.end_array();
  }
  // The missing values' JSON Pointers and, when the submission came from a workbook or CSV, beside
  // them pointer → "Trường!D7" (docs/scorecard.md); no `missing_cells` for JSON input.
  void missing(std::vector<std::string> const& pointers) {
    strings("missing", pointers);
    std::map<std::string_view, std::string_view> cells;  // sorted and unique, as JSON object keys are
    for (auto const& p : pointers)
      if (auto const& cell = data_.cell_of(p); !cell.empty()) cells.emplace(p, cell);
    if (cells.empty()) return;
    w_.key("missing_cells").begin_object();
    for (auto const& [pointer, cell] : cells) w_.member(pointer, cell);
    w_.end_object();
  }
  void optional_year(std::string_view key, int year) {
    w_.key(key);
    if (year) w_.integer(year);
    else w_.null();
  }
  void optional_date(std::string_view key, std::int32_t day) {
    w_.key(key);
    if (day) w_.string(format_iso_date(day));
    else w_.null();
  }

  void documents() {
    w_.key("documents").begin_object();
    w_.member("basis", in_.documents->basis);
    w_.key("left_out").begin_array();
    for (auto const& l : in_.documents->left_out) {
      w_.begin_object().member("id", document_id(l.document)).member("reason", l.reason).end_object();
    }
    w_.end_array();
    w_.key("scored").begin_array();
    for (auto d : in_.documents->scored) w_.string(document_id(d));
    w_.end_array();
    w_.end_object();
  }

  void issues() {
    w_.key("issues").begin_array();
    for (auto const& is : in_.issues) {
      w_.begin_object();
      if (!is.check.empty()) w_.member("check", is.check);
      w_.member("code", is.code).member("message", is.message).member("pointer", is.pointer);
      w_.member("severity", std::string_view(is.level == severity::error ? "error" : "warning"));
      w_.member("unit", is.unit);
      w_.end_object();
    }
    w_.end_array();
  }

  void provenance() {
    auto const& p = *in_.source;
    w_.key("provenance").begin_object();
    w_.member("as_of", format_iso_date(p.as_of)).member("chitieu", p.version);
    w_.member("data_sha256", p.data_sha256);
    strings("rule_files", p.rule_files);
    w_.member("rules_sha256", p.rules_sha256);
    w_.end_object();
  }

  void replaced() {
    w_.key("replaced_documents").begin_array();
    for (auto const& r : in_.result.replaced) {
      w_.begin_object().member("from", format_iso_date(r.from)).member("id", document_id(r.document));
      w_.member("replaced_by", document_id(r.replaced_by)).end_object();
    }
    w_.end_array();
  }

  void score(eval::score const& s, bool with_document) {
    w_.begin_object();
    w_.member("counted", s.counted);
    if (with_document) w_.member("document", document_id(sema::document_id(s.document)));
    w_.member("excluded", s.excluded).member("items", s.items).member("no_data", s.no_data);
    w_.member("scope", s.scope).member("value", s.value).member("weight", s.weight);
    w_.end_object();
  }

  void unit(eval::unit_scorecard const& card, eval::unit_scorecard const* root_serving) {
    auto const& u = data_.unit(card.unit);
    w_.begin_object();
    w_.key("documents").begin_array();
    for (auto const& s : card.documents) score(s, false);
    w_.end_array();
    w_.key("groups").begin_array();
    for (auto const& s : card.groups) score(s, true);
    w_.end_array();
    w_.member("id", u.id);
    w_.member("kind", rules_.unit_kinds[static_cast<std::size_t>(u.kind)].id);
    w_.member("name", u.name);
    w_.key("obligations").begin_array();
    for (auto const& o : card.obligations) obligation(o);
    w_.end_array();
    w_.member("pointer", u.pointer);
    w_.key("score");
    score(card.overall, false);
    w_.key("targets").begin_array();
    for (auto const& t : card.targets) target(t);
    w_.end_array();
    w_.key("tasks").begin_array();
    for (auto const& k : card.tasks) task(k);
    w_.end_array();
    // `--unit`: the root's tasks serving the unit's targets and obligations, listed as the root's.
    if (root_serving) {
      w_.key("tasks_of").begin_object();
      w_.key("tasks").begin_array();
      for (auto const& k : root_serving->tasks)
        if (serves_unit(rules_.tasks[static_cast<std::size_t>(k.task)], card)) task(k);
      w_.end_array();
      w_.member("unit", data_.unit(root_serving->unit).id);
      w_.end_object();
    }
    w_.end_object();
  }

  // The results detail: the unit's verdicts as flat rows (docs/scorecard.md, The results table).
  void unit_results(eval::unit_scorecard const& card) {
    auto const& u = data_.unit(card.unit);
    rows_.clear();
    eval::append_rows(card, rules_, rows_);
    w_.begin_object();
    w_.member("id", u.id);
    w_.member("kind", rules_.unit_kinds[static_cast<std::size_t>(u.kind)].id);
    w_.member("name", u.name);
    w_.key("results").begin_array();
    for (auto const& r : rows_) result_row(r);
    w_.end_array();
    w_.key("score");
    score(card.overall, false);
    w_.key("tasks").begin_array();
    for (auto const& k : card.tasks) {
      w_.begin_object();
      optional_date("due", k.due);
      w_.member("id", task_id(k.task));
      w_.member("verdict", std::string_view(eval::to_string(k.result)));
      w_.end_object();
    }
    w_.end_array();
    w_.end_object();
  }

  void result_row(eval::result_row const& r) {
    bool target = r.kind == eval::item_kind::target;
    sema::value_type const* type = nullptr;
    if (ids_.empty()) {  // qualified ids, made once rather than once a row
      for (auto const& t : rules_.targets) ids_.push_back(rules_.qualified_id(t));
      for (auto const& o : rules_.obligations) ids_.push_back(rules_.qualified_id(o));
    }
    std::size_t at = static_cast<std::size_t>(r.item);
    if (target) {
      type = &rules_.targets[at].type;
    } else {
      auto const& rule = rules_.obligations[at];
      if (r.requirement >= 0) type = compared_type(rule, r.requirement, rules_);
      at += rules_.targets.size();
    }
    std::string const& id = ids_[at];
    auto shown = [&](std::string_view key, double v, bool gap) {
      if (type) compared(key, v, *type, gap);
      else w_.key(key).null();
    };
    w_.begin_object();
    shown("gap", r.gap, true);
    w_.member("item", id);
    w_.member("kind", std::string_view(target ? "target" : "obligation"));
    if (target) optional_year("milestone", r.milestone_year);
    w_.member("progress", r.progress);
    shown("value", r.value, false);
    w_.member("verdict", std::string_view(eval::to_string(r.result)));
    optional_year("year", r.year);
    w_.end_object();
  }

  // An outcome's value (display units, docs/scorecard.md): a date compared is YYYY-MM-DD, its gap a
  // number of days; null when unknown. One rule for the scorecard's year entries and the results
  // table's rows.
  void compared(std::string_view key, double v, sema::value_type const& type, bool gap) {
    w_.key(key);
    bool date = type.kind == sema::value_kind::date;
    if (!std::isfinite(v)) w_.null();
    else if (date && !gap) w_.string(format_iso_date(static_cast<std::int32_t>(v)));
    else w_.number(v);
  }

  void restates(int target, int obligation) {
    // The same commitment as another row: shown, scored once, at that row.
    if (target >= 0) w_.member("restates", rules_.qualified_id(rules_.targets[static_cast<std::size_t>(target)]));
    if (obligation >= 0)
      w_.member("restates", rules_.qualified_id(rules_.obligations[static_cast<std::size_t>(obligation)]));
  }

  void target(eval::target_outcome const& t) {
    auto const& rule = rules_.targets[static_cast<std::size_t>(t.target)];
    w_.begin_object();
    agencies("accountable", t.accountable);
    tasks("at_risk_from", t.at_risk_from);
    w_.member("cite", rule.cite);
    w_.key("headline_milestone");
    if (t.headline_milestone >= 0) w_.integer(rule.milestones[static_cast<std::size_t>(t.headline_milestone)].year);
    else w_.null();
    w_.member("id", rules_.qualified_id(rule));
    w_.key("milestones").begin_array();
    for (auto const& m : t.milestones) milestone(m, rule);
    w_.end_array();
    agencies("monitors", t.monitors);
    if (!t.reason.empty()) w_.member("reason", t.reason);
    restates(rule.restates, rule.restates_obligation);
    tasks("serving_tasks", t.serving_tasks);
    w_.member("title", rule.title);
    w_.member("unit", display_unit(rule.type));
    w_.member("verdict", std::string_view(eval::to_string(t.headline)));
    w_.end_object();
  }

  void milestone(eval::milestone_outcome const& m, sema::target const& rule) {
    auto const& ms = rule.milestones[static_cast<std::size_t>(m.milestone)];
    // The outcome's values are in display units; the milestone's own (threshold, band) are the rule's.
    auto dv = [&](std::string_view key, double v) { w_.key(key).number(v); };
    auto rule_value = [&](std::string_view key, double v) { w_.key(key).number(display_value(v, rule.type)); };
    bool open = std::isnan(m.value);
    w_.begin_object();
    dv("baseline", m.baseline);
    w_.key("baseline_source");
    if (std::isnan(m.baseline)) w_.null();
    else w_.string(m.baseline_from_rule ? "rule" : "data");
    optional_year("baseline_year", m.baseline_year);
    if (m.division_by_zero) w_.member("division_by_zero", true);
    dv("expected", m.expected);
    w_.member("explanation", explain(m, rule, rules_, data_, in_.lang));
    if (!m.failing_units.empty()) {
      w_.member("failing_total", static_cast<std::uint64_t>(m.failing_total));
      units("failing_units", m.failing_units);
    }
    optional_year("fallback_from", m.fallback_from);
    dv("gap", m.gap);
    dv("judged_on", m.judged_on);
    if (!m.missing.empty() || m.missing_total) missing(m.missing);
    w_.member("missing_total", static_cast<std::uint64_t>(m.missing_total));
    w_.member("op", std::string_view(comparator_code(ms.comparator)));
    w_.member("pace", m.pace);
    if (!std::isnan(m.parts.numerator)) {
      w_.key("parts").begin_object();
      w_.member("denominator", m.parts.denominator).member("denominator_unit", m.parts.denominator_unit);
      w_.member("needed", m.parts.needed);
      w_.member("numerator", m.parts.numerator).member("numerator_unit", m.parts.numerator_unit);
      w_.end_object();
    }
    w_.member("progress", m.progress);
    w_.key("reason").string_or_null(m.reason);
    rule_value("threshold", ms.value);
    if (ms.comparator == sema::milestone::op::approx) rule_value("tolerance", ms.upper);
    // `upper` was taken by the band of `between`: the bounds of an open value are value_*.
    if (ms.comparator == sema::milestone::op::between) rule_value("upper", ms.upper);
    dv("value", m.value);
    if (open) dv("value_lower", m.lower);
    else w_.key("value_lower").null();
    if (open) dv("value_upper", m.upper);
    else w_.key("value_upper").null();
    optional_year("value_year", m.value_year);
    w_.member("verdict", std::string_view(eval::to_string(m.result)));
    w_.member("year", ms.year);
    w_.end_object();
  }

  void obligation(eval::obligation_outcome const& o) {
    auto const& rule = rules_.obligations[static_cast<std::size_t>(o.obligation)];
    w_.begin_object();
    agencies("accountable", o.accountable);
    w_.member("cite", rule.cite);
    w_.member("id", rules_.qualified_id(rule));
    agencies("monitors", o.monitors);
    w_.member("progress", o.progress);
    w_.key("reason").string_or_null(o.reason);
    tasks("serving_tasks", o.serving_tasks);
    w_.member("title", rule.title);
    w_.member("verdict", std::string_view(eval::to_string(o.overall)));
    w_.key("years").begin_array();
    for (auto const& y : o.years) requirement_year(y, rule);
    w_.end_array();
    w_.end_object();
  }

  void requirement_year(eval::requirement_outcome const& y, sema::obligation const& rule) {
    auto const* type = compared_type(rule, y.requirement, rules_);
    bool date = type && type->kind == sema::value_kind::date;
    bool known = !std::isnan(y.value);
    auto shown = [&](std::string_view key, double v) { compared(key, v, *type, false); };
    w_.begin_object();
    if (y.division_by_zero) w_.member("division_by_zero", true);
    if (y.due) w_.member("due", format_iso_date(y.due));
    w_.member("explanation", explain_requirement(y, rule, rules_, data_, in_.lang));
    w_.member("failing_total", static_cast<std::uint64_t>(y.failing_total));
    units("failing_units", y.failing_units);
    if (type && known) compared("gap", y.gap, *type, true);
    if (!y.missing.empty()) missing(y.missing);
    w_.member("missing_total", static_cast<std::uint64_t>(y.missing_total));
    w_.key("reason").string_or_null(y.reason);
    w_.member("requirement", y.requirement);
    if (type && known) shown("threshold", y.threshold);
    if (type && (known || std::isfinite(y.lower) || std::isfinite(y.upper)))
      w_.member("unit", date ? std::string("ngày") : display_unit(*type));
    if (type && known) shown("value", y.value);
    if (type && !known) shown("value_lower", y.lower);
    else w_.key("value_lower").null();
    if (type && !known) shown("value_upper", y.upper);
    else w_.key("value_upper").null();
    w_.member("verdict", std::string_view(eval::to_string(y.result)));
    w_.member("year", y.year);
    w_.end_object();
  }

  void task(eval::task_outcome const& k) {
    auto const& rule = rules_.tasks[static_cast<std::size_t>(k.task)];
    w_.begin_object();
    w_.key("completed");
    if (k.completed) w_.string(format_iso_date(*k.completed));
    else w_.null();
    w_.member("deadline", rule.when.text);
    optional_date("due", k.due);
    w_.member("id", rules_.qualified_id(rule));
    agencies("lead", rule.lead);
    if (!k.note.empty()) w_.member("note", k.note);
    w_.member("progress", k.reported_progress);
    w_.member("reported", k.reported);
    if (rule.restates >= 0) w_.member("restates", task_id(rule.restates));
    if (rule.restates_obligation >= 0)
      w_.member("restates", rules_.qualified_id(rules_.obligations[static_cast<std::size_t>(rule.restates_obligation)]));
    agencies("support", rule.support);
    if (k.result == eval::task_verdict::overdue) {
      w_.key("targets_at_risk").begin_array();
      for (int t : k.serves) w_.string(rules_.qualified_id(rules_.targets[static_cast<std::size_t>(t)]));
      w_.end_array();
    }
    w_.member("title", rule.title);
    w_.member("verdict", std::string_view(eval::to_string(k.result)));
    w_.end_object();
  }

  json_writer w_;
  std::vector<eval::result_row> rows_;  // one unit's, reused
  std::vector<std::string> ids_;         // qualified ids of the targets, then of the obligations
  scorecard_input const& in_;
  sema::checked_ruleset const& rules_;
  eval::dataset const& data_;
};

}  // namespace

void render_json(std::ostream& out, scorecard_input const& in, json_layout layout) {
  scorecard_writer(out, in, layout == json_layout::compact ? -1 : 2).write();
  out << '\n';
}

void render_json(std::ostream& out, scorecard_input const& in, eval::unit_evaluator& units, json_layout layout,
                 std::function<void(eval::unit_scorecard const&)> const& seen, json_detail detail) {
  scorecard_writer(out, in, layout == json_layout::compact ? -1 : 2).write(units, detail, seen);
  out << '\n';
}

nlohmann::json to_json(scorecard_input const& in) {
  std::ostringstream out;
  render_json(out, in);
  return nlohmann::json::parse(out.str());
}

}  // namespace chitieu::report
