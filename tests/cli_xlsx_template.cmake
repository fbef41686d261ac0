# `chitieu template --format xlsx` writes a workbook, and `chitieu score --data` reads it back: blank,
# it has no unit to score (exit 3, the data is broken, said in Vietnamese); listing the units of a submission (--units), it
# reads back with those units, under the right parents. With --lang en, the template's sheets and the
# score's data issues are in English. Arguments: EXE, RULES, UNITS, WORK_DIR.
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
if(NOT rc EQUAL 3 OR NOT err MATCHES "không có dòng số liệu nào")
  message(FATAL_ERROR "score of a blank template: exit code ${rc}\n${out}${err}")
endif()
execute_process(COMMAND ${EXE} template ${RULES} --kind commune --format xlsx --units ${UNITS}
                        --output ${WORK_DIR}/root.xlsx RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 1 OR NOT err MATCHES "is a province, not a commune; name one with --unit ID")
  message(FATAL_ERROR "template --units without --unit: exit code ${rc}\n${err}")
endif()
execute_process(COMMAND ${EXE} template ${RULES} --kind commune --format xlsx --units ${UNITS} --unit bn-kinhbac
                        --output ${WORK_DIR}/kinhbac.xlsx RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "template --units --unit: exit code ${rc}\n${err}")
endif()
execute_process(COMMAND ${EXE} score ${RULES} --data ${WORK_DIR}/kinhbac.xlsx --as-of 2026-12-31 --format json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(JSON root_id GET "${out}" units 0 id)
string(JSON units LENGTH "${out}" units)
string(JSON first_school GET "${out}" units 1 name)
if(NOT root_id STREQUAL "bn-kinhbac" OR NOT units EQUAL 4 OR NOT first_school STREQUAL "Trường Mầm non Kinh Bắc")
  message(FATAL_ERROR "score of the listed units: ${root_id}, ${units} units, ${first_school}\n${err}")
endif()
# In English: an `Instructions` sheet, and the blank template's one issue said in English (same exit code).
file(MAKE_DIRECTORY ${WORK_DIR}/en)
execute_process(COMMAND ${EXE} --lang en template ${RULES} --kind commune --format xlsx --year 2026
                        --output ${WORK_DIR}/en/template.xlsx RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "template --lang en: exit code ${rc}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E tar xf template.xlsx WORKING_DIRECTORY ${WORK_DIR}/en RESULT_VARIABLE rc)
file(READ ${WORK_DIR}/en/xl/workbook.xml book)
if(NOT rc EQUAL 0 OR NOT book MATCHES "name=\"Instructions\"")
  message(FATAL_ERROR "template --lang en: no Instructions sheet\n${book}")
endif()
execute_process(COMMAND ${EXE} --lang en score ${RULES} --data ${WORK_DIR}/en/template.xlsx --as-of 2026-12-31
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 3 OR NOT err MATCHES "there are no rows of figures \\(one row per unit, below the heading rows\\) \\[data.missing_member\\]")
  message(FATAL_ERROR "score --lang en of a blank template: exit code ${rc}\n${out}${err}")
endif()
message("xlsx template ok")
