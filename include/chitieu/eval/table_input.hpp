/// @file
/// Submissions filled in a spreadsheet: the workbook `chitieu template --format xlsx` writes, or the CSV
/// layout of `--format csv`, read into the same dataset as JSON (docs/data.md, Workbooks). Eval layer.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/export.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chitieu::eval {

/// A submission read from a workbook or CSV, with where each value and unit was typed.
struct table_load_result : load_result {
  // JSON Pointer of each value or unit in the submission read → "Trang 'Trường', dòng 7, cột E"
  std::vector<std::pair<std::string, std::string>> cells;
};

/// The name of the sheet holding units of `unit_kind` in a template workbook: the kind's title, made a
/// legal Excel sheet name (at most 31 characters, none of []:*?/\). The reader also accepts the kind id.
CHITIEU_API std::string sheet_name_of(sema::checked_ruleset const& rules, int unit_kind);

/// Reads a filled workbook (.xlsx). Each cell is converted by its field's type and the result goes
/// through load_submission, so every check of JSON loading applies; every issue names its sheet, row
/// and column. An unreadable file gives one `data.malformed_workbook` issue and no dataset.
CHITIEU_API table_load_result load_workbook(std::string const& path, sema::checked_ruleset const& rules,
                                            dataset_limits const& limits = {});

/// The same from the workbook's bytes in memory: a caller that reads the file anyway (to digest it)
/// need not have it read a second time.
CHITIEU_API table_load_result load_workbook_bytes(std::string_view bytes, sema::checked_ruleset const& rules,
                                                  dataset_limits const& limits = {});

/// Reads the CSV layout (kind,id,name,parent,year, then one column per field; one row per unit and
/// year), with the same conversions and locations ("dòng 7, cột E").
CHITIEU_API table_load_result load_csv_text(std::string_view text, sema::checked_ruleset const& rules,
                                            dataset_limits const& limits = {});

/// Puts the cell location in front of the message of every issue whose JSON Pointer came from a cell
/// or a row (`check_data` issues too, so call it once all checks have run). Idempotent.
CHITIEU_API void locate_issues(table_load_result& loaded);

}  // namespace chitieu::eval
