// Turning a bare "expected …, found …" into the message a rule author needs: an unterminated string, a
// decimal comma, the '{' left open, a misspelt keyword. Plain text in, diagnostics out: no X3 here.
#pragma once
#include <chitieu/source.hpp>

#include <string_view>

namespace chitieu::syntax::detail {

/// Refines diags[index], a syntax.expected error at its span.begin, for the declaration that started at
/// `declaration` in `text`; `expected` names what the parser wanted (the failed rule's display name).
/// May rewrite that diagnostic and insert notes right after it.
void refine_syntax_error(std::string_view text, std::size_t declaration, std::string_view expected,
                         diagnostics& diags, std::size_t index);

/// The note for a top-level word that starts no declaration but is near a declaration keyword.
void suggest_declaration_keyword(std::string_view text, diagnostics& diags, std::size_t index);

}  // namespace chitieu::syntax::detail
