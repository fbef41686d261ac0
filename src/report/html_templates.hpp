// Private: the Mustache templates of templates/html/, compiled into the library by CMake
// (cmake/embed_templates.cmake), so that the installed tool needs no data files.
#pragma once
#include <map>
#include <string>

namespace chitieu::report::html {

/// By name, the file name without ".mustache": "page" is the page, every other one a partial.
std::map<std::string, std::string> const& templates();

}  // namespace chitieu::report::html
