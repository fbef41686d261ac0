// testing layer: boundary cases from milestones and obligation requirements, with the verdicts the
// comparator implies.
#include <chitieu/testing/boundaries.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/rules.hpp"

using namespace chitieu;

namespace {
nlohmann::json cases_of(std::string const& rules) {
  auto r = testing_support::check_text(rules);
  REQUIRE(r.rules);
  return nlohmann::json::parse(testing::generate_boundaries(*r.rules, {"t.ct"}).test_file);
}
std::vector<std::pair<double, std::string>> points(nlohmann::json const& file, std::string const& key,
                                                   std::string const& field) {
  std::vector<std::pair<double, std::string>> out;
  for (auto const& c : file["cases"])
    if (c["expect"].contains(key))
      for (auto const& [year, values] : c["data"]["values"].items())
        out.emplace_back(values[field].get<double>(), c["expect"][key].get<std::string>());
  return out;
}
using P = std::vector<std::pair<double, std::string>>;
}  // namespace

TEST_CASE("boundaries: 'trên' and 'ít nhất' differ at the threshold") {
  auto file = cases_of(R"(document d { number "1" }
field province.tl : percent "Tỉ lệ"
field province.so : count of "trường" "Số trường"
target T1 "Ít nhất 94%" { applies to province measure tl >= 94% by 2030 }
target T2 "Trên 20%" { applies to province measure tl > 20% by 2030 }
target T3 "Không quá 5 trường" { applies to province measure so <= 5 by 2030 < 3 by 2035 }
target T4 "Đủ 100%" { applies to province measure tl = 100% by 2030 }
target T5 "Từ 3 đến 4" { applies to province measure so between 3 and 4 by 2030 }
)");
  CHECK(file["rules"] == nlohmann::json::array({"t.ct"}));
  CHECK(points(file, "d.T1@2030", "tl") == P{{93.9, "not_met"}, {94, "met"}, {94.1, "met"}});
  CHECK(points(file, "d.T2@2030", "tl") == P{{19.9, "not_met"}, {20, "not_met"}, {20.1, "met"}});
  CHECK(points(file, "d.T3@2030", "so") == P{{4, "met"}, {5, "met"}, {6, "not_met"}});
  CHECK(points(file, "d.T3@2035", "so") == P{{2, "met"}, {3, "not_met"}, {4, "not_met"}});
  CHECK(points(file, "d.T4@2030", "tl") == P{{99.9, "not_met"}, {100, "met"}});  // 100.1% cannot be sent
  CHECK(points(file, "d.T5@2030", "so") ==
        P{{2, "not_met"}, {3, "met"}, {4, "met"}, {5, "not_met"}});
  auto const& first = file["cases"][0];
  CHECK(first["as_of"] == "2031-01-15");
  CHECK(first["data"]["kind"] == "province");
}

TEST_CASE("boundaries: a measure that is not one field is skipped, and said so") {
  auto r = testing_support::check_text(R"(document d { number "1" }
field school.dat : bool "Đạt"
target T1 "Tỉ lệ" { applies to province measure share(school, dat) >= 90% by 2030 }
)");
  REQUIRE(r.rules);
  auto result = testing::generate_boundaries(*r.rules, {"t.ct"});
  CHECK(result.cases == 0);
  CHECK(nlohmann::json::parse(result.test_file)["cases"].empty());
  CHECK(result.thresholds == 0);
  REQUIRE(result.skipped.size() == 1);
  CHECK(result.skipped[0] == "d.T1: the measure is not one field");
}

TEST_CASE("boundaries: an obligation's 'trên 20%' of a share and 'ít nhất' of a field") {
  auto file = cases_of(R"(document d { number "1" }
field province.chi_gd : money "Chi cho giáo dục"
field province.tong_chi : money "Tổng chi"
field province.so : count of "trường" "Số trường"
obligation O10 "Trên 20%, ít nhất 5 trường" {
  applies to province
  every year from 2027
  require chi_gd / tong_chi > 20%
  require 5 <= so
}
)");
  // The share: the total is held at 1000 and the part moves by one đồng.
  CHECK(points(file, "d.O10@2027", "chi_gd") == P{{199, "not_met"}, {200, "not_met"}, {201, "met"}});
  // `5 <= so` reads as `so >= 5`.
  CHECK(points(file, "d.O10@2027#2", "so") == P{{4, "not_met"}, {5, "met"}, {6, "met"}});
  for (auto const& c : file["cases"])
    if (c["expect"].contains("d.O10@2027")) CHECK(c["data"]["values"]["2027"]["tong_chi"] == 1000);
  CHECK(file["cases"].back()["as_of"] == "2028-01-15");
}
