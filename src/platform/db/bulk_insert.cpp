#include "platform/db/bulk_insert.h"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include <algorithm>
#include <memory>

#include "platform/db/native_session.h"

namespace sinergi::db {
namespace {

constexpr std::size_t kSqliteBatchRows = 1000;
constexpr std::size_t kCopyBufferBytes = 1 << 16;
constexpr std::size_t kMaximumIdentifierLength = 63;  // PostgreSQL's NAMEDATALEN - 1

bool is_identifier(std::string_view name) {
  if (name.empty() || name.size() > kMaximumIdentifierLength ||
      (name.front() >= '0' && name.front() <= '9')) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char character) {
    return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') ||
           character == '_';
  });
}

Result<void> check_shape(std::string_view table, const std::vector<std::string>& columns,
                         const std::vector<BulkRow>& rows) {
  if (!is_identifier(table)) {
    return Error(ErrorCode::InvalidInput, {"bulk insert: '" + std::string(table) + "' is not a table name"});
  }
  if (columns.empty()) {
    return Error(ErrorCode::InvalidInput, {"bulk insert: no columns"});
  }
  for (const std::string& column : columns) {
    if (!is_identifier(column)) {
      return Error(ErrorCode::InvalidInput, {"bulk insert: '" + column + "' is not a column name"});
    }
  }
  for (std::size_t index = 0; index < rows.size(); ++index) {
    if (rows[index].size() != columns.size()) {
      return Error(ErrorCode::InvalidInput, {"bulk insert: row " + std::to_string(index + 1) + " has " +
                                             std::to_string(rows[index].size()) + " values for " +
                                             std::to_string(columns.size()) + " columns"});
    }
  }
  return success();
}

// Names are validated identifiers; quoting them as well lets a column be called "order".
std::string quoted_column_list(const std::vector<std::string>& columns) {
  std::string list;
  for (const std::string& column : columns) {
    list += (list.empty() ? "\"" : ", \"") + column + "\"";
  }
  return list;
}

Result<std::size_t> insert_into_sqlite(soci::session& session, std::string_view table,
                                       const std::vector<std::string>& columns,
                                       const std::vector<BulkRow>& rows) {
  std::string placeholders;
  for (std::size_t column = 0; column < columns.size(); ++column) {
    placeholders += (column == 0 ? ":v" : ", :v") + std::to_string(column);
  }
  const std::string sql = "INSERT INTO \"" + std::string(table) + "\" (" + quoted_column_list(columns) +
                          ") VALUES (" + placeholders + ")";
  try {
    // Column-wise vectors, bound once; each execution inserts the rows they hold.
    std::vector<std::vector<std::string>> values(columns.size());
    std::vector<std::vector<soci::indicator>> indicators(columns.size());
    const auto fill = [&](std::size_t first_row, std::size_t end_row) {
      for (std::size_t column = 0; column < columns.size(); ++column) {
        values[column].clear();
        indicators[column].clear();
        for (std::size_t row = first_row; row < end_row; ++row) {
          const std::optional<std::string>& value = rows[row][column];
          values[column].push_back(value.value_or(std::string()));
          indicators[column].push_back(value ? soci::i_ok : soci::i_null);
        }
      }
    };
    fill(0, std::min(rows.size(), kSqliteBatchRows));
    soci::statement statement(session);
    for (std::size_t column = 0; column < columns.size(); ++column) {
      statement.exchange(soci::use(values[column], indicators[column]));
    }
    statement.alloc();
    statement.prepare(sql);
    statement.define_and_bind();
    for (std::size_t first_row = 0; first_row < rows.size(); first_row += kSqliteBatchRows) {
      if (first_row > 0) {
        fill(first_row, std::min(rows.size(), first_row + kSqliteBatchRows));
      }
      statement.execute(true);
    }
    return rows.size();
  } catch (const std::exception& exception) {
    return error_from_exception(exception);
  }
}

void append_copy_text(std::string& buffer, const std::string& value) {
  for (char character : value) {
    switch (character) {
      case '\\':
        buffer += "\\\\";
        break;
      case '\t':
        buffer += "\\t";
        break;
      case '\n':
        buffer += "\\n";
        break;
      case '\r':
        buffer += "\\r";
        break;
      default:
        buffer += character;
    }
  }
}

using PostgresqlResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

Error copy_error(PGconn* connection, const PGresult* result) {
  std::string message = result != nullptr ? PQresultErrorMessage(result) : "";
  if (message.empty()) {
    message = PQerrorMessage(connection);
  }
  if (PQstatus(connection) != CONNECTION_OK) {
    return Error(ErrorCode::DatabaseUnavailable, {"connection lost"}).with_log_detail(single_line(message));
  }
  const char* sqlstate = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  return error_from_postgresql(sqlstate == nullptr ? "" : sqlstate, message);
}

// Reads the results that end a COPY; the first tells whether it succeeded.
Result<std::size_t> finish_copy(PGconn* connection) {
  Result<std::size_t> outcome = Error(ErrorCode::DatabaseError, {"copy failed"});
  bool first = true;
  while (PGresult* raw_result = PQgetResult(connection)) {
    PostgresqlResult result(raw_result, &PQclear);
    if (!first) {
      continue;
    }
    first = false;
    if (PQresultStatus(result.get()) == PGRES_COMMAND_OK) {
      outcome = static_cast<std::size_t>(std::stoull(PQcmdTuples(result.get())));
    } else {
      outcome = copy_error(connection, result.get());
    }
  }
  return outcome;
}

Result<std::size_t> copy_into_postgresql(soci::session& session, std::string_view table,
                                         const std::vector<std::string>& columns,
                                         const std::vector<BulkRow>& rows) {
  PGconn* connection = static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
  const std::string copy =
      "COPY \"" + std::string(table) + "\" (" + quoted_column_list(columns) + ") FROM STDIN";
  {
    PostgresqlResult started(PQexec(connection, copy.c_str()), &PQclear);
    if (PQresultStatus(started.get()) != PGRES_COPY_IN) {
      return copy_error(connection, started.get());
    }
  }
  std::string buffer;
  buffer.reserve(kCopyBufferBytes + 4096);
  const auto send = [&]() {
    const bool sent = PQputCopyData(connection, buffer.data(), static_cast<int>(buffer.size())) == 1;
    buffer.clear();
    return sent;
  };
  for (const BulkRow& row : rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      if (column > 0) {
        buffer += '\t';
      }
      if (row[column]) {
        append_copy_text(buffer, *row[column]);
      } else {
        buffer += "\\N";
      }
    }
    buffer += '\n';
    if (buffer.size() >= kCopyBufferBytes && !send()) {
      // Tell the server to abandon the COPY, then collect its error.
      PQputCopyEnd(connection, "client failed to send data");
      auto failed = finish_copy(connection);
      return failed.ok() ? copy_error(connection, nullptr) : failed.release_error();
    }
  }
  if ((!buffer.empty() && !send()) || PQputCopyEnd(connection, nullptr) != 1) {
    auto failed = finish_copy(connection);
    return failed.ok() ? copy_error(connection, nullptr) : failed.release_error();
  }
  return finish_copy(connection);
}

}  // namespace

Result<std::size_t> bulk_insert(soci::session& session, Backend backend, std::string_view table,
                                const std::vector<std::string>& columns, const std::vector<BulkRow>& rows) {
  TRY(check_shape(table, columns, rows));
  if (rows.empty()) {
    return std::size_t{0};
  }
  return backend == Backend::sqlite ? insert_into_sqlite(session, table, columns, rows)
                                    : copy_into_postgresql(session, table, columns, rows);
}

}  // namespace sinergi::db
