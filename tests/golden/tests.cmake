# Goldens that catch a change (kiosk/testkit/sdl/png.h): a frame darkened by
# 25 per channel, a 10x10 magenta patch, a change past the budget are all
# "different", with the first differing pixel named; noise within the
# tolerance is not; difference pictures land only where asked (the build
# folder), never beside the goldens in the source tree.
add_executable(test_png_compare ${CMAKE_CURRENT_LIST_DIR}/test_png_compare.c)
target_link_libraries(test_png_compare PRIVATE painmap_testkit_sdl PkgConfig::CMOCKA)
add_test(NAME test_png_compare COMMAND test_png_compare)
set_tests_properties(test_png_compare PROPERTIES
  ENVIRONMENT "${PAINMAP_TEST_ENV};PAINMAP_GOLDEN_WORK=${CMAKE_CURRENT_BINARY_DIR}/golden-work"
  TIMEOUT 120)
