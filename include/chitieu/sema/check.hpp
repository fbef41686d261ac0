/// @file
/// Checking parsed rule files together: resolve names, type expressions, validate milestones, deadlines
/// and references. Problems are returned as diagnostics; the product is a checked_ruleset.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>
#include <chitieu/syntax/ast.hpp>

#include <optional>
#include <string>
#include <vector>

namespace chitieu::sema {

struct check_result {
  std::optional<checked_ruleset> rules;  // engaged iff no error diagnostics
  diagnostics diags;
};

struct check_options {
  language lang = language::vi;  // of the messages; codes do not change with it
};

/// `files[i]` was parsed from the source named `names[i]`; diagnostics carry `file = i`.
CHITIEU_API check_result check(std::vector<syntax::ast::rule_file> const& files,
                               std::vector<std::string> const& names, check_options const& options = {});

}  // namespace chitieu::sema
