# The shell's drawing against SDL's own: a polygon filled as spans covers
# the pixels the software renderer's triangles did (ui/spans.h).
add_executable(test_spans ${CMAKE_CURRENT_LIST_DIR}/test_spans.c)
target_link_libraries(test_spans PRIVATE painmap_ui PkgConfig::CMOCKA m)
add_test(NAME test_spans COMMAND test_spans)
set_tests_properties(test_spans PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}" TIMEOUT 300)

# A signature drawn a point at a time over the frame (the ink op) is the
# screen drawn whole, and a moving finger never asks for the whole screen.
add_executable(test_ink ${CMAKE_CURRENT_LIST_DIR}/test_ink.c ${CMAKE_CURRENT_LIST_DIR}/frames.c)
target_link_libraries(test_ink PRIVATE painmap_testkit_sdl PkgConfig::CMOCKA)
add_test(NAME test_ink COMMAND test_ink)
set_tests_properties(test_ink PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}" TIMEOUT 300)

# The idle prompt's countdown drawn over the kept, dimmed screen is the
# prompt drawn whole at that second.
add_executable(test_prompt ${CMAKE_CURRENT_LIST_DIR}/test_prompt.c ${CMAKE_CURRENT_LIST_DIR}/frames.c)
target_link_libraries(test_prompt PRIVATE painmap_testkit_sdl PkgConfig::CMOCKA)
add_test(NAME test_prompt COMMAND test_prompt)
set_tests_properties(test_prompt PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}" TIMEOUT 300)

# The frame drawn straight into the window (an unturned panel) or into a
# texture (a turned one): the same pixels; a resized window drawn again.
add_executable(test_frame ${CMAKE_CURRENT_LIST_DIR}/test_frame.c ${CMAKE_CURRENT_LIST_DIR}/frames.c)
target_link_libraries(test_frame PRIVATE painmap_testkit_sdl PkgConfig::CMOCKA)
add_test(NAME test_frame COMMAND test_frame)
set_tests_properties(test_frame PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}" TIMEOUT 300)

# Pictures kept as runs (ui/packed.h): every pixel given back, drawn as
# SDL's blitter blends inside its clip, far smaller than a texture.
add_executable(test_packed ${CMAKE_CURRENT_LIST_DIR}/test_packed.c)
target_link_libraries(test_packed PRIVATE painmap_ui PkgConfig::CMOCKA)
add_test(NAME test_packed COMMAND test_packed)
set_tests_properties(test_packed PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}" TIMEOUT 300)
