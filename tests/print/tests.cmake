# The print page is one sheet on A4 and on Letter for every intake the kiosk
# can make (trust defect 5): tests/print/run-print prints the hardest ones
# through headless Chromium and counts pages. Skipped (77) without chromium.
add_executable(pm_print_pages ${CMAKE_CURRENT_LIST_DIR}/print_pages.c)
target_link_libraries(pm_print_pages PRIVATE painmap_core)
if(NOT PAINMAP_SANITIZE)
  add_test(NAME print_one_page
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-print $<TARGET_FILE:pm_print_pages>
                   ${CMAKE_SOURCE_DIR}/data ${CMAKE_CURRENT_BINARY_DIR}/print)
  set_tests_properties(print_one_page PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
endif()
