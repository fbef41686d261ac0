// The catalog behind `say`: pairs of the same text in Vietnamese and English, one table per layer so
// that each layer's words sit beside each other (command_line.cpp, report.cpp, data.cpp, diagnostics.cpp, graph.cpp).
#pragma once
#include <cstddef>
#include <string_view>

namespace chitieu::words {

struct entry {
  std::string_view vi;
  std::string_view en;
};

struct table {
  entry const* entries;
  std::size_t size;
};

template <std::size_t N>
constexpr table table_of(entry const (&entries)[N]) {
  return {entries, N};
}

table command_line();
table report();
table data();
table diagnostics();
table graph();

}  // namespace chitieu::words
