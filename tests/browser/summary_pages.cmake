# The leadership's page (`--summary`) printed by headless Chromium: what needs action is grouped by the
# body that must act, one row per item, and the whole prints on at most MAX_PAGES A4 pages (96 items of
# the Bắc Ninh province took 16 pages before the grouping; docs/scorecard.md, The HTML page).
# -DEXE=chitieu -DCHROMIUM=… -DNAME=case -DWORK_DIR=… -DMAX_PAGES=n -DARGS="score|…"
include(${CMAKE_CURRENT_LIST_DIR}/render_page.cmake)
render_page(--summary)
# Every item row sits in a group headed by who must act, and no group is empty.
string(REGEX MATCHALL "<tr class=\"agency-row\">" groups "${dom}")
string(REGEX MATCHALL "<tr class=\"[a-z]+\" data-rank=\"[0-9]\">" items "${dom}")
list(LENGTH groups group_count)
list(LENGTH items item_count)
if(group_count EQUAL 0 OR item_count LESS group_count)
  message(FATAL_ERROR "${NAME}: ${group_count} agency groups for ${item_count} items")
endif()
if(dom MATCHES "id=\"chi-tiet\"")
  message(FATAL_ERROR "${NAME}: the leadership's page shows the details")
endif()
execute_process(COMMAND ${browser} --print-to-pdf=${WORK_DIR}/${NAME}.pdf --no-pdf-header-footer file://${page}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET TIMEOUT 120)
if(rc OR NOT EXISTS ${WORK_DIR}/${NAME}.pdf)
  message(FATAL_ERROR "${NAME}: no PDF (${rc})")
endif()
file(STRINGS ${WORK_DIR}/${NAME}.pdf boxes REGEX "/MediaBox")
list(LENGTH boxes pages)
if(pages EQUAL 0 OR pages GREATER MAX_PAGES)
  message(FATAL_ERROR "${NAME}: ${item_count} items print on ${pages} A4 pages, more than ${MAX_PAGES}")
endif()
message("summary ok: ${item_count} items in ${group_count} groups on ${pages} A4 pages")
