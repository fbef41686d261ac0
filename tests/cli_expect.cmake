# Runs a command and fails unless it exits with EXIT and its output (standard output and error
# together) matches REGEX. Arguments: EXE, ARGS (separated by |), EXIT, REGEX; INPUT, when given, is
# the file fed to its standard input.
string(REPLACE "|" ";" args "${ARGS}")
if(DEFINED INPUT)
  set(stdin INPUT_FILE ${INPUT})
endif()
execute_process(COMMAND ${EXE} ${args} ${stdin} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL EXIT)
  message(FATAL_ERROR "exit code ${rc}, expected ${EXIT}\n${out}${err}")
endif()
if(NOT "${out}${err}" MATCHES "${REGEX}")
  message(FATAL_ERROR "output does not match '${REGEX}':\n${out}${err}")
endif()
