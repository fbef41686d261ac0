# `chitieu verify` on a scorecard it wrote: the same files match; another submission, or a report edited
# by hand, does not. Arguments: CHITIEU, RULES, DATA, OTHER_DATA, WORK.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
function(run expected_code expected_text)
  execute_process(COMMAND "${CHITIEU}" ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL expected_code OR NOT out MATCHES "${expected_text}")
    message(FATAL_ERROR "chitieu ${ARGN}\nexit ${code} (expected ${expected_code})\n${out}${err}")
  endif()
endfunction()
foreach(format text json csv html)
  execute_process(COMMAND "${CHITIEU}" score "${RULES}" --document bn_ctr04 --data "${DATA}" --as-of 2026-12-31
                          --format ${format} OUTPUT_FILE "${WORK}/report.${format}")
  run(0 "nội dung: khớp\nKết luận: báo cáo đúng" verify "${WORK}/report.${format}" --document bn_ctr04 "${RULES}" --data "${DATA}")
  run(2 "bài nộp: KHÔNG KHỚP" verify "${WORK}/report.${format}" "${RULES}" --document bn_ctr04 --data "${OTHER_DATA}")
endforeach()
# An edited verdict: same inputs, other content.
file(READ "${WORK}/report.text" text)
string(REPLACE "[Không đạt]" "[Đạt]" edited "${text}")
file(WRITE "${WORK}/edited.txt" "${edited}")
run(2 "nội dung: KHÔNG KHỚP" verify "${WORK}/edited.txt" "${RULES}" --document bn_ctr04 --data "${DATA}")
# A report that states nothing cannot be checked.
file(WRITE "${WORK}/bare.txt" "Điểm tổng hợp: 90/100\n")
run(1 "" verify "${WORK}/bare.txt" "${RULES}" --data "${DATA}")
message(STATUS "verify ok")
