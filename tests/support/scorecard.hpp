// Test helpers for the report layer: a small rule set scored against a submission, and the sentence a
// scorecard prints for one milestone or one obligation year. Report tests only.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/report/scorecard.hpp>

#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

#include "evaluated.hpp"

namespace chitieu::testing_support {

class scored {
 public:
  scored(std::string const& rules_text, std::string const& submission, std::string const& as_of)
      : run_(score_text(rules_text, submission, as_of)) {}

  sema::checked_ruleset const& rules() const { return run_.plan->rules(); }
  eval::dataset const& data() const { return *run_.data.data; }
  eval::evaluation const& result() const { return run_.result; }

  std::uint32_t unit(std::string const& id) const {
    for (std::uint32_t u = 0; u < run_.data.data->units().size(); ++u)
      if (run_.data.data->unit(u).id == id) return u;
    throw std::runtime_error("no unit " + id);
  }
  sema::target const& target(std::string const& id) const {
    for (auto const& t : rules().targets)
      if (t.id == id) return t;
    throw std::runtime_error("no target " + id);
  }
  sema::obligation const& obligation(std::string const& id) const {
    for (auto const& o : rules().obligations)
      if (o.id == id) return o;
    throw std::runtime_error("no obligation " + id);
  }

  eval::target_outcome const& target_outcome(std::string const& id, std::string const& unit_id = "") const {
    auto const& t = target(id);
    for (auto const& o : card(unit_id).targets)
      if (&rules().targets[static_cast<std::size_t>(o.target)] == &t) return o;
    throw std::runtime_error("target " + id + " not judged at this unit");
  }
  eval::milestone_outcome const& milestone(std::string const& id, int year, std::string const& unit_id = "") const {
    auto const& t = target(id);
    for (auto const& m : target_outcome(id, unit_id).milestones)
      if (t.milestones[static_cast<std::size_t>(m.milestone)].year == year) return m;
    throw std::runtime_error("no milestone " + std::to_string(year));
  }
  eval::obligation_outcome const& obligation_outcome(std::string const& id, std::string const& unit_id = "") const {
    auto const& o = obligation(id);
    for (auto const& x : card(unit_id).obligations)
      if (&rules().obligations[static_cast<std::size_t>(x.obligation)] == &o) return x;
    throw std::runtime_error("obligation " + id + " not judged at this unit");
  }

  /// The milestone's sentence, as every scorecard prints it.
  std::string line(std::string const& id, int year, std::string const& unit_id = "") const {
    return report::explain(milestone(id, year, unit_id), target(id), rules(), *run_.data.data);
  }
  /// An obligation year's sentence (its first requirement unless told).
  std::string obligation_line(std::string const& id, int year, int requirement = 0,
                              std::string const& unit_id = "") const {
    for (auto const& y : obligation_outcome(id, unit_id).years)
      if (y.year == year && y.requirement == requirement)
        return report::explain_requirement(y, obligation(id), rules(), *run_.data.data);
    throw std::runtime_error("no year " + std::to_string(year));
  }
  /// A hand-made outcome of one of this rule set's targets, said as the scorecards say it.
  std::string say(eval::milestone_outcome const& m, std::string const& id) const {
    return report::explain(m, target(id), rules(), *run_.data.data);
  }
  std::string say(eval::requirement_outcome const& y, std::string const& id) const {
    return report::explain_requirement(y, obligation(id), rules(), *run_.data.data);
  }

  report::scorecard_input input() const { return {*run_.plan, *run_.data.data, run_.result, run_.data.issues}; }
  std::string text() const {
    std::ostringstream out;
    report::render_text(out, input());
    return out.str();
  }

 private:
  evaluated run_;

  eval::unit_scorecard const& card(std::string const& unit_id) const {
    std::uint32_t u = unit_id.empty() ? 0 : unit(unit_id);
    for (auto const& c : run_.result.units)
      if (c.unit == u) return c;
    throw std::runtime_error("unit not scored");
  }
};

}  // namespace chitieu::testing_support
