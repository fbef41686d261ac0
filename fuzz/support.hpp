// What the libFuzzer harnesses under fuzz/ share: the input cap, the one way a harness reports a broken
// promise (abort, which libFuzzer records as a crash with its input), and scoring a loaded submission as
// `chitieu score` does. Included by fuzz/*.cpp only.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/plan.hpp>
#include <chitieu/eval/table_input.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <simdjson.h>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::fuzz {

/// Inputs longer than this are not run (libFuzzer's -max_len is set lower by scripts/fuzz): the limits
/// of large inputs are the business of tests/limits.cmake, not of a search that wants many runs a second.
inline constexpr std::size_t max_input = 1u << 20;

/// A promise of the library that the input broke: say which, and abort so that libFuzzer keeps the input.
inline void require(bool holds, char const* promise) {
  if (holds) return;
  std::fprintf(stderr, "chitieu fuzz: broken promise: %s\n", promise);
  std::abort();
}

inline std::string text_of(std::uint8_t const* data, std::size_t size) {
  return std::string(reinterpret_cast<char const*>(data), size);
}

/// The day every submission is judged on: inside the shipped plans' periods, so that milestones,
/// deadlines and trajectories all have something to say.
inline std::int32_t as_of_day() {
  static std::int32_t const day = *parse_iso_date("2026-12-31");
  return day;
}

/// What `chitieu score` does with a submission once it is loaded: the rules' checks on its figures, the
/// documents that apply, the evaluation, and the text and JSON scorecards. The two ways of writing the
/// JSON scorecard (the evaluation whole, or unit by unit as it is judged) must give the same bytes, and
/// those bytes must be JSON.
inline void score(eval::plan const& compiled, eval::table_load_result& loaded) {
  if (!loaded.data) return;
  auto const& rules = compiled.rules();
  eval::check_data(compiled, loaded, language::vi);
  eval::locate_issues(loaded);
  auto documents = eval::choose_documents(rules, *loaded.data, {}, language::vi);
  eval::evaluate_options options;
  options.as_of = as_of_day();
  options.documents = eval::documents_to_judge(rules, documents, false, options.as_of);
  auto result = eval::evaluate(compiled, *loaded.data, options);

  report::scorecard_input card{compiled, *loaded.data, result, loaded.issues};
  card.documents = &documents;
  std::ostringstream text;
  report::render_text(text, card);

  std::ostringstream whole;
  report::render_json(whole, card, report::json_layout::compact);
  eval::unit_evaluator units(compiled, *loaded.data, options);
  report::scorecard_input streamed{compiled, *loaded.data, units.header(), loaded.issues};
  streamed.documents = &documents;
  std::ostringstream by_unit;
  report::render_json(by_unit, streamed, units, report::json_layout::compact);
  require(whole.str() == by_unit.str(), "the JSON scorecard is the same written whole or unit by unit");
  // simdjson, not nlohmann: it is not built with coverage, and validates a large scorecard many times faster.
  simdjson::dom::parser parser;
  require(!parser.parse(simdjson::padded_string(whole.str())).error(), "the JSON scorecard is JSON");
}

}  // namespace chitieu::fuzz
