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

#include "rules.hpp"

namespace chitieu::testing_support {

class scored {
 public:
  scored(std::string const& rules_text, std::string const& submission, std::string const& as_of) {
    auto checked = check_text(rules_text);
    if (!checked.rules) throw std::runtime_error("rules do not check: " + checked.diags.front().message);
    plan_.emplace(eval::compile(*checked.rules));
    auto loaded = eval::load_submission_text(submission, plan_->rules());
    if (!loaded.data) throw std::runtime_error("submission does not load");
    data_ = std::move(*loaded.data);
    issues_ = std::move(loaded.issues);
    eval::evaluate_options o;
    o.as_of = *parse_iso_date(as_of);
    result_ = eval::evaluate(*plan_, *data_, o);
  }

  sema::checked_ruleset const& rules() const { return plan_->rules(); }
  eval::dataset const& data() const { return *data_; }
  eval::evaluation const& result() const { return result_; }

  std::uint32_t unit(std::string const& id) const {
    for (std::uint32_t u = 0; u < data_->units.size(); ++u)
      if (data_->units[u].id == id) return u;
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
    return report::explain(milestone(id, year, unit_id), target(id), rules(), *data_);
  }
  /// An obligation year's sentence (its first requirement unless told).
  std::string obligation_line(std::string const& id, int year, int requirement = 0,
                              std::string const& unit_id = "") const {
    for (auto const& y : obligation_outcome(id, unit_id).years)
      if (y.year == year && y.requirement == requirement)
        return report::explain_requirement(y, obligation(id), rules(), *data_);
    throw std::runtime_error("no year " + std::to_string(year));
  }
  /// A hand-made outcome of one of this rule set's targets, said as the scorecards say it.
  std::string say(eval::milestone_outcome const& m, std::string const& id) const {
    return report::explain(m, target(id), rules(), *data_);
  }
  std::string say(eval::requirement_outcome const& y, std::string const& id) const {
    return report::explain_requirement(y, obligation(id), rules(), *data_);
  }

  report::scorecard_input input() const { return {*plan_, *data_, result_, issues_}; }
  std::string text() const {
    std::ostringstream out;
    report::render_text(out, input());
    return out.str();
  }

 private:
  std::optional<eval::plan> plan_;
  std::optional<eval::dataset> data_;
  std::vector<eval::data_issue> issues_;
  eval::evaluation result_;

  eval::unit_scorecard const& card(std::string const& unit_id) const {
    std::uint32_t u = unit_id.empty() ? 0 : unit(unit_id);
    for (auto const& c : result_.units)
      if (c.unit == u) return c;
    throw std::runtime_error("unit not scored");
  }
};

}  // namespace chitieu::testing_support
