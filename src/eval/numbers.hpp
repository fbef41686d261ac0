// Private to src/eval: a number in a message, written as readers of the message's language write it.
#pragma once
#include <chitieu/language.hpp>
#include <chitieu/number.hpp>

#include <string>

namespace chitieu::eval::detail {

/// "1.234,5" in Vietnamese, "1,234.5" in English: the Vietnamese form with its two separators swapped.
inline std::string number_in(language lang, double x, int decimals = 2) {
  std::string s = format_vn_number(x, decimals);
  if (lang == language::vi) return s;
  for (auto& c : s) c = c == '.' ? ',' : c == ',' ? '.' : c;
  return s;
}

}  // namespace chitieu::eval::detail
