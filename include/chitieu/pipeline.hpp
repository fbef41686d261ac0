/// @file
/// Loading a rule set from files: parse every file, check them together, then run the plan checks over
/// the dependency graph. The convenience entry point for the CLI and for embedding applications.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>
#include <chitieu/warnings.hpp>

#include <optional>
#include <string>
#include <vector>

namespace chitieu {

struct ruleset_result {
  std::vector<source_file> sources;  // diagnostic.file and location.file index this
  diagnostics diags;                 // syntax, sema and graph diagnostics, sorted by file and offset
  std::optional<sema::checked_ruleset> rules;  // engaged iff no errors, graph errors included
  std::vector<std::string> io_errors;          // files that could not be read
};

struct load_options {
  /// The plan checks (graph.*, docs/graph.md) are a stage of loading: a task cycle or a schedule that
  /// cannot be kept leaves no rule set to score. Off only to inspect what those checks reject.
  bool graph_checks = true;
  /// Warnings turned off or made errors for this run (`-W`); a warning made an error leaves no rule set.
  warning_policy warnings;
  /// The language of the diagnostics' messages (Vietnamese by default); codes do not change with it.
  language lang = language::vi;
};

/// Reads `.ct` files; a directory contributes every `.ct` file below it, in sorted order.
CHITIEU_API ruleset_result load_rules(std::vector<std::string> const& paths,
                                      load_options const& options = {});

/// Parses and checks sources already in memory.
CHITIEU_API ruleset_result check_sources(std::vector<source_file> sources, load_options const& options = {});

}  // namespace chitieu
