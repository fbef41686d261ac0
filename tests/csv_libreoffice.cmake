# The CSV scorecard read by a real spreadsheet: LibreOffice imports it as Excel set to Vietnamese opens
# it (separator ';', UTF-8, language vi-VN) and saves it again as a plain CSV in en-US conventions. A
# number the spreadsheet took for a number comes back with a decimal point and no quotes; one it took for
# text would come back quoted, with its comma. Arguments: CHITIEU, SOFFICE, RULES, DATA, DOCUMENT, WORK.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/out")
execute_process(COMMAND "${CHITIEU}" score "${RULES}" --document "${DOCUMENT}" --data "${DATA}"
                        --as-of 2026-12-31 --format csv
                OUTPUT_FILE "${WORK}/scorecard.csv" RESULT_VARIABLE scored)
if(NOT scored MATCHES "^[02]$")
  message(FATAL_ERROR "chitieu score failed (${scored})")
endif()
execute_process(COMMAND "${SOFFICE}" "-env:UserInstallation=file://${WORK}/profile" --headless
                        "--infilter=CSV:59,34,76,1,,1066" "--convert-to" "csv:Text - txt - csv (StarCalc):44,34,76,1"
                        --outdir "${WORK}/out" "${WORK}/scorecard.csv"
                RESULT_VARIABLE converted OUTPUT_QUIET ERROR_QUIET TIMEOUT 180)
if(NOT converted EQUAL 0 OR NOT EXISTS "${WORK}/out/scorecard.csv")
  message(FATAL_ERROR "LibreOffice could not convert the scorecard (${converted})")
endif()
file(READ "${WORK}/scorecard.csv" original)
file(READ "${WORK}/out/scorecard.csv" sheet)
if(NOT sheet MATCHES "^\"Mã đơn vị\",\"Tên đơn vị\"")
  message(FATAL_ERROR "the header did not survive as UTF-8:\n${sheet}")
endif()
if(sheet MATCHES "(^|,)\"-?[0-9]+,[0-9]+\"(,|\n)")
  message(FATAL_ERROR "a number was read as text: ${CMAKE_MATCH_0}")
endif()
if(NOT sheet MATCHES ",\"Chỉ tiêu\",[^\n]*,[0-9]+\\.[0-9]+,")
  message(FATAL_ERROR "no target row with a decimal number read as a number:\n${sheet}")
endif()
string(REGEX MATCHALL "\n" original_lines "${original}")
string(REGEX MATCHALL "\n" sheet_lines "${sheet}")
list(LENGTH original_lines rows_written)
list(LENGTH sheet_lines rows_read)
if(NOT rows_written EQUAL rows_read)
  message(FATAL_ERROR "${rows_written} rows written, ${rows_read} read back")
endif()
message(STATUS "LibreOffice read ${rows_read} rows; numbers as numbers, Vietnamese intact")
