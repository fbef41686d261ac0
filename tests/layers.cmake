# Layer rules from the house style: X3 stays in src/syntax, the support layer uses the standard library
# only, and report/ never includes another layer's private headers.
file(GLOB_RECURSE checked ${ROOT}/include/chitieu/sema/* ${ROOT}/include/chitieu/eval/* ${ROOT}/include/chitieu/report/*
     ${ROOT}/include/chitieu/graph/* ${ROOT}/src/sema/* ${ROOT}/src/eval/* ${ROOT}/src/report/* ${ROOT}/src/graph/*
     ${ROOT}/src/testing/* ${ROOT}/apps/chitieu/*)
foreach(f ${checked})
  file(READ ${f} text)
  if(text MATCHES "boost/spirit/home/x3\\.hpp" OR text MATCHES "#include \"[^\"]*grammar")
    message(FATAL_ERROR "${f} reaches into the Spirit grammar")
  endif()
endforeach()
foreach(f ${ROOT}/include/chitieu/source.hpp ${ROOT}/include/chitieu/date.hpp ${ROOT}/include/chitieu/number.hpp
          ${ROOT}/include/chitieu/suggest.hpp)
  file(STRINGS ${f} includes REGEX "^#include")
  foreach(line ${includes})
    # <chitieu/export.hpp> (generated: CHITIEU_API) holds macros only
    if(line MATCHES "chitieu/|boost/|nlohmann/" AND NOT line MATCHES "<chitieu/export\\.hpp>")
      message(FATAL_ERROR "${f} must use the standard library only: ${line}")
    endif()
  endforeach()
endforeach()
file(GLOB_RECURSE apps ${ROOT}/apps/chitieu/*.cpp ${ROOT}/apps/chitieu/*.hpp)
foreach(f ${apps})
  file(READ ${f} text)
  if(text MATCHES "#include \"[^\"]*/(src|detail)/")
    message(FATAL_ERROR "${f} includes a private header")
  endif()
endforeach()
message(STATUS "layers ok")
