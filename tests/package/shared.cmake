# chitieu as a shared library, for an embedding application: builds the library alone with
# -DBUILD_SHARED_LIBS=ON, checks that libchitieu.so exports chitieu's API and nothing of the libraries
# it is built from, installs it, and builds and runs the package consumer (main.cpp) against it in
# C++20, linked dynamically. The test package.shared_cxx20 (tests/CMakeLists.txt).
# Arguments: ROOT (the repository), WORK_DIR; optional CXX_COMPILER, CXX_FLAGS, LAUNCHER (ccache),
# JOBS (parallel compile jobs).
set(build ${WORK_DIR}/build)
set(options -DBUILD_SHARED_LIBS=ON -DCHITIEU_BUILD_TESTS=OFF -DCHITIEU_BUILD_APPS=OFF
            -DCHITIEU_BUILD_EXAMPLES=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}")
if(CXX_COMPILER)
  list(APPEND options -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
endif()
if(LAUNCHER)
  list(APPEND options -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${ROOT} -B ${build} ${options} RESULT_VARIABLE rc OUTPUT_QUIET)
if(rc)
  message(FATAL_ERROR "shared build: configure failed")
endif()
if(NOT JOBS)
  cmake_host_system_information(RESULT JOBS QUERY NUMBER_OF_LOGICAL_CORES)
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${build} -j ${JOBS} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE out)
if(rc)
  message(FATAL_ERROR "shared build: build failed\n${out}")
endif()

# What the library exports: chitieu's API (CHITIEU_API) and nothing else. The standard library's template
# instantiations (libstdc++ gives namespace std default visibility) and the type information of Boost's
# exception classes (BOOST_SYMBOL_VISIBLE) are kept in by the version script (cmake/exports.map). A
# symbol of std, Boost, Spirit, nlohmann, simdjson, mstch or of the library's detail namespaces means a
# declaration exported by mistake, -fvisibility=hidden gone, or the version script not applied.
file(GLOB library ${build}/libchitieu.so.*.*.*)
execute_process(COMMAND nm -D --defined-only -C ${library} RESULT_VARIABLE rc OUTPUT_VARIABLE symbols)
if(rc)
  message(FATAL_ERROR "shared build: nm failed on ${library}")
endif()
string(REPLACE ";" "," symbols "${symbols}")
string(REGEX MATCHALL "[^\n]+" lines "${symbols}")
set(count 0)
set(api 0)
set(foreign "")
foreach(line ${lines})
  if(NOT line MATCHES "^[0-9a-f]+ [A-Za-z] (.*)$")
    continue()
  endif()
  set(symbol "${CMAKE_MATCH_1}")
  math(EXPR count "${count} + 1")
  # The entity: what comes before its parameters and template arguments, without a return type.
  set(kind "")
  set(name "${symbol}")
  if(name MATCHES "^(typeinfo for|typeinfo name for|vtable for|VTT for|guard variable for) (.*)$")
    set(kind "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
  endif()
  string(REGEX REPLACE "[(<].*$" "" name "${name}")
  string(REGEX REPLACE "^.* " "" name "${name}")
  if(name MATCHES "^chitieu::" AND NOT name MATCHES "::detail::")
    math(EXPR api "${api} + 1")
  elseif(name MATCHES "^(_edata|_end|__bss_start)$")
  else()
    string(APPEND foreign "  ${symbol}\n")
  endif()
endforeach()
if(NOT foreign STREQUAL "")
  message(FATAL_ERROR "libchitieu.so exports more than chitieu's API:\n${foreign}")
endif()
message("libchitieu.so exports ${count} symbols, ${api} of them chitieu's")

# The consumer, in C++20, against the installed shared library (run.cmake installs and builds it).
if(NOT CXX_COMPILER)
  load_cache(${build} READ_WITH_PREFIX library_ CMAKE_CXX_COMPILER)
  set(CXX_COMPILER ${library_CMAKE_CXX_COMPILER})
endif()
set(BUILD_DIR ${build})
set(SOURCE_DIR ${CMAKE_CURRENT_LIST_DIR})
set(CXX_STANDARD 20)
include(${CMAKE_CURRENT_LIST_DIR}/run.cmake)
execute_process(COMMAND readelf -d ${WORK_DIR}/consumer/consumer OUTPUT_VARIABLE dynamic)
if(NOT dynamic MATCHES "NEEDED[^\n]*libchitieu\\.so")
  message(FATAL_ERROR "the consumer is not linked with libchitieu.so")
endif()
message("shared package ok")
