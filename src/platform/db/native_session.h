#pragma once

// Internal to sinergi_db: what SOCI does not expose portably, done through each backend's
// native handle (PGconn, sqlite3). Callers outside src/platform/db use Database instead.

#include <exception>
#include <string>
#include <string_view>

#include "core/result.h"
#include "platform/db/database_url.h"

namespace soci {
class session;
}

namespace sinergi::db {

// True when the session's connection is gone (PostgreSQL server restarted, network cut).
// A SQLite connection is never lost.
bool connection_is_lost(soci::session& session, Backend backend);

// True when a transaction is open on the session (including a failed PostgreSQL one).
bool transaction_is_open(soci::session& session, Backend backend);

// True when a PostgreSQL transaction has hit an error: everything after it is ignored,
// and COMMIT would silently roll back. Always false for SQLite.
bool transaction_has_failed(soci::session& session, Backend backend);

// Runs one SQL statement exactly as written, with no bind-parameter parsing, through the
// native API. On failure returns DatabaseError (or Conflict, DatabaseUnavailable) whose
// log detail is the database's own message, and stores in `*reason` (when given) the
// database's one-line reason, e.g. `syntax error at or near ";"`.
Result<void> execute_verbatim(soci::session& session, Backend backend, const std::string& statement,
                              std::string* reason = nullptr);

// Maps an exception thrown by SOCI, libpq or a caller's function to a domain error. The
// message arguments never contain SQL; the full text goes to the log detail.
Error error_from_exception(const std::exception& exception);

// Maps a PostgreSQL SQLSTATE and message to a domain error.
Error error_from_postgresql(std::string_view sqlstate, const std::string& detail);

// The first non-empty line of a multi-line database message.
std::string first_line(std::string_view message);

// The message on one line: every run of line breaks and tabs becomes one space. Log
// details are single lines, so a log shipper (or a CLI printing them) keeps one record
// per line.
std::string single_line(std::string_view message);

}  // namespace sinergi::db
