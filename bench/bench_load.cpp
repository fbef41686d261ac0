// Loading alone: a submission file read into a dataset by load_submission_text (the simdjson
// loader) and by nlohmann::json::parse + load_submission (the DOM loader embedders call), best of N.
// Usage: chitieu_bench_load RULES... --data FILE [--reps N] [--text-only]
#include <chitieu/eval/dataset.hpp>
#include <chitieu/pipeline.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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

template <class F>
double best_of(int reps, F&& f) {
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) {
    auto t0 = clock_type::now();
    f();
    t.push_back(seconds_since(t0));
  }
  return *std::min_element(t.begin(), t.end());
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
  double text_s = best_of(reps, [&] {
    auto r = chitieu::eval::load_submission_text(text, rules);
    units = r.data ? r.data->units.size() : 0;
    issues = r.issues.size();
  });
  if (text_only) {
    std::printf("%.1f MB, %zu units, %zu issues: load_submission_text %.3f s, %.1f MB/s\n", mb, units, issues, text_s,
                mb / text_s);
    return 0;
  }
  double parse_s = best_of(reps, [&] { auto tree = nlohmann::json::parse(text); });
  double dom_s = best_of(reps, [&] {
    auto tree = nlohmann::json::parse(text);
    auto r = chitieu::eval::load_submission(tree, rules);
  });
  std::printf("%.1f MB, %zu units, %zu issues, best of %d\n", mb, units, issues, reps);
  std::printf("  load_submission_text            %7.3f s  %7.1f MB/s\n", text_s, mb / text_s);
  std::printf("  nlohmann::json::parse           %7.3f s  %7.1f MB/s\n", parse_s, mb / parse_s);
  std::printf("  json::parse + load_submission   %7.3f s  %7.1f MB/s\n", dom_s, mb / dom_s);
}
