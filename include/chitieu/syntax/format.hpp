/// @file
/// The canonical layout of rule files (docs/language.md, "Layout"), used by `chitieu fmt`.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/source.hpp>

#include <optional>
#include <string>

namespace chitieu::syntax {

struct format_result {
  std::optional<std::string> text;  // the file in canonical layout; empty iff diags has an error
  diagnostics diags;
};

/// Lays a rule file out canonically. Works on tokens (the lexical rules of docs/language.md §1), not on
/// the syntax tree, so it needs no grammar: it changes only whitespace, keeps every comment, and
/// leaves the tokens (hence the meaning) as they were. format(format(x)) == format(x).
/// Errors: text that is not UTF-8 (syntax.invalid_utf8), an unterminated string (fmt.unterminated_string),
/// braces or parentheses that do not match (fmt.unbalanced). `file` is stored in each diagnostic; the
/// messages are in `lang`.
CHITIEU_API format_result format(source_file const& src, std::uint32_t file = 0,
                                 language lang = language::vi);

}  // namespace chitieu::syntax
