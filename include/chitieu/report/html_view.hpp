/// @file
/// The HTML scorecard's view model: what its templates see, as JSON, built from an evaluation
/// (docs/scorecard.md, HTML). Public so that an application can check it or render its own templates.
#pragma once
#include <chitieu/export.hpp>
#include <chitieu/report/scorecard.hpp>

#include <nlohmann/json_fwd.hpp>

#include <ostream>

namespace chitieu::report {

/// Everything the page shows, every text already in Vietnamese and every number already formatted:
/// the summary (score, coverage, counts, the items needing action in order of severity), the
/// documents with their targets, obligations and tasks, the units below (worst first), the data
/// issues and the provenance. Renders only; every judgement was made by eval.
CHITIEU_API nlohmann::json html_view(scorecard_input const& in);

/// Renders a view model with the templates compiled into the library (templates/html/).
CHITIEU_API void render_html_view(std::ostream& out, nlohmann::json const& view);

}  // namespace chitieu::report
