// The expression interpreter over flat value rows. NaN means "unknown"; evidence (which values were
// missing) is only gathered on request, so the common path allocates nothing. Private to src/eval.
#pragma once
#include <chitieu/eval/dataset.hpp>
#include <chitieu/eval/plan.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace chitieu::eval::detail {

struct evidence_sink {
  std::vector<std::string>* missing = nullptr;
  std::size_t cap = 20;
  std::size_t total = 0;
  bool division_by_zero = false;
  bool empty_set = false;  // an aggregate found no unit to look at
};

class interpreter {
 public:
  interpreter(plan const& p, dataset const& d)
      : nodes_(p.rules().nodes.data()), rules_(p.rules()), data_(d) {}

  /// Value of node `n` at unit `u` in `year`; `due` is the obligation's due day for that year.
  double eval(int n, std::uint32_t u, int year, double due = 0,
              evidence_sink* sink = nullptr) const {
    auto const& e = nodes_[n];
    using sema::node_op;
    switch (e.op) {
      case node_op::constant: return e.number;
      case node_op::field: {
        double v = data_.value(u, year, e.slot);
        if (sink && std::isnan(v)) note_missing(*sink, u, year, e.field);
        return v;
      }
      case node_op::due_date: return due;
      case node_op::negate: return -eval(e.lhs, u, year, due, sink);
      case node_op::logical_not: {
        double v = eval(e.lhs, u, year, due, sink);
        return std::isnan(v) ? v : (v != 0 ? 0 : 1);
      }
      case node_op::add: return eval(e.lhs, u, year, due, sink) + eval(e.rhs, u, year, due, sink);
      case node_op::sub: return eval(e.lhs, u, year, due, sink) - eval(e.rhs, u, year, due, sink);
      case node_op::mul: return eval(e.lhs, u, year, due, sink) * eval(e.rhs, u, year, due, sink);
      case node_op::div: {
        double a = eval(e.lhs, u, year, due, sink), b = eval(e.rhs, u, year, due, sink);
        if (b == 0) {
          if (sink && !std::isnan(a)) sink->division_by_zero = true;
          return std::numeric_limits<double>::quiet_NaN();
        }
        return a / b;
      }
      case node_op::eq: return compare(e, u, year, due, sink, [](double a, double b) { return a == b; });
      case node_op::ne: return compare(e, u, year, due, sink, [](double a, double b) { return a != b; });
      case node_op::lt: return compare(e, u, year, due, sink, [](double a, double b) { return a < b; });
      case node_op::le: return compare(e, u, year, due, sink, [](double a, double b) { return a <= b; });
      case node_op::gt: return compare(e, u, year, due, sink, [](double a, double b) { return a > b; });
      case node_op::ge: return compare(e, u, year, due, sink, [](double a, double b) { return a >= b; });
      case node_op::logical_and: {
        // false wins over unknown: one failing part settles the whole.
        double a = eval(e.lhs, u, year, due, sink);
        if (a == 0) return 0;
        double b = eval(e.rhs, u, year, due, sink);
        if (b == 0) return 0;
        return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : 1;
      }
      case node_op::logical_or: {
        double a = eval(e.lhs, u, year, due, sink);
        if (a == 1) return 1;
        double b = eval(e.rhs, u, year, due, sink);
        if (b == 1) return 1;
        return std::isnan(a) || std::isnan(b) ? std::numeric_limits<double>::quiet_NaN() : 0;
      }
      case node_op::agg_count:
      case node_op::agg_sum:
      case node_op::agg_avg:
      case node_op::agg_min:
      case node_op::agg_max:
      case node_op::agg_share:
      case node_op::agg_all:
      case node_op::agg_any: return aggregate(e, u, year, due, sink);
      case node_op::growth: return growth(e, u, year, due, sink);
      case node_op::cumulative: {
        double total = 0;
        for (int y = e.from_year; y <= year; ++y) total += eval(e.lhs, u, y, due, sink);
        return e.from_year > year ? std::numeric_limits<double>::quiet_NaN() : total;
      }
    }
    return std::numeric_limits<double>::quiet_NaN();
  }

  /// Units of `kind` among `u` and its descendants, as a range of units_by_kind[kind].
  std::pair<std::uint32_t const*, std::uint32_t const*> members(int kind, std::uint32_t u) const {
    auto const& list = data_.units_by_kind[static_cast<std::size_t>(kind)];
    if (static_cast<std::size_t>(kind) < data_.kind_before.size()) {
      auto const& before = data_.kind_before[static_cast<std::size_t>(kind)];
      if (before.empty()) return {list.data(), list.data()};  // indexed, and no unit of this kind
      return {list.data() + before[u], list.data() + before[data_.units[u].subtree_end]};
    }
    auto first = std::lower_bound(list.begin(), list.end(), u);
    auto last = std::lower_bound(first, list.end(), data_.units[u].subtree_end);
    return {list.data() + (first - list.begin()), list.data() + (last - list.begin())};
  }

  void note_missing(evidence_sink& sink, std::uint32_t u, int year, int field) const {
    ++sink.total;
    if (sink.missing && sink.missing->size() < sink.cap)
      sink.missing->push_back(data_.units[u].pointer + "/values/" + std::to_string(year) + "/" +
                              rules_.fields[static_cast<std::size_t>(field)].id);
  }

 private:
  sema::expr_node const* nodes_;
  sema::checked_ruleset const& rules_;
  dataset const& data_;

  template <typename Cmp>
  double compare(sema::expr_node const& e, std::uint32_t u, int year, double due, evidence_sink* sink,
                 Cmp cmp) const {
    double a = eval(e.lhs, u, year, due, sink), b = eval(e.rhs, u, year, due, sink);
    return compared(a, b, cmp);
  }

  template <typename Cmp>
  static double compared(double a, double b, Cmp cmp) {
    if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<double>::quiet_NaN();
    // Percents held as fractions: compare with a tolerance so 0.94 read from "94" equals 94%.
    double scale = std::max({1.0, std::abs(a), std::abs(b)});
    if (std::abs(a - b) <= 1e-14 * scale) b = a;
    return cmp(a, b) ? 1 : 0;
  }

  // Aggregates over many units go through eval_batch in groups of `batch`: one dispatch per node per
  // group instead of per unit, which is most of the cost of a province-wide share. Only without a
  // sink, where evaluating has no side effects and skipping an operand changes nothing but time.
  static constexpr std::size_t batch = 64;
  static constexpr std::ptrdiff_t batch_from = 4;  // fewer members: the scalar path is faster
  static constexpr int batch_depth = 32;           // deeper: unit by unit, so the stack stays bounded

  /// Node `n` at each of `count` (≤ batch) units into `out`, exactly as eval would give it.
  void eval_batch(int n, std::uint32_t const* units, std::size_t count, int year, double due, double* out,
                  int depth) const {
    auto const& e = nodes_[n];
    using sema::node_op;
    constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
    auto each = [&](auto f) {
      for (std::size_t i = 0; i < count; ++i) out[i] = f(out[i]);
    };
    auto pairwise = [&](auto f) {
      double rhs[batch];
      eval_batch(e.lhs, units, count, year, due, out, depth + 1);
      eval_batch(e.rhs, units, count, year, due, rhs, depth + 1);
      for (std::size_t i = 0; i < count; ++i) out[i] = f(out[i], rhs[i]);
    };
    if (depth >= batch_depth) {
      for (std::size_t i = 0; i < count; ++i) out[i] = eval(n, units[i], year, due, nullptr);
      return;
    }
    switch (e.op) {
      case node_op::constant: std::fill(out, out + count, e.number); return;
      case node_op::due_date: std::fill(out, out + count, due); return;
      case node_op::field:
        for (std::size_t i = 0; i < count; ++i) out[i] = data_.value(units[i], year, e.slot);
        return;
      case node_op::negate:
        eval_batch(e.lhs, units, count, year, due, out, depth + 1);
        return each([](double v) { return -v; });
      case node_op::logical_not:
        eval_batch(e.lhs, units, count, year, due, out, depth + 1);
        return each([](double v) { return std::isnan(v) ? v : (v != 0 ? 0 : 1); });
      case node_op::add: return pairwise([](double a, double b) { return a + b; });
      case node_op::sub: return pairwise([](double a, double b) { return a - b; });
      case node_op::mul: return pairwise([](double a, double b) { return a * b; });
      case node_op::div: return pairwise([](double a, double b) { return b == 0 ? unknown : a / b; });
      case node_op::eq: return pairwise([](double a, double b) { return compared(a, b, std::equal_to<>()); });
      case node_op::ne: return pairwise([](double a, double b) { return compared(a, b, std::not_equal_to<>()); });
      case node_op::lt: return pairwise([](double a, double b) { return compared(a, b, std::less<>()); });
      case node_op::le: return pairwise([](double a, double b) { return compared(a, b, std::less_equal<>()); });
      case node_op::gt: return pairwise([](double a, double b) { return compared(a, b, std::greater<>()); });
      case node_op::ge: return pairwise([](double a, double b) { return compared(a, b, std::greater_equal<>()); });
      case node_op::logical_and:
        return pairwise([](double a, double b) {
          return a == 0 || b == 0 ? 0 : std::isnan(a) || std::isnan(b) ? unknown : 1;
        });
      case node_op::logical_or:
        return pairwise([](double a, double b) {
          return a == 1 || b == 1 ? 1 : std::isnan(a) || std::isnan(b) ? unknown : 0;
        });
      default:  // aggregates, growth, cumulative: they loop or look at other years themselves
        for (std::size_t i = 0; i < count; ++i) out[i] = eval(n, units[i], year, due, nullptr);
        return;
    }
  }

  struct tally {
    double count = 0, sum = 0, best = std::numeric_limits<double>::quiet_NaN();
    bool unknown = false;
  };

  void tally_batch(sema::expr_node const& e, std::uint32_t const* first, std::uint32_t const* last, int year,
                   double due, tally& t) const {
    using sema::node_op;
    double keep[batch], v[batch];
    for (; first < last; first += batch) {
      auto count = std::min(batch, static_cast<std::size_t>(last - first));
      if (e.lhs >= 0) eval_batch(e.lhs, first, count, year, due, keep, 0);
      if (e.op != node_op::agg_count) eval_batch(e.rhs, first, count, year, due, v, 0);
      for (std::size_t i = 0; i < count; ++i) {
        if (e.lhs >= 0) {
          if (std::isnan(keep[i])) {
            t.unknown = true;
            continue;
          }
          if (keep[i] == 0) continue;
        }
        if (e.op == node_op::agg_count) {
          ++t.count;
          continue;
        }
        if (std::isnan(v[i])) {
          t.unknown = true;
          continue;
        }
        ++t.count;
        t.sum += v[i];
        if (e.op == node_op::agg_min) t.best = std::isnan(t.best) ? v[i] : std::min(t.best, v[i]);
        if (e.op == node_op::agg_max) t.best = std::isnan(t.best) ? v[i] : std::max(t.best, v[i]);
      }
    }
  }

  double aggregate(sema::expr_node const& e, std::uint32_t u, int year, double due,
                   evidence_sink* sink) const {
    using sema::node_op;
    auto [first, last] = members(e.unit_kind, u);
    tally batched;
    if (!sink && last - first >= batch_from) {
      tally_batch(e, first, last, year, due, batched);
      first = last;
    }
    double count = batched.count, sum = batched.sum, best = batched.best;
    bool unknown = batched.unknown;
    for (auto it = first; it != last; ++it) {
      if (e.lhs >= 0) {
        double keep = eval(e.lhs, *it, year, due, sink);
        if (std::isnan(keep)) {
          unknown = true;
          continue;
        }
        if (keep == 0) continue;
      }
      if (e.op == node_op::agg_count) {
        ++count;
        continue;
      }
      double v = eval(e.rhs, *it, year, due, sink);
      if (std::isnan(v)) {
        unknown = true;
        continue;
      }
      ++count;
      sum += v;
      if (e.op == node_op::agg_min) best = std::isnan(best) ? v : std::min(best, v);
      if (e.op == node_op::agg_max) best = std::isnan(best) ? v : std::max(best, v);
    }
    if (unknown) return std::numeric_limits<double>::quiet_NaN();
    switch (e.op) {
      case node_op::agg_count: return count;
      case node_op::agg_sum: return sum;
      // Over no units at all, "all" holds and "any" does not, as in logic.
      case node_op::agg_all: return sum == count ? 1 : 0;
      case node_op::agg_any: return sum > 0 ? 1 : 0;
      default: break;
    }
    if (count == 0) {
      if (sink) sink->empty_set = true;
      return std::numeric_limits<double>::quiet_NaN();
    }
    switch (e.op) {
      case node_op::agg_avg:
      case node_op::agg_share: return sum / count;
      default: return best;
    }
  }

  double growth(sema::expr_node const& e, std::uint32_t u, int year, double due,
                evidence_sink* sink) const {
    double now = eval(e.lhs, u, year, due, sink);
    int from = e.from_year;
    if (from == 0) {
      for (int y : data_.years)
        if (y < year && !std::isnan(eval(e.lhs, u, y, due, nullptr))) {
          from = y;
          break;
        }
      if (from == 0) {
        if (sink) sink->empty_set = true;
        return std::numeric_limits<double>::quiet_NaN();
      }
    }
    if (from >= year) return std::numeric_limits<double>::quiet_NaN();
    double base = eval(e.lhs, u, from, due, sink);
    if (std::isnan(now) || std::isnan(base)) return std::numeric_limits<double>::quiet_NaN();
    if (base <= 0) {
      if (sink) sink->division_by_zero = true;
      return std::numeric_limits<double>::quiet_NaN();
    }
    return std::pow(now / base, 1.0 / (year - from)) - 1;
  }
};

}  // namespace chitieu::eval::detail
