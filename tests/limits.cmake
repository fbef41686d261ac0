# Hostile shapes at sizes that used to crash or hang the tool: each must end within the timeout and
# under the memory cap with a diagnostic and an exit code of 0, 1 or 2 (never a signal). Arguments:
# EXE, WORK (a scratch folder), ASAN (ON when EXE is built with AddressSanitizer). Runs under
# `sh -c "ulimit -v …"` so that a blow-up is an error, not a swap storm. AddressSanitizer cannot start
# under `ulimit -v` (its shadow memory reserves terabytes of address space): there its own cap on the
# resident memory stands in, with room for the shadow and the quarantine (a sanitizer report aborts, and
# a signal is not 0, 1 or 2).
cmake_policy(SET CMP0057 NEW)
if(ASAN)
  set(memory_cap "export ASAN_OPTIONS=\"$ENV{ASAN_OPTIONS}:hard_rss_limit_mb=3000\";")
else()
  set(memory_cap "ulimit -v 2000000;")
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(head "unit province \"Tỉnh\" counted \"tỉnh\"\nfield province.x : percent \"X\"\nfield province.b : bool \"B\"\ndocument kh { number \"01\" title \"K\" }\n")
file(WRITE ${WORK}/data.json "{\"kind\": \"province\", \"id\": \"p\", \"name\": \"P\", \"values\": {\"2026\": {\"x\": 50, \"b\": true}}}\n")

# name | rule file text | what the output must say
set(cases "")
function(add_case name text expect)
  file(WRITE ${WORK}/${name}.ct "${head}${text}")
  set(cases ${cases} ${name} PARENT_SCOPE)
  set(expect_${name} "${expect}" PARENT_SCOPE)
endfunction()

# A chain of 20,000 `+`: once crashed `score` in the interpreter.
string(REPEAT " + x" 20000 plus)
add_case(plus_chain "target T1 \"T\" { applies to province measure x${plus} >= 1% by 2030 }\n" "sema\\.too_deep")
# 20,000 `not` and 20,000 unary minus signs.
string(REPEAT "not " 20000 nots)
add_case(not_chain "target T1 \"T\" { applies to province measure share(province, ${nots}b) >= 1% by 2030 }\n" "too_deep")
string(REPEAT "-" 20000 minuses)
add_case(minus_chain "target T1 \"T\" { applies to province measure ${minuses}x >= 1% by 2030 }\n" "too_deep")
# 5,000 indicators, each the previous one: once overflowed the checker's stack.
set(aliases "indicator a0 \"a\" = x\n")
foreach(k RANGE 1 4999)
  math(EXPR before "${k} - 1")
  string(APPEND aliases "indicator a${k} \"a\" = a${before}\n")
endforeach()
add_case(indicator_chain "${aliases}target T1 \"T\" { applies to province measure a4999 >= 1% by 2030 }\n" "sema\\.too_deep")
# 10,000 targets, each the parent of the next: the plan checks were cubic in the chain (61 s).
set(parents "target T0 \"T\" { applies to province measure x >= 1% by 2030 }\n")
foreach(k RANGE 1 9999)
  math(EXPR before "${k} - 1")
  string(APPEND parents "target T${k} \"T\" { applies to province parent T${before} measure x >= 1% by 2030 }\n")
endforeach()
add_case(parent_chain "${parents}" "graph\\.unserved_target")
# 40 indicators, each the previous one twice ("diamond"): 1.3 KB that expanded to 2^40 nodes.
set(diamond "indicator d0 \"d\" = x\n")
foreach(k RANGE 1 39)
  math(EXPR before "${k} - 1")
  string(APPEND diamond "indicator d${k} \"d\" = d${before} + d${before}\n")
endforeach()
add_case(indicator_diamond "${diamond}target T1 \"T\" { applies to province measure d39 >= 1% by 2030 }\n" "sema\\.too_large")
# 40 indicators, each the previous one times itself: the unit of measure doubled at each (6.4 GB in a
# minute, once indicators were shared).
string(REPLACE "+" "*" products "${diamond}")
string(REPLACE "= x" "= m" products "${products}")
add_case(unit_diamond "field province.m : money \"M\"\n${products}obligation O1 \"O\" { applies to province every year from 2026 require d39 > 1 }\n" "sema\\.unit_too_complex")
# A number past a double's range: reported at the number itself.
add_case(huge_number "target T1 \"T\" { applies to province measure x >= 1e400 by 2030 }\n" "huge_number\\.ct:5:[0-9]+: error: .*\\[syntax\\.number_range\\]")

foreach(name IN LISTS cases)
  foreach(command check score)
    set(args "${command} ${WORK}/${name}.ct")
    if(command STREQUAL "score")
      string(APPEND args " --data ${WORK}/data.json --as-of 2026-12-31 --format json")
    endif()
    execute_process(COMMAND sh -c "${memory_cap} exec timeout 60 \"${EXE}\" ${args}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc MATCHES "^[012]$")
      string(SUBSTRING "${err}" 0 300 shown)
      message(FATAL_ERROR "${name}: `${command}` ended with ${rc} (not 0, 1 or 2):\n${shown}")
    endif()
    if(command STREQUAL "check" AND NOT "${out}${err}" MATCHES "${expect_${name}}")
      message(FATAL_ERROR "${name}: `check` does not say ${expect_${name}}")
    endif()
  endforeach()
  message("${name}: ok")
endforeach()

# A submission past --max-data-mb is refused before it is parsed (before it is read, for a file): exit 3
# with data.too_large, also on standard input; as a line of `batch`, a rejection record.
file(WRITE ${WORK}/ok.ct "${head}target T1 \"T\" { applies to province measure x >= 1% by 2030 }\n")
string(REPEAT " " 2100000 blanks)
file(WRITE ${WORK}/big.json "${blanks}{\"kind\": \"province\", \"id\": \"p\", \"name\": \"P\"}\n")
foreach(how file stdin batch)
  set(expected_rc 3)
  if(how STREQUAL "file")
    set(command "score ${WORK}/ok.ct --data ${WORK}/big.json --max-data-mb 1")
  elseif(how STREQUAL "stdin")
    set(command "score ${WORK}/ok.ct --data - --max-data-mb 1 < ${WORK}/big.json")
  else()
    set(command "batch ${WORK}/ok.ct --data ${WORK}/big.json --max-data-mb 1 --as-of 2026-12-31")
    set(expected_rc 0)
  endif()
  execute_process(COMMAND sh -c "exec timeout 60 \"${EXE}\" ${command}" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc OR NOT "${out}${err}" MATCHES "data\\.too_large")
    string(SUBSTRING "${out}${err}" 0 300 shown)
    message(FATAL_ERROR "too large (${how}): exit ${rc}, expected ${expected_rc} and data.too_large:\n${shown}")
  endif()
  message("too large (${how}): ok")
endforeach()
