// Checks one rule file through the installed headers and library.
#include <chitieu/chitieu.hpp>

#include <iostream>

int main() {
  std::vector<chitieu::source_file> sources;
  sources.emplace_back("t.ct", "unit province \"Tỉnh\"\ndocument d { number \"1\" }\n"
                               "field province.x : percent \"Tỉ lệ\"\n"
                               "target T1 \"x\" { applies to province measure x >= 50% by 2030 }\n");
  auto result = chitieu::check_sources(std::move(sources));
  std::cout << (result.rules ? "package ok" : "package broken") << '\n';
  return result.rules ? 0 : 1;
}
