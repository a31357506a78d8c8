// The OpenAPI document is maintained by hand beside the routes (src/app/openapi.json and
// each context's openapi.json). route_permissions_test.cpp checks it against the routes;
// this file checks the document itself.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "app/system_routes.h"

namespace sinergi::app {
namespace {

nlohmann::json document() {
  return nlohmann::json::parse(openapi_document_text("9.9.9"));
}

// Follows "#/components/..." references; false when one points nowhere.
bool references_resolve(const nlohmann::json& node, const nlohmann::json& root, std::string& broken) {
  if (node.is_object()) {
    if (node.contains("$ref") && node["$ref"].is_string()) {
      std::string reference = node["$ref"];
      if (reference.rfind("#/", 0) != 0 ||
          !root.contains(nlohmann::json::json_pointer(reference.substr(1)))) {
        broken = reference;
        return false;
      }
    }
    for (const auto& [key, child] : node.items()) {
      if (!references_resolve(child, root, broken)) {
        return false;
      }
    }
  } else if (node.is_array()) {
    for (const auto& child : node) {
      if (!references_resolve(child, root, broken)) {
        return false;
      }
    }
  }
  return true;
}

TEST(OpenApiTest, DocumentIsOpenApi31WithTheBinaryVersion) {
  auto openapi = document();
  EXPECT_EQ(openapi.at("openapi"), "3.1.0");
  EXPECT_EQ(openapi.at("info").at("version"), "9.9.9");
}

TEST(OpenApiTest, NoContextDefinesAPathOrComponentTwice) {
  const nlohmann::json document = nlohmann::json::parse(openapi_document_text("1.2.3"));
  EXPECT_FALSE(document.contains("x-duplicates")) << document.at("x-duplicates").dump();
}

TEST(OpenApiTest, EveryOperationHasAUniqueIdAndResponses) {
  auto openapi = document();
  std::set<std::string> operation_ids;
  for (const auto& [path, item] : openapi.at("paths").items()) {
    for (const auto& [method, operation] : item.items()) {
      SCOPED_TRACE(method + " " + path);
      ASSERT_TRUE(operation.contains("operationId"));
      EXPECT_TRUE(operation_ids.insert(operation.at("operationId").get<std::string>()).second)
          << "duplicate id";
      ASSERT_TRUE(operation.contains("responses"));
      EXPECT_FALSE(operation.at("responses").empty());
      EXPECT_FALSE(operation.value("summary", "").empty());
    }
  }
  EXPECT_GE(operation_ids.size(), 4U);
}

TEST(OpenApiTest, EveryReferenceResolves) {
  auto openapi = document();
  std::string broken;
  EXPECT_TRUE(references_resolve(openapi, openapi, broken)) << broken;
}

}  // namespace
}  // namespace sinergi::app
