#include <chitieu/json_text.hpp>

#include <nlohmann/json.hpp>

namespace chitieu {

std::string json_text(nlohmann::json const& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace chitieu
