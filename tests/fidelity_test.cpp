// The fidelity tables (docs/fidelity/<document>.md) against the shipped rules: every target, obligation,
// task and check of a plan is traced to a row of its plan's table, every row names rules that exist or
// says why nothing encodes it, and the closing count agrees with the rows.
#include <chitieu/pipeline.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/rules.hpp"

namespace fs = std::filesystem;
using namespace chitieu;
using namespace chitieu::testing_support;

namespace {

constexpr char const* table_header = "| Dòng | Cam kết trong kế hoạch | Loại | Quy tắc | Cách đọc / lý do |";

struct table_row {
  int line = 0;  // in the markdown file
  std::vector<std::string> cells;
  std::vector<std::string> ids;  // from the "Quy tắc" cell
};

std::vector<std::string> split_cells(std::string const& row) {
  std::vector<std::string> cells;
  std::size_t at = 1;  // after the leading '|'
  while (at < row.size()) {
    auto bar = row.find('|', at);
    if (bar == std::string::npos) break;
    auto cell = row.substr(at, bar - at);
    auto first = cell.find_first_not_of(' '), last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? "" : cell.substr(first, last - first + 1));
    at = bar + 1;
  }
  return cells;
}

/// The rows of every table with the fidelity header.
std::vector<table_row> read_rows(std::string const& text) {
  std::vector<table_row> rows;
  bool in_table = false;
  int number = 0;
  std::size_t at = 0;
  static std::regex const id(R"(`([A-Za-z][A-Za-z0-9_]*)`)");
  while (at <= text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    at = end + 1;
    ++number;
    if (line == table_header) {
      in_table = true;
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("| ---", 0) == 0) continue;
    if (line.rfind("|", 0) != 0) {
      in_table = false;
      continue;
    }
    table_row row{number, split_cells(line), {}};
    if (row.cells.size() == 5)
      for (std::sregex_iterator it(row.cells[3].begin(), row.cells[3].end(), id), stop; it != stop; ++it)
        row.ids.push_back((*it)[1]);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

TEST_CASE("fidelity: every rule of the shipped plans is traced to its plan's table, and back") {
  fs::path root(CHITIEU_SOURCE_DIR);
  auto loaded = load_rules({(root / "rules").string()});
  REQUIRE(loaded.rules);
  auto const& rules = *loaded.rules;
  REQUIRE(rules.documents.size() == 5);

  for (std::size_t d = 0; d < rules.documents.size(); ++d) {
    auto const& doc = rules.documents[d];
    auto path = root / "docs" / "fidelity" / (doc.id + ".md");
    INFO("document " << doc.id << ", table " << path.filename().string());
    REQUIRE(fs::exists(path));
    auto text = slurp(path.string());
    auto rows = read_rows(text);
    REQUIRE(rows.size() > 10);

    std::set<std::string> declared;
    auto collect = [&](auto const& items) {
      for (auto const& x : items)
        if (x.document == static_cast<int>(d)) declared.insert(x.id);
    };
    collect(rules.targets);
    collect(rules.obligations);
    collect(rules.tasks);
    collect(rules.data_checks);

    std::set<std::string> traced;
    int encoded = 0;
    static std::set<std::string> const kinds{"chỉ tiêu", "nghĩa vụ", "nhiệm vụ", "trách nhiệm"};
    for (auto const& row : rows) {
      INFO("row at line " << row.line);
      REQUIRE(row.cells.size() == 5);
      CHECK(std::regex_match(row.cells[0], std::regex(R"(\d+(\s*(–|-)\s*\d+)?(,\s*\d+(\s*(–|-)\s*\d+)?)*)")));
      CHECK(kinds.count(row.cells[2]) == 1);
      if (row.ids.empty()) {
        CHECK(row.cells[3] == "—");
        CHECK_MESSAGE(!row.cells[4].empty(), "a row that nothing encodes says why");
        continue;
      }
      ++encoded;
      for (auto const& id : row.ids) {
        CHECK_MESSAGE(declared.count(id) == 1, "the table names " << id << ", which the rule file does not declare");
        traced.insert(id);
      }
    }
    for (auto const& id : declared) CHECK_MESSAGE(traced.count(id) == 1, id << " is in no row of the table");

    // "Tổng: N cam kết, M được mã hóa, K cách đọc đã sửa."
    std::smatch total;
    REQUIRE(std::regex_search(text, total, std::regex(R"(Tổng: (\d+) cam kết, (\d+) được mã hóa, (\d+) cách đọc đã sửa\.)")));
    CHECK(std::stoi(total[1]) == static_cast<int>(rows.size()));
    CHECK(std::stoi(total[2]) == encoded);
  }
}
