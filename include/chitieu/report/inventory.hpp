/// @file
/// The inventory of a rule set (`chitieu list`): documents, targets, obligations, tasks and agencies, as
/// text or as the documented JSON (docs/inventory.md). Renders only.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/language.hpp>
#include <chitieu/sema/ruleset.hpp>
#include <chitieu/source.hpp>

#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <vector>

namespace chitieu::report {

CHITIEU_API nlohmann::json inventory_json(sema::checked_ruleset const& rules,
                                          std::vector<source_file> const& sources);
/// The text form, headings in `lang`; ids, titles, deadlines and figures as the rules write them.
CHITIEU_API void render_inventory_text(std::ostream& out, sema::checked_ruleset const& rules,
                                       language lang = language::vi);

}  // namespace chitieu::report
