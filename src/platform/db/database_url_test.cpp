#include "platform/db/database_url.h"

#include <gtest/gtest.h>

namespace sinergi::db {
namespace {

struct SqliteCase {
  std::string_view url;
  std::string_view path;
};

TEST(DatabaseUrlTest, SqlitePaths) {
  const SqliteCase cases[] = {
      {"sqlite:///srv/sinergi/sinergi.db", "/srv/sinergi/sinergi.db"},
      {"sqlite://./data/sinergi.db", "./data/sinergi.db"},
      {"sqlite://data/x.db", "data/x.db"},
      {"SQLite://data/x.db", "data/x.db"},
      {"sqlite:///tmp/with space/a%20b.db", "/tmp/with space/a%20b.db"},
  };
  for (const auto& [url, path] : cases) {
    auto parsed = DatabaseUrl::parse(url);
    ASSERT_TRUE(parsed.ok()) << url << ": " << parsed.error().message(Locale::english);
    EXPECT_EQ(parsed->backend, Backend::sqlite) << url;
    EXPECT_EQ(parsed->sqlite_path, path) << url;
    EXPECT_EQ(parsed->text, url);
    EXPECT_EQ(parsed->redacted(), url);
  }
}

TEST(DatabaseUrlTest, DefaultUrlIsARelativeSqliteFile) {
  auto parsed = DatabaseUrl::parse(kDefaultDatabaseUrl);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->backend, Backend::sqlite);
  EXPECT_EQ(parsed->sqlite_path, "./data/sinergi.db");
}

struct PostgresqlCase {
  std::string_view url;
  std::string_view connection;
  std::string_view redacted;
};

TEST(DatabaseUrlTest, PostgresqlBecomesALibpqConnectionString) {
  const PostgresqlCase cases[] = {
      {"postgresql://sinergi:rahasia@db.internal:5432/sinergi?sslmode=disable",
       "host=db.internal port=5432 dbname=sinergi user=sinergi password=rahasia sslmode=disable "
       "connect_timeout=5 "
       "client_encoding=UTF8",
       "postgresql://sinergi:***@db.internal:5432/sinergi?sslmode=disable"},
      {"postgres://postgres@127.0.0.1:54329/postgres",
       "host=127.0.0.1 port=54329 dbname=postgres user=postgres connect_timeout=5 client_encoding=UTF8",
       "postgres://postgres@127.0.0.1:54329/postgres"},
      {"postgresql://localhost/sinergi",
       "host=localhost dbname=sinergi connect_timeout=5 client_encoding=UTF8",
       "postgresql://localhost/sinergi"},
      // Percent-decoding, quoting of spaces, quotes and backslashes, and a '@' in the password.
      {"postgresql://us%40er:p%20a'ss\\w@rd@host/db%20name",
       "host=host dbname='db name' user=us@er password='p a\\'ss\\\\w@rd' connect_timeout=5 "
       "client_encoding=UTF8",
       "postgresql://us%40er:***@host/db%20name"},
      {"postgresql://:@host/db", "host=host dbname=db password='' connect_timeout=5 client_encoding=UTF8",
       "postgresql://:***@host/db"},
      {"postgresql://[::1]:6543/db", "host=::1 port=6543 dbname=db connect_timeout=5 client_encoding=UTF8",
       "postgresql://[::1]:6543/db"},
      {"postgresql:///db?host=%2Fvar%2Frun%2Fpostgresql&connect_timeout=2&application_name=sinergi%20api",
       "dbname=db host=/var/run/postgresql connect_timeout=2 application_name='sinergi api' "
       "client_encoding=UTF8",
       "postgresql:///db?host=%2Fvar%2Frun%2Fpostgresql&connect_timeout=2&application_name=sinergi%20api"},
      {"postgresql://u@h/db?password=secret&sslmode=require",
       "host=h dbname=db user=u password=secret sslmode=require connect_timeout=5 client_encoding=UTF8",
       "postgresql://u@h/db?password=***&sslmode=require"},
  };
  for (const auto& [url, connection, redacted] : cases) {
    auto parsed = DatabaseUrl::parse(url);
    ASSERT_TRUE(parsed.ok()) << url << ": " << parsed.error().message(Locale::english);
    EXPECT_EQ(parsed->backend, Backend::postgresql) << url;
    EXPECT_EQ(parsed->postgresql_connection, connection) << url;
    EXPECT_EQ(parsed->redacted(), redacted) << url;
    EXPECT_EQ(parsed->text, url);
  }
}

struct InvalidCase {
  std::string_view url;
  std::string_view reason;  // a part of the English message
};

TEST(DatabaseUrlTest, InvalidUrlsNameTheReason) {
  const InvalidCase cases[] = {
      {"", "empty URL"},
      {"mysql://root:hunter2@localhost/sinergi", "unknown scheme 'mysql'"},
      {"data/sinergi.db", "missing scheme"},
      {"sqlite:data.db", "unknown scheme 'sqlite'"},
      {"sqlite://", "empty SQLite path"},
      {"sqlite://:memory:", "in-memory"},
      {"postgresql://user:pw@host:5432/", "missing database name"},
      {"postgresql://user:pw@host:5432", "missing database name"},
      {"postgresql://host:port/db", "bad port 'port'"},
      {"postgresql://host:0/db", "bad port '0'"},
      {"postgresql://host:65536/db", "bad port '65536'"},
      {"postgresql://host:/db", "bad port ''"},
      {"postgresql://[::1/db", "unclosed '['"},
      {"postgresql://a:1,b:2/db", "several hosts"},
      {"postgresql://host/db%zz", "bad percent-encoding"},
      {"postgresql://host/db%2", "bad percent-encoding"},
      {"postgresql://host/db?sslmode", "has no value"},
      {"postgresql://host/db?SSL-Mode=x", "bad query parameter name"},
  };
  for (const auto& [url, reason] : cases) {
    auto parsed = DatabaseUrl::parse(url);
    ASSERT_FALSE(parsed.ok()) << url;
    EXPECT_EQ(parsed.error().code(), ErrorCode::InvalidDatabaseUrl) << url;
    const std::string message = parsed.error().message(Locale::english);
    EXPECT_NE(message.find(reason), std::string::npos) << url << " gave: " << message;
  }
}

TEST(DatabaseUrlTest, ErrorsNeverShowThePassword) {
  for (std::string_view url :
       {"mysql://root:hunter2@localhost/sinergi", "postgresql://root:hunter2@host:x/db",
        "postgresql://root@host/db?password=hunter2&x"}) {
    auto parsed = DatabaseUrl::parse(url);
    ASSERT_FALSE(parsed.ok()) << url;
    EXPECT_EQ(parsed.error().message(Locale::english).find("hunter2"), std::string::npos) << url;
    EXPECT_EQ(parsed.error().message(Locale::indonesian).find("hunter2"), std::string::npos) << url;
  }
}

TEST(DatabaseUrlTest, QuotesConnectionValuesOnlyWhenNeeded) {
  EXPECT_EQ(quote_connection_value("plain"), "plain");
  EXPECT_EQ(quote_connection_value(""), "''");
  EXPECT_EQ(quote_connection_value("a b"), "'a b'");
  EXPECT_EQ(quote_connection_value("it's"), "'it\\'s'");
  EXPECT_EQ(quote_connection_value("back\\slash"), "'back\\\\slash'");
}

TEST(DatabaseUrlTest, BackendNames) {
  EXPECT_EQ(backend_name(Backend::sqlite), "sqlite");
  EXPECT_EQ(backend_name(Backend::postgresql), "postgresql");
}

}  // namespace
}  // namespace sinergi::db
