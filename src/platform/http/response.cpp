#include "platform/http/response.h"

#include <nlohmann/json.hpp>

namespace sinergi::http {

Response Response::json(int status, std::string body) {
  return text(status, std::move(body), "application/json; charset=utf-8");
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

Response Response::no_content() {
  Response response;
  response.status = 204;
  return response;
}

Response problem_response(const Error& error, const Request& request) {
  // ordered_json keeps the documented key order, so clients and tests see a stable text.
  nlohmann::ordered_json problem;
  std::string message = error.message(request.locale);
  problem["type"] = "urn:sinergi:problem:" + std::string(error.name());
  problem["title"] = message;
  problem["status"] = http_status(error.status_class());
  problem["detail"] = message;
  problem["instance"] = request.path;
  problem["request_id"] = request.request_id;
  if (!error.fields().empty()) {
    auto errors = nlohmann::ordered_json::array();
    for (const auto& field : error.fields()) {
      errors.push_back({{"field", field.field}, {"message", field.message(request.locale)}});
    }
    problem["errors"] = std::move(errors);
  }

  Response response;
  response.status = http_status(error.status_class());
  response.headers.set("Content-Type", "application/problem+json");
  response.headers.set("Content-Language", request.locale == Locale::english ? "en" : "id");
  // Paths and arguments may carry arbitrary bytes from the client: replace, never throw.
  response.body = problem.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return response;
}

}  // namespace sinergi::http
