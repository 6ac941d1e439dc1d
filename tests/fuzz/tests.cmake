# Fuzzers for every parser of outside input (tests/fuzz/README.md):
# content JSON, the config file, replay scripts, saved intakes read back
# (summary and the staff queue), the PIN lock-out file and sealed files
# and key lines (seal.h).
#
# 1. fuzz_regress_TARGET (every build, the project's compiler): replays the
#    saved crash inputs in tests/fuzz/regressions/TARGET and the hand-made
#    seeds in tests/fuzz/corpus/TARGET.
# 2. fuzz_TARGET (the plain build only, when clang is there): builds the
#    libFuzzer targets with clang into BUILD/fuzz (the fuzz_build test) and
#    runs each for PAINMAP_FUZZ_SECONDS (default 20). The fuzzers carry
#    their own AddressSanitizer + UBSan, so the sanitizer build skips them.
set(PAINMAP_FUZZ_TARGETS content config replay intake queue pin_guard seal)
foreach(t ${PAINMAP_FUZZ_TARGETS})
  add_executable(fuzz_regress_${t} ${CMAKE_CURRENT_LIST_DIR}/fuzz_${t}.c
                 ${CMAKE_CURRENT_LIST_DIR}/fuzz_util.c ${CMAKE_CURRENT_LIST_DIR}/standalone.c)
  target_compile_definitions(fuzz_regress_${t} PRIVATE
                             PAINMAP_FUZZ_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  target_link_libraries(fuzz_regress_${t} PRIVATE painmap_core painmap_testkit)
  add_test(NAME fuzz_regress_${t}
           COMMAND fuzz_regress_${t} ${CMAKE_CURRENT_LIST_DIR}/regressions/${t}
                   ${CMAKE_CURRENT_LIST_DIR}/corpus/${t})
  set_tests_properties(fuzz_regress_${t} PROPERTIES ENVIRONMENT "${PAINMAP_TEST_ENV}"
                       TIMEOUT 300)
endforeach()

find_program(PAINMAP_CLANG NAMES clang clang-14)
set(PAINMAP_FUZZ_SECONDS 20 CACHE STRING "seconds each fuzzer runs in the test command")
set(PAINMAP_FUZZ_DIR ${CMAKE_BINARY_DIR}/fuzz)
if(PAINMAP_CLANG AND NOT PAINMAP_SANITIZE)
  add_test(NAME fuzz_build
           COMMAND sh -c "${CMAKE_COMMAND} -S '${CMAKE_CURRENT_LIST_DIR}' -B '${PAINMAP_FUZZ_DIR}' -DCMAKE_C_COMPILER='${PAINMAP_CLANG}' >'${PAINMAP_FUZZ_DIR}.configure.log' 2>&1 || { cat '${PAINMAP_FUZZ_DIR}.configure.log'; exit 1; }; ${CMAKE_COMMAND} --build '${PAINMAP_FUZZ_DIR}' -j2 && sh '${CMAKE_CURRENT_LIST_DIR}/make-seeds' '${CMAKE_SOURCE_DIR}' '${PAINMAP_FUZZ_DIR}/seeds' '$<TARGET_FILE:pm_powercut_saver>'")
  set_tests_properties(fuzz_build PROPERTIES FIXTURES_SETUP fuzz_build TIMEOUT 900)
  foreach(t ${PAINMAP_FUZZ_TARGETS})
    add_test(NAME fuzz_${t}
             COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/run-one ${PAINMAP_FUZZ_DIR} ${t}
                     ${PAINMAP_FUZZ_SECONDS})
    math(EXPR pm_timeout "${PAINMAP_FUZZ_SECONDS} + 280") # the soak knob may be raised
    set_tests_properties(fuzz_${t} PROPERTIES FIXTURES_REQUIRED fuzz_build
                         ENVIRONMENT "${PAINMAP_TEST_ENV};PAINMAP_SOURCE_DIR=${CMAKE_SOURCE_DIR}"
                         TIMEOUT ${pm_timeout})
  endforeach()
elseif(NOT PAINMAP_CLANG)
  message(STATUS "clang not found: the fuzzers are not run (scripts/setup-deps installs it)")
endif()
