/// @file
/// Formatting of numbers, values and verdicts for scorecards, in Vietnamese (the default) or English.
/// Renders only.
#pragma once
#include <chitieu/eval/outcome.hpp>
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <cstdint>
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace chitieu::report {

/// 1234567.5 -> "1.234.567,5" (Vietnamese separators) or "1,234,567.5" (English), with at most
/// `decimals` decimals.
CHITIEU_API std::string format_number(double x, int decimals = 2, language lang = language::vi);
/// A value in a measure's terms, given in display units (sema::display_value; 94.5 for 94.5%): "94,5%",
/// "0,8 phòng/trường", "120 trường", "9.800 tỷ đồng", a level title.
/// The measure's unit and the levels' titles are the plan's words and stay as written in any language.
CHITIEU_API std::string format_value(double v, sema::value_type const& type,
                                     sema::checked_ruleset const& rules, language lang = language::vi);
/// A gap, in display units: "1,3 điểm phần trăm", "3 trường", "1 mức" ("1.3 percentage points", "3
/// trường", "1 level").
CHITIEU_API std::string format_gap(double gap, sema::value_type const& type,
                                   sema::checked_ruleset const& rules, language lang = language::vi);
/// `said` (a text from `say` holding a count written as `number`) with its noun agreeing with the count:
/// English, unlike Vietnamese, has a singular, so for "1" the plural "s" of the noun after the number
/// goes ("1 value", "1 more unit", "1 missing value"). Unchanged in Vietnamese.
CHITIEU_API std::string agree(language lang, std::string const& number, std::string said);
/// How many data issues a report for people lists before it says how many more there are (the JSON
/// scorecard lists them all): a national submission can carry hundreds of thousands.
constexpr std::size_t issues_listed = 200;
/// "… và 37 vấn đề khác (tất cả có trong --format json)", or "" when `more` is 0.
CHITIEU_API std::string more_issues(language lang, std::size_t more);
/// The conversions between the measure's representation and display units (sema/ruleset.hpp).
using sema::compared_type;
using sema::display_value;
using sema::measure_value;
/// "%", "phòng/trường", "đồng", ""
CHITIEU_API std::string display_unit(sema::value_type const& type);
/// The unit a data issue is about, as a person names it ("Phường Kinh Bắc (bn-kinhbac)"): an issue keeps
/// "kind id" (stable, for programs); reports show the unit's name and Vietnamese kind, or the issue's own
/// text when the unit is not in the dataset (it could not be read). Built once per report.
class CHITIEU_API issue_units {
 public:
  issue_units(eval::dataset const& data, sema::checked_ruleset const& rules);
  std::string name(eval::data_issue const& issue) const;

 private:
  eval::dataset const& data_;
  sema::checked_ruleset const& rules_;
  std::unordered_map<std::string_view, std::uint32_t> by_id_;
};

CHITIEU_API std::string verdict_label(eval::verdict v,
                                      language lang = language::vi);  // "Đạt", "Không đạt", …
CHITIEU_API std::string verdict_label(eval::task_verdict v,
                                      language lang = language::vi);  // "Hoàn thành", "Quá hạn", …
CHITIEU_API std::string comparator_sign(sema::milestone::op op,
                                        language lang = language::vi);  // "≥", "khoảng", …
/// The names used in JSON: ">=", "between", "approx"; "percent", "bool", "level".
CHITIEU_API char const* comparator_code(sema::milestone::op op);
CHITIEU_API char const* type_code(sema::value_kind kind);

}  // namespace chitieu::report
