#include "app/system_routes.h"

#include <nlohmann/json.hpp>

#include "platform/auth/secured_router.h"
#include "platform/db/database.h"
#include "platform/http/metrics.h"
#include "platform/http/router.h"

namespace sinergi::app {

std::vector<std::pair<std::string_view, std::string_view>> embedded_openapi_files();

namespace {

// Adds a context's paths and components to the document. A path or component defined
// twice is a build mistake: it is listed under "x-duplicates", which the OpenAPI test
// requires to be absent.
void merge_fragment(nlohmann::json& document, const nlohmann::json& fragment) {
  // Named copies: iterating items() of a temporary would dangle.
  const nlohmann::json paths = fragment.value("paths", nlohmann::json::object());
  const nlohmann::json components = fragment.value("components", nlohmann::json::object());
  for (const auto& [path, item] : paths.items()) {
    if (document["paths"].contains(path)) {
      document["x-duplicates"].push_back("paths " + path);
    }
    document["paths"][path] = item;
  }
  for (const auto& [kind, entries] : components.items()) {
    for (const auto& [name, entry] : entries.items()) {
      if (document["components"][kind].contains(name)) {
        document["x-duplicates"].push_back("components " + kind + " " + name);
      }
      document["components"][kind][name] = entry;
    }
  }
}

}  // namespace

const std::string& openapi_document_text(const std::string& version) {
  // Built once: the documents are build inputs, so a syntax error is caught by the
  // OpenAPI test long before it reaches a server.
  static const std::string text = [&] {
    nlohmann::json document;
    std::vector<nlohmann::json> fragments;
    for (const auto& [name, contents] : embedded_openapi_files()) {
      if (name == "app/openapi.json") {
        document = nlohmann::json::parse(contents);
      } else {
        fragments.push_back(nlohmann::json::parse(contents));
      }
    }
    for (const auto& fragment : fragments) {
      merge_fragment(document, fragment);
    }
    document["info"]["version"] = version;
    return document.dump(2);
  }();
  return text;
}

void register_system_routes(auth::SecuredRouter& router, const SystemRouteDependencies& dependencies) {
  using auth::Action;
  using auth::Principal;
  router.add(http::Method::get, "/healthz", "getHealth", Action::system_read,
             [](http::Request&, const Principal&) -> Result<http::Response> {
               return http::Response::json(200, R"({"status":"ok"})");
             });

  db::Database* database = dependencies.database;
  router.add(
      http::Method::get, "/readyz", "getReadiness", Action::system_read,
      [database](http::Request&, const Principal&) -> Result<http::Response> {
        // Whatever the cause, an unanswered ping means "not ready": 503, so a load
        // balancer takes this instance out of rotation until the database is back.
        if (auto pinged = database->ping(); !pinged.ok()) {
          return Error(ErrorCode::DatabaseUnavailable, {"ping"}).with_log_detail(pinged.error().message());
        }
        return http::Response::json(200, R"({"status":"ready","database":"ok"})");
      });

  http::Metrics* metrics = dependencies.metrics;
  router.add(http::Method::get, "/metrics", "getMetrics", Action::system_read,
             [metrics](http::Request&, const Principal&) -> Result<http::Response> {
               return http::Response::text(200, metrics->render(),
                                           "text/plain; version=0.0.4; charset=utf-8");
             });

  std::string version = dependencies.version;
  router.add(http::Method::get, "/api/v1/openapi.json", "getOpenApiDocument", Action::system_read,
             [version](http::Request&, const Principal&) -> Result<http::Response> {
               return http::Response::json(200, openapi_document_text(version));
             });
}

}  // namespace sinergi::app
