// The byte format of nlohmann's dump(indent), and of dump() when indent is negative (one line, no spaces): "{", then each member on its own line indented one more
// level, "key": value, separated by ",", and the closing bracket on its own line; empty containers as
// "{}" and "[]". Numbers through nlohmann's own float formatting, so that both writers agree to the
// byte. Strings: UTF-8 passed through, controls escaped; an invalid byte becomes U+FFFD instead of an
// exception, so a report never fails on a file name that is not UTF-8.
#include "json_writer.hpp"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <array>
#include <charconv>
#include <cmath>

namespace chitieu::report {

json_writer::json_writer(std::ostream& out, int indent)
    : out_(out), indent_(indent), buffer_(new char[capacity]), pos_(buffer_.get()), end_(buffer_.get() + capacity) {}

json_writer::~json_writer() { flush(); }

void json_writer::flush() {
  out_.write(buffer_.get(), pos_ - buffer_.get());
  pos_ = buffer_.get();
}

void json_writer::newline() {
  if (indent_ < 0) return;  // compact: one line
  std::size_t width = has_elements_.size() * static_cast<std::size_t>(indent_);
  if (width + 1 > static_cast<std::size_t>(end_ - pos_)) {
    flush();
    if (width + 1 > capacity) {  // deeper than the buffer is wide: a byte at a time
      put('\n');
      for (std::size_t i = 0; i < width; ++i) put(' ');
      return;
    }
  }
  *pos_++ = '\n';
  std::memset(pos_, ' ', width);
  pos_ += width;
}

void json_writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_elements_.empty()) return;  // the document itself
  if (has_elements_.back()) put(',');
  has_elements_.back() = true;
  newline();
}

json_writer& json_writer::key(std::string_view k) {
  // A key follows a value or opens its object, never another key: its separator, new line, indent and
  // the key itself go in with one check of the room left (most members are one short line).
  std::size_t width = indent_ < 0 ? 0 : has_elements_.size() * static_cast<std::size_t>(indent_);
  std::size_t need = width + k.size() + 6;  // , \n "key": and a space
  if (after_key_ || has_elements_.empty() || need > capacity) {
    before_value();
    put('"');
    append(k);
    if (indent_ < 0) append("\":", 2);
    else append("\": ", 3);
    after_key_ = true;
    return *this;
  }
  if (need > static_cast<std::size_t>(end_ - pos_)) flush();
  char* p = pos_;
  if (has_elements_.back()) *p++ = ',';
  has_elements_.back() = true;
  if (indent_ >= 0) {
    *p++ = '\n';
    std::memset(p, ' ', width);
    p += width;
  }
  // Keys are the format's own member names: plain ASCII, nothing to escape.
  *p++ = '"';
  std::memcpy(p, k.data(), k.size());
  p += k.size();
  *p++ = '"';
  *p++ = ':';
  if (indent_ >= 0) *p++ = ' ';
  pos_ = p;
  after_key_ = true;
  return *this;
}

json_writer& json_writer::begin_object() {
  before_value();
  put('{');
  has_elements_.push_back(false);
  return *this;
}

json_writer& json_writer::begin_array() {
  before_value();
  put('[');
  has_elements_.push_back(false);
  return *this;
}

json_writer& json_writer::end_object() {
  bool any = has_elements_.back();
  has_elements_.pop_back();
  if (any) newline();
  put('}');
  return *this;
}

json_writer& json_writer::end_array() {
  bool any = has_elements_.back();
  has_elements_.pop_back();
  if (any) newline();
  put(']');
  return *this;
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one (overlong forms,
// surrogates and code points past U+10FFFF are invalid, as in nlohmann's decoder).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  auto cont = [&](std::size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xE0 && c1 < 0xA0) return 0;  // overlong
    if (c == 0xED && c1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xF0 && c1 < 0x90) return 0;  // overlong
    if (c == 0xF4 && c1 > 0x8F) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

// The bytes of a broken sequence that count as one: its lead byte and the continuation bytes that fit
// it, as far as they go. Each such prefix becomes one U+FFFD, as in nlohmann's decoder, so that both
// writers replace broken text alike.
std::size_t broken_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  }
  std::size_t n = 1;
  for (std::size_t k = 0; k < need && i + n < s.size(); ++k, ++n) {
    auto b = static_cast<unsigned char>(s[i + n]);
    if (b < lo || b > hi) break;
    lo = 0x80;
    hi = 0xBF;
  }
  return n;
}

// Bytes copied as they are: printable ASCII other than the quote and the backslash.
struct plain_bytes {
  bool table[256] = {};
  constexpr plain_bytes() {
    for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
  }
  constexpr bool operator[](unsigned char c) const { return table[c]; }
};
constexpr plain_bytes plain;

}  // namespace

json_writer& json_writer::string(std::string_view s) {
  before_value();
  quoted(s);
  return *this;
}

namespace {

// Whether any of the eight bytes at `p` needs escaping in a valid UTF-8 string: a control (< 0x20), the
// quote or the backslash. Bytes of multi-byte characters never do.
bool needs_escape_in_word(char const* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  auto has_zero = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  auto below_space = (w - ones * 0x20) & ~w & highs;
  return (below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'))) != 0;
}

}  // namespace

void json_writer::escaped(unsigned char c) {
  switch (c) {
    case '"': append("\\\"", 2); break;
    case '\\': append("\\\\", 2); break;
    case '\b': append("\\b", 2); break;
    case '\t': append("\\t", 2); break;
    case '\n': append("\\n", 2); break;
    case '\f': append("\\f", 2); break;
    case '\r': append("\\r", 2); break;
    default: {
      static char const hex[] = "0123456789abcdef";
      char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
      append(esc, 6);
    }
  }
}

namespace {

// Whether the bytes are printable ASCII with nothing to escape: most of a scorecard's strings (ids,
// pointers, verdicts), copied as they are. Eight bytes at a time, without simdjson's validation, whose
// dispatch costs more than a short string.
bool plain_ascii(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, sizeof w);
    if ((w & 0x8080808080808080ULL) != 0 || needs_escape_in_word(s.data() + i)) return false;
  }
  for (; i < s.size(); ++i)
    if (!plain[static_cast<unsigned char>(s[i])]) return false;
  return true;
}

}  // namespace

void json_writer::quoted(std::string_view s) {
  put('"');
  if (plain_ascii(s)) {
    append(s);
    put('"');
    return;
  }
  std::size_t run = 0;  // start of the bytes not yet copied
  auto copy_run = [&](std::size_t upto) { append(s.data() + run, upto - run); };
  // Nearly every other string is valid UTF-8, which simdjson checks many bytes at a time: then only
  // the quote, the backslash and the controls need a look, eight bytes at a time, with no decoding.
  if (simdjson::validate_utf8(s.data(), s.size())) {
    for (std::size_t i = 0; i < s.size();) {
      while (i + 8 <= s.size() && !needs_escape_in_word(s.data() + i)) i += 8;
      for (std::size_t stop = std::min(s.size(), i + 8); i < stop; ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        copy_run(i);
        escaped(c);
        run = i + 1;
      }
    }
    copy_run(s.size());
    put('"');
    return;
  }
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    if (plain[c]) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (auto n = utf8_length(s, i)) {
        i += n;
        continue;
      }
      copy_run(i);
      append("\xEF\xBF\xBD", 3);  // U+FFFD
      i += broken_length(s, i);
      run = i;
      continue;
    }
    copy_run(i);
    escaped(c);
    run = ++i;
  }
  copy_run(s.size());
  put('"');
}

json_writer& json_writer::string_or_null(std::string_view s) { return s.empty() ? null() : string(s); }

json_writer& json_writer::number(double x) {
  if (!std::isfinite(x)) return null();
  before_value();
  std::array<char, 64> buf{};
  // A whole number below 10^15 is its digits and ".0" in nlohmann's format (format_buffer, "digits[000]"),
  // so the shortest-digits search can be skipped: counts, years, scores and most thresholds.
  if (x == std::trunc(x) && std::fabs(x) < 1e15 && !(x == 0 && std::signbit(x))) {
    auto r = std::to_chars(buf.data(), buf.data() + buf.size(), static_cast<std::int64_t>(x));
    *r.ptr++ = '.';
    *r.ptr++ = '0';
    put(std::string_view(buf.data(), static_cast<std::size_t>(r.ptr - buf.data())));
    return *this;
  }
  char* end = nlohmann::detail::to_chars(buf.data(), buf.data() + buf.size(), x);
  put(std::string_view(buf.data(), static_cast<std::size_t>(end - buf.data())));
  return *this;
}

json_writer& json_writer::integer(std::int64_t x) {
  before_value();
  std::array<char, 24> buf{};
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x);
  put(std::string_view(buf.data(), static_cast<std::size_t>(r.ptr - buf.data())));
  return *this;
}

json_writer& json_writer::unsigned_integer(std::uint64_t x) {
  before_value();
  std::array<char, 24> buf{};
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), x);
  put(std::string_view(buf.data(), static_cast<std::size_t>(r.ptr - buf.data())));
  return *this;
}

json_writer& json_writer::boolean(bool b) {
  before_value();
  put(b ? "true" : "false");
  return *this;
}

json_writer& json_writer::null() {
  before_value();
  put("null");
  return *this;
}

json_writer& json_writer::raw(std::string_view dumped) {
  before_value();
  std::size_t start = 0;
  for (auto nl = dumped.find('\n'); nl != std::string_view::npos; nl = dumped.find('\n', start)) {
    put(dumped.substr(start, nl - start));
    newline();
    start = nl + 1;
  }
  put(dumped.substr(start));
  return *this;
}

}  // namespace chitieu::report
