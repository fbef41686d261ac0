# Shared by the browser tests: writes the scorecard page of `chitieu ARGS… --format html EXTRA…` to
# WORK_DIR/NAME.html and has headless Chromium build its DOM. Sets `page`, `browser` (the command line,
# with a profile of its own so the test neither reads nor writes the user's browser settings) and `dom`.
# Expects EXE, CHROMIUM, NAME, WORK_DIR and ARGS ("score|…") to be defined.
function(render_page)
  file(MAKE_DIRECTORY ${WORK_DIR})
  string(REPLACE "|" ";" args "${ARGS}")
  set(page ${WORK_DIR}/${NAME}.html)
  execute_process(COMMAND ${EXE} ${args} --format html ${ARGN} OUTPUT_FILE ${page} ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc MATCHES "^[02]$")  # 2: the submission has problems, which the page shows
    message(FATAL_ERROR "chitieu exited with ${rc}: ${err}")
  endif()
  set(browser ${CHROMIUM} --headless --disable-gpu --no-sandbox --no-first-run --hide-scrollbars
      --user-data-dir=${WORK_DIR}/profile-${NAME})
  execute_process(COMMAND ${browser} --dump-dom file://${page}
                  OUTPUT_VARIABLE dom ERROR_VARIABLE browser_err RESULT_VARIABLE rc TIMEOUT 120)
  if(rc OR dom STREQUAL "")
    message(FATAL_ERROR "chromium could not render ${page} (${rc}): ${browser_err}")
  endif()
  set(page "${page}" PARENT_SCOPE)
  set(browser "${browser}" PARENT_SCOPE)
  set(dom "${dom}" PARENT_SCOPE)
endfunction()
