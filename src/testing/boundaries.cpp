// Boundary cases from the milestones: the expected verdicts come from the comparator alone, so running
// them checks the evaluator's reading of >, >=, <, <=, = and between at the threshold itself.
#include <chitieu/testing/boundaries.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace chitieu::testing {
namespace {

using sema::milestone;
using sema::value_kind;

/// The smallest step that counts as "just" below or above, in display units.
double step_for(value_kind kind, double threshold) {
  switch (kind) {
    case value_kind::count:
    case value_kind::rank:
    case value_kind::year:
    case value_kind::level: return 1;
    case value_kind::percent: return 0.1;
    default: return threshold == 0 ? 0.01 : std::abs(threshold) * 0.001;
  }
}

bool in_range(value_kind kind, double x, int levels) {
  switch (kind) {
    case value_kind::percent: return x >= 0 && x <= 100;
    case value_kind::count: return x >= 0;
    case value_kind::rank: return x >= 1;
    case value_kind::level: return x >= 0 && x < levels;
    default: return true;
  }
}

bool meets(milestone const& m, double v, double lower, double upper) {
  switch (m.comparator) {
    case milestone::op::ge: return v >= lower;
    case milestone::op::gt: return v > lower;
    case milestone::op::le: return v <= lower;
    case milestone::op::lt: return v < lower;
    case milestone::op::eq: return v == lower;
    case milestone::op::between: return v >= lower && v <= upper;
    case milestone::op::approx: return false;
  }
  return false;
}

char const* sign(milestone::op op) {
  switch (op) {
    case milestone::op::ge: return ">=";
    case milestone::op::gt: return ">";
    case milestone::op::le: return "<=";
    case milestone::op::lt: return "<";
    case milestone::op::eq: return "=";
    default: return "between";
  }
}

std::string number_text(double x) {
  std::ostringstream out;
  out.precision(15);
  out << x;
  return out.str();
}

}  // namespace

boundary_result generate_boundaries(sema::checked_ruleset const& checked, std::vector<std::string> const& rules) {
  boundary_result result;
  auto& file = result.test_file;
  file["rules"] = rules;
  file["cases"] = nlohmann::json::array();
  for (auto const& t : checked.targets) {
    std::string id = checked.documents.at(static_cast<std::size_t>(t.document)).id + "." + t.id;
    if (t.applies.empty() || t.measure < 0) continue;
    auto const& node = checked.nodes.at(static_cast<std::size_t>(t.measure));
    if (node.op != sema::node_op::field || node.field < 0) {
      result.skipped.push_back(id + ": the measure is not one field");
      continue;
    }
    auto const& field = checked.fields.at(static_cast<std::size_t>(node.field));
    auto kind = field.type.kind;
    if (kind != value_kind::number && kind != value_kind::count && kind != value_kind::percent &&
        kind != value_kind::money && kind != value_kind::rank && kind != value_kind::level) {
      result.skipped.push_back(id + ": the field is not a number or a level");
      continue;
    }
    int levels = kind == value_kind::level && field.type.ladder >= 0
                     ? static_cast<int>(checked.ladders.at(static_cast<std::size_t>(field.type.ladder)).levels.size())
                     : 0;
    auto const& unit = checked.unit_kinds.at(static_cast<std::size_t>(t.applies[0]));
    for (auto const& m : t.milestones) {
      if (m.comparator == milestone::op::approx) {
        result.skipped.push_back(id + "@" + std::to_string(m.year) + ": approx has no sharp threshold");
        continue;
      }
      double scale = kind == value_kind::percent ? 100 : 1;  // held as fractions, submitted in percent
      double lower = m.value * scale, upper = m.upper * scale;
      double step = step_for(kind, lower);
      std::vector<double> points{lower - step, lower, lower + step};
      if (m.comparator == milestone::op::between) points.insert(points.end(), {upper, upper + step});
      for (double& x : points) x = std::round(x * 1e9) / 1e9;
      std::sort(points.begin(), points.end());
      points.erase(std::unique(points.begin(), points.end()), points.end());
      ++result.milestones;
      for (double x : points) {
        if (!in_range(kind, x, levels)) continue;
        bool met = meets(m, x, std::round(lower * 1e9) / 1e9, std::round(upper * 1e9) / 1e9);
        nlohmann::json value;
        if (kind == value_kind::level)
          value = checked.ladders.at(static_cast<std::size_t>(field.type.ladder)).levels.at(static_cast<std::size_t>(x)).id;
        else
          value = x;
        std::string key = id + "@" + std::to_string(m.year);
        std::string threshold = m.comparator == milestone::op::between
                                    ? number_text(lower) + " and " + number_text(upper)
                                    : number_text(lower);
        nlohmann::json c;
        c["name"] = key + " " + sign(m.comparator) + " " + threshold + ": " + field.id + " = " +
                    (value.is_string() ? value.get<std::string>() : number_text(x)) + " → " +
                    (met ? "met" : "not_met");
        c["as_of"] = std::to_string(m.year + 1) + "-01-15";
        c["data"] = {{"kind", unit.id},
                     {"id", "u"},
                     {"name", "Đơn vị thử ranh giới"},
                     {"values", {{std::to_string(m.year), {{field.id, value}}}}}};
        c["expect"] = {{key, met ? "met" : "not_met"}};
        file["cases"].push_back(std::move(c));
      }
    }
  }
  return result;
}

}  // namespace chitieu::testing
