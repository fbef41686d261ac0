// Checks a rule file, scores a submission, reads its result rows and renders its HTML page (in a shared
// build, the Mustache step comes from the small static library chitieu::html) through the installed
// headers and library, and says which C++ standard it was built as.
#include <chitieu/chitieu.hpp>

#include <iostream>
#include <sstream>

int main() {
  std::vector<chitieu::source_file> sources;
  sources.emplace_back("t.ct", "unit province \"Tỉnh\"\ndocument d { number \"1\" }\n"
                               "field province.x : percent \"Tỉ lệ\"\n"
                               "target T1 \"x\" { applies to province measure x >= 50% by 2026 }\n");
  auto result = chitieu::check_sources(std::move(sources));
  if (!result.rules) return std::cout << "package broken: the rules\n", 1;
  auto plan = chitieu::eval::compile(std::move(*result.rules));
  auto data = chitieu::eval::load_submission_text(
      R"({"kind":"province","id":"p","values":{"2026":{"x":40}}})", plan.rules());
  if (!data.data) return std::cout << "package broken: the submission\n", 1;
  chitieu::eval::evaluate_options options;
  options.as_of = *chitieu::parse_iso_date("2026-12-31");
  auto evaluation = chitieu::eval::evaluate(plan, *data.data, options);
  std::vector<chitieu::eval::result_row> rows;
  chitieu::eval::append_rows(evaluation.units.front(), plan.rules(), rows);
  // 40% against at least 50% in 2026, judged on the last day of 2026: not met.
  bool right = rows.size() == 1 && rows[0].result == chitieu::eval::verdict::not_met;
  if (!right) return std::cout << "package broken: the verdict\n", 1;
  std::ostringstream page;
  chitieu::report::render_html(page, {plan, *data.data, evaluation, data.issues});
  auto html = page.str();
  if (html.rfind("<!DOCTYPE html>", 0) != 0 || html.find("</html>") == std::string::npos ||
      html.find("Không đạt") == std::string::npos)
    return std::cout << "package broken: the HTML page\n", 1;
  std::cout << "package ok (C++ " << __cplusplus << ")\n";
  return 0;
}
