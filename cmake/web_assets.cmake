# Compiles the dashboard into faultline_server (included by CMakeLists.txt).
# The page (web/*) and the chart libraries (node_modules/, from `npm ci`) are
# compiled into the binary: the server never reads files at request time.
# CONFIGURE_DEPENDS globs re-run the configure step when a file appears or
# goes (npm ci after the first configure); a missing chart library is left
# out and the page says the charts are unavailable.
file(GLOB FAULTLINE_WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
file(GLOB FAULTLINE_CHART_LIBS CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/node_modules/echarts/dist/echarts.min.js
     ${CMAKE_SOURCE_DIR}/node_modules/cytoscape/dist/cytoscape.min.js)
set(web_assets "")
foreach(f ${FAULTLINE_WEB_FILES})
  get_filename_component(n ${f} NAME)
  list(APPEND web_assets "/${n}=${f}")
endforeach()
foreach(f ${FAULTLINE_CHART_LIBS})
  get_filename_component(n ${f} NAME)
  list(APPEND web_assets "/vendor/${n}=${f}")
endforeach()
if(NOT FAULTLINE_CHART_LIBS)
  message(WARNING "node_modules/ has no echarts/cytoscape (run `npm ci`): the dashboard will have no charts")
endif()
list(JOIN web_assets "|" web_assets_arg)
add_custom_command(
  OUTPUT ${CMAKE_BINARY_DIR}/web_assets.cc
  COMMAND ${CMAKE_COMMAND} -DOUT=${CMAKE_BINARY_DIR}/web_assets.cc "-DASSETS=${web_assets_arg}"
          -P ${CMAKE_SOURCE_DIR}/cmake/embed_assets.cmake
  DEPENDS ${FAULTLINE_WEB_FILES} ${FAULTLINE_CHART_LIBS} ${CMAKE_SOURCE_DIR}/cmake/embed_assets.cmake
  COMMENT "Embedding the dashboard's files"
  VERBATIM)
target_sources(faultline_server PRIVATE ${CMAKE_BINARY_DIR}/web_assets.cc)
