// Boundary cases from the milestones: the expected verdicts come from the comparator alone, so running
// them checks the evaluator's reading of >, >=, <, <=, = and between at the threshold itself.
#include <chitieu/json_text.hpp>
#include <chitieu/testing/boundaries.hpp>

#include <nlohmann/json.hpp>

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
    case value_kind::count:
    case value_kind::money: return x >= 0;
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

/// Where a threshold sits and how the tested value is sent.
struct probe {
  std::string key;          // bn_ctr04.T1@2030, bn_ctr04.O10@2026#2
  milestone::op comparator;
  double lower = 0, upper = 0;  // display units (percent in percent); upper for between only
  value_kind kind;              // of the value varied, for its step and range
  int levels = 0;               // a level field: the ladder's size
  int year = 0;
  std::string unit_kind;
  std::string field;                  // the field varied
  std::vector<std::string> level_ids;  // a level field: the ids by index
  std::string denominator;            // a ratio of two fields: the field held at `denominator_value`
  double denominator_value = 0;
  std::string condition;  // as the rule states it, when the threshold is not the value varied
};

constexpr double ratio_denominator = 1000;

void emit(probe const& p, nlohmann::json& cases, int& thresholds) {
  double step = step_for(p.kind, p.lower);
  std::vector<double> points{p.lower - step, p.lower, p.lower + step};
  if (p.comparator == milestone::op::between) points.insert(points.end(), {p.upper, p.upper + step});
  for (double& x : points) x = std::round(x * 1e9) / 1e9;
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  ++thresholds;
  double lower = std::round(p.lower * 1e9) / 1e9, upper = std::round(p.upper * 1e9) / 1e9;
  for (double x : points) {
    if (!in_range(p.kind, x, p.levels)) continue;
    bool met = meets(milestone{p.comparator, 0, 0, 0, {}}, x, lower, upper);
    nlohmann::json value = p.level_ids.empty() ? nlohmann::json(x) : nlohmann::json(p.level_ids.at(static_cast<std::size_t>(x)));
    nlohmann::json values = {{p.field, value}};
    std::string sent = p.field + " = " + (value.is_string() ? value.get<std::string>() : number_text(x));
    if (!p.denominator.empty()) {
      values[p.denominator] = p.denominator_value;
      sent += ", " + p.denominator + " = " + number_text(p.denominator_value);
    }
    std::string threshold = p.comparator == milestone::op::between
                                ? number_text(p.lower) + " and " + number_text(p.upper)
                                : number_text(p.lower);
    nlohmann::json c;
    c["name"] = p.key + " " + (p.condition.empty() ? sign(p.comparator) + (" " + threshold) : p.condition) + ": " +
                sent + " → " + (met ? "met" : "not_met");
    c["as_of"] = std::to_string(p.year + 1) + "-01-15";
    c["data"] = {{"kind", p.unit_kind},
                 {"id", "u"},
                 {"name", "Đơn vị thử ranh giới"},
                 {"values", {{std::to_string(p.year), values}}}};
    c["expect"] = {{p.key, met ? "met" : "not_met"}};
    cases.push_back(std::move(c));
  }
}

bool is_numeric(value_kind kind) {
  return kind == value_kind::number || kind == value_kind::count || kind == value_kind::percent ||
         kind == value_kind::money || kind == value_kind::rank;
}

/// `field OP constant` or `a / b OP constant` (either way round), as a probe; false for anything else.
bool obligation_probe(sema::checked_ruleset const& checked, int root, probe& p) {
  using sema::node_op;
  auto node = [&](int i) -> sema::expr_node const& { return checked.nodes.at(static_cast<std::size_t>(i)); };
  auto const& n = node(root);
  milestone::op op;
  switch (n.op) {
    case node_op::ge: op = milestone::op::ge; break;
    case node_op::gt: op = milestone::op::gt; break;
    case node_op::le: op = milestone::op::le; break;
    case node_op::lt: op = milestone::op::lt; break;
    case node_op::eq: op = milestone::op::eq; break;
    default: return false;
  }
  int var = n.lhs, constant = n.rhs;
  if (node(var).op == node_op::constant) {
    std::swap(var, constant);
    op = op == milestone::op::ge ? milestone::op::le : op == milestone::op::le ? milestone::op::ge
       : op == milestone::op::gt ? milestone::op::lt : op == milestone::op::lt ? milestone::op::gt : op;
  }
  if (node(constant).op != node_op::constant) return false;
  double c = node(constant).number;
  auto const& v = node(var);
  p.comparator = op;
  if (v.op == node_op::field && v.field >= 0) {
    auto const& f = checked.fields.at(static_cast<std::size_t>(v.field));
    if (!is_numeric(f.type.kind)) return false;
    p.field = f.id;
    p.kind = f.type.kind;
    p.lower = c * (f.type.kind == value_kind::percent ? 100 : 1);
    return true;
  }
  // A share of two amounts: the denominator is held at 1000 and the numerator moves by one.
  if (v.op == node_op::div && node(v.lhs).op == node_op::field && node(v.rhs).op == node_op::field) {
    auto const& a = checked.fields.at(static_cast<std::size_t>(node(v.lhs).field));
    auto const& b = checked.fields.at(static_cast<std::size_t>(node(v.rhs).field));
    bool whole = [](value_kind k) { return k == value_kind::count || k == value_kind::money; }(a.type.kind);
    if (!whole || a.type.kind != b.type.kind || a.id == b.id) return false;
    p.field = a.id;
    p.kind = value_kind::count;
    p.denominator = b.id;
    p.denominator_value = ratio_denominator;
    p.lower = c * ratio_denominator;
    p.condition = a.id + " / " + b.id + " " + sign(op) + " " + number_text(c * 100) + "%";
    return true;
  }
  return false;
}

}  // namespace

boundary_result generate_boundaries(sema::checked_ruleset const& checked, std::vector<std::string> const& rules) {
  boundary_result result;
  nlohmann::json file;
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
    if (!is_numeric(kind) && kind != value_kind::level) {
      result.skipped.push_back(id + ": the field is not a number or a level");
      continue;
    }
    probe p;
    p.kind = kind;
    p.field = field.id;
    p.unit_kind = checked.unit_kinds.at(static_cast<std::size_t>(t.applies[0])).id;
    if (kind == value_kind::level && field.type.ladder >= 0) {
      for (auto const& l : checked.ladders.at(static_cast<std::size_t>(field.type.ladder)).levels)
        p.level_ids.push_back(l.id);
      p.levels = static_cast<int>(p.level_ids.size());
    }
    for (auto const& m : t.milestones) {
      if (m.comparator == milestone::op::approx) {
        result.skipped.push_back(id + "@" + std::to_string(m.year) + ": approx has no sharp threshold");
        continue;
      }
      double scale = kind == value_kind::percent ? 100 : 1;  // held as fractions, submitted in percent
      p.key = id + "@" + std::to_string(m.year);
      p.comparator = m.comparator;
      p.lower = m.value * scale;
      p.upper = m.upper * scale;
      p.year = m.year;
      emit(p, file["cases"], result.thresholds);
    }
  }
  for (auto const& o : checked.obligations) {
    std::string id = checked.documents.at(static_cast<std::size_t>(o.document)).id + "." + o.id;
    if (o.applies.empty()) continue;
    int year = o.from_year != 0 ? o.from_year : 2026;
    if (o.until_year != 0 && o.until_year < year) continue;
    for (std::size_t k = 0; k < o.requirements.size(); ++k) {
      std::string key = id + "@" + std::to_string(year) + (k == 0 ? "" : "#" + std::to_string(k + 1));
      probe p;
      if (o.requirements[k].roots.empty() || !obligation_probe(checked, o.requirements[k].roots[0], p)) {
        result.skipped.push_back(key + ": not a field, or a share of two amounts, against a number");
        continue;
      }
      p.key = key;
      p.year = year;
      p.unit_kind = checked.unit_kinds.at(static_cast<std::size_t>(o.applies[0])).id;
      emit(p, file["cases"], result.thresholds);
    }
  }
  result.cases = static_cast<int>(file["cases"].size());
  result.test_file = json_text(file);
  return result;
}

}  // namespace chitieu::testing
