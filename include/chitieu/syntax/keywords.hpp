/// @file
/// The keywords of the rule language, in one list, grouped by role. The grammar spells each of them as a
/// keyword (a test keeps the grammar and this list equal); the formatter and the editor grammars under
/// editors/ read them from here.
#pragma once
#include <string_view>

namespace chitieu::syntax {

enum class keyword_role {
  declaration,  // starts a declaration at the top level: document, target, …
  item,         // starts or continues an item: cite, applies to, measure, deadline by, …
  type,         // a field's type
  function,     // an aggregate or function, followed by `(`
  operator_word,  // and, or, not, where
  constant,     // true, false, due
};

struct keyword {
  std::string_view word;
  keyword_role role;
  bool starts_item = false;  // in a target, obligation, task or check block, begins an item on its own line
};

inline constexpr keyword keywords[] = {
    {"document", keyword_role::declaration},
    {"agency", keyword_role::declaration},
    {"unit", keyword_role::declaration},
    {"ladder", keyword_role::declaration},
    {"field", keyword_role::declaration},
    {"indicator", keyword_role::declaration},
    {"target", keyword_role::declaration},
    {"obligation", keyword_role::declaration},
    {"task", keyword_role::declaration},
    {"check", keyword_role::declaration},

    // document items
    {"number", keyword_role::type},  // also a document item
    {"kind", keyword_role::item},
    {"issuer", keyword_role::item},
    {"province", keyword_role::item},
    {"title", keyword_role::item},
    {"date", keyword_role::type},  // also a document item
    {"signer", keyword_role::item},
    {"implements", keyword_role::item, true},
    {"replaces", keyword_role::item},  // replaces "…": an earlier plan this one replaces
    {"monitor", keyword_role::item, true},  // monitor X: the agency that follows a target up
    // agency, unit, field
    {"level", keyword_role::type},  // also `agency … level`
    {"counted", keyword_role::item},
    {"of", keyword_role::item},
    // block items
    {"cite", keyword_role::item, true},
    {"applies", keyword_role::item, true},
    {"to", keyword_role::item},
    {"measure", keyword_role::item, true},
    {"baseline", keyword_role::item, true},
    {"in", keyword_role::item},
    {"parent", keyword_role::item, true},
    {"weight", keyword_role::item, true},
    {"group", keyword_role::item, true},
    {"note", keyword_role::item, true},
    {"allow", keyword_role::item, true},     // allow CODE "reason": a warning the author accepts
    {"restates", keyword_role::item, true},  // restates T12: the same commitment as another row
    {"every", keyword_role::item, true},
    {"year", keyword_role::type},  // also `every year`
    {"from", keyword_role::item},
    {"until", keyword_role::item},
    {"require", keyword_role::item, true},
    {"severity", keyword_role::item, true},
    {"error", keyword_role::item},
    {"warning", keyword_role::item},
    {"lead", keyword_role::item, true},
    {"support", keyword_role::item, true},
    {"deadline", keyword_role::item, true},
    {"output", keyword_role::item, true},
    {"after", keyword_role::item, true},
    {"serves", keyword_role::item, true},
    // deadlines and milestones
    {"ongoing", keyword_role::item},
    {"by", keyword_role::item},
    {"during", keyword_role::item},
    {"between", keyword_role::item, true},
    {"approx", keyword_role::item, true},
    {"within", keyword_role::item},  // also `within 30 days of issue`
    // recurring and relative deadlines: `every month by 5`, `every 5 years by 31/12`
    {"month", keyword_role::item},
    {"quarter", keyword_role::item},
    {"years", keyword_role::item},  // also the obligation item `every 5 years`
    {"days", keyword_role::item},
    {"issue", keyword_role::item},  // the document's date
    // types
    {"count", keyword_role::function},  // also a type
    {"percent", keyword_role::type},
    {"money", keyword_role::type},
    {"bool", keyword_role::type},
    {"rank", keyword_role::type},
    {"text", keyword_role::type},
    // expressions
    {"sum", keyword_role::function},
    {"avg", keyword_role::function},
    {"min", keyword_role::function},
    {"max", keyword_role::function},
    {"share", keyword_role::function},
    {"all", keyword_role::function},
    {"any", keyword_role::function},
    {"growth", keyword_role::function},
    {"cumulative", keyword_role::function},
    {"prev", keyword_role::function},
    {"has", keyword_role::function},
    {"and", keyword_role::operator_word},
    {"or", keyword_role::operator_word},
    {"not", keyword_role::operator_word},
    {"where", keyword_role::operator_word},
    {"per", keyword_role::operator_word},  // `a / b per 10000`
    {"true", keyword_role::constant},
    {"false", keyword_role::constant},
    {"due", keyword_role::constant},  // also the obligation item `due 25/11`
};

/// The keyword spelled `word`, or nullptr.
constexpr keyword const* find_keyword(std::string_view word) {
  for (auto const& k : keywords)
    if (k.word == word) return &k;
  return nullptr;
}

}  // namespace chitieu::syntax
