/// @file
/// A submission flattened for evaluation: units in preorder, values in rows of numbers by slot. No
/// evaluation ever walks JSON; problems in the data are recorded, never thrown.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <unordered_map>
#include <vector>

namespace chitieu::eval {

/// A problem with the submitted data: which unit, where (JSON Pointer), and what.
struct data_issue {
  severity level = severity::error;
  std::string code;     // "data.wrong_type", "data.unknown_kind", …
  std::string unit;     // "commune bn-001", empty when the unit itself is unreadable
  std::string pointer;  // "/children/0/values/2026/dat_chuan"
  std::string message;
  std::string check;    // the declared check behind a `data.check_failed` ("bn_ctr04.C1"), else empty
};

enum class task_status { not_started, in_progress, done };

struct task_report {
  int task = -1;
  task_status status = task_status::not_started;
  std::optional<std::int32_t> completed;  // day number
  double progress = std::numeric_limits<double>::quiet_NaN();  // 0–100 as reported
  std::string note;
};

struct unit_record {
  std::string id, name;
  int kind = -1;
  int parent = -1;
  std::uint32_t subtree_end = 0;  // units [this, subtree_end) are this one and its descendants
  std::uint32_t first_row = 0, row_count = 0;
  std::string pointer;  // JSON Pointer of the unit object ("" for the root)
  int first_year = 0, last_year = 0;  // the years the unit existed; 0: open at that end
  std::vector<int> complete;          // unit kinds it declares it lists completely below it

  /// Whether the unit existed in `year`: units founded later or closed earlier are left out.
  bool alive_in(int year) const {
    return (first_year == 0 || year >= first_year) && (last_year == 0 || year <= last_year);
  }
};

/// The loader's options: its limits, and the language of the issues' messages (codes and pointers
/// stay the same in every language).
struct dataset_limits {
  unsigned max_depth = 32;
  std::size_t max_units = 2'000'000;
  /// The largest submission read, in bytes: checked before parsing, so that a huge file is refused
  /// rather than exhausting memory (a national submission is a few hundred MB; `--max-data-mb`).
  std::size_t max_bytes = std::size_t(1) << 30;
  language lang = language::vi;
};

class CHITIEU_API dataset {
 public:
  std::vector<unit_record> units;           // preorder; units[0] is the root
  std::vector<std::vector<std::uint32_t>> units_by_kind;  // sorted unit indices per kind
  std::vector<int> row_year;                // per (unit, year) row
  std::vector<std::uint32_t> row_offset;    // start of the row's values
  std::vector<double> values;               // NaN = missing
  std::vector<int> years;                   // every year that appears, sorted
  std::vector<task_report> tasks;           // reports of the root unit
  /// The root's "documents": the ids of the documents that apply to it (docs/data.md); empty when it
  /// declares none and the applicable documents follow from its province.
  std::vector<std::string> documents;
  std::vector<data_issue> issues;
  /// Units of the submission that could not be read (each with its issue), and the units below them,
  /// which are not read either: units in the submission = units.size() + rejected + dropped.
  std::size_t rejected_units = 0, dropped_units = 0;
  /// Where each value was (or was to be) typed, when the submission came from a workbook or CSV: the
  /// JSON Pointer of a value → its cell, "Trường!D7" ("'Xã, phường'!D7" when the sheet's name needs
  /// quotes; "D7" in CSV). Blank cells are in it too, so a missing value names the cell to fill in.
  /// Empty for JSON.
  std::unordered_map<std::string, std::string> cells;

  /// The cell of the value at `pointer`, or "" when it did not come from a table.
  std::string const& cell_of(std::string const& pointer) const {
    static std::string const none;
    auto it = cells.find(pointer);
    return it == cells.end() ? none : it->second;
  }

  static constexpr double missing = std::numeric_limits<double>::quiet_NaN();
  /// A value the unit declared does not apply to it ("n/a"): a NaN with its own payload, so that the
  /// rows stay plain doubles and the fast path treats it as unknown, while the exact path tells it apart.
  static double not_applicable() {
    double v;
    std::memcpy(&v, &not_applicable_bits, sizeof v);
    return v;
  }
  static bool is_not_applicable(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits == not_applicable_bits;
  }
  static constexpr std::uint64_t not_applicable_bits = 0x7ff8'0000'0000'0a7aULL;
  static constexpr std::uint32_t no_row = std::numeric_limits<std::uint32_t>::max();

  // Built by index() from the members above, so that a value or a subtree is found without a
  // search: evaluation reads them millions of times over a national batch. Empty until indexed,
  // and then the lookups below fall back to searching.
  std::vector<int> year_position;          // year - years.front() → position in years, or -1
  std::vector<std::uint32_t> row_start;    // unit × years.size() + position → start in values, or no_row
  std::vector<std::vector<std::uint32_t>> kind_before;  // [kind][u]: units of kind before u; size units + 1
  // Lifetimes by unit, kept apart from the unit records so that a province-wide aggregate does not walk
  // them; empty when no unit declares one, which is the common case.
  std::vector<std::int32_t> alive_from, alive_until;
  bool indexed = false;

  /// Rebuilds the lookup tables; the loader calls it, and so must code that edits a dataset.
  void index();

  /// Whether unit `u` existed in `year` (`first_year`, `last_year`).
  bool alive(std::uint32_t u, int year) const {
    if (!indexed) return units[u].alive_in(year);
    return alive_from.empty() || (year >= alive_from[u] && year <= alive_until[u]);
  }

  /// The value of slot `slot` of unit `u` in `year`, or NaN.
  double value(std::uint32_t u, int year, int slot) const {
    if (!row_start.empty()) {
      auto y = static_cast<std::size_t>(static_cast<std::int64_t>(year) - years.front());
      if (y >= year_position.size() || year_position[y] < 0) return missing;
      std::uint32_t at = row_start[u * years.size() + static_cast<std::size_t>(year_position[y])];
      return at == no_row ? missing : values[at + static_cast<std::uint32_t>(slot)];
    }
    auto const& rec = units[u];
    for (std::uint32_t r = rec.first_row; r < rec.first_row + rec.row_count; ++r)
      if (row_year[r] == year) return values[row_offset[r] + static_cast<std::uint32_t>(slot)];
    return missing;
  }

  /// Whether unit `u` sent a row of values for `year` (an empty object counts).
  bool has_row(std::uint32_t u, int year) const {
    auto const& rec = units[u];
    for (std::uint32_t r = rec.first_row; r < rec.first_row + rec.row_count; ++r)
      if (row_year[r] == year) return true;
    return false;
  }

  /// Whether unit `u` or one above it declares that it lists every unit of `kind` below it.
  bool lists_completely(std::uint32_t u, int kind) const;

  /// "Phường Kinh Bắc (bn-001)", or "Xã, phường bn-001" when the unit has no name of its own.
  std::string describe_unit(std::uint32_t u, sema::checked_ruleset const& rules) const;
};

struct load_result {
  std::optional<dataset> data;  // empty when the JSON could not be read at all
  std::vector<data_issue> issues;
};

/// Reads a submission. Every problem is an issue with a JSON Pointer; bad values count as missing.
CHITIEU_API load_result load_submission(nlohmann::json const& submission, sema::checked_ruleset const& rules,
                                        dataset_limits const& limits = {});
/// The load result of a submission of `bytes` bytes, past `limits.max_bytes`: one `data.too_large` issue
/// and no dataset. load_submission_text gives it itself; a reader can give it before reading a file.
CHITIEU_API load_result too_large(std::size_t bytes, dataset_limits const& limits);
/// Parses text first; malformed JSON gives one `data.malformed_json` issue and no dataset; text longer
/// than `limits.max_bytes` gives `data.too_large`, unparsed.
CHITIEU_API load_result load_submission_text(std::string const& text, sema::checked_ruleset const& rules,
                                             dataset_limits const& limits = {});

}  // namespace chitieu::eval
