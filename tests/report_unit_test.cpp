// report layer: the scorecard of one unit inside its province (`chitieu score --unit`): the same score
// as in the whole report, the province's tasks shown as the province's, and --depth.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/html_view.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <nlohmann/json.hpp>

using namespace chitieu;
namespace fs = std::filesystem;

namespace {

struct bac_ninh {
  fs::path root = CHITIEU_SOURCE_DIR;
  ruleset_result loaded = load_rules({(root / "rules/common").string(), (root / "rules/bac_ninh").string()});
  std::optional<eval::plan> plan;
  eval::load_result data;
  eval::evaluation result;

  bac_ninh() {
    REQUIRE(loaded.rules);
    plan.emplace(eval::compile(*loaded.rules));
    std::ifstream in(root / "examples/province.json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    data = eval::load_submission_text(text.str(), plan->rules());
    REQUIRE(data.data);
    eval::evaluate_options eo;
    eo.as_of = *parse_iso_date("2026-12-31");
    result = eval::evaluate(*plan, *data.data, eo);
  }
  std::uint32_t unit(std::string const& id) const {
    for (std::uint32_t u = 0; u < data.data->units().size(); ++u)
      if (data.data->unit(u).id == id) return u;
    FAIL("no unit " << id);
    return 0;
  }
  report::scorecard_input input(std::uint32_t focus = 0, int depth = -1) const {
    report::scorecard_input in{*plan, *data.data, result, data.issues};
    in.unit = focus;
    in.depth = depth;
    return in;
  }
};

}  // namespace

TEST_CASE("report: a ward's own scorecard has the score of its row in the province's JSON") {
  bac_ninh s;
  auto ward = s.unit("bn-kinhbac");
  auto whole = report::to_json(s.input());
  auto alone = report::to_json(s.input(ward));
  nlohmann::json row;
  for (auto const& u : whole["units"])
    if (u["id"] == "bn-kinhbac") row = u;
  REQUIRE(row.is_object());
  CHECK(alone["unit"] == "bn-kinhbac");
  REQUIRE(alone["units"].size() == 4);  // the ward and its three schools
  CHECK(alone["units"][0]["id"] == "bn-kinhbac");
  CHECK(alone["units"][0]["score"] == row["score"]);
  CHECK(alone["units"][0]["targets"] == row["targets"]);
  // The province's tasks that serve the ward's targets are the province's, not the ward's.
  CHECK(alone["units"][0]["tasks"].empty());
  CHECK(alone["units"][0]["tasks_of"]["unit"] == "bn");
  CHECK_FALSE(alone["units"][0]["tasks_of"]["tasks"].empty());
}

TEST_CASE("report: the text of a ward names its province and labels the province's tasks") {
  bac_ninh s;
  auto ward = s.unit("bn-kinhbac");
  std::ostringstream out;
  report::render_text(out, s.input(ward));
  auto text = out.str();
  CHECK(text.find("Đơn vị: Phường Kinh Bắc") != std::string::npos);
  CHECK(text.find("Thuộc: Tỉnh Bắc Ninh (bn)") != std::string::npos);
  CHECK(text.find("Nhiệm vụ của Tỉnh Bắc Ninh (bn) phục vụ các chỉ tiêu, nghĩa vụ này") != std::string::npos);
  CHECK(text.find("Trường Mầm non Kinh Bắc") != std::string::npos);   // its schools are listed
  CHECK(text.find("Trường THCS Lê Lợi") == std::string::npos);        // another ward's school is not
  auto score = report::score_summary(s.result.units[ward].overall, eval::no_data_policy::zero);
  CHECK(text.find("Điểm tổng hợp: " + score) != std::string::npos);
}

TEST_CASE("report: --depth limits how far below the reported unit the text goes") {
  bac_ninh s;
  auto listed = [&](int depth) {
    std::ostringstream out;
    report::render_text(out, s.input(0, depth));
    // The units listed, not the data issues (which name the units they are about).
    auto text = out.str().substr(0, out.str().find("== Vấn đề trong dữ liệu"));
    return std::pair(text.find("Phường Kinh Bắc (bn-kinhbac)") != std::string::npos,
                     text.find("Trường Mầm non Kinh Bắc (bn-kinhbac-01)") != std::string::npos);
  };
  CHECK(listed(-1) == std::pair(true, true));
  CHECK(listed(1) == std::pair(true, false));
  CHECK(listed(0) == std::pair(false, false));
}

TEST_CASE("report: a data issue names its unit as a person does, not by kind id") {
  bac_ninh s;
  std::ostringstream out;
  report::render_text(out, s.input(0, -1));
  // The ward's task reports are ignored (only the root reports tasks): said of "Phường Kinh Bắc".
  CHECK(out.str().find("cảnh báo: Phường Kinh Bắc (bn-kinhbac) /children/0/tasks: ") != std::string::npos);
  CHECK(out.str().find("commune bn-kinhbac") == std::string::npos);
}

TEST_CASE("report: the CSV of one unit has its rows and those below it, and the root's serving tasks") {
  bac_ninh s;
  auto ward = s.unit("bn-kinhbac");
  auto rows_of = [&](int depth) {
    std::ostringstream out;
    report::render_csv(out, s.input(ward, depth));
    std::map<std::string, int> rows;  // by unit id, first field
    std::istringstream lines(out.str());
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line)) rows[line.substr(0, line.find(';'))]++;
    return rows;
  };
  auto all = rows_of(-1);
  CHECK(all["bn-kinhbac"] > 0);
  CHECK(all["bn-kinhbac-01"] > 0);   // its school
  CHECK(all.count("bn-bacgiang") == 0);  // another ward
  // The province appears only for the tasks it carries that serve the ward: no target or obligation rows.
  std::ostringstream whole;
  report::render_csv(whole, s.input(ward, -1));
  CHECK(whole.str().find("\r\nbn;Tỉnh Bắc Ninh;Tỉnh, thành phố;04-CTr/TU;T") == std::string::npos);
  CHECK(whole.str().find("\r\nbn;Tỉnh Bắc Ninh;Tỉnh, thành phố;04-CTr/TU;O") == std::string::npos);
  auto ward_only = rows_of(0);
  CHECK(ward_only["bn-kinhbac"] == all["bn-kinhbac"]);
  CHECK(ward_only.count("bn-kinhbac-01") == 0);
}

TEST_CASE("report: the HTML page of one unit says where it belongs, lists what is below it, and the root's tasks as the root's") {
  bac_ninh s;
  auto ward = s.unit("bn-kinhbac");
  auto view = report::html_view(s.input(ward, -1));
  CHECK(view["unit"]["id"] == "bn-kinhbac");
  CHECK(view["within"] == "Thuộc: Tỉnh Bắc Ninh (bn); điểm và kết luận như trong bảng đánh giá của toàn bài nộp");
  // The units table: the ward's own schools only, never another ward's.
  std::vector<std::string> listed;
  for (auto const& row : view["units"]) listed.push_back(row["name"].get<std::string>());
  CHECK(!listed.empty());
  for (auto const& name : listed) CHECK_MESSAGE(name.find("(bn-kinhbac-") != std::string::npos, name);
  // The score is the ward's, as in the province's report.
  auto const* card = report::card_of(s.result, ward);
  REQUIRE(card);
  CHECK(view["summary"]["score_line"] ==
        report::score_summary(card->overall, eval::no_data_policy::zero));
  // Tasks are shown under the province's name.
  bool owned = false;
  for (auto const& doc : view["documents"])
    owned |= doc["tasks_heading"] == "Nhiệm vụ của Tỉnh Bắc Ninh (bn) phục vụ các chỉ tiêu, nghĩa vụ này";
  CHECK(owned);
}

namespace {

/// `render` (render_text or render_csv) over a unit_evaluator, for the report of `focus` down to
/// `depth`; `judged` counts the units it judged.
template <typename Render>
std::string judged_as_written(bac_ninh const& s, std::uint32_t focus, int depth, Render render, std::size_t& judged) {
  eval::evaluate_options eo;
  eo.as_of = *parse_iso_date("2026-12-31");
  eval::unit_evaluator units(*s.plan, *s.data.data, eo);
  report::scorecard_input in{*s.plan, *s.data.data, units.header(), s.data.issues};
  in.unit = focus;
  in.depth = depth;
  std::ostringstream out;
  judged = 0;
  render(out, in, units, [&](eval::unit_scorecard const&) { ++judged; });
  return out.str();
}

}  // namespace

TEST_CASE("report: the text and CSV scorecards judged unit by unit are those written from the whole evaluation") {
  bac_ninh s;
  auto ward = s.unit("bn-kinhbac");
  auto const& d = *s.data.data;
  using seen_fn = std::function<void(eval::unit_scorecard const&)>;
  auto text = [](std::ostream& o, report::scorecard_input const& in, eval::unit_evaluator& u, seen_fn const& f) {
    report::render_text(o, in, u, f);
  };
  auto csv = [](std::ostream& o, report::scorecard_input const& in, eval::unit_evaluator& u, seen_fn const& f) {
    report::render_csv(o, in, u, f);
  };
  for (auto const& report_case : {std::pair<std::uint32_t, int>{0, -1}, {0, 1}, {ward, -1}, {ward, 0}}) {
    // Named, not a structured binding: C++17 does not let CAPTURE's lambda capture one.
    std::uint32_t const focus = report_case.first;
    int const depth = report_case.second;
    CAPTURE(focus);
    CAPTURE(depth);
    // Every unit of the report is judged and shown to the caller, listed at this depth or not; for a
    // ward, the province (for its tasks) and the ward's subtree, and no other unit.
    std::size_t expected = focus == 0 ? d.units().size() : 1 + (d.unit(focus).subtree_end - focus);
    if (focus == ward) CHECK(expected < d.units().size());

    std::ostringstream whole;
    report::render_text(whole, s.input(focus, depth));
    CHECK(whole.str().find("BẢNG ĐÁNH GIÁ") == 0);
    std::size_t judged = 0;
    CHECK(judged_as_written(s, focus, depth, text, judged) == whole.str());
    CHECK(judged == expected);

    // The CSV of a ward starts with the province's tasks serving it, which wait for the ward's card.
    std::ostringstream whole_csv;
    report::render_csv(whole_csv, s.input(focus, depth));
    CHECK(judged_as_written(s, focus, depth, csv, judged) == whole_csv.str());
    CHECK(judged == expected);
    if (focus == ward) CHECK(whole_csv.str().find("\r\nbn;Tỉnh Bắc Ninh;Tỉnh, thành phố;04-CTr/TU;K") != std::string::npos);
  }
}

TEST_CASE("report: a ward's JSON and HTML from the evaluation of its report are those from the whole evaluation") {
  bac_ninh s;
  auto ward = s.unit("bn-kinhbac");
  eval::evaluate_options eo;
  eo.as_of = *parse_iso_date("2026-12-31");
  auto part = eval::evaluate_report_of(*s.plan, *s.data.data, eo, ward);
  // The province, then the ward and its three schools; nothing of the other wards.
  REQUIRE(part.units.size() == 5);
  CHECK(part.units[0].unit == 0);
  CHECK(part.units[1].unit == ward);
  CHECK(part.units.back().unit == s.data.data->unit(ward).subtree_end - 1);
  report::scorecard_input in{*s.plan, *s.data.data, part, s.data.issues};
  in.unit = ward;
  CHECK(report::to_json(in) == report::to_json(s.input(ward)));
  std::ostringstream page, whole_page;
  report::render_html(page, in);
  report::render_html(whole_page, s.input(ward));
  CHECK(page.str() == whole_page.str());
  CHECK(eval::evaluate_report_of(*s.plan, *s.data.data, eo, 0).units.size() == s.data.data->units().size());
}

TEST_CASE("report: an evaluator limited to the report of a unit judges the root, then that unit and those below it") {
  bac_ninh s;
  eval::evaluate_options eo;
  eo.as_of = *parse_iso_date("2026-12-31");
  auto const& d = *s.data.data;
  auto judged_ids = [&](std::uint32_t u) {
    eval::unit_evaluator each(*s.plan, d, eo);
    each.report_of(u);
    std::vector<std::string> ids;
    eval::unit_scorecard card;
    while (each.next(card)) ids.push_back(d.unit(card.unit).id);
    return ids;
  };
  // examples/province.json: bn-kinhbac holds three schools; bn-bacgiang-03 is a school with nothing below.
  CHECK(judged_ids(s.unit("bn-kinhbac")) ==
        std::vector<std::string>{"bn", "bn-kinhbac", "bn-kinhbac-01", "bn-kinhbac-02", "bn-kinhbac-03"});
  CHECK(judged_ids(s.unit("bn-bacgiang-03")) == std::vector<std::string>{"bn", "bn-bacgiang-03"});
  // The root, or an index that is no unit: every unit, in preorder.
  for (std::uint32_t u : {std::uint32_t{0}, static_cast<std::uint32_t>(d.units().size()), std::uint32_t{4000000000u}}) {
    auto all = judged_ids(u);
    REQUIRE(all.size() == d.units().size());
    CHECK(all.front() == "bn");
    CHECK(all[1] == "bn-kinhbac");
  }
}
