/// @file
/// Scorecards: the evaluation of a submission as text for a person (Vietnamese, or English on request),
/// or as stable JSON (documented in docs/scorecard.md). Renders only; every judgement was made by eval.
#pragma once
#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/report/provenance.hpp>

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <ostream>

namespace chitieu::report {

struct scorecard_input {
  eval::plan const& plan;
  eval::dataset const& data;
  eval::evaluation const& result;
  std::vector<eval::data_issue> const& issues;
  provenance const* source = nullptr;  // when known, every report says what it was computed from
  eval::document_choice const* documents = nullptr;  // when known, which documents were scored and why
  /// The unit reported (an index into data.units): 0 for the root; another (`--unit`) shows that unit
  /// with the scores it has in the whole evaluation, and the root's tasks serving it as the root's.
  std::uint32_t unit = 0;
  int depth = -1;  // text: how many levels of units below `unit` are listed; negative = all
  bool summary_only = false;  // HTML: the summary and what needs action, for the leadership's one page
  /// The language of the words the report adds. Names from the rules and the data (titles, agencies,
  /// units and their kinds, units of measure) are the plan's words and stay as written; JSON keys,
  /// codes and enum values never change.
  language lang = language::vi;
};

/// The scorecard of `unit` in `result`; nullptr when the unit was not evaluated.
CHITIEU_API eval::unit_scorecard const* card_of(eval::evaluation const& result, std::uint32_t unit);
/// Whether `task` (a task of the root) serves a target or obligation judged in `card`.
CHITIEU_API bool serves_unit(sema::task const& task, eval::unit_scorecard const& card);
/// Levels between `unit` and `ancestor` (0 when equal); negative when `ancestor` is not above it.
CHITIEU_API int depth_below(eval::dataset const& data, std::uint32_t unit, std::uint32_t ancestor);

CHITIEU_API void render_text(std::ostream& out, scorecard_input const& in);
/// The same text scorecard, judged before it is written: the units are pulled from `units` one at a
/// time; the unit reported (`in.unit`) and the root are kept whole, each unit listed below as its line,
/// so memory does not hold the evaluation. Only the units of the report are judged: the root (for its
/// tasks), then the unit reported and every unit below it (`units.report_of(in.unit)`, so `units` must
/// not have started). `in.result` must be `units.header()`. `seen`, when given, is shown each unit judged (to tally
/// verdicts). The bytes are those of the other overload on evaluate()'s result.
CHITIEU_API void render_text(std::ostream& out, scorecard_input const& in, eval::unit_evaluator& units,
                             std::function<void(eval::unit_scorecard const&)> const& seen = {});
/// The JSON scorecard (docs/scorecard.md), written unit by unit as it is produced: memory does not grow
/// with the number of units. Ends with a newline. `indented` is nlohmann's dump(2); `compact` its dump(),
/// one line (for NDJSON).
enum class json_layout { indented, compact };
CHITIEU_API void render_json(std::ostream& out, scorecard_input const& in,
                             json_layout layout = json_layout::indented);
/// The same JSON scorecard of a whole submission (`in.unit` is its root), judged as it is written: the
/// units are pulled from `units` one at a time and each is forgotten once written, so memory holds one
/// unit's scorecard, not the evaluation (docs/scale.md). `in.result` must be `units.header()`. `seen`,
/// when given, is shown each unit's scorecard after it is written (to tally verdicts). The bytes are
/// those of the other overload on evaluate()'s result.
/// `results`: each unit's verdicts as flat rows, without the evidence (docs/scorecard.md, The results
/// table); judge with `evaluate_options::evidence` off, since nothing of it is written.
enum class json_detail { scorecard, results };
CHITIEU_API void render_json(std::ostream& out, scorecard_input const& in, eval::unit_evaluator& units,
                             json_layout layout,
                             std::function<void(eval::unit_scorecard const&)> const& seen = {},
                             json_detail detail = json_detail::scorecard);
/// The same document as a tree, for programs that want one (small scorecards: it holds them whole).
CHITIEU_API nlohmann::json to_json(scorecard_input const& in);
/// One self-contained HTML page for an inspector.
CHITIEU_API void render_html(std::ostream& out, scorecard_input const& in);
/// One row per milestone, obligation year and task, for every unit: for spreadsheets.
CHITIEU_API void render_csv(std::ostream& out, scorecard_input const& in);
/// The same rows, written as the units are judged, one at a time from `units` (memory holds one unit's
/// scorecard, and the root's while a unit below it is reported); as for render_text, only the units of
/// the report are judged, and `seen` is shown each. The bytes are those of the other overload on
/// evaluate()'s result.
CHITIEU_API void render_csv(std::ostream& out, scorecard_input const& in, eval::unit_evaluator& units,
                            std::function<void(eval::unit_scorecard const&)> const& seen = {});

/// One line explaining a milestone outcome in `lang`: value (or its bounds) and year, what is
/// missing, the trajectory and pace, the gap and what it takes in units, the failing units.
CHITIEU_API std::string explain(eval::milestone_outcome const& m, sema::target const& t,
                                sema::checked_ruleset const& rules, eval::dataset const& data,
                                language lang = language::vi);
/// The same for one year of an obligation's requirement: value against the requirement, gap, due
/// day, missing values, failing units; the reason when it does not apply. Empty when nothing to add.
CHITIEU_API std::string explain_requirement(eval::requirement_outcome const& y, sema::obligation const& o,
                                            sema::checked_ruleset const& rules, eval::dataset const& data,
                                            language lang = language::vi);
/// The short form of `explain` for one line of the leadership's page: the goal, the value and the gap,
/// without the lists of missing values and failing units, the trajectory or what it takes in units.
CHITIEU_API std::string explain_brief(eval::milestone_outcome const& m, sema::target const& t,
                                      sema::checked_ruleset const& rules, eval::dataset const& data,
                                      language lang = language::vi);
/// The short form of `explain_requirement`: value against the requirement, gap, due day; no lists.
CHITIEU_API std::string explain_brief(eval::requirement_outcome const& y, sema::obligation const& o,
                                      sema::checked_ruleset const& rules, eval::dataset const& data,
                                      language lang = language::vi);
/// "56,2/100 (10/14 mục được chấm; 1 mục thiếu dữ liệu tính 0 điểm)"
CHITIEU_API std::string score_summary(eval::score const& s, eval::no_data_policy policy,
                                      language lang = language::vi);

}  // namespace chitieu::report
