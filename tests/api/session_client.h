#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "api_client.h"

namespace sinergi::api_test {

// Sends one request with a JSON body (when `body` is not empty) on a fresh connection.
// `extra_headers` are complete header lines, each ending in "\r\n".
ApiResponse send_request(std::uint16_t port, const std::string& method, const std::string& path,
                         const std::string& body = "", const std::string& extra_headers = "");

// The value of the cookie `name` set by a response's Set-Cookie header, or nullopt.
std::optional<std::string> set_cookie_value(const ApiResponse& response, const std::string& name);

// A browser-like caller: signs in, then sends the session cookie with every request and
// the CSRF token (header X-CSRF-Token) with every state-changing one, as the web app does.
class SessionClient {
 public:
  explicit SessionClient(std::uint16_t port) : port_(port) {}

  // POST /api/v1/session; on 200 keeps the cookie and the CSRF token of the answer.
  ApiResponse sign_in(const std::string& username, const std::string& password);

  // Sends the request with the cookie (if any) and, for POST/PUT/PATCH/DELETE, the CSRF
  // token (if any).
  ApiResponse send(const std::string& method, const std::string& path, const std::string& body = "",
                   const std::string& extra_headers = "") const;
  ApiResponse get(const std::string& path) const { return send("GET", path); }

  const std::string& cookie() const { return cookie_; }
  const std::string& csrf_token() const { return csrf_token_; }
  void set_cookie(std::string cookie) { cookie_ = std::move(cookie); }
  void set_csrf_token(std::string token) { csrf_token_ = std::move(token); }

 private:
  std::uint16_t port_;
  std::string cookie_;      // the sinergi_session value
  std::string csrf_token_;  // from the session answer
};

}  // namespace sinergi::api_test
