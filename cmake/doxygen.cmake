# Writes the API reference (docs/Doxyfile) into OUTPUT, with doxygen run from the repository's root;
# every doxygen warning fails (WARN_AS_ERROR), and the warnings are printed.
# Arguments: DOXYGEN (the program), SOURCE_DIR (the repository), OUTPUT (a folder of the build tree),
# VERSION (the project's version, shown on every page).
file(MAKE_DIRECTORY ${OUTPUT})
set(log ${OUTPUT}/warnings.log)
file(REMOVE ${log})
# Later settings override the included ones: the output goes to the build tree, never the sources.
file(WRITE ${OUTPUT}/Doxyfile "@INCLUDE = ${SOURCE_DIR}/docs/Doxyfile
OUTPUT_DIRECTORY = ${OUTPUT}
PROJECT_NUMBER = ${VERSION}
WARN_LOGFILE = ${log}
")
execute_process(COMMAND ${DOXYGEN} ${OUTPUT}/Doxyfile WORKING_DIRECTORY ${SOURCE_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(warnings "")
if(EXISTS ${log})
  file(READ ${log} warnings)
endif()
if(rc OR NOT warnings STREQUAL "")
  message(FATAL_ERROR "doxygen failed (exit ${rc}); its warnings:\n${warnings}${err}")
endif()
message("doxygen ok: ${OUTPUT}/html/index.html")
