# `chitieu template --format xlsx` writes a workbook, and `chitieu score --data` reads it back: blank,
# it has no unit to score (exit 1, said in Vietnamese). Arguments: EXE, RULES, WORK_DIR.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(COMMAND ${EXE} template ${RULES} --kind commune --format xlsx --year 2025 --year 2026
                        --output ${WORK_DIR}/mau.xlsx RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT EXISTS ${WORK_DIR}/mau.xlsx)
  message(FATAL_ERROR "template: exit code ${rc}\n${err}")
endif()
file(READ ${WORK_DIR}/mau.xlsx head LIMIT 2 HEX)
if(NOT head STREQUAL "504b")  # "PK", a zip container
  message(FATAL_ERROR "template: not a zip container")
endif()
execute_process(COMMAND ${EXE} template ${RULES} --kind commune --format xlsx RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "needs --output")
  message(FATAL_ERROR "template without --output: exit code ${rc}\n${err}")
endif()
execute_process(COMMAND ${EXE} score ${RULES} --data ${WORK_DIR}/mau.xlsx --as-of 2026-12-31
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "không có dòng số liệu nào")
  message(FATAL_ERROR "score of a blank template: exit code ${rc}\n${out}${err}")
endif()
message("xlsx template ok")
