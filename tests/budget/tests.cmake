# The walk-through's budget (core/intake/budget.h): painmap --flow-budget
# walks the shipped content with a typical and a heavy client and fails
# when the typical client needs more than 15 screens, 35 taps or 3
# minutes. At each size the README's table comes from.
foreach(size 800x480 1280x800 720x1280)
  add_test(NAME flow_budget_${size}
           COMMAND painmap --flow-budget --size ${size} --data ${CMAKE_SOURCE_DIR}/data)
  set_tests_properties(flow_budget_${size} PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}"
                       PASS_REGULAR_EXPRESSION "typical ${size}: .* ok")
endforeach()
