// Private to src/eval: one spreadsheet cell read as a value of a field's type (cell_values.cpp).
#pragma once
#include <chitieu/sema/ruleset.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include "sheets.hpp"

namespace chitieu::eval::detail {

/// What a cell says: a JSON value for the loader, or nothing (blank, or unreadable: then `problem` is
/// set). `note` is a warning to keep beside a value that was read (a decimal comma in text).
struct cell_reading {
  std::optional<nlohmann::json> value;
  std::string problem_code, problem;  // an error: the value is left missing
  std::string note;                   // a warning (data.number_as_text)
};

/// `lang`: the language of `problem` and `note`.
cell_reading read_cell(cell const& c, sema::field const& f, sema::checked_ruleset const& rules,
                       bool date1904, language lang = language::vi);

/// The cell's text as typed, for messages: "abc", "12", "TRUE"; a number cell as `lang` writes numbers.
std::string shown(cell const& c, language lang = language::vi);

/// The cell as a code or a year: a whole number without separators ("1001", not "1.001").
std::string plain(cell const& c);

}  // namespace chitieu::eval::detail
