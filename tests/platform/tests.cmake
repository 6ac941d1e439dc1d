# Platform glue that has no systemd in it (kiosk/platform, besides sd_notify
# which tests/systemd covers):
#  - test_inputwait: watching event devices for the idle loop, with FIFOs
#    standing in for /dev/input/event* (no devices or privileges needed)
#  - test_paths: where data/ and assets/ are found from the program's own
#    place, with no build path compiled in (kiosk/platform/paths.h)
add_executable(test_inputwait ${CMAKE_CURRENT_LIST_DIR}/test_inputwait.c)
target_link_libraries(test_inputwait PRIVATE painmap_platform PkgConfig::CMOCKA)
add_test(NAME test_inputwait COMMAND test_inputwait)
set_tests_properties(test_inputwait PROPERTIES TIMEOUT 60)

add_executable(test_paths ${CMAKE_CURRENT_LIST_DIR}/test_paths.c)
target_link_libraries(test_paths PRIVATE painmap_platform PkgConfig::CMOCKA)
add_test(NAME test_paths COMMAND test_paths WORKING_DIRECTORY $<TARGET_FILE_DIR:test_paths>)
set_tests_properties(test_paths PROPERTIES TIMEOUT 60)

# test_bigpages: SDL's allocator for frame-sized blocks (2 MiB pages), and the
# program's build id (the content cache's key)
add_executable(test_bigpages ${CMAKE_CURRENT_LIST_DIR}/test_bigpages.c)
target_link_libraries(test_bigpages PRIVATE painmap_platform PkgConfig::CMOCKA)
add_test(NAME test_bigpages COMMAND test_bigpages)
set_tests_properties(test_bigpages PROPERTIES TIMEOUT 60)
