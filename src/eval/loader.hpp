// Private to src/eval: the one loader logic, written once against a JSON access type (json_access.hpp)
// so that the nlohmann tree (load_submission) and the simdjson document (load_submission_text) are read
// by the same code and give the same dataset and issues. Included by load_nlohmann.cpp and
// load_simdjson.cpp.
#pragma once
#include <chitieu/date.hpp>
#include <chitieu/eval/dataset.hpp>

#include "dataset_builder.hpp"
#include "json_access.hpp"
#include "numbers.hpp"
#include "view_set.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace chitieu::eval::detail {

template <class Json>
class basic_loader {
  using node = typename Json::node;

 public:
  basic_loader(Json& json, sema::checked_ruleset const& rules, dataset_limits const& limits)
      : json_(json), rules_(rules), limits_(limits), lang_(limits.lang), data_(rules.unit_kinds.size()) {
    fields_by_kind_.resize(rules.unit_kinds.size());
    for (std::size_t i = 0; i < rules.fields.size(); ++i)
      fields_by_kind_[static_cast<std::size_t>(rules.fields[i].unit_kind)].push_back({rules.fields[i].id, static_cast<int>(i)});
    for (auto& f : fields_by_kind_) std::sort(f.begin(), f.end());
    field_memo_.resize(rules.unit_kinds.size());
  }

  /// Reads the submission at `root`. `cells` are where a table reader found each value (dataset::cells).
  load_result run(node root, std::unordered_map<std::string, std::string> cells = {}) {
    load_result out;
    if (Json::kind(root) != json_kind::object) {
      issue(severity::error, "data.wrong_type", {}, say(lang_, "bài nộp phải là một đối tượng JSON"));
    } else {
      unit(root, -1, 0);
    }
    out.issues = issues_;
    data_.issues() = std::move(issues_);
    data_.cells() = std::move(cells);
    if (!data_.units().empty()) out.data = std::move(data_).finish();
    return out;
  }

 private:
  /// Who an issue is about, kept as views and written out only for an issue: "kind id", or the id
  /// alone while the kind is not known, or nobody.
  struct who {
    std::string_view kind, id;
    std::string label() const {
      if (kind.empty()) return std::string(id);
      return std::string(kind) + " " + std::string(id);
    }
  };

  /// Steps into a member or an element for as long as it lives.
  struct step_in {
    template <class Step>
    step_in(json_path& p, Step s) : path(p) { path.push(s); }
    ~step_in() { path.pop(); }
    step_in(step_in const&) = delete;
    step_in& operator=(step_in const&) = delete;
    json_path& path;
  };

  Json& json_;
  sema::checked_ruleset const& rules_;
  dataset_limits limits_;
  language lang_;
  dataset_builder data_;
  std::vector<data_issue> issues_;
  std::vector<std::vector<std::pair<std::string, int>>> fields_by_kind_;  // sorted by field id
  std::vector<std::vector<std::pair<std::string_view, int>>> field_memo_;  // by kind: the last row's keys
  view_set seen_ids_;  // views into the JSON, alive for the whole run
  json_path path_;

  void issue(severity level, char const* code, who const& w, std::string message) {
    issues_.push_back({level, code, w.label(), path_.pointer(), std::move(message), ""});
  }
  /// The same, at the member `key` of where the walk is.
  void issue_at(std::string_view key, severity level, char const* code, who const& w, std::string message) {
    step_in at(path_, key);
    issue(level, code, w, std::move(message));
  }

  auto object(node j) { return json_.object(j, [this] { return path_.pointer(); }); }

  // A unit that cannot be read is not scored, nor is anything below it: both are counted, so that the
  // report can say units in = scored + rejected + dropped, and nothing is lost without a word.
  void reject(node j) {
    ++data_.rejected_units();
    std::vector<node> stack{j};
    while (!stack.empty()) {
      node u = stack.back();
      stack.pop_back();
      if (Json::kind(u) != json_kind::object) continue;
      auto c = object(u).find("children");
      if (!c || Json::kind(*c) != json_kind::array) continue;
      json_.for_each_element(*c, [&](std::size_t, node child) {
        ++data_.dropped_units();
        stack.push_back(child);
      });
    }
  }

  /// A key written twice in one object: the last value is read (as nlohmann and most readers do),
  /// and the author is told, since the first one was probably meant too.
  template <class View>
  void duplicates(View const& obj, who const& w) {
    for (auto const& key : obj.duplicates())
      issue_at(key, severity::warning, "data.duplicate_key", w,
               say(lang_, "khóa \"{0}\" xuất hiện nhiều lần trong một đối tượng; chỉ giá trị cuối được đọc", {std::string(key)}));
  }

  int field_of(int kind, std::string_view id) const {
    auto const& fields = fields_by_kind_[static_cast<std::size_t>(kind)];
    auto it = std::lower_bound(fields.begin(), fields.end(), id,
                               [](auto const& f, std::string_view k) { return std::string_view(f.first) < k; });
    return it != fields.end() && it->first == id ? it->second : -1;
  }

  // The root's list of the documents that apply to it: ids as the rules declare them.
  void declared_documents(node j, who const& w) {
    if (Json::kind(j) != json_kind::array) {
      issue(severity::error, "data.wrong_type", w, say(lang_, "\"documents\" phải là mảng mã văn bản"));
      return;
    }
    json_.for_each_element(j, [&](std::size_t i, node e) {
      step_in at(path_, i);
      if (Json::kind(e) != json_kind::string) {
        issue(severity::error, "data.wrong_type", w, say(lang_, "mã văn bản phải là chuỗi"));
      } else if (!rules_.find_document(Json::text(e))) {
        issue(severity::error, "data.unknown_document", w,
              say(lang_, "văn bản \"{0}\" không có trong bộ quy tắc", {std::string(Json::text(e))}));
      } else {
        data_.documents().emplace_back(Json::text(e));
      }
    });
  }

  void unit(node j, int parent, unsigned depth) {
    if (depth > limits_.max_depth) {
      issue_root_relative(severity::error, "data.too_deep",
                          say(lang_, "đơn vị lồng quá {0} cấp; phần bên dưới bị bỏ qua", {std::to_string(limits_.max_depth)}));
      reject(j);
      return;
    }
    if (data_.units().size() >= limits_.max_units) {
      issue_root_relative(severity::error, "data.too_many_units", say(lang_, "quá nhiều đơn vị trong một bài nộp"));
      reject(j);
      return;
    }
    if (Json::kind(j) != json_kind::object) {
      issue_root_relative(severity::error, "data.wrong_type",
                          say(lang_, "đơn vị phải là đối tượng JSON, không phải {0}", {json_kind_name(Json::kind(j), lang_)}));
      reject(j);
      return;
    }
    auto obj = object(j);
    auto id_it = obj.find("id");
    if (!id_it || Json::kind(*id_it) != json_kind::string || Json::text(*id_it).empty()) {
      duplicates(obj, {});
      issue_at("id", severity::error, "data.missing_member", {},
               say(lang_, "đơn vị thiếu \"id\" (chuỗi); đơn vị này và các đơn vị con không được chấm"));
      reject(j);
      return;
    }
    std::string_view id = Json::text(*id_it);
    auto kind_it = obj.find("kind");
    if (!kind_it || Json::kind(*kind_it) != json_kind::string) {
      duplicates(obj, {{}, id});
      issue_at("kind", severity::error, "data.missing_member", {{}, id},
               say(lang_, "đơn vị thiếu \"kind\" (chuỗi); đơn vị này và các đơn vị con không được chấm"));
      reject(j);
      return;
    }
    int kind = index_or_none(rules_.find_unit_kind(Json::text(*kind_it)));
    if (kind < 0) {
      duplicates(obj, {{}, id});
      issue_at("kind", severity::error, "data.unknown_kind", {{}, id},
               say(lang_, "loại đơn vị \"{0}\" không có trong bộ quy tắc; đơn vị này và các đơn vị con không được chấm",
                   {std::string(Json::text(*kind_it))}));
      reject(j);
      return;
    }
    who const w{rules_.unit_kinds[static_cast<std::size_t>(kind)].id, id};
    duplicates(obj, w);
    if (!seen_ids_.insert(id))
      issue_at("id", severity::error, "data.duplicate_id", w, say(lang_, "mã đơn vị \"{0}\" bị trùng trong bài nộp", {std::string(id)}));

    auto index = static_cast<std::uint32_t>(data_.units().size());
    unit_record rec;
    rec.id = std::string(id);
    rec.kind = kind;
    rec.parent = parent;
    rec.pointer = path_.pointer();
    if (auto n = obj.find("name")) {
      if (Json::kind(*n) == json_kind::string) rec.name = std::string(Json::text(*n));
      else issue_at("name", severity::warning, "data.wrong_type", w, say(lang_, "\"name\" phải là chuỗi"));
    }
    if (rec.name.empty()) rec.name = rec.id;
    rec.first_row = static_cast<std::uint32_t>(data_.row_years().size());
    data_.units().push_back(std::move(rec));
    data_.units_of_kind(kind).push_back(index);

    lifetime(obj, data_.units()[index], w);
    complete_kinds(obj, data_.units()[index], w);
    if (auto v = obj.find("values")) {
      step_in at(path_, std::string_view("values"));
      values(*v, kind, w);
    }
    data_.units()[index].row_count =
        static_cast<std::uint32_t>(data_.row_years().size()) - data_.units()[index].first_row;
    if (auto t = obj.find("tasks")) {
      step_in at(path_, std::string_view("tasks"));
      if (parent < 0) tasks(*t, w);
      else issue(severity::warning, "data.ignored", w, say(lang_, "báo cáo nhiệm vụ chỉ được đọc ở đơn vị gốc của bài nộp"));
    }
    if (parent < 0) {
      if (auto d = obj.find("documents")) {
        step_in at(path_, std::string_view("documents"));
        declared_documents(*d, w);
      }
    }
    for (auto const& m : obj) {
      static constexpr std::string_view known[] = {"kind",      "id",        "name",     "values",  "tasks",
                                                   "first_year", "last_year", "complete", "children"};
      if (std::find(std::begin(known), std::end(known), m.key) == std::end(known) && !(parent < 0 && m.key == "documents"))
        issue_at(m.key, severity::warning, "data.unknown_member", w, say(lang_, "thành phần \"{0}\" không được dùng", {std::string(m.key)}));
    }
    if (auto c = obj.find("children")) {
      step_in at(path_, std::string_view("children"));
      if (Json::kind(*c) != json_kind::array) {
        issue(severity::error, "data.wrong_type", w, say(lang_, "\"children\" phải là mảng"));
      } else {
        json_.for_each_element(*c, [&](std::size_t i, node child) {
          step_in at_child(path_, i);
          unit(child, static_cast<int>(index), depth + 1);
        });
      }
    }
    data_.units()[index].subtree_end = static_cast<std::uint32_t>(data_.units().size());
  }

  /// A unit that cannot be read is reported at its own pointer, "/" for the root.
  void issue_root_relative(severity level, char const* code, std::string message) {
    std::string where = path_.pointer();
    issues_.push_back({level, code, "", where.empty() ? "/" : where, std::move(message), ""});
  }

  /// `first_year` / `last_year`: the years a unit existed, so that a school founded in 2025 is not a
  /// missing value in the 2024 totals above it.
  template <class View>
  void lifetime(View const& obj, unit_record& rec, who const& w) {
    auto year_member = [&](char const* name, int& out) {
      auto it = obj.find(name);
      if (!it || Json::kind(*it) == json_kind::null) return;
      auto k = Json::kind(*it);
      if (k == json_kind::integer || k == json_kind::unsigned_integer) {
        long long y = Json::integer(*it);
        if (y >= 1900 && y <= 2200) {
          out = static_cast<int>(y);
          return;
        }
      }
      issue_at(name, severity::error, "data.bad_year", w, say(lang_, "\"{0}\" phải là một năm (1900–2200); bỏ qua", {name}));
    };
    year_member("first_year", rec.first_year);
    year_member("last_year", rec.last_year);
    if (rec.first_year && rec.last_year && rec.first_year > rec.last_year) {
      issue_at("last_year", severity::error, "data.bad_year", w,
               say(lang_, "\"last_year\" ({0}) trước \"first_year\" ({1}); bỏ qua cả hai",
                   {std::to_string(rec.last_year), std::to_string(rec.first_year)}));
      rec.first_year = rec.last_year = 0;
    }
  }

  /// `complete`: the unit kinds this unit lists completely below it, so that "none listed" can be told
  /// from "none exists" (a count of 0 is then an answer, not a blank).
  template <class View>
  void complete_kinds(View const& obj, unit_record& rec, who const& w) {
    auto it = obj.find("complete");
    if (!it) return;
    step_in at(path_, std::string_view("complete"));
    if (Json::kind(*it) != json_kind::array) {
      issue(severity::error, "data.wrong_type", w, say(lang_, "\"complete\" phải là mảng các loại đơn vị được kê khai đầy đủ"));
      return;
    }
    json_.for_each_element(*it, [&](std::size_t i, node k) {
      int kind = Json::kind(k) == json_kind::string ? index_or_none(rules_.find_unit_kind(Json::text(k))) : -1;
      if (kind < 0) {
        step_in at_element(path_, i);
        issue(severity::error, "data.unknown_kind", w, say(lang_, "\"complete\" phải liệt kê loại đơn vị có trong bộ quy tắc"));
        return;
      }
      rec.complete.push_back(kind);
    });
  }

  void values(node v, int kind, who const& w) {
    if (Json::kind(v) != json_kind::object) {
      issue(severity::error, "data.wrong_type", w, say(lang_, "\"values\" phải là đối tượng năm → giá trị"));
      return;
    }
    auto const& kind_fields = rules_.unit_kinds[static_cast<std::size_t>(kind)].fields;
    auto years = object(v);
    duplicates(years, w);
    // Every year is checked before any row is read, so that the year problems come first. Members
    // come sorted by key and a year is four digits, so the rows come in the order of their years.
    rows_.clear();
    for (auto const& y : years) {
      auto const& key = y.key;
      bool digits = key.size() == 4 && std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
      int year = digits ? (key[0] - '0') * 1000 + (key[1] - '0') * 100 + (key[2] - '0') * 10 + (key[3] - '0') : 0;
      if (!digits || year < 1900 || year > 2200) {
        issue_at(key, severity::error, "data.bad_year", w, say(lang_, "\"{0}\" không phải là năm (1900–2200)", {std::string(key)}));
        continue;
      }
      if (Json::kind(y.value) != json_kind::object) {
        issue_at(key, severity::error, "data.wrong_type", w, say(lang_, "giá trị của một năm phải là đối tượng"));
        continue;
      }
      rows_.push_back({year, key, y.value});
    }
    for (auto const& r : rows_) {
      step_in at(path_, r.key);
      data_.row_years().push_back(r.year);
      data_.row_offsets().push_back(static_cast<std::uint32_t>(data_.values().size()));
      data_.values().resize(data_.values().size() + kind_fields.size(), dataset::missing);
      std::size_t row = data_.row_offsets().back();
      if (!row_as_written(r.value, kind, row, w)) row_in_key_order(r.value, kind, row, w);
    }
  }

  /// The field of the member at `place` of a row: units of a kind mostly send the same fields in the
  /// same order, so the previous row's key at this place is usually this one, one comparison instead
  /// of a search.
  int field_at(int kind, std::size_t place, std::string_view key) {
    auto& memo = field_memo_[static_cast<std::size_t>(kind)];
    if (memo.size() <= place) memo.resize(place + 1, {{}, -1});
    if (memo[place].second < 0 || memo[place].first != key) memo[place] = {key, field_of(kind, key)};
    return memo[place].second;
  }

  /// The common case at the parser's speed: the members as written, unsorted. Issues must come in the
  /// order of the keys, so at the first member that needs one (an unknown field, a key written twice,
  /// a bad value) it gives up, leaving no trace, and row_in_key_order reads the row again.
  bool row_as_written(node obj, int kind, std::size_t row, who const& w) {
    if (json_.keeps_duplicates_apart()) return false;  // they are only seen through object()
    std::size_t const before = issues_.size();
    if (++stamp_ == 0) {  // after 2^32 rows: start the stamps again
      std::fill(slot_stamp_.begin(), slot_stamp_.end(), 0);
      stamp_ = 1;
    }
    std::size_t place = 0;
    bool whole = json_.for_each_member(obj, [&](std::string_view key, node value) {
      int f = field_at(kind, place++, key);
      if (f < 0) return false;
      auto const& field = rules_.fields[static_cast<std::size_t>(f)];
      auto slot = static_cast<std::size_t>(field.slot);
      if (slot_stamp_.size() <= slot) slot_stamp_.resize(slot + 1, 0);
      if (slot_stamp_[slot] == stamp_) return false;  // written twice
      slot_stamp_[slot] = stamp_;
      data_.values()[row + slot] = convert(key, value, field, w);
      return issues_.size() == before;
    });
    if (whole) return true;
    issues_.erase(issues_.begin() + static_cast<std::ptrdiff_t>(before), issues_.end());
    auto n = rules_.unit_kinds[static_cast<std::size_t>(kind)].fields.size();
    std::fill_n(data_.values().begin() + static_cast<std::ptrdiff_t>(row), n, dataset::missing);
    return false;
  }
  std::vector<std::uint32_t> slot_stamp_;  // by slot: the row that last wrote it
  std::uint32_t stamp_ = 0;

  void row_in_key_order(node obj, int kind, std::size_t row, who const& w) {
    auto fields = object(obj);
    duplicates(fields, w);
    std::size_t place = 0;
    for (auto const& m : fields) {
      int f = field_at(kind, place++, m.key);
      if (f < 0) {
        issue_at(m.key, severity::warning, "data.unknown_field", w,
                 say(lang_, "trường \"{0}\" không được quy tắc nào của {1} đọc",
                     {std::string(m.key), rules_.unit_kinds[static_cast<std::size_t>(kind)].id}));
        continue;
      }
      auto const& field = rules_.fields[static_cast<std::size_t>(f)];
      data_.values()[row + static_cast<std::size_t>(field.slot)] = convert(m.key, m.value, field, w);
    }
  }

  struct year_row {
    int year;
    std::string_view key;
    node value;
  };
  std::vector<year_row> rows_;  // reused from unit to unit: values() never nests

  double convert(std::string_view key, node v, sema::field const& field, who const& w) {
    using sema::value_kind;
    auto const k = Json::kind(v);
    if (k == json_kind::null) return dataset::missing;
    // "Does not apply" (an unranked university has no world rank) is not "missing".
    if (k == json_kind::string && field.type.kind != value_kind::text &&
        (Json::text(v) == "n/a" || Json::text(v) == "không áp dụng"))
      return dataset::not_applicable();
    step_in at(path_, key);
    auto wrong = [&](std::string const& expected) {
      issue(severity::error, "data.wrong_type", w,
            say(lang_, "\"{0}\" cần {1}, nhận được {2}; coi như thiếu", {field.id, expected, json_kind_name(k, lang_)}));
      return dataset::missing;
    };
    switch (field.type.kind) {
      case value_kind::boolean:
        if (k != json_kind::boolean) return wrong("true/false");
        return Json::boolean(v) ? 1 : 0;
      case value_kind::date: {
        if (k != json_kind::string) return wrong(say(lang_, "ngày dạng \"YYYY-MM-DD\""));
        auto d = parse_iso_date(Json::text(v));
        if (!d) {
          issue(severity::error, "data.bad_date", w,
                say(lang_, "\"{0}\" không phải ngày dạng YYYY-MM-DD; coi như thiếu", {std::string(Json::text(v))}));
          return dataset::missing;
        }
        return *d;
      }
      case value_kind::level: {
        if (k != json_kind::string) return wrong(say(lang_, "một mức của thang"));
        auto const& ladder = rules_.ladders[static_cast<std::size_t>(field.type.ladder)];
        for (std::size_t i = 0; i < ladder.levels.size(); ++i)
          if (ladder.levels[i].id == Json::text(v)) return static_cast<double>(i);
        issue(severity::error, "data.unknown_level", w,
              say(lang_, "\"{0}\" không phải là mức của thang {1}; coi như thiếu", {std::string(Json::text(v)), ladder.id}));
        return dataset::missing;
      }
      case value_kind::text:
        if (k != json_kind::string) return wrong(say(lang_, "chuỗi"));
        return dataset::missing;  // shown, never computed on
      default: break;
    }
    if (!is_number(k)) return wrong(say(lang_, "số"));
    double x = Json::number(v);
    if (!std::isfinite(x)) {
      issue(severity::error, "data.not_finite", w, say(lang_, "số quá lớn; coi như thiếu"));
      return dataset::missing;
    }
    if ((field.type.kind == value_kind::count || field.type.kind == value_kind::money) && x < 0) {
      issue(severity::error, "data.out_of_range", w, say(lang_, "giá trị không được âm; coi như thiếu"));
      return dataset::missing;
    }
    if (field.type.kind == value_kind::rank && x < 1) {
      issue(severity::error, "data.out_of_range", w, say(lang_, "thứ hạng bắt đầu từ 1; coi như thiếu"));
      return dataset::missing;
    }
    // Every percent field of the shipped plans is a share of a whole; a signed or open-ended
    // percentage (a growth rate) is declared as a number instead (docs/data.md).
    if (field.type.kind == value_kind::percent && (x < 0 || x > 100)) {
      issue(severity::error, "data.out_of_range", w,
            say(lang_, "tỉ lệ phần trăm phải từ 0 đến 100, nhận được {0}; coi như thiếu", {number_in(lang_, x)}));
      return dataset::missing;
    }
    return field.type.kind == value_kind::percent ? x / 100 : x;
  }

  void tasks(node t, who const& w) {
    if (Json::kind(t) != json_kind::object) {
      issue(severity::error, "data.wrong_type", w, say(lang_, "\"tasks\" phải là đối tượng văn bản → nhiệm vụ"));
      return;
    }
    auto docs = object(t);
    duplicates(docs, w);
    for (auto const& d : docs) {
      step_in at_doc(path_, d.key);
      std::string doc_id(d.key);
      if (!rules_.find_document(doc_id)) {
        issue(severity::warning, "data.unknown_task", w, say(lang_, "văn bản \"{0}\" không có trong bộ quy tắc", {doc_id}));
        continue;
      }
      if (Json::kind(d.value) != json_kind::object) {
        issue(severity::error, "data.wrong_type", w, say(lang_, "phải là đối tượng nhiệm vụ → báo cáo"));
        continue;
      }
      auto reports = object(d.value);
      duplicates(reports, w);
      for (auto const& k : reports) {
        step_in at_task(path_, k.key);
        int task = index_or_none(rules_.find_task(doc_id + "." + std::string(k.key)));
        if (task < 0) {
          issue(severity::warning, "data.unknown_task", w,
                say(lang_, "nhiệm vụ \"{0}\" không có trong văn bản {1}", {std::string(k.key), doc_id}));
          continue;
        }
        if (Json::kind(k.value) != json_kind::object) {
          issue(severity::error, "data.wrong_type", w, say(lang_, "báo cáo nhiệm vụ phải là đối tượng"));
          continue;
        }
        data_.tasks().push_back(task_report_of(task, object(k.value), w));
      }
    }
  }

  template <class View>
  task_report task_report_of(int task, View const& report, who const& w) {
    duplicates(report, w);
    task_report r;
    r.task = task;
    if (auto s = report.find("status")) {
      std::string_view status = Json::kind(*s) == json_kind::string ? Json::text(*s) : std::string_view();
      if (status == "done") r.status = task_status::done;
      else if (status == "in_progress") r.status = task_status::in_progress;
      else if (status == "not_started") r.status = task_status::not_started;
      else issue_at("status", severity::error, "data.bad_status", w, say(lang_, "trạng thái phải là not_started, in_progress hoặc done"));
    }
    if (auto c = report.find("completed"); c && Json::kind(*c) != json_kind::null) {
      auto day = Json::kind(*c) == json_kind::string ? parse_iso_date(Json::text(*c)) : std::nullopt;
      if (day) r.completed = day;
      else issue_at("completed", severity::error, "data.bad_date", w, say(lang_, "ngày hoàn thành phải có dạng YYYY-MM-DD"));
    }
    if (auto p = report.find("progress"); p && Json::kind(*p) != json_kind::null) {
      double x = is_number(Json::kind(*p)) ? Json::number(*p) : -1;
      if (std::isfinite(x) && x >= 0 && x <= 100) r.progress = x;
      else issue_at("progress", severity::error, "data.out_of_range", w, say(lang_, "tiến độ là số từ 0 đến 100"));
    }
    if (auto n = report.find("note"); n && Json::kind(*n) == json_kind::string) r.note = std::string(Json::text(*n));
    if (r.status != task_status::done && r.completed) r.status = task_status::done;
    return r;
  }
};

}  // namespace chitieu::eval::detail
