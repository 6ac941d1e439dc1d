# Trust defect 6: a print page made again at start-up (its record saved, the
# page lost) came out in the staff language while a save wrote English. Now
# both use the staff language: the page made again is byte for byte the
# page the save wrote.
#   cmake -DPAINMAP=... -DDATA=... -DREPLAY=tests/replay -DOUT=... -P page_language.cmake
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${PAINMAP} --replay ${REPLAY}/walk.replay --data ${DATA} --shots ${OUT}
                        --state ${OUT}/state --config ${REPLAY}/page_language.conf
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the walk failed (exit ${rc})")
endif()
file(GLOB pages ${OUT}/state/intakes/*.html)
list(LENGTH pages n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one print page, found ${n}")
endif()
file(READ ${pages} saved)
if(NOT saved MATCHES "<html lang=\"es\">")
  message(FATAL_ERROR "the saved page is not in the staff language (es)")
endif()
file(REMOVE ${pages})
file(WRITE ${OUT}/quit.replay "quit\n")
execute_process(COMMAND ${PAINMAP} --replay ${OUT}/quit.replay --data ${DATA}
                        --state ${OUT}/state --config ${REPLAY}/page_language.conf
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS ${pages})
  message(FATAL_ERROR "the next start did not make the page again (exit ${rc})")
endif()
file(READ ${pages} again)
if(NOT again STREQUAL saved)
  message(FATAL_ERROR "the page made again differs from the page the save wrote")
endif()
message(STATUS "page language ok: saved and made again in es, identical")
