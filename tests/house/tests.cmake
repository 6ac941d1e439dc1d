# The house's shape (tests/house): kiosk/'s include graph has no cycle and
# the core's rooms include only downwards (base < content < intake < config
# < records < staff).
find_program(PAINMAP_PYTHON3 python3 REQUIRED)
add_test(NAME house_include_graph
         COMMAND ${PAINMAP_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/include_graph.py
                 ${CMAKE_SOURCE_DIR}/kiosk)
set_tests_properties(house_include_graph PROPERTIES PASS_REGULAR_EXPRESSION "include graph ok")
