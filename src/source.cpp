// Line index, code-point columns and UTF-8 validation for source files.
#include <chitieu/source.hpp>

#include <algorithm>

namespace chitieu {

source_file::source_file(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

source_location source_file::location_of(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  auto start = line_starts_[line - 1];
  auto column = static_cast<std::uint32_t>(
      code_points(std::string_view(text_).substr(start, offset - start)) + 1);
  return {line, column};
}

std::string_view source_file::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  auto b = line_starts_[line - 1];
  auto e = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
  auto view = std::string_view(text_).substr(b, e - b);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

bool has_errors(diagnostics const& diags) {
  return std::any_of(diags.begin(), diags.end(),
                     [](diagnostic const& d) { return d.level == severity::error; });
}

void sort_diagnostics(diagnostics& diags) {
  std::vector<std::pair<std::size_t, std::size_t>> groups;  // [begin, end) in diags
  for (std::size_t i = 0; i < diags.size(); ++i)
    if (diags[i].level != severity::note || groups.empty()) groups.push_back({i, i + 1});
    else groups.back().second = i + 1;
  std::stable_sort(groups.begin(), groups.end(), [&](auto const& a, auto const& b) {
    auto const& x = diags[a.first];
    auto const& y = diags[b.first];
    return x.file != y.file ? x.file < y.file : x.span.begin < y.span.begin;
  });
  diagnostics sorted;
  sorted.reserve(diags.size());
  for (auto const& [b, e] : groups)
    for (auto i = b; i < e; ++i) sorted.push_back(std::move(diags[i]));
  diags = std::move(sorted);
}

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace chitieu
