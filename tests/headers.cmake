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
