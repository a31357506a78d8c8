#include "platform/db/migrations.h"

#include <gtest/gtest.h>

namespace sinergi::db {
namespace {

using Files = std::vector<std::pair<std::string_view, std::string_view>>;

TEST(MigrationsTest, BundledStepsStartWithSystemSettings) {
  auto migrations = bundled_migrations();
  ASSERT_TRUE(migrations.ok()) << migrations.error().message(Locale::english);
  ASSERT_FALSE(migrations->empty());
  EXPECT_EQ(migration_label(migrations->front()), "0001_system_settings");
  EXPECT_NE(migrations->front().sqlite_sql.find("system_settings"), std::string::npos);
  EXPECT_EQ(migrations->front().sqlite_sql, migrations->front().postgresql_sql);
  EXPECT_EQ(latest_version(*migrations), static_cast<int>(migrations->size()));
}

TEST(MigrationsTest, CombinesSharedAndDialectFiles) {
  const Files files = {
      {"0002_people.postgresql.sql",
       "CREATE TABLE people (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY)"},
      {"0001_settings.sql", "CREATE TABLE settings (key TEXT)"},
      {"0002_people.sqlite.sql", "CREATE TABLE people (id INTEGER PRIMARY KEY)"},
      {"README.md", "ignored"},
  };
  auto migrations = parse_migrations(files);
  ASSERT_TRUE(migrations.ok()) << migrations.error().message(Locale::english);
  ASSERT_EQ(migrations->size(), 2U);
  EXPECT_EQ((*migrations)[0].version, 1);
  EXPECT_EQ((*migrations)[0].name, "settings");
  EXPECT_EQ((*migrations)[0].sqlite_sql, "CREATE TABLE settings (key TEXT)");
  EXPECT_EQ((*migrations)[0].postgresql_sql, "CREATE TABLE settings (key TEXT)");
  EXPECT_EQ(migration_label((*migrations)[1]), "0002_people");
  EXPECT_EQ((*migrations)[1].sqlite_sql, "CREATE TABLE people (id INTEGER PRIMARY KEY)");
  EXPECT_NE((*migrations)[1].postgresql_sql.find("IDENTITY"), std::string::npos);
  EXPECT_EQ(latest_version(*migrations), 2);
  EXPECT_EQ(latest_version({}), 0);
}

struct BadBundle {
  Files files;
  std::string_view subject;  // the first message argument
  std::string_view reason;   // a part of the second
};

TEST(MigrationsTest, RejectsMalformedBundles) {
  const BadBundle cases[] = {
      {{{"1_settings.sql", ""}}, "1_settings.sql", "NNNN_name.sql"},
      {{{"0001-settings.sql", ""}}, "0001-settings.sql", "NNNN_name.sql"},
      {{{"0001_Settings.sql", ""}}, "0001_Settings.sql", "lower case"},
      {{{"0001_settings.mysql.sql", ""}}, "0001_settings.mysql.sql", "NNNN_name.sql"},
      {{{"0000_settings.sql", ""}}, "0000_settings.sql", "start at 0001"},
      {{{"0001_settings.sql", ""}, {"0002_people.sql", ""}, {"0002_persons.sql", ""}},
       "0002_persons.sql",
       "also used by 'people'"},
      {{{"0001_settings.sql", ""}, {"0003_people.sql", ""}}, "0003_people", "version 0002 is missing"},
      {{{"0001_settings.sqlite.sql", ""}}, "0001_settings", "PostgreSQL variant"},
      {{{"0001_settings.postgresql.sql", ""}}, "0001_settings", "SQLite variant"},
      {{{"0001_settings.sql", ""}, {"0001_settings.sqlite.sql", ""}}, "0001_settings", "cannot be combined"},
  };
  for (const auto& [files, subject, reason] : cases) {
    auto migrations = parse_migrations(files);
    ASSERT_FALSE(migrations.ok()) << subject;
    EXPECT_EQ(migrations.error().code(), ErrorCode::MigrationFailed) << subject;
    ASSERT_EQ(migrations.error().arguments().size(), 2U) << subject;
    EXPECT_EQ(migrations.error().arguments()[0], subject);
    EXPECT_NE(migrations.error().arguments()[1].find(reason), std::string::npos)
        << subject << " gave: " << migrations.error().arguments()[1];
  }
}

}  // namespace
}  // namespace sinergi::db
