// Turning a bare "expected …, found …" into the message a rule author needs: an unterminated string, a
// decimal comma, the '{' left open, a misspelt keyword. Plain text in, diagnostics out: no X3 here.
#pragma once
#include <chitieu/language.hpp>
#include <chitieu/source.hpp>

#include <string>

#include <string_view>

namespace chitieu::syntax::detail {

/// "expected X, found Y" in `lang`, where `which` is the display name of the rule that failed (or a
/// quoted token such as "'by'") and `found` is already in `lang`. Each display name has its own sentence,
/// so that each language can phrase it; a quoted token is shown as it is.
std::string expected_message(language lang, std::string_view which, std::string_view found);

/// Refines diags[index], a syntax.expected error at its span.begin, for the declaration that started at
/// `declaration` in `text`; `expected` names what the parser wanted (the failed rule's display name),
/// `found` what stood there as the message shows it. May rewrite that diagnostic and insert notes right
/// after it, in `lang`.
void refine_syntax_error(std::string_view text, std::size_t declaration, std::string_view expected,
                         std::string_view found, language lang, diagnostics& diags, std::size_t index);

/// The note for a top-level word that starts no declaration but is near a declaration keyword.
void suggest_declaration_keyword(std::string_view text, language lang, diagnostics& diags, std::size_t index);

}  // namespace chitieu::syntax::detail
