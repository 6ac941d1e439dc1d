# Content tests (tests/content), included by tests/CMakeLists.txt.
#
#   gen_content_in_sync  data/ and assets/chart/ are exactly what content/ and
#                        tools/bodymap.py make: regenerates into the build
#                        folder and fails at the first difference, naming the
#                        file, the line and the command that fixes it
#   rank_*               painmap --rank, the ranking as content editors see it
#   readability          every client-facing string: Flesch-Kincaid grade <= 6 (en),
#                        Fernández-Huerta ease >= 70 (es) (tools/readability.py)
find_program(PAINMAP_PYTHON3 python3 REQUIRED)
add_test(NAME gen_content_in_sync
         COMMAND ${PAINMAP_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/gen_content.py --check
                 --out ${CMAKE_BINARY_DIR}/regenerated)
set_tests_properties(gen_content_in_sync PROPERTIES TIMEOUT 300)

add_test(NAME rank_prints_patterns_best_first
         COMMAND painmap --rank --data ${CMAKE_SOURCE_DIR}/data temple_l neck_back_l)
set_tests_properties(rank_prints_patterns_best_first PROPERTIES
  PASS_REGULAR_EXPRESSION "^upper_trapezius [0-9]+\n[a-z_]+ -?[0-9]+\n")
add_test(NAME rank_names_an_unknown_region
         COMMAND painmap --rank --data ${CMAKE_SOURCE_DIR}/data temple_l no_such_area)
set_tests_properties(rank_names_an_unknown_region PROPERTIES
  PASS_REGULAR_EXPRESSION "no region 'no_such_area' in .*/regions.json")

add_test(NAME readability
         COMMAND ${PAINMAP_PYTHON3} ${CMAKE_SOURCE_DIR}/tools/readability.py ${CMAKE_SOURCE_DIR}/data)
set_tests_properties(readability PROPERTIES PASS_REGULAR_EXPRESSION "readability ok")
