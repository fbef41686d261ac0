/// @file
/// SHA-256 digests, for the provenance of reports (docs/scorecard.md, Provenance). OpenSSL's libcrypto
/// does the hashing.
#pragma once
#include <chitieu/export.hpp>

#include <string>
#include <string_view>

namespace chitieu {

/// The SHA-256 of `bytes`, as 64 lowercase hex digits.
CHITIEU_API std::string sha256_hex(std::string_view bytes);

}  // namespace chitieu
