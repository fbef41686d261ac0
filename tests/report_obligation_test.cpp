// report layer: the sentence of an obligation's year, the score line, and the new facts in JSON and CSV.
#include <chitieu/report/format.hpp>

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
field province.chi_gd : money "Chi giáo dục"
field province.tong_chi : money "Tổng chi"
field province.bo_hoc : percent "Tỉ lệ bỏ học"
field province.hang : rank "Thứ hạng"
field province.ngay_bao_cao : date "Ngày báo cáo"
obligation OC "Chi giáo dục trên 20% tổng chi" { applies to province every year from 2026 require chi_gd / tong_chi > 20% }
obligation OB "Bỏ học dưới 1%" { applies to province every year from 2026 require bo_hoc < 1% }
obligation OH "Thứ hạng" { applies to province every year from 2026 require hang <= 10 }
obligation OR "Báo cáo trước 25/11" { applies to province every year from 2026 due 25/11 require ngay_bao_cao <= due }
obligation OA "Mọi trường đạt chuẩn" { applies to province every year from 2026 require all(school, dat_chuan) }
obligation OS "Đủ phòng STEM" { applies to province every year from 2026 require sum(school, phong_stem) >= 10 }
obligation OP "Trường công lập đạt chuẩn" { applies to province every year from 2026 require share(school where cong_lap, dat_chuan) >= 50% }
)";

std::string province(std::string const& values, std::string const& children = "[]") {
  return R"({"kind":"province","id":"p","name":"Tỉnh Thử","values":{"2026":)" + values + R"(},"children":)" +
         children + "}";
}

/// Schools t-1 … t-n with one 2026 value each (`null` leaves it missing).
std::string schools(char const* field, std::vector<char const*> const& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    auto n = std::to_string(i + 1);
    out += std::string(i ? "," : "") + R"({"kind":"school","id":"t-)" + n + R"(","name":"Trường )" + n +
           R"(","values":{"2026":{"cong_lap":true,")" + field + R"(":)" + values[i] + "}}}";
  }
  return out + "]";
}

}  // namespace

TEST_CASE("report: an obligation's year shows its comparator and a gap on the right side") {
  SUBCASE("strict, above: trên") {
    scored s(rules_ct, province(R"({"chi_gd":19.4,"tong_chi":100})"), "2026-12-31");
    CHECK(s.obligation_line("OC", 2026) == "19,4% (yêu cầu trên 20%); còn thiếu 0,6 điểm phần trăm");
  }
  SUBCASE("strict, at the threshold") {
    scored s(rules_ct, province(R"({"chi_gd":20,"tong_chi":100})"), "2026-12-31");
    CHECK(s.obligation_outcome("OC").overall == eval::verdict::not_met);
    CHECK(s.obligation_line("OC", 2026) == "20% (yêu cầu trên 20%); chưa trên 20%");
  }
  SUBCASE("strict, below: dưới, and past the threshold") {
    scored s(rules_ct, province(R"({"bo_hoc":1.5})"), "2026-12-31");
    CHECK(s.obligation_line("OB", 2026) == "1,5% (yêu cầu dưới 1%); vượt ngưỡng 0,5 điểm phần trăm");
  }
  SUBCASE("a rank behind") {
    scored s(rules_ct, province(R"({"hang":12})"), "2026-12-31");
    CHECK(s.obligation_line("OH", 2026) == "hạng 12 (yêu cầu ≤ hạng 10); kém 2 bậc");
  }
  SUBCASE("a date after its due day") {
    scored s(rules_ct, province(R"({"ngay_bao_cao":"2026-11-28"})"), "2026-12-31");
    CHECK(s.obligation_line("OR", 2026) == "28/11/2026 (yêu cầu chậm nhất ngày 25/11/2026); muộn 3 ngày");
  }
  SUBCASE("before the due day") {
    scored s(rules_ct, province(R"({"ngay_bao_cao":null})"), "2026-11-01");
    CHECK(s.obligation_line("OR", 2026) == "yêu cầu chậm nhất ngày 25/11/2026; chưa đến hạn 25/11/2026");
  }
}

TEST_CASE("report: an obligation's year names the units that fail it") {
  SUBCASE("up to five, then how many more") {
    scored s(rules_ct, province("{}", schools("dat_chuan", {"false", "false", "false", "false", "false", "false",
                                                           "false", "true"})),
             "2026-12-31");
    CHECK(s.obligation_line("OA", 2026) ==
          "chưa đạt: Trường 1 (t-1), Trường 2 (t-2), Trường 3 (t-3), Trường 4 (t-4), Trường 5 (t-5) và 2 đơn vị khác");
  }
  SUBCASE("a count beyond the list the engine kept") {
    eval::requirement_outcome y;
    y.requirement = 0, y.year = 2026, y.result = eval::verdict::not_met;
    scored s(rules_ct, province("{}", schools("dat_chuan", {"false", "false"})), "2026-12-31");
    y.failing_units = {s.unit("t-1"), s.unit("t-2")};
    y.failing_total = 25;
    CHECK(s.say(y, "OA") == "chưa đạt: Trường 1 (t-1), Trường 2 (t-2) và 23 đơn vị khác");
  }
  SUBCASE("missing values, counted past three") {
    scored s(rules_ct, province("{}", schools("dat_chuan", {"null", "null", "null", "null", "null", "true"})),
             "2026-12-31");
    CHECK(s.obligation_line("OA", 2026) ==
          "thiếu /children/0/values/2026/dat_chuan, /children/1/values/2026/dat_chuan, "
          "/children/2/values/2026/dat_chuan và 2 giá trị khác");
  }
}

TEST_CASE("report: an obligation's value left open by missing values") {
  SUBCASE("settled") {
    scored s(rules_ct, province("{}", schools("phong_stem", {"6", "5", "null"})), "2026-12-31");
    CHECK(s.obligation_outcome("OS").overall == eval::verdict::met);
    CHECK(s.obligation_line("OS", 2026) ==
          "ít nhất 11 phòng (yêu cầu ≥ 10 phòng) — đạt dù thiếu 1 giá trị: /children/2/values/2026/phong_stem");
  }
  SUBCASE("open") {
    scored s(rules_ct, province("{}", schools("phong_stem", {"4", "3", "null"})), "2026-12-31");
    CHECK(s.obligation_line("OS", 2026) ==
          "ít nhất 7 phòng (yêu cầu ≥ 10 phòng); thiếu 1 giá trị nên chưa kết luận được: /children/2/values/2026/phong_stem");
  }
  SUBCASE("not applicable: the reason, once") {
    scored s(rules_ct, province("{}", R"([{"kind":"school","id":"q","name":"Trường Quốc tế",
                                         "values":{"2026":{"cong_lap":false,"dat_chuan":true}}}])"),
             "2026-12-31");
    auto const& o = s.obligation_outcome("OP");
    CHECK(o.overall == eval::verdict::not_applicable);
    CHECK(o.reason == "không có đơn vị nào thuộc diện của chỉ tiêu");
    CHECK(s.text().find("OP Trường công lập đạt chuẩn\n" + std::string(24, ' ') +
                        "không có đơn vị nào thuộc diện của chỉ tiêu\n") != std::string::npos);
  }
}

TEST_CASE("report: the score line says how much of the plan was scored") {
  eval::score s;
  s.value = 56.25, s.items = 14, s.counted = 10, s.no_data = 1, s.excluded = 4;
  CHECK(report::score_summary(s, eval::no_data_policy::zero) ==
        "56,3/100 (10/14 mục được chấm; 1 mục thiếu dữ liệu tính 0 điểm)");
  s.counted = 9, s.excluded = 5;
  CHECK(report::score_summary(s, eval::no_data_policy::exclude) ==
        "56,3/100 (9/14 mục được chấm; 1 mục thiếu dữ liệu không tính)");
  eval::score none;
  none.items = 2, none.excluded = 2;
  CHECK(report::score_summary(none, eval::no_data_policy::zero) == "chưa chấm được (0/2 mục được chấm)");
}

TEST_CASE("report: JSON carries the new facts of obligations and scores under stable names") {
  scored s(rules_ct, province(R"({"chi_gd":19.4,"tong_chi":100})",
                              schools("dat_chuan", {"false", "true"})),
           "2026-12-31");
  auto j = report::to_json(s.input());
  auto const& unit = j["units"][0];
  CHECK(unit["score"]["items"] == unit["score"]["counted"].get<int>() + unit["score"]["excluded"].get<int>());
  for (auto const& o : unit["obligations"]) {
    CHECK(o.contains("reason"));
    for (auto const& y : o["years"])
      for (auto key : {"value_lower", "value_upper", "reason", "failing_units", "failing_total", "missing_total",
                       "explanation"})
        CHECK_MESSAGE(y.contains(key), key);
    if (o["id"] == "d.OA") {
      CHECK(o["years"][0]["failing_units"] == nlohmann::json::array({"t-1"}));
      CHECK(o["years"][0]["failing_total"] == 1);
    }
    if (o["id"] == "d.OC") CHECK(o["years"][0]["explanation"] == "19,4% (yêu cầu trên 20%); còn thiếu 0,6 điểm phần trăm");
  }
}

TEST_CASE("report: JSON bounds of an obligation's value are in display units") {
  scored s(rules_ct, province(R"({"chi_gd":19.4})"), "2026-12-31");
  auto j = report::to_json(s.input());
  for (auto const& o : j["units"][0]["obligations"])
    if (o["id"] == "d.OC") {
      auto const& y = o["years"][0];
      CHECK(y["verdict"] == "no_data");
      CHECK_FALSE(y.contains("value"));
      // chi_gd / tong_chi with tong_chi unknown: open on both sides, so no bound is claimed.
      CHECK(y["value_lower"].is_null());
      CHECK(y["value_upper"].is_null());
    }
}

TEST_CASE("report: CSV obligation rows carry value, threshold, gap, unit, due day and the bounds left open") {
  scored s(rules_ct, province(R"({"chi_gd":19.4,"tong_chi":100})",
                              schools("phong_stem", {"4", "3", "null"})),
           "2026-12-31");
  std::ostringstream out;
  report::render_csv(out, s.input());
  auto csv = out.str();
  INFO(csv);
  // 19,4% against "above 20%": 0,6 points short, due 31/12/2026.
  CHECK(csv.find("p;Tỉnh Thử;Tỉnh;01/KH;OC;Nghĩa vụ;Chi giáo dục trên 20% tổng chi;2026;Không đạt;19,4;20;0,6;%;;"
                 "31/12/2026;;;\"19,4% (yêu cầu trên 20%); còn thiếu 0,6 điểm phần trăm\";;;\r\n") != std::string::npos);
  // 4 + 3 rooms and a blank: at least 7 against 10, no verdict; lower bound 7, no upper bound.
  CHECK(csv.find("p;Tỉnh Thử;Tỉnh;01/KH;OS;Nghĩa vụ;Đủ phòng STEM;2026;Thiếu dữ liệu;;10;;phòng;;31/12/2026;;;"
                 "\"ít nhất 7 phòng (yêu cầu ≥ 10 phòng); thiếu 1 giá trị nên chưa kết luận được: "
                 "/children/2/values/2026/phong_stem\";7;;\r\n") != std::string::npos);
  // The report's own due day: 25/11.
  CHECK(csv.find(";OR;Nghĩa vụ;Báo cáo trước 25/11;2026;Thiếu dữ liệu;;;;;;25/11/2026;") != std::string::npos);
}

TEST_CASE("report: in English, the score line and numbers read as an English auditor writes them") {
  eval::score s;
  s.value = 56.25, s.items = 14, s.counted = 10, s.no_data = 1, s.excluded = 4;
  CHECK(report::score_summary(s, eval::no_data_policy::zero, language::en) ==
        "56.3/100 (10 of 14 items scored; 1 item without data scored 0)");  // one item: singular
  s.no_data = 3;
  CHECK(report::score_summary(s, eval::no_data_policy::exclude, language::en) ==
        "56.3/100 (10 of 14 items scored; 3 items without data left out)");
  eval::score none;
  none.items = 2, none.excluded = 2;
  CHECK(report::score_summary(none, eval::no_data_policy::zero, language::en) == "not scored (0 of 2 items scored)");
  // English separators: a comma for thousands, a point for decimals; the Vietnamese default unchanged.
  CHECK(report::format_number(1234567.5, 2, language::en) == "1,234,567.5");
  CHECK(report::format_number(1234567.5) == "1.234.567,5");
  CHECK(report::format_number(-0.125, 2, language::en) == "-0.13");  // half away from zero, as in Vietnamese
  CHECK(report::verdict_label(eval::verdict::needs_acceleration, language::en) == "Needs acceleration");
  CHECK(report::verdict_label(eval::task_verdict::overdue, language::en) == "Overdue");
  // A count of one takes the singular; "21" is not "1"; a list of names before the count is left alone.
  CHECK(report::agree(language::en, "1", "1 values missing") == "1 value missing");
  CHECK(report::agree(language::en, "1", "21 values") == "21 values");
  CHECK(report::agree(language::en, "1", "K1 and 1 more units") == "K1 and 1 more unit");
  CHECK(report::agree(language::en, "1", "1 percentage points short") == "1 percentage point short");
  CHECK(report::agree(language::vi, "1", "1 giá trị") == "1 giá trị");
}
