# sinergi_embed_files(target NAMESPACE ns FUNCTION fn FILES a b ... [BASE_DIR dir])
# Generates a C++ source that returns the files' contents as a sorted list of
# {file name, contents} pairs (names relative to BASE_DIR when given), so the binary carries its migrations and documents
# and never depends on the working directory.
function(sinergi_embed_files target)
  cmake_parse_arguments(EMBED "" "NAMESPACE;FUNCTION;BASE_DIR" "FILES" ${ARGN})
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${EMBED_FUNCTION}_embedded.cpp)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DNAMESPACE=${EMBED_NAMESPACE} -DFUNCTION=${EMBED_FUNCTION}
            "-DFILES=${EMBED_FILES}" "-DBASE_DIR=${EMBED_BASE_DIR}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake
    DEPENDS ${EMBED_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_generate.cmake
    COMMENT "Embedding ${EMBED_FUNCTION}"
    VERBATIM)
  target_sources(${target} PRIVATE ${output})
endfunction()
