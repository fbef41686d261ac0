// Helpers and small rule sets shared by the graph layer's tests.
#pragma once
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/pipeline.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace chitieu::graph_testing {

namespace fs = std::filesystem;

// Shared declarations every small rule set below builds on.
inline constexpr char const* common_ct = R"(
unit province "Tỉnh" counted "tỉnh"
unit school "Trường" counted "trường"
field school.dat_chuan : bool "Trường đạt chuẩn quốc gia"
field school.phong_stem : count of "phòng" "Số phòng học STEM"
field school.khong_dung : bool "Trường có thư viện số"
field province.ty_le : percent "Tỉ lệ lao động qua đào tạo"
field province.chi_gd : money "Chi cho giáo dục"
field province.tong_chi : money "Tổng chi ngân sách"
agency so_gd "Sở Giáo dục và Đào tạo" level province
agency so_tc "Sở Tài chính" level province
agency ubnd "Ủy ban nhân dân tỉnh" level province
)";

struct loaded {
  ruleset_result result;
  sema::checked_ruleset const& rules() const { return *result.rules; }
};

/// Parses and checks `plan` with the common declarations. The plan checks are left out of loading,
/// since these tests call them on rule sets they reject.
inline loaded load(std::string plan, std::vector<source_file> more = {}) {
  std::vector<source_file> files{source_file("common.ct", common_ct),
                                 source_file("plan.ct", std::move(plan))};
  for (auto& f : more) files.push_back(std::move(f));
  load_options without_plan_checks;
  without_plan_checks.graph_checks = false;
  without_plan_checks.lang = language::en;  // the graph tests assert English wording
  loaded out{check_sources(std::move(files), without_plan_checks)};
  for (auto const& d : out.result.diags)
    if (d.level == severity::error) MESSAGE(d.code << ": " << d.message);
  REQUIRE(out.result.rules);
  return out;
}

inline diagnostics with_code(diagnostics const& all, std::string const& code, severity level) {
  diagnostics out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](diagnostic const& d) { return d.code == code && d.level == level; });
  return out;
}

// The text a diagnostic points at, for asserting positions without line numbers.
inline std::string at(loaded const& l, diagnostic const& d) {
  auto text = l.result.sources.at(d.file).text();
  return std::string(
      text.substr(d.span.begin, std::min<std::size_t>(d.span.end - d.span.begin, 40)));
}

inline bool starts_with(std::string const& s, std::string const& prefix) {
  return s.rfind(prefix, 0) == 0;
}

inline int task_index(sema::checked_ruleset const& rules, std::string const& id) {
  for (std::size_t i = 0; i < rules.tasks.size(); ++i)
    if (rules.qualified_id(rules.tasks[i]) == id) return int(i);
  FAIL("no task " << id);
  return -1;
}

inline int target_index(sema::checked_ruleset const& rules, std::string const& id) {
  for (std::size_t i = 0; i < rules.targets.size(); ++i)
    if (rules.qualified_id(rules.targets[i]) == id) return int(i);
  FAIL("no target " << id);
  return -1;
}

inline std::vector<std::string> task_ids(sema::checked_ruleset const& rules,
                                  std::vector<int> const& tasks) {
  std::vector<std::string> out;
  for (int t : tasks) out.push_back(rules.qualified_id(rules.tasks[std::size_t(t)]));
  return out;
}

inline std::vector<std::string> agency_ids(sema::checked_ruleset const& rules,
                                    std::vector<int> const& agencies) {
  std::vector<std::string> out;
  for (int a : agencies) out.push_back(rules.agencies[std::size_t(a)].id);
  return out;
}

inline bool has_edge(graph::dependency_graph const& g, std::string const& from, std::string const& to,
              graph::edge_kind kind) {
  auto u = graph::find_nodes(g, from), v = graph::find_nodes(g, to);
  if (u.size() != 1 || v.size() != 1) return false;
  for (auto e : boost::make_iterator_range(boost::out_edges(u[0], g.g)))
    if (boost::target(e, g.g) == v[0] && g.g[e].kind == kind) return true;
  return false;
}

inline std::string slurp(fs::path const& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A plan with one of everything: parent rows, an indicator, an aggregate over schools, an
// obligation, tasks with lead and support agencies and one dependency.
inline constexpr char const* small_plan = R"(
document kh1 { number "01/KH-UBND" title "Kế hoạch thử" date 2026-01-05 }

indicator stem_moi_truong "Phòng STEM mỗi trường" = sum(school, phong_stem) / count(school)

target T1 "Trường đạt chuẩn quốc gia" {
  applies to province
  measure share(school, dat_chuan)
  >= 90% by 2030
}
target T2 "Trong đó: phòng STEM" {
  applies to province
  measure stem_moi_truong
  >= 1 by 2030
  parent T1
}
obligation O1 "Chi cho giáo dục trên 20%" {
  applies to province
  every year from 2026
  require chi_gd / tong_chi > 20%
}
task K1 "Ban hành kế hoạch" {
  lead so_gd
  support so_tc
  deadline by Q1 2026
  serves T1
}
task K2 "Đầu tư phòng STEM" {
  lead ubnd
  support so_gd
  deadline during 2026
  after K1
  serves T2, O1
}
)";

}  // namespace chitieu::graph_testing
