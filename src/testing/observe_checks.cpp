// Resolving an expectation on a declared data check (`C1`, `C1@2026`): "failed" when the data checks
// reported it at the unit, else what judging it finds. Shared by the runner and `scenario`.
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/testing.hpp>
#include <nlohmann/json.hpp>

namespace chitieu::testing {

std::optional<observation> observe_check(eval::plan const& plan, eval::dataset const& data,
                                         std::vector<eval::data_issue> const& issues, std::uint32_t unit,
                                         std::string const& key, std::string const& document) {
  auto const& rules = plan.rules();
  auto at = key.find('@');
  std::string id = key.substr(0, at);
  std::string qualified = id.find('.') == std::string::npos && !document.empty() ? document + "." + id : id;
  int check = -1;
  for (std::size_t c = 0; c < rules.data_checks.size(); ++c) {
    auto const& dc = rules.data_checks[c];
    if (rules.qualified_id(dc) == qualified || (qualified == id && dc.id == id)) {
      if (check >= 0) return std::nullopt;  // ambiguous without a document: not a check key
      check = static_cast<int>(c);
    }
  }
  if (check < 0) return std::nullopt;

  observation out;
  std::vector<int> years;
  if (at != std::string::npos) {
    try {
      std::size_t used = 0;
      years.push_back(std::stoi(key.substr(at + 1), &used));
      if (used != key.size() - at - 1) throw std::invalid_argument("trailing");
    } catch (std::exception const&) {
      out.error = "a check key is ID or ID@YEAR";
      return out;
    }
  } else {
    auto const& rec = data.unit(unit);
    for (std::uint32_t r = rec.first_row; r < rec.first_row + rec.row_count; ++r)
      years.push_back(data.row_years()[r]);
  }

  auto const& rule = rules.data_checks[static_cast<std::size_t>(check)];
  auto const& rec = data.unit(unit);
  std::string label = rules.unit_kinds[static_cast<std::size_t>(rec.kind)].id + " " + rec.id;
  bool reported = false, fails = false, holds = false, unknown = false;
  for (int year : years) {
    std::string under = rec.pointer + "/values/" + std::to_string(year);
    for (auto const& is : issues)
      if (is.code == "data.check_failed" && is.check == qualified && is.unit == label &&
          is.pointer.compare(0, under.size(), under) == 0 &&
          (is.pointer.size() == under.size() || is.pointer[under.size()] == '/')) {
        reported = true;
        out.pointers.push_back(is.pointer);
      }
    for (std::size_t r = 0; r < rule.requirements.size(); ++r) {
      auto state = eval::judge_check(plan, data, check, r, unit, year);
      fails = fails || state == eval::check_state::fails;
      holds = holds || state == eval::check_state::holds;
      unknown = unknown || state == eval::check_state::unknown;
    }
  }
  out.verdict = reported || fails ? "failed" : holds ? "passed" : unknown ? "no_data" : "not_applicable";
  return out;
}

}  // namespace chitieu::testing
