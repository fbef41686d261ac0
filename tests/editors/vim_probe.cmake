# Vim loads the syntax file from editors/vim by file type and highlights the sample as expected.
# Arguments: VIM, ROOT, WORK_DIR.
file(MAKE_DIRECTORY ${WORK_DIR})
set(ENV{PROBE_OUT} ${WORK_DIR}/probe.out)
execute_process(COMMAND ${VIM} -u NONE -N -es --cmd "set rtp^=${ROOT}/editors/vim"
                        -c "filetype plugin on" -c "syntax on" -c "edit ${ROOT}/tests/editors/sample.ct"
                        -S ${ROOT}/tests/editors/probe.vim
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET TIMEOUT 20)
file(READ ${WORK_DIR}/probe.out out)
string(STRIP "${out}" out)
string(REPLACE "\n" ";" lines "${out}")
string(CONCAT expected "chitieu;1:1 chitieuDeclaration;1:11 chitieuString;1:22 chitieuComment;"
       "2:3 chitieuKeyword;2:11 chitieuFunction;2:24 chitieuOperatorWord;2:40 chitieuOperatorWord;"
       "2:60 chitieuNumber;2:64 chitieuKeyword;2:67 chitieuDate")
if(NOT lines STREQUAL expected)
  message(FATAL_ERROR "vim highlighted:\n${lines}\nexpected:\n${expected}")
endif()
message("vim ok")
