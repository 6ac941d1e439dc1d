# painmap.conf problems on the staff queue: a config with a plain-digit PIN
# and four wrong lines; staff open the queue with that PIN (so the kiosk
# hashed it), and every problem is a row there (the replay fails on any
# text that does not fit its box). One saved intake keeps its place first.
#   cmake -DPAINMAP=... -DDATA=... -DREPLAY=tests/replay -DOUT=... -DSIZE=800x480
#         [-DGOLDEN=dir] -P staff_problems.cmake
file(REMOVE_RECURSE ${OUT})
file(WRITE ${OUT}/state/intakes/20261126-080000-00.json
     "{ \"schema\": \"painmap.intake\", \"version\": 1, \"name\": \"Broken")
set(golden)
if(GOLDEN)
  set(golden --golden ${GOLDEN})
endif()
execute_process(
  COMMAND ${PAINMAP} --replay ${REPLAY}/staff_problems.replay --data ${DATA} --size ${SIZE}
          --config ${REPLAY}/staff_problems.conf --state ${OUT}/state --shots ${OUT}/shots ${golden}
  RESULT_VARIABLE rc ERROR_VARIABLE log OUTPUT_VARIABLE out)
message(STATUS "${out}${log}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "staff_problems.replay failed (exit ${rc})")
endif()
foreach(want "staff_problems.conf:6: unknown setting 'rotaton' (did you mean rotation?)"
             "staff_problems.conf:7: display = dsi5"
             "staff_problems.conf:8: idle_timeout = 5"
             "staff_problems.conf:9: languages: the kiosk has no texts in 'fr'")
  string(FIND "${log}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "no message '${want}' logged")
  endif()
endforeach()
message(STATUS "staff problems replay ok")
