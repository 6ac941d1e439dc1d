# The shell's drawing against SDL's own: a polygon filled as spans covers
# the pixels the software renderer's triangles did (ui/spans.h).
add_executable(test_spans ${CMAKE_CURRENT_LIST_DIR}/test_spans.c)
target_link_libraries(test_spans PRIVATE painmap_ui PkgConfig::CMOCKA m)
add_test(NAME test_spans COMMAND test_spans)
set_tests_properties(test_spans PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}" TIMEOUT 300)
