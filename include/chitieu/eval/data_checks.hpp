/// @file
/// Checks on the submitted figures themselves, judged after loading and before scoring: the rules'
/// declared `check`s ("trong đó" not above its total, a ratio not above 1) and a heuristic for percents
/// typed as fractions. Problems are data issues; the dataset is never changed.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/plan.hpp>
#include <chitieu/export.hpp>

#include <cstdint>
#include <vector>

namespace chitieu::eval {

/// How one requirement of a declared check came out at one unit in one year. Unknown (a value
/// missing, a division by zero) is never a violation.
enum class check_state { holds, fails, unknown, not_applicable };

/// Requirement `requirement` of `rules().data_checks[check]` at unit `unit` in `year`.
/// `not_applicable` when the check does not apply to the unit's kind or the unit sent no values that year.
CHITIEU_API check_state judge_check(plan const& compiled, dataset const& data, int check,
                                    std::size_t requirement, std::uint32_t unit, int year);

/// Every declared check at every unit of a kind it applies to, in every year that unit has values
/// (`data.check_failed`), then percents that look like fractions (`data.percent_as_fraction`).
/// Issues come unit by unit, in the order of the submission; their messages are in `lang`.
CHITIEU_API std::vector<data_issue> check_data(plan const& compiled, dataset const& data,
                                               language lang = language::vi);

/// check_data on a loaded submission: the issues are appended to `loaded.issues` and to the
/// dataset's own list, so every view shows them. Nothing happens when nothing was loaded.
CHITIEU_API void check_data(plan const& compiled, load_result& loaded, language lang = language::vi);

}  // namespace chitieu::eval
