#pragma once

#include <string>

namespace sinergi::db {
class Database;
}
namespace sinergi::http {
class Metrics;
}
namespace sinergi::auth {
class SecuredRouter;
}

namespace sinergi::app {

// The operational endpoints every deployment has: liveness, readiness, metrics and the
// OpenAPI document. They carry no region data, so anyone may call them (system.read).
struct SystemRouteDependencies {
  db::Database* database = nullptr;  // REQUIRES: outlives the router
  http::Metrics* metrics = nullptr;  // REQUIRES: outlives the router
  std::string version;
};

void register_system_routes(auth::SecuredRouter& router, const SystemRouteDependencies& dependencies);

// The OpenAPI 3.1 document served at /api/v1/openapi.json: src/app/openapi.json (system
// routes and shared components) merged with each context's openapi.json, kept beside
// its routes and embedded into the binary; info.version is the binary's version.
const std::string& openapi_document_text(const std::string& version);

}  // namespace sinergi::app
