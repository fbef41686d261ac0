// The loader over simdjson's DOM: load_submission_text. simdjson parses at memory speed where
// nlohmann builds a tree of maps; the walk is the same loader (loader.hpp). Why the DOM API and not
// on-demand: docs/design.md, "Loading submissions".
#include "load_json.hpp"

#include "loader.hpp"

#include <simdjson.h>

namespace chitieu::eval {
namespace detail {
namespace {

namespace dom = simdjson::dom;

struct simdjson_access {
  using node = dom::element;

  struct member {
    std::string_view key;
    node value;
  };
  using members = std::vector<member>;

  /// A DOM object keeps its members as written, duplicates included; the loader reads them as
  /// nlohmann keeps them: sorted by key, the last one of each key. Vectors are recycled, since
  /// every unit and every year of values is an object.
  class object_view {
   public:
    object_view(simdjson_access& owner, dom::object obj) : owner_(owner) {
      members_ = owner.take();
      for (auto [key, value] : obj) members_.push_back({key, value});
      sort_keeping_last();
    }
    ~object_view() { owner_.give_back(std::move(members_)); }
    object_view(object_view const&) = delete;
    object_view& operator=(object_view const&) = delete;

    auto begin() const { return members_.begin(); }
    auto end() const { return members_.end(); }
    std::optional<node> find(std::string_view key) const {
      auto it = std::lower_bound(members_.begin(), members_.end(), key,
                                 [](member const& m, std::string_view k) { return m.key < k; });
      if (it == members_.end() || it->key != key) return std::nullopt;
      return it->value;
    }
    std::vector<std::string_view> const& duplicates() const { return dups_; }

   private:
    static std::uint64_t prefix(std::string_view k) {
      std::uint64_t p = 0;
      for (std::size_t i = 0; i < 8; ++i) p = p << 8 | (i < k.size() ? static_cast<unsigned char>(k[i]) : 0u);
      return p;
    }

    simdjson_access& owner_;
    members members_;
    std::vector<std::uint64_t>& prefixes_ = owner_.prefixes_;
    std::vector<std::string_view> dups_;

    void sort_keeping_last() {
      // Most keys differ in their first eight bytes: compare those as one number (big-endian, padded
      // with zeros, so the order is the bytes' order) and the strings only on a tie.
      prefixes_.clear();
      for (auto const& m : members_) prefixes_.push_back(prefix(m.key));
      auto less = [&](std::size_t a, std::size_t b) {
        if (prefixes_[a] != prefixes_[b]) return prefixes_[a] < prefixes_[b];
        return members_[a].key < members_[b].key;
      };
      // Units and rows of values hold a handful of members: insertion sort, stable, beats the library's.
      if (members_.size() <= 32) {
        for (std::size_t i = 1; i < members_.size(); ++i)
          for (std::size_t j = i; j > 0 && less(j, j - 1); --j) {
            std::swap(members_[j], members_[j - 1]);
            std::swap(prefixes_[j], prefixes_[j - 1]);
          }
      } else {
        std::stable_sort(members_.begin(), members_.end(), [](member const& a, member const& b) { return a.key < b.key; });
      }
      std::size_t out = 0;
      for (std::size_t i = 0; i < members_.size(); ++i) {
        if (out > 0 && members_[out - 1].key == members_[i].key) {
          if (dups_.empty() || dups_.back() != members_[i].key) dups_.push_back(members_[i].key);
          members_[out - 1] = members_[i];  // the later one wins
        } else {
          members_[out++] = members_[i];
        }
      }
      members_.resize(out);
    }
  };

  static json_kind kind(node e) {
    switch (e.type()) {
      case dom::element_type::ARRAY: return json_kind::array;
      case dom::element_type::OBJECT: return json_kind::object;
      case dom::element_type::INT64: return json_kind::integer;
      case dom::element_type::UINT64: return json_kind::unsigned_integer;
      case dom::element_type::DOUBLE: return json_kind::floating;
      case dom::element_type::STRING: return json_kind::string;
      case dom::element_type::BOOL: return json_kind::boolean;
      default: return json_kind::null;
    }
  }
  static std::string_view text(node e) { return e.get_string().value_unsafe(); }
  static bool boolean(node e) { return e.get_bool().value_unsafe(); }
  /// As nlohmann's get<double>(): an integer converted by static_cast, so both give the same bits.
  static double number(node e) {
    switch (e.type()) {
      case dom::element_type::INT64: return static_cast<double>(e.get_int64().value_unsafe());
      case dom::element_type::UINT64: return static_cast<double>(e.get_uint64().value_unsafe());
      default: return e.get_double().value_unsafe();
    }
  }
  /// As nlohmann's get<long long>(): an unsigned integer converted by static_cast.
  static long long integer(node e) {
    if (e.type() == dom::element_type::UINT64) return static_cast<long long>(e.get_uint64().value_unsafe());
    return e.get_int64().value_unsafe();
  }

  template <class F>
  void for_each_element(node e, F&& f) const {
    dom::array array = e.get_array().value_unsafe();  // a copy: the result holding it is a temporary
    std::size_t i = 0;
    for (node x : array) f(i++, x);
  }

  static constexpr bool keeps_duplicates_apart() { return false; }
  template <class F>
  bool for_each_member(node e, F&& f) const {
    dom::object obj = e.get_object().value_unsafe();
    for (auto [key, value] : obj)
      if (!f(key, value)) return false;
    return true;
  }

  template <class PointerFn>
  object_view object(node e, PointerFn&&) {
    dom::object obj = e.get_object().value_unsafe();
    return {*this, obj};
  }

  members take() {
    if (free_.empty()) return {};
    members m = std::move(free_.back());
    free_.pop_back();
    m.clear();
    return m;
  }
  void give_back(members m) { free_.push_back(std::move(m)); }

  std::vector<members> free_;
  std::vector<std::uint64_t> prefixes_;  // scratch of the sort, which never nests
};

}  // namespace

std::optional<load_result> load_text_simdjson(std::string const& text, sema::checked_ruleset const& rules,
                                              dataset_limits const& limits, std::string* release) {
  // The nesting limit without a pass of our own over the text: simdjson refuses a non-empty container
  // at depth >= its max_depth and accepts an empty one there, so with max_depth = our limit whatever
  // it accepts nests at most `limit` deep. What it refuses goes to load_text_nlohmann, which counts.
  //
  // A batch loads many small submissions one after another: their parser is kept for the thread. A
  // large one gets its own, freed once read, so that its buffers (about three times the text) do not
  // stay through the evaluation.
  // A byte-order mark (Notepad writes one) is skipped, as nlohmann skips it.
  std::string_view json(text);
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  thread_local dom::parser small;
  dom::parser large;  // allocates nothing until used
  bool is_small = json.size() <= (std::size_t(1) << 20);
  dom::parser& parser = is_small ? small : large;
  if (parser.allocate(is_small ? std::max(json.size(), parser.capacity()) : json.size(), too_deep_limit(limits)))
    return std::nullopt;
  dom::element root;
  // A text with room for simdjson's padding after it (the CLI reads files so) is parsed in place; any
  // other is copied into a padded buffer first.
  bool padded = text.capacity() - text.size() >= simdjson::SIMDJSON_PADDING;
  if (parser.parse(json.data(), json.size(), !padded).get(root)) return std::nullopt;
  if (release) std::string().swap(*release);  // `json` points into it: not read from here on
  simdjson_access access;
  return basic_loader<simdjson_access>(access, rules, limits).run(root);
}

}  // namespace detail

load_result too_large(std::size_t bytes, dataset_limits const& limits) {
  auto mb = [](std::size_t n) { return std::to_string((n + (1u << 20) - 1) >> 20); };
  load_result out;
  out.issues.push_back({severity::error, "data.too_large", "", "",
                        say(limits.lang, "bài nộp dài {0} MB, quá giới hạn {1} MB (--max-data-mb)", {mb(bytes), mb(limits.max_bytes)}),
                        ""});
  return out;
}

load_result load_submission_text(std::string const& text, sema::checked_ruleset const& rules,
                                 dataset_limits const& limits) {
  if (text.size() > limits.max_bytes) return too_large(text.size(), limits);
  if (auto fast = detail::load_text_simdjson(text, rules, limits)) return std::move(*fast);
  return detail::load_text_nlohmann(text, rules, limits);
}

load_result load_submission_text(std::string&& text, sema::checked_ruleset const& rules,
                                 dataset_limits const& limits) {
  std::string owned = std::move(text);
  text.clear();  // moved from: empty, as promised, whatever the library leaves
  if (owned.size() > limits.max_bytes) return too_large(owned.size(), limits);
  if (auto fast = detail::load_text_simdjson(owned, rules, limits, &owned)) return std::move(*fast);
  return detail::load_text_nlohmann(owned, rules, limits);  // refused by simdjson: still whole
}

}  // namespace chitieu::eval
