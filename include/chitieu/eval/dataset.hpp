/// @file
/// A submission flattened for evaluation: units in preorder, values in rows of numbers by slot. No
/// evaluation ever walks JSON; problems in the data are recorded, never thrown.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <nlohmann/json_fwd.hpp>
#include <optional>
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

namespace detail {
class dataset_builder;
}

/// Units of one kind in one subtree, as a range of unit indices in preorder (a view into the dataset).
struct unit_range {
  std::uint32_t const* first = nullptr;  ///< the first unit index
  std::uint32_t const* last = nullptr;   ///< one past the last

  /// The first unit index.
  std::uint32_t const* begin() const { return first; }
  /// One past the last.
  std::uint32_t const* end() const { return last; }
  /// How many units.
  std::size_t size() const { return static_cast<std::size_t>(last - first); }
  /// Whether there is none.
  bool empty() const { return first == last; }
};

/// A submission as evaluation reads it: its units in preorder, and one row of values per unit and year.
///
/// A dataset is read-only. Only the loaders make one (load_submission, load_submission_text,
/// load_workbook, load_csv_text), and each is indexed when it is handed over, so that every lookup
/// below is direct (docs/design.md, "The dataset is read-only, built by the loader").
class CHITIEU_API dataset {
 public:
  /// The units in preorder; units()[0] is the root.
  std::vector<unit_record> const& units() const { return units_; }
  /// Unit `u` (an index into units()).
  unit_record const& unit(std::uint32_t u) const { return units_[u]; }
  /// How many unit kinds the rules declare: the kinds units_of_kind() answers for.
  std::size_t kind_count() const { return units_by_kind_.size(); }
  /// The units of `kind` (an index into the rules' unit kinds), sorted.
  std::vector<std::uint32_t> const& units_of_kind(int kind) const {
    return units_by_kind_[static_cast<std::size_t>(kind)];
  }
  /// The units of `kind` among `u` and its descendants, as a range of units_of_kind(kind); no search.
  unit_range units_of_kind_in(std::uint32_t u, int kind) const {
    auto const& list = units_by_kind_[static_cast<std::size_t>(kind)];
    auto const& before = kind_before_[static_cast<std::size_t>(kind)];
    if (before.empty()) return {list.data(), list.data()};  // no unit of this kind
    return {list.data() + before[u], list.data() + before[units_[u].subtree_end]};
  }

  /// The year of every row: unit `u`'s rows are `unit(u).first_row` to `first_row + row_count`.
  std::vector<int> const& row_years() const { return row_year_; }
  /// Where each row's values start in values(); a row holds one value per field of its unit's kind.
  std::vector<std::uint32_t> const& row_offsets() const { return row_offset_; }
  /// Every value of every row, by slot; NaN is missing (see is_not_applicable).
  std::vector<double> const& values() const { return values_; }
  /// Every year that some row is for, sorted.
  std::vector<int> const& years() const { return years_; }

  /// The task reports of the root unit.
  std::vector<task_report> const& tasks() const { return tasks_; }
  /// The root's "documents": the ids of the documents that apply to it (docs/data.md); empty when it
  /// declares none and the applicable documents follow from its province.
  std::vector<std::string> const& documents() const { return documents_; }
  /// The problems found in the submission: the loader's, then those of check_data.
  std::vector<data_issue> const& issues() const { return issues_; }
  /// Units of the submission that could not be read (each with its issue).
  std::size_t rejected_units() const { return rejected_units_; }
  /// Units below a rejected unit, which are not read either: units in the submission = units().size() +
  /// rejected_units() + dropped_units().
  std::size_t dropped_units() const { return dropped_units_; }
  /// Where each value was (or was to be) typed, when the submission came from a workbook or CSV: the
  /// JSON Pointer of a value → its cell, "Trường!D7" ("'Xã, phường'!D7" when the sheet's name needs
  /// quotes; "D7" in CSV). Blank cells are in it too, so a missing value names the cell to fill in.
  /// Empty for JSON.
  std::unordered_map<std::string, std::string> const& cells() const { return cells_; }

  /// The cell of the value at `pointer`, or "" when it did not come from a table.
  std::string const& cell_of(std::string const& pointer) const {
    static std::string const none;
    auto it = cells_.find(pointer);
    return it == cells_.end() ? none : it->second;
  }

  /// A missing value.
  static constexpr double missing = std::numeric_limits<double>::quiet_NaN();
  /// A value the unit declared does not apply to it ("n/a"): a NaN with its own payload, so that the
  /// rows stay plain doubles and the fast path treats it as unknown, while the exact path tells it apart.
  static double not_applicable() {
    double v;
    std::memcpy(&v, &not_applicable_bits, sizeof v);
    return v;
  }
  /// Whether `v` is the value not_applicable() gives.
  static bool is_not_applicable(double v) {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return bits == not_applicable_bits;
  }

  /// Whether unit `u` existed in `year` (`first_year`, `last_year`).
  bool alive(std::uint32_t u, int year) const {
    return alive_from_.empty() || (year >= alive_from_[u] && year <= alive_until_[u]);
  }

  /// The value of slot `slot` of unit `u` in `year`, or NaN.
  double value(std::uint32_t u, int year, int slot) const {
    std::uint32_t at = row_start(u, year);
    return at == no_row ? missing : values_[at + static_cast<std::uint32_t>(slot)];
  }

  /// Whether unit `u` sent a row of values for `year` (an empty object counts).
  bool has_row(std::uint32_t u, int year) const { return row_start(u, year) != no_row; }

  /// Whether unit `u` or one above it declares that it lists every unit of `kind` below it.
  bool lists_completely(std::uint32_t u, int kind) const;

  /// "Phường Kinh Bắc (bn-001)", or "Xã, phường bn-001" when the unit has no name of its own.
  std::string describe_unit(std::uint32_t u, sema::checked_ruleset const& rules) const;

 private:
  friend class detail::dataset_builder;
  dataset() = default;

  static constexpr std::uint64_t not_applicable_bits = 0x7ff8'0000'0000'0a7aULL;
  static constexpr std::uint32_t no_row = std::numeric_limits<std::uint32_t>::max();

  /// Where unit `u`'s row for `year` starts in values_, or no_row.
  std::uint32_t row_start(std::uint32_t u, int year) const {
    // A year before the first wraps around to a huge position, so one comparison refuses both ends.
    auto y = static_cast<std::size_t>(static_cast<std::int64_t>(year) - first_year_);
    if (y >= year_position_.size() || year_position_[y] < 0) return no_row;
    return row_start_[u * years_.size() + static_cast<std::size_t>(year_position_[y])];
  }

  /// Builds the lookup tables below from the members above; the builder calls it once, last.
  void index();

  std::vector<unit_record> units_;                         // preorder; units_[0] is the root
  std::vector<std::vector<std::uint32_t>> units_by_kind_;  // sorted unit indices per kind
  std::vector<int> row_year_;                              // per (unit, year) row
  std::vector<std::uint32_t> row_offset_;                  // start of the row's values
  std::vector<double> values_;                             // NaN = missing
  std::vector<int> years_;                                 // every year that appears, sorted
  std::vector<task_report> tasks_;                         // reports of the root unit
  std::vector<std::string> documents_;
  std::vector<data_issue> issues_;
  std::size_t rejected_units_ = 0, dropped_units_ = 0;
  std::unordered_map<std::string, std::string> cells_;

  // The index, built by index() so that a value or a subtree is found without a search: evaluation
  // reads them millions of times over a national batch.
  int first_year_ = 0;                    // years_.front(), or 0 when there are no rows
  std::vector<int> year_position_;        // year - first_year_ → position in years_, or -1
  std::vector<std::uint32_t> row_start_;  // unit × years_.size() + position → start in values_, or no_row
  std::vector<std::vector<std::uint32_t>> kind_before_;  // [kind][u]: units of kind before u; size units + 1
  // Lifetimes by unit, kept apart from the unit records so that a province-wide aggregate does not walk
  // them; empty when no unit declares one, which is the common case.
  std::vector<std::int32_t> alive_from_, alive_until_;
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
/// The same, taking the text over: it is freed once parsed, before the dataset is built, so that a
/// national submission's text and its dataset are not held at once (docs/scale.md). `text` is left empty.
CHITIEU_API load_result load_submission_text(std::string&& text, sema::checked_ruleset const& rules,
                                             dataset_limits const& limits = {});

}  // namespace chitieu::eval
