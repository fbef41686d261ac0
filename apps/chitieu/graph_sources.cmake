# The graph subcommands (graph, who, agency, plan, template). Prefixed with the project root because
# apps/chitieu/CMakeLists.txt resolves relative paths against its own directory.
set(CHITIEU_GRAPH_APP_SOURCES
  ${PROJECT_SOURCE_DIR}/apps/chitieu/graph_commands.cpp
)
