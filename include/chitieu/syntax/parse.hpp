/// @file
/// Parsing a rule file into its syntax tree. Errors come back as diagnostics, never as exceptions.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/source.hpp>
#include <chitieu/syntax/ast.hpp>

#include <optional>

namespace chitieu::syntax {

struct parse_result {
  std::optional<ast::rule_file> ast;  // engaged iff no error diagnostics
  diagnostics diags;
};

/// Limits that keep hostile input from exhausting the stack or memory.
struct parse_options {
  std::size_t max_bytes = 16u << 20;  // 16 MiB per rule file
  unsigned max_nesting = 64;          // parentheses and aggregates inside one expression
  language lang = language::vi;       // of the messages; codes do not change with it
};

/// Parses every declaration it can: after an error it resumes at the next line that starts a
/// declaration, so one run reports several errors. `file` is stored in each diagnostic.
CHITIEU_API parse_result parse(source_file const& src, parse_options const& options = {},
                               std::uint32_t file = 0);

}  // namespace chitieu::syntax
