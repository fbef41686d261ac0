/// @file
/// Numbers written the Vietnamese way, for every message and report: decimal comma, dot for thousands
/// (83,3; 610.000), rounded half away from zero as people round by hand. Standard library only.
#pragma once
#include <chitieu/export.hpp>

#include <string>

namespace chitieu {

/// `x` with at most `decimals` decimals, trailing zeros dropped; "—" for NaN, "∞" / "-∞" for infinities.
CHITIEU_API std::string format_vn_number(double x, int decimals = 2);

}  // namespace chitieu
