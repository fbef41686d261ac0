/// @file
/// Calendar dates as day numbers (days since 1970-01-01), for deadlines and as-of dates. Standard only.
#pragma once
#include <chitieu/export.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chitieu {

struct civil_date {
  int year = 1970;
  unsigned month = 1, day = 1;
};

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
CHITIEU_API std::int32_t days_from_civil(civil_date d);
CHITIEU_API civil_date civil_from_days(std::int32_t days);
CHITIEU_API bool is_valid_date(int year, unsigned month, unsigned day);
CHITIEU_API unsigned days_in_month(int year, unsigned month);

/// Parses exactly "YYYY-MM-DD"; nullopt for anything else, including 2026-02-30.
CHITIEU_API std::optional<std::int32_t> parse_iso_date(std::string_view text);
/// "2026-11-25".
CHITIEU_API std::string format_iso_date(std::int32_t days);
/// "25/11/2026", as Vietnamese documents write dates.
CHITIEU_API std::string format_vn_date(std::int32_t days);

}  // namespace chitieu
