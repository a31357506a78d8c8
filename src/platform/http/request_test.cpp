#include "platform/http/request.h"

#include <gtest/gtest.h>

namespace sinergi::http {
namespace {

TEST(MethodTest, NamesRoundTrip) {
  for (Method method : {Method::get, Method::head, Method::post, Method::put, Method::patch, Method::delete_,
                        Method::options}) {
    EXPECT_EQ(method_from_name(method_name(method)), method);
  }
  EXPECT_EQ(method_name(Method::delete_), "DELETE");
  EXPECT_EQ(method_from_name("get"), Method::other);  // methods are case-sensitive
  EXPECT_EQ(method_from_name("PROPFIND"), Method::other);
  EXPECT_EQ(method_name(Method::other), "OTHER");
}

TEST(HeadersTest, NamesAreCaseInsensitiveAndOrderIsKept) {
  Headers headers;
  headers.add("Content-Type", "application/json");
  headers.add("X-One", "1");
  headers.add("x-one", "2");
  EXPECT_EQ(headers.get("content-type"), "application/json");
  EXPECT_EQ(headers.get("X-ONE"), "1");
  EXPECT_TRUE(headers.contains("x-One"));
  EXPECT_FALSE(headers.get("Missing").has_value());

  headers.set("X-ONE", "3");
  std::vector<std::pair<std::string, std::string>> fields(headers.begin(), headers.end());
  ASSERT_EQ(fields.size(), 2U);
  EXPECT_EQ(fields[0].first, "Content-Type");
  EXPECT_EQ(fields[1].first, "X-One");  // keeps the first spelling and position
  EXPECT_EQ(fields[1].second, "3");

  headers.set("Cache-Control", "no-store");
  EXPECT_EQ(headers.size(), 3U);
  headers.remove("CONTENT-type");
  EXPECT_FALSE(headers.contains("Content-Type"));
  EXPECT_EQ(headers.size(), 2U);
}

TEST(PercentDecodeTest, DecodesAndRejectsMalformedEscapes) {
  EXPECT_EQ(percent_decode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(percent_decode("a+b"), "a+b");
  EXPECT_EQ(percent_decode("a+b", true), "a b");
  EXPECT_EQ(percent_decode("%00"), std::string(1, '\0'));
  EXPECT_FALSE(percent_decode("%").has_value());
  EXPECT_FALSE(percent_decode("%2").has_value());
  EXPECT_FALSE(percent_decode("%g0").has_value());
  EXPECT_EQ(percent_decode("%252e"), "%2e");  // one level only
}

TEST(RequestTest, SplitsTargetAndReadsQueryParameters) {
  Request request;
  request.set_target("/api/v1/items?name=Dinas%20Kesehatan&page=2&flag&tag=a+b&bad=50%&name=second");
  EXPECT_EQ(request.path, "/api/v1/items");
  EXPECT_EQ(request.query, "name=Dinas%20Kesehatan&page=2&flag&tag=a+b&bad=50%&name=second");
  EXPECT_EQ(request.query_parameter("name"), "Dinas Kesehatan");
  EXPECT_EQ(request.query_parameter("page"), "2");
  EXPECT_EQ(request.query_parameter("flag"), "");
  EXPECT_EQ(request.query_parameter("tag"), "a b");
  EXPECT_EQ(request.query_parameter("bad"), "50%");
  EXPECT_FALSE(request.query_parameter("missing").has_value());

  request.set_target("/plain");
  EXPECT_EQ(request.path, "/plain");
  EXPECT_EQ(request.query, "");
  EXPECT_FALSE(request.query_parameter("name").has_value());
}

TEST(RequestTest, PathParameterIsEmptyWhenAbsent) {
  Request request;
  request.path_parameters["id"] = "42";
  EXPECT_EQ(request.path_parameter("id"), "42");
  EXPECT_EQ(request.path_parameter("other"), "");
}

}  // namespace
}  // namespace sinergi::http
