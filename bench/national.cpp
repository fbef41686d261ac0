#include "national.hpp"

#include <chitieu/date.hpp>

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace chitieu::bench {
namespace {

using json = nlohmann::json;

/// splitmix64: the standard library's distributions differ between implementations, and the
/// batch must be the same everywhere the numbers are compared.
class rng {
 public:
  explicit rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t state_;
};

/// Splits `total` into `parts` shares differing by at most one, the larger ones first.
int share_of(int total, int parts, int i) { return total / parts + (i < total % parts ? 1 : 0); }

class generator {
 public:
  generator(sema::checked_ruleset const& rules, national_shape const& shape, std::uint64_t seed)
      : rules_(rules), shape_(shape), rng_(seed) {}

  national_batch run() {
    national_batch out;
    out.units_by_kind.assign(rules_.unit_kinds.size(), 0);
    batch_ = &out;
    int commune_index = 0;
    for (int p = 0; p < shape_.provinces; ++p) {
      int communes = share_of(shape_.communes * shape_.scale, shape_.provinces, p);
      char pid[16];
      std::snprintf(pid, sizeof pid, "p%02d", p + 1);
      json province = unit("province", pid, std::string("Tỉnh ") + pid);
      province["tasks"] = tasks();
      json children = json::array();
      for (int c = 0; c < communes; ++c, ++commune_index) {
        std::string cid = std::string(pid) + "-c" + std::to_string(c + 1);
        json commune = unit("commune", cid, "Xã " + cid);
        json grandchildren = json::array();
        int schools = share_of(shape_.schools * shape_.scale, shape_.communes * shape_.scale, commune_index);
        for (int s = 0; s < schools; ++s) {
          std::string sid = cid + "-s" + std::to_string(s + 1);
          grandchildren.push_back(unit("school", sid, "Trường " + sid));
        }
        if (shape_.learning_centres) grandchildren.push_back(unit("learning_centre", cid + "-tt", "TTHTCĐ " + cid));
        commune["children"] = std::move(grandchildren);
        children.push_back(std::move(commune));
      }
      auto add = [&](char const* kind, char const* tag, int n) {
        if (!rules_.find_unit_kind(kind)) return;
        for (int i = 0; i < n; ++i) {
          std::string id = std::string(pid) + "-" + tag + std::to_string(i + 1);
          children.push_back(unit(kind, id, id));
        }
      };
      add("vocational_school", "gdnn", shape_.vocational_schools);
      add("college", "cd", shape_.colleges);
      add("university", "dh", shape_.universities);
      add("department", "so", shape_.departments);
      add("qn_don_vi_so", "dvs", shape_.department_units);
      add("qn_phong_gddt", "pgd", shape_.district_offices);
      province["children"] = std::move(children);
      out.provinces.push_back(province.dump());
    }
    return out;
  }

 private:
  sema::checked_ruleset const& rules_;
  national_shape shape_;
  rng rng_;
  national_batch* batch_ = nullptr;

  json unit(char const* kind_id, std::string const& id, std::string const& name) {
    int kind = sema::index_or_none(rules_.find_unit_kind(kind_id));
    json j = {{"kind", kind_id}, {"id", id}, {"name", name}};
    if (kind < 0) return j;  // the loader reports it and skips the unit
    ++batch_->units;
    ++batch_->units_by_kind[static_cast<std::size_t>(kind)];
    auto const& fields = rules_.unit_kinds[static_cast<std::size_t>(kind)].fields;
    // A unit's character (a public school, a commune that has finished universalisation) holds
    // across years; only some values move, so both years mostly agree as real data would.
    json values = json::object();
    std::vector<json> first(fields.size());
    for (int year : shape_.years) {
      json row = json::object();
      for (std::size_t slot = 0; slot < fields.size(); ++slot) {
        auto const& f = rules_.fields[static_cast<std::size_t>(fields[slot])];
        if (rng_.chance(shape_.missing_rate)) continue;
        json v = (!first[slot].is_null() && rng_.chance(0.7)) ? first[slot] : value(f.type, year);
        if (first[slot].is_null()) first[slot] = v;
        row[f.id] = std::move(v);
        ++batch_->values;
      }
      values[std::to_string(year)] = std::move(row);
    }
    j["values"] = std::move(values);
    return j;
  }

  json value(sema::value_type const& t, int year) {
    using sema::value_kind;
    switch (t.kind) {
      case value_kind::boolean: return rng_.chance(0.8);
      case value_kind::percent: return std::round(rng_.unit() * 1000) / 10;
      case value_kind::count: return rng_.below(200);
      case value_kind::money: return static_cast<double>(rng_.below(1'000'000)) * 1e6;
      case value_kind::rank: return 1 + rng_.below(34);
      case value_kind::year: return year;
      case value_kind::number: return std::round(rng_.unit() * 1000) / 1000;
      case value_kind::date: {
        auto month = static_cast<unsigned>(1 + rng_.below(12));
        auto day = static_cast<unsigned>(1 + rng_.below(static_cast<int>(days_in_month(year, month))));
        return format_iso_date(days_from_civil({year, month, day}));
      }
      case value_kind::level: {
        auto const& levels = rules_.ladders[static_cast<std::size_t>(t.ladder)].levels;
        return levels[static_cast<std::size_t>(rng_.below(static_cast<int>(levels.size())))].id;
      }
      case value_kind::text: return "ghi chú";
    }
    return nullptr;
  }

  json tasks() {
    json out = json::object();
    for (auto const& t : rules_.tasks) {
      json report = json::object();
      switch (rng_.below(3)) {
        case 0: report["status"] = "not_started"; break;
        case 1:
          report["status"] = "in_progress";
          report["progress"] = rng_.below(100);
          break;
        default:
          report["status"] = "done";
          report["completed"] = format_iso_date(days_from_civil({2026, 1 + static_cast<unsigned>(rng_.below(12)), 1}));
          break;
      }
      out[rules_.documents[static_cast<std::size_t>(t.document)].id][t.id] = std::move(report);
    }
    return out;
  }
};

}  // namespace

national_batch generate_national(sema::checked_ruleset const& rules, national_shape const& shape,
                                 std::uint64_t seed) {
  return generator(rules, shape, seed).run();
}

}  // namespace chitieu::bench
