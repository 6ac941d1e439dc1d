# The house's shape (tests/house): kiosk/'s include graph has no cycle and
# the core's rooms include only downwards (base < content < intake < config
# < records < staff); the shell's doors hold (include_graph.py); and the
# object files link without a cycle (link_graph.py).
find_program(PAINMAP_PYTHON3 python3 REQUIRED)
add_test(NAME house_include_graph
         COMMAND ${PAINMAP_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/include_graph.py
                 ${CMAKE_SOURCE_DIR}/kiosk)
set_tests_properties(house_include_graph PROPERTIES PASS_REGULAR_EXPRESSION "include graph ok")

# The link graph (tests/house/link_graph.py): nm of every object file of the
# kiosk's own targets; no cycle between files, every call into a room below.
set(PAINMAP_HOUSE_TARGETS painmap painmap_ui painmap_testkit_sdl painmap_testkit
    painmap_platform painmap_base painmap_content painmap_intake painmap_config
    painmap_records painmap_staff)
set(PAINMAP_HOUSE_OBJECTS)
foreach(t ${PAINMAP_HOUSE_TARGETS})
  list(APPEND PAINMAP_HOUSE_OBJECTS "$<TARGET_OBJECTS:${t}>")
endforeach()
add_test(NAME house_link_graph
         COMMAND ${PAINMAP_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/link_graph.py
                 ${PAINMAP_HOUSE_OBJECTS}
         COMMAND_EXPAND_LISTS)
set_tests_properties(house_link_graph PROPERTIES PASS_REGULAR_EXPRESSION "link graph ok")

# What the kiosk loads (tests/house/check-libraries.sh): with the lean SDL
# (PAINMAP_SDL_PREFIX, scripts/lean-sdl), SDL2 and SDL2_image are those, and
# nothing Debian's full SDL2 drags in (audio, X11, Wayland, D-Bus, TIFF...) is
# loaded from exec to the first frame: 20 objects, where the system's SDL2
# made it 74 (start-up and memory, bench/README.md). Not under the sanitizers,
# whose run-time libraries are loaded too.
if(PAINMAP_SDL_PREFIX AND NOT PAINMAP_SANITIZE)
  add_test(NAME house_libraries
           COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/check-libraries.sh $<TARGET_FILE:painmap>
                   ${PAINMAP_SDL_PREFIX} 22)
  set_tests_properties(house_libraries PROPERTIES PASS_REGULAR_EXPRESSION "libraries ok")
endif()
