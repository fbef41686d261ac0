// Walking the bytes of rule text that are code: outside strings and `//` comments. Shared by the scans
// that run before or beside the parser (nesting depth, unclosed braces). Private to src/syntax.
#pragma once
#include <cstddef>
#include <string_view>

namespace chitieu::syntax::detail {

/// Calls `visit(i, c)` for each byte `c` at `i` in [from, to) that is code; stops early when it returns
/// true, and then returns that position.
template <typename Visit>
std::size_t for_each_code_char(std::string_view text, std::size_t from, std::size_t to, Visit visit) {
  bool in_string = false;
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"' || c == '\n') in_string = false;  // a string ends at its line, as the lexer says
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (visit(i, c)) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace chitieu::syntax::detail
