# One INTERFACE target with our language level, warnings and Qt strictness.
# Linked PRIVATE into each of our targets so none of it leaks onto third-party code.
add_library(assay_options INTERFACE)
add_library(Assay::options ALIAS assay_options)

target_compile_features(assay_options INTERFACE cxx_std_20)
target_compile_options(assay_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Wunused
  -Woverloaded-virtual -Wimplicit-fallthrough -Werror)
target_compile_definitions(assay_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_DISABLE_DEPRECATED_UP_TO=0x060200
  ASSAY_VERSION="${PROJECT_VERSION}")

if(ASSAY_SANITIZE)
  target_compile_options(assay_options INTERFACE
    -fsanitize=${ASSAY_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(assay_options INTERFACE -fsanitize=${ASSAY_SANITIZE})
endif()

# Adds the PUBLIC include root of a library and the private options.
function(assay_library target)
  target_link_libraries(${target} PRIVATE assay_options)
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()
