// Test helper: parse rule text kept alive for the test run (the AST's spans index it).
#pragma once
#include <chitieu/syntax/parse.hpp>

#include <string>
#include <vector>

namespace chitieu::testing_support {

inline syntax::parse_result parse_text(std::string text) {
  static std::vector<source_file> keep;  // the AST's spans index this text
  keep.emplace_back("t.ct", std::move(text));
  return syntax::parse(keep.back());
}

}  // namespace chitieu::testing_support
