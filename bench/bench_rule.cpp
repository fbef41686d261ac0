// One representative rule, three ways, on the 47,000 schools of the national batch:
//   bn_ctr04.T1  measure share(school where cong_lap and not moi_thanh_lap, dat_chuan)
// hand-written C++ on structs (the floor), the compiled plan's interpreter, and the province-level
// aggregate both ways. Times are per school (items/s is schools per second).
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/pipeline.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include "interpreter.hpp"
#include "national.hpp"

using namespace chitieu;

namespace {

constexpr int year = 2026;

struct fixture {
  std::unique_ptr<eval::plan> plan;
  std::vector<eval::dataset> data;
  int target = -1, province_root = -1;
  int school_filter = -1, school_value = -1;  // the aggregate's expressions at one school
  std::size_t schools = 0;

  // What a programmer would write by hand: one struct per school, missing values as NaN.
  struct school_row {
    double cong_lap, moi_thanh_lap, dat_chuan;
  };
  std::vector<school_row> rows;
  std::vector<std::pair<std::size_t, std::size_t>> province_ranges;  // into rows
};

fixture const& world() {
  static fixture const f = [] {
    fixture f;
    auto loaded = load_rules({CHITIEU_BENCH_RULES});
    f.plan = std::make_unique<eval::plan>(eval::compile(std::move(*loaded.rules)));
    auto const& rules = f.plan->rules();
    auto batch = bench::generate_national(rules, {}, 1);
    for (auto const& text : batch.provinces) f.data.push_back(std::move(*eval::load_submission_text(text, rules).data));
    f.target = rules.find_target("bn_ctr04.T1")->index();
    auto const& t = rules.targets[static_cast<std::size_t>(f.target)];
    for (std::size_t k = 0; k < t.applies.size(); ++k)
      if (t.applies[k] == rules.find_unit_kind("province")->index()) f.province_root = t.measures[k];
    // The target applies to provinces and communes; at a school the rule is its share's filter and
    // value, which is what the hand-written version computes.
    auto const& share = rules.nodes[static_cast<std::size_t>(f.province_root)];
    if (share.op != sema::node_op::agg_share) {
      std::fprintf(stderr, "bn_ctr04.T1 is no longer one share over schools: update this benchmark\n");
      std::exit(1);
    }
    f.school_filter = share.lhs;
    f.school_value = share.rhs;
    int school = rules.find_unit_kind("school")->index();
    int cong_lap = rules.fields[static_cast<std::size_t>(rules.find_field(sema::unit_kind_id(school), "cong_lap")->index())].slot;
    int moi = rules.fields[static_cast<std::size_t>(rules.find_field(sema::unit_kind_id(school), "moi_thanh_lap")->index())].slot;
    int dat = rules.fields[static_cast<std::size_t>(rules.find_field(sema::unit_kind_id(school), "dat_chuan")->index())].slot;
    for (auto const& ds : f.data) {
      std::size_t first = f.rows.size();
      for (auto u : ds.units_of_kind(school))
        f.rows.push_back({ds.value(u, year, cong_lap), ds.value(u, year, moi), ds.value(u, year, dat)});
      f.province_ranges.push_back({first, f.rows.size()});
    }
    f.schools = f.rows.size();
    return f;
  }();
  return f;
}

/// The rule at one school, with the engine's three-valued logic: NaN is unknown, false wins.
inline double by_hand(fixture::school_row const& s) {
  double not_new = std::isnan(s.moi_thanh_lap) ? s.moi_thanh_lap : (s.moi_thanh_lap != 0 ? 0 : 1);
  double keep = s.cong_lap == 0 || not_new == 0 ? 0 : (std::isnan(s.cong_lap) || std::isnan(not_new) ? NAN : 1);
  if (std::isnan(keep)) return NAN;
  if (keep == 0) return NAN;  // share over no school
  return s.dat_chuan;
}

void hand_written_per_school(benchmark::State& state) {
  auto const& f = world();
  for (auto _ : state) {
    double acc = 0;
    for (auto const& s : f.rows) {
      double v = by_hand(s);
      if (!std::isnan(v)) acc += v;
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.schools));
}

void plan_per_school(benchmark::State& state) {
  auto const& f = world();
  int school = f.plan->rules().find_unit_kind("school")->index();
  for (auto _ : state) {
    double acc = 0;
    for (auto const& ds : f.data) {
      eval::detail::interpreter run(*f.plan, ds);
      for (auto u : ds.units_of_kind(school)) {
        double keep = run.eval(f.school_filter, u, year);
        double v = keep == 1 ? run.eval(f.school_value, u, year) : NAN;
        if (!std::isnan(v)) acc += v;
      }
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.schools));
}

void hand_written_per_province(benchmark::State& state) {
  auto const& f = world();
  for (auto _ : state) {
    double acc = 0;
    for (auto [first, last] : f.province_ranges) {
      double count = 0, sum = 0;
      bool unknown = false;
      for (std::size_t i = first; i < last; ++i) {
        auto const& s = f.rows[i];
        double not_new = std::isnan(s.moi_thanh_lap) ? s.moi_thanh_lap : (s.moi_thanh_lap != 0 ? 0 : 1);
        double keep = s.cong_lap == 0 || not_new == 0 ? 0 : (std::isnan(s.cong_lap) || std::isnan(not_new) ? NAN : 1);
        if (std::isnan(keep)) {
          unknown = true;
          continue;
        }
        if (keep == 0) continue;
        if (std::isnan(s.dat_chuan)) {
          unknown = true;
          continue;
        }
        ++count;
        sum += s.dat_chuan;
      }
      double v = unknown || count == 0 ? NAN : sum / count;
      if (!std::isnan(v)) acc += v;
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.schools));
}

void plan_per_province(benchmark::State& state) {
  auto const& f = world();
  for (auto _ : state) {
    double acc = 0;
    for (auto const& ds : f.data) {
      eval::detail::interpreter run(*f.plan, ds);
      double v = run.eval(f.province_root, 0, year);
      if (!std::isnan(v)) acc += v;
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.schools));
}

}  // namespace

BENCHMARK(hand_written_per_school)->Unit(benchmark::kMicrosecond);
BENCHMARK(plan_per_school)->Unit(benchmark::kMicrosecond);
BENCHMARK(hand_written_per_province)->Unit(benchmark::kMicrosecond);
BENCHMARK(plan_per_province)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
