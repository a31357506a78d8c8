#include "platform/db/testing/test_database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <utility>

#include "platform/db/native_session.h"

namespace sinergi::db {
namespace {

constexpr const char* kPostgresqlUrlVariable = "SINERGI_TEST_POSTGRES_URL";
constexpr const char* kRequirePostgresqlVariable = "SINERGI_TEST_REQUIRE_POSTGRES";

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') {
    return std::nullopt;
  }
  return std::string(value);
}

// Unique across the processes ctest runs in parallel and across tests in one process.
std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  static const unsigned long long seed = std::random_device{}();
  std::mt19937_64 generator(seed ^ (static_cast<unsigned long long>(getpid()) << 32) ^ counter.fetch_add(1));
  constexpr char kDigits[] = "0123456789abcdef";
  std::string suffix;
  unsigned long long bits = generator();
  for (int digit = 0; digit < 16; ++digit) {
    suffix += kDigits[bits & 0xf];
    bits >>= 4;
  }
  return suffix;
}

// The administrative URL with its database name replaced.
std::string url_with_database(const std::string& url, const std::string& database_name) {
  const std::size_t authority_start = url.find("://") + 3;
  const std::size_t path_start = url.find('/', authority_start);
  const std::size_t query_start = url.find('?', authority_start);
  const std::string authority = url.substr(0, std::min(path_start, query_start));
  const std::string query = query_start == std::string::npos ? "" : url.substr(query_start);
  return authority + "/" + database_name + query;
}

Result<void> run_administrative(const DatabaseUrl& administrative_url, const std::string& statement) {
  try {
    soci::session session(soci::postgresql, administrative_url.postgresql_connection);
    return execute_verbatim(session, Backend::postgresql, statement);
  } catch (const std::exception& exception) {
    return Error(ErrorCode::DatabaseUnavailable,
                 {administrative_url.redacted() + " (" + first_line(exception.what()) + ")"})
        .with_log_detail(single_line(exception.what()));
  }
}

}  // namespace

std::vector<Backend> test_backends() {
  std::vector<Backend> backends = {Backend::sqlite};
  if (environment(kPostgresqlUrlVariable) || environment(kRequirePostgresqlVariable).value_or("0") == "1") {
    backends.push_back(Backend::postgresql);
  }
  return backends;
}

std::string backend_test_name(const testing::TestParamInfo<Backend>& info) {
  return std::string(backend_name(info.param));
}

void PrintTo(Backend backend, std::ostream* stream) {
  *stream << backend_name(backend);
}

Result<TestDatabase> TestDatabase::create(Backend backend) {
  if (backend == Backend::sqlite) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("sinergi_test_" + unique_suffix() + ".db");
    DatabaseUrl url = TRY(DatabaseUrl::parse("sqlite://" + path.string()));
    return TestDatabase(std::move(url), std::nullopt, "");
  }
  auto administrative_text = environment(kPostgresqlUrlVariable);
  if (!administrative_text) {
    return Error(ErrorCode::DatabaseUnavailable,
                 {std::string(kRequirePostgresqlVariable) + "=1 but " + kPostgresqlUrlVariable +
                  " is not set: point it at a PostgreSQL cluster, e.g. "
                  "postgresql://postgres@127.0.0.1:54329/postgres"});
  }
  DatabaseUrl administrative_url = TRY(DatabaseUrl::parse(*administrative_text));
  if (administrative_url.backend != Backend::postgresql) {
    return Error(ErrorCode::InvalidDatabaseUrl,
                 {std::string(kPostgresqlUrlVariable) + " must be a postgresql:// URL"});
  }
  std::string name = "sinergi_test_" + unique_suffix();
  // template0 and an explicit encoding: the cluster's default may be SQL_ASCII.
  TRY(run_administrative(
      administrative_url,
      "CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"));
  DatabaseUrl url = TRY(DatabaseUrl::parse(url_with_database(administrative_url.text, name)));
  return TestDatabase(std::move(url), std::move(administrative_url), std::move(name));
}

TestDatabase::TestDatabase(DatabaseUrl url, std::optional<DatabaseUrl> administrative_url,
                           std::string postgresql_name)
    : url_(std::move(url)),
      administrative_url_(std::move(administrative_url)),
      postgresql_name_(std::move(postgresql_name)) {}

TestDatabase::TestDatabase(TestDatabase&& other) noexcept
    : url_(std::move(other.url_)),
      administrative_url_(std::move(other.administrative_url_)),
      postgresql_name_(std::move(other.postgresql_name_)),
      owned_(std::exchange(other.owned_, false)) {}

TestDatabase& TestDatabase::operator=(TestDatabase&& other) noexcept {
  if (this != &other) {
    destroy();
    url_ = std::move(other.url_);
    administrative_url_ = std::move(other.administrative_url_);
    postgresql_name_ = std::move(other.postgresql_name_);
    owned_ = std::exchange(other.owned_, false);
  }
  return *this;
}

TestDatabase::~TestDatabase() {
  destroy();
}

void TestDatabase::destroy() noexcept {
  if (!owned_) {
    return;
  }
  owned_ = false;
  if (url_.backend == Backend::sqlite) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(url_.sqlite_path + suffix, ignored);
    }
    return;
  }
  if (administrative_url_) {
    // WITH (FORCE) ends sessions a test left open, e.g. a server process being stopped.
    (void)run_administrative(*administrative_url_,
                             "DROP DATABASE IF EXISTS " + postgresql_name_ + " WITH (FORCE)");
  }
}

}  // namespace sinergi::db
