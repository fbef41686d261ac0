// Submission templates for one unit kind: a blank submission, a JSON Schema, or a CSV header. The
// field list comes from graph::submission_fields; this file only writes it out.
#include <chitieu/json_text.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/graph_render.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace chitieu::report {

namespace {

using ojson = nlohmann::ordered_json;

std::string unit_of(sema::value_type const& type) {
  switch (type.kind) {
    case sema::value_kind::percent: return "%";
    case sema::value_kind::money: return "đồng";
    case sema::value_kind::rank: return "hạng";
    default: return type.unit;
  }
}

// The JSON shape docs/language.md §3 (Field) gives for each type.
ojson field_schema(sema::field const& f, sema::checked_ruleset const& rules) {
  ojson s;
  switch (f.type.kind) {
    case sema::value_kind::number:
    case sema::value_kind::percent:
    case sema::value_kind::money: s["type"] = "number"; break;
    case sema::value_kind::count:
      s["type"] = "number";
      s["minimum"] = 0;
      break;
    case sema::value_kind::rank:
      s["type"] = "integer";
      s["minimum"] = 1;
      break;
    case sema::value_kind::year: s["type"] = "integer"; break;
    case sema::value_kind::boolean: s["type"] = "boolean"; break;
    case sema::value_kind::date:
      s["type"] = "string";
      s["format"] = "date";
      break;
    case sema::value_kind::text: s["type"] = "string"; break;
    case sema::value_kind::level: {
      s["type"] = "string";
      ojson levels = ojson::array();
      if (f.type.ladder >= 0 && f.type.ladder < int(rules.ladders.size()))
        for (auto const& l : rules.ladders[std::size_t(f.type.ladder)].levels)
          levels.push_back(l.id);
      s["enum"] = std::move(levels);
      break;
    }
  }
  s["title"] = f.label;
  s["x-chitieu-type"] = type_code(f.type.kind);
  if (auto unit = unit_of(f.type); !unit.empty()) s["x-chitieu-unit"] = unit;
  return s;
}

}  // namespace

void render_template(std::ostream& out, sema::checked_ruleset const& rules, int unit_kind,
                     std::vector<int> const& fields, template_format format, int year) {
  if (unit_kind < 0 || unit_kind >= int(rules.unit_kinds.size())) return;
  auto const& kind = rules.unit_kinds[std::size_t(unit_kind)];
  switch (format) {
    case template_format::csv: {
      render_template_csv(out, rules, {template_sheet{unit_kind, fields}});
      return;
    }
    case template_format::json: {
      ojson values = ojson::object();
      for (int f : fields) values[rules.fields[std::size_t(f)].id] = nullptr;
      ojson doc;
      doc["kind"] = kind.id;
      doc["id"] = "";
      doc["name"] = "";
      doc["values"][std::to_string(year)] = std::move(values);
      out << json_text(doc) << '\n';
      return;
    }
    case template_format::schema: {
      ojson properties = ojson::object();
      for (int f : fields) {
        auto const& field = rules.fields[std::size_t(f)];
        properties[field.id] = field_schema(field, rules);
      }
      ojson year_values;
      year_values["type"] = "object";
      year_values["properties"] = std::move(properties);
      ojson doc;
      doc["$schema"] = "https://json-schema.org/draft/2020-12/schema";
      doc["title"] = "Số liệu của " + kind.title + " (" + kind.id + ")";
      doc["type"] = "object";
      doc["required"] = {"kind", "id"};
      doc["properties"]["kind"] = {{"const", kind.id}};
      doc["properties"]["id"] = {{"type", "string"}, {"minLength", 1}};
      doc["properties"]["name"] = {{"type", "string"}};
      doc["properties"]["values"] = {{"type", "object"},
                                     {"propertyNames", {{"pattern", "^[0-9]{4}$"}}},
                                     {"additionalProperties", std::move(year_values)}};
      out << json_text(doc) << '\n';
      return;
    }
  }
}

}  // namespace chitieu::report
