// Private to src/eval: what the loader (loader.hpp) asks of a JSON reader, and the path it keeps.
//
// An access type `Json` provides: `node` (a value handle); `kind(node)` → json_kind; `text(node)` →
// string_view; `boolean(node)`; `number(node)` → double; `integer(node)` → long long;
// `for_each_element(node, f)` with f(index, node) in order; `for_each_member(node, f)` with
// f(key, value) → bool in any order, stopping when f says false and telling whether it went through (a
// key written twice comes twice, unless `keeps_duplicates_apart()`); `object(node, pointer_fn)` → a
// view whose iteration yields members {key, value} sorted by key with one member per key (the last one
// written, as nlohmann keeps), whose `find(key)` gives std::optional<node>, and whose `duplicates()`
// lists the keys written twice.
#pragma once
#include <chitieu/language.hpp>

#include <algorithm>
#include <charconv>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::eval::detail {

enum class json_kind { null, boolean, string, integer, unsigned_integer, floating, array, object };

inline bool is_number(json_kind k) {
  return k == json_kind::integer || k == json_kind::unsigned_integer || k == json_kind::floating;
}

inline std::string json_kind_name(json_kind k, language lang) {
  switch (k) {
    case json_kind::null: return "null";
    case json_kind::boolean: return "true/false";
    case json_kind::string: return say(lang, "chuỗi");
    case json_kind::array: return say(lang, "mảng");
    case json_kind::object: return say(lang, "đối tượng");
    default: return say(lang, "số");
  }
}

inline void append_pointer_token(std::string& out, std::string_view s) {
  out.push_back('/');
  if (std::none_of(s.begin(), s.end(), [](char c) { return c == '~' || c == '/'; })) {  // find_first_of: a memchr per byte
    out.append(s);
    return;
  }
  for (char c : s) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
}

/// Where the walk is: keys and indices from the root, turned into a JSON Pointer only when an issue
/// or a unit record needs one, so that reading a value costs no string.
class json_path {
 public:
  void push(std::string_view key) { steps_.push_back({key, 0, false}); }
  void push(std::size_t index) { steps_.push_back({{}, index, true}); }
  void pop() { steps_.pop_back(); }
  std::string pointer() const {
    std::string out;
    for (auto const& s : steps_) {
      if (s.is_index) {
        char digits[24];
        auto end = std::to_chars(digits, digits + sizeof digits, s.index).ptr;
        out.push_back('/');
        out.append(digits, end);
      } else {
        append_pointer_token(out, s.key);
      }
    }
    return out;
  }

 private:
  struct step {
    std::string_view key;
    std::size_t index;
    bool is_index;
  };
  std::vector<step> steps_;
};

}  // namespace chitieu::eval::detail
