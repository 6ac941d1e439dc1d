# Checks of the systemd side of the kiosk, in the normal test command:
#  - test_sdnotify: the sd_notify socket protocol (kiosk/platform/sdnotify.c)
#  - test_journal: priority prefixes for the journal (kiosk/platform/journal.c)
#  - test_startup: the "where the start went" line (kiosk/platform/startup.c)
#  - systemd_verify: `systemd-analyze verify` of systemd/*.service (and the
#    other units there); image_units_verify: the same for the image's own
#    units (image-build/overlay/etc/systemd/system: growdata, clock,
#    bootconf...)
#  - systemd_security_<unit>: `systemd-analyze security --offline=true`
#    exposure of every service, the kiosk's and the image's, at or below
#    PAINMAP_MAX_EXPOSURE (3.0, issues 7 and 14)
# The two systemd-analyze checks are skipped, with a message saying why, only
# when systemd-analyze itself is missing (install systemd: scripts/setup-deps).

add_executable(test_sdnotify ${CMAKE_CURRENT_LIST_DIR}/test_sdnotify.c)
target_link_libraries(test_sdnotify PRIVATE painmap_platform PkgConfig::CMOCKA)
add_test(NAME test_sdnotify COMMAND test_sdnotify)
set_tests_properties(test_sdnotify PROPERTIES TIMEOUT 60)

# Log lines carry journal priorities ("<3>painmap: ...") under systemd.
add_executable(test_journal ${CMAKE_CURRENT_LIST_DIR}/test_journal.c)
target_link_libraries(test_journal PRIVATE painmap_platform PkgConfig::CMOCKA)
add_test(NAME test_journal COMMAND test_journal)
set_tests_properties(test_journal PROPERTIES TIMEOUT 60)

# The kiosk's "first frame N s after the process started: ..." line.
add_executable(test_startup ${CMAKE_CURRENT_LIST_DIR}/test_startup.c)
target_link_libraries(test_startup PRIVATE painmap_platform PkgConfig::CMOCKA)
add_test(NAME test_startup COMMAND test_startup)
set_tests_properties(test_startup PROPERTIES TIMEOUT 60)

set(PAINMAP_MAX_EXPOSURE 3.0)
add_test(NAME systemd_verify
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-units.sh verify ${CMAKE_SOURCE_DIR}/systemd)
add_test(NAME image_units_verify
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-units.sh verify
                 ${CMAKE_SOURCE_DIR}/image-build/overlay/etc/systemd/system)
set_tests_properties(systemd_verify image_units_verify PROPERTIES
  SKIP_RETURN_CODE 77 TIMEOUT 120)
file(GLOB painmap_units CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/systemd/*.service
     ${CMAKE_SOURCE_DIR}/image-build/overlay/etc/systemd/system/*.service)
foreach(unit ${painmap_units})
  get_filename_component(unit_name ${unit} NAME_WE)
  add_test(NAME systemd_security_${unit_name}
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-units.sh security ${unit}
                   ${PAINMAP_MAX_EXPOSURE})
  set_tests_properties(systemd_security_${unit_name} PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 120)
endforeach()

# The image's clock keeper (no battery clock, no network on a Pi kiosk).
add_test(NAME image_clock_floor
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-clock-floor.sh
                 ${CMAKE_SOURCE_DIR}/image-build/overlay/usr/lib/painmap/clock-floor)
set_tests_properties(image_clock_floor PROPERTIES TIMEOUT 60 PASS_REGULAR_EXPRESSION "clock-floor: ok")

# The image's read-ahead of the kiosk's files at boot.
add_test(NAME image_preload
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-preload.sh
                 ${CMAKE_SOURCE_DIR}/image-build/overlay/usr/lib/painmap/preload)
set_tests_properties(image_preload PROPERTIES TIMEOUT 60 PASS_REGULAR_EXPRESSION "preload: ok")

# The 7" DSI display's device-tree overlay compiles with dtc (issue 14).
add_test(NAME image_dsi_overlay
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-overlay.sh
                 ${CMAKE_SOURCE_DIR}/image-build/boot/overlays/painmap-dsi7.dts)
set_tests_properties(image_dsi_overlay PROPERTIES TIMEOUT 60 SKIP_RETURN_CODE 77
                     PASS_REGULAR_EXPRESSION "overlay: ok")
