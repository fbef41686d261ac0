/// @file
/// The language of everything chitieu writes for people: reports, data issues, diagnostics and the
/// command line. Vietnamese is the default; English on request. Programs read codes and JSON fields,
/// which do not change with the language.
#pragma once
#include <chitieu/export.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace chitieu {

enum class language { vi, en };

/// "vi" or "en", also as a locale ("en_US.UTF-8"); nullopt for any other.
CHITIEU_API std::optional<language> parse_language(std::string_view name);
/// "vi" or "en".
CHITIEU_API char const* language_code(language lang);

/// `text` in `lang`. Code writes each text once, in the language of its layer (Vietnamese in reports
/// and data issues, English in diagnostics and the command line); one catalog (src/words/) holds the
/// other language. A text with no entry comes back unchanged (a test keeps the catalog complete).
CHITIEU_API std::string say(language lang, std::string_view text);
/// `say(lang, text)` with every {0}, {1}, … replaced by `args` in order.
CHITIEU_API std::string say(language lang, std::string_view text,
                            std::initializer_list<std::string_view> args);
/// Whether the catalog has `text`, in either language.
CHITIEU_API bool has_translation(std::string_view text);

}  // namespace chitieu
