#include "result_digest.hpp"

#include "dataset_builder.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace chitieu::bench {

void digest::add(std::uint64_t x) {
  for (int i = 0; i < 8; ++i) {
    h ^= (x >> (8 * i)) & 0xff;
    h *= 1099511628211ULL;
  }
}

void digest::add(double d) {
  std::uint64_t bits;
  if (std::isnan(d)) d = std::numeric_limits<double>::quiet_NaN();
  std::memcpy(&bits, &d, sizeof bits);
  add(bits);
}

void digest::add(int x) { add(static_cast<std::uint64_t>(static_cast<std::int64_t>(x))); }

void digest::add(std::string_view s) {
  add(static_cast<std::uint64_t>(s.size()));
  for (char c : s) add(static_cast<std::uint64_t>(static_cast<unsigned char>(c)));
}

namespace {

void add_score(digest& d, eval::score const& s) {
  d.add(s.scope);
  d.add(s.value);
  d.add(s.weight);
  d.add(s.counted);
  d.add(s.no_data);
  d.add(s.excluded);
}

}  // namespace

void add_evaluation(digest& d, eval::evaluation const& e) {
  for (auto const& u : e.units) {
    d.add(static_cast<std::uint64_t>(u.unit));
    for (auto const& t : u.targets) {
      d.add(t.target);
      d.add(static_cast<int>(t.headline));
      d.add(t.headline_milestone);
      d.add(t.reason);
      for (int k : t.serving_tasks) d.add(k);
      for (int k : t.accountable) d.add(k);
      for (int k : t.at_risk_from) d.add(k);
      for (auto const& m : t.milestones) {
        d.add(static_cast<int>(m.result));
        for (double x : {m.value, m.threshold, m.gap, m.progress, m.baseline, m.expected, m.parts.numerator,
                         m.parts.denominator, m.parts.needed})
          d.add(x);
        d.add(m.value_year);
        d.add(m.baseline_year);
        d.add(static_cast<int>(m.baseline_from_rule));
        d.add(m.parts.numerator_unit);
        d.add(m.parts.denominator_unit);
        for (auto const& p : m.missing) d.add(p);
        d.add(m.missing_total);
        d.add(static_cast<int>(m.division_by_zero));
        for (auto f : m.failing_units) d.add(static_cast<std::uint64_t>(f));
        d.add(m.failing_total);
      }
    }
    for (auto const& o : u.obligations) {
      d.add(o.obligation);
      d.add(static_cast<int>(o.overall));
      d.add(o.progress);
      for (auto const& r : o.years) {
        d.add(r.requirement);
        d.add(r.year);
        d.add(static_cast<int>(r.result));
        d.add(r.value);
        d.add(r.threshold);
        d.add(r.gap);
        d.add(static_cast<int>(r.due));
        for (auto const& p : r.missing) d.add(p);
        d.add(r.missing_total);
      }
    }
    for (auto const& k : u.tasks) {
      d.add(k.task);
      d.add(static_cast<int>(k.result));
      d.add(static_cast<int>(k.due));
    }
    for (auto const& s : u.groups) add_score(d, s);
    for (auto const& s : u.documents) add_score(d, s);
    add_score(d, u.overall);
  }
}

std::size_t bytes_of(eval::dataset const& d) { return eval::detail::dataset_builder::heap_bytes(d); }

}  // namespace chitieu::bench
