// Renders the HTML view model with the compiled-in Mustache templates (mstch). The only file that
// sees mstch: the view model stays JSON, so the engine never depends on the template library. In a
// shared build this file and the templates are the static chitieu::html (CMakeLists.txt says why).
#include <chitieu/report/html_view.hpp>

#include "html_templates.hpp"

#include <mstch/mstch.hpp>
#include <nlohmann/json.hpp>

namespace chitieu::report {
namespace {

mstch::node to_node(nlohmann::json const& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mstch::map m;
      for (auto const& [key, value] : j.items()) m.emplace(key, to_node(value));
      return m;
    }
    case nlohmann::json::value_t::array: {
      mstch::array a;
      for (auto const& value : j) a.push_back(to_node(value));
      return a;
    }
    case nlohmann::json::value_t::string: return j.get<std::string>();
    case nlohmann::json::value_t::boolean: return j.get<bool>();
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return static_cast<int>(j.get<long long>());
    // The view model formats its numbers; a stray double is printed as JSON would.
    case nlohmann::json::value_t::number_float: return j.dump();
    default: return std::string();
  }
}

}  // namespace

void render_html_view(std::ostream& out, nlohmann::json const& view) {
  auto const& all = html::templates();
  std::map<std::string, std::string> partials(all.begin(), all.end());
  out << mstch::render(all.at("page"), to_node(view), partials);
}

void render_html(std::ostream& out, scorecard_input const& in) { render_html_view(out, html_view(in)); }

}  // namespace chitieu::report
