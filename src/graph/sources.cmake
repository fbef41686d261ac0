# The graph layer, and the report files that render its results (DOT, JSON, text, templates).
# Listed from the repository root; the top-level CMakeLists adds them to `chitieu`.
set(CHITIEU_GRAPH_SOURCES
  ${PROJECT_SOURCE_DIR}/src/graph/build.cpp
  ${PROJECT_SOURCE_DIR}/src/graph/check.cpp
  ${PROJECT_SOURCE_DIR}/src/graph/cycles.cpp
  ${PROJECT_SOURCE_DIR}/src/graph/order.cpp
  ${PROJECT_SOURCE_DIR}/src/graph/queries.cpp
  ${PROJECT_SOURCE_DIR}/src/report/graph_dot.cpp
  ${PROJECT_SOURCE_DIR}/src/report/graph_template.cpp
  ${PROJECT_SOURCE_DIR}/src/report/template_xlsx.cpp
  ${PROJECT_SOURCE_DIR}/src/graph/template_kinds.cpp
  ${PROJECT_SOURCE_DIR}/src/report/graph_text.cpp
  ${PROJECT_SOURCE_DIR}/src/report/graph_answers_json.cpp
  ${PROJECT_SOURCE_DIR}/src/report/graph_failures.cpp
  ${PROJECT_SOURCE_DIR}/src/report/deadline_text.cpp
)
