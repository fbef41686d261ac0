// Scoring a submission from C++: load rules, compile once, load data, evaluate, read verdicts.
// Usage: chitieu_embed [--document ID] RULES_DIR... SUBMISSION.json YYYY-MM-DD
#include <chitieu/chitieu.hpp>

#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  std::string only;  // --document ID: judge that document alone
  if (argc > 2 && std::strcmp(argv[1], "--document") == 0) {
    only = argv[2];
    argv += 2;
    argc -= 2;
  }
  if (argc < 4) return std::cerr << "usage: chitieu_embed [--document ID] RULES... DATA.json DATE\n", 1;
  std::vector<std::string> rule_paths(argv + 1, argv + argc - 2);
  auto loaded = chitieu::load_rules(rule_paths);
  if (!loaded.rules) return chitieu::report::render_diagnostics(std::cerr, loaded.sources, loaded.diags), 1;
  auto plan = chitieu::eval::compile(std::move(*loaded.rules));

  std::ifstream in(argv[argc - 2]);
  std::stringstream text;
  text << in.rdbuf();
  auto data = chitieu::eval::load_submission_text(text.str(), plan.rules());
  if (!data.data) return std::cerr << data.issues.at(0).message << '\n', 1;

  chitieu::eval::evaluate_options options;
  options.as_of = *chitieu::parse_iso_date(argv[argc - 1]);
  if (!only.empty()) {
    // A lookup gives a typed handle, or nothing for an id the rules do not have.
    auto document = plan.rules().find_document(only);
    if (!document) return std::cerr << "unknown document " << only << '\n', 1;
    options.documents = std::vector{*document};
  }
  auto result = chitieu::eval::evaluate(plan, *data.data, options);

  auto const& root = result.units.front();  // the province; its communes and schools follow
  for (auto const& o : root.obligations)
    std::cout << plan.rules().qualified_id(plan.rules().obligations[o.obligation]) << ": "
              << chitieu::eval::to_string(o.overall) << '\n';
  std::cout << "score: " << root.overall.value << "/100\n";
}
