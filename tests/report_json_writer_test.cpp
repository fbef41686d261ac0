// The streaming JSON writer writes the bytes nlohmann's dump() writes, strings included: every escape,
// at every position within the eight-byte words the fast path reads, and invalid UTF-8 as U+FFFD.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "report/json_writer.hpp"

using namespace chitieu;

TEST_CASE("json_writer: strings are escaped exactly as nlohmann escapes them") {
  std::string const specials[] = {"\"", "\\", "\n", "\t", "\x01", "\x1f", "\x7f", "ư", "\xFF", "\xE1\xBB", "/"};
  int checked = 0;
  for (auto const& special : specials)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s = std::string(at, 'a') + special + "Trường học " + special + std::string(19 - at, 'b');
      std::ostringstream out;
      {
        report::json_writer w(out, -1);
        w.string(s);
      }
      auto expected = nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      CHECK_MESSAGE(out.str() == expected, "special #" << checked / 20 << " at " << at);
      ++checked;
    }
  CHECK(checked == 220);
}

TEST_CASE("json_writer: ASCII strings, taken by the plain path, are escaped as nlohmann escapes them") {
  // No byte above 0x7F, so each string goes through the ASCII check; each special at every position of
  // the eight-byte words, and at the tail the word loop leaves.
  std::string const specials[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "/", "\x80"};
  int checked = 0;
  for (auto const& special : specials)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s = std::string(at, 'a') + special + std::string(19 - at, 'b');
      std::ostringstream out;
      {
        report::json_writer w(out, -1);
        w.string(s);
      }
      auto expected = nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      CHECK_MESSAGE(out.str() == expected, "special #" << checked / 20 << " at " << at);
      ++checked;
    }
  CHECK(checked == 160);
  for (std::string const s : {"", "a", "bn_ctr04.T26", "/units/0/children/12/values/2026/x"}) {
    std::ostringstream out;
    {
      report::json_writer w(out, -1);
      w.string(s);
    }
    CHECK(out.str() == "\"" + s + "\"");
  }
}

TEST_CASE("json_writer: numbers are written as nlohmann writes them, whole ones by the short path") {
  double const numbers[] = {0.0, -0.0, 1.0, -1.0, 100.0, 2026.0, -273.0, 94.5, 0.5, 1e-5, 0.1 + 0.2,
                            999999999999999.0, 1e15, 1e15 + 2, -1e15, 123456789012345.0, 9007199254740992.0,
                            1e16, 1e300, 5e-324, 20.48, 1.0 / 3};
  for (double x : numbers) {
    std::ostringstream out;
    {
      report::json_writer w(out, -1);
      w.number(x);
    }
    CHECK_MESSAGE(out.str() == nlohmann::json(x).dump(), x);
  }
  // By hand, for the boundary of the short path: 15 digits are written out, 16 take an exponent.
  auto written = [](double x) {
    std::ostringstream out;
    {
      report::json_writer w(out, -1);
      w.number(x);
    }
    return out.str();
  };
  CHECK(written(999999999999999.0) == "999999999999999.0");
  CHECK(written(1e15) == "1e+15");
  CHECK(written(-0.0) == "-0.0");
  CHECK(written(100.0) == "100.0");
}
