# All third-party dependencies come from Debian packages (scripts/install-deps.sh).
find_package(Threads REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS system)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog REQUIRED)
find_package(fmt REQUIRED)
find_package(CLI11 REQUIRED)
find_package(GTest REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

# Debian's SOCI ships no CMake config: locate the libraries by hand.
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIBRARY soci_core REQUIRED)
find_library(SOCI_SQLITE3_LIBRARY soci_sqlite3 REQUIRED)
find_library(SOCI_POSTGRESQL_LIBRARY soci_postgresql REQUIRED)
add_library(soci INTERFACE)
target_include_directories(soci SYSTEM INTERFACE ${SOCI_INCLUDE_DIR} ${PostgreSQL_INCLUDE_DIRS})
target_link_libraries(soci INTERFACE ${SOCI_POSTGRESQL_LIBRARY} ${SOCI_SQLITE3_LIBRARY} ${SOCI_CORE_LIBRARY}
                                     PostgreSQL::PostgreSQL SQLite::SQLite3 ${CMAKE_DL_LIBS})

if(SINERGI_BENCH)
  find_package(benchmark REQUIRED)
endif()

# Tables (platform/tabular): libzip and expat read XLSX, libxlsxwriter writes it.
# Debian's libzip CMake config names the zipcmp, zipmerge and ziptool programs, which are
# packaged apart, and fails without them: find libzip through pkg-config instead.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET GLOBAL libzip)
add_library(libzip::zip ALIAS PkgConfig::LIBZIP)
find_package(EXPAT REQUIRED)
# Debian's libxlsxwriter ships no CMake config: locate it by hand.
find_path(XLSXWRITER_INCLUDE_DIR xlsxwriter.h REQUIRED)
find_library(XLSXWRITER_LIBRARY xlsxwriter REQUIRED)
add_library(xlsxwriter INTERFACE)
target_include_directories(xlsxwriter SYSTEM INTERFACE ${XLSXWRITER_INCLUDE_DIR})
target_link_libraries(xlsxwriter INTERFACE ${XLSXWRITER_LIBRARY})
