// The loader over nlohmann::json: load_submission (the public entry for a tree an application already
// holds) and the text reader that every input simdjson rejects falls back to.
#include "load_json.hpp"

#include "loader.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace chitieu::eval {
namespace detail {
namespace {

using json = nlohmann::json;

/// Keys written twice, by the JSON Pointer of their object. A tree has kept one value per key, so
/// only its parse can say; the map is empty for a tree given to load_submission.
using duplicate_map = std::map<std::string, std::vector<std::string>>;

struct nlohmann_access {
  using node = json const*;
  duplicate_map const* duplicates = nullptr;

  struct member {
    std::string_view key;
    node value;
  };

  class object_view {
   public:
    using base = json::object_t::const_iterator;
    struct iterator {
      base it;
      member operator*() const { return {it->first, &it->second}; }
      iterator& operator++() {
        ++it;
        return *this;
      }
      bool operator!=(iterator const& o) const { return it != o.it; }
    };
    object_view(json const& j, std::vector<std::string> const* dups)
        : object_(j.get_ref<json::object_t const&>()), dups_(dups ? dups : &none()) {}
    iterator begin() const { return {object_.begin()}; }
    iterator end() const { return {object_.end()}; }
    std::optional<node> find(std::string_view key) const {
      auto it = object_.find(key);
      if (it == object_.end()) return std::nullopt;
      return &it->second;
    }
    std::vector<std::string> const& duplicates() const { return *dups_; }

   private:
    static std::vector<std::string> const& none() {
      static std::vector<std::string> const empty;
      return empty;
    }
    json::object_t const& object_;
    std::vector<std::string> const* dups_;
  };

  static json_kind kind(node j) {
    switch (j->type()) {
      case json::value_t::null: return json_kind::null;
      case json::value_t::boolean: return json_kind::boolean;
      case json::value_t::string: return json_kind::string;
      case json::value_t::number_integer: return json_kind::integer;
      case json::value_t::number_unsigned: return json_kind::unsigned_integer;
      case json::value_t::array: return json_kind::array;
      case json::value_t::object: return json_kind::object;
      default: return json_kind::floating;  // number_float; binary and discarded never come from a parse
    }
  }
  static std::string_view text(node j) { return j->get_ref<std::string const&>(); }
  static bool boolean(node j) { return j->get<bool>(); }
  static double number(node j) { return j->get<double>(); }
  static long long integer(node j) { return j->get<long long>(); }

  template <class F>
  void for_each_element(node j, F&& f) const {
    for (std::size_t i = 0; i < j->size(); ++i) f(i, &(*j)[i]);
  }

  bool keeps_duplicates_apart() const { return duplicates && !duplicates->empty(); }
  template <class F>
  bool for_each_member(node j, F&& f) const {
    for (auto const& [key, value] : j->get_ref<json::object_t const&>())
      if (!f(key, &value)) return false;
    return true;
  }

  template <class PointerFn>
  object_view object(node j, PointerFn&& pointer) const {
    if (!duplicates || duplicates->empty()) return {*j, nullptr};
    auto it = duplicates->find(pointer());
    return {*j, it == duplicates->end() ? nullptr : &it->second};
  }
};

/// Follows the parse to know the JSON Pointer of each object and the keys seen in it.
class duplicate_finder {
 public:
  explicit duplicate_finder(duplicate_map& out) : out_(out) {}

  bool operator()(int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start: {
        std::string token = frames_.empty() ? "" : child_token();
        frames_.push_back({event == json::parse_event_t::array_start, 0, std::move(token), {}, {}});
        break;
      }
      case json::parse_event_t::key: {
        auto& f = frames_.back();
        f.key = parsed.get<std::string>();
        if (!f.keys.insert(f.key).second) {
          std::string here = pointer();
          forget_below(here + "/" + escaped(f.key));  // the earlier value is dropped, and what it held
          auto& dups = out_[here];
          if (std::find(dups.begin(), dups.end(), f.key) == dups.end()) dups.push_back(f.key);
        }
        break;
      }
      case json::parse_event_t::value:
        if (!frames_.empty() && frames_.back().array) ++frames_.back().next;
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames_.pop_back();
        break;
    }
    return true;
  }

  /// The duplicates of each object in the order of their keys, as the loader reads the members.
  static void sort(duplicate_map& m) {
    for (auto& [pointer, keys] : m) std::sort(keys.begin(), keys.end());
  }

 private:
  struct frame {
    bool array;
    std::size_t next;     // the index of the next element of an array
    std::string token;    // this container's step from its parent, already escaped
    std::string key;      // the key being read, in an object
    std::set<std::string> keys;
  };
  std::vector<frame> frames_;
  duplicate_map& out_;

  static std::string escaped(std::string const& key) {
    std::string t;
    append_pointer_token(t, key);
    return t.substr(1);
  }
  std::string child_token() {
    auto& parent = frames_.back();
    if (parent.array) return std::to_string(parent.next++);
    return escaped(parent.key);
  }
  /// Drops the duplicates noted at `pointer` and below it: a tree keeps only the last value of a key,
  /// so keys repeated inside an earlier one were never read.
  void forget_below(std::string const& pointer) {
    for (auto it = out_.lower_bound(pointer); it != out_.end();) {
      bool below = it->first == pointer || it->first.compare(0, pointer.size() + 1, pointer + "/") == 0;
      if (!below) break;
      it = out_.erase(it);
    }
  }
  std::string pointer() const {
    std::string p;
    for (std::size_t i = 1; i < frames_.size(); ++i) p += "/" + frames_[i].token;
    return p;
  }
};

/// Deepest nesting of [ and { outside strings.
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

/// "at line 3, column 18 (byte 52): unexpected '}'…": the place in our words, columns counted in
/// characters as an editor shows them (nlohmann counts bytes, which a Vietnamese line makes too many),
/// then the parser's reason without its own id and place.
std::string where_broken(std::string const& text, json::parse_error const& e, language lang) {
  std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());  // the offending byte
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  std::string reason = e.what();
  if (auto place = reason.find("parse error at line "); place != std::string::npos)
    if (auto colon = reason.find(": ", place); colon != std::string::npos) reason = reason.substr(colon + 2);
  return say(lang, "JSON không hợp lệ tại dòng {0}, cột {1} (byte {2}): {3}",
             {std::to_string(line), std::to_string(column), std::to_string(e.byte), reason});
}

load_result only(data_issue is) {
  load_result out;
  out.issues.push_back(std::move(is));
  return out;
}

}  // namespace

std::optional<data_issue> too_deep(std::string const& text, dataset_limits const& limits) {
  std::size_t at = 0;
  std::size_t limit = too_deep_limit(limits);
  if (nesting_depth(text, limit, at) <= limit) return std::nullopt;
  return data_issue{severity::error, "data.too_deep", "", "",
                    say(limits.lang, "JSON lồng quá {0} cấp (tại byte {1})", {std::to_string(limit), std::to_string(at)}), ""};
}

load_result load_text_nlohmann(std::string const& text, sema::checked_ruleset const& rules, dataset_limits const& limits) {
  if (auto deep = too_deep(text, limits)) return only(std::move(*deep));
  duplicate_map dups;
  json parsed;
  try {
    parsed = json::parse(text, duplicate_finder(dups));
  } catch (json::parse_error const& e) {
    return only({severity::error, "data.malformed_json", "", "", where_broken(text, e, limits.lang), ""});
  } catch (json::exception const& e) {  // e.g. out_of_range.406: a number too large to hold
    return only({severity::error, "data.malformed_json", "", "", say(limits.lang, "JSON không đọc được: {0}", {e.what()}), ""});
  }
  duplicate_finder::sort(dups);
  nlohmann_access access{&dups};
  return basic_loader<nlohmann_access>(access, rules, limits).run(&parsed);
}

load_result load_tree(nlohmann::json const& submission, sema::checked_ruleset const& rules,
                      dataset_limits const& limits, std::unordered_map<std::string, std::string> cells) {
  nlohmann_access access;
  return basic_loader<nlohmann_access>(access, rules, limits).run(&submission, std::move(cells));
}

}  // namespace detail

load_result load_submission(nlohmann::json const& submission, sema::checked_ruleset const& rules,
                            dataset_limits const& limits) {
  return detail::load_tree(submission, rules, limits, {});
}

}  // namespace chitieu::eval
