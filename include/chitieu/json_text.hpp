/// @file
/// JSON as text for output: nlohmann's layout, with invalid UTF-8 (a file name in another encoding,
/// bytes echoed from a broken submission) replaced by U+FFFD instead of an exception, so that an output
/// never fails on what it quotes.
#pragma once
#include <chitieu/export.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace chitieu {

/// `j.dump(indent)`, or its one-line `dump()` when `indent` is negative; invalid UTF-8 becomes U+FFFD.
CHITIEU_API std::string json_text(nlohmann::json const& j, int indent = 2);

}  // namespace chitieu
