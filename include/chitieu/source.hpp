/// @file
/// Source text, positions and diagnostics: the support layer. Standard library only; everyone may include it.
#pragma once
#include <chitieu/export.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

/// Half-open byte range [begin, end) into a source_file's text.
struct source_span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// 1-based line and column; the column counts UTF-8 code points, not bytes.
struct source_location {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// A named text with its line index. Immutable once built.
class CHITIEU_API source_file {
 public:
  source_file(std::string name, std::string text);
  std::string_view name() const { return name_; }
  std::string_view text() const { return text_; }
  source_location location_of(std::uint32_t offset) const;
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

enum class severity { error, warning, note };

/// A problem found in a rule file. `file` indexes the rule set's sources (0 for a single file).
struct diagnostic {
  severity level = severity::error;
  std::string code;  // stable forever: "syntax.expected", "sema.unknown_name"
  source_span span;
  std::string message;  // one line, no trailing period
  std::uint32_t file = 0;
};
using diagnostics = std::vector<diagnostic>;

CHITIEU_API bool has_errors(diagnostics const& diags);

/// Orders diagnostics by file and offset, keeping each note right after the diagnostic it explains.
CHITIEU_API void sort_diagnostics(diagnostics& diags);

/// Number of UTF-8 code points in s (continuation bytes are not counted).
CHITIEU_API std::size_t code_points(std::string_view s);

/// Byte offset of the first invalid UTF-8 sequence, or npos when s is valid UTF-8.
CHITIEU_API std::size_t find_invalid_utf8(std::string_view s);

}  // namespace chitieu
