#pragma once

#include <soci/soci.h>

#include "core/clock.h"
#include "core/result.h"
#include "platform/db/database.h"

// The SQL side of a context's repository port: write() and read() run the caller's work in a
// read-write or read-only transaction of `database`, on a Store (the context's SQL adapter,
// constructed from the session, the backend and the clock) made for that transaction.

namespace sinergi::db {

template <typename Port, typename Store>
class SqlRepository final : public Port {
 public:
  // REQUIRES: `database` and `clock` outlive the repository.
  SqlRepository(Database& database, const Clock& clock) : database_(database), clock_(clock) {}

  Result<void> write(const typename Port::Work& work) override {
    return database_.with_transaction([&](soci::session& session) -> Result<void> {
      Store store(session, database_.backend(), clock_);
      return work(store);
    });
  }

  Result<void> read(const typename Port::Work& work) override {
    return database_.with_read_transaction([&](soci::session& session) -> Result<void> {
      Store store(session, database_.backend(), clock_);
      return work(store);
    });
  }

 private:
  Database& database_;
  const Clock& clock_;
};

}  // namespace sinergi::db
