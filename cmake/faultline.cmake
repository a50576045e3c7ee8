# Build helpers: faultline_library() makes one static library per stage folder
# from src/<name>/*.cc (tests excluded); faultline_collect_tests() makes one
# GoogleTest program per src/**/<x>_test.cc, linked with its stage library.

set(FAULTLINE_WARNINGS -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
if(FAULTLINE_WERROR)
  list(APPEND FAULTLINE_WARNINGS -Werror)
endif()
if(FAULTLINE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

set(FAULTLINE_STAGES "" CACHE INTERNAL "")

function(faultline_library name)
  cmake_parse_arguments(ARG "" "" "DEPS;LIBS" ${ARGN})
  file(GLOB srcs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${name}/*.cc)
  list(FILTER srcs EXCLUDE REGEX "_test\\.cc$")
  if(NOT srcs)
    # An empty stage still links: keeps the dependency graph stable while a
    # stage is being written.
    set(srcs ${CMAKE_SOURCE_DIR}/cmake/empty.cc)
  endif()
  add_library(faultline_${name} STATIC ${srcs})
  target_compile_options(faultline_${name} PRIVATE ${FAULTLINE_WARNINGS})
  foreach(dep ${ARG_DEPS})
    target_link_libraries(faultline_${name} PUBLIC faultline_${dep})
  endforeach()
  target_link_libraries(faultline_${name} PUBLIC ${ARG_LIBS})
  set(FAULTLINE_STAGES ${FAULTLINE_STAGES} ${name} CACHE INTERNAL "")
endfunction()

function(faultline_collect_tests)
  foreach(stage ${FAULTLINE_STAGES})
    file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${stage}/*_test.cc)
    foreach(t ${tests})
      get_filename_component(tname ${t} NAME_WE)
      add_executable(${tname} ${t})
      target_compile_options(${tname} PRIVATE ${FAULTLINE_WARNINGS})
      target_link_libraries(${tname} PRIVATE faultline_${stage} GTest::gtest_main)
      add_test(NAME ${stage}.${tname} COMMAND ${tname} WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
      set_tests_properties(${stage}.${tname} PROPERTIES LABELS "unit;${stage}")
    endforeach()
  endforeach()
endfunction()
