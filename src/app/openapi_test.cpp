// The OpenAPI document is maintained by hand beside the routes. This test makes a route
// without documentation (or documentation without a route) fail the build's tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

#include "app/system_routes.h"
#include "platform/http/metrics.h"
#include "platform/http/router.h"

namespace sinergi::app {
namespace {

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
  return result;
}

http::Router all_routes(http::Metrics& metrics) {
  http::Router router;
  register_system_routes(router, {nullptr, &metrics, "test"});
  return router;
}

TEST(OpenApiTest, DocumentIsOpenApi31WithTheBinaryVersion) {
  auto document = nlohmann::json::parse(openapi_document_text("9.9.9"));
  EXPECT_EQ(document.at("openapi"), "3.1.0");
  EXPECT_EQ(document.at("info").at("version"), "9.9.9");
}

TEST(OpenApiTest, EveryRouteIsDocumentedWithItsOperationId) {
  http::Metrics metrics;
  http::Router router = all_routes(metrics);
  auto document = nlohmann::json::parse(openapi_document_text("test"));
  const auto& paths = document.at("paths");
  ASSERT_FALSE(router.routes().empty());
  for (const auto& route : router.routes()) {
    SCOPED_TRACE(route.pattern);
    ASSERT_TRUE(paths.contains(route.pattern)) << "route missing from src/app/openapi.json";
    const auto& path_item = paths.at(route.pattern);
    std::string method = lower(http::method_name(route.method));
    ASSERT_TRUE(path_item.contains(method)) << method << " missing from src/app/openapi.json";
    EXPECT_EQ(path_item.at(method).at("operationId"), route.operation_id);
    EXPECT_FALSE(path_item.at(method).at("responses").empty());
  }
}

TEST(OpenApiTest, EveryDocumentedOperationHasARoute) {
  http::Metrics metrics;
  http::Router router = all_routes(metrics);
  std::set<std::string> routed;
  for (const auto& route : router.routes()) {
    routed.insert(route.operation_id);
  }
  auto document = nlohmann::json::parse(openapi_document_text("test"));
  for (const auto& [path, item] : document.at("paths").items()) {
    for (const auto& [method, operation] : item.items()) {
      EXPECT_TRUE(routed.contains(operation.at("operationId").get<std::string>()))
          << method << " " << path << " is documented but not routed";
    }
  }
}

}  // namespace
}  // namespace sinergi::app
