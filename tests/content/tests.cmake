# Content tests (tests/content), included by tests/CMakeLists.txt.
#
#   rank_*               painmap --rank, the ranking as content editors see it
add_test(NAME rank_prints_patterns_best_first
         COMMAND painmap --rank --data ${CMAKE_SOURCE_DIR}/data temple_l neck_back_l)
set_tests_properties(rank_prints_patterns_best_first PROPERTIES
  PASS_REGULAR_EXPRESSION "^upper_trapezius [0-9]+\n[a-z_]+ -?[0-9]+\n")
add_test(NAME rank_names_an_unknown_region
         COMMAND painmap --rank --data ${CMAKE_SOURCE_DIR}/data temple_l no_such_area)
set_tests_properties(rank_names_an_unknown_region PROPERTIES
  PASS_REGULAR_EXPRESSION "no region 'no_such_area' in .*/regions.json")
