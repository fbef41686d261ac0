// Test helper: parse rule text kept alive for the test run (the AST's spans index it).
#pragma once
#include <chitieu/syntax/parse.hpp>

#include <string>
#include <vector>

namespace chitieu::testing_support {

/// Messages in English unless asked otherwise, as check_text (support/rules.hpp).
inline syntax::parse_result parse_text(std::string text, language lang = language::en) {
  static std::vector<source_file> keep;  // the AST's spans index this text
  keep.emplace_back("t.ct", std::move(text));
  syntax::parse_options options;
  options.lang = lang;
  return syntax::parse(keep.back(), options);
}

}  // namespace chitieu::testing_support
