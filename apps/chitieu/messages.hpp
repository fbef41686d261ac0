// The CLI's own words (help, and the messages it writes about a run) in Vietnamese, the default, or
// in English (`--lang en`, or CHITIEU_LANG=en). One catalog for the whole CLI (messages.cpp): code
// writes the English text and `tr` gives it in the chosen language (docs/cli.md, Language).
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

namespace chitieu::cli {

enum class language { vi, en };

/// The language asked for by `--lang X` / `--lang=X` in `argv`, else by CHITIEU_LANG, else Vietnamese.
/// Read before the command line is parsed, so that `--help` is already in that language.
language language_asked(int argc, char const* const* argv);
void set_language(language lang);
language current_language();

/// `english` in the current language: itself for English, the catalog's entry for Vietnamese
/// (`english` unchanged when the catalog has none, which a test guards against).
std::string tr(std::string_view english);
/// `tr(english)` with {0}, {1}, … replaced by `args` in order.
std::string tr(std::string_view english, std::initializer_list<std::string> args);
/// Whether the catalog has a Vietnamese entry for `english`.
bool has_translation(std::string_view english);

}  // namespace chitieu::cli
