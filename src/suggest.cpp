// Nearest-name suggestions for misspelt identifiers, keywords, subcommands and verdicts.
#include <chitieu/suggest.hpp>

#include <algorithm>
#include <cctype>

namespace chitieu {
namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return lower(x) == lower(y); });
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// The name with every run of digits replaced by one '#': `T12` and `T9` both give `T#`.
std::string without_numbers(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!is_digit(s[i])) {
      out.push_back(s[i]);
      continue;
    }
    out.push_back('#');
    while (i + 1 < s.size() && is_digit(s[i + 1])) ++i;
  }
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the optimal string alignment table.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string> nearest_name(std::string_view wrong,
                                        std::vector<std::string> const& candidates) {
  if (wrong.empty()) return std::nullopt;
  auto const numbered = without_numbers(wrong);
  auto different_row = [&](std::string const& c) {
    return c != wrong && without_numbers(c) == numbered &&
           std::any_of(wrong.begin(), wrong.end(), is_digit);
  };
  for (auto const& c : candidates)
    if (c != wrong && equal_ignoring_case(c, wrong) && !different_row(c)) return c;
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (auto const& c : candidates) {
    if (c == wrong || c.empty() || different_row(c)) continue;
    std::size_t longer = std::max(c.size(), wrong.size());
    std::size_t limit = std::max<std::size_t>(1, longer / 3);
    // A length difference alone larger than the limit cannot be within it.
    if ((c.size() > wrong.size() ? c.size() - wrong.size() : wrong.size() - c.size()) > limit) continue;
    std::size_t d = edit_distance(wrong, c);
    if (d > limit || d >= c.size() || d >= wrong.size()) continue;
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view suggestion) {
  return "did you mean '" + std::string(suggestion) + "'?";
}

}  // namespace chitieu
