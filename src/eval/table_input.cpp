// Turns the sheets of a filled template (workbook or CSV) into the JSON submission that
// load_submission reads, keeping where each value was typed so that every issue names its sheet, row
// and column. No row is dropped: a row with a problem is kept, with the problem reported.
#include <chitieu/eval/table_input.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <unordered_map>

#include "cell_values.hpp"
#include "load_json.hpp"
#include "sheets.hpp"

namespace chitieu::eval {

namespace {

using detail::cell;
using nlohmann::json;

struct column {
  enum class role { ignored, kind, id, name, parent, year, value } what = role::ignored;
  std::string field;  // value columns
  int year = 0;       // workbook value columns ("dat_chuan@2026"); CSV takes the year from its column
};

struct unit_row {
  int kind = -1;
  std::string id, name, parent;
  std::string where;                 // "Trang 'Trường', dòng 7"
  std::string where_parent;          // the parent's cell
  json values = json::object();
  std::vector<std::pair<std::string, std::string>> cells;  // "/values/2026/f" → location
  std::vector<std::pair<std::string, std::string>> refs;   // "/values/2026/f" → "Trường!E7", blank cells too
  std::vector<data_issue> issues;    // pointer suffixes, completed once the unit has a place
  std::vector<std::size_t> children;
};

struct reader {
  reader(sema::checked_ruleset const& r, language l) : rules(r), lang(l) {}
  sema::checked_ruleset const& rules;
  language lang;
  std::string sheet;  // the sheet being read, for its cells' A1 references; empty in CSV
  bool date1904 = false;
  std::vector<unit_row> units;
  std::vector<data_issue> issues;  // about sheets and columns, not units
  std::map<std::pair<int, std::string>, std::size_t> csv_units;  // (kind, id) → unit, CSV rows per year

  std::string describe(unit_row const& u) const {
    return (u.kind >= 0 ? rules.unit_kinds[std::size_t(u.kind)].id : std::string("?")) + " " + u.id;
  }

  void layout_issue(std::string where, std::string message, severity level = severity::error,
                    char const* code = "data.table_layout") {
    data_issue is;
    is.level = level;
    is.code = code;
    is.message = std::move(where) + ": " + std::move(message);
    issues.push_back(std::move(is));
  }

  static cell const* at(detail::sheet const& s, std::size_t r, std::size_t c) {
    if (r >= s.rows.size() || c >= s.rows[r].size()) return nullptr;
    auto const* x = &s.rows[r][c];
    return x->kind == cell::type::empty ? nullptr : x;
  }
  static std::string text_of(detail::sheet const& s, std::size_t r, std::size_t c) {
    auto x = at(s, r, c);
    if (!x) return {};
    auto t = detail::plain(*x);
    auto b = t.find_first_not_of(" \t"), e = t.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : t.substr(b, e - b + 1);
  }

  // Reads data rows [first, end) of a sheet whose key row is row 0. `kind` is the sheet's unit kind,
  // or -1 when a `kind` column says it row by row (CSV).
  void read_rows(detail::sheet const& s, std::string const& prefix, int kind, std::size_t first) {
    std::vector<column> columns;
    auto const& keys = s.rows.empty() ? std::vector<cell>() : s.rows[0];
    for (std::size_t c = 0; c < keys.size(); ++c) {
      column col;
      std::string key = keys[c].kind == cell::type::empty ? "" : detail::plain(keys[c]);
      auto where = prefix + say(lang, "cột {0}", {detail::column_letters(c)});
      if (key.empty()) {
      } else if (key == "kind" && kind < 0) col.what = column::role::kind;
      else if (key == "id") col.what = column::role::id;
      else if (key == "name") col.what = column::role::name;
      else if (key == "parent") col.what = column::role::parent;
      else if (key == "year" && kind < 0) col.what = column::role::year;
      else if (kind < 0) {
        col.what = column::role::value;
        col.field = key;
      } else if (auto at_sign = key.find('@'); at_sign != std::string::npos) {
        col.what = column::role::value;
        col.field = key.substr(0, at_sign);
        auto year = key.substr(at_sign + 1);
        col.year = year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos ? std::stoi(year) : 0;
        if (col.year < 1900 || col.year > 2200) {
          layout_issue(where, say(lang, "tiêu đề '{0}' không ghi năm hợp lệ; cột này không được đọc", {key}), severity::error, "data.bad_year");
          col.what = column::role::ignored;
        } else if (!rules.find_field(sema::unit_kind_id(kind), col.field)) {
          layout_issue(where, say(lang, "loại đơn vị '{0}' không có chỉ tiêu '{1}'; cột này không được đọc",
                                  {rules.unit_kinds[std::size_t(kind)].title, col.field}),
                       severity::warning, "data.unknown_field");
          col.what = column::role::ignored;
        }
      } else {
        layout_issue(where, say(lang, "tiêu đề '{0}' không thuộc mẫu; cột này không được đọc", {key}));
      }
      columns.push_back(std::move(col));
    }
    auto find_role = [&](column::role r) {
      for (std::size_t c = 0; c < columns.size(); ++c)
        if (columns[c].what == r) return c;
      return std::size_t(-1);
    };
    std::size_t id_col = find_role(column::role::id), kind_col = find_role(column::role::kind),
                year_col = find_role(column::role::year), name_col = find_role(column::role::name),
                parent_col = find_role(column::role::parent);
    if (id_col == std::size_t(-1) || (kind < 0 && (kind_col == std::size_t(-1) || year_col == std::size_t(-1)))) {
      layout_issue(prefix.empty() ? say(lang, "Dòng {0}", {"1"}) : prefix.substr(0, prefix.size() - 2),
                   kind < 0 ? say(lang, "thiếu cột 'kind', 'id' hoặc 'year' ở dòng tiêu đề; không đọc được tệp")
                            : say(lang, "thiếu cột 'id' ở dòng tiêu đề; không đọc được trang này"));
      return;
    }
    for (std::size_t r = first; r < s.rows.size(); ++r) {
      bool blank = true;
      for (auto const& x : s.rows[r])
        if (x.kind != cell::type::empty && !(x.kind == cell::type::text && x.text.find_first_not_of(" \t") == std::string::npos))
          blank = false;
      if (blank) continue;
      read_row(s, prefix, kind, r, columns, id_col, kind_col, year_col, name_col, parent_col);
    }
  }

  void read_row(detail::sheet const& s, std::string const& prefix, int kind, std::size_t r,
                std::vector<column> const& columns, std::size_t id_col, std::size_t kind_col,
                std::size_t year_col, std::size_t name_col, std::size_t parent_col) {
    auto row_where = prefix + say(lang, "dòng {0}", {std::to_string(r + 1)});
    auto cell_where = [&](std::size_t c) { return row_where + ", " + say(lang, "cột {0}", {detail::column_letters(c)}); };
    unit_row u;
    u.where = row_where;
    u.kind = kind;
    u.id = text_of(s, r, id_col);
    if (name_col != std::size_t(-1)) u.name = text_of(s, r, name_col);
    if (parent_col != std::size_t(-1)) {
      u.parent = text_of(s, r, parent_col);
      u.where_parent = cell_where(parent_col);
    }
    int year = 0;
    if (kind < 0) {
      auto k = text_of(s, r, kind_col);
      u.kind = index_or_none(rules.find_unit_kind(k));
      for (std::size_t i = 0; u.kind < 0 && i < rules.unit_kinds.size(); ++i)
        if (rules.unit_kinds[i].title == k) u.kind = int(i);
      if (u.kind < 0) {
        layout_issue(cell_where(kind_col), say(lang, "'{0}' không phải là loại đơn vị của quy tắc; dòng này không được đọc", {k}),
                     severity::error, "data.unknown_kind");
        return;
      }
      auto y = text_of(s, r, year_col);
      year = y.size() == 4 && y.find_first_not_of("0123456789") == std::string::npos ? std::stoi(y) : 0;
      if (year < 1900 || year > 2200) {
        layout_issue(cell_where(year_col), say(lang, "'{0}' không phải là năm; các giá trị của dòng này không được đọc", {y}),
                     severity::error, "data.bad_year");
        year = 0;
      }
    }
    if (u.id.empty()) {
      u.id = say(lang, "dòng {0}", {std::to_string(r + 1)});
      data_issue is;
      is.code = "data.missing_member";
      is.message = cell_where(id_col) + ": " + say(lang, "thiếu mã đơn vị; dòng vẫn được tính với mã tạm '{0}'", {u.id});
      u.issues.push_back(std::move(is));
    }
    // CSV: a unit has one row per year; a second row for a year it already has is a second unit, which
    // the loader reports as a duplicated id.
    unit_row* target = &u;
    if (kind < 0) {
      auto found = csv_units.find({u.kind, u.id});
      if (found != csv_units.end() && year != 0 && !units[found->second].values.contains(std::to_string(year)))
        target = &units[found->second];
    }
    // A year with every cell blank has no values at all, and evidence names the year, not a field: its
    // cells are the span of that year's columns on the unit's row.
    std::map<int, std::pair<std::size_t, std::size_t>> year_columns;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      auto const& col = columns[c];
      if (col.what != column::role::value) continue;
      int y = kind < 0 ? year : col.year;
      if (y == 0) continue;
      auto suffix = "/values/" + std::to_string(y) + "/" + col.field;
      auto const* x = at(s, r, c);
      // A blank cell too: a verdict that lacks this value can then name the cell to fill in.
      if (rules.find_field(sema::unit_kind_id(target->kind), col.field)) {
        target->refs.emplace_back(suffix, a1_reference(r, c));
        auto span = year_columns.emplace(y, std::make_pair(c, c)).first;
        span->second.second = c;
      }
      if (!x) continue;
      int f = index_or_none(rules.find_field(sema::unit_kind_id(target->kind), col.field));
      auto where = cell_where(c);
      if (f < 0) {
        layout_issue(where, say(lang, "loại đơn vị '{0}' không có chỉ tiêu '{1}'; ô này không được đọc",
                                {rules.unit_kinds[std::size_t(target->kind)].title, col.field}),
                     severity::warning, "data.unknown_field");
        continue;
      }
      auto reading = detail::read_cell(*x, rules.fields[std::size_t(f)], rules, date1904, lang);
      if (!reading.problem.empty()) {
        data_issue is;
        is.code = reading.problem_code;
        is.pointer = suffix;
        is.message = where + ": " + reading.problem;
        target->issues.push_back(std::move(is));
      }
      if (!reading.note.empty()) {
        data_issue is;
        is.level = severity::warning;
        is.code = "data.number_as_text";
        is.pointer = suffix;
        is.message = where + ": " + reading.note;
        target->issues.push_back(std::move(is));
      }
      if (!reading.value) continue;
      target->values[std::to_string(y)][col.field] = std::move(*reading.value);
      target->cells.emplace_back(suffix, where);
    }
    for (auto const& [y, span] : year_columns) {
      auto from = a1_reference(r, span.first);
      target->refs.emplace_back("/values/" + std::to_string(y),
                                span.first == span.second ? from : from + ":" + detail::column_letters(span.second) + std::to_string(r + 1));
    }
    if (kind < 0 && year != 0 && !target->values.contains(std::to_string(year)))
      target->values[std::to_string(year)] = json::object();  // a row with nothing filled still says the year
    if (target == &u) {
      if (kind < 0) csv_units.emplace(std::make_pair(u.kind, u.id), units.size());
      units.push_back(std::move(u));
    }
  }

  // The units as a tree: the one without a parent in the first sheet is the root; a unit in a later
  // sheet without a parent hangs under the root; one whose parent is not found does too, reported.
  table_load_result assemble(dataset_limits const& limits) {
    table_load_result out;
    if (units.empty()) {
      data_issue is;
      is.code = "data.missing_member";
      is.message = say(lang, "không có dòng số liệu nào (mỗi đơn vị một dòng, dưới các dòng tiêu đề)");
      out.issues = std::move(issues);
      out.issues.push_back(std::move(is));
      return out;
    }
    std::size_t root = 0;
    for (std::size_t i = 0; i < units.size(); ++i)
      if (units[i].parent.empty()) {
        root = i;
        break;
      }
    std::map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < units.size(); ++i) by_id.emplace(units[i].id, i);
    std::vector<bool> placed(units.size(), false);
    placed[root] = true;
    for (std::size_t i = 0; i < units.size(); ++i) {
      if (i == root) continue;
      auto& u = units[i];
      std::size_t parent = root;
      if (!u.parent.empty()) {
        auto p = by_id.find(u.parent);
        if (p == by_id.end() || p->second == i) {
          data_issue is;
          is.code = "data.table_layout";
          is.message = u.where_parent + ": " + say(lang, "không có đơn vị nào mã '{0}' trong tệp; '{1}' được xếp ngay dưới {2}",
                                                   {u.parent, u.id, units[root].id});
          u.issues.push_back(std::move(is));
        } else {
          parent = p->second;
        }
      } else if (root < i && units[root].kind == u.kind) {
        data_issue is;
        is.code = "data.table_layout";
        is.message = u.where + ": " + say(lang, "đã có đơn vị gốc '{0}' ({1}); hãy ghi mã đơn vị cấp trên. Dòng được xếp ngay dưới đơn vị gốc",
                                          {units[root].id, units[root].where});
        u.issues.push_back(std::move(is));
      }
      units[parent].children.push_back(i);
    }
    // A parent chain that loops never reaches the root: such units are hung under the root.
    std::vector<std::size_t> stack{root};
    while (!stack.empty()) {
      auto i = stack.back();
      stack.pop_back();
      for (auto c : units[i].children)
        if (!placed[c]) {
          placed[c] = true;
          stack.push_back(c);
        }
    }
    for (std::size_t i = 0; i < units.size(); ++i)
      if (!placed[i]) {
        data_issue is;
        is.code = "data.table_layout";
        is.message = units[i].where_parent + ": " + say(lang, "mã đơn vị cấp trên tạo thành vòng; '{0}' được xếp ngay dưới {1}",
                                                        {units[i].id, units[root].id});
        units[i].issues.push_back(std::move(is));
        for (auto& u : units)
          u.children.erase(std::remove(u.children.begin(), u.children.end(), i), u.children.end());
        units[root].children.push_back(i);
        placed[i] = true;
      }
    std::vector<data_issue> unit_issues;
    json doc = build(root, "", out.cells, unit_issues);
    std::unordered_map<std::string, std::string> refs;
    build_refs(root, "", refs);
    static_cast<load_result&>(out) = detail::load_tree(doc, rules, limits, std::move(refs));
    std::vector<std::pair<std::string, std::string>> cells;
    build_cells(root, "", cells);
    out.cells = std::move(cells);
    unit_issues.insert(unit_issues.begin(), issues.begin(), issues.end());
    out.issues.insert(out.issues.begin(), unit_issues.begin(), unit_issues.end());
    locate_issues(out);
    return out;
  }

  json build(std::size_t i, std::string const& pointer, std::vector<std::pair<std::string, std::string>>& cells,
             std::vector<data_issue>& found) {
    auto& u = units[i];
    json j;
    j["kind"] = rules.unit_kinds[std::size_t(u.kind)].id;
    j["id"] = u.id;
    if (!u.name.empty()) j["name"] = u.name;
    if (!u.values.empty()) j["values"] = u.values;
    for (auto& is : u.issues) {
      is.unit = describe(u);
      is.pointer = pointer + is.pointer;
      found.push_back(is);
    }
    if (!u.children.empty()) {
      j["children"] = json::array();
      for (std::size_t k = 0; k < u.children.size(); ++k)
        j["children"].push_back(build(u.children[k], pointer + "/children/" + std::to_string(k), cells, found));
    }
    return j;
  }

  void build_cells(std::size_t i, std::string const& pointer, std::vector<std::pair<std::string, std::string>>& cells) {
    auto const& u = units[i];
    cells.emplace_back(pointer, u.where);
    for (auto const& [suffix, where] : u.cells) cells.emplace_back(pointer + suffix, where);
    for (std::size_t k = 0; k < u.children.size(); ++k)
      build_cells(u.children[k], pointer + "/children/" + std::to_string(k), cells);
  }

  void build_refs(std::size_t i, std::string const& pointer, std::unordered_map<std::string, std::string>& refs) {
    auto const& u = units[i];
    for (auto const& [suffix, ref] : u.refs) refs.emplace(pointer + suffix, ref);
    for (std::size_t k = 0; k < u.children.size(); ++k)
      build_refs(u.children[k], pointer + "/children/" + std::to_string(k), refs);
  }

  // "D7" in CSV; "Trường!D7", or "'Xã, phường'!D7" when the sheet's name needs quoting, as Excel writes
  // a reference to another sheet (a quote inside the name is doubled).
  std::string a1_reference(std::size_t r, std::size_t c) const {
    std::string cell = detail::column_letters(c) + std::to_string(r + 1);
    if (sheet.empty()) return cell;
    bool plain = true;
    for (char ch : sheet)
      plain = plain && (static_cast<unsigned char>(ch) >= 0x80 || std::isalnum(static_cast<unsigned char>(ch)) || ch == '_');
    if (plain) return sheet + "!" + cell;
    std::string quoted = "'";
    for (char ch : sheet) quoted += ch == '\'' ? std::string("''") : std::string(1, ch);
    return quoted + "'!" + cell;
  }
};

// The offset of the first byte that is not well-formed UTF-8, or npos.
std::size_t first_invalid_utf8(std::string_view t) {
  for (std::size_t i = 0; i < t.size();) {
    auto c = static_cast<unsigned char>(t[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > t.size() || (n == 2 && c < 0xC2)) return i;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(t[i + k]) & 0xC0) != 0x80) return i;
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace

std::string sheet_name_of(sema::checked_ruleset const& rules, int unit_kind) {
  auto const& kind = rules.unit_kinds[std::size_t(unit_kind)];
  std::string name;
  std::size_t points = 0;
  for (std::size_t i = 0; i < kind.title.size() && points < 31; ++i) {
    char c = kind.title[i];
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      if (i > 0) ++points;
      if (points >= 31) break;
    }
    name += std::string("[]:*?/\\").find(c) != std::string::npos ? '-' : c;
  }
  // another kind with the same title: the id tells them apart
  for (std::size_t k = 0; k < std::size_t(unit_kind); ++k)
    if (rules.unit_kinds[k].title == kind.title) return kind.id.substr(0, 31);
  return name.empty() ? kind.id.substr(0, 31) : name;
}

namespace {

table_load_result load_book(std::optional<detail::workbook> const& book, std::string const& error,
                            sema::checked_ruleset const& rules, dataset_limits const& limits) {
  if (!book) {
    table_load_result out;
    data_issue is;
    is.code = "data.malformed_workbook";
    is.message = error;
    out.issues.push_back(std::move(is));
    return out;
  }
  reader r{rules, limits.lang};
  r.date1904 = book->date1904;
  for (auto const& s : book->sheets) {
    auto sheet_where = say(limits.lang, "Trang '{0}'", {s.name});
    auto prefix = sheet_where + ", ";
    r.sheet = s.name;
    bool is_data = !s.rows.empty() && !s.rows[0].empty() && reader::text_of(s, 0, 0) == "id";
    if (!is_data) {
      bool empty = true;
      for (auto const& row : s.rows) empty = empty && row.empty();
      if (!empty && s.name != "Hướng dẫn" && s.name != "Instructions")
        r.layout_issue(sheet_where, say(limits.lang, "không theo mẫu (ô A1 không phải 'id'); trang này không được đọc"));
      continue;
    }
    int kind = index_or_none(rules.find_unit_kind(s.name));
    for (std::size_t k = 0; kind < 0 && k < rules.unit_kinds.size(); ++k)
      if (sheet_name_of(rules, int(k)) == s.name) kind = int(k);
    if (kind < 0) {
      r.layout_issue(sheet_where, say(limits.lang, "tên trang không ứng với loại đơn vị nào của quy tắc; trang này không được đọc"));
      continue;
    }
    r.read_rows(s, prefix, kind, 3);  // rows 1–3: keys (hidden), labels, units of measure
  }
  return r.assemble(limits);
}

}  // namespace

table_load_result load_workbook(std::string const& path, sema::checked_ruleset const& rules,
                                dataset_limits const& limits) {
  std::string error;
  auto book = detail::read_xlsx(path, error, limits.lang);
  return load_book(book, error, rules, limits);
}

table_load_result load_workbook_bytes(std::string_view bytes, sema::checked_ruleset const& rules,
                                      dataset_limits const& limits) {
  std::string error;
  auto book = detail::read_xlsx_bytes(bytes, error, limits.lang);
  return load_book(book, error, rules, limits);
}

table_load_result load_csv_text(std::string_view text, sema::checked_ruleset const& rules, dataset_limits const& limits) {
  if (auto bad = first_invalid_utf8(text); bad != std::string_view::npos) {
    // Excel saves "CSV" in the Windows code page; the names would be garbled, and could not be printed.
    table_load_result out;
    data_issue is;
    is.code = "data.not_utf8";
    is.message = say(limits.lang, "tệp CSV không phải UTF-8 (byte {0}); trong Excel hãy lưu lại bằng kiểu 'CSV UTF-8 (Comma delimited)'",
                     {std::to_string(bad)});
    out.issues.push_back(std::move(is));
    return out;
  }
  auto s = detail::read_csv(text);
  reader r{rules, limits.lang};
  r.read_rows(s, "", -1, 1);
  // CSV locations have no sheet: "dòng 7, cột E" reads better capitalised at the start of a message
  auto capital = [](std::string& m) {
    for (std::string_view word : {"dòng", "cột", "row", "column"})
      if (m.rfind(word, 0) == 0) m[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m[0])));
  };
  for (auto& is : r.issues) capital(is.message);
  for (auto& u : r.units) {
    capital(u.where);
    capital(u.where_parent);
    for (auto& [suffix, where] : u.cells) capital(where);
    for (auto& is : u.issues) capital(is.message);
  }
  return r.assemble(limits);
}

namespace {

// Issues of the reader itself start with their place already: a sheet, a CSV row or column, in
// either language.
bool is_located(std::string const& m) {
  for (std::string_view start : {"Trang '", "Dòng ", "Cột ", "Sheet '", "Row ", "Column "})
    if (m.rfind(start, 0) == 0) return true;
  return false;
}

}  // namespace

void locate_issues(table_load_result& loaded) {
  if (loaded.cells.empty()) return;
  std::map<std::string, std::string> where(loaded.cells.begin(), loaded.cells.end());
  for (auto& is : loaded.issues) {
    std::string p = is.pointer;
    while (true) {
      auto found = where.find(p);
      if (found != where.end()) {
        if (!is_located(is.message)) is.message = found->second + ": " + is.message;
        break;
      }
      if (p.empty()) break;
      p = p.substr(0, p.rfind('/'));
    }
  }
}

}  // namespace chitieu::eval
