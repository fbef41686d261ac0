// The CLI's own words (help, and the messages it writes about a run) in Vietnamese, the default, or
// in English (`--lang en`, or CHITIEU_LANG=en). The code writes the English text and `tr` gives it in
// the run's language from the library's one catalog (src/words/command_line.cpp; docs/cli.md, Language).
#pragma once
#include <chitieu/language.hpp>

#include <initializer_list>
#include <string>
#include <string_view>

namespace chitieu::cli {

/// The language asked for by `--lang X` / `--lang=X` in `argv`, else by CHITIEU_LANG, else Vietnamese.
/// Read before the command line is parsed, so that `--help` is already in that language.
language language_asked(int argc, char const* const* argv);
void set_language(language lang);
language current_language();

/// `english` in the run's language.
std::string tr(std::string_view english);
/// `tr(english)` with {0}, {1}, … replaced by `args` in order.
std::string tr(std::string_view english, std::initializer_list<std::string_view> args);

}  // namespace chitieu::cli
