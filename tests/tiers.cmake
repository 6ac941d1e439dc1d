# tests/tiers.cmake — which tier every test is in, as ctest LABELS (README,
# "Tests in tiers"). Included last by tests/CMakeLists.txt, so it sees every
# test the groups defined; a new test is `quick` unless it matches a pattern
# below, so a slow one must be named here.
#
#   quick    unit tests, replays, content and unit-file checks: what a
#            developer runs on every change (scripts/test --quick; at most
#            3 minutes on 2 cores)
#   full     everything scripts/test and CI run: quick, the disk tests, and
#            the CI-sized runs of the soak tests
#   soak     the monkey, fuzz and power-cut runs, whose length is a knob
#            (README.md, "Soak runs"): ctest -L soak after raising them
#   unit     the cmocka programs and the fuzz regressions: pure and fast;
#            also what scripts/test runs in its Release and clang trees
#   layout_cases  the checker's too-long-string cases (full, not under ASan)
#   package  the .deb (tests/package/tests.cmake), not in full
#   gles2    the replays through OpenGL ES 2 (tests/replay/gles2.cmake), not
#            in full yet: they do not match the software goldens today
#            (rounded corners and outlines rasterise differently; bench/README)
#            and join full once they do. ctest -L gles2; bench/run reports them
get_property(pm_all_tests DIRECTORY PROPERTY TESTS)
foreach(t ${pm_all_tests})
  get_test_property(${t} LABELS labels)
  if(labels)
    continue() # labelled where it was made (package)
  endif()
  set(labels full)
  if(t MATCHES "^gles2_")
    set_tests_properties(${t} PROPERTIES LABELS gles2)
    continue()
  endif()
  if((t MATCHES "^fuzz_" AND NOT t MATCHES "^fuzz_regress_") OR t MATCHES "^powercut_"
     OR t MATCHES "^monkey_[0-9]")
    # (monkey_regress_* and monkey_known_* replay fixed scripts: quick)
    list(APPEND labels soak)
  elseif(t MATCHES "^disk_" OR t MATCHES "^print_")
    # whole-kiosk runs on full, read-only and missing disks: ~40 s, storage only;
    # the print page through headless Chromium: ~40 prints, a minute or more
  elseif(t MATCHES "^xdotool_")
    # the kiosk in a real X window under Xvfb, real time: ~25 s
  elseif(t STREQUAL "chart_fingers_sizes")
    # every chart region tapped, dragged and slid off at 1280x800 and upright
    # 480x800: ~20 s of CPU (test_chart_fingers, 800x480, is in quick)
  elseif(t MATCHES "^check_data_refuses_")
    # the checker refusing a too-long string: each walks every screen at 8
    # sizes, both languages, larger text off and on (~100 s of CPU);
    # check_shipped_data, in quick, runs the same walk. Their point is the
    # message, so the sanitizer tree leaves them out (label layout_cases):
    # check_shipped_data walks the same code there.
    list(APPEND labels layout_cases)
  else()
    list(APPEND labels quick)
  endif()
  if(t MATCHES "^(test_.*|fuzz_regress_.*)$")
    list(APPEND labels unit)
  endif()
  set_tests_properties(${t} PROPERTIES LABELS "${labels}")
endforeach()
