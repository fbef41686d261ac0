// Loading alone: a submission file read into a dataset by load_submission_text (the simdjson
// loader) and by nlohmann::json::parse + load_submission (the DOM loader embedders call), best of N.
// Usage: chitieu_bench_load RULES... --data FILE [--reps N] [--text-only]
#include <chitieu/eval/dataset.hpp>
#include <chitieu/pipeline.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t) {
  return std::chrono::duration<double>(clock_type::now() - t).count();
}

/// Best of `reps` in wall time and in CPU time: on a shared machine the CPU time is the steadier figure.
struct timing {
  double wall = 0, cpu = 0;
};

template <class F>
timing best_of(int reps, F&& f) {
  timing best{1e300, 1e300};
  for (int r = 0; r < reps; ++r) {
    auto t0 = clock_type::now();
    std::clock_t c0 = std::clock();
    f();
    best.cpu = std::min(best.cpu, static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC);
    best.wall = std::min(best.wall, seconds_since(t0));
  }
  return best;
}

void print(char const* what, timing t, double mb) {
  std::printf("  %-30s %7.3f s  %7.1f MB/s   (CPU %7.3f s  %7.1f MB/s)\n", what, t.wall, mb / t.wall, t.cpu, mb / t.cpu);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> rule_paths;
  std::string data_path;
  int reps = 5;
  bool text_only = false;  // for a profiler: the simdjson path alone
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data" && i + 1 < argc) data_path = argv[++i];
    else if (a == "--reps" && i + 1 < argc) reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--text-only") text_only = true;
    else rule_paths.push_back(a);
  }
  if (rule_paths.empty() || data_path.empty()) {
    std::fprintf(stderr, "usage: chitieu_bench_load RULES... --data FILE [--reps N]\n");
    return 2;
  }
  auto loaded = chitieu::load_rules(rule_paths);
  if (!loaded.rules) {
    std::fprintf(stderr, "the rules do not check clean\n");
    return 2;
  }
  auto const& rules = *loaded.rules;
  std::ifstream in(data_path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string const text = buf.str();
  double mb = static_cast<double>(text.size()) / 1e6;

  std::size_t units = 0, issues = 0;
  timing text_s = best_of(reps, [&] {
    auto r = chitieu::eval::load_submission_text(text, rules);
    units = r.data ? r.data->units().size() : 0;
    issues = r.issues.size();
  });
  std::printf("%.1f MB, %zu units, %zu issues, best of %d\n", mb, units, issues, reps);
  print("load_submission_text", text_s, mb);
  if (text_only) return 0;
  timing parse_s = best_of(reps, [&] { auto tree = nlohmann::json::parse(text); });
  timing dom_s = best_of(reps, [&] {
    auto tree = nlohmann::json::parse(text);
    auto r = chitieu::eval::load_submission(tree, rules);
  });
  print("nlohmann::json::parse", parse_s, mb);
  print("json::parse + load_submission", dom_s, mb);
}
