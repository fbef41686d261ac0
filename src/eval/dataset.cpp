// The dataset's lookups: the index evaluation reads values and subtrees through, built once after
// loading. The loader itself is loader.hpp, read through load_nlohmann.cpp and load_simdjson.cpp.
#include <chitieu/eval/dataset.hpp>

#include <algorithm>

namespace chitieu::eval {

void dataset::index() {
  year_position.clear();
  row_start.clear();
  alive_from.clear();
  alive_until.clear();
  indexed = true;
  if (std::any_of(units.begin(), units.end(), [](unit_record const& r) { return r.first_year || r.last_year; })) {
    alive_from.resize(units.size());
    alive_until.resize(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
      alive_from[u] = units[u].first_year ? units[u].first_year : std::numeric_limits<std::int32_t>::min();
      alive_until[u] = units[u].last_year ? units[u].last_year : std::numeric_limits<std::int32_t>::max();
    }
  }
  kind_before.assign(units_by_kind.size(), {});
  if (!years.empty()) {
    year_position.assign(static_cast<std::size_t>(years.back() - years.front() + 1), -1);
    for (std::size_t p = 0; p < years.size(); ++p)
      year_position[static_cast<std::size_t>(years[p] - years.front())] = static_cast<int>(p);
    row_start.assign(units.size() * years.size(), no_row);
    for (std::size_t u = 0; u < units.size(); ++u)
      for (std::uint32_t r = units[u].first_row; r < units[u].first_row + units[u].row_count; ++r) {
        auto y = static_cast<std::size_t>(row_year[r] - years.front());
        std::size_t at = u * years.size() + static_cast<std::size_t>(year_position[y]);
        // Two rows for one year cannot come from the loader; the first wins, as in a search.
        if (row_start[at] == no_row) row_start[at] = row_offset[r];
      }
  }
  // Kinds nobody submitted keep an empty table: their ranges are empty without one.
  for (std::size_t k = 0; k < units_by_kind.size(); ++k) {
    if (units_by_kind[k].empty()) continue;
    auto& before = kind_before[k];
    before.resize(units.size() + 1);
    std::uint32_t n = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
      before[u] = n;
      if (units[u].kind == static_cast<int>(k)) ++n;
    }
    before[units.size()] = n;
  }
}

bool dataset::lists_completely(std::uint32_t u, int kind) const {
  for (int at = static_cast<int>(u); at >= 0; at = units[static_cast<std::size_t>(at)].parent) {
    auto const& c = units[static_cast<std::size_t>(at)].complete;
    if (std::find(c.begin(), c.end(), kind) != c.end()) return true;
  }
  return false;
}

std::string dataset::describe_unit(std::uint32_t u, sema::checked_ruleset const& rules) const {
  auto const& rec = units[u];
  std::string kind = rules.unit_kinds[static_cast<std::size_t>(rec.kind)].title;
  return rec.name == rec.id ? kind + " " + rec.id : rec.name + " (" + rec.id + ")";
}

}  // namespace chitieu::eval
