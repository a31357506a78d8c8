#pragma once

#include <soci/soci.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/db/database_url.h"

namespace sinergi::db {

// One row of text values, in the order of the columns; std::nullopt is NULL. The
// database converts each text to its column's type ("1500000" into a BIGINT column).
using BulkRow = std::vector<std::optional<std::string>>;

// Inserts many rows fast: SQLite runs one prepared INSERT with vector binding, 1000 rows
// per execution; PostgreSQL streams the rows through COPY ... FROM STDIN (text format).
// Any text survives exactly, including tabs, newlines, backslashes, "\N" and "".
// Returns the number of rows inserted.
// Fails with:
//   InvalidInput   `table` or a column is not an identifier ([a-z_][a-z0-9_]*, at most 63
//                  characters), `columns` is empty, or a row's width differs from
//                  columns.size(); nothing is sent to the database
//   Conflict, DatabaseUnavailable, DatabaseError   as for Database::with_transaction
// REQUIRES: called inside Database::with_transaction on `session`, whose backend is
// `backend`; on an error, return it from the transaction function so everything rolls back.
Result<std::size_t> bulk_insert(soci::session& session, Backend backend, std::string_view table,
                                const std::vector<std::string>& columns, const std::vector<BulkRow>& rows);

}  // namespace sinergi::db
