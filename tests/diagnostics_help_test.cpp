// Help in diagnostics: nearest-name suggestions, refined syntax errors, the percent a fraction meant, and
// warning control (per run and per declaration).
#include <chitieu/pipeline.hpp>
#include <chitieu/suggest.hpp>
#include <chitieu/testing.hpp>
#include <chitieu/syntax/parse.hpp>
#include <chitieu/warnings.hpp>

#include <doctest/doctest.h>

#include <algorithm>

#include "support/rules.hpp"

using namespace chitieu;
using chitieu::testing_support::check_text;
using chitieu::testing_support::codes;

namespace {

std::string span_text(ruleset_result const& r, diagnostic const& d) {
  return std::string(r.sources[d.file].text().substr(d.span.begin, d.span.end - d.span.begin));
}

/// The diagnostic with this code and level, or nullptr.
diagnostic const* find(diagnostics const& diags, std::string const& code, severity level) {
  for (auto const& d : diags)
    if (d.code == code && d.level == level) return &d;
  return nullptr;
}

/// The note right after the first error with this code.
diagnostic const* note_after(diagnostics const& diags, std::string const& code) {
  for (std::size_t i = 0; i + 1 < diags.size(); ++i)
    if (diags[i].code == code && diags[i].level == severity::error)
      return diags[i + 1].level == severity::note ? &diags[i + 1] : nullptr;
  return nullptr;
}

constexpr char const* header = R"(
field province.ty_le : percent "Tỉ lệ"
field school.dat_chuan : bool "Đạt chuẩn"
agency so_gddt "Sở Giáo dục và Đào tạo"
document kh1 { number "01/KH" }
)";

}  // namespace

TEST_CASE("suggest: edit distance counts an adjacent transposition as one edit") {
  CHECK(edit_distance("measure", "measure") == 0);
  CHECK(edit_distance("mesure", "measure") == 1);
  CHECK(edit_distance("scohol", "school") == 1);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("suggest: the nearest name within a third of its length, never another numbered row") {
  std::vector<std::string> const items{"measure", "milestone", "require"};
  CHECK(nearest_name("mesure", items) == std::optional<std::string>("measure"));
  CHECK(nearest_name("MEASURE", items) == std::optional<std::string>("measure"));
  CHECK_FALSE(nearest_name("weight", items));
  CHECK_FALSE(nearest_name("measure", items));  // an exact name needs no suggestion
  std::vector<std::string> const ids{"T1", "T2", "T12", "K_ra_soat"};
  CHECK_FALSE(nearest_name("T9", ids));
  CHECK_FALSE(nearest_name("T13", ids));
  CHECK(nearest_name("T_1", ids) == std::optional<std::string>("T1"));
  CHECK(nearest_name("K_ra_sot", ids) == std::optional<std::string>("K_ra_soat"));
  CHECK(did_you_mean("measure") == "did you mean 'measure'?");
}

TEST_CASE("syntax: a misspelt item keyword gets a note with the keyword meant") {
  auto r = check_text(std::string(header) + "target T1 \"x\" { applies to province mesure ty_le >= 90% by 2030 }");
  auto const* note = note_after(r.diags, "syntax.expected");
  REQUIRE(note);
  CHECK(note->message == "did you mean 'measure'?");
  CHECK(span_text(r, *note) == "mesure");
}

TEST_CASE("syntax: an unclosed brace is pointed at by a note") {
  auto r = check_text(std::string(header) +
                      "target T1 \"x\" {\n applies to province\n measure ty_le\n >= 90% by 2030\n"
                      "target T2 \"y\" { applies to province measure ty_le >= 90% by 2030 }\n");
  auto const* note = note_after(r.diags, "syntax.expected");
  REQUIRE(note);
  CHECK(note->message == "to match this '{'");
  CHECK(span_text(r, *note) == "{");
  CHECK(r.sources[note->file].location_of(note->span.begin).line == 6);
}

TEST_CASE("syntax: a decimal comma and an unterminated string have their own codes") {
  auto comma = check_text(std::string(header) + "target T1 \"x\" { applies to province measure ty_le >= 20,5% by 2030 }");
  auto const* d = find(comma.diags, "syntax.decimal_comma", severity::error);
  REQUIRE(d);
  CHECK(span_text(comma, *d) == "20,5%");
  CHECK(d->message.find("write 20.5%") != std::string::npos);

  auto name = check_text(std::string(header) + "task K1 \"x\" { lead so_gddt after K1,2 }");
  CHECK_FALSE(find(name.diags, "syntax.decimal_comma", severity::error));
  CHECK(find(name.diags, "syntax.expected", severity::error));

  auto str = check_text(std::string(header) + "task K1 \"Rà soát {\n deadline by 2026\n}\n");
  auto const* s = find(str.diags, "syntax.unterminated_string", severity::error);
  REQUIRE(s);
  CHECK(span_text(str, *s) == "\"Rà soát {");
  CHECK_FALSE(find(str.diags, "syntax.expected", severity::error));
}

TEST_CASE("sema: unknown names get the nearest known one as a note, with the error's code") {
  auto r = check_text(std::string(header) +
                      "target T1 \"x\" { applies to provnce measure ty_le >= 90% by 2030 }\n"
                      "target T2 \"x\" { applies to province measure share(school, dat_chuna) >= 90% by 2030 }\n"
                      "task K1 \"y\" { lead so_gdt serves T_1 }\n");
  auto const* kind = note_after(r.diags, "sema.unknown_name");
  REQUIRE(kind);
  CHECK(kind->message == "did you mean 'province'?");
  CHECK(kind->code == "sema.unknown_name");
  auto agency = note_after(r.diags, "sema.unknown_agency");
  REQUIRE(agency);
  CHECK(agency->message == "did you mean 'so_gddt'?");
  auto target = note_after(r.diags, "sema.unknown_target");
  REQUIRE(target);
  CHECK(target->message == "did you mean 'T1'?");
  bool field_noted = std::any_of(r.diags.begin(), r.diags.end(), [](diagnostic const& d) {
    return d.level == severity::note && d.message == "did you mean 'dat_chuan'?";
  });
  CHECK(field_noted);
}

TEST_CASE("sema: a percent written as a fraction is told the percent to write") {
  auto r = check_text(std::string(header) + "target T1 \"x\" { applies to province measure ty_le >= 0.8 by 2030 }\n"
                                            "obligation O1 \"y\" { applies to province require ty_le > 0.85 }\n");
  std::vector<std::string> messages;
  for (auto const& d : r.diags)
    if (d.code == "sema.percent_literal") messages.push_back(d.message);
  REQUIRE(messages.size() == 2);
  CHECK(messages[0] == "this target measures a percent: write 80%, not the fraction 0.8");
  CHECK(messages[1] == "compare a percent with a percent: write 85%, not the fraction 0.85");
}

TEST_CASE("warnings: -W values parse, and an unknown code suggests the nearest") {
  warning_policy p;
  CHECK_FALSE(add_warning_option(p, "no-graph.idle_agency"));
  CHECK_FALSE(add_warning_option(p, "error=graph.unserved_target"));
  CHECK(p.off.count("graph.idle_agency") == 1);
  CHECK(p.errors.count("graph.unserved_target") == 1);
  auto why = add_warning_option(p, "no-graph.idle_agncy");
  REQUIRE(why);
  CHECK(why->find("did you mean 'graph.idle_agency'?") != std::string::npos);
  CHECK(add_warning_option(p, "graph.idle_agency"));
  CHECK_FALSE(add_warning_option(p, "error"));
  CHECK(p.all_errors);
}

TEST_CASE("warnings: off drops a warning, error= makes it an error and leaves no rule set") {
  std::string text = std::string(header) + "agency ngoai \"Sở Ngoại vụ\"\n"
                     "target T1 \"x\" { applies to province measure ty_le >= 90% by 2030 }\n"
                     "task K1 \"y\" { lead so_gddt serves T1 }\n";
  auto plain = check_text(text);
  REQUIRE(plain.rules);
  REQUIRE(find(plain.diags, "graph.idle_agency", severity::warning));

  std::vector<source_file> sources;
  sources.emplace_back("units.ct", testing_support::units_ct);
  sources.emplace_back("t.ct", text);
  load_options off;
  REQUIRE_FALSE(add_warning_option(off.warnings, "no-graph.idle_agency"));
  auto quiet = check_sources(sources, off);
  CHECK(quiet.rules);
  CHECK_FALSE(find(quiet.diags, "graph.idle_agency", severity::warning));

  load_options strict;
  REQUIRE_FALSE(add_warning_option(strict.warnings, "error=graph.idle_agency"));
  auto refused = check_sources(sources, strict);
  CHECK_FALSE(refused.rules);
  CHECK(find(refused.diags, "graph.idle_agency", severity::error));
}

TEST_CASE("warnings: a declaration that allows a warning turns it into a note with the reason") {
  auto r = check_text(std::string(header) +
                      "target T1 \"x\" { applies to province measure ty_le >= 90% by 2030\n"
                      "  allow graph.unserved_target \"Mục III: chỉ tiêu theo dõi\" }\n"
                      "target T2 \"y\" { applies to province measure ty_le >= 95% by 2030 }\n"
                      "task K1 \"z\" { lead so_gddt }\n");
  REQUIRE(r.rules);
  auto const* allowed = find(r.diags, "graph.unserved_target", severity::note);
  REQUIRE(allowed);
  CHECK(allowed->message == "no task serves target kh1.T1 (allowed: \"Mục III: chỉ tiêu theo dõi\")");
  auto const* still = find(r.diags, "graph.unserved_target", severity::warning);
  REQUIRE(still);
  CHECK(still->message == "no task serves target kh1.T2");

  auto stale = check_text(std::string(header) +
                          "task K1 \"z\" { lead so_gddt allow graph.task_without_lead \"Không nêu\" }\n");
  auto const* unused = find(stale.diags, "graph.unused_allow", severity::warning);
  REQUIRE(unused);
  CHECK(unused->message == "nothing to allow: there is no graph.task_without_lead warning here");
  CHECK(span_text(stale, *unused) == "allow graph.task_without_lead \"Không nêu\"");

  auto bad = check_text(std::string(header) +
                        "target T1 \"x\" { applies to province measure ty_le >= 90% by 2030 allow graph.unserved_targt \"r\" }\n");
  auto const* note = note_after(bad.diags, "sema.unknown_code");
  REQUIRE(note);
  CHECK(note->message == "did you mean 'graph.unserved_target'?");
}

TEST_CASE("testing: a misspelt verdict, a wrong JSON type and an unknown member fail at their line") {
  auto result = chitieu::testing::run_tests(
      {std::string(CHITIEU_GOLDEN_DIR) + "/testing/malformed_expectations.test.json"});
  CHECK(result.passed == 1);
  REQUIRE(result.failures.size() == 3);
  auto const& verdict = result.failures[0];
  CHECK(verdict.key == "T1@2030");
  CHECK(verdict.line == 11);
  CHECK(verdict.why.find("'on-track' is not a verdict; did you mean 'on_track'?") == 0);
  CHECK(verdict.why.find("needs_acceleration") != std::string::npos);
  auto const& type = result.failures[1];
  CHECK(type.key == "T1@2035");
  CHECK(type.line == 12);
  CHECK(type.why == "\"value\" must be a number or null, not a string");
  auto const& member = result.failures[2];
  CHECK(member.line == 13);
  CHECK(member.why == "unknown member \"mni\"; did you mean 'min'?");
}

// The messages in Vietnamese, the default language, written out by hand: the code writes English and
// the catalog (src/words/diagnostics.cpp) gives the Vietnamese; codes, keywords and names do not change.
TEST_CASE("diagnostics: syntax messages and their hints are in Vietnamese by default") {
  auto vi = language::vi;
  auto item = check_text(std::string(header) + "target T1 \"x\" { applies to province mesure ty_le >= 90% by 2030 }",
                         true, vi);
  auto const* expected = find(item.diags, "syntax.expected", severity::error);
  REQUIRE(expected);
  CHECK(expected->message == "cần một mục của khối hoặc '}', nhưng gặp 'mesure'");
  auto const* note = note_after(item.diags, "syntax.expected");
  REQUIRE(note);
  CHECK(note->message == "ý bạn là 'measure'?");

  auto by = check_text(std::string(header) + "target T1 \"x\" { applies to province measure ty_le >= 90% 2030 }",
                       true, vi);
  auto const* missing = find(by.diags, "syntax.expected", severity::error);
  REQUIRE(missing);
  CHECK(missing->message == "cần 'by', nhưng gặp '2030'");

  auto comma = check_text(std::string(header) + "target T1 \"x\" { applies to province measure ty_le >= 20,5% by 2030 }",
                          true, vi);
  auto const* d = find(comma.diags, "syntax.decimal_comma", severity::error);
  REQUIRE(d);
  CHECK(d->message == "số thập phân dùng dấu chấm, không dùng dấu phẩy: viết 20.5%");

  auto brace = check_text(std::string(header) +
                              "target T1 \"x\" {\n applies to province\n measure ty_le\n >= 90% by 2030\n"
                              "target T2 \"y\" { applies to province measure ty_le >= 90% by 2030 }\n",
                          true, vi);
  auto const* open = note_after(brace.diags, "syntax.expected");
  REQUIRE(open);
  CHECK(open->message == "dấu '{' chưa được đóng ở đây");
}

TEST_CASE("diagnostics: sema messages are in Vietnamese by default, in English on request") {
  std::string text = std::string(header) +
                     "target T1 \"x\" { applies to provnce measure ty_le >= 90% by 2030 }\n"
                     "target T2 \"x\" { applies to province measure ty_le >= 0.8 by 2030 }\n"
                     "task K1 \"y\" { lead so_gdt serves T2 }\n";
  auto vi = check_text(text, true, language::vi);
  auto en = check_text(text, true, language::en);
  REQUIRE(codes(vi.diags) == codes(en.diags));  // the same findings, only the words differ
  auto const* kind = find(vi.diags, "sema.unknown_name", severity::error);
  REQUIRE(kind);
  CHECK(kind->message == "không có loại đơn vị 'provnce'");
  CHECK(find(en.diags, "sema.unknown_name", severity::error)->message == "unknown unit kind 'provnce'");
  auto const* suggestion = note_after(vi.diags, "sema.unknown_name");
  REQUIRE(suggestion);
  CHECK(suggestion->message == "ý bạn là 'province'?");
  auto const* percent = find(vi.diags, "sema.percent_literal", severity::error);
  REQUIRE(percent);
  CHECK(percent->message == "chỉ tiêu này đo tỉ lệ phần trăm: hãy viết 80%, không viết dạng phân số 0.8");
  auto const* agency = find(vi.diags, "sema.unknown_agency", severity::error);
  REQUIRE(agency);
  CHECK(agency->message == "không có cơ quan 'so_gdt'");
}

TEST_CASE("diagnostics: plan checks are in Vietnamese by default, with dates written dd/mm/yyyy") {
  auto schedule = check_text(std::string(header) +
                                 "task K1 \"Khảo sát\" { lead so_gddt deadline during Q2 2026 }\n"
                                 "task K2 \"Ban hành\" { lead so_gddt deadline by 3/2026 after K1 }\n",
                             true, language::vi);
  auto const* conflict = find(schedule.diags, "graph.schedule_conflict", severity::error);
  REQUIRE(conflict);
  CHECK(conflict->message ==
        "nhiệm vụ kh1.K2 có hạn 31/03/2026, nhưng kh1.K1, là việc phải làm trước, không thể xong trước 01/04/2026");

  auto r = check_text(std::string(header) +
                          "target T1 \"x\" { applies to province measure ty_le >= 90% by 2030\n"
                          "  allow graph.unserved_target \"Mục III: chỉ tiêu theo dõi\" }\n"
                          "target T2 \"y\" { applies to province measure ty_le >= 95% by 2030 }\n"
                          "task K1 \"z\" { lead so_gddt allow graph.task_without_lead \"Không nêu\" }\n",
                      true, language::vi);
  auto const* allowed = find(r.diags, "graph.unserved_target", severity::note);
  REQUIRE(allowed);
  CHECK(allowed->message ==
        "không có nhiệm vụ nào phục vụ chỉ tiêu kh1.T1 (được cho phép: \"Mục III: chỉ tiêu theo dõi\")");
  auto const* still = find(r.diags, "graph.unserved_target", severity::warning);
  REQUIRE(still);
  CHECK(still->message == "không có nhiệm vụ nào phục vụ chỉ tiêu kh1.T2");
  auto const* unused = find(r.diags, "graph.unused_allow", severity::warning);
  REQUIRE(unused);
  CHECK(unused->message == "không có gì để cho phép: ở đây không có cảnh báo graph.task_without_lead");
}
