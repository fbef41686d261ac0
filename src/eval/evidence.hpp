// Gathering the evidence behind a verdict while the exact path evaluates: the missing values it met,
// and the members of the measure's own aggregate that fail. Private to src/eval.
#pragma once
#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "interpreter.hpp"

namespace chitieu::eval::detail {

class evidence : public listener {
 public:
  evidence(interpreter const& run, std::size_t cap) : run_(run), cap_(cap) {}

  /// Sure members of the aggregate at `node` for which `fails` holds are recorded as failing.
  void watch(int node, std::function<bool(range const& value)> fails) {
    watched_ = node;
    fails_ = std::move(fails);
  }

  void missing(std::uint32_t unit, int year, int field) override {
    // A value can be reached twice (in a filter and a value, or by two milestones); name it once.
    auto p = run_.pointer_of(unit, year, field);
    if (!seen_.insert(p).second) return;
    ++missing_total;
    if (missing_pointers.size() < cap_) missing_pointers.push_back(std::move(p));
  }
  void division_by_zero() override { divided_by_zero = true; }
  void member(int node, std::uint32_t unit, range const& filter, range const& value) override {
    // Only a unit sure to be in the population can be named as failing: one whose filter is blank is not.
    if (node != watched_ || !fails_ || filter.lo != 1 || !fails_(value)) return;
    ++failing_total;
    if (failing_units.size() < cap_) failing_units.push_back(unit);
  }

  std::vector<std::string> missing_pointers;
  std::size_t missing_total = 0;
  bool divided_by_zero = false;
  std::vector<std::uint32_t> failing_units;
  std::size_t failing_total = 0;

 private:
  interpreter const& run_;
  std::size_t cap_;
  int watched_ = -1;
  std::function<bool(range const&)> fails_;
  std::unordered_set<std::string> seen_;
};

}  // namespace chitieu::eval::detail
