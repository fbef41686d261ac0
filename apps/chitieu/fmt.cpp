// `chitieu fmt FILES…`: lay rule files out canonically (docs/language.md, "Layout").
#include <chitieu/report/diagnostics.hpp>
#include <chitieu/report/diff.hpp>
#include <chitieu/syntax/format.hpp>
#include <chitieu/syntax/parse.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "commands.hpp"
#include "messages.hpp"

namespace chitieu::cli {
namespace {

namespace fs = std::filesystem;

/// The files named, a directory standing for every `.ct` file below it (sorted); `-` is standard input.
bool expand(std::vector<std::string> const& paths, std::vector<std::string>& files, std::ostream& err) {
  for (auto const& p : paths) {
    std::error_code ec;
    if (p != "-" && fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && it->path().extension() == ".ct") found.push_back(it->path().string());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(p);
    }
  }
  if (files.empty()) {
    err << "chitieu: " << tr("no .ct rule files found") << '\n';
    return false;
  }
  return true;
}

}  // namespace

int run_fmt(fmt_options const& options, std::istream& in, std::ostream& out, std::ostream& err) {
  std::vector<std::string> files;
  if (!expand(options.paths, files, err)) return cannot_run;
  bool unreadable = false, broken = false, changed = false;
  for (auto const& path : files) {
    bool from_stdin = path == "-";
    std::string text;
    if (from_stdin) {
      text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else {
      std::ifstream file(path, std::ios::binary);
      if (!file) {
        err << "chitieu: " << tr("cannot read {0}", {path}) << '\n';
        unreadable = true;
        continue;
      }
      std::ostringstream buffer;
      buffer << file.rdbuf();
      text = buffer.str();
    }
    // Only a file that parses is laid out: the layout keeps tokens, and broken tokens have no layout.
    std::vector<source_file> sources{source_file(from_stdin ? "<stdin>" : path, text)};
    syntax::parse_options parsing;
    parsing.lang = current_language();
    auto parsed = syntax::parse(sources[0], parsing);
    auto formatted =
        has_errors(parsed.diags) ? syntax::format_result{} : syntax::format(sources[0], 0, current_language());
    auto const& diags = has_errors(parsed.diags) ? parsed.diags : formatted.diags;
    if (!formatted.text) {
      for (auto const& d : diags)
        if (d.level != severity::warning) report::render_diagnostic(err, sources, d);
      broken = true;
      if (from_stdin && !options.check && !options.diff) out << text;  // an editor keeps its buffer
      continue;
    }
    if (from_stdin && !options.check && !options.diff) {
      out << *formatted.text;
      continue;
    }
    if (*formatted.text == text) continue;
    changed = true;
    std::string name(sources[0].name());
    if (options.diff) out << report::unified_diff(name, name, text, *formatted.text);
    else if (options.check) out << name << '\n';
    if (options.check || options.diff) continue;
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << *formatted.text;
    if (!file) {
      err << "chitieu: " << tr("cannot write {0}", {path}) << '\n';
      unreadable = true;
    }
  }
  if (unreadable) return cannot_run;
  if (broken) return problems;
  if (options.check && changed) return cannot_run;  // 1: a file is not in canonical layout
  return ok;
}

}  // namespace chitieu::cli
