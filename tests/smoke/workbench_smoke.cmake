# Runs the real assay-workbench under Xvfb (xcb platform) on a fresh demo workspace and renders
# every view with --screenshot. Arguments: ASSAY, WORKBENCH, XVFB_RUN, WORK_DIR, VIEWS (a,b,c).
string(REPLACE "," ";" VIEWS "${VIEWS}")
set(demo "${WORK_DIR}/demo")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND "${ASSAY}" demo "${demo}" --rows 5000 RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "assay demo failed (${rc}): ${err}")
endif()
foreach(view IN LISTS VIEWS)
  set(shot "${WORK_DIR}/${view}.png")
  execute_process(
    COMMAND "${XVFB_RUN}" -a -s "-screen 0 1600x1000x24"
            "${WORKBENCH}" "${demo}" --view ${view} --screenshot "${shot}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 240)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "assay-workbench --view ${view} failed (${rc}):\n${out}\n${err}")
  endif()
  if(NOT EXISTS "${shot}")
    message(FATAL_ERROR "no screenshot at ${shot}:\n${err}")
  endif()
  file(SIZE "${shot}" bytes)
  if(bytes LESS_EQUAL 10240)
    message(FATAL_ERROR "${shot} is only ${bytes} bytes: the window rendered empty")
  endif()
  message(STATUS "${view}: ${shot} (${bytes} bytes)")
endforeach()
