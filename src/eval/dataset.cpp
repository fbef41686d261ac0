// The dataset's lookups, the index evaluation reads values and subtrees through, built once when the
// builder hands a dataset over (dataset_builder.hpp). The loader itself is loader.hpp, read through
// load_nlohmann.cpp and load_simdjson.cpp.
#include <chitieu/eval/dataset.hpp>

#include "dataset_builder.hpp"

#include <algorithm>
#include <set>

namespace chitieu::eval {

void dataset::index() {
  if (std::any_of(units_.begin(), units_.end(),
                  [](unit_record const& r) { return r.first_year || r.last_year; })) {
    alive_from_.resize(units_.size());
    alive_until_.resize(units_.size());
    for (std::size_t u = 0; u < units_.size(); ++u) {
      alive_from_[u] = units_[u].first_year ? units_[u].first_year : std::numeric_limits<std::int32_t>::min();
      alive_until_[u] = units_[u].last_year ? units_[u].last_year : std::numeric_limits<std::int32_t>::max();
    }
  }
  kind_before_.assign(units_by_kind_.size(), {});
  if (!years_.empty()) {
    first_year_ = years_.front();
    year_position_.assign(static_cast<std::size_t>(years_.back() - years_.front() + 1), -1);
    for (std::size_t p = 0; p < years_.size(); ++p)
      year_position_[static_cast<std::size_t>(years_[p] - years_.front())] = static_cast<int>(p);
    row_start_.assign(units_.size() * years_.size(), no_row);
    for (std::size_t u = 0; u < units_.size(); ++u)
      for (std::uint32_t r = units_[u].first_row; r < units_[u].first_row + units_[u].row_count; ++r) {
        auto y = static_cast<std::size_t>(row_year_[r] - years_.front());
        std::size_t at = u * years_.size() + static_cast<std::size_t>(year_position_[y]);
        // Two rows for one year cannot come from the loader; the first wins, as in a search.
        if (row_start_[at] == no_row) row_start_[at] = row_offset_[r];
      }
  }
  // Kinds nobody submitted keep an empty table: their ranges are empty without one.
  for (std::size_t k = 0; k < units_by_kind_.size(); ++k) {
    if (units_by_kind_[k].empty()) continue;
    auto& before = kind_before_[k];
    before.resize(units_.size() + 1);
    std::uint32_t n = 0;
    for (std::size_t u = 0; u < units_.size(); ++u) {
      before[u] = n;
      if (units_[u].kind == static_cast<int>(k)) ++n;
    }
    before[units_.size()] = n;
  }
}

bool dataset::lists_completely(std::uint32_t u, int kind) const {
  for (int at = static_cast<int>(u); at >= 0; at = units_[static_cast<std::size_t>(at)].parent) {
    auto const& c = units_[static_cast<std::size_t>(at)].complete;
    if (std::find(c.begin(), c.end(), kind) != c.end()) return true;
  }
  return false;
}

std::string dataset::describe_unit(std::uint32_t u, sema::checked_ruleset const& rules) const {
  auto const& rec = units_[u];
  std::string kind = rules.unit_kinds[static_cast<std::size_t>(rec.kind)].title;
  return rec.name == rec.id ? kind + " " + rec.id : rec.name + " (" + rec.id + ")";
}

namespace detail {

dataset dataset_builder::finish() && {
  std::set<int> years(d_.row_year_.begin(), d_.row_year_.end());
  d_.years_.assign(years.begin(), years.end());
  d_.index();
  return std::move(d_);
}

namespace {

template <class T>
std::size_t bytes_of(std::vector<T> const& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace

std::size_t dataset_builder::heap_bytes(dataset const& d) {
  std::size_t n = bytes_of(d.units_) + bytes_of(d.row_year_) + bytes_of(d.row_offset_) + bytes_of(d.values_) +
                  bytes_of(d.years_) + bytes_of(d.tasks_) + bytes_of(d.issues_) + bytes_of(d.year_position_) +
                  bytes_of(d.row_start_);
  for (auto const& k : d.units_by_kind_) n += bytes_of(k);
  for (auto const& k : d.kind_before_) n += bytes_of(k);
  for (auto const& u : d.units_)
    for (auto const* s : {&u.id, &u.name, &u.pointer})
      if (s->capacity() > 15) n += s->capacity() + 1;  // beyond the small-string buffer
  return n;
}

}  // namespace detail
}  // namespace chitieu::eval
