// Registers the graph subcommands (graph, who, agency, plan, template) on the chitieu CLI.
// Included by main.cpp only.
#pragma once

namespace CLI {
class App;
}

/// Adds the subcommands to `app`; each one's callback stores its exit code (0 ok, 1 could not run,
/// 2 problems found) in `exit_code`, which must outlive `app.parse`.
void add_graph_commands(CLI::App& app, int& exit_code);
