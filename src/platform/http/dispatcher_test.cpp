#include "platform/http/dispatcher.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sinergi::http {
namespace {

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(Method::get, "/api/v1/items/{id}", "getItem", [](Request& request) -> Result<Response> {
      return Response::text(200, std::string(request.path_parameter("id")) + " " + request.route_pattern);
    });
    router_.add(Method::get, "/api/v1/cached", "getCached", [](Request&) -> Result<Response> {
      Response response = Response::text(200, "cached");
      response.headers.set("Cache-Control", "private, max-age=60");
      return response;
    });
    router_.add(Method::get, "/api/v1/throws", "throws",
                [](Request&) -> Result<Response> { throw std::logic_error("invariant broken"); });
    router_.add(Method::get, "/api/v1/throws-int", "throwsInt",
                [](Request&) -> Result<Response> { throw 42; });
  }

  Request request(Method method, std::string target) {
    Request result;
    result.method = method;
    result.method_text = std::string(method_name(method));
    result.set_target(std::move(target));
    dispatcher_.prepare(result);
    return result;
  }

  Router router_;
  Metrics metrics_;
  Dispatcher dispatcher_{router_, metrics_, nullptr};
};

TEST_F(DispatcherTest, RunsTheMatchedHandlerWithParameters) {
  Request get = request(Method::get, "/api/v1/items/a%2Fb");
  Response response = dispatcher_.dispatch(get);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "a/b /api/v1/items/{id}");
  EXPECT_EQ(get.route_pattern, "/api/v1/items/{id}");

  Request head = request(Method::head, "/api/v1/items/7");
  EXPECT_EQ(dispatcher_.dispatch(head).status, 200);
}

TEST_F(DispatcherTest, UnmatchedRequestsAreProblems) {
  Request missing = request(Method::get, "/nowhere");
  Response not_found = dispatcher_.dispatch(missing);
  EXPECT_EQ(not_found.status, 404);
  EXPECT_EQ(missing.route_pattern, "unmatched");

  Request custom_method;
  custom_method.method = Method::other;
  custom_method.method_text = "PROPFIND";
  custom_method.set_target("/api/v1/cached");
  dispatcher_.prepare(custom_method);
  Response not_allowed = dispatcher_.dispatch(custom_method);
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_EQ(not_allowed.headers.get("Allow"), "GET, HEAD");
  EXPECT_NE(not_allowed.body.find("Metode PROPFIND tidak diizinkan untuk '/api/v1/cached'"),
            std::string::npos);
}

TEST_F(DispatcherTest, ExceptionsBecomeInternalProblems) {
  for (std::string target : {"/api/v1/throws", "/api/v1/throws-int"}) {
    Request thrown = request(Method::get, target);
    Response response = dispatcher_.dispatch(thrown);
    EXPECT_EQ(response.status, 500);
    EXPECT_NE(response.body.find(thrown.request_id), std::string::npos);
    EXPECT_EQ(response.body.find("invariant"), std::string::npos);
  }
}

TEST_F(DispatcherTest, FinishAddsStandardHeadersWithoutOverridingTheHandler) {
  Request cached = request(Method::get, "/api/v1/cached");
  Response response = dispatcher_.dispatch(cached);
  dispatcher_.finish(cached, response);
  EXPECT_EQ(response.headers.get("Cache-Control"), "private, max-age=60");
  EXPECT_EQ(response.headers.get("X-Request-Id"), cached.request_id);
  EXPECT_EQ(response.headers.get("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(response.headers.get("X-Frame-Options"), "DENY");

  Request item = request(Method::get, "/api/v1/items/1");
  Response item_response = dispatcher_.dispatch(item);
  dispatcher_.finish(item, item_response);
  EXPECT_EQ(item_response.headers.get("Cache-Control"), "no-store");
}

TEST_F(DispatcherTest, PrepareChoosesRequestIdAndLocale) {
  Request incoming;
  incoming.headers.set("X-Request-Id", "upstream.id_1-2");
  incoming.headers.set("Accept-Language", "en-GB,id;q=0.5");
  dispatcher_.prepare(incoming);
  EXPECT_EQ(incoming.request_id, "upstream.id_1-2");
  EXPECT_EQ(incoming.locale, Locale::english);

  Request fresh;
  dispatcher_.prepare(fresh);
  EXPECT_EQ(fresh.request_id.size(), 32U);
  EXPECT_EQ(fresh.locale, Locale::indonesian);

  EXPECT_TRUE(is_acceptable_request_id(std::string(64, 'a')));
  EXPECT_FALSE(is_acceptable_request_id(std::string(65, 'a')));
  EXPECT_FALSE(is_acceptable_request_id(""));
  EXPECT_FALSE(is_acceptable_request_id("a b"));
  EXPECT_FALSE(is_acceptable_request_id("a\r\nSet-Cookie: x"));
  EXPECT_NE(generate_request_id(), generate_request_id());
}

TEST_F(DispatcherTest, RecordCountsMetrics) {
  Request item = request(Method::get, "/api/v1/items/1");
  Response response = dispatcher_.dispatch(item);
  dispatcher_.record(item, response.status, std::chrono::milliseconds(2), response.body.size());
  EXPECT_NE(
      metrics_.render().find(
          "sinergi_http_requests_total{method=\"GET\",route=\"/api/v1/items/{id}\",status=\"200\"} 1\n"),
      std::string::npos);
}

}  // namespace
}  // namespace sinergi::http
