#include "national_run.hpp"

#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/report/provenance.hpp>
#include <chitieu/report/scorecard.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#if defined(CHITIEU_BENCH_SIMDJSON)
#include <simdjson.h>
#endif

#include "interpreter.hpp"
#include "national.hpp"
#include "result_digest.hpp"

namespace chitieu::bench {
namespace {

double mib(long kib) { return static_cast<double>(kib) / 1024.0; }

/// "  what     1.234 s (1.301)": the best repetition and the median one.
void print_phase(char const* what, double best, double median) {
  std::printf("  %-30s %8.3f s (%.3f)", what, best, median);
}

national_batch generate(sema::checked_ruleset const& rules, run_options const& options, int scale,
                        scale_figures& f) {
  national_shape shape;
  shape.scale = scale;
  auto t0 = clock_type::now();
  auto batch = generate_national(rules, shape, options.seed);
  f.generate_s = seconds_since(t0);
  digest text;
  for (auto& p : batch.provinces) {
    f.bytes += p.size();
    text.add(std::string_view(p));
#if defined(CHITIEU_BENCH_SIMDJSON)
    // simdjson reads up to SIMDJSON_PADDING bytes past the end; with the room reserved it parses the
    // text in place, so the bare parse below times parsing and not a copy.
    p.reserve(p.size() + simdjson::SIMDJSON_PADDING);
#endif
  }
  f.provinces = batch.provinces.size();
  f.units = batch.units;
  f.values = batch.values;
  f.batch_digest = text.h;
  if (!options.write_dir.empty())
    for (std::size_t p = 0; p < batch.provinces.size(); ++p) {
      char name[32];
      if (scale == 1) std::snprintf(name, sizeof name, "/p%02zu.json", p + 1);
      else std::snprintf(name, sizeof name, "/x%d-p%02zu.json", scale, p + 1);
      std::ofstream(options.write_dir + name, std::ios::binary) << batch.provinces[p];
    }

  std::printf("\n== %d× : %zu province submissions, %s units (", scale, f.provinces, thousands(f.units).c_str());
  bool first = true;
  for (std::size_t k = 0; k < rules.unit_kinds.size(); ++k) {
    if (batch.units_by_kind[k] == 0) continue;
    std::printf("%s%s %s", first ? "" : ", ", rules.unit_kinds[k].id.c_str(), thousands(batch.units_by_kind[k]).c_str());
    first = false;
  }
  std::printf("), %s values, %.1f MB JSON (digest %016llx), generated in %.2f s\n", thousands(f.values).c_str(),
              static_cast<double>(f.bytes) / 1e6, static_cast<unsigned long long>(f.batch_digest), f.generate_s);
  return batch;
}

/// Calls `f(root, unit, year)` for every applicable measure and requirement of every unit, every year.
template <typename F>
void for_each_expression(eval::plan const& plan, eval::dataset const& ds, F&& f) {
  auto const& rules = plan.rules();
  for (std::uint32_t u = 0; u < ds.units().size(); ++u) {
    int kind = ds.unit(u).kind;
    for (auto const& a : plan.targets_for(kind)) {
      int root = rules.targets[static_cast<std::size_t>(a.index)].measures[static_cast<std::size_t>(a.slot)];
      for (int y : ds.years()) f(root, u, y);
    }
    for (auto const& a : plan.obligations_for(kind))
      for (auto const& r : rules.obligations[static_cast<std::size_t>(a.index)].requirements)
        for (int y : ds.years()) f(r.roots[static_cast<std::size_t>(a.slot)], u, y);
  }
}

/// What the last repetition decided and wrote, counted over the batch.
struct tally {
  std::size_t targets = 0, obligations = 0, milestones = 0, years_judged = 0, expr_evals = 0;
  std::vector<std::size_t> verdicts = std::vector<std::size_t>(static_cast<std::size_t>(eval::verdict::not_applicable) + 1);
  digest quiet, full;
  double sink = 0;  // the expression path's values, summed so that it cannot be optimised away
  std::uint64_t scorecard_bytes = 0;
  std::size_t issues = 0, dataset_bytes = 0, unreadable = 0;
  std::size_t compared = 0, mismatches = 0, settled_by_exact = 0;

  void add_quiet(eval::evaluation const& e) {
    add_evaluation(quiet, e);
    for (auto const& u : e.units) {
      targets += u.targets.size();
      obligations += u.obligations.size();
      for (auto const& t : u.targets) {
        milestones += t.milestones.size();
        ++verdicts[static_cast<std::size_t>(t.headline)];
      }
      for (auto const& o : u.obligations) years_judged += o.years.size();
    }
  }
};

/// The fast path (batched doubles) must give what the exact path gives wherever that is one number; a
/// listener forces the exact path unit by unit.
void check_paths(eval::plan const& plan, eval::dataset const& ds, tally& t) {
  eval::detail::interpreter run(plan, ds);
  for_each_expression(plan, ds, [&](int root, std::uint32_t u, int y) {
    eval::detail::listener scalar;
    double a = run.eval(root, u, y), b = run.exact(root, u, y, 0, &scalar).value();
    ++t.compared;
    // Where the fast path gives up, the exact path may still settle a number (Kleene logic, 0 × a
    // blank): that is what it is for. Where the fast path gives a number, the two must agree.
    if (std::isnan(a) && !std::isnan(b)) ++t.settled_by_exact;
    else if (!(a == b || (std::isnan(a) && std::isnan(b)))) ++t.mismatches;
  });
}

/// One repetition over the batch, province after province, as a run that scores one submission
/// after another: only one province's dataset and results are alive at a time, so memory is that of
/// one submission and the allocator is in its steady state. Each phase is timed on its own in CPU
/// time; the evaluation with evidence off, the expression path and the bare parses sit between the
/// phases of the end-to-end run and are not part of it.
class batch_pass {
 public:
  batch_pass(eval::plan const& plan, std::vector<source_file> const& rule_sources, run_options const& options)
      : plan_(plan), rules_(plan.rules()), rule_sources_(rule_sources), options_(options) {
    quiet_.as_of = full_.as_of = options.as_of;
    quiet_.evidence = false;
    full_.evidence = true;  // the command's default
    // Every plan is scored, as everywhere in this benchmark: as `--document` names each of them, since
    // a synthetic province is none of those the provincial plans are for.
    for (std::size_t d = 0; d < rules_.documents.size(); ++d) every_document_.emplace_back(static_cast<int>(d));
  }

  /// `last`: also count and digest into it.
  phase_seconds run(national_batch const& batch, tally* last) {
    phase_seconds p;
    for (auto const& text : batch.provinces) province(text, p, last);
    return p;
  }
  std::size_t simd_failures() const { return simd_failures_; }

 private:
  void province(std::string const& text, phase_seconds& p, tally* last) {
    double t = cpu_seconds();
    auto loaded = eval::load_submission_text(text, rules_);
    p.load += cpu_seconds() - t;
    if (!loaded.data) {  // the generator writes valid JSON: a loader that disagrees is counted
      if (last) ++last->unreadable;
      return;
    }
    auto const& ds = *loaded.data;
    if (last) last->dataset_bytes += bytes_of(ds);  // before check_data adds its issues to it
    bare_parses(text, p);

    t = cpu_seconds();
    eval::check_data(plan_, loaded);
    p.checks += cpu_seconds() - t;

    // Evaluation as `score` and `batch` run it: one unit at a time into one reused scorecard. The kept
    // evaluation behind the digests is computed outside the timing, on the last repetition only.
    t = cpu_seconds();
    streamed(ds, quiet_);
    p.quiet += cpu_seconds() - t;
    if (last) last->add_quiet(eval::evaluate(plan_, ds, quiet_));

    t = cpu_seconds();
    std::size_t evals = 0;
    double sink = 0;
    {
      eval::detail::interpreter expression(plan_, ds);
      for_each_expression(plan_, ds, [&](int root, std::uint32_t u, int y) {
        ++evals;
        double v = expression.eval(root, u, y);
        if (!std::isnan(v)) sink += v;
      });
    }
    p.expression += cpu_seconds() - t;
    if (last && options_.extras) check_paths(plan_, ds, *last);

    t = cpu_seconds();
    streamed(ds, full_);
    p.full += cpu_seconds() - t;
    if (last) add_evaluation(last->full, eval::evaluate(plan_, ds, full_));

    // The scorecard as the command writes it: each unit judged (with evidence) and written as it comes.
    t = cpu_seconds();
    auto source = report::make_provenance(rule_sources_, text, options_.as_of);
    auto chosen = eval::choose_documents(rules_, ds, every_document_);
    eval::unit_evaluator units(plan_, ds, full_);
    report::scorecard_input card{plan_, ds, units.header(), loaded.issues, &source};
    card.documents = &chosen;
    counting_stream out;
    report::render_json(out, card, units, report::json_layout::indented, nullptr);
    p.write += cpu_seconds() - t;

    if (last) {
      last->expr_evals += evals;
      last->sink += sink;
      last->scorecard_bytes += out.bytes();
      last->issues += loaded.issues.size();
    }
    t = cpu_seconds();
    {
      auto gone = std::move(loaded);
    }
    p.freeing += cpu_seconds() - t;
  }

  /// Every unit judged into one reused scorecard, as the streaming writers do; nothing kept.
  void streamed(eval::dataset const& ds, eval::evaluate_options const& options) {
    eval::unit_evaluator units(plan_, ds, options);
    eval::unit_scorecard card;
    while (units.next(card)) {
    }
  }

  /// The parse alone, so that what loading adds to it shows: nlohmann's tree (once, with the extras;
  /// freed outside the timing) and simdjson's DOM when built with it.
  void bare_parses(std::string const& text, phase_seconds& p) {
    if (options_.extras) {
      double t = cpu_seconds();
      auto tree = nlohmann::json::parse(text);
      p.parse_tree += cpu_seconds() - t;
    }
#if defined(CHITIEU_BENCH_SIMDJSON)
    double t = cpu_seconds();
    if (simd_.parse(text.data(), text.size(), false).error()) ++simd_failures_;
    p.parse_simd += cpu_seconds() - t;
#endif
  }

  eval::plan const& plan_;
  sema::checked_ruleset const& rules_;
  std::vector<source_file> const& rule_sources_;
  run_options const& options_;
  eval::evaluate_options quiet_, full_;
  std::vector<sema::document_id> every_document_;
#if defined(CHITIEU_BENCH_SIMDJSON)
  simdjson::dom::parser simd_;  // reused, as a loader would: its buffers are allocated once
#endif
  std::size_t simd_failures_ = 0;
};

/// Each phase's fastest and median repetition; the end-to-end run is judged whole: its fastest
/// repetition, and the median of its totals.
void summarize_phases(std::vector<phase_seconds> const& reps, scale_figures& f) {
  for (auto m : {&phase_seconds::load, &phase_seconds::parse_tree, &phase_seconds::parse_simd, &phase_seconds::checks,
                 &phase_seconds::quiet, &phase_seconds::expression, &phase_seconds::full, &phase_seconds::write,
                 &phase_seconds::freeing}) {
    std::vector<double> v;
    for (auto const& r : reps) v.push_back(r.*m);
    auto t = summarize(std::move(v));
    f.best.*m = t.best;
    f.median.*m = t.median;
  }
  std::vector<double> totals;
  for (auto const& r : reps) {
    totals.push_back(r.end_to_end());
    if (totals.size() == 1 || r.end_to_end() < f.end_to_end_rep.end_to_end()) f.end_to_end_rep = r;
  }
  f.end_to_end = summarize(std::move(totals));
}

void print_figures(scale_figures const& f, tally const& t, eval::plan const& plan, run_options const& options) {
  auto const& b = f.best;
  auto const& m = f.median;
  double mb = static_cast<double>(f.bytes) / 1e6;
  std::printf("  CPU seconds, best of %d (median); the measuring took %.1f s of CPU in %.1f s of wall time\n",
              options.reps, f.cpu_s, f.wall_s);

  std::printf("(1) end to end, province by province, as `chitieu score --format json` naming every plan with "
              "--document\n");
  auto const& e = f.end_to_end_rep;
  print_phase("all five plans", f.end_to_end.best, f.end_to_end.median);
  std::printf(" = load %.3f + checks %.3f + scorecard (judging with evidence and writing) %.3f + freeing %.3f\n",
              e.load, e.checks, e.write, e.freeing);
  std::printf("  scorecards: %s bytes of JSON, written at %.1f MB/s; %s data issues\n",
              thousands(t.scorecard_bytes).c_str(), static_cast<double>(t.scorecard_bytes) / 1e6 / e.write,
              thousands(t.issues).c_str());

  std::printf("(2) load %.1f MB of JSON\n", mb);
  print_phase("load_submission_text", b.load, m.load);
  std::printf(" %7.1f MB/s\n", mb / b.load);
  if (options.extras) {
    print_phase("bare parse, nlohmann tree", b.parse_tree, m.parse_tree);
    std::printf(" %7.1f MB/s; loading adds %.3f s\n", mb / b.parse_tree, b.load - b.parse_tree);
  }
#if defined(CHITIEU_BENCH_SIMDJSON)
  print_phase("bare parse, simdjson DOM", b.parse_simd, m.parse_simd);
  std::printf(" %7.1f MB/s; loading adds %.3f s\n", mb / b.parse_simd, b.load - b.parse_simd);
#else
  std::printf("  (bare parse with simdjson: not built, simdjson was not found)\n");
#endif
  std::printf("  datasets hold %.1f MiB%s\n", f.dataset_mib,
              t.unreadable ? (", and " + thousands(t.unreadable) + " texts could not be read").c_str() : "");

  auto per_rule = [&](double s) { return s * 1e9 / static_cast<double>(f.rule_evals); };
  std::printf("(3) evaluate all %zu documents as of %s: %s rule evaluations (unit × applicable target or "
              "obligation: %s targets with %s milestones, %s obligations with %s requirement-years)\n",
              plan.rules().documents.size(), options.as_of_text.c_str(), thousands(f.rule_evals).c_str(),
              thousands(t.targets).c_str(), thousands(t.milestones).c_str(), thousands(t.obligations).c_str(),
              thousands(t.years_judged).c_str());
  print_phase("evidence=false", b.quiet, m.quiet);
  std::printf(" %7.1f ns per rule evaluation\n", per_rule(b.quiet));
  print_phase("evidence=true", b.full, m.full);
  std::printf(" %7.1f ns per rule evaluation\n", per_rule(b.full));
  print_phase("expression path only", b.expression, m.expression);
  std::printf(" %7.1f ns per (unit, rule, year), %s of them [checksum %g]\n",
              b.expression * 1e9 / static_cast<double>(f.expr_evals), thousands(f.expr_evals).c_str(), t.sink);
  std::printf("  headlines:");
  for (std::size_t v = 0; v < t.verdicts.size(); ++v)
    std::printf(" %s %s", eval::to_string(static_cast<eval::verdict>(v)), thousands(t.verdicts[v]).c_str());
  std::printf("\n  digest evidence=false %016llx, evidence=true %016llx\n",
              static_cast<unsigned long long>(f.digest_quiet), static_cast<unsigned long long>(f.digest_full));
  if (options.extras)
    std::printf("  fast vs exact path: %zu of %zu differ; %zu unknown to the fast path settled by the exact one\n",
                t.mismatches, t.compared, t.settled_by_exact);

  std::printf("(4) peak RSS %.0f MiB%s, the batch's text %.0f MiB of it\n", mib(f.rss_peak),
              f.peak_separate ? " while measuring" : " since the process started", mib(f.rss_text));
}

}  // namespace

scale_figures measure_scale(eval::plan const& plan, std::vector<source_file> const& rule_sources,
                            run_options const& options, int scale) {
  scale_figures f;
  f.scale = scale;
  auto batch = generate(plan.rules(), options, scale, f);

  if (options.profile_evaluate > 0) {
    std::vector<eval::dataset> data;
    for (auto const& text : batch.provinces)
      if (auto r = eval::load_submission_text(text, plan.rules()); r.data) data.push_back(std::move(*r.data));
    eval::evaluate_options o;
    o.as_of = options.as_of;
    o.evidence = false;
    double t = cpu_seconds();
    for (int i = 0; i < options.profile_evaluate; ++i)
      for (auto const& ds : data) {
        eval::unit_evaluator units(plan, ds, o);
        eval::unit_scorecard card;
        while (units.next(card)) {
        }
      }
    std::printf("evaluate evidence=false: %.4f s of CPU per batch\n", (cpu_seconds() - t) / options.profile_evaluate);
    return f;
  }

  f.peak_separate = restart_peak();
  f.rss_text = current_rss_kib();
  batch_pass pass(plan, rule_sources, options);
  tally t;
  std::vector<phase_seconds> reps;
  auto wall = clock_type::now();
  double cpu = cpu_seconds();
  for (int rep = 0; rep < options.reps; ++rep)
    reps.push_back(pass.run(batch, rep + 1 == options.reps ? &t : nullptr));
  f.cpu_s = cpu_seconds() - cpu;
  f.wall_s = seconds_since(wall);
  f.rss_peak = peak_rss_kib();
  if (pass.simd_failures()) std::printf("  simdjson rejected %zu texts\n", pass.simd_failures());

  summarize_phases(reps, f);
  f.rule_evals = t.targets + t.obligations;
  f.expr_evals = t.expr_evals;
  f.scorecard_bytes = t.scorecard_bytes;
  f.issues = t.issues;
  f.digest_quiet = t.quiet.h;
  f.digest_full = t.full.h;
  f.dataset_mib = static_cast<double>(t.dataset_bytes) / 1048576.0;
  print_figures(f, t, plan, options);
  std::fflush(stdout);
  return f;
}

}  // namespace chitieu::bench
