# Platform glue that has no systemd in it (kiosk/platform, besides sd_notify
# which tests/systemd covers):
#  - test_inputwait: watching event devices for the idle loop, with FIFOs
#    standing in for /dev/input/event* (no devices or privileges needed)
add_executable(test_inputwait ${CMAKE_CURRENT_LIST_DIR}/test_inputwait.c)
target_link_libraries(test_inputwait PRIVATE painmap_platform PkgConfig::CMOCKA)
add_test(NAME test_inputwait COMMAND test_inputwait)
set_tests_properties(test_inputwait PROPERTIES TIMEOUT 60)
