function(sinergi_target_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wold-style-cast
                                           -Wcast-align -Woverloaded-virtual)
  # GCC 12 reports false -Wrestrict positives inside std::string at -O2 (GCC bug 105329).
  # It also reports false -Wmaybe-uninitialized positives for std::variant and std::optional
  # members at -O2 and above (GCC bug 80635), e.g. for a vector of spreadsheet cells built
  # from an initializer list; clang and the Debug build keep the check.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-restrict $<$<NOT:$<CONFIG:Debug>>:-Wno-maybe-uninitialized>)
  endif()
  if(SINERGI_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(SINERGI_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
