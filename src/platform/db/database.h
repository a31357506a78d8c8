#pragma once

#include <soci/soci.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/result.h"
#include "platform/db/database_url.h"

namespace sinergi::db {

struct PoolOptions {
  // Connections kept open; at least 1.
  std::size_t size = 8;
  // How long a caller waits for a free connection before getting DatabaseUnavailable.
  std::chrono::milliseconds acquire_timeout{5000};
  // SQLite only: how long a writer waits for another writer's transaction to finish.
  std::chrono::milliseconds busy_timeout{5000};
};

struct PoolStats {
  std::size_t size = 0;
  std::size_t in_use = 0;
  // Callers that gave up waiting for a connection since the pool was opened.
  std::uint64_t acquire_timeouts = 0;
};

// Appended to a SELECT that reads rows the same transaction will then update
// (read-modify-write): " FOR UPDATE" on PostgreSQL, where READ COMMITTED would otherwise
// let two transactions read the same old value; "" on SQLite, whose write transactions
// (BEGIN IMMEDIATE) already hold the database's single write lock.
std::string_view row_lock_clause(Backend backend);

// A pool of database sessions and the transactions run on them. Thread-safe.
//
// Every operation takes a function `(soci::session&) -> Result<T>` and returns Result<T>:
// the function's own error, or a storage error:
//   DatabaseUnavailable  no connection within acquire_timeout ("pool exhausted"), the
//                        connection was lost (PostgreSQL restarted), or SQLite stayed busy
//                        longer than busy_timeout. Worth retrying later (HTTP 503).
//   Conflict             a unique ("unique_violation") or foreign-key
//                        ("foreign_key_violation") constraint failed.
//   DatabaseError        any other exception thrown by SOCI or by the function; the SQL
//                        and the database's message are only in Error::log_detail().
// Exceptions never escape, except those not derived from std::exception (rethrown after
// the rollback).
class Database {
 public:
  // Opens the pool and one connection, so a wrong URL, an unreachable server or a file that
  // is not a database fails here rather than on the first request:
  //   InvalidInput         options.size == 0
  //   FileError            the SQLite file's directory is missing and cannot be created
  //   NotADatabase         the SQLite file exists but is not a database
  //   DatabaseUnavailable  PostgreSQL refused or timed out (message: redacted URL and the
  //                        first line of libpq's reason), or SQLite could not open the file
  // SQLite connections run with journal_mode=WAL, foreign_keys=ON, synchronous=NORMAL and
  // busy_timeout=options.busy_timeout. Missing parent directories of the file are created.
  static Result<std::unique_ptr<Database>> open(const DatabaseUrl& url, PoolOptions options = {});

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  // REQUIRES: no operation is running.
  ~Database();

  Backend backend() const { return url_.backend; }
  const DatabaseUrl& url() const { return url_; }

  // Runs `function` in one read-write transaction: commits when it returns an ok Result,
  // rolls back when it returns an error or throws. SQLite: BEGIN IMMEDIATE, so writers
  // queue on the write lock (up to busy_timeout) instead of failing midway. PostgreSQL:
  // BEGIN at READ COMMITTED; use row_lock_clause() for read-modify-write. On PostgreSQL a
  // failed statement voids the rest of the transaction, so a function that catches its
  // exception and returns ok still gets DatabaseError ("transaction aborted"), nothing
  // committed.
  // REQUIRES: `function` does not begin, commit or roll back itself, and does not call this
  // Database again (that would need a second connection and can exhaust the pool).
  template <typename Function>
  auto with_transaction(Function&& function) {
    return run_function<std::remove_reference_t<Function>>(Scope::read_write_transaction, function);
  }

  // As with_transaction, but read-only: writes fail with DatabaseError on both backends
  // (PostgreSQL: BEGIN READ ONLY; SQLite: BEGIN with PRAGMA query_only).
  template <typename Function>
  auto with_read_transaction(Function&& function) {
    return run_function<std::remove_reference_t<Function>>(Scope::read_only_transaction, function);
  }

  // Lends a session without a transaction (each statement commits on its own), for work
  // that cannot run inside one (VACUUM, CREATE INDEX CONCURRENTLY) or manages its own. A
  // transaction left open by `function` is rolled back when the session is returned.
  template <typename Function>
  auto with_session(Function&& function) {
    return run_function<std::remove_reference_t<Function>>(Scope::session, function);
  }

  // Runs SELECT 1 on a pooled connection; a connection found dead is reopened once. Fails
  // with DatabaseUnavailable, within acquire_timeout plus libpq's connect_timeout.
  Result<void> ping();

  PoolStats stats() const;

 private:
  enum class Scope { read_write_transaction, read_only_transaction, session };
  struct Connection;
  class Lease;
  // The type-erased body of an operation: returns the function's error, or success after
  // storing its value in `context`.
  using Callback = Result<void> (*)(void* context, soci::session& session);

  Database(DatabaseUrl url, PoolOptions options);

  Result<void> run(Scope scope, Callback callback, void* context);
  Result<Lease> acquire();
  void release(Connection* connection);
  Result<std::unique_ptr<soci::session>> connect() const;
  Result<void> begin(Lease& lease, Scope scope);
  Result<void> finish(Lease& lease, Scope scope, bool commit);

  template <typename Function>
  auto run_function(Scope scope, Function& function) {
    using ResultType = std::invoke_result_t<Function&, soci::session&>;
    static_assert(IsResult<ResultType>::value, "the function must return a Result<T>");
    using ValueType = typename ResultType::ValueType;
    struct Context {
      Function* function;
      std::optional<std::conditional_t<std::is_void_v<ValueType>, bool, ValueType>> value;
    };
    Context context{&function, std::nullopt};
    Callback callback = [](void* raw_context, soci::session& session) -> Result<void> {
      auto& typed_context = *static_cast<Context*>(raw_context);
      ResultType result = std::invoke(*typed_context.function, session);
      if (!result.ok()) {
        return result.release_error();
      }
      if constexpr (std::is_void_v<ValueType>) {
        typed_context.value.emplace(true);
      } else {
        typed_context.value.emplace(result.release_value());
      }
      return success();
    };
    Result<void> outcome = run(scope, callback, &context);
    if (!outcome.ok()) {
      return ResultType(outcome.release_error());
    }
    if constexpr (std::is_void_v<ValueType>) {
      return ResultType();
    } else {
      return ResultType(std::move(*context.value));
    }
  }

  DatabaseUrl url_;
  PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable connection_returned_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> idle_;       // guarded by mutex_
  std::size_t in_use_ = 0;              // guarded by mutex_
  std::uint64_t acquire_timeouts_ = 0;  // guarded by mutex_
};

}  // namespace sinergi::db
