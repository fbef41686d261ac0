# A template workbook saved again by a real office suite (LibreOffice, headless) still reads back: the
# suite rewrites every part (shared strings, styles, validations) its own way. The same for a template
# written in English (`--lang en`), whose `Instructions` sheet is skipped as `Hướng dẫn` is. Arguments:
# EXE, SOFFICE, RULES, UNITS, WORK_DIR.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/office)
execute_process(COMMAND ${EXE} template ${RULES} --kind commune --format xlsx --year 2026 --units ${UNITS}
                        --unit bn-kinhbac --output ${WORK_DIR}/mau.xlsx RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "template: exit code ${rc}\n${err}")
endif()
execute_process(COMMAND ${EXE} --lang en template ${RULES} --kind commune --format xlsx --year 2026 --units ${UNITS}
                        --unit bn-kinhbac --output ${WORK_DIR}/en.xlsx RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "template --lang en: exit code ${rc}\n${err}")
endif()
# A private profile, so that a running office or another test does not hold the lock.
execute_process(COMMAND ${SOFFICE} --headless --norestore -env:UserInstallation=file://${WORK_DIR}/profile
                        --convert-to xlsx --outdir ${WORK_DIR}/office ${WORK_DIR}/mau.xlsx ${WORK_DIR}/en.xlsx
                TIMEOUT 240 RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${WORK_DIR}/office/mau.xlsx)
  message(FATAL_ERROR "LibreOffice did not save the workbook (${rc})\n${out}${err}")
endif()
execute_process(COMMAND ${EXE} score ${RULES} --data ${WORK_DIR}/office/mau.xlsx --as-of 2026-12-31 --format json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(JSON root_id ERROR_VARIABLE json_error GET "${out}" units 0 id)
string(JSON units ERROR_VARIABLE json_error LENGTH "${out}" units)
string(JSON last_school ERROR_VARIABLE json_error GET "${out}" units 3 name)
if(NOT root_id STREQUAL "bn-kinhbac" OR NOT units EQUAL 4
   OR NOT last_school STREQUAL "Trường Tiểu học, THCS và THPT Quốc tế Kinh Bắc (tư thục)")
  message(FATAL_ERROR "score of the re-saved workbook: ${root_id}, ${units} units, ${last_school} ${json_error}\n${err}")
endif()
execute_process(COMMAND ${EXE} --lang en score ${RULES} --data ${WORK_DIR}/office/en.xlsx --as-of 2026-12-31 --format json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(JSON units ERROR_VARIABLE json_error LENGTH "${out}" units)
if(NOT units EQUAL 4 OR out MATCHES "data\\.table_layout")
  message(FATAL_ERROR "score of the re-saved English workbook: ${units} units ${json_error}\n${out}${err}")
endif()
message("office round trip ok")
