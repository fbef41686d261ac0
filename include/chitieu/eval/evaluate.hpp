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
  /// Goes on from unit `u` (an index into the dataset's units): the next unit judged is `u`, then those
  /// after it in preorder. Each unit is judged on its own, so a report of one unit and the units below
  /// it (`data.unit(u).subtree_end`) need judge no other.
  void skip_to(std::uint32_t u) { next_ = u; }

 private:
  std::unique_ptr<detail::judge> judge_;
  evaluation header_;
  std::uint32_t next_ = 0;
};

/// Milestone met? Shared with the test harness and reports.
CHITIEU_API bool satisfies(sema::milestone const& m, double value);

}  // namespace chitieu::eval
