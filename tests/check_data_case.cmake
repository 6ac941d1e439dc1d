# One whole-program case of tests/data-broken: the shipped data with the
# case's changes must be refused by `painmap --check-data` with the messages
# the case expects. Run by ctest (tests/CMakeLists.txt) as
#   cmake -DPAINMAP=bin -DDATA=data -DCASE=tests/data-broken/NAME -DOUT=dir -P this
#
# A case folder holds
#   strings-LANG.json      {"key": "text", ...}: set in the copy's i18n/LANG.json
#   expect-check-data.txt  one regular expression per line; each must match a
#                          whole line of the output, and the exit status is 1
# (Cases with expect.txt instead are content-checker cases for the unit test
# tests/unit/test_content.c, laid over tests/data-mini.)
foreach(v PAINMAP DATA CASE OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "check_data_case.cmake needs -D${v}=...")
  endif()
endforeach()

file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
file(COPY ${DATA}/ DESTINATION ${OUT}/data)

file(GLOB changes ${CASE}/strings-*.json)
foreach(change ${changes})
  string(REGEX REPLACE ".*/strings-([a-z]+)\\.json$" "\\1" lang ${change})
  set(target ${OUT}/data/i18n/${lang}.json)
  file(READ ${target} doc)
  file(READ ${change} set)
  string(JSON n LENGTH "${set}")
  math(EXPR last "${n} - 1")
  foreach(i RANGE ${last})
    string(JSON key MEMBER "${set}" ${i})
    string(JSON value GET "${set}" "${key}")
    # Back to a JSON string: escape backslashes and quotes.
    string(REPLACE "\\" "\\\\" value "${value}")
    string(REPLACE "\"" "\\\"" value "${value}")
    string(JSON doc SET "${doc}" strings "${key}" "\"${value}\"")
  endforeach()
  file(WRITE ${target} "${doc}")
endforeach()

execute_process(COMMAND ${PAINMAP} --check-data ${OUT}/data
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
file(WRITE ${OUT}/output.txt "${out}")
if(NOT rc EQUAL 1)
  message(FATAL_ERROR "painmap --check-data exited with ${rc}, not 1\n${out}\n${err}")
endif()

# Lines as CMake lists: a semicolon inside a line stands in as <sc>.
file(READ ${CASE}/expect-check-data.txt expected)
foreach(v expected out)
  string(REPLACE ";" "<sc>" ${v}_lines "${${v}}")
  string(REPLACE "\n" ";" ${v}_lines "${${v}_lines}")
endforeach()
set(lines ${out_lines})
foreach(want ${expected_lines})
  set(found FALSE)
  foreach(line ${lines})
    if(line MATCHES "${want}")
      set(found TRUE)
      break()
    endif()
  endforeach()
  if(NOT found)
    message(FATAL_ERROR "no line of the output matches\n  ${want}\noutput:\n${out}")
  endif()
endforeach()
message(STATUS "refused as expected:\n${out}")
