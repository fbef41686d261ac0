/// @file
/// Rendering diagnostics: clang-style text with the source line and a caret, or JSON. Renders only.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/source.hpp>

#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <vector>

namespace chitieu::report {

/// `file:line:col: error: message [code]`, the source line, and `^~~~` under the span.
CHITIEU_API void render_diagnostic(std::ostream& out, std::vector<source_file> const& sources,
                                   diagnostic const& d);
CHITIEU_API void render_diagnostics(std::ostream& out, std::vector<source_file> const& sources,
                                    diagnostics const& diags);

/// {file, line, column, end_line, end_column, code, severity, message} per diagnostic.
CHITIEU_API nlohmann::json diagnostics_to_json(std::vector<source_file> const& sources,
                                               diagnostics const& diags);

CHITIEU_API char const* severity_name(severity s);

}  // namespace chitieu::report
