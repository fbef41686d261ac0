// Test helper: check rule text, load a submission and evaluate it as of a date, keeping every product.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "rules.hpp"

namespace chitieu::testing_support {

struct evaluated {
  ruleset_result rules;
  std::optional<eval::plan> plan;
  eval::load_result data;
  eval::evaluation result;
};

/// `options.as_of` is set from `as_of`; the rest of `options` is used as given.
inline evaluated score_text(std::string const& rules_text, std::string const& json, std::string const& as_of,
                         eval::evaluate_options options = {}) {
  evaluated s;
  s.rules = check_text(rules_text);
  REQUIRE(s.rules.rules);
  s.plan.emplace(eval::compile(*s.rules.rules));
  s.data = eval::load_submission_text(json, s.plan->rules());
  REQUIRE(s.data.data);
  options.as_of = *parse_iso_date(as_of);
  s.result = eval::evaluate(*s.plan, *s.data.data, options);
  return s;
}

}  // namespace chitieu::testing_support
