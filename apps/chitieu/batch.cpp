// `chitieu batch RULES… [--data FILE|-]`: NDJSON in, one submission a line; NDJSON out, one record a
// line in the same order; a summary on standard error (docs/scale.md). A line that cannot be scored
// gives a record that says why, and the run goes on: records in = records out, so that an engine that
// pipes lines through programs (GNU parallel, Spark's RDD.pipe, Hadoop Streaming) can shard the input
// and put the outputs back together.
#include <chitieu/digest.hpp>
#include <chitieu/report/format.hpp>
#include <chitieu/report/scorecard.hpp>
#include <chitieu/version.hpp>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "commands.hpp"
#include "messages.hpp"
#include "scoring.hpp"

namespace chitieu::cli {

namespace {

bool blank(std::string const& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

// The record of a line that gives no scorecard: the issues that stopped it, as a scorecard lists them,
// and what identifies the line wherever the input was split: its length, its digest and its first bytes.
void write_rejected(std::ostream& out, std::string const& line, std::vector<eval::data_issue> const& issues) {
  nlohmann::json record;
  record["chitieu"] = CHITIEU_VERSION_STRING;
  auto& listed = record["issues"] = nlohmann::json::array();
  for (auto const& is : issues) {
    nlohmann::json j{{"code", is.code}, {"message", is.message}, {"pointer", is.pointer},
                     {"severity", is.level == severity::error ? "error" : "warning"}, {"unit", is.unit}};
    if (!is.check.empty()) j["check"] = is.check;
    listed.push_back(std::move(j));
  }
  std::size_t shown = std::min<std::size_t>(line.size(), 80);
  while (shown < line.size() && shown > 0 && (static_cast<unsigned char>(line[shown]) & 0xC0) == 0x80) --shown;
  record["rejected"] = {{"bytes", line.size()}, {"sha256", sha256_hex(line)}, {"start", line.substr(0, shown)}};
  // Invalid UTF-8 in the line is replaced (U+FFFD), as everywhere chitieu echoes input.
  out << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

struct tally {
  std::size_t records = 0, scorecards = 0, needing_action = 0, with_data_errors = 0, blank_lines = 0;
  std::vector<std::size_t> rejected_lines;
};

std::string line_list(std::vector<std::size_t> const& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < 10; ++i) out += (i ? ", " : "") + std::to_string(lines[i]);
  if (lines.size() > 10) out += ", …";
  return out;
}

void write_summary(std::ostream& err, tally const& t) {
  err << "chitieu batch: "
      << tr("{0} records in, {1} out: {2} scorecards ({3} with items needing action, {4} with data errors), {5} rejected",
            {std::to_string(t.records), std::to_string(t.scorecards + t.rejected_lines.size()),
             std::to_string(t.scorecards), std::to_string(t.needing_action), std::to_string(t.with_data_errors),
             std::to_string(t.rejected_lines.size())});
  if (!t.rejected_lines.empty()) err << ' ' << tr("(lines {0})", {line_list(t.rejected_lines)});
  if (t.blank_lines) {
    auto n = std::to_string(t.blank_lines);
    err << "; " << report::agree(current_language(), n, tr("{0} lines skipped (blank)", {n}));
  }
  err << '\n';
}

}  // namespace

int run_batch(batch_options const& options, std::istream& in, std::ostream& out, std::ostream& err) {
  auto as_of = as_of_date(options.as_of, err);
  if (!as_of) return cannot_run;
  auto policy = warning_options(options.warnings, err);
  if (!policy) return cannot_run;
  auto loaded = load_checked(options.paths, err, false, *policy);
  if (!loaded) return cannot_run;
  auto compiled = eval::compile(std::move(*loaded->rules));
  auto setup = make_scoring_setup(compiled.rules(), *as_of, options.freshness, options.no_data, options.documents, err);
  if (!setup) return cannot_run;
  std::ifstream file;
  if (options.data != "-") {
    file.open(options.data, std::ios::binary);
    if (!file) {
      err << "chitieu: " << tr("cannot read {0}", {options.data}) << '\n';
      return cannot_run;
    }
  }
  std::istream& lines = options.data == "-" ? in : file;
  // The rule set's digest once; each record's submission digest is its line's.
  auto source = report::make_provenance(loaded->sources, "", *as_of, current_language());
  eval::dataset_limits limits;
  limits.lang = current_language();
  limits.max_bytes = options.max_data_mb << 20;
  tally t;
  std::string line;
  for (std::size_t number = 1; std::getline(lines, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (blank(line)) {  // not a record: NDJSON writers end files with a newline, some with two
      ++t.blank_lines;
      continue;
    }
    ++t.records;
    eval::table_load_result data;
    static_cast<eval::load_result&>(data) = eval::load_submission_text(line, compiled.rules(), limits);
    if (!data.data) {
      write_rejected(out, line, data.issues);
      t.rejected_lines.push_back(number);
      continue;
    }
    auto prepared = prepare_submission(compiled, *setup, data);
    source.data_sha256 = sha256_hex(line);
    auto code = write_json_scorecard(out, compiled, prepared, data, &source, report::json_layout::compact,
                                     options.detail == "results" ? report::json_detail::results
                                                                 : report::json_detail::scorecard);
    ++t.scorecards;
    if (code == data_broken) ++t.with_data_errors;
    else if (code == problems) ++t.needing_action;
  }
  out.flush();
  write_summary(err, t);
  return ok;
}

}  // namespace chitieu::cli
