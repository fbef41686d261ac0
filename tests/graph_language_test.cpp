// The graph commands' answers in Vietnamese and English (who, agency, plan, DOT labels), and `agency`
// naming what fails at every unit, not only at the root.
#include <chitieu/date.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/graph/analysis.hpp>
#include <chitieu/graph/dependency_graph.hpp>
#include <chitieu/language.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/graph_render.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

using namespace chitieu;

namespace {

// A province and its communes; the commune obligation is served by a task the Sở leads, so the Sở
// answers for it at every commune although the province itself owes nothing.
constexpr char const* communes_ct = R"(
unit province "Tỉnh" counted "tỉnh"
unit commune "Xã" counted "xã"
field commune.co_ke_hoach : bool "Đã ban hành kế hoạch"
agency so_gd "Sở Giáo dục và Đào tạo" level province
agency ubnd "Ủy ban nhân dân tỉnh" level province
document kh1 { number "01/KH" }
obligation O1 "Xã ban hành kế hoạch" {
  cite "Mục II"
  applies to commune
  every year from 2026
  require co_ke_hoach
}
task K1 "Hướng dẫn các xã lập kế hoạch" {
  lead so_gd
  support ubnd
  deadline by 2027-12-31
  serves O1
}
task K2 "Sơ kết" {
  lead ubnd
  deadline by 2028-06-30
  after K1
}
)";

struct scored {
  ruleset_result loaded;
  std::optional<eval::plan> plan;
  eval::load_result data;
  eval::evaluation result;
  graph::dependency_graph g;

  explicit scored(std::string const& submission) {
    std::vector<source_file> files;
    files.emplace_back("communes.ct", communes_ct);
    loaded = check_sources(std::move(files));
    for (auto const& d : loaded.diags)
      if (d.level == severity::error) MESSAGE(d.code << ": " << d.message);
    REQUIRE(loaded.rules);
    g = graph::build(*loaded.rules);
    plan.emplace(eval::compile(*loaded.rules));
    data = eval::load_submission_text(submission, plan->rules());
    REQUIRE(data.data);
    eval::evaluate_options o;
    o.as_of = *parse_iso_date("2026-12-31");
    o.evidence = false;
    result = eval::evaluate(*plan, *data.data, o);
  }
  sema::checked_ruleset const& rules() const { return *loaded.rules; }
};

// A province whose communes report `co_ke_hoach` for 2026: true ("t") or false ("f") in order.
std::string submission(std::string const& plans) {
  std::string children;
  for (std::size_t i = 0; i < plans.size(); ++i)
    children += std::string(i ? "," : "") + R"({"kind":"commune","id":"x)" + std::to_string(i + 1) +
                R"(","name":"Xã )" + std::to_string(i + 1) + R"(","values":{"2026":{"co_ke_hoach":)" +
                (plans[i] == 't' ? "true" : "false") + "}}}";
  return R"({"kind":"province","id":"p","name":"Tỉnh Thử","children":[)" + children + "]}";
}

}  // namespace

TEST_CASE("graph: agency names what fails at a commune although the root passes") {
  scored s(submission("tft"));  // only Xã 2 has no plan
  auto failing = report::find_agency_failures(s.result, *s.data.data, s.rules().find_agency("so_gd")->index());
  REQUIRE(failing.items.size() == 1);
  CHECK(failing.items[0].obligation == 0);
  CHECK_FALSE(failing.items[0].monitor);
  REQUIRE(failing.items[0].units.size() == 1);
  CHECK(failing.items[0].units[0].id == "x2");
  CHECK(failing.items[0].units[0].verdict == eval::verdict::not_met);
  // The root's own scorecard has nothing failing: only the communes owe O1.
  for (auto const& o : s.result.units.front().obligations) CHECK_FALSE(eval::needs_action(o.overall));

  auto work = graph::find_agency_work(s.rules(), s.g, s.rules().find_agency("so_gd")->index());
  auto const& tasks = s.result.units.front().tasks;
  auto as_of = *parse_iso_date("2026-12-31");
  std::ostringstream vi, en;
  report::render_agency_work(vi, work, s.rules(), &tasks, as_of, &failing);
  report::render_agency_work(en, work, s.rules(), &tasks, as_of, &failing, language::en);
  CHECK(vi.str().find("\nChỉ tiêu, nghĩa vụ chưa đạt mà cơ quan chịu trách nhiệm (1):\n"
                      "  thực hiện kh1.O1  Xã ban hành kế hoạch\n"
                      "            Không đạt (1): Xã 2 (x2)\n") != std::string::npos);
  // The verdict's English is the scorecard's (the report catalog's), whichever wording it uses.
  CHECK(en.str().find("\nTargets and obligations needing action that this agency answers for (1):\n"
                      "  implements  kh1.O1  Xã ban hành kế hoạch\n"
                      "              " + say(language::en, "Không đạt") + " (1): Xã 2 (x2)\n") != std::string::npos);
  // The Ủy ban supports K1, so it answers for O1 as well.
  CHECK(report::find_agency_failures(s.result, *s.data.data, s.rules().find_agency("ubnd")->index()).items.size() == 1);
}

TEST_CASE("graph: agency names the first three failing units, then how many more") {
  scored s(submission("tfffff"));  // five of six communes without a plan
  auto failing = report::find_agency_failures(s.result, *s.data.data, s.rules().find_agency("so_gd")->index());
  REQUIRE(failing.items.size() == 1);
  CHECK(failing.items[0].units.size() == 5);
  auto work = graph::find_agency_work(s.rules(), s.g, s.rules().find_agency("so_gd")->index());
  auto const& tasks = s.result.units.front().tasks;
  std::ostringstream vi, en, json;
  report::render_agency_work(vi, work, s.rules(), &tasks, s.result.options.as_of, &failing);
  report::render_agency_work(en, work, s.rules(), &tasks, s.result.options.as_of, &failing, language::en);
  CHECK(vi.str().find("Không đạt (5): Xã 2 (x2), Xã 3 (x3), Xã 4 (x4) và 2 đơn vị khác\n") != std::string::npos);
  CHECK(en.str().find(" (5): Xã 2 (x2), Xã 3 (x3), Xã 4 (x4) and 2 more units\n") != std::string::npos);
  report::render_agency_work_json(json, work, s.rules(), &tasks, s.result.options.as_of, &failing);
  auto j = nlohmann::json::parse(json.str());
  auto const& o = j["failing"]["obligations"].at(0);
  CHECK(o["id"] == "kh1.O1");
  CHECK(o["verdict"] == "not_met");
  CHECK(o["role"] == "accountable");
  REQUIRE(o["units"].size() == 5);
  CHECK(o["units"][4] == nlohmann::json{{"id", "x6"}, {"name", "Xã 6"}, {"verdict", "not_met"}});
}

TEST_CASE("graph: who, in Vietnamese and in English") {
  scored s(submission("t"));
  auto const& rules = s.rules();
  auto who = graph::find_obligation_accountability(rules, s.g, 0);
  std::ostringstream vi, en;
  report::render_accountability(vi, who, rules);
  report::render_accountability(en, who, rules, language::en);
  // Ids and titles as declared; the deadline as the checker words it, or in English from its parts.
  CHECK(vi.str() ==
        "kh1.O1  Xã ban hành kế hoạch\n"
        "  tại 01/KH, Mục II\n"
        "\n"
        "Nhiệm vụ phục vụ nghĩa vụ (1):\n"
        "  kh1.K1  [Chậm nhất ngày 31/12/2027]\n"
        "    Hướng dẫn các xã lập kế hoạch\n"
        "    chủ trì: so_gd; phối hợp: ubnd\n"
        "\n"
        "Cơ quan chịu trách nhiệm:\n"
        "  chủ trì   so_gd                   Sở Giáo dục và Đào tạo\n"
        "  phối hợp  ubnd                    Ủy ban nhân dân tỉnh\n");
  CHECK(en.str() ==
        "kh1.O1  Xã ban hành kế hoạch\n"
        "  in 01/KH, Mục II\n"
        "\n"
        "Tasks serving the obligation (1):\n"
        "  kh1.K1  [by 2027-12-31]\n"
        "    Hướng dẫn các xã lập kế hoạch\n"
        "    lead: so_gd; support: ubnd\n"
        "\n"
        "Accountable agencies:\n"
        "  lead        so_gd                   Sở Giáo dục và Đào tạo\n"
        "  support     ubnd                    Ủy ban nhân dân tỉnh\n");
}

TEST_CASE("graph: plan, in Vietnamese and in English") {
  scored s(submission("t"));
  auto const& rules = s.rules();
  auto order = graph::order_tasks(rules, s.g);
  std::ostringstream vi, en;
  report::render_task_order(vi, order, rules);
  report::render_task_order(en, order, rules, language::en);
  std::string k1 = "[Chậm nhất ngày 31/12/2027]", k2 = "[Chậm nhất ngày 30/06/2028]";
  CHECK(vi.str() ==
        "Thứ tự nhiệm vụ (2 nhiệm vụ), theo thời hạn:\n"
        "\n"
        "Hạn 31/12/2027:\n"
        "  kh1.K1  " + k1 + "\n"
        "    Hướng dẫn các xã lập kế hoạch\n"
        "\n"
        "Hạn 30/06/2028:\n"
        "  kh1.K2  " + k2 + "\n"
        "    Sơ kết\n"
        "    sau: kh1.K1\n"
        "\n"
        "Đường găng (2 nhiệm vụ):\n"
        "    kh1.K1  " + k1 + "\n"
        "  → kh1.K2  " + k2 + "\n");
  k1 = "[by 2027-12-31]", k2 = "[by 2028-06-30]";
  CHECK(en.str() ==
        "Task order (2 tasks), by deadline:\n"
        "\n"
        "Due 2027-12-31:\n"
        "  kh1.K1  " + k1 + "\n"
        "    Hướng dẫn các xã lập kế hoạch\n"
        "\n"
        "Due 2028-06-30:\n"
        "  kh1.K2  " + k2 + "\n"
        "    Sơ kết\n"
        "    after: kh1.K1\n"
        "\n"
        "Critical path (2 tasks):\n"
        "    kh1.K1  " + k1 + "\n"
        "  → kh1.K2  " + k2 + "\n");
}

TEST_CASE("graph: deadlines in English are written from their parts, with ISO days") {
  auto rules_with = [](std::string const& deadline) {
    std::vector<source_file> files;
    files.emplace_back("d.ct", R"(agency so "Sở" level province
document kh1 { number "01/KH" date 2026-01-05 }
task K1 "Báo cáo" { lead so deadline )" + deadline + " }");
    auto loaded = check_sources(std::move(files));
    REQUIRE(loaded.rules);
    return loaded.rules->tasks.at(0).when;
  };
  CHECK(report::render_deadline(rules_with("during Q2 2026"), language::en) == "between 2026-04-01 and 2026-06-30");
  CHECK(report::render_deadline(rules_with("ongoing"), language::en) == "ongoing");
  CHECK(report::render_deadline(rules_with("every year by 25/11"), language::en) == "by 25 November every year");
  CHECK(report::render_deadline(rules_with("during Q2 2026"), language::vi) == "Trong quý II/2026");
}

TEST_CASE("graph: the DOT picture labels its clusters in the language asked, names as written") {
  scored s(submission("t"));
  std::ostringstream vi, en;
  report::render_dot(vi, s.g, s.rules());
  report::render_dot(en, s.g, s.rules(), nullptr, language::en);
  CHECK(vi.str().find("label=\"Cơ quan\";") != std::string::npos);
  CHECK(vi.str().find("label=\"Số liệu: Xã (commune)\";") != std::string::npos);
  CHECK(en.str().find("label=\"Agencies\";") != std::string::npos);
  CHECK(en.str().find("label=\"Figures: Xã (commune)\";") != std::string::npos);
  CHECK(en.str().find("Sở Giáo dục và Đào tạo") != std::string::npos);
}
