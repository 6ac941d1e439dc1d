# A kiosk whose clock leapt ahead of its last saved intake: the intake is
# kept (retention waits), staff are told on the queue and confirm the date,
# and the confirmation is kept as the clock's new reference.
#   cmake -DPAINMAP=... -DDATA=... -DREPLAY=tests/replay -DOUT=... -DSIZE=800x480
#         [-DGOLDEN=dir] -P staff_clock.cmake
file(REMOVE_RECURSE ${OUT})
set(old ${OUT}/state/intakes/20261001-080000-00.json)
file(WRITE ${old} "{ \"schema\": \"painmap.intake\", \"version\": 1, \"name\": \"Old")
set(golden)
if(GOLDEN)
  set(golden --golden ${GOLDEN})
endif()
execute_process(
  COMMAND ${PAINMAP} --replay ${REPLAY}/staff_clock.replay --data ${DATA} --size ${SIZE}
          --config ${REPLAY}/staff.conf --state ${OUT}/state --shots ${OUT}/shots ${golden}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "staff_clock.replay failed (exit ${rc})")
endif()
if(NOT EXISTS ${old})
  message(FATAL_ERROR "the intake saved before the clock leapt was deleted")
endif()
file(READ ${OUT}/state/intakes/clock-trusted trusted)
string(STRIP "${trusted}" trusted)
# 2026-11-27 09:00 UTC plus the replay's few seconds
if(trusted LESS 1795770000 OR trusted GREATER 1795770600)
  message(FATAL_ERROR "clock-trusted holds '${trusted}', not the confirmed replay time")
endif()
