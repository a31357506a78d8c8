#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sinergi::db {

enum class Backend { sqlite, postgresql };

// "sqlite" or "postgresql".
std::string_view backend_name(Backend backend);
// Writes backend_name(backend), for logs and test failure messages.
std::ostream& operator<<(std::ostream& stream, Backend backend);

// Where the data lives, parsed from the URL an operator gives on the command line or in
// SINERGI_DB. Two forms are understood:
//
//   sqlite://PATH        PATH is taken verbatim (no percent-decoding): sqlite:///srv/sinergi.db
//                        is absolute, sqlite://./data/sinergi.db and sqlite://data/x.db are
//                        relative to the working directory. ":memory:" is refused, because
//                        every pooled connection would see its own empty database.
//   postgresql://[USER[:PASSWORD]@][HOST][:PORT]/DBNAME[?KEY=VALUE&...]   (or postgres://)
//                        USER, PASSWORD, HOST, DBNAME and query values are percent-decoded;
//                        HOST may be an IPv6 literal in brackets; query parameters become libpq
//                        keywords unchanged (sslmode, application_name, ...). Unless given,
//                        connect_timeout=5 and client_encoding=UTF8 are added.
struct DatabaseUrl {
  Backend backend = Backend::sqlite;
  // The database file, when backend == sqlite.
  std::string sqlite_path;
  // A libpq keyword/value connection string ("host=... dbname=..."), when backend == postgresql.
  std::string postgresql_connection;
  // The URL exactly as given. It may hold a password: log redacted() instead.
  std::string text;

  // Fails with ErrorCode::InvalidDatabaseUrl naming the reason (unknown scheme, empty path,
  // missing database name, bad port, bad percent-encoding, ...); the message shows the URL
  // with its password redacted.
  static Result<DatabaseUrl> parse(std::string_view url);

  // The URL with any password (in the user info or a password= parameter) replaced by "***",
  // safe for logs and error messages.
  std::string redacted() const;
};

// Where `sinergi serve`, `migrate` and `demo` keep their data unless told otherwise.
inline constexpr std::string_view kDefaultDatabaseUrl = "sqlite://./data/sinergi.db";

// Quotes `value` for a libpq keyword/value connection string when it needs it (empty, or
// containing whitespace, a single quote or a backslash).
std::string quote_connection_value(std::string_view value);

// Replaces the password in any "scheme://user:password@host..." text and in any
// "password=..." query parameter with "***". Used on URLs that failed to parse, too.
std::string redact_url_text(std::string_view url);

}  // namespace sinergi::db
