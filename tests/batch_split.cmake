cmake_policy(SET CMP0057 NEW)  # IN_LIST
# `chitieu batch` on NDJSON with malformed lines mixed in: records in = records out, the rejected lines
# are where they were, a record is the scorecard `score` gives for that line alone, and two halves
# scored apart and put together give the bytes of the whole run (docs/scale.md).
# Arguments: EXE, RULES, INPUT (NDJSON), WORK (a scratch folder), REJECTED (the 1-based record numbers
# expected to be rejected, separated by |).
set(as_of 2026-12-31)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

function(run_batch input output)
  execute_process(COMMAND ${EXE} batch ${RULES} --data ${input} --as-of ${as_of}
                  RESULT_VARIABLE rc OUTPUT_FILE ${output} ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "batch on ${input}: exit ${rc}\n${err}")
  endif()
  set(summary "${err}" PARENT_SCOPE)
endfunction()

# The non-blank lines of `text`, as offsets: `starts` and `ends` (exclusive).
function(lines_of text starts_var ends_var)
  set(starts "")
  set(ends "")
  string(LENGTH "${text}" size)
  set(at 0)
  while(at LESS size)
    string(SUBSTRING "${text}" ${at} -1 rest)
    string(FIND "${rest}" "\n" newline)
    if(newline EQUAL -1)
      set(newline ${size})
      math(EXPR newline "${size} - ${at}")
    endif()
    if(newline GREATER 0)
      list(APPEND starts ${at})
      math(EXPR end "${at} + ${newline}")
      list(APPEND ends ${end})
    endif()
    math(EXPR at "${at} + ${newline} + 1")
  endwhile()
  set(${starts_var} "${starts}" PARENT_SCOPE)
  set(${ends_var} "${ends}" PARENT_SCOPE)
endfunction()

file(READ ${INPUT} input)
lines_of("${input}" in_starts in_ends)
list(LENGTH in_starts records_in)

# The whole run.
run_batch(${INPUT} ${WORK}/all.ndjson)
file(READ ${WORK}/all.ndjson all)
lines_of("${all}" out_starts out_ends)
list(LENGTH out_starts records_out)
if(NOT records_in EQUAL records_out)
  message(FATAL_ERROR "${records_in} records in, ${records_out} out")
endif()
if(NOT summary MATCHES "${records_in} (records in|bản ghi vào)")
  message(FATAL_ERROR "the summary does not count ${records_in} records: ${summary}")
endif()

# Each record is rejected exactly where expected, and the others are scorecards.
string(REPLACE "|" ";" rejected "${REJECTED}")
math(EXPR last "${records_out} - 1")
foreach(i RANGE ${last})
  list(GET out_starts ${i} from)
  list(GET out_ends ${i} to)
  math(EXPR length "${to} - ${from}")
  string(SUBSTRING "${all}" ${from} ${length} record)
  math(EXPR number "${i} + 1")
  string(JSON kind ERROR_VARIABLE none TYPE "${record}" rejected)
  string(JSON units ERROR_VARIABLE no_units TYPE "${record}" units)
  if(number IN_LIST rejected)
    if(NOT kind STREQUAL "OBJECT" OR NOT units MATCHES "NOTFOUND$")
      message(FATAL_ERROR "record ${number} should be a rejection: ${record}")
    endif()
  elseif(NOT units STREQUAL "ARRAY" OR NOT kind MATCHES "NOTFOUND$")
    message(FATAL_ERROR "record ${number} should be a scorecard")
  endif()
endforeach()

# The first record is what `score` gives for its line alone (compact rather than indented).
list(GET in_starts 0 from)
list(GET in_ends 0 to)
math(EXPR length "${to} - ${from}")
string(SUBSTRING "${input}" ${from} ${length} first_line)
file(WRITE ${WORK}/first.json "${first_line}")
execute_process(COMMAND ${EXE} score ${RULES} --data ${WORK}/first.json --as-of ${as_of} --format json
                OUTPUT_VARIABLE scored RESULT_VARIABLE rc)
list(GET out_ends 0 to)
string(SUBSTRING "${all}" 0 ${to} first_record)
string(JSON same EQUAL "${scored}" "${first_record}")
if(NOT same)
  message(FATAL_ERROR "the first record differs from `score --format json` on its line")
endif()

# A record can be verified like any report, from the line it scored.
file(WRITE ${WORK}/first_record.json "${first_record}\n")
execute_process(COMMAND ${EXE} verify ${WORK}/first_record.json ${RULES} --data ${WORK}/first.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE said)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "verify on the first record: exit ${rc}\n${said}")
endif()

# Two halves, scored apart, put together.
math(EXPR middle "${records_in} / 2")
list(GET in_starts ${middle} cut)
string(SUBSTRING "${input}" 0 ${cut} first_half)
string(SUBSTRING "${input}" ${cut} -1 second_half)
file(WRITE ${WORK}/part1.ndjson "${first_half}")
file(WRITE ${WORK}/part2.ndjson "${second_half}")
run_batch(${WORK}/part1.ndjson ${WORK}/out1.ndjson)
run_batch(${WORK}/part2.ndjson ${WORK}/out2.ndjson)
file(READ ${WORK}/out1.ndjson out1)
file(READ ${WORK}/out2.ndjson out2)
if(NOT "${out1}${out2}" STREQUAL "${all}")
  message(FATAL_ERROR "the two halves put together differ from the whole run")
endif()
message("batch ok: ${records_in} records in and out; split at record ${middle}")
