// The streaming JSON writer writes the bytes nlohmann's dump() writes, strings included: every escape,
// at every position within the eight-byte words the fast path reads, and invalid UTF-8 as U+FFFD.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <type_traits>

#include "report/json_writer.hpp"

using namespace chitieu;

namespace {

/// What the writer makes of one string, or of one number, written alone on one line.
template <typename Value>
std::string written(Value const& v) {
  std::ostringstream out;
  {
    report::json_writer w(out, -1);
    if constexpr (std::is_same_v<Value, double>) w.number(v);
    else w.string(v);
  }
  return out.str();
}

/// Each special at each of 20 positions (every position within the eight-byte words the writer reads,
/// and the tail its word loop leaves), followed by `middle` and, when `twice`, by the special again:
/// written as nlohmann writes it. Returns the number of strings checked.
template <std::size_t N>
int check_specials(std::string const (&specials)[N], std::string const& middle, bool twice) {
  int checked = 0;
  for (auto const& special : specials)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s = std::string(at, 'a') + special + middle + (twice ? special : "") + std::string(19 - at, 'b');
      auto expected = nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      CHECK_MESSAGE(written(s) == expected, "special #" << checked / 20 << " at " << at);
      ++checked;
    }
  return checked;
}

}  // namespace

TEST_CASE("json_writer: strings are escaped exactly as nlohmann escapes them") {
  std::string const specials[] = {"\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "ư", "\xFF", "\xE1\xBB", "/"};
  CHECK(check_specials(specials, "Trường học ", true) == 220);
}

TEST_CASE("json_writer: ASCII strings, taken by the plain path, are escaped as nlohmann escapes them") {
  // No byte above 0x7F, so each string goes through the ASCII check first.
  std::string const specials[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "/", "\x80"};
  CHECK(check_specials(specials, "", false) == 160);
  for (std::string const s : {"", "a", "bn_ctr04.T26", "/units/0/children/12/values/2026/x"})
    CHECK(written(s) == "\"" + s + "\"");
}

TEST_CASE("json_writer: numbers are written as nlohmann writes them, whole ones by the short path") {
  double const numbers[] = {0.0, -0.0, 1.0, -1.0, 100.0, 2026.0, -273.0, 94.5, 0.5, 1e-5, 0.1 + 0.2,
                            999999999999999.0, 1e15, 1e15 + 2, -1e15, 123456789012345.0, 9007199254740992.0,
                            1e16, 1e300, 5e-324, 20.48, 1.0 / 3};
  for (double x : numbers) CHECK_MESSAGE(written(x) == nlohmann::json(x).dump(), x);
  // By hand, for the boundary of the short path: 15 digits are written out, 16 take an exponent.
  CHECK(written(999999999999999.0) == "999999999999999.0");
  CHECK(written(1e15) == "1e+15");
  CHECK(written(-0.0) == "-0.0");
  CHECK(written(100.0) == "100.0");
}
