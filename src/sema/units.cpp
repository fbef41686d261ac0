// The algebra of units of measure (docs/language.md §4): a unit is a product of factors over a product
// of factors, "phòng/trường", "người·năm/giáo viên"; a product or quotient of two units puts their factors
// together and cancels a factor that is both above and below, as on paper.
#include <chitieu/number.hpp>

#include <algorithm>
#include <cmath>

#include "context.hpp"

namespace chitieu::sema::detail {
namespace {

struct factors {
  std::vector<std::string> above, below;
};

std::vector<std::string> split(std::string const& text, std::string const& sep) {
  std::vector<std::string> out;
  if (text.empty() || text == "1") return out;
  std::size_t at = 0;
  for (;;) {
    auto next = text.find(sep, at);
    out.push_back(text.substr(at, next - at));
    if (next == std::string::npos) return out;
    at = next + sep.size();
  }
}

factors parse(std::string const& unit) {
  auto slash = unit.find('/');
  factors f;
  f.above = split(unit.substr(0, slash), "·");
  if (slash != std::string::npos) f.below = split(unit.substr(slash + 1), "·");
  return f;
}

std::string join(std::vector<std::string> const& parts) {
  std::string out;
  for (auto const& p : parts) out += (out.empty() ? "" : "·") + p;
  return out;
}

}  // namespace

std::string combine_units(std::string const& a, std::string const& b, bool divide) {
  factors x = parse(a), y = parse(b);
  factors r = x;
  auto const& up = divide ? y.below : y.above;
  auto const& down = divide ? y.above : y.below;
  r.above.insert(r.above.end(), up.begin(), up.end());
  r.below.insert(r.below.end(), down.begin(), down.end());
  for (auto it = r.below.begin(); it != r.below.end();) {
    auto same = std::find(r.above.begin(), r.above.end(), *it);
    if (same == r.above.end()) {
      ++it;
      continue;
    }
    r.above.erase(same);
    it = r.below.erase(it);
  }
  if (r.below.empty()) return join(r.above);
  return (r.above.empty() ? std::string("1") : join(r.above)) + "/" + join(r.below);
}

}  // namespace chitieu::sema::detail

namespace chitieu::sema::detail {

std::optional<value_type> scaled_rate(check_context& cx, value_type const& rate, expr_node const& scale,
                                      source_span span) {
  bool whole = scale.op == node_op::constant && scale.type.literal && scale.type.kind == value_kind::number &&
               scale.number >= 1 && scale.number == std::floor(scale.number);
  if (!whole) {
    cx.error("sema.per_scale", scale.where.span, say(cx.lang, "'per' takes a whole number of units: per 1000, per 10000"));
    return std::nullopt;
  }
  auto slash = rate.unit.find('/');
  if (slash == std::string::npos || rate.unit.compare(0, 2, "1/") == 0 || rate.literal) {
    cx.error("sema.per_needs_rate", span,
             say(cx.lang, "'per N' scales a rate of one thing per another (sinh viên/người), not {0}", {type_name(cx, rate)}));
    return std::nullopt;
  }
  value_type t = rate;
  t.unit = rate.unit.substr(0, slash + 1) + format_vn_number(scale.number, 0) + " " + rate.unit.substr(slash + 1);
  return t;
}

}  // namespace chitieu::sema::detail
