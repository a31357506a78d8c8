#include "platform/db/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <string>
#include <system_error>

#include "platform/db/native_session.h"

namespace sinergi::db {
namespace {

constexpr int kSqliteNotADatabase = 26;

// SOCI prefixes libpq's and SQLite's messages with its own context ("Cannot establish
// connection to the database.", "sqlite3_statement_backend::prepare: "); an operator
// only needs the database's reason.
std::string reason_from_exception(const std::exception& exception) {
  std::string message = exception.what();
  if (const auto* soci_error = dynamic_cast<const soci::soci_error*>(&exception)) {
    message = soci_error->get_error_message();
  }
  constexpr std::string_view kConnectPrefix = "Cannot establish connection to the database.";
  if (message.starts_with(kConnectPrefix)) {
    message.erase(0, kConnectPrefix.size());
  }
  if (auto separator = message.find(": "); separator != std::string::npos) {
    const std::string_view head(message.data(), separator);
    if (head.find("::") != std::string_view::npos && head.find(' ') == std::string_view::npos) {
      message.erase(0, separator + 2);
    }
  }
  return first_line(message);
}

// SOCI's SQLite backend reads "key=value" options when the connection string contains
// '=', and otherwise takes the whole string as the file name.
Result<std::string> sqlite_connection_string(const std::string& path) {
  if (path.find('=') == std::string::npos) {
    return path;
  }
  if (path.find_first_of(" \"") == std::string::npos) {
    return "db=\"" + path + "\"";
  }
  return Error(ErrorCode::InvalidDatabaseUrl,
               {"SQLite paths with both '=' and spaces or quotes are not supported"});
}

}  // namespace

std::string_view row_lock_clause(Backend backend) {
  return backend == Backend::postgresql ? " FOR UPDATE" : "";
}

// One slot of the pool. The session is null until first use, and again after it was found
// broken; the next user of the slot opens a new one.
struct Database::Connection {
  std::unique_ptr<soci::session> session;
};

// A connection taken from the pool; returns it on destruction.
class Database::Lease {
 public:
  Lease(Database* database, Connection* connection) : database_(database), connection_(connection) {}
  Lease(Lease&& other) noexcept
      : database_(other.database_), connection_(std::exchange(other.connection_, nullptr)) {}
  Lease& operator=(Lease&&) = delete;
  ~Lease() {
    if (connection_ != nullptr) {
      database_->release(connection_);
    }
  }

  bool connected() const { return connection_->session != nullptr; }
  // REQUIRES: connected()
  soci::session& session() { return *connection_->session; }
  // Closes the session: it is lost or in an unknown state.
  void discard() { connection_->session.reset(); }

  // Replaces the session by a new connection. The caller sees a short message; the
  // details (redacted URL, libpq's reason) go to the log.
  Result<void> reconnect() {
    discard();
    auto session = database_->connect();
    if (!session.ok()) {
      return Error(ErrorCode::DatabaseUnavailable, {"connection lost"})
          .with_log_detail(session.error().message(Locale::english) + "; " + session.error().log_detail());
    }
    connection_->session = std::move(session).value();
    return success();
  }

 private:
  Database* database_;
  Connection* connection_;
};

Database::Database(DatabaseUrl url, PoolOptions options) : url_(std::move(url)), options_(options) {
  connections_.reserve(options_.size);
  for (std::size_t index = 0; index < options_.size; ++index) {
    connections_.push_back(std::make_unique<Connection>());
  }
  // Idle connections are taken from the back: the first slot, opened by open(), goes first.
  for (auto slot = connections_.rbegin(); slot != connections_.rend(); ++slot) {
    idle_.push_back(slot->get());
  }
}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl& url, PoolOptions options) {
  if (options.size == 0) {
    return Error(ErrorCode::InvalidInput, {"the database pool size must be at least 1"});
  }
  if (url.backend == Backend::sqlite) {
    const std::filesystem::path parent = std::filesystem::path(url.sqlite_path).parent_path();
    std::error_code error;
    if (!parent.empty() && !std::filesystem::is_directory(parent, error)) {
      std::filesystem::create_directories(parent, error);
      if (error) {
        return Error(ErrorCode::FileError, {parent.string(), error.message()});
      }
    }
  }
  std::unique_ptr<Database> database(new Database(url, options));
  database->connections_.front()->session = TRY(database->connect());
  return Result<std::unique_ptr<Database>>(std::move(database));
}

Result<std::unique_ptr<soci::session>> Database::connect() const {
  if (url_.backend == Backend::postgresql) {
    try {
      return std::make_unique<soci::session>(soci::postgresql, url_.postgresql_connection);
    } catch (const std::exception& exception) {
      return Error(ErrorCode::DatabaseUnavailable,
                   {url_.redacted() + " (" + reason_from_exception(exception) + ")"})
          .with_log_detail(single_line(exception.what()));
    }
  }
  const std::string connection_string = TRY(sqlite_connection_string(url_.sqlite_path));
  try {
    auto session = std::make_unique<soci::session>(soci::sqlite3, connection_string);
    // busy_timeout first: switching a new file to WAL takes a lock that another pooled
    // connection may hold at the same moment.
    int busy_timeout = 0;
    *session << "PRAGMA busy_timeout = " + std::to_string(options_.busy_timeout.count()),
        soci::into(busy_timeout);
    std::string journal_mode;
    *session << "PRAGMA journal_mode = WAL", soci::into(journal_mode);
    *session << "PRAGMA foreign_keys = ON";
    *session << "PRAGMA synchronous = NORMAL";
    // SQLite opens any file lazily; reading the schema proves it is really a database.
    long long object_count = 0;
    *session << "SELECT count(*) FROM sqlite_master", soci::into(object_count);
    return session;
  } catch (const soci::sqlite3_soci_error& exception) {
    if ((exception.result() & 0xff) == kSqliteNotADatabase) {
      return Error(ErrorCode::NotADatabase, {url_.sqlite_path})
          .with_log_detail(single_line(exception.what()));
    }
    return Error(ErrorCode::DatabaseUnavailable,
                 {url_.redacted() + " (" + reason_from_exception(exception) + ")"})
        .with_log_detail(single_line(exception.what()));
  } catch (const std::exception& exception) {
    return Error(ErrorCode::DatabaseUnavailable,
                 {url_.redacted() + " (" + reason_from_exception(exception) + ")"})
        .with_log_detail(single_line(exception.what()));
  }
}

Result<Database::Lease> Database::acquire() {
  Connection* connection = nullptr;
  {
    std::unique_lock lock(mutex_);
    if (!connection_returned_.wait_for(lock, options_.acquire_timeout, [this] { return !idle_.empty(); })) {
      ++acquire_timeouts_;
      return Error(ErrorCode::DatabaseUnavailable, {"pool exhausted"})
          .with_log_detail("no database connection free within " +
                           std::to_string(options_.acquire_timeout.count()) + " ms; pool size " +
                           std::to_string(options_.size));
    }
    connection = idle_.back();
    idle_.pop_back();
    ++in_use_;
  }
  Lease lease(this, connection);
  if (!lease.connected()) {
    TRY(lease.reconnect());
  }
  return Result<Lease>(std::move(lease));
}

void Database::release(Connection* connection) {
  // Whatever the last user did, the connection goes back idle and healthy, or closed: a
  // lost PostgreSQL connection, or a transaction left open, must not reach the next user.
  if (connection->session != nullptr) {
    soci::session& session = *connection->session;
    if (connection_is_lost(session, backend())) {
      connection->session.reset();
    } else if (transaction_is_open(session, backend())) {
      auto rolled_back = execute_verbatim(session, backend(), "ROLLBACK");
      if (!rolled_back.ok() || transaction_is_open(session, backend())) {
        connection->session.reset();
      }
    }
  }
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(connection);
    --in_use_;
  }
  connection_returned_.notify_one();
}

Result<void> Database::begin(Lease& lease, Scope scope) {
  const bool read_only = scope == Scope::read_only_transaction;
  std::vector<std::string> statements;
  if (backend() == Backend::sqlite) {
    // IMMEDIATE takes the write lock at once, waiting up to busy_timeout for another
    // writer; a DEFERRED transaction would fail on its first write instead, with no wait.
    statements = read_only ? std::vector<std::string>{"PRAGMA query_only = ON", "BEGIN"}
                           : std::vector<std::string>{"BEGIN IMMEDIATE"};
  } else {
    statements = {read_only ? "BEGIN READ ONLY" : "BEGIN"};
  }
  for (int attempt = 0;; ++attempt) {
    Result<void> started = success();
    for (const std::string& statement : statements) {
      started = execute_verbatim(lease.session(), backend(), statement);
      if (!started.ok()) {
        break;
      }
    }
    if (started.ok()) {
      return success();
    }
    // A connection that died while idle (the server restarted) is noticed only now.
    // Nothing has run yet, so a new connection can safely start the transaction again.
    if (attempt == 0 && connection_is_lost(lease.session(), backend())) {
      TRY(lease.reconnect());
      continue;
    }
    // A lost connection, or a SQLite one stuck in query-only mode, must not go back to
    // the pool.
    const bool unusable = connection_is_lost(lease.session(), backend()) ||
                          (backend() == Backend::sqlite && read_only &&
                           !execute_verbatim(lease.session(), backend(), "PRAGMA query_only = OFF").ok());
    if (unusable) {
      lease.discard();
    }
    return started;
  }
}

Result<void> Database::finish(Lease& lease, Scope scope, bool commit) {
  Result<void> finished = success();
  if (commit && transaction_has_failed(lease.session(), backend())) {
    // PostgreSQL would answer COMMIT with a silent ROLLBACK: the function swallowed a
    // failed statement's exception, and its writes are already void.
    (void)execute_verbatim(lease.session(), backend(), "ROLLBACK");
    finished =
        Error(ErrorCode::DatabaseError, {"transaction aborted"})
            .with_log_detail("a statement failed inside the transaction but the function returned success");
  } else {
    finished = execute_verbatim(lease.session(), backend(), commit ? "COMMIT" : "ROLLBACK");
  }
  if (connection_is_lost(lease.session(), backend())) {
    lease.discard();
    if (!finished.ok()) {
      return Error(ErrorCode::DatabaseUnavailable, {"connection lost"})
          .with_log_detail((commit ? "outcome of COMMIT unknown: " : "") + finished.error().log_detail());
    }
    return finished;
  }
  if (backend() == Backend::sqlite && scope == Scope::read_only_transaction &&
      !execute_verbatim(lease.session(), backend(), "PRAGMA query_only = OFF").ok()) {
    lease.discard();
  }
  return finished;
}

Result<void> Database::run(Scope scope, Callback callback, void* context) {
  Lease lease = TRY(acquire());
  const bool transactional = scope != Scope::session;
  if (transactional) {
    TRY(begin(lease, scope));
  }
  Result<void> outcome = success();
  try {
    outcome = callback(context, lease.session());
  } catch (const std::exception& exception) {
    outcome = error_from_exception(exception);
  } catch (...) {
    if (transactional) {
      (void)finish(lease, scope, /*commit=*/false);
    }
    throw;
  }
  if (!outcome.ok()) {
    const bool lost = connection_is_lost(lease.session(), backend());
    if (transactional) {
      (void)finish(lease, scope, /*commit=*/false);
    }
    if (lost && outcome.error().code() == ErrorCode::DatabaseError) {
      return Error(ErrorCode::DatabaseUnavailable, {"connection lost"})
          .with_log_detail(outcome.error().log_detail());
    }
    return outcome;
  }
  if (transactional) {
    TRY(finish(lease, scope, /*commit=*/true));
  }
  return success();
}

Result<void> Database::ping() {
  Lease lease = TRY(acquire());
  for (int attempt = 0;; ++attempt) {
    Result<void> answered = execute_verbatim(lease.session(), backend(), "SELECT 1");
    if (answered.ok()) {
      return success();
    }
    if (attempt == 0 && connection_is_lost(lease.session(), backend())) {
      TRY(lease.reconnect());
      continue;
    }
    return Error(ErrorCode::DatabaseUnavailable, {"ping failed"})
        .with_log_detail(answered.error().log_detail());
  }
}

PoolStats Database::stats() const {
  std::lock_guard lock(mutex_);
  return PoolStats{options_.size, in_use_, acquire_timeouts_};
}

}  // namespace sinergi::db
