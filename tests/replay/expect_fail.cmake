# Runs painmap --replay SCRIPT and requires a non-zero exit; the test's
# PASS_REGULAR_EXPRESSION then checks the FILE:LINE message.
execute_process(COMMAND ${PAINMAP} --replay ${SCRIPT} --data ${DATA} --state /tmp/painmap-expect-fail
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(rc EQUAL 0)
  message(FATAL_ERROR "expected ${SCRIPT} to fail, but it passed")
endif()
