// A synthetic national submission for the benchmarks: one JSON document per province, because a
// submission has exactly one root unit and the rules declare no unit kind above the province.
// Driven by the rule set, so every field any plan declares gets a value of the right type.
#pragma once
#include <chitieu/sema/ruleset.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace chitieu::bench {

struct national_shape {
  int provinces = 34;
  int communes = 3'321;
  int schools = 47'000;
  // Per province, beyond the communes and schools the brief counts.
  int vocational_schools = 6;
  int colleges = 2;
  int universities = 1;
  int departments = 15;
  int department_units = 3;   // qn_don_vi_so, when the rules declare it
  int district_offices = 2;   // qn_phong_gddt, likewise
  bool learning_centres = true;  // one per commune
  /// Communes and schools per province multiplied by this (learning centres follow the communes);
  /// provinces and the units counted per province stay. Growing each submission, rather than adding
  /// provinces, is what shows a cost that grows faster than the units of one submission. At 1 the
  /// batch is byte for byte the one the figures in README.md were measured on.
  int scale = 1;
  std::vector<int> years{2025, 2026};
  double missing_rate = 0.01;  // share of values left out, so the no-data paths run too
};

struct national_batch {
  std::vector<std::string> provinces;  // JSON text, one submission per province
  std::size_t units = 0;
  std::size_t values = 0;  // numbers written, over all units and years
  std::vector<std::size_t> units_by_kind;
};

/// Same seed, same rules, same shape: byte-identical output.
national_batch generate_national(sema::checked_ruleset const& rules, national_shape const& shape,
                                 std::uint64_t seed);

}  // namespace chitieu::bench
