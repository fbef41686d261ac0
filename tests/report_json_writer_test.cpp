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
