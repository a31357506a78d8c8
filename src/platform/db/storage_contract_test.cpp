// The storage contract: every case runs unchanged against every backend in
// test_backends(), so SQLite and PostgreSQL stay interchangeable behind Database.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <thread>

#include "platform/db/bulk_insert.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"

namespace sinergi::db {
namespace {

std::string describe(const Error& error) {
  return error.message(Locale::english) + (error.log_detail().empty() ? "" : " [" + error.log_detail() + "]");
}

// Tables the contract cases use, as one more step after the bundled ones, in shared SQL.
Migration contract_fixtures(int version) {
  const std::string sql = R"sql(
    -- Counters for the concurrency cases; table names carry a contract_ prefix so they
    -- never collide with the product's own tables.
    CREATE TABLE contract_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);
    CREATE TABLE contract_regions (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE contract_offices (
      id BIGINT PRIMARY KEY,
      region_id BIGINT NOT NULL REFERENCES contract_regions (id),
      name TEXT NOT NULL
    );
    CREATE TABLE contract_bulk_rows (id BIGINT PRIMARY KEY, name TEXT, note TEXT, amount BIGINT);
    INSERT INTO contract_counters (name, value) VALUES ('hits', 0);
    INSERT INTO contract_regions (id, name) VALUES (64, 'Kalimantan Timur; Samarinda');
  )sql";
  return Migration{version, "contract_fixtures", sql, sql};
}

std::vector<Migration> contract_migrations() {
  auto migrations = bundled_migrations();
  EXPECT_TRUE(migrations.ok());
  std::vector<Migration> all = migrations.ok() ? migrations.value() : std::vector<Migration>{};
  all.push_back(contract_fixtures(latest_version(all) + 1));
  return all;
}

std::vector<std::string> labels_of(const std::vector<Migration>& migrations) {
  std::vector<std::string> labels;
  for (const Migration& migration : migrations) {
    labels.push_back(migration_label(migration));
  }
  return labels;
}

Result<void> put_setting(soci::session& session, const std::string& key, const std::string& value) {
  const std::string updated_at = "2025-07-01T03:00:00Z";
  session << "INSERT INTO system_settings (key, value, updated_at) VALUES (:key, :value, :updated_at)",
      soci::use(key), soci::use(value), soci::use(updated_at);
  return success();
}

Result<std::optional<std::string>> read_setting(Database& database, const std::string& key) {
  return database.with_read_transaction([&](soci::session& session) -> Result<std::optional<std::string>> {
    std::string value;
    soci::indicator indicator = soci::i_null;
    session << "SELECT value FROM system_settings WHERE key = :key", soci::use(key),
        soci::into(value, indicator);
    if (!session.got_data() || indicator != soci::i_ok) {
      return std::optional<std::string>();
    }
    return std::optional<std::string>(value);
  });
}

long long read_counter(Database& database) {
  auto value = database.with_read_transaction([](soci::session& session) -> Result<long long> {
    long long counter = -1;
    session << "SELECT value FROM contract_counters WHERE name = 'hits'", soci::into(counter);
    return counter;
  });
  EXPECT_TRUE(value.ok()) << describe(value.error());
  return value.value_or(-1);
}

class StorageContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto created = TestDatabase::create(GetParam());
    ASSERT_TRUE(created.ok()) << describe(created.error());
    test_database_.emplace(std::move(created).value());
  }

  std::unique_ptr<Database> open(PoolOptions options = {}) {
    auto database = Database::open(test_database_->url(), options);
    EXPECT_TRUE(database.ok()) << describe(database.error());
    return database.ok() ? std::move(database).value() : nullptr;
  }

  std::unique_ptr<Database> open_migrated(PoolOptions options = {}) {
    auto database = open(options);
    if (database == nullptr) {
      return nullptr;
    }
    auto report = migrate(*database, contract_migrations());
    EXPECT_TRUE(report.ok()) << describe(report.error());
    return report.ok() ? std::move(database) : nullptr;
  }

  std::optional<TestDatabase> test_database_;
};

// --- Migrations ----------------------------------------------------------------------

TEST_P(StorageContractTest, MigratesAnEmptyDatabaseToTheLatestVersionOnce) {
  auto database = open();
  ASSERT_TRUE(database);
  auto bundled = bundled_migrations();
  ASSERT_TRUE(bundled.ok());
  const int latest = latest_version(*bundled);

  auto before = schema_version(*database);
  ASSERT_TRUE(before.ok()) << describe(before.error());
  EXPECT_EQ(*before, 0);

  auto first = migrate(*database, *bundled);
  ASSERT_TRUE(first.ok()) << describe(first.error());
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, latest);
  EXPECT_EQ(first->applied, labels_of(*bundled));
  EXPECT_EQ(schema_version(*database).value_or(-1), latest);

  auto second = migrate(*database, *bundled);
  ASSERT_TRUE(second.ok()) << describe(second.error());
  EXPECT_EQ(second->from_version, latest);
  EXPECT_EQ(second->to_version, latest);
  EXPECT_TRUE(second->applied.empty());

  // Each step is recorded once, with its name and an ISO-8601 UTC time.
  auto recorded =
      database->with_read_transaction([](soci::session& session) -> Result<std::vector<std::string>> {
        std::vector<std::string> rows;
        soci::rowset<soci::row> result =
            (session.prepare << "SELECT name, applied_at FROM schema_migrations ORDER BY version");
        for (const soci::row& row : result) {
          rows.push_back(row.get<std::string>(0) + " " + row.get<std::string>(1));
        }
        return rows;
      });
  ASSERT_TRUE(recorded.ok()) << describe(recorded.error());
  ASSERT_EQ(recorded->size(), bundled->size());
  EXPECT_TRUE(recorded->front().starts_with("system_settings 20")) << recorded->front();
  EXPECT_EQ(recorded->front().size(), std::string("system_settings 2025-07-01T03:00:00Z").size());
  EXPECT_EQ(recorded->front().back(), 'Z');
}

TEST_P(StorageContractTest, AppliesOnlyTheMissingSteps) {
  auto database = open();
  ASSERT_TRUE(database);
  std::vector<Migration> all = contract_migrations();
  std::vector<Migration> older(all.begin(), all.end() - 1);
  ASSERT_TRUE(migrate(*database, older).ok());

  auto report = migrate(*database, all);
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_EQ(report->from_version, latest_version(older));
  EXPECT_EQ(report->to_version, latest_version(all));
  EXPECT_EQ(report->applied, std::vector<std::string>{migration_label(all.back())});
}

TEST_P(StorageContractTest, RefusesADatabaseNewerThanTheBinary) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto inserted = database->with_transaction([](soci::session& session) -> Result<void> {
    session << "INSERT INTO schema_migrations (version, name, applied_at) "
               "VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z')";
    return success();
  });
  ASSERT_TRUE(inserted.ok()) << describe(inserted.error());
  EXPECT_EQ(schema_version(*database).value_or(-1), 9999);

  const std::vector<Migration> migrations = contract_migrations();
  auto report = migrate(*database, migrations);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code(), ErrorCode::DatabaseNewerThanBinary);
  EXPECT_EQ(report.error().arguments(),
            (std::vector<std::string>{"9999", std::to_string(latest_version(migrations))}));
}

TEST_P(StorageContractTest, AFailingStepLeavesThePreviousVersion) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  std::vector<Migration> migrations = contract_migrations();
  const int previous = latest_version(migrations);
  const std::string broken_sql =
      "CREATE TABLE half_done (id BIGINT PRIMARY KEY);\nCREATE TABLE broken (id BIGINT,, x TEXT);";
  migrations.push_back(Migration{previous + 1, "broken", broken_sql, broken_sql});

  auto report = migrate(*database, migrations);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code(), ErrorCode::MigrationFailed);
  ASSERT_EQ(report.error().arguments().size(), 2U);
  EXPECT_EQ(report.error().arguments()[0], migration_label(migrations.back()));
  // The database's own reason, on one line, e.g. `syntax error at or near ";"`.
  EXPECT_NE(report.error().arguments()[1].find("syntax error"), std::string::npos)
      << report.error().arguments()[1];
  EXPECT_EQ(report.error().arguments()[1].find('\n'), std::string::npos) << report.error().arguments()[1];
  EXPECT_EQ(schema_version(*database).value_or(-1), previous);

  // The step's first statement was rolled back with it.
  auto half_done = database->with_read_transaction([](soci::session& session) -> Result<void> {
    long long rows = 0;
    session << "SELECT count(*) FROM half_done", soci::into(rows);
    return success();
  });
  EXPECT_FALSE(half_done.ok());
}

TEST_P(StorageContractTest, ConcurrentMigrationsApplyEachStepOnce) {
  auto first_database = open();
  auto second_database = open();
  ASSERT_TRUE(first_database && second_database);
  const std::vector<Migration> migrations = contract_migrations();
  Result<MigrationReport> first_report = Error(ErrorCode::Internal);
  Result<MigrationReport> second_report = Error(ErrorCode::Internal);
  std::thread first([&] { first_report = migrate(*first_database, migrations); });
  std::thread second([&] { second_report = migrate(*second_database, migrations); });
  first.join();
  second.join();
  ASSERT_TRUE(first_report.ok()) << describe(first_report.error());
  ASSERT_TRUE(second_report.ok()) << describe(second_report.error());

  std::multiset<std::string> applied(first_report->applied.begin(), first_report->applied.end());
  applied.insert(second_report->applied.begin(), second_report->applied.end());
  const std::vector<std::string> labels = labels_of(migrations);
  EXPECT_EQ(applied, std::multiset<std::string>(labels.begin(), labels.end()));
  EXPECT_EQ(schema_version(*first_database).value_or(-1), latest_version(migrations));
}

// --- Transactions --------------------------------------------------------------------

TEST_P(StorageContractTest, CommittedWritesPersist) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto written = database->with_transaction(
      [](soci::session& session) -> Result<void> { return put_setting(session, "region.code", "64"); });
  ASSERT_TRUE(written.ok()) << describe(written.error());

  auto reopened = open();
  ASSERT_TRUE(reopened);
  EXPECT_EQ(read_setting(*reopened, "region.code").value_or(std::nullopt), "64");
}

TEST_P(StorageContractTest, TransactionsReturnTheFunctionsValue) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto name = database->with_transaction([](soci::session& session) -> Result<std::string> {
    std::string region_name;
    session << "SELECT name FROM contract_regions WHERE id = 64", soci::into(region_name);
    return region_name;
  });
  ASSERT_TRUE(name.ok()) << describe(name.error());
  EXPECT_EQ(*name, "Kalimantan Timur; Samarinda");
}

TEST_P(StorageContractTest, AcceptsFunctionsByReference) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  const auto count_regions = [](soci::session& session) -> Result<long long> {
    long long regions = 0;
    session << "SELECT count(*) FROM contract_regions", soci::into(regions);
    return regions;
  };
  EXPECT_EQ(database->with_read_transaction(count_regions).value_or(-1), 1);
  EXPECT_EQ(database->with_transaction(count_regions).value_or(-1), 1);
  EXPECT_EQ(database->with_session(count_regions).value_or(-1), 1);
}

TEST_P(StorageContractTest, AnErrorResultRollsBack) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto result = database->with_transaction([](soci::session& session) -> Result<int> {
    TRY(put_setting(session, "region.code", "64"));
    return Error(ErrorCode::NotFound, {"Indikator"});
  });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::NotFound);
  EXPECT_EQ(read_setting(*database, "region.code").value_or("unreadable"), std::nullopt);
}

TEST_P(StorageContractTest, AnExceptionRollsBackAndBecomesADatabaseError) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto result = database->with_transaction([](soci::session& session) -> Result<void> {
    TRY(put_setting(session, "region.code", "64"));
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::DatabaseError);
  EXPECT_NE(result.error().log_detail().find("boom"), std::string::npos);
  EXPECT_EQ(read_setting(*database, "region.code").value_or("unreadable"), std::nullopt);
}

TEST_P(StorageContractTest, AFailedStatementKeepsItsSqlOutOfTheMessage) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto result = database->with_transaction([](soci::session& session) -> Result<void> {
    session << "SELECT secret_column FROM secret_table";
    return success();
  });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::DatabaseError);
  for (Locale locale : {Locale::indonesian, Locale::english}) {
    EXPECT_EQ(result.error().message(locale).find("secret"), std::string::npos)
        << result.error().message(locale);
  }
  EXPECT_NE(result.error().log_detail().find("secret_table"), std::string::npos)
      << result.error().log_detail();
  EXPECT_EQ(result.error().log_detail().find('\n'), std::string::npos) << result.error().log_detail();
  // The connection is healthy afterwards.
  EXPECT_TRUE(database->ping().ok());
}

TEST_P(StorageContractTest, AUniqueViolationIsAConflict) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  ASSERT_TRUE(
      database->with_transaction([](soci::session& session) { return put_setting(session, "k", "first"); })
          .ok());
  auto duplicate =
      database->with_transaction([](soci::session& session) { return put_setting(session, "k", "second"); });
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code(), ErrorCode::Conflict) << describe(duplicate.error());
  EXPECT_EQ(duplicate.error().arguments(), std::vector<std::string>{"unique_violation"});
  EXPECT_EQ(read_setting(*database, "k").value_or(std::nullopt), "first");
}

TEST_P(StorageContractTest, AForeignKeyViolationIsAConflict) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto orphan = database->with_transaction([](soci::session& session) -> Result<void> {
    session << "INSERT INTO contract_offices (id, region_id, name) VALUES (1, 999, 'Dinas Kesehatan')";
    return success();
  });
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code(), ErrorCode::Conflict) << describe(orphan.error());
  EXPECT_EQ(orphan.error().arguments(), std::vector<std::string>{"foreign_key_violation"});
  auto office = database->with_transaction([](soci::session& session) -> Result<void> {
    session << "INSERT INTO contract_offices (id, region_id, name) VALUES (1, 64, 'Dinas Kesehatan')";
    return success();
  });
  EXPECT_TRUE(office.ok()) << describe(office.error());
}

// Two writers read-modify-write one counter 200 times each. The read locks the row on
// PostgreSQL (SELECT ... FOR UPDATE via row_lock_clause); on SQLite, BEGIN IMMEDIATE
// already serializes the writers. Either way no update is lost and no writer fails.
TEST_P(StorageContractTest, ConcurrentWritersLoseNoUpdate) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  constexpr int kIncrementsPerWriter = 200;
  const std::string select =
      "SELECT value FROM contract_counters WHERE name = 'hits'" + std::string(row_lock_clause(GetParam()));
  const auto writer = [&](std::vector<Error>* failures) {
    for (int increment = 0; increment < kIncrementsPerWriter; ++increment) {
      auto done = database->with_transaction([&](soci::session& session) -> Result<void> {
        long long value = 0;
        session << select, soci::into(value);
        const long long next = value + 1;
        session << "UPDATE contract_counters SET value = :value WHERE name = 'hits'", soci::use(next);
        return success();
      });
      if (!done.ok()) {
        failures->push_back(done.error());
      }
    }
  };
  std::vector<Error> first_failures;
  std::vector<Error> second_failures;
  std::thread first(writer, &first_failures);
  std::thread second(writer, &second_failures);
  first.join();
  second.join();
  EXPECT_TRUE(first_failures.empty()) << describe(first_failures.front());
  EXPECT_TRUE(second_failures.empty()) << describe(second_failures.front());
  EXPECT_EQ(read_counter(*database), 2 * kIncrementsPerWriter);
}

TEST_P(StorageContractTest, AReadTransactionSeesCommittedData) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  EXPECT_EQ(read_setting(*database, "region.name").value_or("unreadable"), std::nullopt);
  ASSERT_TRUE(database
                  ->with_transaction([](soci::session& session) {
                    return put_setting(session, "region.name", "Provinsi Kalimantan Timur");
                  })
                  .ok());
  EXPECT_EQ(read_setting(*database, "region.name").value_or(std::nullopt), "Provinsi Kalimantan Timur");
}

TEST_P(StorageContractTest, AReadTransactionCannotWrite) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto written =
      database->with_read_transaction([](soci::session& session) { return put_setting(session, "k", "v"); });
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.error().code(), ErrorCode::DatabaseError) << describe(written.error());
  EXPECT_EQ(read_setting(*database, "k").value_or("unreadable"), std::nullopt);
  // The connection writes again afterwards.
  EXPECT_TRUE(
      database->with_transaction([](soci::session& session) { return put_setting(session, "k", "v"); }).ok());
}

TEST_P(StorageContractTest, ASessionLeftInATransactionIsRolledBack) {
  auto database = open_migrated(PoolOptions{.size = 1});
  ASSERT_TRUE(database);
  auto left_open = database->with_session([](soci::session& session) -> Result<void> {
    session << "BEGIN";
    return put_setting(session, "k", "v");
  });
  ASSERT_TRUE(left_open.ok()) << describe(left_open.error());
  EXPECT_EQ(read_setting(*database, "k").value_or("unreadable"), std::nullopt);
  EXPECT_TRUE(
      database->with_transaction([](soci::session& session) { return put_setting(session, "k", "v"); }).ok());
}

// --- Bulk insert ---------------------------------------------------------------------

TEST_P(StorageContractTest, BulkInsertRoundTripsAnyText) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  const std::vector<std::string> names = {
      "Dinas Kesehatan\tProv. Kaltim",
      "a\\b",
      "Balikpapan\n",
      "Samarinda\r\nSeberang",
      "\\N",
      "",
      "Kutai Kartanegara — Tenggarong ✓ 東",
      "quote ' and \" and ; and -- and /* */",
      "\\.",
  };
  constexpr int kRows = 10'000;
  std::vector<BulkRow> rows;
  rows.reserve(kRows);
  for (int index = 0; index < kRows; ++index) {
    BulkRow row;
    row.push_back(std::to_string(index));
    row.push_back(names[static_cast<std::size_t>(index) % names.size()]);
    row.push_back(index % 7 == 0 ? std::nullopt
                                 : std::optional<std::string>("catatan " + std::to_string(index)));
    row.push_back(index % 5 == 0 ? std::nullopt
                                 : std::optional<std::string>(std::to_string(index * 1'500'000LL)));
    rows.push_back(std::move(row));
  }
  auto inserted = database->with_transaction([&](soci::session& session) {
    return bulk_insert(session, GetParam(), "contract_bulk_rows", {"id", "name", "note", "amount"}, rows);
  });
  ASSERT_TRUE(inserted.ok()) << describe(inserted.error());
  EXPECT_EQ(*inserted, static_cast<std::size_t>(kRows));

  struct Columns {
    std::vector<long long> ids;
    std::vector<std::string> names;
    std::vector<soci::indicator> name_indicators;
    std::vector<std::string> notes;
    std::vector<soci::indicator> note_indicators;
    std::vector<long long> amounts;
    std::vector<soci::indicator> amount_indicators;
  };
  auto read = database->with_read_transaction([&](soci::session& session) -> Result<Columns> {
    // One more than expected, so an extra row would show.
    constexpr std::size_t kCapacity = kRows + 1;
    Columns columns{std::vector<long long>(kCapacity),       std::vector<std::string>(kCapacity),
                    std::vector<soci::indicator>(kCapacity), std::vector<std::string>(kCapacity),
                    std::vector<soci::indicator>(kCapacity), std::vector<long long>(kCapacity),
                    std::vector<soci::indicator>(kCapacity)};
    session << "SELECT id, name, note, amount FROM contract_bulk_rows ORDER BY id", soci::into(columns.ids),
        soci::into(columns.names, columns.name_indicators),
        soci::into(columns.notes, columns.note_indicators),
        soci::into(columns.amounts, columns.amount_indicators);
    return columns;
  });
  ASSERT_TRUE(read.ok()) << describe(read.error());
  ASSERT_EQ(read->ids.size(), static_cast<std::size_t>(kRows));
  for (std::size_t index = 0; index < read->ids.size(); ++index) {
    const BulkRow& expected = rows[index];
    ASSERT_EQ(std::to_string(read->ids[index]), *expected[0]);
    ASSERT_EQ(read->name_indicators[index], soci::i_ok) << "row " << index;
    ASSERT_EQ(read->names[index], *expected[1]) << "row " << index;
    ASSERT_EQ(read->note_indicators[index] == soci::i_null, !expected[2].has_value()) << "row " << index;
    if (expected[2]) {
      ASSERT_EQ(read->notes[index], *expected[2]) << "row " << index;
    }
    ASSERT_EQ(read->amount_indicators[index] == soci::i_null, !expected[3].has_value()) << "row " << index;
    if (expected[3]) {
      ASSERT_EQ(std::to_string(read->amounts[index]), *expected[3]) << "row " << index;
    }
  }
}

TEST_P(StorageContractTest, BulkInsertHandlesAPartialLastBatchAndNoRows) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  std::vector<BulkRow> rows;
  for (int index = 0; index < 2'345; ++index) {
    rows.push_back({std::to_string(index), "kantor " + std::to_string(index), std::nullopt, std::nullopt});
  }
  const std::vector<std::string> columns = {"id", "name", "note", "amount"};
  auto inserted = database->with_transaction([&](soci::session& session) -> Result<std::size_t> {
    const std::size_t none = TRY(bulk_insert(session, GetParam(), "contract_bulk_rows", columns, {}));
    EXPECT_EQ(none, 0U);
    return bulk_insert(session, GetParam(), "contract_bulk_rows", columns, rows);
  });
  ASSERT_TRUE(inserted.ok()) << describe(inserted.error());
  EXPECT_EQ(*inserted, 2'345U);
  auto counted = database->with_read_transaction([](soci::session& session) -> Result<long long> {
    long long count = 0;
    long long distinct_names = 0;
    session << "SELECT count(*), count(DISTINCT name) FROM contract_bulk_rows", soci::into(count),
        soci::into(distinct_names);
    EXPECT_EQ(distinct_names, count);
    return count;
  });
  EXPECT_EQ(counted.value_or(-1), 2'345);
}

TEST_P(StorageContractTest, BulkInsertRejectsBadNamesAndRaggedRows) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  const std::vector<BulkRow> one_row = {{"1", "a", std::nullopt, std::nullopt}};
  struct BadCall {
    std::string table;
    std::vector<std::string> columns;
    std::vector<BulkRow> rows;
  };
  const BadCall calls[] = {
      {"contract_bulk_rows; DROP TABLE contract_counters", {"id", "name", "note", "amount"}, one_row},
      {"Bulk_Rows", {"id", "name", "note", "amount"}, one_row},
      {"1bulk", {"id", "name", "note", "amount"}, one_row},
      {"", {"id", "name", "note", "amount"}, one_row},
      {"contract_bulk_rows", {"id", "name\"", "note", "amount"}, one_row},
      {"contract_bulk_rows", {}, {}},
      {"contract_bulk_rows",
       {"id", "name", "note", "amount"},
       {{"1", "a", std::nullopt, std::nullopt}, {"2", "b"}}},
      {"contract_bulk_rows", {"id", "name"}, one_row},
  };
  for (const BadCall& call : calls) {
    auto inserted = database->with_transaction([&](soci::session& session) {
      return bulk_insert(session, GetParam(), call.table, call.columns, call.rows);
    });
    ASSERT_FALSE(inserted.ok()) << call.table;
    EXPECT_EQ(inserted.error().code(), ErrorCode::InvalidInput)
        << call.table << ": " << describe(inserted.error());
  }
  auto count = database->with_read_transaction([](soci::session& session) -> Result<long long> {
    long long rows = 0;
    session << "SELECT count(*) FROM contract_bulk_rows", soci::into(rows);
    return rows;
  });
  EXPECT_EQ(count.value_or(-1), 0);
  EXPECT_EQ(read_counter(*database), 0);
}

TEST_P(StorageContractTest, BulkInsertOfADuplicateKeyIsAConflictAndRollsBack) {
  auto database = open_migrated();
  ASSERT_TRUE(database);
  const std::vector<BulkRow> rows = {{"1", "a", std::nullopt, std::nullopt},
                                     {"1", "b", std::nullopt, std::nullopt}};
  auto inserted = database->with_transaction([&](soci::session& session) {
    return bulk_insert(session, GetParam(), "contract_bulk_rows", {"id", "name", "note", "amount"}, rows);
  });
  ASSERT_FALSE(inserted.ok());
  EXPECT_EQ(inserted.error().code(), ErrorCode::Conflict) << describe(inserted.error());
  auto count = database->with_read_transaction([](soci::session& session) -> Result<long long> {
    long long total = 0;
    session << "SELECT count(*) FROM contract_bulk_rows", soci::into(total);
    return total;
  });
  EXPECT_EQ(count.value_or(-1), 0);
}

// --- The pool ------------------------------------------------------------------------

TEST_P(StorageContractTest, PingAnswers) {
  auto database = open();
  ASSERT_TRUE(database);
  auto pinged = database->ping();
  EXPECT_TRUE(pinged.ok()) << describe(pinged.error());
}

TEST_P(StorageContractTest, AnExhaustedPoolIsUnavailable) {
  auto database = open(PoolOptions{.size = 1, .acquire_timeout = std::chrono::milliseconds(50)});
  ASSERT_TRUE(database);
  EXPECT_EQ(database->stats().size, 1U);
  EXPECT_EQ(database->stats().in_use, 0U);
  auto outer = database->with_session([&](soci::session&) -> Result<void> {
    EXPECT_EQ(database->stats().in_use, 1U);
    // The only connection is lent to this function: nobody else can have one.
    auto inner = database->with_transaction([](soci::session&) -> Result<void> { return success(); });
    EXPECT_FALSE(inner.ok());
    EXPECT_EQ(inner.error().code(), ErrorCode::DatabaseUnavailable);
    EXPECT_EQ(inner.error().arguments(), std::vector<std::string>{"pool exhausted"});
    auto pinged = database->ping();
    EXPECT_FALSE(pinged.ok());
    return success();
  });
  EXPECT_TRUE(outer.ok());
  const PoolStats stats = database->stats();
  EXPECT_EQ(stats.in_use, 0U);
  EXPECT_EQ(stats.acquire_timeouts, 2U);
  EXPECT_TRUE(database->ping().ok());
}

TEST_P(StorageContractTest, ZeroConnectionsIsInvalid) {
  auto database = Database::open(test_database_->url(), PoolOptions{.size = 0});
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().code(), ErrorCode::InvalidInput);
}

// PostgreSQL only: SQLite connections cannot be lost. The server ends the pooled
// connection while it is idle, as a restart would.
TEST_P(StorageContractTest, AConnectionLostWhileIdleIsReplaced) {
  if (GetParam() != Backend::postgresql) {
    GTEST_SKIP() << "only a PostgreSQL connection can be lost";
  }
  auto database = open_migrated(PoolOptions{.size = 1});
  auto killer = open();
  ASSERT_TRUE(database && killer);
  const auto backend_process = [&]() {
    return database->with_session([](soci::session& session) -> Result<long long> {
      long long process = 0;
      session << "SELECT pg_backend_pid()", soci::into(process);
      return process;
    });
  };
  const auto terminate = [&](long long process) {
    auto terminated = killer->with_session([process](soci::session& session) -> Result<void> {
      session << "SELECT pg_terminate_backend(" + std::to_string(process) + ")";
      return success();
    });
    ASSERT_TRUE(terminated.ok()) << describe(terminated.error());
  };
  // A sleep is the only way to let the server finish ending the backend; pg_terminate_backend
  // returns before the socket is closed.
  const auto wait_for_exit = []() { std::this_thread::sleep_for(std::chrono::milliseconds(200)); };

  auto first = backend_process();
  ASSERT_TRUE(first.ok()) << describe(first.error());
  terminate(*first);
  wait_for_exit();
  auto pinged = database->ping();
  EXPECT_TRUE(pinged.ok()) << describe(pinged.error());

  auto second = backend_process();
  ASSERT_TRUE(second.ok()) << describe(second.error());
  EXPECT_NE(*second, *first);
  terminate(*second);
  wait_for_exit();
  auto written =
      database->with_transaction([](soci::session& session) { return put_setting(session, "k", "v"); });
  EXPECT_TRUE(written.ok()) << describe(written.error());
  EXPECT_EQ(read_setting(*database, "k").value_or(std::nullopt), "v");
}

// PostgreSQL only: after a failed statement PostgreSQL ignores the rest of the
// transaction, so a function that swallows the exception must not be told "committed".
TEST_P(StorageContractTest, ASwallowedFailureIsNotReportedAsCommitted) {
  if (GetParam() != Backend::postgresql) {
    GTEST_SKIP() << "SQLite keeps a transaction usable after a failed statement";
  }
  auto database = open_migrated();
  ASSERT_TRUE(database);
  auto result = database->with_transaction([](soci::session& session) -> Result<void> {
    TRY(put_setting(session, "k", "v"));
    try {
      session << "SELECT no_such_column FROM contract_counters";
    } catch (const soci::soci_error&) {
    }
    return success();
  });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::DatabaseError);
  EXPECT_EQ(read_setting(*database, "k").value_or("unreadable"), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Backends, StorageContractTest, ::testing::ValuesIn(test_backends()),
                         backend_test_name);

// --- Opening ---------------------------------------------------------------------------

// A directory of its own for one test, removed with everything in it.
class ScratchDirectory {
 public:
  ScratchDirectory()
      : path_(std::filesystem::temp_directory_path() /
              ("sinergi_open_test_" + std::to_string(getpid()) + "_" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(DatabaseOpenTest, AFileThatIsNotADatabaseIsRefused) {
  ScratchDirectory directory;
  const std::filesystem::path path = directory.path() / "notes.db";
  std::ofstream(path) << "hello, this is not sqlite";
  auto url = DatabaseUrl::parse("sqlite://" + path.string());
  ASSERT_TRUE(url.ok());
  auto database = Database::open(*url);
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().code(), ErrorCode::NotADatabase);
  EXPECT_EQ(database.error().arguments(), std::vector<std::string>{path.string()});
}

TEST(DatabaseOpenTest, SqliteCreatesMissingDirectoriesAndAcceptsOddPaths) {
  ScratchDirectory directory;
  for (const std::string relative :
       {"data/nested/sinergi.db", "with space/sinergi data.db", "key=value/a=b.db"}) {
    const std::filesystem::path path = directory.path() / relative;
    auto url = DatabaseUrl::parse("sqlite://" + path.string());
    ASSERT_TRUE(url.ok());
    auto database = Database::open(*url);
    ASSERT_TRUE(database.ok()) << relative << ": " << describe(database.error());
    auto migrations = bundled_migrations();
    ASSERT_TRUE(migrations.ok());
    ASSERT_TRUE(migrate(**database, *migrations).ok()) << relative;
    EXPECT_TRUE(std::filesystem::is_regular_file(path)) << relative;
  }
}

TEST(DatabaseOpenTest, AnUnreachablePostgresqlServerIsUnavailableQuickly) {
  auto url = DatabaseUrl::parse("postgresql://nobody:hunter2@127.0.0.1:1/none");
  ASSERT_TRUE(url.ok());
  const auto started = std::chrono::steady_clock::now();
  auto database = Database::open(*url);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().code(), ErrorCode::DatabaseUnavailable);
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  const std::string message = database.error().message(Locale::english);
  EXPECT_NE(message.find("postgresql://nobody:***@127.0.0.1:1/none"), std::string::npos) << message;
  EXPECT_NE(message.find("Connection refused"), std::string::npos) << message;
  EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << message;
}

}  // namespace
}  // namespace sinergi::db
