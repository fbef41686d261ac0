// Splits CSV text into a sheet of text cells (sheets.hpp); types are applied later, as for a workbook.
#include "sheets.hpp"

namespace chitieu::eval::detail {

sheet read_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // Excel in a Vietnamese locale separates with ';' (its list separator), so take ';' when the header
  // line has one and no comma.
  auto header = text.substr(0, text.find('\n'));
  char sep = header.find(';') != std::string_view::npos && header.find(',') == std::string_view::npos ? ';' : ',';
  sheet out;
  std::vector<cell> row;
  std::string field;
  bool quoted = false, any = false;
  auto end_field = [&] {
    cell c;
    if (!field.empty()) {
      c.kind = cell::type::text;
      c.text = field;
    }
    row.push_back(std::move(c));
    field.clear();
  };
  auto end_row = [&] {
    end_field();
    out.rows.push_back(std::move(row));
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    any = true;
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == sep) {
      end_field();
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      any = false;
    } else {
      field += ch;
    }
  }
  if (any) end_row();
  return out;
}

}  // namespace chitieu::eval::detail
