# The content cache end to end (content.h): a first start parses the JSON
# and writes STATE/content.cache; a second start with the same state folder
# reads the cache instead, says so, and walks every screen with the same
# pictures as the goldens. Then the cache is damaged: the third start says
# why it cannot use it, parses the JSON, walks the same pictures and writes
# a whole cache again.
#   cmake -DPAINMAP=... -DDATA=... -DREPLAY=tests/replay -DOUT=... -DSIZE=800x480
#         -DGOLDEN=dir -P cached.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
file(WRITE ${OUT}/quit.replay "expect welcome\nquit\n")
set(cache ${OUT}/state/content.cache)

# run(NAME SCRIPT WANT): painmap --replay SCRIPT in the one state folder; its
# log must match WANT
function(run name script want)
  execute_process(
    COMMAND ${PAINMAP} --replay ${script} --data ${DATA} --size ${SIZE} --state ${OUT}/state
            --shots ${OUT}/${name} --golden ${GOLDEN}
    RESULT_VARIABLE rc ERROR_VARIABLE log OUTPUT_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name}: ${script} failed (exit ${rc}):\n${out}\n${log}")
  endif()
  if(NOT log MATCHES "${want}")
    message(FATAL_ERROR "${name}: the log does not say '${want}':\n${log}")
  endif()
endfunction()

run(first ${OUT}/quit.replay "no content cache yet[^\n]*wrote [^\n]*content.cache")
if(NOT EXISTS ${cache})
  message(FATAL_ERROR "the first start wrote no ${cache}")
endif()
run(cached ${REPLAY}/walk.replay "the content in [^\n]*, as checked, from [^\n]*content.cache")

# one byte in the middle of the cache changed: the next start parses the
# JSON again
file(SIZE ${cache} size)
math(EXPR mid "${size} / 2")
file(READ ${cache} byte OFFSET ${mid} LIMIT 1 HEX)
if(byte STREQUAL "41")
  set(other "B")
else()
  set(other "A")
endif()
execute_process(COMMAND printf "${other}"
                COMMAND dd of=${cache} bs=1 seek=${mid} conv=notrunc status=none
                RESULT_VARIABLE rc)
file(READ ${cache} now OFFSET ${mid} LIMIT 1 HEX)
file(SIZE ${cache} after)
if(NOT rc EQUAL 0 OR now STREQUAL byte OR NOT after EQUAL size)
  message(FATAL_ERROR "could not change one byte of ${cache}")
endif()
run(damaged ${REPLAY}/walk.replay "content cache was not used: [^\n]*damaged[^\n]*wrote ")
run(again ${OUT}/quit.replay "as checked, from [^\n]*content.cache")
message(STATUS "cached replay ok: the cache was written, read, refused when damaged, written again")
