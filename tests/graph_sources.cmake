# The graph layer's tests, relative to tests/; golden DOT files live in golden/graph/.
set(CHITIEU_GRAPH_TEST_SOURCES
  graph_test.cpp
  graph_queries_test.cpp
  graph_language_test.cpp
)
