// Clang-style rendering of diagnostics, with columns counted in code points.
#include <chitieu/report/diagnostics.hpp>

#include <algorithm>
#include <string>

namespace chitieu::report {

char const* severity_name(severity s) {
  switch (s) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
  }
  return "error";
}

void render_diagnostic(std::ostream& out, std::vector<source_file> const& sources, diagnostic const& d) {
  if (d.file >= sources.size()) {
    out << "error: " << d.message << " [" << d.code << "]\n";
    return;
  }
  auto const& src = sources[d.file];
  auto loc = src.location_of(d.span.begin);
  out << src.name() << ':' << loc.line << ':' << loc.column << ": " << severity_name(d.level) << ": "
      << d.message << " [" << d.code << "]\n";
  auto line = src.line_text(loc.line);
  // Underline only up to the end of the first line of the span.
  auto line_end = static_cast<std::uint32_t>(line.data() + line.size() - src.text().data());
  auto end = std::min(d.span.end, line_end);
  std::size_t width =
      end > d.span.begin ? code_points(src.text().substr(d.span.begin, end - d.span.begin)) : 1;
  auto number = std::to_string(loc.line);
  // Tabs in the line keep their width in the caret line, so the caret stays under the text.
  std::string pad;
  auto before = line.substr(0, d.span.begin - (line.data() - src.text().data()));
  for (std::size_t i = 0; i < before.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(before[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad.push_back(c == '\t' ? '\t' : ' ');
  }
  std::string shown(line);
  // Show invalid UTF-8 as '?' so the terminal gets text; the caret math counts lead bytes alike.
  for (auto bad = find_invalid_utf8(shown); bad != std::string::npos; bad = find_invalid_utf8(shown))
    shown[bad] = '?';
  out << ' ' << number << " | " << shown << '\n'
      << std::string(number.size() + 1, ' ') << " | " << pad << '^'
      << std::string(width > 0 ? width - 1 : 0, '~') << '\n';
}

void render_diagnostics(std::ostream& out, std::vector<source_file> const& sources,
                        diagnostics const& diags) {
  for (auto const& d : diags) render_diagnostic(out, sources, d);
}

nlohmann::json diagnostics_to_json(std::vector<source_file> const& sources, diagnostics const& diags) {
  auto out = nlohmann::json::array();
  for (auto const& d : diags) {
    nlohmann::json j;
    if (d.file < sources.size()) {
      auto const& src = sources[d.file];
      auto b = src.location_of(d.span.begin);
      auto e = src.location_of(std::max(d.span.begin, d.span.end));
      j["file"] = std::string(src.name());
      j["line"] = b.line;
      j["column"] = b.column;
      j["end_line"] = e.line;
      j["end_column"] = e.column;
    }
    j["code"] = d.code;
    j["severity"] = severity_name(d.level);
    j["message"] = d.message;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace chitieu::report
