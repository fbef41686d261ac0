// The run's language, chosen once before the command line is parsed.
#include "messages.hpp"

#include <cstdlib>
#include <cstring>

namespace chitieu::cli {

namespace {
language current = language::vi;
}

language language_asked(int argc, char const* const* argv) {
  std::string_view asked;
  if (char const* env = std::getenv("CHITIEU_LANG")) asked = env;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) asked = argv[i + 1];
    else if (std::strncmp(argv[i], "--lang=", 7) == 0) asked = argv[i] + 7;
  }
  return parse_language(asked).value_or(language::vi);
}

void set_language(language lang) { current = lang; }
language current_language() { return current; }

std::string tr(std::string_view english) { return say(current, english); }

std::string tr(std::string_view english, std::initializer_list<std::string_view> args) {
  return say(current, english, args);
}

}  // namespace chitieu::cli
