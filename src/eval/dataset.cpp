// Flattening a submission: validate every member, convert values to numbers by field type, and
// record each problem with the unit and its JSON Pointer.
#include <chitieu/eval/dataset.hpp>

#include <chitieu/date.hpp>
#include <chitieu/number.hpp>

#include "numbers.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>


namespace chitieu::eval {
namespace {

using json = nlohmann::json;

std::string escape_pointer_token(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out.push_back(c);
  }
  return out;
}

std::string json_type_name(json const& j, language lang) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "true/false";
    case json::value_t::string: return say(lang, "chuỗi");
    case json::value_t::array: return say(lang, "mảng");
    case json::value_t::object: return say(lang, "đối tượng");
    default: return say(lang, "số");
  }
}

bool is_not_applicable_text(std::string const& s) { return s == "n/a" || s == "không áp dụng"; }

class loader {
 public:
  loader(sema::checked_ruleset const& rules, dataset_limits const& limits)
      : rules_(rules), limits_(limits), lang_(limits.lang) {
    fields_by_kind_.resize(rules.unit_kinds.size());
    for (std::size_t i = 0; i < rules.fields.size(); ++i)
      fields_by_kind_[static_cast<std::size_t>(rules.fields[i].unit_kind)][rules.fields[i].id] =
          static_cast<int>(i);
    data_.units_by_kind.resize(rules.unit_kinds.size());
  }

  load_result run(json const& root) {
    load_result out;
    if (!root.is_object()) {
      issue(severity::error, "data.wrong_type", "", "", say(lang_, "bài nộp phải là một đối tượng JSON"));
    } else {
      unit(root, "", -1, 0);
    }
    std::set<int> years(data_.row_year.begin(), data_.row_year.end());
    data_.years.assign(years.begin(), years.end());
    data_.index();
    out.issues = issues_;
    data_.issues = issues_;
    if (!data_.units.empty()) out.data = std::move(data_);
    return out;
  }

 private:
  sema::checked_ruleset const& rules_;
  dataset_limits limits_;
  language lang_;
  dataset data_;
  std::vector<data_issue> issues_;
  std::vector<std::unordered_map<std::string, int>> fields_by_kind_;
  std::set<std::string> seen_ids_;

  // The root's list of the documents that apply to it: ids as the rules declare them.
  void declared_documents(nlohmann::json const& j, std::string const& label, std::string const& pointer) {
    if (!j.is_array()) {
      issue(severity::error, "data.wrong_type", label, pointer, say(lang_, "\"documents\" phải là mảng mã văn bản"));
      return;
    }
    for (std::size_t i = 0; i < j.size(); ++i) {
      if (!j[i].is_string()) {
        issue(severity::error, "data.wrong_type", label, pointer + "/" + std::to_string(i), say(lang_, "mã văn bản phải là chuỗi"));
      } else if (rules_.find_document(j[i].get<std::string>()) < 0) {
        issue(severity::error, "data.unknown_document", label, pointer + "/" + std::to_string(i),
              say(lang_, "văn bản \"{0}\" không có trong bộ quy tắc", {j[i].get_ref<std::string const&>()}));
      } else {
        data_.documents.push_back(j[i].get<std::string>());
      }
    }
  }

  void issue(severity level, std::string code, std::string unit, std::string pointer,
             std::string message) {
    issues_.push_back({level, std::move(code), std::move(unit), std::move(pointer), std::move(message), ""});
  }

  void unit(json const& j, std::string const& pointer, int parent, unsigned depth) {
    std::string where = pointer.empty() ? "/" : pointer;
    if (depth > limits_.max_depth) {
      issue(severity::error, "data.too_deep", "", where,
            say(lang_, "đơn vị lồng quá {0} cấp; phần bên dưới bị bỏ qua", {std::to_string(limits_.max_depth)}));
      return;
    }
    if (data_.units.size() >= limits_.max_units) {
      issue(severity::error, "data.too_many_units", "", where, say(lang_, "quá nhiều đơn vị trong một bài nộp"));
      return;
    }
    if (!j.is_object()) {
      issue(severity::error, "data.wrong_type", "", where,
            say(lang_, "đơn vị phải là đối tượng JSON, không phải {0}", {json_type_name(j, lang_)}));
      return;
    }
    auto kind_it = j.find("kind");
    auto id_it = j.find("id");
    if (id_it == j.end() || !id_it->is_string() || id_it->get_ref<std::string const&>().empty()) {
      issue(severity::error, "data.missing_member", "", pointer + "/id",
            say(lang_, "đơn vị thiếu \"id\" (chuỗi); đơn vị này và các đơn vị con không được chấm"));
      return;
    }
    std::string id = id_it->get<std::string>();
    if (kind_it == j.end() || !kind_it->is_string()) {
      issue(severity::error, "data.missing_member", id, pointer + "/kind",
            say(lang_, "đơn vị thiếu \"kind\" (chuỗi); đơn vị này và các đơn vị con không được chấm"));
      return;
    }
    int kind = rules_.find_unit_kind(kind_it->get_ref<std::string const&>());
    if (kind < 0) {
      issue(severity::error, "data.unknown_kind", id, pointer + "/kind",
            say(lang_, "loại đơn vị \"{0}\" không có trong bộ quy tắc; đơn vị này và các đơn vị con không được chấm",
                {kind_it->get_ref<std::string const&>()}));
      return;
    }
    std::string label = rules_.unit_kinds[static_cast<std::size_t>(kind)].id + " " + id;
    if (!seen_ids_.insert(id).second)
      issue(severity::error, "data.duplicate_id", label, pointer + "/id",
            say(lang_, "mã đơn vị \"{0}\" bị trùng trong bài nộp", {id}));

    auto index = static_cast<std::uint32_t>(data_.units.size());
    unit_record rec;
    rec.id = id;
    rec.kind = kind;
    rec.parent = parent;
    rec.pointer = pointer;
    if (auto n = j.find("name"); n != j.end()) {
      if (n->is_string()) rec.name = n->get<std::string>();
      else issue(severity::warning, "data.wrong_type", label, pointer + "/name", say(lang_, "\"name\" phải là chuỗi"));
    }
    if (rec.name.empty()) rec.name = id;
    rec.first_row = static_cast<std::uint32_t>(data_.row_year.size());
    data_.units.push_back(rec);
    data_.units_by_kind[static_cast<std::size_t>(kind)].push_back(index);

    lifetime(j, data_.units[index], label, pointer);
    complete_kinds(j, data_.units[index], label, pointer);
    if (auto v = j.find("values"); v != j.end()) values(*v, index, kind, label, pointer + "/values");
    data_.units[index].row_count =
        static_cast<std::uint32_t>(data_.row_year.size()) - data_.units[index].first_row;
    if (auto t = j.find("tasks"); t != j.end()) {
      if (parent < 0) tasks(*t, label, pointer + "/tasks");
      else issue(severity::warning, "data.ignored", label, pointer + "/tasks",
                 say(lang_, "báo cáo nhiệm vụ chỉ được đọc ở đơn vị gốc của bài nộp"));
    }
    if (auto d = j.find("documents"); d != j.end() && parent < 0) declared_documents(*d, label, pointer + "/documents");
    for (auto it = j.begin(); it != j.end(); ++it) {
      static std::set<std::string> const known{"kind",       "id",       "name",     "values", "tasks",
                                               "first_year", "last_year", "complete", "children"};
      if (!known.count(it.key()) && !(parent < 0 && it.key() == "documents"))
        issue(severity::warning, "data.unknown_member", label, pointer + "/" + escape_pointer_token(it.key()),
              say(lang_, "thành phần \"{0}\" không được dùng", {it.key()}));
    }
    if (auto c = j.find("children"); c != j.end()) {
      if (!c->is_array()) {
        issue(severity::error, "data.wrong_type", label, pointer + "/children", say(lang_, "\"children\" phải là mảng"));
      } else {
        for (std::size_t i = 0; i < c->size(); ++i)
          unit((*c)[i], pointer + "/children/" + std::to_string(i), static_cast<int>(index), depth + 1);
      }
    }
    data_.units[index].subtree_end = static_cast<std::uint32_t>(data_.units.size());
  }

  /// `first_year` / `last_year`: the years a unit existed, so that a school founded in 2025 is not a
  /// missing value in the 2024 totals above it.
  void lifetime(json const& j, unit_record& rec, std::string const& label, std::string const& pointer) {
    auto year_member = [&](char const* name, int& out) {
      auto it = j.find(name);
      if (it == j.end() || it->is_null()) return;
      if (it->is_number_integer() && it->get<long long>() >= 1900 && it->get<long long>() <= 2200) {
        out = static_cast<int>(it->get<long long>());
        return;
      }
      issue(severity::error, "data.bad_year", label, pointer + "/" + name,
            say(lang_, "\"{0}\" phải là một năm (1900–2200); bỏ qua", {name}));
    };
    year_member("first_year", rec.first_year);
    year_member("last_year", rec.last_year);
    if (rec.first_year && rec.last_year && rec.first_year > rec.last_year) {
      issue(severity::error, "data.bad_year", label, pointer + "/last_year",
            say(lang_, "\"last_year\" ({0}) trước \"first_year\" ({1}); bỏ qua cả hai",
                {std::to_string(rec.last_year), std::to_string(rec.first_year)}));
      rec.first_year = rec.last_year = 0;
    }
  }

  /// `complete`: the unit kinds this unit lists completely below it, so that "none listed" can be told
  /// from "none exists" (a count of 0 is then an answer, not a blank).
  void complete_kinds(json const& j, unit_record& rec, std::string const& label, std::string const& pointer) {
    auto it = j.find("complete");
    if (it == j.end()) return;
    if (!it->is_array()) {
      issue(severity::error, "data.wrong_type", label, pointer + "/complete",
            say(lang_, "\"complete\" phải là mảng các loại đơn vị được kê khai đầy đủ"));
      return;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      auto const& k = (*it)[i];
      int kind = k.is_string() ? rules_.find_unit_kind(k.get_ref<std::string const&>()) : -1;
      if (kind < 0) {
        issue(severity::error, "data.unknown_kind", label, pointer + "/complete/" + std::to_string(i),
              say(lang_, "\"complete\" phải liệt kê loại đơn vị có trong bộ quy tắc"));
        continue;
      }
      rec.complete.push_back(kind);
    }
  }

  void values(json const& v, std::uint32_t, int kind, std::string const& label,
              std::string const& pointer) {
    if (!v.is_object()) {
      issue(severity::error, "data.wrong_type", label, pointer, say(lang_, "\"values\" phải là đối tượng năm → giá trị"));
      return;
    }
    auto const& kind_fields = rules_.unit_kinds[static_cast<std::size_t>(kind)].fields;
    std::vector<std::pair<int, json const*>> rows;
    for (auto it = v.begin(); it != v.end(); ++it) {
      auto const& key = it.key();
      std::string year_ptr = pointer + "/" + escape_pointer_token(key);
      bool digits = key.size() == 4 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
      int year = digits ? std::stoi(key) : 0;
      if (!digits || year < 1900 || year > 2200) {
        issue(severity::error, "data.bad_year", label, year_ptr, say(lang_, "\"{0}\" không phải là năm (1900–2200)", {key}));
        continue;
      }
      if (!it->is_object()) {
        issue(severity::error, "data.wrong_type", label, year_ptr, say(lang_, "giá trị của một năm phải là đối tượng"));
        continue;
      }
      rows.push_back({year, &*it});
    }
    std::sort(rows.begin(), rows.end(), [](auto const& a, auto const& b) { return a.first < b.first; });
    for (auto const& [year, obj] : rows) {
      data_.row_year.push_back(year);
      data_.row_offset.push_back(static_cast<std::uint32_t>(data_.values.size()));
      data_.values.resize(data_.values.size() + kind_fields.size(), dataset::missing);
      double* row = data_.values.data() + data_.row_offset.back();
      std::string year_ptr = pointer + "/" + std::to_string(year);
      for (auto it = obj->begin(); it != obj->end(); ++it) {
        std::string ptr = year_ptr + "/" + escape_pointer_token(it.key());
        auto f = fields_by_kind_[static_cast<std::size_t>(kind)].find(it.key());
        if (f == fields_by_kind_[static_cast<std::size_t>(kind)].end()) {
          issue(severity::warning, "data.unknown_field", label, ptr,
                say(lang_, "trường \"{0}\" không được quy tắc nào của {1} đọc",
                    {it.key(), rules_.unit_kinds[static_cast<std::size_t>(kind)].id}));
          continue;
        }
        auto const& field = rules_.fields[static_cast<std::size_t>(f->second)];
        row[field.slot] = convert(*it, field, label, ptr);
      }
    }
  }

  double convert(json const& v, sema::field const& field, std::string const& label,
                 std::string const& ptr) {
    using sema::value_kind;
    if (v.is_null()) return dataset::missing;
    // "Does not apply" (an unranked university has no world rank) is not "missing".
    if (v.is_string() && field.type.kind != value_kind::text && is_not_applicable_text(v.get_ref<std::string const&>()))
      return dataset::not_applicable();
    auto wrong = [&](std::string const& expected) {
      issue(severity::error, "data.wrong_type", label, ptr,
            say(lang_, "\"{0}\" cần {1}, nhận được {2}; coi như thiếu", {field.id, expected, json_type_name(v, lang_)}));
      return dataset::missing;
    };
    switch (field.type.kind) {
      case value_kind::boolean:
        if (!v.is_boolean()) return wrong("true/false");
        return v.get<bool>() ? 1 : 0;
      case value_kind::date: {
        if (!v.is_string()) return wrong(say(lang_, "ngày dạng \"YYYY-MM-DD\""));
        auto d = parse_iso_date(v.get_ref<std::string const&>());
        if (!d) {
          issue(severity::error, "data.bad_date", label, ptr,
                say(lang_, "\"{0}\" không phải ngày dạng YYYY-MM-DD; coi như thiếu", {v.get_ref<std::string const&>()}));
          return dataset::missing;
        }
        return *d;
      }
      case value_kind::level: {
        if (!v.is_string()) return wrong(say(lang_, "một mức của thang"));
        auto const& ladder = rules_.ladders[static_cast<std::size_t>(field.type.ladder)];
        for (std::size_t i = 0; i < ladder.levels.size(); ++i)
          if (ladder.levels[i].id == v.get_ref<std::string const&>()) return static_cast<double>(i);
        issue(severity::error, "data.unknown_level", label, ptr,
              say(lang_, "\"{0}\" không phải là mức của thang {1}; coi như thiếu", {v.get_ref<std::string const&>(), ladder.id}));
        return dataset::missing;
      }
      case value_kind::text:
        if (!v.is_string()) return wrong(say(lang_, "chuỗi"));
        return dataset::missing;  // shown, never computed on
      default: break;
    }
    if (!v.is_number()) return wrong(say(lang_, "số"));
    double x = v.get<double>();
    if (!std::isfinite(x)) {
      issue(severity::error, "data.not_finite", label, ptr, say(lang_, "số quá lớn; coi như thiếu"));
      return dataset::missing;
    }
    if ((field.type.kind == value_kind::count || field.type.kind == value_kind::money) && x < 0) {
      issue(severity::error, "data.out_of_range", label, ptr, say(lang_, "giá trị không được âm; coi như thiếu"));
      return dataset::missing;
    }
    if (field.type.kind == value_kind::rank && x < 1) {
      issue(severity::error, "data.out_of_range", label, ptr, say(lang_, "thứ hạng bắt đầu từ 1; coi như thiếu"));
      return dataset::missing;
    }
    // Every percent field of the shipped plans is a share of a whole; a signed or open-ended
    // percentage (a growth rate) is declared as a number instead (docs/data.md).
    if (field.type.kind == value_kind::percent && (x < 0 || x > 100)) {
      issue(severity::error, "data.out_of_range", label, ptr,
            say(lang_, "tỉ lệ phần trăm phải từ 0 đến 100, nhận được {0}; coi như thiếu", {detail::number_in(lang_, x)}));
      return dataset::missing;
    }
    return field.type.kind == value_kind::percent ? x / 100 : x;
  }

  void tasks(json const& t, std::string const& label, std::string const& pointer) {
    if (!t.is_object()) {
      issue(severity::error, "data.wrong_type", label, pointer, say(lang_, "\"tasks\" phải là đối tượng văn bản → nhiệm vụ"));
      return;
    }
    for (auto d = t.begin(); d != t.end(); ++d) {
      std::string dptr = pointer + "/" + escape_pointer_token(d.key());
      int doc = rules_.find_document(d.key());
      if (doc < 0) {
        issue(severity::warning, "data.unknown_task", label, dptr, say(lang_, "văn bản \"{0}\" không có trong bộ quy tắc", {d.key()}));
        continue;
      }
      if (!d->is_object()) {
        issue(severity::error, "data.wrong_type", label, dptr, say(lang_, "phải là đối tượng nhiệm vụ → báo cáo"));
        continue;
      }
      for (auto k = d->begin(); k != d->end(); ++k) {
        std::string kptr = dptr + "/" + escape_pointer_token(k.key());
        int task = rules_.find_task(d.key() + "." + k.key());
        if (task < 0) {
          issue(severity::warning, "data.unknown_task", label, kptr,
                say(lang_, "nhiệm vụ \"{0}\" không có trong văn bản {1}", {k.key(), d.key()}));
          continue;
        }
        if (!k->is_object()) {
          issue(severity::error, "data.wrong_type", label, kptr, say(lang_, "báo cáo nhiệm vụ phải là đối tượng"));
          continue;
        }
        task_report r;
        r.task = task;
        if (auto s = k->find("status"); s != k->end()) {
          std::string status = s->is_string() ? s->get<std::string>() : "";
          if (status == "done") r.status = task_status::done;
          else if (status == "in_progress") r.status = task_status::in_progress;
          else if (status == "not_started") r.status = task_status::not_started;
          else issue(severity::error, "data.bad_status", label, kptr + "/status",
                     say(lang_, "trạng thái phải là not_started, in_progress hoặc done"));
        }
        if (auto c = k->find("completed"); c != k->end() && !c->is_null()) {
          auto day = c->is_string() ? parse_iso_date(c->get_ref<std::string const&>()) : std::nullopt;
          if (day) r.completed = day;
          else issue(severity::error, "data.bad_date", label, kptr + "/completed", say(lang_, "ngày hoàn thành phải có dạng YYYY-MM-DD"));
        }
        if (auto p = k->find("progress"); p != k->end() && !p->is_null()) {
          double x = p->is_number() ? p->get<double>() : -1;
          if (std::isfinite(x) && x >= 0 && x <= 100) r.progress = x;
          else issue(severity::error, "data.out_of_range", label, kptr + "/progress", say(lang_, "tiến độ là số từ 0 đến 100"));
        }
        if (auto n = k->find("note"); n != k->end() && n->is_string()) r.note = n->get<std::string>();
        if (r.status != task_status::done && r.completed) r.status = task_status::done;
        data_.tasks.push_back(std::move(r));
      }
    }
  }
};

/// Deepest nesting of [ and { outside strings; checked before parsing so hostile input cannot
/// make any later recursive walk run out of stack.
std::size_t nesting_depth(std::string const& text, std::size_t limit, std::size_t& at) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (depth > limit) {
        at = i;
        return depth;
      }
    } else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return deepest;
}

}  // namespace

void dataset::index() {
  year_position.clear();
  row_start.clear();
  alive_from.clear();
  alive_until.clear();
  indexed = true;
  if (std::any_of(units.begin(), units.end(), [](unit_record const& r) { return r.first_year || r.last_year; })) {
    alive_from.resize(units.size());
    alive_until.resize(units.size());
    for (std::size_t u = 0; u < units.size(); ++u) {
      alive_from[u] = units[u].first_year ? units[u].first_year : std::numeric_limits<std::int32_t>::min();
      alive_until[u] = units[u].last_year ? units[u].last_year : std::numeric_limits<std::int32_t>::max();
    }
  }
  kind_before.assign(units_by_kind.size(), {});
  if (!years.empty()) {
    year_position.assign(static_cast<std::size_t>(years.back() - years.front() + 1), -1);
    for (std::size_t p = 0; p < years.size(); ++p)
      year_position[static_cast<std::size_t>(years[p] - years.front())] = static_cast<int>(p);
    row_start.assign(units.size() * years.size(), no_row);
    for (std::size_t u = 0; u < units.size(); ++u)
      for (std::uint32_t r = units[u].first_row; r < units[u].first_row + units[u].row_count; ++r) {
        auto y = static_cast<std::size_t>(row_year[r] - years.front());
        std::size_t at = u * years.size() + static_cast<std::size_t>(year_position[y]);
        // Two rows for one year cannot come from the loader; the first wins, as in a search.
        if (row_start[at] == no_row) row_start[at] = row_offset[r];
      }
  }
  // Kinds nobody submitted keep an empty table: their ranges are empty without one.
  for (std::size_t k = 0; k < units_by_kind.size(); ++k) {
    if (units_by_kind[k].empty()) continue;
    auto& before = kind_before[k];
    before.resize(units.size() + 1);
    std::uint32_t n = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
      before[u] = n;
      if (units[u].kind == static_cast<int>(k)) ++n;
    }
    before[units.size()] = n;
  }
}

bool dataset::lists_completely(std::uint32_t u, int kind) const {
  for (int at = static_cast<int>(u); at >= 0; at = units[static_cast<std::size_t>(at)].parent) {
    auto const& c = units[static_cast<std::size_t>(at)].complete;
    if (std::find(c.begin(), c.end(), kind) != c.end()) return true;
  }
  return false;
}

std::string dataset::describe_unit(std::uint32_t u, sema::checked_ruleset const& rules) const {
  auto const& rec = units[u];
  std::string kind = rules.unit_kinds[static_cast<std::size_t>(rec.kind)].title;
  return rec.name == rec.id ? kind + " " + rec.id : rec.name + " (" + rec.id + ")";
}

load_result load_submission(nlohmann::json const& submission, sema::checked_ruleset const& rules,
                            dataset_limits const& limits) {
  return loader(rules, limits).run(submission);
}

load_result load_submission_text(std::string const& text, sema::checked_ruleset const& rules,
                                 dataset_limits const& limits) {
  std::size_t at = 0;
  // Each unit nests two JSON levels (its object and its children array), plus the values below it.
  std::size_t limit = static_cast<std::size_t>(limits.max_depth) * 2 + 8;
  if (nesting_depth(text, limit, at) > limit) {
    load_result out;
    out.issues.push_back({severity::error, "data.too_deep", "", "",
                          say(limits.lang, "JSON lồng quá {0} cấp (tại byte {1})", {std::to_string(limit), std::to_string(at)}),
                          ""});
    return out;
  }
  json parsed;
  try {
    parsed = json::parse(text);
  } catch (json::parse_error const& e) {
    load_result out;
    out.issues.push_back({severity::error, "data.malformed_json", "", "",
                          say(limits.lang, "JSON không hợp lệ tại byte {0}: {1}", {std::to_string(e.byte), e.what()}), ""});
    return out;
  } catch (json::exception const& e) {  // e.g. out_of_range.406: a number too large to hold
    load_result out;
    out.issues.push_back({severity::error, "data.malformed_json", "", "",
                          say(limits.lang, "JSON không đọc được: {0}", {e.what()}), ""});
    return out;
  }
  return load_submission(parsed, rules, limits);
}

}  // namespace chitieu::eval
