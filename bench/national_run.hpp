// One scale of the national benchmark, from generation to the written scorecard; the figures come
// back for the summary that compares the scales. For bench_national.cpp only.
#pragma once
#include <chitieu/eval/plan.hpp>
#include <chitieu/source.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "measure.hpp"

namespace chitieu::bench {

struct run_options {
  /// One by default: the three scales once each take about 2½ minutes of CPU, the bound the default
  /// run is kept under (about three minutes on two cores shared with builds).
  int reps = 1;
  std::uint64_t seed = 1;
  std::int32_t as_of = 0;  // day number
  std::string as_of_text;  // as given, for the report
  std::string write_dir;   // non-empty: save the batch's submissions there
  /// Also the bare nlohmann parse and the fast path against the exact path at every (unit, rule,
  /// year): as costly as a load and an evaluation, and the same at every scale, so run on one.
  bool extras = false;
  /// > 0: load, evaluate this many times with evidence off, and stop; for a profiler.
  int profile_evaluate = 0;
};

/// Seconds of CPU, summed over the provinces of one repetition.
struct phase_seconds {
  double load = 0, parse_tree = 0, parse_simd = 0, checks = 0, quiet = 0, expression = 0, full = 0, write = 0,
         freeing = 0;
  /// What `chitieu score --format json --document …` (every plan) does with a submission: load, check,
  /// evaluate with evidence, write the scorecard, free.
  double end_to_end() const { return load + checks + write + freeing; }  // write judges as it writes
};

struct scale_figures {
  int scale = 1;
  std::size_t provinces = 0, units = 0, values = 0, bytes = 0;
  std::size_t rule_evals = 0;  // unit × applicable target or obligation
  std::size_t expr_evals = 0;  // unit × rule × year
  double generate_s = 0;       // wall
  phase_seconds best;          // each phase's fastest repetition
  phase_seconds median;        // and its median one
  phase_seconds end_to_end_rep;  // the repetition whose end-to-end run was the fastest
  timing end_to_end;             // the end-to-end totals
  double wall_s = 0, cpu_s = 0;  // the whole measurement after generating: how much others took
  std::uint64_t scorecard_bytes = 0;
  std::size_t issues = 0;
  std::uint64_t batch_digest = 0, digest_quiet = 0, digest_full = 0;
  double dataset_mib = 0;  // every province's dataset, summed; never all held at once
  // Resident memory in KiB: the batch's text, held before measuring, and the peak while measuring
  // (one province at a time).
  long rss_text = 0, rss_peak = 0;
  bool peak_separate = false;  // whether the peak is that of the measuring alone (restart_peak worked)
};

/// Generates the batch at `scale`, measures it, prints the details and returns the figures.
/// `rule_sources` are the rule files as loaded, for the scorecard's provenance.
scale_figures measure_scale(eval::plan const& plan, std::vector<source_file> const& rule_sources,
                            run_options const& options, int scale);

}  // namespace chitieu::bench
