# A replay through SDL's OpenGL ES 2 renderer, the one the kiosk uses on the
# Raspberry Pi, compared with the software renderer's golden pictures within
# the golden rule (painmap --replay --golden). Here the GPU is Mesa's
# llvmpipe through EGL, with no display: SDL's offscreen video driver
# (Debian's libegl-mesa0, libgles2, libgl1-mesa-dri; scripts/setup-deps).
# Fails when SDL fell back to another renderer: the kiosk logs which one it
# draws with. Run by ctest (tests/replay/tests.cmake, label gles2) as
#   cmake -DPAINMAP=bin -DDATA=data -DREPLAY=tests/replay -DSCRIPT=walk.replay
#         -DSIZE=800x480 -DGOLDEN=dir -DOUT=dir [-DSTAFF=1] -P gles2.cmake
# STAFF=1: the staff walk's clinic config, stand-in stick and the damaged
# record staff.cmake puts in the state folder.
foreach(v PAINMAP DATA REPLAY SCRIPT SIZE GOLDEN OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "gles2.cmake needs -D${v}=...")
  endif()
endforeach()
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT}/usb ${OUT}/state)
set(extra)
if(STAFF)
  file(WRITE ${OUT}/state/intakes/20261126-080000-00.json
       "{ \"schema\": \"painmap.intake\", \"version\": 1, \"name\": \"Broken")
  set(extra --config ${REPLAY}/staff.conf --usb ${OUT}/usb)
endif()
set(ENV{SDL_VIDEODRIVER} offscreen)
set(ENV{SDL_RENDER_DRIVER} opengles2)
execute_process(
  COMMAND ${PAINMAP} --replay ${REPLAY}/${SCRIPT} --data ${DATA} --size ${SIZE}
          --shots ${OUT}/shots --state ${OUT}/state --golden ${GOLDEN} ${extra}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT "${out}${err}" MATCHES "drawing with SDL's opengles2 renderer")
  message(FATAL_ERROR "the replay did not draw with the opengles2 renderer (is Mesa's EGL "
                      "there? scripts/setup-deps installs it):\n${out}${err}")
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${SCRIPT} at ${SIZE} through opengles2 differs from the software "
                      "goldens (exit ${rc}):\n${out}${err}")
endif()
message(STATUS "${SCRIPT} at ${SIZE} through opengles2: every shot within the golden rule")
