# The kiosk in a real X window (Xvfb), driven by xdotool as a client's
# finger or a mouse drives it: slide-off, double and triple taps on Next,
# marking and unmarking a region in a close-up (kiosk_in_x.py says what and
# how), and Escape on the fullscreen kiosk and in a window. ~35 s; the
# `full` tier (tests/tiers.cmake). Skips (77) only when Xvfb, xdotool or
# xwd is missing (scripts/setup-deps installs them).
add_test(NAME xdotool_kiosk_in_x
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/kiosk_in_x.py $<TARGET_FILE:painmap>
                 ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/xdotool)
# LSAN_OPTIONS: under ASan, libdbus (opened by SDL's X11 video) keeps its
# buffers at exit; tests/lsan.supp says why that one library is excused.
set_tests_properties(xdotool_kiosk_in_x PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120 RUN_SERIAL TRUE
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")

# The golden walk (tests/replay/walk.replay) played by the mouse in the
# kiosk's real window: the replay headless writes where its finger went
# (PAINMAP_KIT_TRACE), xdotool does the same at a hand's pace, and every
# shot of the window must match the walk's 800x480 goldens; the intake must
# be saved. ~95 s. Catches what only the real event loop does (the first
# tap on the chart it once lost).
add_test(NAME xdotool_walk_in_x
         COMMAND python3 ${CMAKE_CURRENT_LIST_DIR}/walk_in_x.py $<TARGET_FILE:painmap>
                 ${CMAKE_SOURCE_DIR} ${CMAKE_BINARY_DIR}/xdotool-walk)
set_tests_properties(xdotool_walk_in_x PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 RUN_SERIAL TRUE
  ENVIRONMENT "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp:print_suppressions=0")
