// Document headers: level, replaced plans, monitoring agencies. Private to src/sema.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "context.hpp"

namespace chitieu::sema::detail {

std::optional<document_level> document_level_named(std::string_view word);

/// Agencies by id, each once; unknown ones are reported with a suggestion.
std::vector<int> resolve_agencies(check_context& cx, std::vector<ast::name> const& names);

/// While collecting: `level` and `replaces`.
void read_document_header(check_context& cx, ast::document_item const& item, document& d);
/// Once agencies are known: `monitor`, and items that contradict the level.
void check_document_header(check_context& cx, ast::document_decl const& decl, document& d);
/// Marks each document that another of the rule set replaces (by its number); `places` are the
/// documents' declarations, in order.
void link_replacements(check_context& cx, std::vector<location> const& places);

}  // namespace chitieu::sema::detail
