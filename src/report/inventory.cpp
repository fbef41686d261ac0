// The rule set inventory: every declaration with its numbers, for people and for machines.
#include <chitieu/date.hpp>
#include <chitieu/language.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/graph_render.hpp>
#include <chitieu/report/inventory.hpp>

#include <cmath>
#include <nlohmann/json.hpp>


namespace chitieu::report {
namespace {
using json = nlohmann::json;

/// The rounds of a recurring deadline: `{"period": "month", "count": 1, "day": 5, "from": null}`; else null.
json rounds_json(sema::deadline const& d) {
  if (!sema::is_recurring(d.kind)) return nullptr;
  bool yearly = d.kind == sema::deadline_kind::yearly;
  return {{"period", yearly ? "years" : d.kind == sema::deadline_kind::monthly ? "month" : "quarter"},
          {"count", yearly ? d.every_years : 1},
          {"day", d.day},
          {"from", yearly && d.from_year ? json(d.from_year) : json(nullptr)}};
}

char const* deadline_text(sema::deadline_kind k) {
  switch (k) {
    case sema::deadline_kind::none: return "none";
    case sema::deadline_kind::ongoing: return "ongoing";
    case sema::deadline_kind::by: return "by";
    case sema::deadline_kind::during: return "during";
    case sema::deadline_kind::from: return "from";
    case sema::deadline_kind::range: return "range";
    case sema::deadline_kind::yearly: return "yearly";
    case sema::deadline_kind::monthly: return "monthly";
    case sema::deadline_kind::quarterly: return "quarterly";
  }
  return "?";
}

json where(sema::location const& loc, std::vector<source_file> const& sources) {
  if (loc.file >= sources.size()) return nullptr;
  auto l = sources[loc.file].location_of(loc.span.begin);
  return {{"file", std::string(sources[loc.file].name())}, {"line", l.line}};
}

json kinds(std::vector<int> const& v, sema::checked_ruleset const& rules) {
  json out = json::array();
  for (int k : v) out.push_back(rules.unit_kinds[static_cast<std::size_t>(k)].id);
  return out;
}

json agency_ids(std::vector<int> const& v, sema::checked_ruleset const& rules) {
  json out = json::array();
  for (int a : v) out.push_back(rules.agencies[static_cast<std::size_t>(a)].id);
  return out;
}

}  // namespace

json inventory_json(sema::checked_ruleset const& rules, std::vector<source_file> const& sources) {
  json out;
  out["documents"] = json::array();
  for (auto const& d : rules.documents)
    out["documents"].push_back({{"id", d.id}, {"number", d.number}, {"kind", d.kind}, {"issuer", d.issuer},
                                {"province", d.province}, {"title", d.title},
                                {"date", d.date ? json(format_iso_date(*d.date)) : json(nullptr)},
                                {"implements", d.implements}, {"level", std::string(sema::level_word(d.level))},
                                {"replaces", d.replaces},
                                {"replaced_by", d.replaced_by >= 0 ? json(rules.documents[static_cast<std::size_t>(d.replaced_by)].id) : json(nullptr)},
                                {"monitors", agency_ids(d.monitors, rules)},
                                {"where", where(d.where, sources)}});
  out["targets"] = json::array();
  for (auto const& t : rules.targets) {
    json ms = json::array();
    for (auto const& m : t.milestones) {
      json jm{{"year", m.year}, {"op", comparator_code(m.comparator)}, {"value", display_value(m.value, t.type)}};
      if (m.comparator == sema::milestone::op::between) jm["upper"] = display_value(m.upper, t.type);
      if (m.comparator == sema::milestone::op::approx) jm["tolerance"] = display_value(m.upper, t.type);
      ms.push_back(jm);
    }
    json implements = json::array();
    for (int i : t.implements) implements.push_back(rules.qualified_id(rules.targets[static_cast<std::size_t>(i)]));
    out["targets"].push_back(
        {{"id", rules.qualified_id(t)}, {"document", rules.documents[static_cast<std::size_t>(t.document)].id},
         {"title", t.title}, {"cite", t.cite}, {"type", type_code(t.type.kind)}, {"unit", display_unit(t.type)},
         {"applies", kinds(t.applies, rules)}, {"milestones", ms},
         {"baseline", t.baseline_value ? json({{"value", display_value(*t.baseline_value, t.type)}, {"year", t.baseline_year}}) : json(nullptr)},
         {"parent", t.parent >= 0 ? json(rules.qualified_id(rules.targets[static_cast<std::size_t>(t.parent)])) : json(nullptr)},
         {"restates", t.restates >= 0 ? json(rules.qualified_id(rules.targets[static_cast<std::size_t>(t.restates)]))
                      : t.restates_obligation >= 0 ? json(rules.qualified_id(rules.obligations[static_cast<std::size_t>(t.restates_obligation)]))
                      : json(nullptr)},
         {"implements", implements}, {"monitors", agency_ids(t.monitors, rules)},
         {"weight", t.weight}, {"group", t.group}, {"note", t.note},
         {"where", where(t.where, sources)}});
  }
  out["obligations"] = json::array();
  for (auto const& o : rules.obligations)
    out["obligations"].push_back(
        {{"id", rules.qualified_id(o)}, {"document", rules.documents[static_cast<std::size_t>(o.document)].id},
         {"title", o.title}, {"cite", o.cite}, {"applies", kinds(o.applies, rules)},
         {"monitors", agency_ids(o.monitors, rules)},
         {"from_year", o.from_year ? json(o.from_year) : json(nullptr)},
         {"until_year", o.until_year ? json(o.until_year) : json(nullptr)},
         {"due", o.due_month ? json(std::to_string(o.due_day) + "/" + std::to_string(o.due_month)) : json(nullptr)},
         {"requirements", o.requirements.size()}, {"weight", o.weight}, {"group", o.group}, {"note", o.note},
         {"where", where(o.where, sources)}});
  out["checks"] = json::array();
  for (auto const& c : rules.data_checks)
    out["checks"].push_back(
        {{"id", rules.qualified_id(c)}, {"document", rules.documents[static_cast<std::size_t>(c.document)].id},
         {"title", c.title}, {"cite", c.cite}, {"applies", kinds(c.applies, rules)},
         {"requirements", c.requirements.size()}, {"severity", c.level == severity::error ? "error" : "warning"},
         {"note", c.note}, {"where", where(c.where, sources)}});
  out["tasks"] = json::array();
  for (auto const& k : rules.tasks) {
    json after = json::array(), serves = json::array();
    for (int a : k.after) after.push_back(rules.qualified_id(rules.tasks[static_cast<std::size_t>(a)]));
    for (int t : k.serves_targets) serves.push_back(rules.qualified_id(rules.targets[static_cast<std::size_t>(t)]));
    for (int o : k.serves_obligations) serves.push_back(rules.qualified_id(rules.obligations[static_cast<std::size_t>(o)]));
    bool dated = k.when.kind == sema::deadline_kind::by || k.when.kind == sema::deadline_kind::during ||
                 k.when.kind == sema::deadline_kind::range;
    bool started = k.when.kind == sema::deadline_kind::during || k.when.kind == sema::deadline_kind::from ||
                   k.when.kind == sema::deadline_kind::range;
    out["tasks"].push_back(
        {{"id", rules.qualified_id(k)}, {"document", rules.documents[static_cast<std::size_t>(k.document)].id},
         {"title", k.title}, {"cite", k.cite}, {"lead", agency_ids(k.lead, rules)},
         {"support", agency_ids(k.support, rules)},
         {"deadline", {{"kind", deadline_text(k.when.kind)}, {"text", k.when.text},
                       {"start", started ? json(format_iso_date(k.when.start)) : json(nullptr)},
                       {"due", dated ? json(format_iso_date(k.when.due)) : json(nullptr)},
                       {"every_year", k.when.kind == sema::deadline_kind::yearly
                                          ? json(std::to_string(k.when.day) + "/" + std::to_string(k.when.month))
                                          : json(nullptr)},
                       {"every", rounds_json(k.when)}}},
         {"output", k.output}, {"after", after}, {"serves", serves}, {"note", k.note},
         {"restates", k.restates >= 0 ? json(rules.qualified_id(rules.tasks[static_cast<std::size_t>(k.restates)]))
                      : k.restates_obligation >= 0 ? json(rules.qualified_id(rules.obligations[static_cast<std::size_t>(k.restates_obligation)]))
                      : json(nullptr)},
         {"where", where(k.where, sources)}});
  }
  out["agencies"] = json::array();
  for (auto const& a : rules.agencies)
    out["agencies"].push_back({{"id", a.id}, {"title", a.title}, {"level", a.level}, {"where", where(a.where, sources)}});
  out["unit_kinds"] = json::array();
  for (auto const& u : rules.unit_kinds) {
    json fields = json::array();
    for (int f : u.fields) {
      auto const& fd = rules.fields[static_cast<std::size_t>(f)];
      fields.push_back({{"id", fd.id}, {"type", type_code(fd.type.kind)}, {"unit", display_unit(fd.type)}, {"label", fd.label}});
    }
    out["unit_kinds"].push_back({{"id", u.id}, {"title", u.title}, {"counted", u.counted}, {"fields", fields}});
  }
  return out;
}

void render_inventory_text(std::ostream& out, sema::checked_ruleset const& rules, language lang) {
  for (std::size_t d = 0; d < rules.documents.size(); ++d) {
    auto const& doc = rules.documents[d];
    out << say(lang, "VĂN BẢN {0}: {1}", {doc.id, doc.number + (doc.title.empty() ? "" : " — " + doc.title)}) << "\n";
    if (!doc.implements.empty()) {
      out << "  " << say(lang, "Thực hiện:");
      for (auto const& i : doc.implements) out << " " << i;
      out << "\n";
    }
    if (!doc.replaces.empty()) {
      out << "  " << say(lang, "Thay thế:");
      for (auto const& i : doc.replaces) out << " " << i;
      out << "\n";
    }
    if (doc.replaced_by >= 0)
      out << "  " << say(lang, "Đã được thay thế bởi {0}", {rules.documents[static_cast<std::size_t>(doc.replaced_by)].id})
          << "\n";
    out << "  " << say(lang, "Chỉ tiêu:") << "\n";
    for (auto const& t : rules.targets) {
      if (t.document != static_cast<int>(d)) continue;
      out << "    " << t.id << "  " << t.title << (t.cite.empty() ? "" : " (" + t.cite + ")");
      if (t.parent >= 0) out << " — " << say(lang, "thuộc {0}", {rules.targets[static_cast<std::size_t>(t.parent)].id});
      out << "\n      ";
      std::string sep;
      for (auto const& m : t.milestones) {
        out << sep << m.year << ": " << comparator_sign(m.comparator) << " " << format_value(display_value(m.value, t.type), t.type, rules, lang);
        if (m.comparator == sema::milestone::op::between)
          out << ' ' << say(lang, "đến") << ' ' << format_value(display_value(m.upper, t.type), t.type, rules, lang);
        sep = "; ";
      }
      out << "\n";
    }
    out << "  " << say(lang, "Nghĩa vụ:") << "\n";
    for (auto const& o : rules.obligations)
      if (o.document == static_cast<int>(d))
        out << "    " << o.id << "  " << o.title << (o.cite.empty() ? "" : " (" + o.cite + ")") << "\n";
    bool any_check = false;
    for (auto const& c : rules.data_checks)
      if (c.document == static_cast<int>(d)) {
        if (!any_check) out << "  " << say(lang, "Kiểm tra số liệu:") << "\n";
        any_check = true;
        out << "    " << c.id << "  " << c.title << (c.cite.empty() ? "" : " (" + c.cite + ")")
            << (c.level == severity::warning ? " — " + say(lang, "cảnh báo") : "") << "\n";
      }
    out << "  " << say(lang, "Nhiệm vụ:") << "\n";
    for (auto const& k : rules.tasks) {
      if (k.document != static_cast<int>(d)) continue;
      out << "    " << k.id << "  " << k.title << "\n      " << say(lang, "Thời hạn: {0}", {render_deadline(k.when, lang)});
      if (!k.lead.empty()) {
        out << "; " << say(lang, "chủ trì") << ":";
        for (int a : k.lead) out << " " << rules.agencies[static_cast<std::size_t>(a)].id;
      }
      if (!k.support.empty()) {
        out << "; " << say(lang, "phối hợp") << ":";
        for (int a : k.support) out << " " << rules.agencies[static_cast<std::size_t>(a)].id;
      }
      if (!k.after.empty()) {
        out << "; " << say(lang, "sau:");
        for (int a : k.after) out << " " << rules.tasks[static_cast<std::size_t>(a)].id;
      }
      out << "\n";
    }
  }
  out << say(lang, "CƠ QUAN ({0})", {std::to_string(rules.agencies.size())}) << "\n";
  for (auto const& a : rules.agencies) out << "    " << a.id << "  " << a.title << "\n";
}

}  // namespace chitieu::report
