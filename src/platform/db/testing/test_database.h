#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/db/database_url.h"

namespace sinergi::db {

// The backends the storage tests run against: SQLite always; PostgreSQL too when
// SINERGI_TEST_POSTGRES_URL names an administrative URL of a running cluster (e.g.
// postgresql://postgres@127.0.0.1:54329/postgres). With SINERGI_TEST_REQUIRE_POSTGRES=1 and
// no URL, PostgreSQL is listed anyway so that every PostgreSQL test fails loudly instead of
// being skipped.
std::vector<Backend> test_backends();

// "sqlite" or "postgresql", naming the instances of INSTANTIATE_TEST_SUITE_P.
std::string backend_test_name(const testing::TestParamInfo<Backend>& info);

// A database that exists for one test: SQLite, a new file in the temporary directory;
// PostgreSQL, a new database sinergi_test_<random> created through the administrative URL.
// The destructor deletes it (the file with its -wal and -shm companions, or DROP DATABASE
// ... WITH (FORCE)). Movable, not copyable.
class TestDatabase {
 public:
  // Fails with DatabaseUnavailable when PostgreSQL is wanted but SINERGI_TEST_POSTGRES_URL is
  // unset or the cluster cannot be reached, InvalidDatabaseUrl when that URL is malformed.
  static Result<TestDatabase> create(Backend backend);

  TestDatabase(TestDatabase&& other) noexcept;
  TestDatabase& operator=(TestDatabase&& other) noexcept;
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase();

  Backend backend() const { return url_.backend; }
  const DatabaseUrl& url() const { return url_; }
  std::string url_text() const { return url_.text; }

 private:
  TestDatabase(DatabaseUrl url, std::optional<DatabaseUrl> administrative_url, std::string postgresql_name);
  void destroy() noexcept;

  DatabaseUrl url_;
  std::optional<DatabaseUrl> administrative_url_;  // PostgreSQL only
  std::string postgresql_name_;                    // PostgreSQL only
  bool owned_ = true;                              // false once moved from
};

}  // namespace sinergi::db
