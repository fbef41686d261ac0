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
# The same files by other paths (a symbolic link to the folder, a path through ..): the report lists
# the names the digest uses, not the paths given, so the JSON report recomputed from them is the same.
file(CREATE_LINK "${RULES}" "${WORK}/linked_rules" SYMBOLIC)
get_filename_component(rules_name "${RULES}" NAME)
foreach(other "${WORK}/linked_rules" "${RULES}/../${rules_name}")
  run(0 "quy tắc: khớp\n  bài nộp: khớp\n  nội dung: khớp" verify "${WORK}/report.json" --document bn_ctr04 "${other}" --data "${DATA}")
endforeach()
file(READ "${WORK}/report.json" json)
if(NOT json MATCHES "\"rule_files\": \\[\n +\"[a-z_0-9]+\\.ct\"" OR json MATCHES "\"rule_files\":[^]]*/")
  message(FATAL_ERROR "rule_files should list file names without folders:\n${json}")
endif()
# A report in English states its provenance in English, and verify says so in the language asked.
execute_process(COMMAND "${CHITIEU}" --lang en score "${RULES}" --document bn_ctr04 --data "${DATA}" --as-of 2026-12-31
                OUTPUT_FILE "${WORK}/report.en.text")
file(READ "${WORK}/report.en.text" english)
if(NOT english MATCHES "Computed from: chitieu [0-9.]+; judged as of 2026-12-31; rules sha256 [0-9a-f]+ \\([a-z_0-9]+\\.ct, ")
  message(FATAL_ERROR "no English provenance line:\n${english}")
endif()
run(0 "  content: match\nConclusion: the report is what these files give." --lang en verify "${WORK}/report.en.text" --document bn_ctr04 "${RULES}" --data "${DATA}")
run(0 "nội dung: khớp" verify "${WORK}/report.en.text" --document bn_ctr04 "${RULES}" --data "${DATA}")
run(2 "  submission: DO NOT MATCH\nConclusion: the report was NOT computed from these files." --lang en verify "${WORK}/report.en.text" --document bn_ctr04 "${RULES}" --data "${OTHER_DATA}")
# An edited verdict: same inputs, other content.
file(READ "${WORK}/report.text" text)
string(REPLACE "[Không đạt]" "[Đạt]" edited "${text}")
file(WRITE "${WORK}/edited.txt" "${edited}")
run(2 "nội dung: KHÔNG KHỚP" verify "${WORK}/edited.txt" "${RULES}" --document bn_ctr04 --data "${DATA}")
# A report that states nothing cannot be checked.
file(WRITE "${WORK}/bare.txt" "Điểm tổng hợp: 90/100\n")
run(1 "" verify "${WORK}/bare.txt" "${RULES}" --data "${DATA}")
message(STATUS "verify ok")
