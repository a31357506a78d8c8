#include "app/system_routes.h"

#include <nlohmann/json.hpp>

#include "platform/db/database.h"
#include "platform/http/metrics.h"
#include "platform/http/router.h"

namespace sinergi::app {

std::vector<std::pair<std::string_view, std::string_view>> embedded_openapi_files();

const std::string& openapi_document_text(const std::string& version) {
  // Parsed once: the document is a build input, so a syntax error is caught by the
  // OpenAPI test long before it reaches a server.
  static const std::string text = [&] {
    auto files = embedded_openapi_files();
    nlohmann::json document = nlohmann::json::parse(files.at(0).second);
    document["info"]["version"] = version;
    return document.dump(2);
  }();
  return text;
}

void register_system_routes(http::Router& router, const SystemRouteDependencies& dependencies) {
  router.add(http::Method::get, "/healthz", "getHealth", [](http::Request&) -> Result<http::Response> {
    return http::Response::json(200, R"({"status":"ok"})");
  });

  db::Database* database = dependencies.database;
  router.add(
      http::Method::get, "/readyz", "getReadiness", [database](http::Request&) -> Result<http::Response> {
        // Whatever the cause, an unanswered ping means "not ready": 503, so a load
        // balancer takes this instance out of rotation until the database is back.
        if (auto pinged = database->ping(); !pinged.ok()) {
          return Error(ErrorCode::DatabaseUnavailable, {"ping"}).with_log_detail(pinged.error().message());
        }
        return http::Response::json(200, R"({"status":"ready","database":"ok"})");
      });

  http::Metrics* metrics = dependencies.metrics;
  router.add(
      http::Method::get, "/metrics", "getMetrics", [metrics](http::Request&) -> Result<http::Response> {
        return http::Response::text(200, metrics->render(), "text/plain; version=0.0.4; charset=utf-8");
      });

  std::string version = dependencies.version;
  router.add(http::Method::get, "/api/v1/openapi.json", "getOpenApiDocument",
             [version](http::Request&) -> Result<http::Response> {
               return http::Response::json(200, openapi_document_text(version));
             });
}

}  // namespace sinergi::app
