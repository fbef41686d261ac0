// "Did you mean …?" notes for unknown names, one helper for every site of the checker. Private to src/sema.
#pragma once
#include <chitieu/suggest.hpp>

#include "context.hpp"

namespace chitieu::sema::detail {

/// Attaches `did you mean 'x'?` as a note to the diagnostic just reported (same span, same code) when
/// one of `candidates` is near `wrong`.
void suggest(check_context& cx, std::string_view wrong, std::vector<std::string> const& candidates);

/// Candidate lists.
std::vector<std::string> unit_kind_names(check_context const& cx);
std::vector<std::string> ladder_names(check_context const& cx);
std::vector<std::string> agency_names(check_context const& cx);
std::vector<std::string> document_names(check_context const& cx);
std::vector<std::string> level_names(check_context const& cx, int ladder);
/// Ids of one document in a map keyed by (document, id): its targets, tasks, indicators, …
std::vector<std::string> names_in_document(std::map<std::pair<int, std::string>, int> const& map, int document);
/// What a bare name in an expression may be: a field of the unit kind, an indicator of the document.
std::vector<std::string> expression_names(check_context const& cx, int unit_kind, int document);

/// For an unknown bare name in an expression at `unit_kind`: the nearest field or indicator, or, when the
/// name is a field of other unit kinds, how to aggregate it (`share(school, dat_chuan)`).
void suggest_expression_name(check_context& cx, std::string const& name, int unit_kind, int document);

/// The message of sema.percent_literal for a plain number `value` where a percent is measured: says
/// which percent to write (`0.8` as a share is `80%`). `compared`: in a comparison, else a target's value.
std::string percent_literal_message(language lang, bool compared, std::optional<double> value);

}  // namespace chitieu::sema::detail
