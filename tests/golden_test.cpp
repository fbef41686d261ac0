// Golden files: the full user-visible text of diagnostics and scorecards.
//   golden/syntax/*.ct, golden/sema/*.ct  -> *.diag (rendered diagnostics, in Vietnamese), and
//                                            *.en.diag where present (the same in English)
//   golden/eval/<case>/{rules.ct, data.json, as_of} -> scorecard.txt, scorecard.json, and in English
//   (--lang en) scorecard.en.txt, scorecard.en.json
//   golden/eval/every_verdict/scorecard.html (and .en.html): the whole HTML page of one small case
// CHITIEU_UPDATE_GOLDEN=1 rewrites the expected files; review the diff.
#include <chitieu/date.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/report/scorecard.hpp>

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <filesystem>
#include <fstream>
#include <regex>
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

/// Whether `cp` is a letter only Vietnamese (not English) writes: a Latin letter with a diacritic, or a
/// combining mark.
bool vietnamese_letter(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

/// The first Vietnamese letter in `text` with the 60 bytes around it, or "" when there is none.
std::string first_vietnamese(std::string const& text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
    if (vietnamese_letter(cp)) {
      auto from = i < 60 ? 0 : i - 60;
      return text.substr(from, 120);
    }
    i += n;
  }
  return "";
}

/// The words that are not the report's own and stay as written in any language: every string of the
/// rules (titles, agencies, unit kinds, levels, units of measure) and of the data (names, notes), and the
/// deadlines as the rules state them, read from the JSON scorecard's fields that carry them. Longest first, so that a name is
/// removed before a shorter one inside it.
std::vector<std::string> names_of(fs::path const& dir, nlohmann::json const& card) {
  std::vector<std::string> out;
  auto rules = slurp((dir / "rules.ct").string());
  std::regex quoted("\"([^\"]*)\"");
  for (std::sregex_iterator it(rules.begin(), rules.end(), quoted), end; it != end; ++it) out.push_back((*it)[1]);
  std::function<void(nlohmann::json const&, std::string const&)> walk = [&](nlohmann::json const& j,
                                                                             std::string const& key) {
    static char const* const others[] = {"title", "cite", "name", "deadline", "note", "basis", "unit",
                                         "numerator_unit", "denominator_unit"};
    if (j.is_string() && (key.empty() || std::find(std::begin(others), std::end(others), key) != std::end(others)))
      out.push_back(j.get<std::string>());
    for (auto it = j.begin(); (j.is_object() || j.is_array()) && it != j.end(); ++it)
      walk(*it, j.is_object() ? it.key() : key);
  };
  walk(nlohmann::json::parse(slurp((dir / "data.json").string())), "");  // every string of the data
  walk(card, "-");
  std::sort(out.begin(), out.end(), [](auto const& a, auto const& b) { return a.size() > b.size(); });
  out.erase(std::remove(out.begin(), out.end(), std::string()), out.end());
  return out;
}

/// `text` with the names removed, and HTML's escapes undone first so that names match.
std::string without_names(std::string text, std::vector<std::string> const& names) {
  for (auto const& [from, to] : {std::pair{"&quot;", "\""}, {"&#39;", "'"}, {"&#x2F;", "/"}, {"&lt;", "<"},
                                 {"&gt;", ">"}, {"&amp;", "&"}})
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at)) text.replace(at, std::strlen(from), to);
  for (auto const& n : names)
    for (auto at = text.find(n); at != std::string::npos; at = text.find(n, at)) text.erase(at, n.size());
  return text;
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
    // The streamed bytes themselves, and the same document as nlohmann writes it: one format.
    std::ostringstream json;
    report::render_json(json, in);
    compare(dir / "scorecard.json", json.str());
    CHECK(nlohmann::json::parse(json.str()).dump(2) + "\n" == json.str());
    std::ostringstream compact;
    report::render_json(compact, in, report::json_layout::compact);
    CHECK(nlohmann::json::parse(json.str()).dump() + "\n" == compact.str());
    // Judged as it is written, one unit at a time: the same bytes, in both layouts.
    for (auto layout : {report::json_layout::indented, report::json_layout::compact}) {
      eval::unit_evaluator units(plan, *data.data, options);
      report::scorecard_input streamed_in{plan, *data.data, units.header(), data.issues};
      std::ostringstream streamed;
      std::size_t seen = 0;
      report::render_json(streamed, streamed_in, units, layout, [&](eval::unit_scorecard const&) { ++seen; });
      CHECK(streamed.str() == (layout == report::json_layout::indented ? json.str() : compact.str()));
      CHECK(seen == data.data->units().size());
    }
    if (dir.filename() == "every_verdict") {  // one page is enough to see a template change in review
      std::ostringstream html;
      report::render_html(html, in);
      compare(dir / "scorecard.html", html.str());
    }
    // As `--lang en` runs: the data issues, the evaluation's reasons and the report, all in English.
    eval::dataset_limits limits_en;
    limits_en.lang = language::en;
    auto data_en = eval::load_submission_text(slurp((dir / "data.json").string()), plan.rules(), limits_en);
    REQUIRE(data_en.data);
    eval::check_data(plan, data_en, language::en);
    auto options_en = options;
    options_en.lang = language::en;
    auto result_en = eval::evaluate(plan, *data_en.data, options_en);
    report::scorecard_input in_en{plan, *data_en.data, result_en, data_en.issues};
    in_en.lang = language::en;
    std::ostringstream text_en;
    report::render_text(text_en, in_en);
    auto json_en = report::to_json(in_en);
    compare(dir / "scorecard.en.txt", text_en.str());
    compare(dir / "scorecard.en.json", json_en.dump(2) + "\n");
    if (dir.filename() == "every_verdict") {
      std::ostringstream html_en;
      report::render_html(html_en, in_en);
      compare(dir / "scorecard.en.html", html_en.str());
    }
  }
  CHECK(cases > 0);
}

// A word the report forgot to translate would reach an English reader in Vietnamese. Everything the
// report writes itself must be English: once the plan's and the data's own words (and other layers'
// texts) are taken out, no Vietnamese letter may be left in the text, the HTML page, the CSV or the JSON
// explanations. The check is shown to bite: the same check on the Vietnamese scorecard finds words.
TEST_CASE("golden: the English scorecards hold no Vietnamese outside the plan's and the data's names") {
  int cases = 0;
  for (auto const& e : fs::directory_iterator(fs::path(CHITIEU_GOLDEN_DIR) / "eval")) {
    if (!e.is_directory()) continue;
    ++cases;
    auto dir = e.path();
    CAPTURE(dir.filename().string());
    std::vector<source_file> sources;
    sources.emplace_back("rules.ct", slurp((dir / "rules.ct").string()));
    auto rules = check_sources(std::move(sources));
    REQUIRE(rules.rules);
    auto plan = eval::compile(*rules.rules);
    eval::dataset_limits limits;
    limits.lang = language::en;
    auto data = eval::load_submission_text(slurp((dir / "data.json").string()), plan.rules(), limits);
    REQUIRE(data.data);
    eval::check_data(plan, data, language::en);
    std::string as_of = slurp((dir / "as_of").string());
    eval::evaluate_options options;
    options.as_of = *parse_iso_date(as_of.substr(0, 10));
    options.lang = language::en;
    auto result = eval::evaluate(plan, *data.data, options);
    report::scorecard_input in{plan, *data.data, result, data.issues};
    in.lang = language::en;
    auto const json_en = report::to_json(in);
    auto const names = names_of(dir, json_en);
    std::ostringstream text, html, csv, summary;
    report::render_text(text, in);
    report::render_html(html, in);
    report::render_csv(csv, in);
    in.summary_only = true;
    report::render_html(summary, in);
    std::string explanations;
    for (auto const& u : json_en["units"]) {
      for (auto const& t : u["targets"])
        for (auto const& m : t["milestones"]) explanations += m["explanation"].get<std::string>() + "\n";
      for (auto const& o : u["obligations"])
        for (auto const& y : o["years"]) explanations += y["explanation"].get<std::string>() + "\n";
    }
    CHECK_MESSAGE(first_vietnamese(without_names(text.str(), names)) == "", "text");
    CHECK_MESSAGE(first_vietnamese(without_names(html.str(), names)) == "", "html");
    CHECK_MESSAGE(first_vietnamese(without_names(summary.str(), names)) == "", "html --summary");
    CHECK_MESSAGE(first_vietnamese(without_names(csv.str(), names)) == "", "csv");
    CHECK_MESSAGE(first_vietnamese(without_names(explanations, names)) == "", "json explanations");
    CHECK(html.str().find("<html lang=\"en\">") != std::string::npos);
    // The same check on the Vietnamese scorecard finds the report's own words: it does not pass by
    // removing everything.
    in.lang = language::vi;
    in.summary_only = false;
    std::ostringstream text_vi;
    report::render_text(text_vi, in);
    CHECK(first_vietnamese(without_names(text_vi.str(), names)) != "");
  }
  CHECK(cases == 3);
}
