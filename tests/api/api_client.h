#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace sinergi::api_test {

// What a black-box test sees of one HTTP response.
struct ApiResponse {
  int status = 0;
  std::string raw_headers;  // the header block as received, for case-insensitive lookups
  std::string body;

  std::optional<std::string> header(std::string_view name) const;
};

// Sends one raw HTTP/1.1 request (exact bytes) on a fresh connection to 127.0.0.1:port
// and reads one response. status 0 means the connection closed without a response.
ApiResponse send_raw(std::uint16_t port, const std::string& raw_request,
                     std::chrono::milliseconds timeout = std::chrono::seconds(10));

ApiResponse get(std::uint16_t port, const std::string& path, const std::string& extra_headers = "");

// True when the server closes a connection that sent `partial_request` and then nothing,
// within `within`.
bool closes_idle_connection(std::uint16_t port, const std::string& partial_request,
                            std::chrono::milliseconds within);

}  // namespace sinergi::api_test
