// Vietnamese number formatting (include/chitieu/number.hpp).
#include <chitieu/number.hpp>

#include <algorithm>
#include <cmath>
#include <charconv>

namespace chitieu {

std::string format_vn_number(double x, int decimals) {
  if (std::isnan(x)) return "—";
  if (std::isinf(x)) return x > 0 ? "∞" : "-∞";
  // Half away from zero, as people round by hand (1,125 is 1,13), and a value a hair below a half because
  // of binary fractions (84,55 held as 84,549999…) rounds up too. The hair is relative, and capped, so
  // that it stays far below one unit of the last decimal: 610.000.000.000 đồng must not gain 610.
  double scale = std::pow(10.0, decimals);
  double scaled = std::abs(x) * scale;
  double rounded = std::floor(scaled + 0.5 + std::min(1e-3, 1e-13 * std::max(1.0, scaled))) / scale;
  // Reports format numbers by the million on a national scorecard: to_chars, and no temporary strings.
  char digits[400];
  auto end = std::to_chars(digits, digits + sizeof digits, rounded, std::chars_format::fixed, decimals).ptr;
  char const* dot = std::find(digits, end, '.');
  char const* frac_end = end;
  if (dot != end)
    while (frac_end > dot + 1 && frac_end[-1] == '0') --frac_end;
  std::size_t whole = static_cast<std::size_t>(dot - digits);
  bool zero = std::all_of(static_cast<char const*>(digits), dot, [](char c) { return c == '0'; }) && frac_end <= dot + 1;
  std::string out;
  out.reserve(whole + whole / 3 + static_cast<std::size_t>(frac_end - dot) + 2);
  if (x < 0 && !zero) out.push_back('-');
  for (std::size_t i = 0; i < whole; ++i) {
    if (i > 0 && (whole - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  if (frac_end > dot + 1) {
    out.push_back(',');
    out.append(dot + 1, frac_end);
  }
  return out;
}

}  // namespace chitieu
