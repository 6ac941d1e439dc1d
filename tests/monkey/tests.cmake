# The monkey (tests/monkey/README.md): seeded random input through the
# replay driver. In the sanitizer build (-DPAINMAP_SANITIZE=ON) it runs the
# CI-sized chunks below; the plain build runs one small chunk as a smoke
# test. Every script in tests/monkey/regressions runs in both builds.
# tests/monkey/soak runs as many events as you like.
add_executable(pm_monkey_gen ${CMAKE_CURRENT_LIST_DIR}/monkey_gen.c)
target_link_libraries(pm_monkey_gen PRIVATE painmap_core)

# The soak knob (README, "Soak runs"): events in each chunk.
if(PAINMAP_SANITIZE)
  set(PAINMAP_MONKEY_EVENTS 1500 CACHE STRING "events in each monkey chunk")
  # SEED:EVENTS:WxH:ROTATION, one ctest each so they run in parallel
  set(n ${PAINMAP_MONKEY_EVENTS})
  set(PAINMAP_MONKEY_CHUNKS
      1:${n}:800x480:0 2:${n}:1280x800:0 3:${n}:800x480:90 4:${n}:720x1280:0
      5:${n}:800x480:180 6:${n}:1024x600:270 7:${n}:720x1280:0:sealed)
else()
  set(PAINMAP_MONKEY_EVENTS 400 CACHE STRING "events in each monkey chunk")
  set(PAINMAP_MONKEY_CHUNKS 100:${PAINMAP_MONKEY_EVENTS}:800x480:0
      101:${PAINMAP_MONKEY_EVENTS}:800x480:0:sealed)
endif()
# at least a second per event, whatever the knob says
set(pm_monkey_timeout 900)
if(PAINMAP_MONKEY_EVENTS GREATER 900)
  set(pm_monkey_timeout ${PAINMAP_MONKEY_EVENTS})
endif()
file(GLOB PAINMAP_MONKEY_REGRESSIONS CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/regressions/*.replay)
foreach(script ${PAINMAP_MONKEY_REGRESSIONS})
  list(APPEND PAINMAP_MONKEY_CHUNKS "file:${script}")
endforeach()
# Kiosk bugs the monkey found that are not fixed yet: each test passes while
# its script still fails the known way, and fails once the bug is fixed.
file(GLOB PAINMAP_MONKEY_KNOWN CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/known/*.replay)
foreach(script ${PAINMAP_MONKEY_KNOWN})
  list(APPEND PAINMAP_MONKEY_CHUNKS "known:${script}")
endforeach()
foreach(chunk ${PAINMAP_MONKEY_CHUNKS})
  if(chunk MATCHES "^file:")
    get_filename_component(name ${chunk} NAME_WE)
    set(name regress_${name})
  elseif(chunk MATCHES "^known:")
    get_filename_component(name ${chunk} NAME_WE)
    set(name known_${name})
  else()
    string(REPLACE ":" "_" name ${chunk})
  endif()
  add_test(NAME monkey_${name}
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-monkey $<TARGET_FILE:painmap>
                   $<TARGET_FILE:pm_monkey_gen> $<TARGET_FILE:pm_check_state>
                   ${CMAKE_SOURCE_DIR}/data ${CMAKE_CURRENT_BINARY_DIR}/monkey ${chunk})
  set_tests_properties(monkey_${name} PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}"
                       TIMEOUT ${pm_monkey_timeout})
endforeach()
