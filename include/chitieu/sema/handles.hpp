/// @file
/// Typed handles to the tables of a checked rule set. A lookup by id gives one (or nothing), so a
/// document's handle cannot be passed where a target's is wanted, and "not found" cannot be mistaken for
/// an index.
#pragma once
#include <optional>

namespace chitieu::sema {

/// The position of one entry in one table of a `checked_ruleset` (`rules.documents[h.index()]`). Made
/// only by the rule set's lookups or from an index known to be valid; never "none": a lookup that finds
/// nothing gives an empty `std::optional`.
template <typename Tag>
class handle {
 public:
  constexpr explicit handle(int index) : index_(index) {}
  constexpr int index() const { return index_; }
  friend constexpr bool operator==(handle a, handle b) { return a.index_ == b.index_; }
  friend constexpr bool operator!=(handle a, handle b) { return a.index_ != b.index_; }
  friend constexpr bool operator<(handle a, handle b) { return a.index_ < b.index_; }

 private:
  int index_;
};

using unit_kind_id = handle<struct unit_kind_tag>;
using document_id = handle<struct document_tag>;
using agency_id = handle<struct agency_tag>;
using target_id = handle<struct target_tag>;
using obligation_id = handle<struct obligation_tag>;
using task_id = handle<struct task_tag>;
using field_id = handle<struct field_tag>;

/// The index of a found entry, or -1: for the rule set's own tables, whose cross-references keep -1 for
/// "none" (`unit_record::kind`, `indicator::document`).
template <typename Handle>
constexpr int index_or_none(std::optional<Handle> const& found) {
  return found ? found->index() : -1;
}

}  // namespace chitieu::sema
