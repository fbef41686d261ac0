// testing layer: expectations of a rule test file on bounds, pace, reasons and who answers for an item.
#include <chitieu/testing.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "support/rules.hpp"

using namespace chitieu;
namespace fs = std::filesystem;

namespace {

/// A rule file and a test file in a fresh directory; the test file is the one to run.
fs::path write_case(std::string const& name, std::string const& expect) {
  auto dir = fs::temp_directory_path() / ("chitieu_testing_" + name);
  fs::create_directories(dir);
  std::ofstream(dir / "rules.ct") << testing_support::units_ct << R"(
document d { number "01/KH" }
field school.phong_stem : count of "phòng" "Phòng STEM"
field school.dat_chuan : bool "Đạt chuẩn"
field commune.pho_cap : bool "Phổ cập"
field province.ty_le : percent "Tỉ lệ"
field province.bat_binh_dang : percent "Bất bình đẳng"
target TS "Phòng STEM mỗi trường" { applies to province measure sum(school, phong_stem) / count(school) >= 1.0 by 2030 }
target TB "Bất bình đẳng" { applies to province measure bat_binh_dang < 10% by 2030 }
target TL "Tỉ lệ" { applies to province measure ty_le >= 90% by 2030 }
target TC "Xã phổ cập" { applies to province measure share(commune, pho_cap) >= 80% by 2030 monitor so }
agency so "Sở" agency phong "Phòng" agency xa "UBND xã"
task K1 "Nhiệm vụ" { lead phong support xa serves TS }
)";
  std::ofstream(dir / "rules.test.json") << R"({ "rules": ["rules.ct"], "document": "d", "cases": [ {
    "name": "bounds, pace, reasons", "as_of": "2026-12-31",
    "data": { "kind": "province", "id": "p",
              "values": { "2021": { "ty_le": 70 }, "2022": { "ty_le": 80 },
                          "2025": { "bat_binh_dang": 14 }, "2026": { "bat_binh_dang": 13.5 } },
              "children": [ { "kind": "school", "id": "a", "values": { "2026": { "phong_stem": 1 } } },
                            { "kind": "school", "id": "b", "values": { "2026": {} } },
                            { "kind": "school", "id": "c", "values": { "2026": { "phong_stem": 3 } } } ] },
    "expect": )" + expect + "} ] }";
  return dir / "rules.test.json";
}

}  // namespace

TEST_CASE("testing: expectations assert bounds, pace and reasons") {
  auto path = write_case("pass", R"({
      "TS@2030": { "verdict": "achieved", "value": null, "lower": 1.33, "upper": null },
      "TB@2030": { "verdict": "needs_acceleration", "pace": 0.625 },
      "TL": { "verdict": "stale", "reason": "cũ 4 năm" },
      "TC": { "verdict": "not_applicable", "reason": "không có đơn vị nào được khai báo" } })");
  auto r = testing::run_tests({path.string()});
  CHECK(r.errors.empty());
  for (auto const& f : r.failures) MESSAGE(f.key << ": expected " << f.expected << ", got " << f.actual);
  CHECK(r.failed == 0);
  CHECK(r.passed == 4);
  fs::remove_all(path.parent_path());
}

TEST_CASE("testing: a wrong bound, pace or reason fails with what was found") {
  auto path = write_case("fail", R"({
      "TS@2030": { "lower": 2 },
      "TB@2030": { "pace": 0.9 },
      "TL": { "reason": "thiếu dữ liệu" } })");
  auto r = testing::run_tests({path.string()});
  REQUIRE(r.failed == 3);
  auto failure = [&](std::string const& key) {
    for (auto const& f : r.failures)
      if (f.key == key) return f;
    FAIL("no failure for " << key);
    return testing::failure{};
  };
  CHECK(failure("TS@2030").expected == "lower 2");
  CHECK(failure("TB@2030").actual == "pace 0.625");
  CHECK(failure("TL").actual.find("cũ 4 năm") != std::string::npos);
  fs::remove_all(path.parent_path());
}

TEST_CASE("testing: `who` asserts the agencies answering for a target or task, as a set") {
  // TS: K1's lead and support; TC: its monitor only; K1: its lead and support.
  auto pass = write_case("who_pass", R"({
      "TS": { "who": ["xa", "phong"] },
      "TC": { "who": ["so"] },
      "K1": { "who": ["phong", "xa"] } })");
  auto r = testing::run_tests({pass.string()});
  for (auto const& f : r.failures) MESSAGE(f.key << ": expected " << f.expected << ", got " << f.actual);
  CHECK(r.failed == 0);
  CHECK(r.passed == 3);
  fs::remove_all(pass.parent_path());

  auto fail = write_case("who_fail", R"({ "TS": { "who": ["phong"] }, "TL": { "who": ["so"] } })");
  auto f = testing::run_tests({fail.string()});
  REQUIRE(f.failed == 2);
  for (auto const& x : f.failures) {
    if (x.key == "TS") CHECK(x.actual.find("who [phong, xa]") == 0);
    if (x.key == "TL") CHECK(x.actual.find("who []") == 0);
  }
  fs::remove_all(fail.parent_path());

  auto malformed = write_case("who_malformed", R"({ "TS": { "who": "phong" } })");
  auto m = testing::run_tests({malformed.string()});
  REQUIRE(m.failures.size() == 1);
  CHECK(m.failures[0].why == "\"who\" must be an array of agency ids");
  fs::remove_all(malformed.parent_path());
}

TEST_CASE("testing: a key naming a document the rules do not have fails, rather than reading another's item") {
  // `TL` exists in document d; `dd.TL` names no document, so it must not fall back to d's TL.
  auto path = write_case("unknown_document", R"({ "dd.TL": { "verdict": "stale" }, "d.TL": { "verdict": "stale" } })");
  auto r = testing::run_tests({path.string()});
  CHECK(r.passed == 1);
  REQUIRE(r.failed == 1);
  CHECK(r.failures[0].key == "dd.TL");
  CHECK(r.failures[0].why == "unknown document 'dd'");
  fs::remove_all(path.parent_path());
}
