// One lookup for every table: a text found in one language is given in the other.
#include <chitieu/language.hpp>

#include <string>
#include <unordered_map>

#include "words.hpp"

namespace chitieu {

namespace {

struct catalog {
  std::unordered_map<std::string_view, std::string_view> to_vi;  // English text -> Vietnamese
  std::unordered_map<std::string_view, std::string_view> to_en;  // Vietnamese text -> English
};

catalog const& the_catalog() {
  static catalog const built = [] {
    catalog c;
    for (auto const& t : {words::command_line(), words::report(), words::data(), words::diagnostics(), words::graph()}) {
      for (std::size_t i = 0; i < t.size; ++i) {
        c.to_vi.emplace(t.entries[i].en, t.entries[i].vi);
        c.to_en.emplace(t.entries[i].vi, t.entries[i].en);
      }
    }
    return c;
  }();
  return built;
}

}  // namespace

std::optional<language> parse_language(std::string_view name) {
  auto starts = [&](std::string_view p) {
    return name.substr(0, p.size()) == p && (name.size() == p.size() || name[p.size()] == '_' ||
                                             name[p.size()] == '-' || name[p.size()] == '.');
  };
  if (starts("vi")) return language::vi;
  if (starts("en")) return language::en;
  return std::nullopt;
}

char const* language_code(language lang) { return lang == language::en ? "en" : "vi"; }

std::string say(language lang, std::string_view text) {
  auto const& c = the_catalog();
  auto const& other = lang == language::en ? c.to_en : c.to_vi;
  auto it = other.find(text);
  return std::string(it == other.end() ? text : it->second);
}

std::string say(language lang, std::string_view text, std::initializer_list<std::string_view> args) {
  std::string out = say(lang, text);
  std::size_t n = 0;
  for (auto const& a : args) {
    std::string const mark = "{" + std::to_string(n++) + "}";
    // Left to right, past each replacement, so an argument containing "{1}" is not replaced again.
    for (auto at = out.find(mark); at != std::string::npos; at = out.find(mark, at + a.size()))
      out.replace(at, mark.size(), a);
  }
  return out;
}

bool has_translation(std::string_view text) {
  auto const& c = the_catalog();
  return c.to_en.count(text) > 0 || c.to_vi.count(text) > 0;
}

}  // namespace chitieu
