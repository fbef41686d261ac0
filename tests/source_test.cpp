// support layer: positions in code points, line text, UTF-8 validation, dates.
#include <chitieu/date.hpp>
#include <chitieu/source.hpp>

#include <doctest/doctest.h>

using namespace chitieu;

TEST_CASE("source: columns count code points, not bytes") {
  source_file src("t.ct", "cite \"Phụ lục\" x\nsecond");
  auto offset = static_cast<std::uint32_t>(src.text().find(" x") + 1);
  auto loc = src.location_of(offset);
  CHECK(loc.line == 1);
  CHECK(loc.column == 16);  // "cite "Phụ lục" " is 15 code points but 17 bytes
  CHECK(src.location_of(static_cast<std::uint32_t>(src.text().find("second"))).line == 2);
  CHECK(src.line_text(2) == "second");
  CHECK(src.line_text(3).empty());
}

TEST_CASE("source: invalid UTF-8 is found at its first byte") {
  CHECK(find_invalid_utf8("Việt Nam") == std::string_view::npos);
  CHECK(find_invalid_utf8(std::string("ab\xC3", 3)) == 2);          // truncated sequence
  CHECK(find_invalid_utf8(std::string("a\xC0\xAF", 3)) == 1);       // overlong '/'
  CHECK(find_invalid_utf8(std::string("a\xED\xA0\x80", 4)) == 1);   // surrogate
  CHECK(find_invalid_utf8(std::string("\xFF", 1)) == 0);
}

TEST_CASE("source: dates round-trip and reject impossible days") {
  auto d = parse_iso_date("2026-11-25");
  REQUIRE(d);
  CHECK(format_iso_date(*d) == "2026-11-25");
  CHECK(format_vn_date(*d) == "25/11/2026");
  CHECK(*parse_iso_date("2024-02-29") - *parse_iso_date("2024-02-28") == 1);
  CHECK_FALSE(parse_iso_date("2026-02-29"));
  CHECK_FALSE(parse_iso_date("2026-13-01"));
  CHECK_FALSE(parse_iso_date("26-11-2026"));
  CHECK(days_from_civil({1970, 1, 1}) == 0);
}
