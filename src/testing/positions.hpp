// Lines of a JSON text by JSON Pointer: nlohmann's parser keeps no positions, so a test failure finds
// its line here. Private to src/testing.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace chitieu::testing::detail {

/// The 1-based line where each object member's key and each array element starts, by the JSON Pointer
/// of that member or element ("/cases/0/expect/T1"). Scans leniently; a text that is not JSON gives
/// what it could read.
std::map<std::string, std::uint32_t> json_lines(std::string_view text);

/// "a/b~c" as a JSON Pointer token: "a~1b~0c".
std::string pointer_token(std::string_view key);

}  // namespace chitieu::testing::detail
