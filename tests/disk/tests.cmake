# Full, read-only and missing disks, broken content, a missing font: the
# real kiosk must show a calm screen, keep the intake and save it when the
# disk is back (tests/disk/README.md). Cases that mount a tmpfs are skipped
# (exit 77) where that is not allowed; the I/O seam covers them in
# tests/unit/test_store.c.
set(PAINMAP_DISK_WALK ${CMAKE_CURRENT_BINARY_DIR}/disk-walk.replay)
set(PAINMAP_DISK_CASES full full_auto full_left page_full readonly deleted unmakeable broken_content
    missing_font missing_art)
add_test(NAME disk_walk
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-disk walk $<TARGET_FILE:painmap>
                 $<TARGET_FILE:pm_check_state> ${CMAKE_SOURCE_DIR}
                 ${CMAKE_CURRENT_BINARY_DIR}/disk/walk)
set_tests_properties(disk_walk PROPERTIES
  ENVIRONMENT "${PAINMAP_TEST_ENV};PAINMAP_DISK_WALK=${PAINMAP_DISK_WALK}"
  FIXTURES_SETUP disk_walk TIMEOUT 300)
foreach(case ${PAINMAP_DISK_CASES})
  add_test(NAME disk_${case}
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-disk ${case} $<TARGET_FILE:painmap>
                   $<TARGET_FILE:pm_check_state> ${CMAKE_SOURCE_DIR}
                   ${CMAKE_CURRENT_BINARY_DIR}/disk/${case})
  set_tests_properties(disk_${case} PROPERTIES
    ENVIRONMENT "${PAINMAP_TEST_ENV};PAINMAP_DISK_WALK=${PAINMAP_DISK_WALK}"
    FIXTURES_REQUIRED disk_walk SKIP_RETURN_CODE 77 TIMEOUT 600)
endforeach()
