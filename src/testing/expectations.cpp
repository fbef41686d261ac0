// Checking expectations for misspelt verdicts, unknown members and values of the wrong JSON type.
#include "expectations.hpp"

#include <chitieu/suggest.hpp>

#include <algorithm>

namespace chitieu::testing::detail {
namespace {

std::vector<std::string> const& verdicts() {
  static std::vector<std::string> const all{
      "met", "not_met", "achieved", "on_track", "needs_acceleration", "limited_progress", "deterioration",
      "pending", "stale", "no_data", "not_applicable", "done", "done_late", "overdue", "in_progress",
      "not_due", "ongoing", "failed", "passed"};
  return all;
}

std::optional<std::string> bad_verdict(std::string const& v) {
  auto const& all = verdicts();
  if (std::find(all.begin(), all.end(), v) != all.end()) return std::nullopt;
  std::string why = "'" + v + "' is not a verdict";
  if (auto best = nearest_name(v, all)) why += "; " + did_you_mean(*best);
  why += " (verdicts:";
  for (auto const& x : all) why += " " + x;
  return why + ")";
}

char const* type_name(nlohmann::json const& j) {
  return j.is_null() ? "null" : j.is_boolean() ? "a boolean" : j.is_number() ? "a number"
       : j.is_string() ? "a string" : j.is_array() ? "an array" : "an object";
}

}  // namespace

std::optional<std::string> malformed_expectation(nlohmann::json const& want) {
  if (want.is_string()) return bad_verdict(want.get<std::string>());
  if (want.is_number()) return std::nullopt;
  if (!want.is_object())
    return std::string("an expectation is a verdict, a number or an object, not ") + type_name(want);
  static std::vector<std::string> const numbers_or_null{"value", "threshold", "gap",   "progress",
                                                        "needed", "lower",    "upper", "pace"};
  static std::vector<std::string> const numbers{"min", "max", "tolerance"};
  static std::vector<std::string> const lists{"missing", "pointers", "who"};
  std::vector<std::string> known{"verdict", "reason"};
  for (auto const* group : {&numbers_or_null, &numbers, &lists}) known.insert(known.end(), group->begin(), group->end());
  auto in = [](std::vector<std::string> const& v, std::string const& k) {
    return std::find(v.begin(), v.end(), k) != v.end();
  };
  for (auto it = want.begin(); it != want.end(); ++it) {
    auto const& k = it.key();
    auto const& v = it.value();
    if (k == "verdict") {
      if (!v.is_string()) return std::string("\"verdict\" must be a string, not ") + type_name(v);
      if (auto why = bad_verdict(v.get<std::string>())) return why;
    } else if (k == "reason") {
      if (!v.is_string()) return std::string("\"reason\" must be a string, not ") + type_name(v);
    } else if (in(numbers_or_null, k)) {
      if (!v.is_number() && !v.is_null())
        return "\"" + k + "\" must be a number or null, not " + type_name(v);
    } else if (in(numbers, k)) {
      if (!v.is_number()) return "\"" + k + "\" must be a number, not " + type_name(v);
    } else if (in(lists, k)) {
      if (!v.is_array() || !std::all_of(v.begin(), v.end(), [](auto const& p) { return p.is_string(); }))
        return "\"" + k + "\" must be an array of " + (k == "who" ? "agency ids" : "JSON Pointer strings");
    } else {
      std::string why = "unknown member \"" + k + "\"";
      if (auto best = nearest_name(k, known)) why += "; " + did_you_mean(*best);
      return why;
    }
  }
  return std::nullopt;
}

}  // namespace chitieu::testing::detail
