#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "platform/http/metrics.h"
#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/http/router.h"
#include "platform/http/static_files.h"

namespace spdlog {
class logger;
}

namespace sinergi::http {

// The transport-independent half of the server: everything between "a request was read"
// and "a response is ready to write". server.cpp owns sockets and timeouts; this owns
// routing, error mapping, response headers, the access log and metrics. It is shared by
// all I/O threads and only reads its own state, so it is thread-safe.
class Dispatcher {
 public:
  // REQUIRES: router, metrics and static_files (may be null: no static files) outlive it.
  // Throws std::runtime_error if libsodium cannot be initialised.
  Dispatcher(const Router& router, Metrics& metrics, const StaticFiles* static_files);

  // Sets request.request_id (the incoming X-Request-Id when it is 1-64 characters of
  // [A-Za-z0-9._-], otherwise 32 random hex digits) and request.locale (Accept-Language).
  void prepare(Request& request) const;

  // Finds and runs the handler. Never throws. Paths equal to "/api" or under "/api/", and
  // paths of registered routes, are answered by the router (404 / 405 with Allow);
  // other GET and HEAD requests by the static files, if any; everything else is a 404
  // problem. A handler's Error becomes a problem response (logged when it is a 5xx); a
  // handler's exception becomes a 500 Internal problem and an error log line.
  // Sets request.route_pattern (the pattern, "static" or "unmatched") and
  // request.path_parameters.
  Response dispatch(Request& request) const;

  // Adds what every response carries: X-Request-Id, the security headers (when the
  // handler did not set them) and "Cache-Control: no-store" when no Cache-Control is set.
  void finish(const Request& request, Response& response) const;

  // Counts the exchange in the metrics and writes one JSON line to the spdlog logger
  // named "access", if the application registered one.
  void record(const Request& request, int status, std::chrono::nanoseconds duration,
              std::size_t bytes_out) const;

  Metrics& metrics() const { return metrics_; }

 private:
  Response run_handler(const Handler& handler, Request& request) const;

  const Router& router_;
  Metrics& metrics_;
  const StaticFiles* static_files_;
  // Looked up once: spdlog::get() takes the registry's lock, too dear for every request.
  std::shared_ptr<spdlog::logger> access_logger_;
};

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// True for 1-64 characters of [A-Za-z0-9._-].
bool is_acceptable_request_id(std::string_view request_id);
// 16 random bytes (libsodium) as 32 lowercase hex digits.
std::string generate_request_id();

}  // namespace sinergi::http
