// Black-box tests of the operational endpoints and the HTTP hardening, against the real
// binary with a fresh database on every backend.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "api_client.h"
#include "platform/db/testing/test_database.h"
#include "server_process.h"

namespace sinergi::api_test {
namespace {

namespace fs = std::filesystem;

class SystemApiTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    auto database = db::TestDatabase::create(GetParam());
    ASSERT_TRUE(database.ok()) << database.error().message() << " " << database.error().log_detail();
    database_.emplace(std::move(database).value());
  }

  std::optional<ServerProcess> start(std::vector<std::string> arguments = {}) {
    arguments.insert(arguments.begin(), {"--db", database_->url_text()});
    return ServerProcess::start(arguments);
  }

  std::optional<db::TestDatabase> database_;
};

nlohmann::json json_of(const ApiResponse& response) {
  return nlohmann::json::parse(response.body);
}

TEST_P(SystemApiTest, HealthAnswersOk) {
  auto server = start();
  ASSERT_TRUE(server);
  ApiResponse response = get(server->port(), "/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(json_of(response), nlohmann::json({{"status", "ok"}}));
  EXPECT_NE(response.header("Content-Type").value_or("").find("application/json"), std::string::npos);
}

TEST_P(SystemApiTest, ReadinessAnswersWhenTheDatabaseDoes) {
  auto server = start();
  ASSERT_TRUE(server);
  ApiResponse response = get(server->port(), "/readyz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(json_of(response).at("status"), "ready");
}

TEST_P(SystemApiTest, OpenApiDocumentDescribesTheSystemRoutes) {
  auto server = start();
  ASSERT_TRUE(server);
  ApiResponse response = get(server->port(), "/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  auto document = json_of(response);
  EXPECT_EQ(document.at("openapi"), "3.1.0");
  for (const char* path : {"/healthz", "/readyz", "/metrics", "/api/v1/openapi.json"}) {
    EXPECT_TRUE(document.at("paths").contains(path)) << path;
  }
}

TEST_P(SystemApiTest, UnknownRouteIsAProblemInIndonesianByDefault) {
  auto server = start();
  ASSERT_TRUE(server);
  ApiResponse response = get(server->port(), "/api/v1/tidak-ada");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.header("Content-Type").value_or(""), "application/problem+json");
  auto problem = json_of(response);
  EXPECT_EQ(problem.at("type"), "urn:sinergi:problem:route_not_found");
  EXPECT_EQ(problem.at("status"), 404);
  EXPECT_EQ(problem.at("title"), "Alamat '/api/v1/tidak-ada' tidak ditemukan");
}

TEST_P(SystemApiTest, ProblemsSpeakEnglishWhenAsked) {
  auto server = start();
  ASSERT_TRUE(server);
  ApiResponse response = get(server->port(), "/api/v1/tidak-ada", "Accept-Language: en-GB,en;q=0.9\r\n");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(json_of(response).at("title"), "No resource at '/api/v1/tidak-ada'");
}

TEST_P(SystemApiTest, WrongMethodIs405WithAllow) {
  auto server = start();
  ASSERT_TRUE(server);
  ApiResponse response =
      send_raw(server->port(), "DELETE /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(response.status, 405);
  EXPECT_NE(response.header("Allow").value_or("").find("GET"), std::string::npos);
  EXPECT_EQ(json_of(response).at("type"), "urn:sinergi:problem:method_not_allowed");
}

TEST_P(SystemApiTest, OversizedBodyIs413BeforeItIsRead) {
  auto server = start({"--body-limit", "2048"});
  ASSERT_TRUE(server);
  std::string body(4096, 'x');
  ApiResponse response =
      send_raw(server->port(),
               "POST /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
               "Content-Length: 4096\r\nConnection: close\r\n\r\n" +
                   body);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(json_of(response).at("type"), "urn:sinergi:problem:payload_too_large");
}

TEST_P(SystemApiTest, SecurityHeadersOnEveryResponse) {
  auto server = start();
  ASSERT_TRUE(server);
  for (const char* path : {"/healthz", "/api/v1/tidak-ada", "/metrics"}) {
    SCOPED_TRACE(path);
    ApiResponse response = get(server->port(), path);
    std::string policy = response.header("Content-Security-Policy").value_or("");
    EXPECT_NE(policy.find("default-src 'self'"), std::string::npos);
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos);
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(response.header("X-Content-Type-Options").value_or(""), "nosniff");
    EXPECT_TRUE(response.header("Referrer-Policy").has_value());
    EXPECT_FALSE(response.header("X-Request-Id").value_or("").empty());
  }
}

TEST_P(SystemApiTest, SaneRequestIdIsEchoedAndAnInsaneOneReplaced) {
  auto server = start();
  ASSERT_TRUE(server);
  EXPECT_EQ(get(server->port(), "/healthz", "X-Request-Id: briefing-2026.11.23\r\n").header("X-Request-Id"),
            "briefing-2026.11.23");
  std::string replaced = get(server->port(), "/healthz", "X-Request-Id: <script>alert(1)</script>\r\n")
                             .header("X-Request-Id")
                             .value_or("");
  EXPECT_FALSE(replaced.empty());
  EXPECT_EQ(replaced.find('<'), std::string::npos);
}

TEST_P(SystemApiTest, MetricsCountRequestsByRouteAndShowThePool) {
  auto server = start();
  ASSERT_TRUE(server);
  ASSERT_EQ(get(server->port(), "/healthz").status, 200);
  // A request is counted just after its response is written, so the count may trail the
  // answer by a moment: look again, within a bound.
  ApiResponse response;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  do {
    response = get(server->port(), "/metrics");
  } while (response.body.find("route=\"/healthz\"") == std::string::npos &&
           std::chrono::steady_clock::now() < deadline);
  ASSERT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("sinergi_http_requests_total{"), std::string::npos);
  EXPECT_NE(response.body.find("route=\"/healthz\""), std::string::npos);
  EXPECT_NE(response.body.find("sinergi_http_request_duration_seconds_bucket{"), std::string::npos);
  EXPECT_NE(response.body.find("sinergi_db_pool_connections{state=\"in_use\"}"), std::string::npos);
}

TEST_P(SystemApiTest, SlowClientThatNeverFinishesItsHeadersIsCutOff) {
  auto server = start({"--header-timeout-ms", "300"});
  ASSERT_TRUE(server);
  EXPECT_TRUE(closes_idle_connection(server->port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n",
                                     std::chrono::seconds(5)));
  // And the server still serves others afterwards.
  EXPECT_EQ(get(server->port(), "/healthz").status, 200);
}

TEST_P(SystemApiTest, GarbageIsA400NotACrash) {
  auto server = start();
  ASSERT_TRUE(server);
  constexpr char kGarbage[] = "\x16\x03\x01\x02\x00 nonsense\r\n\r\n";
  ApiResponse response = send_raw(server->port(), std::string(kGarbage, sizeof(kGarbage) - 1));
  EXPECT_TRUE(response.status == 400 || response.status == 0) << response.status;
  EXPECT_EQ(get(server->port(), "/healthz").status, 200);
}

TEST_P(SystemApiTest, StopsGracefullyOnSigterm) {
  auto server = start();
  ASSERT_TRUE(server);
  ASSERT_EQ(get(server->port(), "/healthz").status, 200);
  EXPECT_EQ(server->stop(), 0);
}

class StaticFilesApiTest : public SystemApiTest {
 protected:
  void SetUp() override {
    SystemApiTest::SetUp();
    // Parameterized test names contain '/', which must not become a nested directory.
    std::string test_name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(test_name.begin(), test_name.end(), '/', '-');
    base_ = fs::temp_directory_path() / ("sinergi-web-" + std::to_string(::getpid()) + "-" + test_name);
    fs::remove_all(base_);
    fs::create_directories(base_ / "web" / "assets");
    write(base_ / "web" / "index.html", "<!doctype html><title>Sinergi</title>");
    write(base_ / "web" / "assets" / "app-3f2a.js", "console.log('sinergi');");
    write(base_ / "secret.txt", "RAHASIA");
    fs::create_symlink(base_ / "secret.txt", base_ / "web" / "leak.txt");
  }
  void TearDown() override { fs::remove_all(base_); }

  static void write(const fs::path& path, const std::string& contents) { std::ofstream(path) << contents; }

  fs::path base_;
};

TEST_P(StaticFilesApiTest, ServesTheWebAppWithClientRouteFallback) {
  auto server = start({"--web", (base_ / "web").string()});
  ASSERT_TRUE(server);
  ApiResponse index = get(server->port(), "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.header("Content-Type").value_or("").find("text/html"), std::string::npos);
  EXPECT_EQ(index.body, "<!doctype html><title>Sinergi</title>");

  ApiResponse script = get(server->port(), "/assets/app-3f2a.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_NE(script.header("Content-Type").value_or("").find("javascript"), std::string::npos);
  EXPECT_NE(script.header("Cache-Control").value_or("").find("immutable"), std::string::npos);
  ASSERT_TRUE(script.header("ETag").has_value());
  EXPECT_EQ(
      get(server->port(), "/assets/app-3f2a.js", "If-None-Match: " + *script.header("ETag") + "\r\n").status,
      304);

  ApiResponse client_route = get(server->port(), "/kinerja/opd/1.02");
  EXPECT_EQ(client_route.status, 200);
  EXPECT_EQ(client_route.body, index.body);
  // API paths never fall back to the web app.
  EXPECT_EQ(get(server->port(), "/api/v1/kinerja").status, 404);
}

TEST_P(StaticFilesApiTest, NoPathEscapesTheWebRoot) {
  auto server = start({"--web", (base_ / "web").string()});
  ASSERT_TRUE(server);
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/assets/..%2f..%2fsecret.txt",
        "/assets/%2e%2e%2f%2e%2e%2fsecret.txt", "/..%5csecret.txt", "/%252e%252e/secret.txt", "/leak.txt",
        "/assets/../../secret.txt", "/./../secret.txt"}) {
    SCOPED_TRACE(path);
    ApiResponse response = get(server->port(), path);
    EXPECT_NE(response.status, 0);
    EXPECT_EQ(response.body.find("RAHASIA"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, SystemApiTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);
INSTANTIATE_TEST_SUITE_P(Backends, StaticFilesApiTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::api_test
