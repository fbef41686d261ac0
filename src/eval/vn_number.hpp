// Numbers the Vietnamese way (1.234,5) for data issue messages. Private to src/eval: eval may not
// include report, whose format_number does the same for scorecards.
#pragma once
#include <cmath>
#include <cstdio>
#include <string>

namespace chitieu::eval::detail {

inline std::string vn_number(double x, int decimals = 2) {
  if (std::isnan(x)) return "—";
  if (std::isinf(x)) return x > 0 ? "∞" : "-∞";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::abs(x));
  std::string whole = buf, frac;
  if (auto dot = whole.find('.'); dot != std::string::npos) {
    frac = whole.substr(dot + 1);
    whole.resize(dot);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
  }
  std::string grouped;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(whole[i]);
  }
  bool zero = grouped.find_first_not_of("0.") == std::string::npos && frac.empty();
  return (x < 0 && !zero ? "-" : "") + grouped + (frac.empty() ? "" : "," + frac);
}

}  // namespace chitieu::eval::detail
