# Renders one scorecard as HTML, opens it in headless Chromium and checks the DOM the browser built:
# the summary comes before the details, the first item needing action is a failing one, and every
# item and target needing action names who must act or says why no one. Leaves screenshots (desktop,
# phone) and an A4 PDF in WORK_DIR for a person to look at.
# -DEXE=chitieu -DCHROMIUM=… -DNAME=case -DWORK_DIR=… -DARGS="score|…" (the score command's arguments)
include(${CMAKE_CURRENT_LIST_DIR}/render_page.cmake)
render_page()
file(WRITE ${WORK_DIR}/${NAME}.dom.html "${dom}")

string(FIND "${dom}" "id=\"tom-tat\"" summary_at)
string(FIND "${dom}" "id=\"chi-tiet\"" details_at)
if(summary_at EQUAL -1 OR details_at EQUAL -1 OR NOT summary_at LESS details_at)
  message(FATAL_ERROR "${NAME}: the summary (${summary_at}) must come before the details (${details_at})")
endif()

# Items needing action, in page order: the first must be a failing one (not met or overdue: rank 0 or 1).
string(REGEX MATCHALL "<li class=\"action [a-z]+\" data-rank=\"[0-9]\">" actions "${dom}")
list(LENGTH actions action_count)
if(action_count EQUAL 0)
  message(FATAL_ERROR "${NAME}: a failing submission must list items needing action")
endif()
list(GET actions 0 first)
if(NOT first MATCHES "class=\"action bad\" data-rank=\"[01]\"")
  message(FATAL_ERROR "${NAME}: the first item needing action is not a failing one: ${first}")
endif()

# Every action item and every target or obligation needing action says who must act, or why no one.
# Blocks are cut at their opening tag; the text up to the next block is the block's.
function(check_who kind open)
  string(REPLACE "${open}" "\n@@BLOCK@@" cut "${dom}")
  string(REPLACE ";" "," cut "${cut}")  # list separators, and brackets that would stop splitting
  string(REPLACE "[" "(" cut "${cut}")
  string(REPLACE "]" ")" cut "${cut}")
  string(REPLACE "\n@@BLOCK@@" ";" blocks "${cut}")
  list(POP_FRONT blocks)  # before the first block
  set(checked 0)
  foreach(block IN LISTS blocks)
    if(NOT kind STREQUAL "action" AND NOT block MATCHES "^[^>]*data-action=\"yes\"")
      continue()
    endif()
    math(EXPR checked "${checked} + 1")
    if(NOT block MATCHES "class=\"who\">(Chịu trách nhiệm: <b>[^<]+</b>|<span class=\"no-agency\">Chịu trách nhiệm: [^<]+</span>)")
      string(SUBSTRING "${block}" 0 300 head)
      message(FATAL_ERROR "${NAME}: a ${kind} needing action names no agency and says not why: ${head}")
    endif()
  endforeach()
  set(${kind}_checked ${checked} PARENT_SCOPE)
endfunction()
check_who(action "<li class=\"action ")
check_who(target "<article class=\"item target ")
check_who(obligation "<article class=\"item obligation ")

# The units table sorts in the browser: a click on "Đơn vị" orders the rows by name and marks the column.
string(REGEX MATCHALL "<tr class=\"[a-z]+\" data-name=\"[^\"]*\"" rows "${dom}")
list(LENGTH rows row_count)
if(row_count GREATER 1)
  file(READ ${page} html)
  string(REPLACE "</body>" "<script>document.querySelector('th[data-key=name]').click();</script></body>" html "${html}")
  file(WRITE ${WORK_DIR}/${NAME}.sorted.html "${html}")
  execute_process(COMMAND ${browser} --dump-dom file://${WORK_DIR}/${NAME}.sorted.html
                  OUTPUT_VARIABLE sorted ERROR_QUIET RESULT_VARIABLE rc TIMEOUT 120)
  string(REGEX MATCHALL "<tr class=\"[a-z]+\" data-name=\"[^\"]*\"" sorted_rows "${sorted}")
  list(LENGTH sorted_rows sorted_count)
  if(rc OR NOT sorted MATCHES "data-key=\"name\"[^>]*aria-sort=\"ascending\"" OR NOT sorted_count EQUAL row_count)
    message(FATAL_ERROR "${NAME}: sorting the units table by name did not work (${rc}, ${sorted_count} of ${row_count} rows)")
  endif()
endif()

# Pictures for a person: the desktop and the phone, and the A4 print.
foreach(shot IN ITEMS "desktop;1280,900" "phone;390,844")
  list(GET shot 0 label)
  list(GET shot 1 size)
  execute_process(COMMAND ${browser} --screenshot=${WORK_DIR}/${NAME}-${label}.png --window-size=${size} file://${page}
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET TIMEOUT 120)
  if(rc OR NOT EXISTS ${WORK_DIR}/${NAME}-${label}.png)
    message(FATAL_ERROR "${NAME}: no ${label} screenshot (${rc})")
  endif()
endforeach()
execute_process(COMMAND ${browser} --print-to-pdf=${WORK_DIR}/${NAME}.pdf --no-pdf-header-footer file://${page}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET TIMEOUT 120)
if(rc OR NOT EXISTS ${WORK_DIR}/${NAME}.pdf)
  message(FATAL_ERROR "${NAME}: no PDF (${rc})")
endif()
# The print CSS asks for A4: every page of the PDF is 210 × 297 mm (595 × 842 points).
file(STRINGS ${WORK_DIR}/${NAME}.pdf boxes REGEX "/MediaBox")
list(LENGTH boxes pages)
foreach(box IN LISTS boxes)
  if(NOT box MATCHES "/MediaBox \\[0 0 59[45](\\.[0-9]+)? 84[12](\\.[0-9]+)?\\]")
    message(FATAL_ERROR "${NAME}: a PDF page is not A4: ${box}")
  endif()
endforeach()
if(pages EQUAL 0)
  message(FATAL_ERROR "${NAME}: the PDF has no pages")
endif()
message("browser ok: ${action_count} items needing action, ${target_checked} targets and ${obligation_checked} obligations needing action name who acts; ${pages} A4 pages")
