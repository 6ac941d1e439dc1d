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
file(GLOB_RECURSE copied RELATIVE ${OUT}/usb ${OUT}/usb/*)
list(LENGTH copied n)
if(NOT n EQUAL 9)
  message(FATAL_ERROR "expected 9 files on the stick, found ${n}: ${copied}")
endif()
file(GLOB marked ${OUT}/state/intakes/*.exported)
list(LENGTH marked n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected 1 exported marker (Ana; Tom's went with his deletion, the damaged record is not complete), found ${n}")
endif()
if(EXISTS ${OUT}/state/intakes/20261126-080000-00.exported)
  message(FATAL_ERROR "the damaged record was marked exported")
endif()
file(GLOB left ${OUT}/state/intakes/*.json)
list(LENGTH left n)
if(NOT n EQUAL 2)
  message(FATAL_ERROR "expected 2 intakes left on the kiosk after the delete, found ${n}")
endif()
file(GLOB seen ${OUT}/state/intakes/*.seen)
list(LENGTH seen n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected the one intake staff opened to be marked seen, found ${n}")
endif()
message(STATUS "staff replay ok: 9 files on the stick, 2 intakes left, markers right")
