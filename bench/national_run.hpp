// One scale of the national benchmark, measured from generation to the written scorecard; the
// figures come back for the summary that compares the scales. For bench_national.cpp only.
#pragma once
#include <chitieu/eval/plan.hpp>
#include <chitieu/source.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "measure.hpp"

namespace chitieu::bench {

struct run_options {
  /// One by default: the three scales once each take about three minutes on two shared cores.
  int reps = 1;
  std::uint64_t seed = 1;
  std::int32_t as_of = 0;  // day number
  std::string as_of_text;  // as given, for the report
  std::string write_dir;   // non-empty: save the batch's submissions there
  /// The fast path against the exact path at every (unit, rule, year): no timing, and as costly as
  /// an evaluation with evidence, so the caller runs it on one scale.
  bool check_paths = false;
  /// > 0: load, evaluate this many times with evidence off, and stop; for a profiler.
  int profile_evaluate = 0;
};

struct scale_figures {
  int scale = 1;
  std::size_t provinces = 0, units = 0, values = 0, bytes = 0;
  std::size_t rule_evals = 0;  // unit × applicable target or obligation
  std::size_t expr_evals = 0;  // unit × rule × year
  double generate_s = 0;
  timing load, parse_tree, parse_simd;  // parse_simd stays zero without simdjson
  timing quiet, full;                   // evaluate, evidence off and on
  timing expression;                    // the expression path alone
  // End to end, one province at a time as `chitieu score --format json` takes one submission:
  // the best repetition, and where its time went.
  timing end_to_end;
  double e2e_load_s = 0, e2e_checks_s = 0, e2e_evaluate_s = 0, e2e_write_s = 0;
  std::uint64_t scorecard_bytes = 0;
  std::size_t issues = 0;
  std::uint64_t batch_digest = 0, digest_quiet = 0, digest_full = 0;
  // Resident memory in KiB: the batch's text held before the end-to-end run, the peak during it, and
  // the peaks of holding every dataset, then of evaluating them (one province's results at a time).
  long rss_text = 0, rss_end_to_end = 0, rss_loaded = 0, rss_evaluated = 0;
  double dataset_mib = 0;
  bool peaks_separate = false;  // whether each peak above is its own phase's (restart_peak worked)
};

/// Generates the batch at `scale`, measures it, prints the details as it goes and returns the figures.
/// `rule_sources` are the rule files as loaded, for the scorecard's provenance.
scale_figures measure_scale(eval::plan const& plan, std::vector<source_file> const& rule_sources,
                            run_options const& options, int scale);

}  // namespace chitieu::bench
