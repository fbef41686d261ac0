// editors/: the TextMate grammar and the Vim syntax file highlight every keyword of the language
// (include/chitieu/syntax/keywords.hpp), and they are well-formed enough to install.
#include <chitieu/syntax/keywords.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

#include "support/rules.hpp"

namespace fs = std::filesystem;
using namespace chitieu;
using chitieu::testing_support::slurp;

namespace {

fs::path editors() { return fs::path(CHITIEU_SOURCE_DIR) / "editors"; }

/// The words of `\b(a|b|c)\b` alternations in the `match` patterns of a TextMate grammar, where the
/// pattern (or the capture of that group) gives them a scope.
std::set<std::string> textmate_keywords(nlohmann::json const& grammar) {
  std::set<std::string> words;
  std::regex group(R"(\\b\(((?:[A-Za-z_]+\|)*[A-Za-z_]+)\)\\b)");
  std::function<void(nlohmann::json const&)> walk = [&](nlohmann::json const& v) {
    if (v.is_object()) {
      if (v.contains("match") && (v.contains("name") || v.contains("captures"))) {
        auto match = v["match"].get<std::string>();
        for (std::sregex_iterator it(match.begin(), match.end(), group), end; it != end; ++it) {
          std::string list = (*it)[1].str();
          std::stringstream in(list);
          for (std::string w; std::getline(in, w, '|');) words.insert(w);
        }
      }
      for (auto const& [k, x] : v.items()) walk(x);
    } else if (v.is_array()) {
      for (auto const& x : v) walk(x);
    }
  };
  walk(grammar);
  return words;
}

/// The words of `syn keyword GROUP word…` lines, and the groups linked to a highlight.
std::set<std::string> vim_keywords(std::string const& text, std::set<std::string>& unlinked) {
  std::set<std::string> words, groups, linked;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream l(line);
    std::string a, b, group;
    l >> a >> b >> group;
    if (a == "syn" && b == "keyword") {
      groups.insert(group);
      for (std::string w; l >> w;)
        if (w.find('=') == std::string::npos && w != "contained") words.insert(w);
    }
    if (a == "hi" && b == "def") {
      std::string link, from;
      l.clear();
      std::istringstream again(line);
      again >> a >> b >> link >> from;
      linked.insert(from);
    }
  }
  for (auto const& g : groups)
    if (!linked.count(g)) unlinked.insert(g);
  return words;
}

}  // namespace

TEST_CASE("editors: the TextMate grammar highlights every keyword") {
  auto grammar = nlohmann::json::parse(slurp((editors() / "textmate" / "chitieu.tmLanguage.json").string()));
  CHECK(grammar["scopeName"] == "source.chitieu");
  CHECK(grammar["fileTypes"] == nlohmann::json::array({"ct"}));
  auto words = textmate_keywords(grammar);
  for (auto const& k : syntax::keywords) {
    INFO("keyword: " << k.word);
    CHECK(words.count(std::string(k.word)) == 1);
  }
  // Every pattern compiles (ECMAScript is close enough to Oniguruma for these).
  std::function<void(nlohmann::json const&)> compile = [&](nlohmann::json const& v) {
    if (v.is_object()) {
      for (auto key : {"match", "begin", "end"})
        if (v.contains(key)) {
          auto pattern = v[key].get<std::string>();
          if (pattern.find("(?<") != std::string::npos) continue;  // lookbehind: Oniguruma only
          INFO("pattern: " << pattern);
          CHECK_NOTHROW(std::regex{pattern});
        }
      for (auto const& [k, x] : v.items()) compile(x);
    } else if (v.is_array()) {
      for (auto const& x : v) compile(x);
    }
  };
  compile(grammar["repository"]);
}

TEST_CASE("editors: the VS Code extension folder names the grammar and the file type") {
  auto package = nlohmann::json::parse(slurp((editors() / "textmate" / "package.json").string()));
  auto const& grammar = package["contributes"]["grammars"].at(0);
  CHECK(grammar["scopeName"] == "source.chitieu");
  CHECK(fs::exists(editors() / "textmate" / grammar["path"].get<std::string>()));
  CHECK(package["contributes"]["languages"].at(0)["extensions"] == nlohmann::json::array({".ct"}));
  CHECK_NOTHROW(nlohmann::json::parse(slurp((editors() / "textmate" / "language-configuration.json").string())));
}

TEST_CASE("editors: the Vim syntax file highlights every keyword") {
  std::set<std::string> unlinked;
  auto words = vim_keywords(slurp((editors() / "vim" / "syntax" / "chitieu.vim").string()), unlinked);
  for (auto const& k : syntax::keywords) {
    INFO("keyword: " << k.word);
    CHECK(words.count(std::string(k.word)) == 1);
  }
  CHECK(unlinked.empty());
  CHECK(slurp((editors() / "vim" / "ftdetect" / "chitieu.vim").string()).find("*.ct setfiletype chitieu") !=
        std::string::npos);
}
