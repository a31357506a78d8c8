#include "platform/db/native_session.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <memory>

namespace sinergi::db {
namespace {

// Result codes from sqlite3.h; soci-sqlite3.h wraps that header in a namespace, so the
// macros are available but spelled here for readability.
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteConstraint = 19;
constexpr int kSqliteNotADatabase = 26;

PGconn* postgresql_connection(soci::session& session) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  return backend == nullptr ? nullptr : backend->conn_;
}

sqlite_api::sqlite3* sqlite_connection(soci::session& session) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  return backend == nullptr ? nullptr : backend->conn_;
}

Error error_from_sqlite(int result_code, const std::string& raw_detail) {
  std::string detail = single_line(raw_detail);
  switch (result_code & 0xff) {
    case kSqliteConstraint:
      if (detail.find("UNIQUE constraint failed") != std::string::npos) {
        return Error(ErrorCode::Conflict, {"unique_violation"}).with_log_detail(std::move(detail));
      }
      if (detail.find("FOREIGN KEY constraint failed") != std::string::npos) {
        return Error(ErrorCode::Conflict, {"foreign_key_violation"}).with_log_detail(std::move(detail));
      }
      return Error(ErrorCode::DatabaseError, {"constraint failed"}).with_log_detail(std::move(detail));
    case kSqliteBusy:
    case kSqliteLocked:
      return Error(ErrorCode::DatabaseUnavailable, {"database is busy"}).with_log_detail(std::move(detail));
    case kSqliteReadOnly:
      return Error(ErrorCode::DatabaseError, {"write in a read-only transaction"})
          .with_log_detail(std::move(detail));
    case kSqliteNotADatabase:
      return Error(ErrorCode::DatabaseError, {"not a database"}).with_log_detail(std::move(detail));
    default:
      return Error(ErrorCode::DatabaseError, {"query failed"}).with_log_detail(std::move(detail));
  }
}

}  // namespace

bool connection_is_lost(soci::session& session, Backend backend) {
  if (backend != Backend::postgresql) {
    return false;
  }
  PGconn* connection = postgresql_connection(session);
  return connection == nullptr || PQstatus(connection) != CONNECTION_OK;
}

bool transaction_is_open(soci::session& session, Backend backend) {
  if (backend == Backend::postgresql) {
    PGconn* connection = postgresql_connection(session);
    return connection != nullptr && PQtransactionStatus(connection) != PQTRANS_IDLE;
  }
  sqlite_api::sqlite3* connection = sqlite_connection(session);
  return connection != nullptr && sqlite_api::sqlite3_get_autocommit(connection) == 0;
}

bool transaction_has_failed(soci::session& session, Backend backend) {
  if (backend != Backend::postgresql) {
    return false;
  }
  PGconn* connection = postgresql_connection(session);
  return connection != nullptr && PQtransactionStatus(connection) == PQTRANS_INERROR;
}

Result<void> execute_verbatim(soci::session& session, Backend backend, const std::string& statement,
                              std::string* reason) {
  if (backend == Backend::postgresql) {
    PGconn* connection = postgresql_connection(session);
    if (connection == nullptr) {
      return Error(ErrorCode::DatabaseUnavailable, {"connection lost"});
    }
    std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection, statement.c_str()), &PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
      return success();
    }
    const char* sqlstate = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    std::string message = result ? PQresultErrorMessage(result.get()) : PQerrorMessage(connection);
    if (message.empty()) {
      message = PQerrorMessage(connection);
    }
    if (reason != nullptr) {
      const char* primary = result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
      *reason = primary != nullptr ? std::string(primary) : first_line(message);
    }
    if (PQstatus(connection) != CONNECTION_OK) {
      return Error(ErrorCode::DatabaseUnavailable, {"connection lost"}).with_log_detail(single_line(message));
    }
    return error_from_postgresql(sqlstate == nullptr ? "" : sqlstate, message);
  }
  sqlite_api::sqlite3* connection = sqlite_connection(session);
  char* raw_message = nullptr;
  const int result_code =
      sqlite_api::sqlite3_exec(connection, statement.c_str(), nullptr, nullptr, &raw_message);
  if (result_code == 0) {
    return success();
  }
  std::string message = raw_message != nullptr ? raw_message : sqlite_api::sqlite3_errstr(result_code);
  sqlite_api::sqlite3_free(raw_message);
  if (reason != nullptr) {
    *reason = first_line(message);
  }
  return error_from_sqlite(result_code, message);
}

Error error_from_exception(const std::exception& exception) {
  std::string detail = single_line(exception.what());
  if (const auto* postgresql = dynamic_cast<const soci::postgresql_soci_error*>(&exception)) {
    return error_from_postgresql(postgresql->sqlstate(), detail);
  }
  if (const auto* sqlite = dynamic_cast<const soci::sqlite3_soci_error*>(&exception)) {
    return error_from_sqlite(sqlite->result(), detail);
  }
  if (dynamic_cast<const soci::soci_error*>(&exception) != nullptr) {
    return Error(ErrorCode::DatabaseError, {"query failed"}).with_log_detail(std::move(detail));
  }
  return Error(ErrorCode::DatabaseError, {"unexpected exception"}).with_log_detail(std::move(detail));
}

Error error_from_postgresql(std::string_view sqlstate, const std::string& raw_detail) {
  std::string detail = single_line(raw_detail);
  if (sqlstate == "23505") {
    return Error(ErrorCode::Conflict, {"unique_violation"}).with_log_detail(std::move(detail));
  }
  if (sqlstate == "23503") {
    return Error(ErrorCode::Conflict, {"foreign_key_violation"}).with_log_detail(std::move(detail));
  }
  // Class 08 is "connection exception"; 57P01-57P03 mean the server is shutting down or
  // starting up. Either way the request may succeed later: 503, not 500.
  if (sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03") {
    return Error(ErrorCode::DatabaseUnavailable, {"connection lost"}).with_log_detail(std::move(detail));
  }
  if (sqlstate == "25006") {
    return Error(ErrorCode::DatabaseError, {"write in a read-only transaction"})
        .with_log_detail(std::move(detail));
  }
  if (sqlstate.starts_with("23")) {
    return Error(ErrorCode::DatabaseError, {"constraint failed"}).with_log_detail(std::move(detail));
  }
  return Error(ErrorCode::DatabaseError, {"query failed"}).with_log_detail(std::move(detail));
}

std::string first_line(std::string_view message) {
  while (!message.empty()) {
    std::string_view line = message.substr(0, message.find('\n'));
    message.remove_prefix(std::min(message.size(), line.size() + 1));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      line.remove_prefix(1);
    }
    if (!line.empty()) {
      return std::string(line);
    }
  }
  return {};
}

std::string single_line(std::string_view message) {
  std::string line;
  line.reserve(message.size());
  bool pending_space = false;
  for (char character : message) {
    if (character == '\n' || character == '\r' || character == '\t') {
      pending_space = true;
      continue;
    }
    if (pending_space && !line.empty() && line.back() != ' ' && character != ' ') {
      line += ' ';
    }
    pending_space = false;
    line += character;
  }
  while (!line.empty() && line.back() == ' ') {
    line.pop_back();
  }
  return line;
}

}  // namespace sinergi::db
