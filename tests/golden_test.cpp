// Golden files: the full user-visible text of diagnostics and scorecards.
//   golden/syntax/*.ct, golden/sema/*.ct  -> *.diag (rendered diagnostics, in Vietnamese), and
//                                            *.en.diag where present (the same in English)
//   golden/eval/<case>/{rules.ct, data.json, as_of} -> scorecard.txt, scorecard.json
//   golden/eval/every_verdict/scorecard.html: the whole HTML page of one small case
// CHITIEU_UPDATE_GOLDEN=1 rewrites the expected files; review the diff.
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/report/scorecard.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/rules.hpp"

namespace fs = std::filesystem;
using namespace chitieu;
using chitieu::testing_support::slurp;

namespace {

void compare(fs::path const& expected_path, std::string const& actual) {
  if (std::getenv("CHITIEU_UPDATE_GOLDEN")) std::ofstream(expected_path, std::ios::binary) << actual;
  INFO("golden file: " << expected_path.filename().string());
  CHECK(actual == slurp(expected_path.string()));
}

std::vector<fs::path> files(fs::path const& dir, std::string const& ext) {
  std::vector<fs::path> out;
  for (auto const& e : fs::directory_iterator(dir))
    if (e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string diagnostics_of(fs::path const& path, language lang = language::vi) {
  std::vector<source_file> sources;
  sources.emplace_back(path.filename().string(), slurp(path.string()));
  load_options options;
  options.lang = lang;
  auto result = check_sources(std::move(sources), options);
  std::ostringstream out;
  report::render_diagnostics(out, result.sources, result.diags);
  return out.str();
}

/// The English rendering, for the cases that keep one (`case.en.diag`): a few, to see the English read
/// as a whole; the wording of each message is the catalog's.
void compare_english(fs::path const& c) {
  auto english = fs::path(c).replace_extension(".en.diag");
  if (fs::exists(english)) compare(english, diagnostics_of(c, language::en));
}

}  // namespace

TEST_CASE("golden: syntax diagnostics") {
  auto cases = files(fs::path(CHITIEU_GOLDEN_DIR) / "syntax", ".ct");
  REQUIRE_FALSE(cases.empty());
  for (auto const& c : cases) {
    auto text = diagnostics_of(c);
    CHECK_MESSAGE(!text.empty(), c.filename().string() << " should be rejected");
    compare(fs::path(c).replace_extension(".diag"), text);
    compare_english(c);
  }
}

TEST_CASE("golden: sema diagnostics") {
  auto cases = files(fs::path(CHITIEU_GOLDEN_DIR) / "sema", ".ct");
  REQUIRE_FALSE(cases.empty());
  for (auto const& c : cases) {
    compare(fs::path(c).replace_extension(".diag"), diagnostics_of(c));
    compare_english(c);
  }
}

TEST_CASE("golden: scorecards") {
  int cases = 0;
  for (auto const& e : fs::directory_iterator(fs::path(CHITIEU_GOLDEN_DIR) / "eval")) {
    if (!e.is_directory()) continue;
    ++cases;
    auto dir = e.path();
    std::vector<source_file> sources;
    sources.emplace_back("rules.ct", slurp((dir / "rules.ct").string()));
    auto rules = check_sources(std::move(sources));
    REQUIRE_MESSAGE(rules.rules, dir.filename().string());
    auto plan = eval::compile(*rules.rules);
    auto data = eval::load_submission_text(slurp((dir / "data.json").string()), plan.rules());
    REQUIRE(data.data);
    eval::check_data(plan, data);  // as `chitieu score` does
    std::string as_of = slurp((dir / "as_of").string());
    while (!as_of.empty() && (as_of.back() == '\n' || as_of.back() == '\r')) as_of.pop_back();
    eval::evaluate_options options;
    options.as_of = *parse_iso_date(as_of);
    auto result = eval::evaluate(plan, *data.data, options);
    report::scorecard_input in{plan, *data.data, result, data.issues};
    std::ostringstream text;
    report::render_text(text, in);
    compare(dir / "scorecard.txt", text.str());
    compare(dir / "scorecard.json", report::to_json(in).dump(2) + "\n");
    if (dir.filename() == "every_verdict") {  // one page is enough to see a template change in review
      std::ostringstream html;
      report::render_html(html, in);
      compare(dir / "scorecard.html", html.str());
    }
  }
  CHECK(cases > 0);
}
