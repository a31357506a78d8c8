#pragma once

#include <string>

namespace sinergi::db {
class Database;
}
namespace sinergi::http {
class Metrics;
class Router;
}  // namespace sinergi::http

namespace sinergi::app {

// The operational endpoints every deployment has: liveness, readiness, metrics and the
// OpenAPI document. They carry no region data, so they need no login.
struct SystemRouteDependencies {
  db::Database* database = nullptr;  // REQUIRES: outlives the router
  http::Metrics* metrics = nullptr;  // REQUIRES: outlives the router
  std::string version;
};

void register_system_routes(http::Router& router, const SystemRouteDependencies& dependencies);

// The OpenAPI 3.1 document served at /api/v1/openapi.json, with info.version filled in.
// Kept as src/app/openapi.json beside the routes and embedded into the binary.
const std::string& openapi_document_text(const std::string& version);

}  // namespace sinergi::app
