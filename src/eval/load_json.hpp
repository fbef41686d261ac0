// Private to src/eval (and the loader parity test): the two readers of submission text behind
// load_submission_text, which share one loader (loader.hpp) and must give the same result, and the
// entry for a tree that the table reader builds.
#pragma once
#include <chitieu/eval/dataset.hpp>

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <unordered_map>

namespace chitieu::eval::detail {

/// The `data.too_deep` issue when the text nests deeper than the limits allow, checked before any
/// parser runs so that hostile input cannot exhaust the stack of a later recursive walk.
std::optional<data_issue> too_deep(std::string const& text, dataset_limits const& limits);
/// How deep JSON may nest: each unit nests two levels (its object and its children array), plus the
/// values below it.
inline std::size_t too_deep_limit(dataset_limits const& limits) {
  return static_cast<std::size_t>(limits.max_depth) * 2 + 8;
}

/// nlohmann::json with a parse callback that notes duplicate keys; every malformed input ends here,
/// since its parser says where the text breaks.
load_result load_text_nlohmann(std::string const& text, sema::checked_ruleset const& rules, dataset_limits const& limits);

/// load_submission, with where each value was typed when the tree came from a workbook or CSV
/// (dataset::cells): the table reader is a loader too, and a dataset is complete when it is handed over.
load_result load_tree(nlohmann::json const& submission, sema::checked_ruleset const& rules,
                      dataset_limits const& limits, std::unordered_map<std::string, std::string> cells);

/// simdjson's DOM; nothing when simdjson rejects the text (malformed, an integer beyond 64 bits,
/// nesting at the limit), so that the caller hands it to load_text_nlohmann. `release`, when given, is
/// the text's owner: it is freed once the text is parsed (the DOM holds copies of its strings).
std::optional<load_result> load_text_simdjson(std::string const& text, sema::checked_ruleset const& rules,
                                              dataset_limits const& limits, std::string* release = nullptr);

}  // namespace chitieu::eval::detail
