// Clang-style rendering of diagnostics, with columns counted in code points.
#include <chitieu/report/diagnostics.hpp>

#include <algorithm>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

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
  // The line as a terminal may show it: invalid UTF-8 as '?', control characters as their pictures
  // (ESC as ␛: an echoed escape sequence must not recolour or move the terminal), and a long line as a
  // window around the caret. Each shown piece is one code point, one column, so the caret stays under it.
  std::vector<std::string> cells;  // one per code point of the line
  std::size_t caret = 0;           // the cell the span starts in
  auto start_offset = d.span.begin - static_cast<std::uint32_t>(line.data() - src.text().data());
  for (std::size_t i = 0; i < line.size();) {
    if (i <= start_offset) caret = cells.size();
    auto c = static_cast<unsigned char>(line[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    auto piece = std::string(line.substr(i, n));
    if (n > 1 && find_invalid_utf8(piece) != std::string::npos) {
      piece = "?";
      n = 1;
    } else if (c == '\t') {
      piece = "\t";  // kept, and kept in the caret line too
    } else if (c < 0x20) {
      piece = "\xE2\x90" + std::string(1, static_cast<char>(0x80 + c));  // U+2400 + c
    } else if (c == 0x7F) {
      piece = "\xE2\x90\xA1";  // ␡
    }
    cells.push_back(std::move(piece));
    i += n;
  }
  if (start_offset >= line.size()) caret = cells.size();
  constexpr std::size_t window = 160, before_caret = 60;
  std::size_t from = 0, to = cells.size();
  if (cells.size() > window) {
    from = caret > before_caret ? caret - before_caret : 0;
    to = std::min(cells.size(), from + window);
  }
  std::string shown = from > 0 ? "…" : "";
  std::string pad = from > 0 ? " " : "";
  for (std::size_t i = from; i < to; ++i) {
    shown += cells[i];
    if (i < caret) pad.push_back(cells[i] == "\t" ? '\t' : ' ');
  }
  if (to < cells.size()) shown += "…";
  width = std::min(width, std::max<std::size_t>(1, to > caret ? to - caret : 1));
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
