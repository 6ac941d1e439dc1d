# Intakes sealed at rest, end to end: the set-up turns the passphrase line
# into the key lines, a client saves an intake, staff unlock (a wrong
# passphrase first) and copy it to a stand-in stick. Then: no file of the
# state folder holds the client's name; the stick does (plain, for the
# clinic's computer); the config no longer holds the passphrase.
#   cmake -DPAINMAP=... -DDATA=... -DREPLAY=tests/replay -DOUT=... -P staff_sealed.cmake
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT}/usb)
configure_file(${REPLAY}/staff_sealed.conf.in ${OUT}/painmap.conf COPYONLY)
# the lowest Argon2id cost: the cost is not what is tested here
execute_process(COMMAND ${PAINMAP} --seal-passphrase ${OUT}/painmap.conf --kdf 1:8
                RESULT_VARIABLE rc)
file(READ ${OUT}/painmap.conf conf)
if(NOT rc EQUAL 0 OR conf MATCHES "staff_passphrase" OR NOT conf MATCHES "intake_secret_key = pmsk1[.]")
  message(FATAL_ERROR "the set-up did not turn the passphrase into the key lines (exit ${rc}):\n${conf}")
endif()
execute_process(
  COMMAND ${PAINMAP} --replay ${REPLAY}/staff_sealed.replay --data ${DATA} --size 800x480
          --config ${OUT}/painmap.conf --usb ${OUT}/usb --state ${OUT}/state --shots ${OUT}/shots
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "staff_sealed.replay failed (exit ${rc})")
endif()
file(GLOB records ${OUT}/state/intakes/*.json)
list(LENGTH records n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one saved intake, found ${n}")
endif()
# no file of the state folder holds the client's name or an area's id; but
# for the content cache, which holds the whole content (every area's id, for
# every client alike: what /usr/share/painmap/data holds) and nothing of any
# client. It must be there (written by the start that parsed the content).
file(GLOB_RECURSE state_files ${OUT}/state/*)
if(NOT EXISTS ${OUT}/state/content.cache)
  message(FATAL_ERROR "no content cache in ${OUT}/state")
endif()
list(REMOVE_ITEM state_files ${OUT}/state/content.cache)
foreach(f ${state_files})
  file(READ ${f} bytes HEX)
  foreach(word Zebulon heel_l)
    string(HEX "${word}" hex)
    string(FIND "${bytes}" "${hex}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${f} holds '${word}': not sealed")
    endif()
  endforeach()
endforeach()
file(READ ${records} head LIMIT 8)
if(NOT head STREQUAL "PMSEAL1\n")
  message(FATAL_ERROR "${records} is not a sealed file")
endif()
# the stick has it, readable
file(GLOB_RECURSE on_stick ${OUT}/usb/*.json)
set(found FALSE)
foreach(f ${on_stick})
  file(READ ${f} text)
  if(text MATCHES "Zebulon Quixote")
    set(found TRUE)
  endif()
endforeach()
if(NOT found)
  message(FATAL_ERROR "the intake on the stick is not readable as plain JSON")
endif()
message(STATUS "sealed replay ok: the card holds no client text, the stick does")
