// Lookups on a checked rule set and the English names of types used in diagnostics.
#include <chitieu/sema/ruleset.hpp>

namespace chitieu::sema {
namespace {
template <typename Items>
int find_by_id(Items const& items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == id) return static_cast<int>(i);
  return -1;
}

template <typename Items>
int find_qualified(checked_ruleset const& rules, Items const& items, std::string_view qualified) {
  auto dot = qualified.find('.');
  if (dot != std::string_view::npos) {
    auto found = rules.find_document(qualified.substr(0, dot));
    if (!found) return -1;
    int doc = found->index();
    auto id = qualified.substr(dot + 1);
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i].document == doc && items[i].id == id) return static_cast<int>(i);
    return -1;
  }
  int found = -1;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].id == qualified) {
      if (found >= 0) return -1;  // ambiguous without its document
      found = static_cast<int>(i);
    }
  return found;
}
}  // namespace

namespace {
template <typename Handle>
std::optional<Handle> handle_of(int index) {
  if (index < 0) return std::nullopt;
  return Handle(index);
}
}  // namespace

std::optional<unit_kind_id> checked_ruleset::find_unit_kind(std::string_view id) const {
  return handle_of<unit_kind_id>(find_by_id(unit_kinds, id));
}
std::optional<document_id> checked_ruleset::find_document(std::string_view id) const {
  return handle_of<document_id>(find_by_id(documents, id));
}
std::optional<agency_id> checked_ruleset::find_agency(std::string_view id) const {
  return handle_of<agency_id>(find_by_id(agencies, id));
}
std::optional<target_id> checked_ruleset::find_target(std::string_view q) const {
  return handle_of<target_id>(find_qualified(*this, targets, q));
}
std::optional<obligation_id> checked_ruleset::find_obligation(std::string_view q) const {
  return handle_of<obligation_id>(find_qualified(*this, obligations, q));
}
std::optional<task_id> checked_ruleset::find_task(std::string_view q) const {
  return handle_of<task_id>(find_qualified(*this, tasks, q));
}
std::optional<field_id> checked_ruleset::find_field(unit_kind_id kind, std::string_view id) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].unit_kind == kind.index() && fields[i].id == id) return field_id(static_cast<int>(i));
  return std::nullopt;
}

std::string describe(value_type const& t, checked_ruleset const& rules) {
  std::string unit = t.unit.empty() ? "" : " (" + t.unit + ")";
  switch (t.kind) {
    case value_kind::number:
      return t.literal ? "a number" : t.ratio ? "a ratio" : t.unit.empty() ? "number" : "number" + unit;
    case value_kind::count: return "count" + unit;
    case value_kind::percent: return "percent";
    case value_kind::money: return "money";
    case value_kind::rank: return "rank";
    case value_kind::year: return "year";
    case value_kind::date: return "date";
    case value_kind::boolean: return "yes/no";
    case value_kind::level:
      return t.ladder >= 0 ? "level of " + rules.ladders[static_cast<std::size_t>(t.ladder)].id : "level";
    case value_kind::text: return "text";
  }
  return "?";
}

bool shown_as_percent(value_type const& type) {
  return type.kind == value_kind::percent || (type.kind == value_kind::number && type.ratio);
}

double display_value(double v, value_type const& type) { return shown_as_percent(type) ? v * 100 : v; }

double measure_value(double v, value_type const& type) { return shown_as_percent(type) ? v / 100 : v; }

value_type const* compared_type(obligation const& o, int requirement, checked_ruleset const& rules) {
  auto const& root = rules.nodes[static_cast<std::size_t>(o.requirements[static_cast<std::size_t>(requirement)].roots.front())];
  bool comparison = root.lhs >= 0 && root.op >= node_op::eq && root.op <= node_op::ge;
  return comparison ? &rules.nodes[static_cast<std::size_t>(root.lhs)].type : nullptr;
}

}  // namespace chitieu::sema
