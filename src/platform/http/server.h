#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/http/metrics.h"
#include "platform/http/router.h"

namespace sinergi::http {

// True when `path` starts with `prefix`, each '*' of the prefix matching one non-empty path
// segment (characters up to the next '/').
bool starts_with_pattern(std::string_view path, std::string_view prefix);

struct ServerOptions {
  std::string host = "127.0.0.1";  // an IPv4/IPv6 literal or "localhost"
  std::uint16_t port = 8080;       // 0 picks a free port; see Server::port()
  std::size_t threads = 0;         // I/O threads; 0 = one per hardware thread
  std::size_t body_limit = 1 << 20;
  // Requests whose path starts with one of these prefixes (file uploads: imports) may carry
  // up to upload_body_limit bytes instead of body_limit. A '*' in a prefix stands for one
  // path segment ("/api/v1/plans/*/imports/").
  std::vector<std::string> upload_path_prefixes;
  std::size_t upload_body_limit = std::size_t{20} << 20;
  std::size_t header_limit = std::size_t{16} * 1024;
  // A new connection must deliver its first request header within header_timeout of being
  // accepted; on a kept-alive connection the header must arrive within header_timeout of
  // its first byte, and the wait for that byte is idle_timeout.
  std::chrono::milliseconds header_timeout{10000};
  std::chrono::milliseconds idle_timeout{60000};
  // Reading a request body, and writing a response, must each finish within this.
  std::chrono::milliseconds body_timeout{30000};
  // After stop(), in-flight requests get this long before the server stops regardless.
  std::chrono::milliseconds shutdown_grace{10000};
  // The built web application; unset means no static files.
  std::optional<std::filesystem::path> web_root;
};

// The HTTP/1.1 server: keep-alive, limits and timeouts, graceful shutdown. Requests are
// handed to a Dispatcher (see dispatcher.h for routing, headers, logs and metrics).
// Handlers run on the I/O threads, so a slow handler occupies one of them.
//
// Transport errors are answered with a problem document and the connection is closed:
// a header larger than header_limit or an unparsable request is 400 InvalidInput; a
// body larger than body_limit (or upload_body_limit on an upload path; declared by
// Content-Length, or found while reading a chunked body) is 413 PayloadTooLarge. A client that is too slow is
// disconnected without an answer.
class Server {
 public:
  // REQUIRES: router and metrics outlive the Server; the router is complete.
  Server(ServerOptions options, const Router& router, Metrics& metrics);
  // REQUIRES: run() is not running.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens the web root (FileError when unusable), then binds and listens.
  // Errors: AddressInUse {host:port} when the port is taken; InvalidListenAddress
  // {host:port} when the host is no IP address (or "localhost") or cannot be bound.
  Result<void> listen();

  // The bound port (the real one when options.port was 0). REQUIRES: listen() succeeded.
  std::uint16_t port() const;

  // Serves until stop() or SIGINT/SIGTERM, on options.threads threads (this one
  // included), then returns once the shutdown is complete. Call at most once.
  // REQUIRES: listen() succeeded.
  void run();

  // Starts a graceful shutdown; returns at once, from any thread, any number of times:
  // stops accepting, closes idle connections, lets in-flight requests finish (their
  // responses carry "Connection: close"), and makes run() return when they are done or
  // when shutdown_grace has passed. Calling it before run() makes run() return at once.
  void stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sinergi::http
