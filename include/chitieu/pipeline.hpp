// Loading a rule set from files: parse every file, then check them together. The convenience entry
// point for the CLI and for embedding applications.
#pragma once
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>

#include <optional>
#include <string>
#include <vector>

namespace chitieu {

struct ruleset_result {
  std::vector<source_file> sources;  // diagnostic.file and location.file index this
  diagnostics diags;                 // sorted by file and offset
  std::optional<sema::checked_ruleset> rules;  // engaged iff no errors
  std::vector<std::string> io_errors;          // files that could not be read
};

/// Reads `.ct` files; a directory contributes every `.ct` file below it, in sorted order.
ruleset_result load_rules(std::vector<std::string> const& paths);

/// Parses and checks sources already in memory.
ruleset_result check_sources(std::vector<source_file> sources);

}  // namespace chitieu
