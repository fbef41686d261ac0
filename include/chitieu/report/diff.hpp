/// @file
/// A unified diff of two texts, line by line (what `chitieu fmt --diff` prints). Renders only.
#pragma once
#include <chitieu/export.hpp>

#include <string>
#include <string_view>

namespace chitieu::report {

/// `--- old_name` / `+++ new_name` and hunks with `context` unchanged lines around each change, as
/// `diff -u` writes them; empty when the texts are equal.
CHITIEU_API std::string unified_diff(std::string_view old_name, std::string_view new_name,
                                     std::string_view before, std::string_view after,
                                     std::size_t context = 3);

}  // namespace chitieu::report
