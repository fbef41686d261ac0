// The national batch at several scales: end to end (load, evaluate, JSON scorecard), loading against
// the bare JSON parse, evaluation with evidence off and on per rule evaluation, the expression path,
// and peak memory; then each scale's times as ratios to the smallest, from the same run. Prints a
// digest of every verdict, value and score so that an optimisation that changes a result shows up even
// where the golden tests do not reach.
//
//   chitieu_bench_national [--scales 1,2,4 | --quick] [--reps N] [--rules DIR] [--seed N]
//                          [--as-of YYYY-MM-DD] [--write DIR] [--profile-evaluate N]
#include <chitieu/date.hpp>
#include <chitieu/eval/plan.hpp>
#include <chitieu/pipeline.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "measure.hpp"
#include "national_run.hpp"

using namespace chitieu;
using namespace chitieu::bench;

namespace {

int usage(char const* problem, char const* what) {
  std::fprintf(stderr,
               "%s%s\nusage: chitieu_bench_national [--scales 1,2,4 | --quick] [--reps N] [--rules DIR] "
               "[--seed N] [--as-of YYYY-MM-DD] [--write DIR] [--profile-evaluate N]\n",
               problem, what);
  return 2;
}

/// "1,2,4" → {1, 2, 4}, sorted so that the first is the base of the ratios and each peak of memory
/// is reached after the smaller ones; empty when any part is not a whole number from 1 to 64.
std::vector<int> parse_scales(std::string const& text) {
  std::vector<int> out;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    int s = 0;
    std::size_t used = 0;
    try {
      s = std::stoi(part, &used);
    } catch (...) {
      return {};
    }
    if (used != part.size() || s < 1 || s > 64) return {};
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double ns_per_rule(double seconds, std::size_t rule_evals) {
  return seconds * 1e9 / static_cast<double>(rule_evals);
}

void print_summary(std::vector<scale_figures> const& all, run_options const& options, std::string const& load_before) {
  std::printf("\n== summary: CPU seconds, best of %d; load average (1, 5, 15 min) %s before the run, %s after\n",
              options.reps, load_before.c_str(), load_average().c_str());
  std::printf("%-5s %8s %10s %6s | %6s %6s | %8s %7s %8s %7s | %6s %7s %8s %8s | %6s\n", "scale", "units",
              "rule evals", "MB", "load", "MB/s", "eval off", "ns/rule", "eval on", "ns/rule", "e2e", "card MB",
              "peak MiB", "text MiB", "wall");
  for (auto const& f : all) {
    double mb = static_cast<double>(f.bytes) / 1e6;
    std::printf("%4d× %8s %10s %6.1f | %6.2f %6.1f | %8.3f %7.1f %8.3f %7.1f | %6.2f %7.0f %8.0f %8.0f | %5.0f%%\n",
                f.scale, thousands(f.units).c_str(), thousands(f.rule_evals).c_str(), mb, f.best.load,
                mb / f.best.load, f.best.quiet, ns_per_rule(f.best.quiet, f.rule_evals), f.best.full,
                ns_per_rule(f.best.full, f.rule_evals), f.end_to_end.best,
                static_cast<double>(f.scorecard_bytes) / 1e6, f.rss_peak / 1024.0, f.rss_text / 1024.0,
                100.0 * f.wall_s / f.cpu_s);
  }
  std::printf("(wall: the measuring's wall time against its CPU time; above 100 %% others took the core)\n");
  auto const& base = all.front();
  auto r = [](double a, double b) { return b > 0 ? a / b : 0.0; };
  auto n = [](std::size_t x) { return static_cast<double>(x); };
  if (all.size() > 1)
    std::printf("ratios to %d× (a cost linear in units × rules has each time ratio equal to the work ratio):\n",
                base.scale);
  for (std::size_t i = 1; i < all.size(); ++i) {
    auto const& f = all[i];
    std::printf("  %d×/%d×  work: units %.2f, bytes %.2f, rule evaluations %.2f | time: load %.2f, evaluate "
                "evidence=false %.2f, evidence=true %.2f, end to end %.2f\n",
                f.scale, base.scale, r(n(f.units), n(base.units)), r(n(f.bytes), n(base.bytes)),
                r(n(f.rule_evals), n(base.rule_evals)), r(f.best.load, base.best.load),
                r(f.best.quiet, base.best.quiet), r(f.best.full, base.best.full),
                r(f.end_to_end.best, base.end_to_end.best));
  }
  if (base.scale == 1)
    std::printf("issue 11 goals at 1×: load ≥ 300 MB/s (%.1f), ≤ 30 ns per rule evaluation with evidence off "
                "(%.1f), end to end ≤ 1 s (%.3f)\n",
                static_cast<double>(base.bytes) / 1e6 / base.best.load, ns_per_rule(base.best.quiet, base.rule_evals),
                base.end_to_end.best);
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_dir = CHITIEU_BENCH_RULES;
  std::string as_of_text = "2026-12-31";
  std::vector<int> scales{1, 2, 4};
  run_options options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--quick") {
      scales = {1};
      continue;
    }
    if (i + 1 >= argc) return usage("missing value after ", argv[i]);
    std::string v = argv[++i];
    try {
      if (a == "--rules") rules_dir = v;
      else if (a == "--seed") options.seed = std::stoull(v);
      else if (a == "--reps") options.reps = std::max(1, std::stoi(v));
      else if (a == "--as-of") as_of_text = v;
      else if (a == "--write") options.write_dir = v;
      else if (a == "--profile-evaluate") options.profile_evaluate = std::stoi(v);
      else if (a == "--scales") {
        scales = parse_scales(v);
        if (scales.empty()) return usage("--scales takes whole numbers from 1 to 64 separated by commas: ", v.c_str());
      } else return usage("unknown option ", a.c_str());
    } catch (...) {
      return usage("not a number: ", v.c_str());
    }
  }
  std::string load_before = load_average();

  auto loaded = load_rules({rules_dir});
  if (!loaded.rules) {
    std::fprintf(stderr, "the rules in %s do not check clean\n", rules_dir.c_str());
    return 2;
  }
  auto plan = eval::compile(std::move(*loaded.rules));
  auto const& rules = plan.rules();
  auto as_of = parse_iso_date(as_of_text);
  if (!as_of) return usage("not a date: ", as_of_text.c_str());
  options.as_of = *as_of;
  options.as_of_text = as_of_text;

  std::printf("rules: %zu documents, %zu unit kinds, %zu fields, %zu targets, %zu obligations, %zu tasks\n",
              rules.documents.size(), rules.unit_kinds.size(), rules.fields.size(), rules.targets.size(),
              rules.obligations.size(), rules.tasks.size());
  std::printf("seed %llu, scales", static_cast<unsigned long long>(options.seed));
  for (int s : scales) std::printf(" %d×", s);
  std::printf(", best of %d (median), load average %s\n", options.reps, load_before.c_str());

  if (options.profile_evaluate > 0) {
    measure_scale(plan, loaded.sources, options, scales.front());
    return 0;
  }
  std::vector<scale_figures> all;
  for (std::size_t i = 0; i < scales.size(); ++i) {
    options.extras = i == 0;  // the same at every scale: once is enough
    all.push_back(measure_scale(plan, loaded.sources, options, scales[i]));
  }
  print_summary(all, options, load_before);
  return 0;
}
