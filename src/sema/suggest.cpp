// Candidate names for "did you mean" notes, and the suggested value of a percent written as a number.
#include "suggest.hpp"

#include <cmath>
#include <cstdio>

namespace chitieu::sema::detail {
namespace {

template <typename Map>
std::vector<std::string> keys(Map const& map) {
  std::vector<std::string> out;
  for (auto const& [k, v] : map) out.push_back(k);
  return out;
}

std::string shortest(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

void suggest(check_context& cx, std::string_view wrong, std::vector<std::string> const& candidates) {
  if (cx.diags.empty()) return;
  auto best = nearest_name(wrong, candidates);
  if (!best) return;
  auto const& d = cx.diags.back();
  cx.diags.push_back({severity::note, d.code, d.span, say(cx.lang, "did you mean '{0}'?", {*best}), d.file});
}

std::vector<std::string> unit_kind_names(check_context const& cx) { return keys(cx.unit_by_id); }
std::vector<std::string> ladder_names(check_context const& cx) { return keys(cx.ladder_by_id); }
std::vector<std::string> agency_names(check_context const& cx) { return keys(cx.agency_by_id); }
std::vector<std::string> document_names(check_context const& cx) { return keys(cx.document_by_id); }

std::vector<std::string> level_names(check_context const& cx, int ladder) {
  std::vector<std::string> out;
  if (ladder < 0 || static_cast<std::size_t>(ladder) >= cx.rules.ladders.size()) return out;
  for (auto const& lv : cx.rules.ladders[static_cast<std::size_t>(ladder)].levels) out.push_back(lv.id);
  return out;
}

std::vector<std::string> names_in_document(std::map<std::pair<int, std::string>, int> const& map,
                                           int document) {
  std::vector<std::string> out;
  for (auto const& [key, index] : map)
    if (key.first == document) out.push_back(key.second);
  return out;
}

std::vector<std::string> expression_names(check_context const& cx, int unit_kind, int document) {
  auto out = names_in_document(cx.field_by_key, unit_kind);
  auto indicators = names_in_document(cx.indicator_by_key, document);
  out.insert(out.end(), indicators.begin(), indicators.end());
  return out;
}

void suggest_expression_name(check_context& cx, std::string const& name, int unit_kind, int document) {
  auto const before = cx.diags.size();
  suggest(cx, name, expression_names(cx, unit_kind, document));
  if (cx.diags.size() != before || cx.diags.empty()) return;
  std::vector<std::string> kinds;
  int field = -1;
  for (auto const& [key, index] : cx.field_by_key)
    if (key.second == name && key.first != unit_kind) {
      kinds.push_back(cx.rules.unit_kinds[static_cast<std::size_t>(key.first)].id);
      if (field < 0) field = index;
    }
  if (kinds.empty()) return;
  std::string where = kinds.front();
  for (std::size_t i = 1; i < kinds.size(); ++i)
    where = i + 1 == kinds.size() ? say(cx.lang, "{0} and {1}", {where, kinds[i]}) : where + ", " + kinds[i];
  auto const& f = cx.rules.fields[static_cast<std::size_t>(field)];
  std::string aggregate = f.type.kind == value_kind::boolean ? "share" : "sum";
  auto const& d = cx.diags.back();
  cx.diags.push_back({severity::note, d.code, d.span,
                      say(cx.lang, "'{0}' is a field of {1}: aggregate it, as in {2}",
                          {name, where, aggregate + "(" + kinds.front() + ", " + name + ")"}),
                      d.file});
}

std::string percent_literal_message(language lang, bool compared, std::optional<double> value) {
  std::string out = compared ? say(lang, "compare a percent with a percent") : say(lang, "this target measures a percent");
  if (!value || !std::isfinite(*value)) return say(lang, "{0}: write the value with '%'", {out});
  // The numbers stay as the rule file writes them (a dot for decimals), in every language.
  if (*value > 0 && *value <= 1)
    return say(lang, "{0}: write {1}%, not the fraction {2}", {out, shortest(*value * 100), shortest(*value)});
  return say(lang, "{0}: write {1}%", {out, shortest(*value)});
}

}  // namespace chitieu::sema::detail
