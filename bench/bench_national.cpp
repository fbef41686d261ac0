// The national batch end to end: JSON → dataset, evaluate with and without evidence, ns per rule,
// the bare expression path, and peak memory. Prints a digest of every verdict, value and score so
// an optimisation that changes a result shows up even where the golden tests do not reach.
//
//   chitieu_bench_national [--rules DIR] [--seed N] [--reps N] [--as-of YYYY-MM-DD] [--write DIR]
//                          [--profile-evaluate N]
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/pipeline.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "interpreter.hpp"
#include "national.hpp"

using namespace chitieu;
using clock_type = std::chrono::steady_clock;

namespace {

double seconds_since(clock_type::time_point t0) {
  return std::chrono::duration<double>(clock_type::now() - t0).count();
}

/// Runs `f` `reps` times; returns the fastest and the median wall time.
std::pair<double, double> timed(int reps, std::function<void()> const& f) {
  std::vector<double> t;
  for (int i = 0; i < reps; ++i) {
    auto t0 = clock_type::now();
    f();
    t.push_back(seconds_since(t0));
  }
  std::sort(t.begin(), t.end());
  return {t.front(), t[t.size() / 2]};
}

long peak_rss_kib() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;  // KiB on Linux
}

/// FNV-1a over the bits of what evaluation decided.
struct digest {
  std::uint64_t h = 1469598103934665603ULL;
  void add(std::uint64_t x) {
    for (int i = 0; i < 8; ++i) {
      h ^= (x >> (8 * i)) & 0xff;
      h *= 1099511628211ULL;
    }
  }
  void add(double d) {
    std::uint64_t bits;
    if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();  // one NaN, whatever its sign
    std::memcpy(&bits, &d, sizeof bits);
    add(bits);
  }
  void add(int x) { add(static_cast<std::uint64_t>(static_cast<std::int64_t>(x))); }
  void add(std::string const& s) {
    add(s.size());
    for (char c : s) add(static_cast<std::uint64_t>(static_cast<unsigned char>(c)));
  }
};

void add_score(digest& d, eval::score const& s) {
  d.add(s.scope);
  d.add(s.value);
  d.add(s.weight);
  d.add(s.counted);
  d.add(s.no_data);
  d.add(s.excluded);
}

void add_evaluation(digest& d, eval::evaluation const& e) {
  for (auto const& u : e.units) {
    d.add(static_cast<std::uint64_t>(u.unit));
    for (auto const& t : u.targets) {
      d.add(t.target);
      d.add(static_cast<int>(t.headline));
      d.add(t.headline_milestone);
      d.add(t.reason);
      for (int k : t.serving_tasks) d.add(k);
      for (int k : t.accountable) d.add(k);
      for (int k : t.at_risk_from) d.add(k);
      for (auto const& m : t.milestones) {
        d.add(static_cast<int>(m.result));
        for (double x : {m.value, m.threshold, m.gap, m.progress, m.baseline, m.expected, m.parts.numerator,
                         m.parts.denominator, m.parts.needed})
          d.add(x);
        d.add(m.value_year);
        d.add(m.baseline_year);
        d.add(static_cast<int>(m.baseline_from_rule));
        d.add(m.parts.numerator_unit);
        d.add(m.parts.denominator_unit);
        for (auto const& p : m.missing) d.add(p);
        d.add(m.missing_total);
        d.add(static_cast<int>(m.division_by_zero));
        for (auto f : m.failing_units) d.add(static_cast<std::uint64_t>(f));
        d.add(m.failing_total);
      }
    }
    for (auto const& o : u.obligations) {
      d.add(o.obligation);
      d.add(static_cast<int>(o.overall));
      d.add(o.progress);
      for (auto const& r : o.years) {
        d.add(r.requirement);
        d.add(r.year);
        d.add(static_cast<int>(r.result));
        d.add(r.value);
        d.add(r.threshold);
        d.add(r.gap);
        d.add(static_cast<int>(r.due));
        for (auto const& p : r.missing) d.add(p);
        d.add(r.missing_total);
      }
    }
    for (auto const& k : u.tasks) {
      d.add(k.task);
      d.add(static_cast<int>(k.result));
      d.add(static_cast<int>(k.due));
    }
    for (auto const& s : u.groups) add_score(d, s);
    for (auto const& s : u.documents) add_score(d, s);
    add_score(d, u.overall);
  }
}

template <typename T>
std::size_t bytes_of(std::vector<T> const& v) {
  return v.capacity() * sizeof(T);
}

std::size_t bytes_of(eval::dataset const& d) {
  std::size_t n = bytes_of(d.units) + bytes_of(d.row_year) + bytes_of(d.row_offset) + bytes_of(d.values) +
                  bytes_of(d.years) + bytes_of(d.tasks) + bytes_of(d.issues) + bytes_of(d.year_position) +
                  bytes_of(d.row_start);
  for (auto const& k : d.units_by_kind) n += bytes_of(k);
  for (auto const& k : d.kind_before) n += bytes_of(k);
  for (auto const& u : d.units)
    for (auto const* s : {&u.id, &u.name, &u.pointer})
      if (s->capacity() > 15) n += s->capacity() + 1;  // beyond the small-string buffer
  return n;
}

std::string thousands(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules_dir = CHITIEU_BENCH_RULES;
  std::string write_dir, as_of_text = "2026-12-31";
  std::uint64_t seed = 1;
  int reps = 5;
  int profile_reps = 0;  // > 0: load once, evaluate this many times and stop; for a profiler
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--rules") rules_dir = argv[i + 1];
    else if (a == "--seed") seed = std::stoull(argv[i + 1]);
    else if (a == "--reps") reps = std::max(1, std::stoi(argv[i + 1]));
    else if (a == "--as-of") as_of_text = argv[i + 1];
    else if (a == "--write") write_dir = argv[i + 1];
    else if (a == "--profile-evaluate") profile_reps = std::stoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "unknown option %s\n", argv[i]);
      return 2;
    }
  }

  auto loaded = load_rules({rules_dir});
  if (!loaded.rules) {
    std::fprintf(stderr, "the rules in %s do not check clean\n", rules_dir.c_str());
    return 2;
  }
  auto plan = eval::compile(std::move(*loaded.rules));
  auto const& rules = plan.rules();
  auto as_of = parse_iso_date(as_of_text);
  if (!as_of) return 2;

  auto t0 = clock_type::now();
  auto batch = bench::generate_national(rules, {}, seed);
  double generate_s = seconds_since(t0);
  std::size_t bytes = 0;
  for (auto const& p : batch.provinces) bytes += p.size();
  long rss_generated = peak_rss_kib();
  if (!write_dir.empty())
    for (std::size_t p = 0; p < batch.provinces.size(); ++p) {
      char name[32];
      std::snprintf(name, sizeof name, "/p%02zu.json", p + 1);
      std::ofstream(write_dir + name, std::ios::binary) << batch.provinces[p];
    }

  std::printf("rules: %zu documents, %zu unit kinds, %zu fields, %zu targets, %zu obligations, %zu tasks\n",
              rules.documents.size(), rules.unit_kinds.size(), rules.fields.size(), rules.targets.size(),
              rules.obligations.size(), rules.tasks.size());
  std::printf("batch: seed %llu, %zu province submissions, %s units (", static_cast<unsigned long long>(seed),
              batch.provinces.size(), thousands(batch.units).c_str());
  for (std::size_t k = 0; k < rules.unit_kinds.size(); ++k)
    std::printf("%s%s %s", k ? ", " : "", rules.unit_kinds[k].id.c_str(), thousands(batch.units_by_kind[k]).c_str());
  std::printf("), %s values, %.1f MB JSON, generated in %.2f s\n", thousands(batch.values).c_str(), bytes / 1e6,
              generate_s);

  // ---- (1) JSON → dataset. Loading first, one JSON tree alive at a time, so that the peak
  // memory below is that of the datasets and not of 34 trees kept around for timing.
  std::vector<eval::dataset> data;
  std::size_t issues = 0;
  std::vector<double> load_t;
  for (int i = 0; i < reps; ++i) {
    data.clear();  // freeing the previous rep's datasets is not loading
    data.reserve(batch.provinces.size());
    issues = 0;
    auto t1 = clock_type::now();
    for (auto const& text : batch.provinces) {
      auto r = eval::load_submission_text(text, rules);
      issues += r.issues.size();
      data.push_back(std::move(*r.data));
    }
    load_t.push_back(seconds_since(t1));
  }
  std::sort(load_t.begin(), load_t.end());
  double load_min = load_t.front(), load_med = load_t[load_t.size() / 2];
  long rss_loaded = peak_rss_kib();
  if (profile_reps > 0) {
    eval::evaluate_options o;
    o.as_of = *as_of;
    o.evidence = false;
    auto t1 = clock_type::now();
    for (int i = 0; i < profile_reps; ++i)
      for (auto const& ds : data) eval::evaluate(plan, ds, o);
    std::printf("evaluate evidence=false: %.4f s per batch\n", seconds_since(t1) / profile_reps);
    return 0;
  }
  std::size_t dataset_bytes = 0;
  for (auto const& ds : data) dataset_bytes += bytes_of(ds);
  // ---- (2) evaluate the whole batch
  eval::evaluate_options quiet;
  quiet.as_of = *as_of;
  quiet.evidence = false;
  eval::evaluate_options full = quiet;
  full.evidence = true;
  std::size_t rule_evals = 0, target_evals = 0, obligation_evals = 0, milestones = 0, years_judged = 0;
  std::vector<std::size_t> verdicts(static_cast<std::size_t>(eval::verdict::not_applicable) + 1, 0);
  digest d_quiet, d_full;
  {
    for (auto const& ds : data) {
      auto e = eval::evaluate(plan, ds, quiet);
      add_evaluation(d_quiet, e);
      for (auto const& u : e.units) {
        target_evals += u.targets.size();
        obligation_evals += u.obligations.size();
        for (auto const& t : u.targets) {
          milestones += t.milestones.size();
          ++verdicts[static_cast<std::size_t>(t.headline)];
        }
        for (auto const& o : u.obligations) years_judged += o.years.size();
      }
    }
    rule_evals = target_evals + obligation_evals;
    for (auto const& ds : data) add_evaluation(d_full, eval::evaluate(plan, ds, full));
  }
  std::vector<eval::evaluation> kept(data.size());
  // Each rep fills a fresh slot; dropping the previous results is not evaluation and is not timed.
  auto run_all = [&](eval::evaluate_options const& o) {
    std::vector<double> t;
    for (int i = 0; i < reps; ++i) {
      kept.clear();
      kept.reserve(data.size());
      auto t1 = clock_type::now();
      for (auto const& ds : data) kept.push_back(eval::evaluate(plan, ds, o));
      t.push_back(seconds_since(t1));
    }
    std::sort(t.begin(), t.end());
    return std::pair{t.front(), t[t.size() / 2]};
  };
  auto [quiet_min, quiet_med] = run_all(quiet);
  auto [full_min, full_med] = run_all(full);
  long rss_evaluated = peak_rss_kib();

  std::printf("\n(2) evaluate all %zu documents as of %s, best of %d (median)\n", rules.documents.size(),
              as_of_text.c_str(), reps);
  std::printf("  evidence=false           %8.4f s (%.4f)\n", quiet_min, quiet_med);
  std::printf("  evidence=true            %8.4f s (%.4f)\n", full_min, full_med);
  std::printf("  headlines:");
  for (std::size_t v = 0; v < verdicts.size(); ++v)
    std::printf(" %s %s", eval::to_string(static_cast<eval::verdict>(v)), thousands(verdicts[v]).c_str());
  std::printf("\n  digest evidence=false %016llx, evidence=true %016llx\n", static_cast<unsigned long long>(d_quiet.h),
              static_cast<unsigned long long>(d_full.h));

  // ---- (3) ns per rule
  std::printf("\n(3) rule evaluations (unit, applicable target or obligation): %s (%s targets with %s milestones, "
              "%s obligations with %s requirement-years)\n",
              thousands(rule_evals).c_str(), thousands(target_evals).c_str(), thousands(milestones).c_str(),
              thousands(obligation_evals).c_str(), thousands(years_judged).c_str());
  std::printf("  evidence=false           %8.1f ns/rule\n", quiet_min * 1e9 / static_cast<double>(rule_evals));
  std::printf("  evidence=true            %8.1f ns/rule\n", full_min * 1e9 / static_cast<double>(rule_evals));

  // The expression path alone: every applicable measure and requirement, every year, no judging.
  std::size_t expr_evals = 0;
  double sink = 0;
  auto add = [&](double v) {
    ++expr_evals;
    if (!std::isnan(v)) sink += v;
  };
  auto [expr_min, expr_med] = timed(reps, [&] {
    expr_evals = 0;
    sink = 0;
    for (auto const& ds : data) {
      eval::detail::interpreter run(plan, ds);
      for (std::uint32_t u = 0; u < ds.units.size(); ++u) {
        int kind = ds.units[u].kind;
        for (auto const& a : plan.targets_for(kind)) {
          int root = rules.targets[static_cast<std::size_t>(a.index)].measures[static_cast<std::size_t>(a.slot)];
          for (int y : ds.years) add(run.eval(root, u, y));
        }
        for (auto const& a : plan.obligations_for(kind))
          for (auto const& r : rules.obligations[static_cast<std::size_t>(a.index)].requirements)
            for (int y : ds.years) add(run.eval(r.roots[static_cast<std::size_t>(a.slot)], u, y));
      }
    }
  });
  std::printf("  expression path only: %s evaluations (unit, rule, year) in %.4f s (%.4f) = %.1f ns each "
              "[checksum %g]\n",
              thousands(expr_evals).c_str(), expr_min, expr_med, expr_min * 1e9 / static_cast<double>(expr_evals),
              sink);

  // The fast path (batched doubles) must give what the exact path gives wherever that is one number; a
  // listener forces the exact path unit by unit.
  std::size_t mismatches = 0, compared = 0, settled_by_exact = 0;
  for (auto const& ds : data) {
    eval::detail::interpreter run(plan, ds);
    auto check = [&](int root, std::uint32_t u, int y) {
      eval::detail::listener scalar;
      double a = run.eval(root, u, y), b = run.exact(root, u, y, 0, &scalar).value();
      ++compared;
      // Where the fast path gives up, the exact path may still settle a number (Kleene logic, 0 × a
      // blank): that is what it is for. Where the fast path gives a number, the two must agree.
      if (std::isnan(a) && !std::isnan(b)) ++settled_by_exact;
      else if (!(a == b || (std::isnan(a) && std::isnan(b)))) ++mismatches;
    };
    for (std::uint32_t u = 0; u < ds.units.size(); ++u) {
      int kind = ds.units[u].kind;
      for (auto const& a : plan.targets_for(kind))
        for (int y : ds.years)
          check(rules.targets[static_cast<std::size_t>(a.index)].measures[static_cast<std::size_t>(a.slot)], u, y);
      for (auto const& a : plan.obligations_for(kind))
        for (auto const& r : rules.obligations[static_cast<std::size_t>(a.index)].requirements)
          for (int y : ds.years) check(r.roots[static_cast<std::size_t>(a.slot)], u, y);
    }
  }
  std::printf("  fast vs exact path: %zu of %zu differ; %zu unknown to the fast path settled by the exact one\n",
              mismatches, compared, settled_by_exact);

  // Where loading spends its time: the JSON parser, then the walk that flattens the tree.
  std::vector<double> parse_t, flatten_t;
  for (int i = 0; i < reps; ++i) {
    double parse_s = 0, flatten_s = 0;
    for (auto const& text : batch.provinces) {
      auto t1 = clock_type::now();
      auto tree = nlohmann::json::parse(text);
      parse_s += seconds_since(t1);
      t1 = clock_type::now();
      auto r = eval::load_submission(tree, rules);
      flatten_s += seconds_since(t1);
    }
    parse_t.push_back(parse_s);
    flatten_t.push_back(flatten_s);
  }
  std::sort(parse_t.begin(), parse_t.end());
  std::sort(flatten_t.begin(), flatten_t.end());
  std::printf("\n(1) load %.1f MB of JSON, best of %d (median)\n", bytes / 1e6, reps);
  std::printf("  load_submission_text     %8.3f s (%.3f)  %6.1f MB/s  (%zu issues)\n", load_min, load_med,
              bytes / 1e6 / load_min, issues);
  std::printf("    of which json::parse   %8.3f s (%.3f)  %6.1f MB/s\n", parse_t.front(), parse_t[parse_t.size() / 2],
              bytes / 1e6 / parse_t.front());
  std::printf("    and flattening         %8.3f s (%.3f)\n", flatten_t.front(), flatten_t[flatten_t.size() / 2]);
  std::printf("  datasets hold %.1f MiB\n", dataset_bytes / 1048576.0);

  std::printf("\n(5) peak RSS: %.0f MiB after generating, %.0f MiB after loading, %.0f MiB after evaluating\n",
              rss_generated / 1024.0, rss_loaded / 1024.0, rss_evaluated / 1024.0);
  return 0;
}
