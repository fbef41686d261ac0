# Every public header compiles on its own, as C++17 and as C++20 (an embedding application may use
# either): one generated translation unit per header, built with the tests.
file(GLOB_RECURSE public_headers RELATIVE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/include/chitieu/*.hpp)
set(header_units)
foreach(h ${public_headers})
  string(MAKE_C_IDENTIFIER ${h} name)
  set(unit ${CMAKE_CURRENT_BINARY_DIR}/headers/${name}.cpp)
  file(GENERATE OUTPUT ${unit} CONTENT "#include <${h}>\n")
  list(APPEND header_units ${unit})
endforeach()
foreach(standard 17 20)
  add_library(chitieu_headers_cxx${standard} OBJECT ${header_units})
  target_link_libraries(chitieu_headers_cxx${standard} PRIVATE chitieu::chitieu)
  set_target_properties(chitieu_headers_cxx${standard} PROPERTIES CXX_STANDARD ${standard} CXX_STANDARD_REQUIRED ON
                                                                  CXX_EXTENSIONS OFF)
  target_compile_options(chitieu_headers_cxx${standard} PRIVATE $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic>)
endforeach()

# An application that includes <chitieu/chitieu.hpp> pays only for what it uses: not the JSON library's
# implementation (its forward declarations only) and not Spirit (issue 12 §4).
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/headers/light_umbrella.cpp CONTENT
"#include <chitieu/chitieu.hpp>
#if defined(INCLUDE_NLOHMANN_JSON_HPP_)
#error \"chitieu.hpp includes nlohmann/json.hpp\"
#endif
#if defined(BOOST_SPIRIT_X3_VARIANT_AUGUST_6_2011_0859AM) || defined(BOOST_SPIRIT_X3_HPP)
#error \"chitieu.hpp includes Spirit\"
#endif
")
add_library(chitieu_light_umbrella OBJECT ${CMAKE_CURRENT_BINARY_DIR}/headers/light_umbrella.cpp)
target_link_libraries(chitieu_light_umbrella PRIVATE chitieu::chitieu)
