// A streaming JSON writer whose bytes are those of nlohmann::json::dump(2) for the same document, so
// that a report can be written as it is produced, with no tree of the whole result (docs/scale.md).
// Members must be written in the order nlohmann sorts them (byte order of the keys); the golden and
// example tests compare the two writers byte for byte.
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <type_traits>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace chitieu::report {

class json_writer {
 public:
  /// `indent` < 0: compact, on one line, as nlohmann's dump().
  explicit json_writer(std::ostream& out, int indent = 2);
  json_writer(json_writer const&) = delete;
  json_writer& operator=(json_writer const&) = delete;
  ~json_writer();  // flushes

  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  /// The next member's key, inside an object.
  json_writer& key(std::string_view k);

  json_writer& string(std::string_view s);
  /// A string, or null when empty.
  json_writer& string_or_null(std::string_view s);
  /// A floating-point number as nlohmann writes one ("0.5", "100.0", "1e-05"); null when not finite.
  json_writer& number(double x);
  json_writer& integer(std::int64_t x);
  json_writer& unsigned_integer(std::uint64_t x);
  json_writer& boolean(bool b);
  json_writer& null();
  /// A document already serialised at indentation level 0 (e.g. by nlohmann's dump(2)), re-indented
  /// to the current level: for the few parts kept as small trees.
  json_writer& raw(std::string_view dumped);

  /// key(k) then the value, for the common one-liners.
  template <class Value>
  json_writer& member(std::string_view k, Value const& v);

  void flush();

 private:
  void before_value();
  void newline();
  void quoted(std::string_view s);
  void escaped(unsigned char c);
  // The bytes go to a buffer of fixed size, written out when full: a scorecard of a whole country is
  // hundreds of megabytes, produced a few bytes at a time.
  void append(char const* p, std::size_t n) {
    if (n > static_cast<std::size_t>(end_ - pos_)) {
      flush();
      if (n > capacity) {
        out_.write(p, static_cast<std::streamsize>(n));
        return;
      }
    }
    std::memcpy(pos_, p, n);
    pos_ += n;
  }
  void append(std::string_view s) { append(s.data(), s.size()); }
  void put(std::string_view s) { append(s.data(), s.size()); }
  void put(char c) {
    if (pos_ == end_) flush();
    *pos_++ = c;
  }

  static constexpr std::size_t capacity = 1u << 16;
  std::ostream& out_;
  int indent_;
  std::unique_ptr<char[]> buffer_;
  char* pos_;
  char* end_;
  // Per open container: whether it holds an element yet (the first one opens a new line).
  std::vector<unsigned char> has_elements_;
  bool after_key_ = false;
};

template <class Value>
json_writer& json_writer::member(std::string_view k, Value const& v) {
  key(k);
  if constexpr (std::is_same_v<Value, bool>) return boolean(v);
  else if constexpr (std::is_floating_point_v<Value>) return number(v);
  else if constexpr (std::is_integral_v<Value> && std::is_signed_v<Value>) return integer(v);
  else if constexpr (std::is_integral_v<Value>) return unsigned_integer(v);
  else return string(v);
}

}  // namespace chitieu::report
