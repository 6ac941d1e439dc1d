# Power cuts: SIGKILL at seeded random instants while intakes are saved,
# then the state folder is checked (tests/powercut/README.md). The state
# checker is shared with tests/disk and tests/monkey.
add_library(pm_state_check STATIC ${CMAKE_CURRENT_LIST_DIR}/state_check.c)
target_include_directories(pm_state_check PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(pm_state_check PUBLIC painmap_core)

add_executable(pm_check_state ${CMAKE_CURRENT_LIST_DIR}/check_state_main.c)
target_link_libraries(pm_check_state PRIVATE pm_state_check)
add_executable(pm_powercut_saver ${CMAKE_CURRENT_LIST_DIR}/saver.c)
target_link_libraries(pm_powercut_saver PRIVATE painmap_core)
add_executable(pm_powercut ${CMAKE_CURRENT_LIST_DIR}/powercut.c)
target_link_libraries(pm_powercut PRIVATE pm_state_check)

# Killing is about the file system, not memory errors: run in the plain
# build only (the sanitizer build has the monkey). CI-sized counts here;
# tests/powercut/README.md shows the long runs.
# The soak knobs (README, "Soak runs"): how many kills of each.
set(PAINMAP_POWERCUT_KILLS 200 CACHE STRING "power cuts of the saver in powercut_saver")
set(PAINMAP_POWERCUT_KIOSK_KILLS 10 CACHE STRING "power cuts of the kiosk in powercut_kiosk")
if(NOT PAINMAP_SANITIZE)
  add_test(NAME powercut_saver
           COMMAND pm_powercut --saver $<TARGET_FILE:pm_powercut_saver>
                   --data ${CMAKE_SOURCE_DIR}/data
                   --work ${CMAKE_CURRENT_BINARY_DIR}/powercut-saver
                   --kills ${PAINMAP_POWERCUT_KILLS} --seed 1 --window-ms 200)
  add_test(NAME powercut_kiosk
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-kiosk $<TARGET_FILE:painmap>
                   $<TARGET_FILE:pm_powercut> ${CMAKE_SOURCE_DIR}/data
                   ${CMAKE_CURRENT_BINARY_DIR}/powercut-kiosk ${PAINMAP_POWERCUT_KIOSK_KILLS} 1)
  # 200 kills take ~100 s: 3 s a kill leaves room for a loaded machine.
  math(EXPR pm_timeout "600 + 3 * (${PAINMAP_POWERCUT_KILLS} + ${PAINMAP_POWERCUT_KIOSK_KILLS})")
  # The same with intakes sealed at rest (tests/powercut/sealed.conf): the
  # same guarantees for sealed records, and never a plain one on the disk.
  add_test(NAME powercut_saver_sealed
           COMMAND pm_powercut --saver $<TARGET_FILE:pm_powercut_saver>
                   --data ${CMAKE_SOURCE_DIR}/data
                   --work ${CMAKE_CURRENT_BINARY_DIR}/powercut-saver-sealed
                   --kills ${PAINMAP_POWERCUT_KILLS} --seed 2 --window-ms 200
                   --sealed ${CMAKE_CURRENT_LIST_DIR}/sealed.conf "kqvbz mxtra plhsw ednuc")
  add_test(NAME powercut_kiosk_sealed
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-kiosk $<TARGET_FILE:painmap>
                   $<TARGET_FILE:pm_powercut> ${CMAKE_SOURCE_DIR}/data
                   ${CMAKE_CURRENT_BINARY_DIR}/powercut-kiosk-sealed
                   ${PAINMAP_POWERCUT_KIOSK_KILLS} 2
                   --sealed ${CMAKE_CURRENT_LIST_DIR}/sealed.conf "kqvbz mxtra plhsw ednuc")
  set_tests_properties(powercut_saver powercut_kiosk powercut_saver_sealed powercut_kiosk_sealed
    PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}" TIMEOUT ${pm_timeout})
endif()
