/// @file
/// Evaluating a plan against a submission as of a date: every unit, every applicable target,
/// obligation and (at the root) task, and the scores. `evaluate` never throws on bad data.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/outcome.hpp>
#include <chitieu/eval/plan.hpp>
#include <chitieu/export.hpp>

#include <memory>
#include <cstdint>
#include <optional>

namespace chitieu::eval {

CHITIEU_API evaluation evaluate(plan const& compiled, dataset const& data, evaluate_options const& options);
/// What a report of unit `unit` (`scorecard_input::unit`) reads: the root, for its tasks, then `unit` and
/// every unit below it, each judged as `evaluate` judges it, and no other unit. The whole evaluation when
/// `unit` is the root, or not a unit.
CHITIEU_API evaluation evaluate_report_of(plan const& compiled, dataset const& data,
                                          evaluate_options const& options, std::uint32_t unit);

namespace detail {
class judge;
}

/// The judgement of `evaluate`, one unit at a time, for a caller that writes each unit's scorecard as it
/// comes and then forgets it: memory does not grow with the number of units (a national submission,
/// docs/scale.md). `evaluate` is this, kept whole.
class CHITIEU_API unit_evaluator {
 public:
  /// `compiled`, `data` and `options` must outlive the evaluator.
  unit_evaluator(plan const& compiled, dataset const& data, evaluate_options const& options);
  ~unit_evaluator();
  unit_evaluator(unit_evaluator const&) = delete;
  unit_evaluator& operator=(unit_evaluator const&) = delete;
  /// Everything but the units: the options and the documents left out as replaced.
  evaluation const& header() const { return header_; }
  /// The next unit's scorecard, in preorder as `evaluate` lists them; nullopt after the last.
  std::optional<unit_scorecard> next();
  /// The same into `card`, whose vectors and strings are reused: a caller that forgets each unit after
  /// writing it allocates nothing per unit once the storage has grown. False after the last unit.
  bool next(unit_scorecard& card);
  /// From now on, judges only what a report of unit `u` (an index into the dataset's units) reads: the
  /// root, for its tasks, then `u` and every unit below it, in preorder; every unit when `u` is the root
  /// or not a unit. Call it before the first `next`. Each unit is judged on its own, so the units left
  /// out cost nothing. This is the one place that says which units a report reads.
  void report_of(std::uint32_t u);

 private:
  std::unique_ptr<detail::judge> judge_;
  evaluation header_;
  std::uint32_t next_ = 0;
  std::uint32_t after_root_ = 1;  // the unit judged after the root
  std::uint32_t end_;             // one past the last unit judged
};

/// Milestone met? `value` is in the measure's representation, as the rule's milestone is (a fraction
/// for a percent); an outcome's value is in display units: pass `sema::measure_value(v, target.type)`.
CHITIEU_API bool satisfies(sema::milestone const& m, double value);

}  // namespace chitieu::eval
