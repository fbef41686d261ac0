// report layer: the CSV a spreadsheet opens by double-click, and the provenance every report states.
#include <chitieu/date.hpp>
#include <chitieu/digest.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/pipeline.hpp>
#include <chitieu/report/provenance.hpp>
#include <chitieu/report/scorecard.hpp>
#include <chitieu/version.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <nlohmann/json.hpp>

using namespace chitieu;

namespace {

constexpr char const* rules_text = R"(unit province "Tỉnh" counted "tỉnh"
agency so "Sở Giáo dục và Đào tạo"
document d { number "01/KH" monitor so }
field province.ty_le : percent "Tỉ lệ"
target T1 "Tỉ lệ" { applies to province measure ty_le >= 50.5% by 2030 }
task K1 "Báo cáo" { lead so deadline by 2030-06-30 serves T1 })";

struct scored {
  ruleset_result rules;
  std::optional<eval::plan> plan;
  eval::load_result data;
  eval::evaluation result;
  report::provenance source;

  explicit scored(std::string const& submission) {
    std::vector<source_file> sources;
    sources.emplace_back("rules/d.ct", rules_text);
    rules = check_sources(std::move(sources));
    REQUIRE(rules.rules);
    source = report::make_provenance(rules.sources, submission, *parse_iso_date("2031-01-01"));
    plan.emplace(eval::compile(*rules.rules));
    data = eval::load_submission_text(submission, plan->rules());
    REQUIRE(data.data);
    eval::evaluate_options o;
    o.as_of = source.as_of;
    result = eval::evaluate(*plan, *data.data, o);
  }
  report::scorecard_input input() const { return {*plan, *data.data, result, data.issues, &source}; }
};

constexpr char const* submission = R"({"kind":"province","id":"p","name":"=Tỉnh; thử","values":{"2030":{"ty_le":40.25}}})";

}  // namespace

TEST_CASE("support: SHA-256 digests are those of the standard test vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("report: the rule set's digest is that of sha256sum's listing, wherever the files sit") {
  std::vector<source_file> here, there;
  here.emplace_back("rules/a.ct", "x");
  there.emplace_back("/elsewhere/copy/a.ct", "x");
  auto a = report::make_provenance(here, "", 0), b = report::make_provenance(there, "", 0);
  CHECK(a.rules_sha256 == b.rules_sha256);
  // sha256("x") = 2d711642…; the listing is that digest, two spaces, the name and a line break.
  CHECK(a.rules_sha256 == sha256_hex(sha256_hex("x") + "  a.ct\n"));
  CHECK(a.data_sha256 == sha256_hex(""));
  std::vector<source_file> changed;
  changed.emplace_back("rules/a.ct", "y");
  CHECK(report::make_provenance(changed, "", 0).rules_sha256 != a.rules_sha256);
}

TEST_CASE("report: every format states its provenance, and it reads back") {
  scored s(submission);
  std::ostringstream text, csv, html;
  report::render_text(text, s.input());
  report::render_csv(csv, s.input());
  report::render_html(html, s.input());
  auto json = report::to_json(s.input()).dump(2);
  for (auto const& report : {text.str(), csv.str(), html.str(), json}) {
    auto back = report::read_provenance(report);
    REQUIRE(back);
    CHECK(back->version == CHITIEU_VERSION_STRING);
    CHECK(format_iso_date(back->as_of) == "2031-01-01");
    CHECK(back->rules_sha256 == s.source.rules_sha256);
    CHECK(back->data_sha256 == sha256_hex(submission));
  }
  CHECK(text.str().find("Tính từ: chitieu " CHITIEU_VERSION_STRING "; ngày đánh giá 01/01/2031; quy tắc sha256 ") !=
        std::string::npos);
  CHECK_FALSE(report::read_provenance("Điểm tổng hợp: 90/100"));
}

TEST_CASE("report: the CSV opens in Vietnamese Excel: BOM, semicolons, decimal commas, text kept as text") {
  scored s(submission);
  std::ostringstream out;
  report::render_csv(out, s.input());
  auto csv = out.str();
  REQUIRE(csv.rfind("\xEF\xBB\xBFMã đơn vị;Tên đơn vị;Loại đơn vị;Văn bản;Mã;Loại;Nội dung;Năm;Kết quả;", 0) == 0);
  CHECK(csv.find("\r\n") != std::string::npos);
  // The unit name begins with '=' and holds ';': kept as text, quoted. 40,25 against 50,5: gap 10,25.
  CHECK(csv.find("p;\"'=Tỉnh; thử\";Tỉnh;01/KH;T1;Chỉ tiêu;Tỉ lệ;2030;Không đạt;40,25;50,5;10,25;%;") !=
        std::string::npos);
  // Due 31/12/2030; K1 serves it, led by the Sở, which also monitors the document's targets but is
  // named once, as the task's lead.
  CHECK(csv.find(";31/12/2030;Sở Giáo dục và Đào tạo;;") != std::string::npos);
  // The task row: due day, lead.
  CHECK(csv.find(";K1;Nhiệm vụ;Báo cáo;;Quá hạn;;;;;;30/06/2030;Sở Giáo dục và Đào tạo;") != std::string::npos);
  // The last row: the provenance.
  CHECK(csv.find(";;;;;Nguồn;\"Tính từ: chitieu ") != std::string::npos);  // quoted: it holds ';'

}

TEST_CASE("report: the provenance lists the rule files by the names its digest uses, in either language") {
  std::vector<source_file> here, there;
  here.emplace_back("rules/common/a.ct", "x");
  here.emplace_back("rules/bac_ninh/b.ct", "y");
  there.emplace_back("./rules/../rules/common/a.ct", "x");
  there.emplace_back("/elsewhere/b.ct", "y");
  auto day = *parse_iso_date("2026-12-31");
  auto a = report::make_provenance(here, "z", day), b = report::make_provenance(there, "z", day);
  CHECK(a.rule_files == std::vector<std::string>{"a.ct", "b.ct"});
  CHECK(b.rule_files == a.rule_files);
  auto const rules = a.rules_sha256, data = sha256_hex("z");
  CHECK(report::provenance_line(a) == "Tính từ: chitieu " CHITIEU_VERSION_STRING "; ngày đánh giá 31/12/2026; quy tắc sha256 " +
                                          rules + " (a.ct, b.ct); bài nộp sha256 " + data);
  auto en = report::make_provenance(there, "z", day, language::en);
  CHECK(report::provenance_line(en) == "Computed from: chitieu " CHITIEU_VERSION_STRING "; judged as of 2026-12-31; rules sha256 " +
                                           rules + " (a.ct, b.ct); submission sha256 " + data);
  // Both lines read back, with the language they are written in and the names.
  for (auto const& p : {a, en}) {
    auto back = report::read_provenance("Điểm tổng hợp: 90/100\n" + report::provenance_line(p) + "\n");
    REQUIRE(back);
    CHECK(back->lang == p.lang);
    CHECK(back->as_of == day);
    CHECK(back->rules_sha256 == rules);
    CHECK(back->data_sha256 == data);
    CHECK(back->rule_files == std::vector<std::string>{"a.ct", "b.ct"});
  }
  // A line written before the names were listed still reads.
  auto old = report::read_provenance("Tính từ: chitieu 0.1.0; ngày đánh giá 31/12/2026; quy tắc sha256 " + rules +
                                     "; bài nộp sha256 " + data);
  REQUIRE(old);
  CHECK(old->rule_files.empty());
  CHECK(old->data_sha256 == data);
}
