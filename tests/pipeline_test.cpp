// Loading rule files: what is read, in which order, and what that means for reports.
#include <chitieu/pipeline.hpp>
#include <chitieu/report/inventory.hpp>
#include <chitieu/report/provenance.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

using namespace chitieu;

TEST_CASE("load_rules: the same files in any order, or named twice, give the same rule set") {
  auto rules = [](std::string const& sub) { return (std::filesystem::path(CHITIEU_SOURCE_DIR) / "rules" / sub).string(); };
  auto one = load_rules({rules("common"), rules("bac_ninh")});
  auto other = load_rules({rules("bac_ninh"), rules("common"), rules("common/units.ct")});
  REQUIRE(one.rules);
  REQUIRE(other.rules);
  REQUIRE(one.sources.size() == other.sources.size());
  for (std::size_t i = 0; i < one.sources.size(); ++i) CHECK(one.sources[i].name() == other.sources[i].name());
  CHECK(report::inventory_json(*one.rules, one.sources) == report::inventory_json(*other.rules, other.sources));
  CHECK(report::make_provenance(one.sources, "", 0).rules_sha256 ==
        report::make_provenance(other.sources, "", 0).rules_sha256);
}
