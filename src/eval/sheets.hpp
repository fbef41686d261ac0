// Private to src/eval: a spreadsheet as typed cells, read from an .xlsx file (xlsx_read.cpp) or CSV
// text (csv_read.cpp), before any field type is applied (table_input.cpp).
#pragma once
#include <chitieu/language.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::eval::detail {

struct cell {
  enum class type { empty, number, text, boolean, error } kind = type::empty;
  double number = 0;  // number (a date is a serial number), boolean (0 or 1)
  std::string text;   // text, error ("#DIV/0!")
};

struct sheet {
  std::string name;
  std::vector<std::vector<cell>> rows;  // [row][column], 0-based; short rows are padded with nothing
};

struct workbook {
  std::vector<sheet> sheets;  // in workbook order
  bool date1904 = false;      // serial dates count from 1904-01-01 (old Mac workbooks)
};

/// Reads every worksheet of an .xlsx file; on failure, nullopt and `error` says why, in `lang`.
std::optional<workbook> read_xlsx(std::string const& path, std::string& error, language lang = language::vi);
/// The same from the file's bytes, already in memory (the CLI holds them to digest them).
std::optional<workbook> read_xlsx_bytes(std::string_view bytes, std::string& error, language lang = language::vi);

/// Splits RFC 4180 CSV (quoted fields, "" escapes, CRLF or LF, a leading UTF-8 BOM, and `;` as the
/// separator when the header has no comma, as Excel in a Vietnamese locale writes it). Every field is text.
sheet read_csv(std::string_view text);

/// "A", "Z", "AA": the spreadsheet's name for 0-based column `col`.
std::string column_letters(std::size_t col);

}  // namespace chitieu::eval::detail
