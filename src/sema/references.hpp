// Names that blocks give to other declarations (lead, support, after, serves, restates, parent,
// implements, monitor), resolved once every block is registered. Private to src/sema.
#pragma once
#include <vector>

#include "context.hpp"

namespace chitieu::sema::detail {

struct pending_names {
  std::uint32_t file;
  int document;
  ast::names_item const* item;
  ast::block_kind block;
  int index;  // into targets, obligations or tasks, by `block`
};

/// Resolves every pending name; then the restated rows' chains, and the monitors a commitment inherits
/// from its document.
void resolve_references(check_context& cx, std::vector<pending_names> const& pending);

}  // namespace chitieu::sema::detail
