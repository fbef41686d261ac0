// report layer: the sentence of a milestone, for every verdict and every fact behind it. Each sentence
// is asserted whole: it is what an inspector reads aloud in a meeting.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "support/scorecard.hpp"

using namespace chitieu;
using testing_support::scored;

namespace {

constexpr char const* rules_ct = R"(
document d { number "01/KH" }
field school.dat_chuan : bool "Đạt chuẩn"
field school.cong_lap : bool "Công lập"
field school.phong_stem : count of "phòng" "Phòng STEM"
field school.hs_hoan_thanh : percent "Học sinh hoàn thành chương trình"
field province.ty_le : percent "Tỉ lệ"
field province.bat_binh_dang : percent "Bất bình đẳng"
field province.hang : rank "Thứ hạng"
field province.muc : level muc_do "Mức độ"
field province.so_hs : count of "người" "Học sinh"
target TL "Tỉ lệ" { applies to province measure ty_le >= 90% by 2030 }
target TB "Bất bình đẳng" { applies to province measure bat_binh_dang < 10% by 2030 }
target TR "Thứ hạng" { applies to province measure hang <= 10 by 2030 }
target TM "Mức độ" { applies to province measure muc >= hoan_thanh by 2030 }
target TS "Phòng STEM mỗi trường" { applies to province measure sum(school, phong_stem) / count(school) >= 1.0 by 2030 }
target TC "Trường công lập đạt chuẩn" { applies to province, school measure share(school where cong_lap, dat_chuan) >= 80% by 2030 }
target TD "Trường đạt chuẩn năm 2025" { applies to province measure share(school, dat_chuan) >= 65% by 2025 }
target TH "Học sinh hoàn thành" { applies to school measure hs_hoan_thanh >= 95% by 2030 }
target TG "Học sinh tăng" { applies to province measure growth(so_hs) >= 5% by 2030 }
)";

std::string province(std::string const& values, std::string const& children = "[]") {
  return R"({"kind":"province","id":"p","name":"Tỉnh Thử","values":)" + values + R"(,"children":)" + children + "}";
}

/// `n` schools with the given 2025 `dat_chuan` (true, false, or missing when null).
std::string schools(std::vector<char const*> const& dat_chuan) {
  std::string out = "[";
  for (std::size_t i = 0; i < dat_chuan.size(); ++i) {
    auto n = std::to_string(i + 1);
    out += std::string(i ? "," : "") + R"({"kind":"school","id":"t-)" + n + R"(","name":"Trường )" + n +
           R"(","values":{"2025":{"cong_lap":true,"dat_chuan":)" + dat_chuan[i] + "}}}";
  }
  return out + "]";
}

}  // namespace

TEST_CASE("report: a value left open by missing values is said as its bounds, with the verdict it still bears") {
  SUBCASE("settled: the verdict holds whatever the missing value is") {
    scored s(rules_ct,
             province(R"({"2026":{"ty_le":50}})",
                      R"([{"kind":"school","id":"a","name":"Trường A","values":{"2026":{"phong_stem":1}}},
                          {"kind":"school","id":"b","name":"Trường B","values":{"2026":{}}},
                          {"kind":"school","id":"c","name":"Trường C","values":{"2026":{"phong_stem":3}}}])"),
             "2026-12-31");
    CHECK(s.milestone("TS", 2030).result == eval::verdict::achieved);
    CHECK(s.line("TS", 2030) ==
          "mốc 2030: ≥ 1 phòng/trường; hiện ít nhất 1,33 phòng/trường (2026) — đạt dù thiếu 1 giá trị: "
          "/children/1/values/2026/phong_stem");
  }
  SUBCASE("open: the missing value decides, so nothing is concluded") {
    scored s(rules_ct, province(R"({"2025":{}})", schools({"true", "true", "true", "true", "true", "true", "false",
                                                             "false", "false", "null"})),
             "2026-12-31");
    CHECK(s.milestone("TD", 2025).result == eval::verdict::no_data);
    CHECK(s.line("TD", 2025) ==
          "mốc 2025: ≥ 65%; hiện trong khoảng 60%–70% (2025); thiếu 1 giá trị nên chưa kết luận được: "
          "/children/9/values/2025/dat_chuan");
  }
  SUBCASE("a bound that only repeats the scale is not said") {
    scored s(rules_ct, province(R"({"2025":{}})", schools({"null", "null"})), "2026-12-31");
    CHECK(s.line("TD", 2025) ==
          "mốc 2025: ≥ 65%; thiếu dữ liệu: /children/0/values/2025/dat_chuan, /children/1/values/2025/dat_chuan");
  }
}

TEST_CASE("report: the pace is said beside a verdict short of the straight line") {
  SUBCASE("behind") {
    scored s(rules_ct, province(R"({"2025":{"bat_binh_dang":14},"2026":{"bat_binh_dang":13.5}})"), "2026-12-31");
    CHECK(s.milestone("TB", 2030).result == eval::verdict::needs_acceleration);
    CHECK(s.line("TB", 2030) == "mốc 2030: dưới 10%; hiện 13,5% (2026); theo lộ trình từ 14% (2025) cần 13,2%, "
                                "đạt 62% tốc độ cần thiết; vượt ngưỡng 3,5 điểm phần trăm");
  }
  SUBCASE("no progress since the baseline") {
    scored s(rules_ct, province(R"({"2025":{"ty_le":84},"2026":{"ty_le":84}})"), "2026-12-31");
    CHECK(s.milestone("TL", 2030).result == eval::verdict::limited_progress);
    CHECK(s.line("TL", 2030) == "mốc 2030: ≥ 90%; hiện 84% (2026); theo lộ trình từ 84% (2025) cần 85,2%, "
                                "chưa tiến triển so với năm 2025; còn thiếu 6 điểm phần trăm");
  }
  SUBCASE("moving away") {
    scored s(rules_ct, province(R"({"2025":{"ty_le":84},"2026":{"ty_le":82}})"), "2026-12-31");
    CHECK(s.milestone("TL", 2030).result == eval::verdict::deterioration);
    CHECK(s.line("TL", 2030) == "mốc 2030: ≥ 90%; hiện 82% (2026); theo lộ trình từ 84% (2025) cần 85,2%, "
                                "nhưng đã xa mốc hơn năm 2025; còn thiếu 8 điểm phần trăm");
  }
  SUBCASE("the baseline had met it") {
    scored s(rules_ct, province(R"({"2025":{"ty_le":95},"2026":{"ty_le":88}})"), "2026-12-31");
    CHECK(s.milestone("TL", 2030).result == eval::verdict::deterioration);
    CHECK(s.line("TL", 2030) ==
          "mốc 2030: ≥ 90%; hiện 88% (2026); năm 2025 đã đạt mốc với 95%, nay không còn đạt; còn thiếu 2 điểm phần trăm");
  }
  SUBCASE("ahead of the line: no pace to excuse") {
    scored s(rules_ct, province(R"({"2025":{"ty_le":84},"2026":{"ty_le":86}})"), "2026-12-31");
    CHECK(s.line("TL", 2030) == "mốc 2030: ≥ 90%; hiện 86% (2026); theo lộ trình từ 84% (2025) cần 85,2%; "
                                "còn thiếu 4 điểm phần trăm");
  }
  SUBCASE("a growth rate is its own pace") {
    scored s(rules_ct, province(R"({"2025":{"so_hs":100},"2026":{"so_hs":104}})"), "2026-12-31");
    CHECK(s.milestone("TG", 2030).result == eval::verdict::needs_acceleration);
    CHECK(s.line("TG", 2030) == "mốc 2030: ≥ 5%; hiện 4% (2026); đạt 80% tốc độ cần thiết; còn thiếu 1 điểm phần trăm");
  }
  SUBCASE("floored, so that the words never reach the next level") {
    eval::milestone_outcome m;
    m.milestone = 0;
    m.result = eval::verdict::needs_acceleration;
    m.value = 86, m.value_year = 2026, m.baseline = 84, m.baseline_year = 2025, m.expected = 85.2;  // display units
    m.pace = 0.9499, m.gap = 4;
    scored s(rules_ct, province("{}"), "2026-12-31");
    CHECK(s.say(m, "TL") == "mốc 2030: ≥ 90%; hiện 86% (2026); theo lộ trình từ 84% (2025) cần 85,2%, "
                            "đạt 94% tốc độ cần thiết; còn thiếu 4 điểm phần trăm");
  }
}

TEST_CASE("report: stale, pending and fallback values say why") {
  SUBCASE("stale") {
    scored s(rules_ct, province(R"({"2021":{"ty_le":70},"2022":{"ty_le":80}})"), "2026-12-31");
    CHECK(s.milestone("TL", 2030).result == eval::verdict::stale);
    CHECK(s.line("TL", 2030) == "mốc 2030: ≥ 90%; hiện 80% (2022); số liệu mới nhất là của năm 2022, cũ 4 năm "
                                "(cần số liệu từ năm 2025); còn thiếu 10 điểm phần trăm");
  }
  SUBCASE("pending: no baseline") {
    scored s(rules_ct, province(R"({"2026":{"ty_le":86}})"), "2026-12-31");
    CHECK(s.line("TL", 2030) ==
          "mốc 2030: ≥ 90%; hiện 86% (2026); chưa có số liệu năm gốc để vẽ lộ trình; còn thiếu 4 điểm phần trăm");
  }
  SUBCASE("pending: a growth rate needs an earlier year") {
    scored s(rules_ct, province(R"({"2026":{"so_hs":100}})"), "2026-12-31");
    CHECK(s.milestone("TG", 2030).result == eval::verdict::pending);
    CHECK(s.line("TG", 2030) == "mốc 2030: ≥ 5%; chưa đủ số năm để tính (2026)");
  }
  SUBCASE("fallback: the latest year is open, the one before is used") {
    scored s(rules_ct, province(R"({"2024":{"ty_le":84},"2025":{"ty_le":86},"2026":{"hang":3}})"), "2026-12-31");
    CHECK(s.milestone("TL", 2030).fallback_from == 2026);
    CHECK(s.line("TL", 2030) == "mốc 2030: ≥ 90%; hiện 86% (2025); năm 2026 thiếu 1 giá trị (/values/2026/ty_le); "
                                "dùng số liệu năm 2025; theo lộ trình từ 84% (2024) cần 85%; còn thiếu 4 điểm phần trăm");
  }
  SUBCASE("fallback with two values missing") {
    eval::milestone_outcome m;
    m.milestone = 0;
    m.result = eval::verdict::on_track;
    m.value = 86, m.value_year = 2025, m.baseline = 84, m.baseline_year = 2024, m.expected = 85, m.pace = 2;
    m.gap = 4, m.fallback_from = 2026;
    m.missing = {"/children/0/values/2026/ty_le", "/children/1/values/2026/ty_le"};
    m.missing_total = 2;
    scored s(rules_ct, province("{}"), "2026-12-31");
    CHECK(s.say(m, "TL") == "mốc 2030: ≥ 90%; hiện 86% (2025); năm 2026 thiếu 2 giá trị "
                            "(/children/0/values/2026/ty_le, /children/1/values/2026/ty_le); dùng số liệu năm 2025; "
                            "theo lộ trình từ 84% (2024) cần 85%; còn thiếu 4 điểm phần trăm");
  }
  SUBCASE("fallback to a year that is itself open: each year's missing values where they belong") {
    eval::milestone_outcome m;
    m.milestone = 0;
    m.result = eval::verdict::achieved;
    m.lower = 92, m.upper = 100, m.value_year = 2025, m.fallback_from = 2026, m.gap = 0;
    m.missing = {"/children/0/values/2026/ty_le", "/children/2/values/2025/ty_le"};
    m.missing_total = 2;
    scored s(rules_ct, province("{}"), "2026-12-31");
    CHECK(s.say(m, "TL") == "mốc 2030: ≥ 90%; hiện ít nhất 92% (2025) — đạt dù thiếu 1 giá trị: "
                            "/children/2/values/2025/ty_le; năm 2026 thiếu 1 giá trị (/children/0/values/2026/ty_le); "
                            "dùng số liệu năm 2025");
  }
  SUBCASE("many missing values are counted, not listed") {
    eval::milestone_outcome m;
    m.milestone = 0;
    m.result = eval::verdict::no_data;
    m.value_year = 2026;
    m.missing = {"/a", "/b", "/c", "/d", "/e"};
    m.missing_total = 7;
    scored s(rules_ct, province("{}"), "2026-12-31");
    CHECK(s.say(m, "TL") == "mốc 2030: ≥ 90%; thiếu dữ liệu: /a, /b, /c và 4 giá trị khác");
  }
}

TEST_CASE("report: a target that does not apply says which of the reasons holds") {
  auto reason_line = [](scored const& s, std::string const& id) {
    auto text = s.text();
    auto at = text.find(" " + id + " ");
    REQUIRE(at != std::string::npos);
    auto begin = text.find('\n', at) + 1;
    return text.substr(begin, text.find('\n', begin) - begin);
  };
  SUBCASE("none was sent") {
    scored s(rules_ct, province(R"({"2026":{"ty_le":80}})"), "2026-12-31");
    CHECK(s.target_outcome("TC").headline == eval::verdict::not_applicable);
    CHECK(reason_line(s, "TC") == std::string(24, ' ') + "không có đơn vị nào được khai báo");
  }
  SUBCASE("there is none here") {
    scored s(rules_ct, province(R"({"2026":{"ty_le":80}})",
                                R"([{"kind":"school","id":"q","name":"Trường Quốc tế","values":{"2026":{"cong_lap":false,"dat_chuan":true}}}])"),
             "2026-12-31");
    CHECK(reason_line(s, "TC") == std::string(24, ' ') + "không có đơn vị nào thuộc diện của chỉ tiêu");
  }
  SUBCASE("the value was declared not applicable") {
    scored s(rules_ct, province(R"({"2025":{"ty_le":80},"2026":{"ty_le":"n/a"}})"), "2026-12-31");
    CHECK(s.target_outcome("TL").headline == eval::verdict::not_applicable);
    CHECK(reason_line(s, "TL") == std::string(24, ' ') + "giá trị được khai báo là không áp dụng cho đơn vị này");
  }
  SUBCASE("the unit was not in operation") {
    scored s(rules_ct, province(R"({"2026":{"ty_le":80}})",
                                R"([{"kind":"school","id":"c","name":"Trường Cũ","last_year":2024,
                                     "values":{"2024":{"hs_hoan_thanh":90}}}])"),
             "2026-12-31");
    CHECK(s.target_outcome("TH", "c").reason == "đơn vị không hoạt động trong năm được xét");
  }
  SUBCASE("a milestone that does not apply while the target does") {
    eval::milestone_outcome m;
    m.milestone = 0;
    m.result = eval::verdict::not_applicable;
    m.value_year = 2025;
    m.reason = "đơn vị không hoạt động trong năm được xét";
    scored s(rules_ct, province("{}"), "2026-12-31");
    CHECK(s.say(m, "TD") == "mốc 2025: ≥ 65%; đơn vị không hoạt động trong năm được xét (2025)");
  }
}

TEST_CASE("report: a gap in things that come whole is said in whole units") {
  scored s(rules_ct, province("{}"), "2030-12-31");
  eval::milestone_outcome m;
  m.milestone = 0;
  m.result = eval::verdict::not_met;
  m.value = 62.5, m.value_year = 2030, m.gap = 17.5;
  m.parts = {5, 8, 1.67, "cơ sở", "cơ sở"};
  CHECK(s.say(m, "TC") ==
        "mốc 2030: ≥ 80%; hiện 62,5% (2030); còn thiếu 17,5 điểm phần trăm — cần thêm 2 cơ sở (hiện 5 cơ sở / 8 cơ sở)");
  SUBCASE("a measured quantity keeps its decimals") {
    m.parts = {5.5, 8, 1.67, "tỷ đồng", "trường"};
    CHECK(s.say(m, "TC").find("cần thêm 1,7 tỷ đồng (hiện 5,5 tỷ đồng / 8 trường)") != std::string::npos);
  }
}

TEST_CASE("report: a level trajectory asks for a rung and agrees with the verdict") {
  SUBCASE("on track: the rung the line asks for is reached") {
    scored s(rules_ct, province(R"({"2025":{"muc":"chua_dat"},"2026":{"muc":"buoc_dau"}})"), "2026-12-31");
    CHECK(s.milestone("TM", 2030).result == eval::verdict::on_track);
    CHECK(s.line("TM", 2030) == "mốc 2030: ≥ Hoàn thành; hiện Đạt kết quả bước đầu (2026); theo lộ trình từ "
                                "Chưa đạt (2025) cần Đạt kết quả bước đầu; còn thiếu 1 mức");
  }
  SUBCASE("behind: the rung asked for is above the one reached") {
    scored s(rules_ct, province(R"({"2025":{"muc":"buoc_dau"},"2026":{"muc":"buoc_dau"}})"), "2026-12-31");
    CHECK(s.milestone("TM", 2030).result == eval::verdict::limited_progress);
    CHECK(s.line("TM", 2030) == "mốc 2030: ≥ Hoàn thành; hiện Đạt kết quả bước đầu (2026); theo lộ trình từ "
                                "Đạt kết quả bước đầu (2025) cần Hoàn thành, chưa tiến triển so với năm 2025; "
                                "còn thiếu 1 mức");
  }
  scored s(rules_ct, province("{}"), "2026-12-31");
  eval::milestone_outcome m;
  m.milestone = 0;
  m.value_year = 2026, m.baseline = 0, m.baseline_year = 2025;
  SUBCASE("on track within the tolerance, short of the next rung: the rung is not claimed") {
    m.result = eval::verdict::on_track;
    m.value = 1, m.expected = 1.04, m.pace = 1 / 1.04, m.gap = 1;
    CHECK(s.say(m, "TM") == "mốc 2030: ≥ Hoàn thành; hiện Đạt kết quả bước đầu (2026); theo lộ trình từ "
                            "Chưa đạt (2025), đạt 96% tốc độ cần thiết; còn thiếu 1 mức");
  }
  SUBCASE("an average between rungs is not rounded to the nearer one") {
    m.result = eval::verdict::needs_acceleration;
    m.value = 1.6, m.expected = 1.8, m.pace = 1.6 / 1.8, m.gap = 0.4;
    CHECK(s.say(m, "TM") == "mốc 2030: ≥ Hoàn thành; hiện giữa Đạt kết quả bước đầu và Hoàn thành (2026); theo "
                            "lộ trình từ Chưa đạt (2025) cần Hoàn thành, đạt 88% tốc độ cần thiết; còn thiếu 0,4 mức");
  }
}

TEST_CASE("report: strict comparators and ranks read as the plan says them") {
  SUBCASE("a value at a strict threshold does not meet it, and the line says so") {
    scored s(rules_ct, province(R"({"2025":{"bat_binh_dang":12},"2026":{"bat_binh_dang":10}})"), "2026-12-31");
    CHECK(s.line("TB", 2030) == "mốc 2030: dưới 10%; hiện 10% (2026); theo lộ trình từ 12% (2025) cần 11,6%; "
                                "chưa dưới 10%");
  }
  SUBCASE("a rank behind its target") {
    scored s(rules_ct, province(R"({"2025":{"hang":14},"2026":{"hang":12}})"), "2026-12-31");
    CHECK(s.milestone("TR", 2030).result == eval::verdict::on_track);
    CHECK(s.line("TR", 2030) == "mốc 2030: ≤ hạng 10; hiện hạng 12 (2026); theo lộ trình từ hạng 14 (2025) "
                                "cần hạng 13; kém 2 bậc");
  }
  SUBCASE("a rank that has not moved: the rank the line asks for is the better one") {
    scored s(rules_ct, province(R"({"2025":{"hang":14},"2026":{"hang":14}})"), "2026-12-31");
    CHECK(s.line("TR", 2030) == "mốc 2030: ≤ hạng 10; hiện hạng 14 (2026); theo lộ trình từ hạng 14 (2025) "
                                "cần hạng 13, chưa tiến triển so với năm 2025; kém 4 bậc");
  }
}

TEST_CASE("report: failing units are named, and counted past five") {
  scored s(rules_ct, province(R"({"2025":{}})", schools({"false", "false", "false", "false", "false", "false", "false"})),
           "2026-12-31");
  CHECK(s.line("TD", 2025) == "mốc 2025: ≥ 65%; hiện 0% (2025); còn thiếu 65 điểm phần trăm — cần thêm 5 trường "
                              "(hiện 0 trường / 7 trường); chưa đạt: Trường 1, Trường 2, Trường 3, Trường 4, "
                              "Trường 5 và 2 đơn vị khác");
}

TEST_CASE("report: bounds as JSON are in display units, open sides null") {
  scored s(rules_ct, province(R"({"2025":{}})", schools({"true", "true", "true", "true", "true", "true", "false",
                                                           "false", "false", "null"})),
           "2026-12-31");
  auto j = report::to_json(s.input());
  nlohmann::json td;
  for (auto const& t : j["units"][0]["targets"])
    if (t["id"] == "d.TD") td = t["milestones"][0];
  CHECK(td["value"].is_null());
  CHECK(td["value_lower"].get<double>() == doctest::Approx(60));
  CHECK(td["value_upper"].get<double>() == doctest::Approx(70));
  CHECK(td["missing_total"] == 1);
  CHECK(td["reason"].is_null());
  CHECK(td["fallback_from"].is_null());
  CHECK(td["pace"].is_null());
}

TEST_CASE("report: an open value judged at its worst end says so, and never claims the verdict despite the blank") {
  // Four schools: none met the standard in 2025; in 2026 three do and one left it blank, so the share is
  // 75% (on the line from 0% in 2025 to 80% in 2030, which asks 16%) or 100% (achieved): judged at 75%.
  std::string four = R"([
    {"kind":"school","id":"t-1","name":"Trường 1","values":{"2025":{"cong_lap":true,"dat_chuan":false},"2026":{"cong_lap":true,"dat_chuan":true}}},
    {"kind":"school","id":"t-2","name":"Trường 2","values":{"2025":{"cong_lap":true,"dat_chuan":false},"2026":{"cong_lap":true,"dat_chuan":true}}},
    {"kind":"school","id":"t-3","name":"Trường 3","values":{"2025":{"cong_lap":true,"dat_chuan":false},"2026":{"cong_lap":true,"dat_chuan":true}}},
    {"kind":"school","id":"t-4","name":"Trường 4","values":{"2025":{"cong_lap":true,"dat_chuan":false},"2026":{"cong_lap":true}}}])";
  scored s(rules_ct, province(R"({"2026":{}})", four), "2026-12-31");
  auto const& m = s.milestone("TC", 2030);
  CHECK(m.result == eval::verdict::on_track);
  CHECK(m.judged_on == doctest::Approx(75));
  CHECK(s.line("TC", 2030) ==
        "mốc 2030: ≥ 80%; hiện ít nhất 75% (2026); tính theo mức 75%, mức thấp nhất mà 1 giá trị còn thiếu "
        "cho phép: /children/3/values/2026/dat_chuan (đủ số liệu thì kết luận chỉ có thể tốt hơn); theo lộ trình "
        "từ 0% (2025) cần 16%; còn thiếu tối đa 5 điểm phần trăm");
}
