// A small scanner that indexes the lines of a JSON text by JSON Pointer.
#include "positions.hpp"

#include <vector>

namespace chitieu::testing::detail {

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

std::map<std::string, std::uint32_t> json_lines(std::string_view text) {
  struct frame {
    bool object = false;
    std::string pointer;
    std::string key;       // object: the member being read
    std::size_t index = 0;  // array: the element being read
    bool want_key = true;   // object: the next string is a key
    bool element_seen = false;  // array: the current element's line is recorded
  };
  std::map<std::string, std::uint32_t> lines;
  std::vector<frame> stack;
  std::uint32_t line = 1;
  auto value_pointer = [&]() -> std::string {
    if (stack.empty()) return "";
    auto const& top = stack.back();
    return top.pointer + "/" + (top.object ? pointer_token(top.key) : std::to_string(top.index));
  };
  auto element_starts = [&] {
    if (stack.empty() || stack.back().object || stack.back().element_seen) return;
    stack.back().element_seen = true;
    lines.emplace(value_pointer(), line);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\n': ++line; break;
      case ' ': case '\t': case '\r': case ':': break;
      case '{':
      case '[': {
        element_starts();
        std::string p = value_pointer();
        frame f;
        f.object = c == '{';
        f.pointer = p;
        stack.push_back(std::move(f));
        break;
      }
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        break;
      case ',':
        if (stack.empty()) break;
        if (stack.back().object) stack.back().want_key = true;
        else {
          ++stack.back().index;
          stack.back().element_seen = false;
        }
        break;
      case '"': {
        std::string s;
        std::size_t j = i + 1;
        for (; j < text.size() && text[j] != '"'; ++j) {
          if (text[j] == '\\' && j + 1 < text.size()) {
            ++j;
            char e = text[j];
            s.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          } else {
            if (text[j] == '\n') ++line;
            s.push_back(text[j]);
          }
        }
        if (!stack.empty() && stack.back().object && stack.back().want_key) {
          stack.back().key = s;
          stack.back().want_key = false;
          lines.emplace(value_pointer(), line);
        } else {
          element_starts();
        }
        i = j;
        break;
      }
      default: element_starts(); break;
    }
  }
  return lines;
}

}  // namespace chitieu::testing::detail
