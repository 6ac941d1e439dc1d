# The staff-mode replay: a fresh state folder and an empty folder standing
# in for the USB stick every run (the queue must start empty), then
# painmap --replay staff.replay with the test clinic config, and a look at
# what landed on the "stick".
#   cmake -DPAINMAP=... -DDATA=... -DREPLAY=tests/replay -DOUT=... -DSIZE=800x480
#         [-DGOLDEN=dir] -P staff.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT}/usb)
# A record damaged yesterday (cut off mid-write by a faulty card): staff must
# see it listed and flagged, and the export must not mark it copied.
file(WRITE ${OUT}/state/intakes/20261126-080000-00.json
     "{ \"schema\": \"painmap.intake\", \"version\": 1, \"name\": \"Broken")
set(golden)
if(GOLDEN)
  set(golden --golden ${GOLDEN})
endif()
execute_process(
  COMMAND ${PAINMAP} --replay ${REPLAY}/staff.replay --data ${DATA} --size ${SIZE}
          --config ${REPLAY}/staff.conf --usb ${OUT}/usb --state ${OUT}/state
          --shots ${OUT}/shots ${golden}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "staff.replay failed (exit ${rc})")
endif()
# Two intakes were copied, each as HTML, JSON and FHIR, with the
# questionnaire and an index page; of the damaged one only its raw record
# could be copied, so it is not marked. One intake was deleted afterwards on
# the kiosk (the stick keeps its copy).
# expect_files(N PATTERN WHAT): exactly N files match PATTERN.
function(expect_files want pattern what)
  file(GLOB_RECURSE found ${pattern})
  list(LENGTH found n)
  if(NOT n EQUAL want)
    message(FATAL_ERROR "expected ${want} ${what}, found ${n}: ${found}")
  endif()
endfunction()
expect_files(9 "${OUT}/usb/*" "files on the stick")
expect_files(1 "${OUT}/state/intakes/*.exported"
             "exported marker (Ana; Tom's went with his deletion, the damaged record is not complete)")
if(EXISTS ${OUT}/state/intakes/20261126-080000-00.exported)
  message(FATAL_ERROR "the damaged record was marked exported")
endif()
expect_files(2 "${OUT}/state/intakes/*.json" "intakes left on the kiosk after the delete")
expect_files(1 "${OUT}/state/intakes/*.seen" "intake marked seen (the one staff marked)")
message(STATUS "staff replay ok: 9 files on the stick, 2 intakes left, markers right")
