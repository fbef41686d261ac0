// Private to src/eval (and to the tests and benchmarks that link chitieu::internal): the one way a
// dataset is made. The loaders fill a builder and finish() indexes the dataset as it hands it over, so a
// dataset that exists is always indexed and nothing outside the library can change it.
#pragma once
#include <chitieu/eval/dataset.hpp>

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu::eval::detail {

class dataset_builder {
 public:
  /// An empty dataset for rules with `unit_kinds` kinds of unit.
  explicit dataset_builder(std::size_t unit_kinds) { d_.units_by_kind_.resize(unit_kinds); }

  // The parts being filled, as the loader writes them (dataset.hpp says what each holds). The years and
  // the index are not among them: finish() derives them from the rows.
  std::vector<unit_record>& units() { return d_.units_; }
  std::vector<std::uint32_t>& units_of_kind(int kind) {
    return d_.units_by_kind_[static_cast<std::size_t>(kind)];
  }
  std::vector<int>& row_years() { return d_.row_year_; }
  std::vector<std::uint32_t>& row_offsets() { return d_.row_offset_; }
  std::vector<double>& values() { return d_.values_; }
  std::vector<task_report>& tasks() { return d_.tasks_; }
  std::vector<std::string>& documents() { return d_.documents_; }
  std::vector<data_issue>& issues() { return d_.issues_; }
  std::size_t& rejected_units() { return d_.rejected_units_; }
  std::size_t& dropped_units() { return d_.dropped_units_; }
  std::unordered_map<std::string, std::string>& cells() { return d_.cells_; }

  /// The dataset, its years gathered from the rows and its lookups built. The builder is spent.
  dataset finish() &&;

  /// Adds issues found after loading (check_data) to a dataset's own list. Issues are not indexed, so
  /// the dataset stays whole; copying a national dataset to add a few issues would cost far more.
  static void append_issues(dataset& d, std::vector<data_issue> const& more) {
    d.issues_.insert(d.issues_.end(), more.begin(), more.end());
  }

  /// The heap a dataset holds, index included, strings beyond the small-string buffer included: for
  /// the benchmarks' memory figures.
  static std::size_t heap_bytes(dataset const& d);

 private:
  dataset d_;
};

}  // namespace chitieu::eval::detail
