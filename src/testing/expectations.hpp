// The shape of an expectation in a test file, checked before it is compared: a verdict that exists,
// members of the right JSON type. Private to src/testing.
#pragma once
#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace chitieu::testing::detail {

/// Why `want`, the value of an expectation, cannot be right whatever the rules say (a misspelt verdict
/// with the valid ones, a member of the wrong type, an unknown member), or nothing when it is well formed.
std::optional<std::string> malformed_expectation(nlohmann::json const& want);

}  // namespace chitieu::testing::detail
