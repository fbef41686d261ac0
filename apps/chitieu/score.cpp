// `chitieu score FILES… --data FILE|- [--as-of DATE] [--format text|json|html|csv]`: evaluate a
// submission (JSON, a filled .xlsx template, or its CSV layout) and print the scorecard.
#include <chitieu/date.hpp>
#include <chitieu/digest.hpp>
#include <chitieu/eval/applicability.hpp>
#include <chitieu/eval/data_checks.hpp>
#include <chitieu/eval/evaluate.hpp>
#include <chitieu/eval/table_input.hpp>
#include <chitieu/report/scorecard.hpp>
#include <chitieu/suggest.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <ostream>
#include <sstream>

#include "commands.hpp"
#include "messages.hpp"
#include "scoring.hpp"

namespace chitieu::cli {

std::optional<std::int32_t> as_of_date(std::string const& given, std::ostream& err) {
  if (given.empty()) {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    return days_from_civil({tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                            static_cast<unsigned>(tm.tm_mday)});
  }
  auto parsed = parse_iso_date(given);
  if (!parsed) err << "chitieu: " << tr("--as-of needs a date YYYY-MM-DD, got '{0}'", {given}) << '\n';
  return parsed;
}

namespace {

// `--unit ID`: the index of that unit in the submission, or nullopt after saying why not.
std::optional<std::uint32_t> unit_named(std::string const& id, eval::dataset const& data, std::ostream& err) {
  std::vector<std::string> ids;
  for (std::uint32_t u = 0; u < data.units().size(); ++u) {
    if (data.unit(u).id == id) return u;
    ids.push_back(data.unit(u).id);
  }
  err << "chitieu: " << tr("no unit '{0}' in the submission", {id});
  if (auto best = nearest_name(id, ids)) err << "; " << tr("did you mean '{0}'?", {*best});
  err << '\n';
  return std::nullopt;
}

bool ends_with(std::string const& s, std::string_view tail) {
  if (s.size() < tail.size()) return false;
  for (std::size_t i = 0; i < tail.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - tail.size() + i])) != tail[i]) return false;
  return true;
}

/// Appends everything `in` holds to `text`, leaving room after it for the JSON parser's padding
/// (eval::load_submission_text reads such a text in place).
constexpr std::size_t read_chunk = std::size_t(1) << 20;

bool read_all(std::istream& in, std::string& text) {
  constexpr std::size_t padding = 64;
  std::size_t chunk = read_chunk;
  for (;;) {
    auto at = text.size();
    if (text.capacity() < at + chunk + padding) text.reserve(std::max(2 * text.capacity(), at + chunk + padding));
    text.resize(at + chunk);
    in.read(text.data() + at, static_cast<std::streamsize>(chunk));
    auto got = static_cast<std::size_t>(in.gcount());
    text.resize(at + got);
    if (got < chunk) break;
  }
  if (in.bad()) return false;
  // The padding is zeroed, so that a parser reading past the end reads defined bytes.
  auto size = text.size();
  text.resize(size + padding);
  text.resize(size);
  return true;
}

}  // namespace

std::optional<eval::table_load_result> read_data(std::string const& path, sema::checked_ruleset const& rules,
                                                 std::ostream& err, std::string* data_sha256, std::size_t max_bytes) {
  eval::dataset_limits limits;
  limits.lang = current_language();
  limits.max_bytes = max_bytes;
  // A file past the limit is refused before it is read into memory.
  std::error_code ec;
  std::size_t expected = 0;  // the file's size, to read it into one allocation
  if (path != "-") {
    auto size = std::filesystem::file_size(path, ec);
    if (!ec) expected = static_cast<std::size_t>(size);
    if (!ec && size > max_bytes) {
      eval::table_load_result refused;
      static_cast<eval::load_result&>(refused) = eval::too_large(static_cast<std::size_t>(size), limits);
      return refused;
    }
  }
  // One copy of the text, read in place by the JSON parser and freed once parsed (its digest, for the
  // provenance, is taken first): a national submission is hundreds of MB, and every copy, or a copy
  // held beside the dataset, was as much memory again.
  std::string text;
  text.reserve(expected + read_chunk + 64);
  bool read = path == "-" ? read_all(std::cin, text) : [&] {
    std::ifstream in(path, std::ios::binary);
    return in && read_all(in, text);
  }();
  if (!read) {
    err << "chitieu: " << tr("cannot read {0}", {path}) << '\n';
    return std::nullopt;
  }
  if (data_sha256) *data_sha256 = sha256_hex(text);
  if (ends_with(path, ".xlsx")) return eval::load_workbook_bytes(text, rules, limits);  // read once
  if (ends_with(path, ".csv")) return eval::load_csv_text(text, rules, limits);
  eval::table_load_result json;
  static_cast<eval::load_result&>(json) = eval::load_submission_text(std::move(text), rules, limits);
  return json;
}

int run_score(score_options const& options, std::ostream& out, std::ostream& err) {
  // Options that cannot go together are refused before anything is read.
  bool results = options.detail == "results";
  if (results && (options.format != "json" || !options.unit.empty())) {
    err << "chitieu: " << tr("--detail results needs --format json, for the whole submission (no --unit)") << '\n';
    return cannot_run;
  }
  if (options.compact && options.format != "json") {
    err << "chitieu: " << tr("--compact is for --format json") << '\n';
    return cannot_run;
  }
  auto as_of_day = as_of_date(options.as_of, err);
  if (!as_of_day) return cannot_run;
  std::int32_t as_of = *as_of_day;
  auto policy = warning_options(options.warnings, err);
  if (!policy) return cannot_run;
  auto loaded = load_checked(options.paths, err, false, *policy);
  if (!loaded) return cannot_run;
  auto compiled = eval::compile(std::move(*loaded->rules));
  auto setup = make_scoring_setup(compiled.rules(), as_of, options.freshness, options.no_data, options.documents, err);
  if (!setup) return cannot_run;
  std::string data_sha256;
  auto data = read_data(options.data, compiled.rules(), err, &data_sha256, options.max_data_mb << 20);
  if (!data) return cannot_run;
  auto source = report::make_provenance(loaded->sources, "", as_of, current_language());
  source.data_sha256 = data_sha256;  // of the bytes read, which were not kept
  if (!data->data) {
    for (auto const& is : data->issues)
      err << options.data << ": error: " << (is.pointer.empty() || !data->cells.empty() ? "" : is.pointer + ": ")
          << is.message << " [" << is.code << "]\n";
    return data_broken;
  }
  auto layout = options.compact ? report::json_layout::compact : report::json_layout::indented;
  std::uint32_t unit = 0;
  if (!options.unit.empty()) {
    auto found = unit_named(options.unit, *data->data, err);
    if (!found) return cannot_run;
    unit = *found;
  }
  auto prepared = prepare_submission(compiled, *setup, *data);
  if (options.format == "json" && unit == 0)  // the whole submission: judged as it is written
    return write_json_scorecard(out, compiled, prepared, *data, &source, layout,
                                results ? report::json_detail::results : report::json_detail::scorecard);
  if (options.format == "text" || options.format == "csv")  // judged unit by unit, as written
    return write_streamed_scorecard(out, options.format, compiled, prepared, *data, &source, unit, options.depth);
  auto result = eval::evaluate_report_of(compiled, *data->data, prepared.options, unit);
  report::scorecard_input card{compiled, *data->data, result, data->issues, &source};
  card.documents = &prepared.documents;
  card.unit = unit;
  card.depth = options.depth;
  card.summary_only = options.summary;
  card.lang = current_language();
  if (options.format == "json") report::render_json(out, card, layout);
  else if (options.format == "html") report::render_html(out, card);
  else if (options.format == "csv") report::render_csv(out, card);
  else report::render_text(out, card);
  return scorecard_exit(result, *data, unit);
}

}  // namespace chitieu::cli
