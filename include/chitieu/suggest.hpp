/// @file
/// "Did you mean …?": the nearest known name to a misspelt one. Standard library only (support layer).
#pragma once
#include <chitieu/export.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu {

/// Edit distance with adjacent transpositions (optimal string alignment), over bytes.
CHITIEU_API std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `wrong`, if it is near enough to be a likely misspelling: a match that
/// differs only in letter case, else one within an edit distance of a third of the longer name (at least
/// one). Names that differ only in their digits (`T9` and `T1`) are different rows of a plan, not
/// misspellings, and are never suggested. Ties go to the candidate listed first.
CHITIEU_API std::optional<std::string> nearest_name(std::string_view wrong,
                                                    std::vector<std::string> const& candidates);

/// "did you mean 'x'?" for a suggestion of nearest_name.
CHITIEU_API std::string did_you_mean(std::string_view suggestion);

}  // namespace chitieu
