#include "platform/http/server.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "platform/http/dispatcher.h"
#include "platform/http/json_body.h"
#include "platform/http/testing/raw_http_client.h"

namespace sinergi::http {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kTestBodyLimit = std::size_t{64} * 1024;

// Polls `condition` until it holds or `timeout` passes; for effects that happen just after
// a response is written (access log, metrics), which a client cannot wait for otherwise.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout = 3s) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

nlohmann::json body_json(const RawResponse& response) {
  return nlohmann::json::parse(response.body);
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(Method::post, "/api/v1/test/echo", "echo", [](Request& request) -> Result<Response> {
      nlohmann::json body = TRY(parse_json_body(request));
      JsonFields fields(body);
      auto name = fields.required_string("name", 20);
      auto count = fields.required_integer("count", 1, 10);
      TRY(fields.finish());
      return Response::json(200, to_json_text({{"name", *name}, {"count", *count}}));
    });
    router_.add(Method::get, "/api/v1/test/items/{id}", "getItem", [](Request& request) -> Result<Response> {
      nlohmann::json body = {{"id", request.path_parameter("id")},
                             {"q", request.query_parameter("q").value_or("")},
                             {"route", request.route_pattern}};
      return Response::json(200, to_json_text(body));
    });
    router_.add(Method::get, "/api/v1/test/throw", "throw", [](Request&) -> Result<Response> {
      throw std::runtime_error("boom: connection string with password");
    });
    router_.add(Method::get, "/api/v1/test/conflict", "conflict", [](Request&) -> Result<Response> {
      return Error(ErrorCode::Conflict, {"already approved"}).with_log_detail("row 17 locked");
    });
    router_.add(Method::get, "/api/v1/test/slow", "slow", [this](Request&) -> Result<Response> {
      slow_entered_.set_value();
      if (slow_release_.wait_for(10s) != std::future_status::ready) {
        return Error(ErrorCode::Internal, {"slow handler was never released"});
      }
      return Response::json(200, R"({"slow":true})");
    });
    router_.add(Method::get, "/healthz", "health",
                [](Request&) -> Result<Response> { return Response::json(200, R"({"status":"ok"})"); });
  }

  void TearDown() override {
    if (server_thread_.joinable()) {
      server_->stop();
      ASSERT_EQ(run_returned_.wait_for(15s), std::future_status::ready);
      server_thread_.join();
    }
    if (!web_root_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(web_root_, ignored);
    }
  }

  void start(ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    if (options.body_limit == ServerOptions().body_limit) {
      options.body_limit = kTestBodyLimit;
    }
    server_ = std::make_unique<Server>(options, router_, metrics_);
    auto listened = server_->listen();
    ASSERT_TRUE(listened.ok()) << listened.error().message(Locale::english);
    std::promise<void> returned;
    run_returned_ = returned.get_future();
    server_thread_ = std::thread([this, done = std::move(returned)]() mutable {
      server_->run();
      done.set_value();
    });
  }

  RawHttpClient client(std::chrono::milliseconds read_timeout = 5s) {
    return RawHttpClient("127.0.0.1", server_->port(), {.connect_timeout = 2s, .read_timeout = read_timeout});
  }

  std::filesystem::path make_web_root() {
    web_root_ = std::filesystem::temp_directory_path() / ("sinergi-server-web-" + std::to_string(::getpid()) +
                                                          "-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(web_root_ / "assets");
    std::ofstream(web_root_ / "index.html") << "<!doctype html><title>Sinergi</title>";
    std::ofstream(web_root_ / "assets" / "app-1234.js") << "console.log(1)";
    return web_root_;
  }

  Router router_;
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread server_thread_;
  std::future<void> run_returned_;
  std::promise<void> slow_entered_;
  std::promise<void> slow_release_promise_;
  std::shared_future<void> slow_release_ = slow_release_promise_.get_future().share();
  std::filesystem::path web_root_;
};

void expect_security_headers(const RawResponse& response) {
  EXPECT_EQ(response.header("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.header("Referrer-Policy"), "strict-origin-when-cross-origin");
  EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
  EXPECT_EQ(response.header("Cross-Origin-Opener-Policy"), "same-origin");
  EXPECT_TRUE(response.header("X-Request-Id").has_value());
  EXPECT_TRUE(response.header("Date").has_value());
}

void expect_problem(const RawResponse& response, int status, std::string_view name) {
  EXPECT_EQ(response.status, status);
  EXPECT_EQ(response.header("Content-Type"), "application/problem+json");
  auto problem = nlohmann::json::parse(response.body, nullptr, false);
  ASSERT_TRUE(problem.is_object()) << response.body;
  EXPECT_EQ(problem["type"], "urn:sinergi:problem:" + std::string(name));
  EXPECT_EQ(problem["status"], status);
  EXPECT_EQ(problem["request_id"], std::string(response.header("X-Request-Id").value_or("")));
}

TEST_F(ServerTest, ReportsTheBoundPortWhenAskedForPortZero) {
  start();
  EXPECT_NE(server_->port(), 0);
  auto response = client().request("GET", "/healthz");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
}

TEST_F(ServerTest, RefusesABusyPortAndABadHost) {
  start();
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = server_->port();
  Server second(options, router_, metrics_);
  auto busy = second.listen();
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.error().code(), ErrorCode::AddressInUse);
  EXPECT_EQ(busy.error().arguments()[0], "127.0.0.1:" + std::to_string(server_->port()));

  options.host = "not-an-address";
  Server third(options, router_, metrics_);
  auto invalid = third.listen();
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code(), ErrorCode::InvalidListenAddress);
}

TEST_F(ServerTest, JsonRoundTrip) {
  start();
  auto response = client().request("POST", "/api/v1/test/echo", {{"Content-Type", "application/json"}},
                                   R"({"name":"Dinas Kesehatan","count":3})");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(response->header("Cache-Control"), "no-store");
  EXPECT_EQ(response->body, R"({"count":3,"name":"Dinas Kesehatan"})");
  EXPECT_EQ(response->header("Content-Length"), std::to_string(response->body.size()));
  expect_security_headers(*response);
}

TEST_F(ServerTest, PathParametersAndQuery) {
  start();
  auto response = client().request("GET", "/api/v1/test/items/a%20b?q=x%26y");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(body_json(*response),
            (nlohmann::json{{"id", "a b"}, {"q", "x&y"}, {"route", "/api/v1/test/items/{id}"}}));
}

TEST_F(ServerTest, ValidationFailureListsEveryFieldInTheCallersLanguage) {
  start();
  auto http = client();
  auto english = http.request("POST", "/api/v1/test/echo",
                              {{"Content-Type", "application/json"}, {"Accept-Language", "en-US,en;q=0.9"}},
                              R"({"count":11})");
  ASSERT_TRUE(english.has_value());
  expect_problem(*english, 422, "validation_failed");
  EXPECT_EQ(body_json(*english)["errors"],
            nlohmann::json::parse(R"([{"field":"name","message":"is required"},)"
                                  R"({"field":"count","message":"must be between 1 and 10"}])"));

  auto indonesian = http.request("POST", "/api/v1/test/echo", {{"Content-Type", "application/json"}},
                                 R"({"name":42,"count":"3"})");
  ASSERT_TRUE(indonesian.has_value());
  expect_problem(*indonesian, 422, "validation_failed");
  EXPECT_EQ(body_json(*indonesian)["title"], "Data yang dikirim tidak lolos validasi");
  EXPECT_EQ(body_json(*indonesian)["errors"],
            nlohmann::json::parse(R"([{"field":"name","message":"harus berupa teks"},)"
                                  R"({"field":"count","message":"harus berupa bilangan bulat"}])"));
}

TEST_F(ServerTest, UnknownApiPathIsNotFoundProblem) {
  start();
  auto response = client().request("GET", "/api/v1/nothing/here?x=1");
  ASSERT_TRUE(response.has_value());
  expect_problem(*response, 404, "route_not_found");
  EXPECT_EQ(body_json(*response)["instance"], "/api/v1/nothing/here");
  EXPECT_EQ(response->header("Cache-Control"), "no-store");
  expect_security_headers(*response);
}

TEST_F(ServerTest, WrongMethodIsMethodNotAllowedWithAllow) {
  start();
  auto response = client().request("DELETE", "/api/v1/test/echo");
  ASSERT_TRUE(response.has_value());
  expect_problem(*response, 405, "method_not_allowed");
  EXPECT_EQ(response->header("Allow"), "POST");

  auto get_route = client().request("PUT", "/api/v1/test/items/1", {}, "x");
  ASSERT_TRUE(get_route.has_value());
  EXPECT_EQ(get_route->status, 405);
  EXPECT_EQ(get_route->header("Allow"), "GET, HEAD");
}

TEST_F(ServerTest, HandlerErrorIsAProblemWithoutItsLogDetail) {
  start();
  auto response = client().request("GET", "/api/v1/test/conflict");
  ASSERT_TRUE(response.has_value());
  expect_problem(*response, 409, "conflict");
  EXPECT_EQ(response->body.find("row 17"), std::string::npos);
}

TEST_F(ServerTest, MalformedJsonWrongContentTypeAndInvalidUtf8) {
  start();
  auto http = client();
  auto malformed =
      http.request("POST", "/api/v1/test/echo", {{"Content-Type", "application/json"}}, R"({"name": "x",)");
  ASSERT_TRUE(malformed.has_value());
  expect_problem(*malformed, 400, "malformed_json");

  auto wrong_type = http.request("POST", "/api/v1/test/echo", {{"Content-Type", "text/plain"}},
                                 R"({"name":"x","count":1})");
  ASSERT_TRUE(wrong_type.has_value());
  expect_problem(*wrong_type, 415, "unsupported_media_type");

  auto invalid_utf8 = http.request("POST", "/api/v1/test/echo", {{"Content-Type", "application/json"}},
                                   "{\"name\":\"\xff\xfe\",\"count\":1}");
  ASSERT_TRUE(invalid_utf8.has_value());
  expect_problem(*invalid_utf8, 400, "malformed_json");
  EXPECT_EQ(body_json(*invalid_utf8)["errors"][0]["message"], "UTF-8 tidak sah pada byte 10");

  auto empty = http.request("POST", "/api/v1/test/echo", {{"Content-Type", "application/json"}});
  ASSERT_TRUE(empty.has_value());
  expect_problem(*empty, 400, "malformed_json");
}

TEST_F(ServerTest, DeclaredOversizedBodyIsRefusedBeforeItIsSent) {
  start();
  auto http = client();
  // Only the header is sent: the server must answer without waiting for the body.
  ASSERT_TRUE(
      http.send("POST /api/v1/test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                "Content-Length: 10000000\r\n\r\n"));
  auto response = http.read_response();
  ASSERT_TRUE(response.has_value()) << http.error();
  expect_problem(*response, 413, "payload_too_large");
  EXPECT_EQ(body_json(*response)["title"], "Isi permintaan melebihi batas 65536 bita");
  EXPECT_EQ(response->header("Connection"), "close");
}

TEST_F(ServerTest, OversizedChunkedBodyIsRefused) {
  start();
  auto http = client();
  std::string request =
      "POST /api/v1/test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  std::string chunk(8192, 'a');
  for (std::size_t sent = 0; sent <= kTestBodyLimit * 2; sent += chunk.size()) {
    request += "2000\r\n" + chunk + "\r\n";
  }
  request += "0\r\n\r\n";
  http.send(request);  // may fail part-way once the server has answered and closed
  auto response = http.read_response();
  ASSERT_TRUE(response.has_value()) << http.error();
  expect_problem(*response, 413, "payload_too_large");
  EXPECT_TRUE(http.wait_for_close(5s));
}

TEST_F(ServerTest, ChunkedBodyWithinTheLimitIsAccepted) {
  start();
  auto response = client().request(
      "POST", "/api/v1/test/echo", {{"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}},
      "6\r\n{\"name\r\n12\r\n\":\"Bappeda\",\"count\r\n3\r\n\":2\r\n1\r\n}\r\n0\r\n\r\n");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(response->body, R"({"count":2,"name":"Bappeda"})");
}

TEST_F(ServerTest, ExpectContinueIsHonoured) {
  start();
  auto response = client().request("POST", "/api/v1/test/echo",
                                   {{"Content-Type", "application/json"}, {"Expect", "100-continue"}},
                                   R"({"name":"a","count":1})");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
}

TEST_F(ServerTest, HandlerExceptionIsA500ProblemAndTheServerKeepsServing) {
  start();
  auto http = client();
  auto response = http.request("GET", "/api/v1/test/throw", {{"X-Request-Id", "trace-abc.123_X"}});
  ASSERT_TRUE(response.has_value());
  expect_problem(*response, 500, "internal");
  EXPECT_EQ(response->header("X-Request-Id"), "trace-abc.123_X");
  EXPECT_EQ(body_json(*response)["detail"], "Terjadi kesalahan internal; nomor permintaan trace-abc.123_X");
  EXPECT_EQ(response->body.find("password"), std::string::npos);

  for (int attempt = 0; attempt < 3; ++attempt) {
    auto again = http.request("GET", "/api/v1/test/throw");
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->status, 500);
  }
  auto healthy = http.request("GET", "/healthz");
  ASSERT_TRUE(healthy.has_value());
  EXPECT_EQ(healthy->status, 200);
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  start();
  auto http = client();
  ASSERT_TRUE(http.connect());
  for (int round = 0; round < 3; ++round) {
    ASSERT_TRUE(http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto response = http.read_response();
    ASSERT_TRUE(response.has_value()) << "round " << round << ": " << http.error();
    EXPECT_EQ(response->status, 200);
    EXPECT_NE(response->header("Connection"), "close");
    ASSERT_TRUE(http.is_connected());
  }
  // Pipelined: two requests in one write, two responses in order.
  ASSERT_TRUE(
      http.send("GET /api/v1/test/items/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                "GET /api/v1/test/items/2 HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto first = http.read_response();
  auto second = http.read_response();
  ASSERT_TRUE(first.has_value() && second.has_value()) << http.error();
  EXPECT_EQ(body_json(*first)["id"], "1");
  EXPECT_EQ(body_json(*second)["id"], "2");
}

TEST_F(ServerTest, ConnectionCloseAndHttp10AreHonoured) {
  start();
  auto http = client();
  ASSERT_TRUE(http.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  auto response = http.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->header("Connection"), "close");

  auto old = client();
  ASSERT_TRUE(old.send("GET /healthz HTTP/1.0\r\n\r\n"));
  auto old_response = old.read_response();
  ASSERT_TRUE(old_response.has_value());
  EXPECT_EQ(old_response->version, "HTTP/1.0");
  EXPECT_EQ(old_response->status, 200);
}

TEST_F(ServerTest, HeadHasHeadersButNoBody) {
  start();
  auto http = client();
  auto get = http.request("GET", "/api/v1/test/items/7");
  auto head = http.request("HEAD", "/api/v1/test/items/7");
  ASSERT_TRUE(get.has_value() && head.has_value());
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  EXPECT_EQ(head->header("Content-Length"), std::to_string(get->body.size()));
  // Nothing stray is left on the connection.
  auto after = http.request("GET", "/healthz");
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->body, R"({"status":"ok"})");
}

TEST_F(ServerTest, RequestIdIsEchoedWhenSaneAndGeneratedOtherwise) {
  start();
  auto http = client();
  auto echoed = http.request("GET", "/healthz", {{"X-Request-Id", "abc-123"}});
  ASSERT_TRUE(echoed.has_value());
  EXPECT_EQ(echoed->header("X-Request-Id"), "abc-123");

  for (std::string incoming :
       {std::string("has space"), std::string(65, 'a'), std::string("quote\"d"), std::string("")}) {
    auto generated = http.request("GET", "/healthz", {{"X-Request-Id", incoming}});
    ASSERT_TRUE(generated.has_value());
    std::string id(generated->header("X-Request-Id").value_or(""));
    EXPECT_EQ(id.size(), 32U) << incoming;
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  }
  auto first = http.request("GET", "/healthz");
  auto second = http.request("GET", "/healthz");
  EXPECT_NE(first->header("X-Request-Id"), second->header("X-Request-Id"));
  EXPECT_EQ(std::string(*first->header("X-Request-Id")).size(), 32U);
}

TEST_F(ServerTest, SlowHeaderIsCutOffAfterHeaderTimeout) {
  ServerOptions options;
  options.header_timeout = 300ms;
  start(options);
  auto http = client();
  ASSERT_TRUE(http.connect());
  auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(http.send("GET / HTTP/1.1\r\nHost: x\r\n"));
  EXPECT_TRUE(http.wait_for_close(300ms + 3s));
  auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_GE(elapsed, 250ms);
  EXPECT_TRUE(http.pending().empty()) << http.pending();
}

TEST_F(ServerTest, TricklingHeaderBytesDoNotExtendTheDeadline) {
  ServerOptions options;
  options.header_timeout = 300ms;
  start(options);
  auto http = client();
  ASSERT_TRUE(http.connect());
  auto started = std::chrono::steady_clock::now();
  bool closed = false;
  for (int byte = 0; byte < 40 && !closed; ++byte) {
    http.send("X");
    closed = http.wait_for_close(50ms);
  }
  closed = closed || http.wait_for_close(3s);
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1800ms);
}

TEST_F(ServerTest, SilentConnectionIsClosedAfterHeaderTimeout) {
  ServerOptions options;
  options.header_timeout = 300ms;
  start(options);
  auto http = client();
  ASSERT_TRUE(http.connect());
  EXPECT_TRUE(http.wait_for_close(3s));
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  ServerOptions options;
  options.idle_timeout = 300ms;
  start(options);
  auto http = client();
  ASSERT_TRUE(http.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(http.read_response().has_value());
  auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(http.wait_for_close(3s));
  EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms);
}

TEST_F(ServerTest, GarbageIsBadRequestAndClose) {
  start();
  constexpr char kTlsHello[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n";
  for (const std::string& garbage :
       {std::string("HELLO\r\n\r\n"), std::string("GET /\x01 HTTP/1.1\r\n\r\n"),
        std::string(kTlsHello, sizeof(kTlsHello) - 1), std::string("GET / HTTP/9.9\r\n\r\n"),
        std::string("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello")}) {
    auto http = client();
    ASSERT_TRUE(http.send(garbage));
    auto response = http.read_response();
    ASSERT_TRUE(response.has_value()) << http.error();
    expect_problem(*response, 400, "invalid_input");
    EXPECT_EQ(response->header("Connection"), "close");
    expect_security_headers(*response);
  }
  auto healthy = client().request("GET", "/healthz");
  ASSERT_TRUE(healthy.has_value());
  EXPECT_EQ(healthy->status, 200);
}

TEST_F(ServerTest, OversizedHeaderIsBadRequestAndClose) {
  ServerOptions options;
  options.header_limit = 1024;
  start(options);
  auto http = client();
  ASSERT_TRUE(http.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'b') + "\r\n\r\n"));
  auto response = http.read_response();
  ASSERT_TRUE(response.has_value()) << http.error();
  expect_problem(*response, 400, "invalid_input");
  EXPECT_EQ(body_json(*response)["detail"], "Masukan tidak valid: HTTP header larger than 1024 bytes");
  EXPECT_TRUE(http.wait_for_close(5s));
}

TEST_F(ServerTest, GracefulStopLetsTheInFlightRequestFinish) {
  start();
  auto idle = client();
  ASSERT_TRUE(idle.request("GET", "/healthz").has_value());  // now an idle keep-alive connection

  auto busy = client();
  ASSERT_TRUE(busy.send("GET /api/v1/test/slow HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_EQ(slow_entered_.get_future().wait_for(5s), std::future_status::ready);

  server_->stop();
  EXPECT_TRUE(idle.wait_for_close(3s));  // idle connections are closed at once
  EXPECT_EQ(run_returned_.wait_for(100ms), std::future_status::timeout);  // still serving the slow one

  slow_release_promise_.set_value();
  auto response = busy.read_response();
  ASSERT_TRUE(response.has_value()) << busy.error();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, R"({"slow":true})");
  EXPECT_EQ(response->header("Connection"), "close");

  ASSERT_EQ(run_returned_.wait_for(5s), std::future_status::ready);
  server_thread_.join();
  RawHttpClient late("127.0.0.1", server_->port(), {.connect_timeout = 1s, .read_timeout = 1s});
  EXPECT_FALSE(late.connect());
}

TEST_F(ServerTest, StopBeforeRunMakesRunReturn) {
  ServerOptions options;
  options.port = 0;
  Server server(options, router_, metrics_);
  ASSERT_TRUE(server.listen().ok());
  server.stop();
  auto finished = std::async(std::launch::async, [&server] { server.run(); });
  EXPECT_EQ(finished.wait_for(5s), std::future_status::ready);
}

TEST_F(ServerTest, ShutdownGraceBoundsTheWaitForStuckRequests) {
  ServerOptions options;
  options.shutdown_grace = 200ms;
  options.body_timeout = 60s;
  start(options);
  // A request whose body never completes keeps its connection busy, so a graceful stop
  // would wait for the body timeout; the grace period ends the wait long before that.
  auto stuck = client();
  ASSERT_TRUE(
      stuck.send("POST /api/v1/test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 "Content-Length: 100\r\n\r\n{\"name\":"));
  // The header has been read once the request counts as in flight.
  ASSERT_TRUE(eventually([&] { return metrics_.in_flight() == 1; }));
  auto stop_requested = std::chrono::steady_clock::now();
  server_->stop();
  ASSERT_EQ(run_returned_.wait_for(5s), std::future_status::ready);
  auto waited = std::chrono::steady_clock::now() - stop_requested;
  EXPECT_GE(waited, 150ms);
  EXPECT_LT(waited, 3s);
  server_thread_.join();
}

TEST_F(ServerTest, StaticFilesAndSpaFallback) {
  ServerOptions options;
  options.web_root = make_web_root();
  start(options);
  auto http = client();

  auto index = http.request("GET", "/");
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index->header("Cache-Control"), "no-cache");
  expect_security_headers(*index);

  auto client_route = http.request("GET", "/regions/31/indicators");
  ASSERT_TRUE(client_route.has_value());
  EXPECT_EQ(client_route->status, 200);
  EXPECT_EQ(client_route->body, index->body);

  auto asset = http.request("GET", "/assets/app-1234.js");
  ASSERT_TRUE(asset.has_value());
  EXPECT_EQ(asset->header("Cache-Control"), "public, max-age=31536000, immutable");
  auto cached =
      http.request("GET", "/assets/app-1234.js", {{"If-None-Match", std::string(*asset->header("ETag"))}});
  ASSERT_TRUE(cached.has_value());
  EXPECT_EQ(cached->status, 304);
  EXPECT_TRUE(cached->body.empty());

  auto head = http.request("HEAD", "/assets/app-1234.js");
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->header("Content-Length"), "14");
  EXPECT_TRUE(head->body.empty());

  auto api = http.request("GET", "/api/v1/unknown");
  ASSERT_TRUE(api.has_value());
  expect_problem(*api, 404, "route_not_found");

  auto traversal = http.request("GET", "/%2e%2e/%2e%2e/etc/passwd");
  ASSERT_TRUE(traversal.has_value());
  EXPECT_EQ(traversal->status, 404);

  auto post = http.request("POST", "/index.html", {}, "x");
  ASSERT_TRUE(post.has_value());
  expect_problem(*post, 404, "route_not_found");

  auto registered = http.request("GET", "/healthz");  // registered routes win over static files
  ASSERT_TRUE(registered.has_value());
  EXPECT_EQ(registered->body, R"({"status":"ok"})");
}

TEST_F(ServerTest, MetricsAndAccessLogRecordEveryRequest) {
  auto stream = std::make_shared<std::ostringstream>();
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(*stream);
  sink->set_pattern("%v");
  auto logger = std::make_shared<spdlog::logger>("access", sink);
  spdlog::register_logger(logger);
  struct Unregister {
    ~Unregister() { spdlog::drop("access"); }
  } unregister;

  start();
  auto http = client();
  ASSERT_TRUE(http.request("GET", "/api/v1/test/items/9", {{"X-Request-Id", "log-me"}}).has_value());
  ASSERT_TRUE(http.request("GET", "/api/v1/missing").has_value());

  ASSERT_TRUE(eventually([&] {
    std::string text = metrics_.render();
    return text.find(
               R"(sinergi_http_requests_total{method="GET",route="/api/v1/test/items/{id}",status="200"} 1)") !=
               std::string::npos &&
           text.find(R"(sinergi_http_requests_total{method="GET",route="unmatched",status="404"} 1)") !=
               std::string::npos;
  })) << metrics_.render();
  EXPECT_NE(metrics_.render().find("sinergi_http_requests_in_flight 0\n"), std::string::npos);

  logger->flush();
  std::string first_line = stream->str().substr(0, stream->str().find('\n'));
  auto line = nlohmann::json::parse(first_line, nullptr, false);
  ASSERT_TRUE(line.is_object()) << first_line;
  EXPECT_EQ(line["request_id"], "log-me");
  EXPECT_EQ(line["method"], "GET");
  EXPECT_EQ(line["path"], "/api/v1/test/items/9");
  EXPECT_EQ(line["route"], "/api/v1/test/items/{id}");
  EXPECT_EQ(line["status"], 200);
  EXPECT_TRUE(line["duration_ms"].is_number());
  EXPECT_GT(line["bytes_out"].get<int>(), 0);
  EXPECT_TRUE(line["remote"].get<std::string>().starts_with("127.0.0.1:"));
  EXPECT_TRUE(line["time"].get<std::string>().ends_with("Z"));
}

}  // namespace
}  // namespace sinergi::http
