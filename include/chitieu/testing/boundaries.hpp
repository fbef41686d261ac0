/// @file
/// Boundary tests (docs/testing.md, "Boundary tests"): for each milestone of a target that measures one
/// field, and each obligation requirement that compares a field or a share of two amounts with a number,
/// cases just below, at and just above the threshold, with the verdicts the comparator implies. The cases
/// where "trên" (>) and "ít nhất" (>=) differ are the ones at the threshold.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/sema/ruleset.hpp>

#include <string>
#include <vector>

namespace chitieu::testing {

struct boundary_result {
  std::string test_file;              // the test file's JSON text (docs/testing.md format); "rules" as given
  int cases = 0;                      // the cases in it
  int thresholds = 0;                 // milestones and obligation requirements covered
  std::vector<std::string> skipped;   // "bn_ctr04.T26: the measure is not one field"
};

/// `rules` are written into the test file's "rules" as they are (paths relative to where it will live).
CHITIEU_API boundary_result generate_boundaries(sema::checked_ruleset const& checked,
                                                std::vector<std::string> const& rules);

}  // namespace chitieu::testing
