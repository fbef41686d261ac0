// Reading rule files from disk and running parse, check and the plan checks over them.
#include <chitieu/pipeline.hpp>

#include <chitieu/graph/analysis.hpp>
#include <chitieu/sema/check.hpp>
#include <chitieu/syntax/parse.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace chitieu {
namespace fs = std::filesystem;
namespace {

/// `allow CODE "reason"` items: each covers the declaration it stands in.
std::vector<allowance> allowances(std::vector<syntax::ast::rule_file> const& files) {
  std::vector<allowance> out;
  auto add = [&](std::uint32_t file, source_span where, syntax::ast::allow_item const& a) {
    auto code = a.code.first.text + (a.code.second ? "." + a.code.second->text : "");
    out.push_back({file, where, code, a.reason.value, a.span});
  };
  for (std::uint32_t f = 0; f < files.size(); ++f)
    for (auto const& d : files[f].declarations) {
      if (auto const* b = boost::get<syntax::ast::block_decl>(&d.get()))
        for (auto const& it : b->items)
          if (auto const* a = boost::get<syntax::ast::allow_item>(&it.get())) add(f, b->span, *a);
      if (auto const* g = boost::get<syntax::ast::agency_decl>(&d.get()))
        for (auto const& a : g->allows) add(f, g->span, a);
    }
  return out;
}

}  // namespace

ruleset_result check_sources(std::vector<source_file> sources, load_options const& options) {
  ruleset_result out;
  std::vector<syntax::ast::rule_file> files;
  std::vector<std::string> names;
  bool parsed = true;
  for (std::uint32_t i = 0; i < sources.size(); ++i) {
    syntax::parse_options parsing;
    parsing.lang = options.lang;
    auto result = syntax::parse(sources[i], parsing, i);
    out.diags.insert(out.diags.end(), result.diags.begin(), result.diags.end());
    files.push_back(result.ast ? std::move(*result.ast) : syntax::ast::rule_file{});
    names.emplace_back(sources[i].name());
    parsed = parsed && result.ast.has_value();
  }
  // Check even after syntax errors, so name and type errors in the good declarations show too;
  // the product is only kept when everything was clean.
  auto checked = sema::check(files, names, {options.lang});
  out.diags.insert(out.diags.end(), checked.diags.begin(), checked.diags.end());
  bool plan_ok = true;
  auto allowed = allowances(files);
  if (parsed && checked.rules && options.graph_checks) {
    auto plan_diags = graph::check(*checked.rules, options.lang);
    auto unused = unused_allowances(allowed, plan_diags, options.lang);
    plan_diags.insert(plan_diags.end(), unused.begin(), unused.end());
    plan_ok = std::none_of(plan_diags.begin(), plan_diags.end(),
                           [](diagnostic const& d) { return d.level == severity::error; });
    out.diags.insert(out.diags.end(), plan_diags.begin(), plan_diags.end());
  }
  sort_diagnostics(out.diags);
  apply_warning_policy(options.warnings, allowed, out.diags, options.lang);
  plan_ok = plan_ok && !has_errors(out.diags);  // warnings made errors count
  if (parsed && checked.rules && plan_ok) out.rules = std::move(checked.rules);
  out.sources = std::move(sources);
  return out;
}

ruleset_result load_rules(std::vector<std::string> const& paths, load_options const& options) {
  std::vector<std::string> files;
  std::vector<std::string> errors;
  for (auto const& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".ct")
          found.push_back(it->path().generic_string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
      if (ec) errors.push_back(p + ": " + ec.message());
    } else {
      files.push_back(p);
    }
  }
  // The same files give the same rule set, the same reports and the same digest, in whatever order
  // they are named (and a file named twice, or also found in a folder given, is read once).
  std::sort(files.begin(), files.end());
  std::vector<std::string> seen;
  files.erase(std::remove_if(files.begin(), files.end(),
                             [&](std::string const& f) {
                               std::error_code ec;
                               auto id = fs::weakly_canonical(f, ec).generic_string();
                               if (ec) id = f;
                               if (std::find(seen.begin(), seen.end(), id) != seen.end()) return true;
                               seen.push_back(id);
                               return false;
                             }),
              files.end());
  std::vector<source_file> sources;
  for (auto const& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      errors.push_back(say(options.lang, "{0}: cannot read the file", {f}));
      continue;
    }
    std::ostringstream text;
    text << in.rdbuf();
    sources.emplace_back(f, text.str());
  }
  auto out = check_sources(std::move(sources), options);
  out.io_errors = std::move(errors);
  if (!out.io_errors.empty()) out.rules.reset();
  return out;
}

}  // namespace chitieu
