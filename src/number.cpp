// Vietnamese number formatting (include/chitieu/number.hpp).
#include <chitieu/number.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

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
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded);
  std::string s = buf;
  std::string frac;
  if (auto dot = s.find('.'); dot != std::string::npos) {
    frac = s.substr(dot + 1);
    s = s.substr(0, dot);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  std::string grouped;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (s.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(s[i]);
  }
  bool zero = grouped.find_first_not_of("0.") == std::string::npos && frac.empty();
  return (x < 0 && !zero ? "-" : "") + grouped + (frac.empty() ? "" : "," + frac);
}

}  // namespace chitieu
