#pragma once

// Shared by the audit tests: a fresh, migrated database per test on every backend, and
// small helpers to write and inspect the trail.

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "platform/audit/audit_log.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"

namespace sinergi::audit {

inline std::string describe(const Error& error) {
  return error.message(Locale::english) + (error.log_detail().empty() ? "" : " [" + error.log_detail() + "]");
}

// 2025-07-01T03:00:00Z, a Tuesday morning in Samarinda.
inline std::chrono::system_clock::time_point test_epoch() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1'751'338'800));
}

// A user editing a widget in region 64.
inline AuditEvent widget_event(const std::string& widget_id, const std::string& name = "Widget") {
  AuditEvent event;
  event.actor = Actor{ActorType::user, 7, "siti"};
  event.region_id = 64;
  event.action = "widget.create";
  event.entity_type = "widget";
  event.entity_id = widget_id;
  event.changes = diff_fields(nullptr, {{"name", name}});
  event.request_id = "request-" + widget_id;
  event.remote_address = "10.0.0.7";
  return event;
}

class AuditStorageTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    auto created = db::TestDatabase::create(GetParam());
    ASSERT_TRUE(created.ok()) << describe(created.error());
    test_database_.emplace(std::move(created).value());
    // Generous, because under the sanitizers eight SQLite writers queue for a while.
    auto database = db::Database::open(test_database_->url(),
                                       db::PoolOptions{.size = 8, .busy_timeout = std::chrono::seconds(60)});
    ASSERT_TRUE(database.ok()) << describe(database.error());
    database_ = std::move(database).value();
    auto migrations = db::bundled_migrations();
    ASSERT_TRUE(migrations.ok()) << describe(migrations.error());
    // A table for the changes the events describe.
    const std::string fixture_sql = "CREATE TABLE widgets (id TEXT PRIMARY KEY, name TEXT NOT NULL)";
    migrations->push_back(
        db::Migration{db::latest_version(*migrations) + 1, "audit_fixtures", fixture_sql, fixture_sql});
    auto migrated = db::migrate(*database_, *migrations);
    ASSERT_TRUE(migrated.ok()) << describe(migrated.error());
  }

  db::Database& database() { return *database_; }

  // Inserts a widget and appends its event, in one transaction.
  Result<AuditRecord> create_widget(const AuditEvent& event) {
    return database_->with_transaction([&](soci::session& session) -> Result<AuditRecord> {
      const std::string id = event.entity_id.value_or("");
      const std::string name = "Widget " + id;
      session << "INSERT INTO widgets (id, name) VALUES (:id, :name)", soci::use(id), soci::use(name);
      return append(session, GetParam(), event, clock_);
    });
  }

  // Runs one statement outside the appender, as someone with direct access would.
  void execute(const std::string& sql) {
    auto done = database_->with_session([&](soci::session& session) -> Result<void> {
      session << sql;
      return success();
    });
    ASSERT_TRUE(done.ok()) << sql << ": " << describe(done.error());
  }

  long long count(const std::string& sql) {
    auto counted = database_->with_read_transaction([&](soci::session& session) -> Result<long long> {
      long long value = -1;
      session << sql, soci::into(value);
      return value;
    });
    EXPECT_TRUE(counted.ok()) << sql << ": " << describe(counted.error());
    return counted.value_or(-1);
  }

  ManualClock clock_{test_epoch()};
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace sinergi::audit
