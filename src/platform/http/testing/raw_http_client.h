#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/http/request.h"

namespace sinergi::http {

// One response as it arrived on the wire.
struct RawResponse {
  std::string version;  // "HTTP/1.1"
  int status = 0;
  std::string reason;
  Headers headers;
  std::string body;  // de-chunked when Transfer-Encoding was chunked

  std::optional<std::string_view> header(std::string_view name) const { return headers.get(name); }
};

struct RawHttpClientOptions {
  std::chrono::milliseconds connect_timeout{5000};
  // The whole of one response (head and body) must arrive within this.
  std::chrono::milliseconds read_timeout{10000};
  std::size_t max_response_size = std::size_t{64} * 1024 * 1024;
};

// A deliberately low-level HTTP/1.1 client for tests: it sends exactly the bytes it is
// given (so tests can send malformed, partial or oversized requests) and reads one
// response at a time from a blocking-free POSIX socket with timeouts. It keeps the
// connection open between requests (keep-alive) until the server closes it or a response
// says "Connection: close". Not thread-safe; one client per thread.
//
// Failures are returned as nullopt / false, with a description in error().
class RawHttpClient {
 public:
  RawHttpClient(std::string host, std::uint16_t port, RawHttpClientOptions options = {});
  ~RawHttpClient();
  RawHttpClient(RawHttpClient&& other) noexcept;
  RawHttpClient& operator=(RawHttpClient&& other) noexcept;
  RawHttpClient(const RawHttpClient&) = delete;
  RawHttpClient& operator=(const RawHttpClient&) = delete;

  // Opens a new connection (closing any current one) within connect_timeout.
  bool connect();
  bool is_connected() const { return socket_ >= 0; }
  void close();

  // Writes all bytes, connecting first if needed. On failure the connection is kept, so
  // a response the server sent before closing can still be read.
  bool send(std::string_view bytes);

  // Reads the next response (skipping 1xx interim responses). Pass `response_to_head`
  // when the request was HEAD, whose response has headers but no body. The body is
  // framed by Transfer-Encoding chunked, Content-Length, or the end of the connection.
  std::optional<RawResponse> read_response(bool response_to_head = false);

  // Sends a request and reads its response. Adds "Host" and, when there is a body or the
  // method is POST, PUT or PATCH, "Content-Length", unless `headers` has them. Reuses the
  // open connection; if that turns out to be closed by the server before any response
  // byte, retries once on a new connection.
  std::optional<RawResponse> request(std::string_view method, std::string_view target,
                                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                                     std::string_view body = {});

  // True when the server closes the connection (end of stream or reset) within
  // `timeout`. Bytes that arrive meanwhile are kept for read_response().
  bool wait_for_close(std::chrono::milliseconds timeout);

  // Bytes received but not yet consumed by read_response().
  const std::string& pending() const { return buffer_; }
  const std::string& error() const { return error_; }
  std::uint16_t port() const { return port_; }

 private:
  enum class ReadStatus { data, closed, timed_out, failed };
  using Deadline = std::chrono::steady_clock::time_point;

  ReadStatus read_more(Deadline deadline);
  bool read_until_contains(std::string_view marker, Deadline deadline, std::size_t limit);
  bool read_at_least(std::size_t size, Deadline deadline);
  std::optional<RawResponse> read_one(bool response_to_head, Deadline deadline);
  std::string build_request(std::string_view method, std::string_view target,
                            const std::vector<std::pair<std::string, std::string>>& headers,
                            std::string_view body) const;

  std::string host_;
  std::uint16_t port_;
  RawHttpClientOptions options_;
  int socket_ = -1;
  std::string buffer_;
  std::string error_;
  bool peer_closed_ = false;
};

// "Connection: close" responses and HTTP/1.0 responses without keep-alive end the
// connection; exposed for tests of the server's keep-alive behaviour.
bool response_closes_connection(const RawResponse& response);

}  // namespace sinergi::http
