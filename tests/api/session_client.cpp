#include "session_client.h"

#include <nlohmann/json.hpp>

namespace sinergi::api_test {

ApiResponse send_request(std::uint16_t port, const std::string& method, const std::string& path,
                         const std::string& body, const std::string& extra_headers) {
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!body.empty()) {
    request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  } else if (method != "GET" && method != "HEAD") {
    request += "Content-Length: 0\r\n";
  }
  request += extra_headers + "\r\n" + body;
  return send_raw(port, request);
}

std::optional<std::string> set_cookie_value(const ApiResponse& response, const std::string& name) {
  auto header = response.header("Set-Cookie");
  if (!header || !header->starts_with(name + "=")) {
    return std::nullopt;
  }
  const std::size_t start = name.size() + 1;
  return header->substr(start, header->find(';') - start);
}

ApiResponse SessionClient::sign_in(const std::string& username, const std::string& password) {
  const std::string body = nlohmann::json{{"username", username}, {"password", password}}.dump();
  ApiResponse response = send_request(port_, "POST", "/api/v1/session", body);
  if (response.status == 200) {
    cookie_ = set_cookie_value(response, "sinergi_session").value_or("");
    const auto answer = nlohmann::json::parse(response.body, nullptr, false);
    if (answer.is_object() && answer.contains("csrf_token") && answer.at("csrf_token").is_string()) {
      csrf_token_ = answer.at("csrf_token").get<std::string>();
    }
  }
  return response;
}

ApiResponse SessionClient::send(const std::string& method, const std::string& path, const std::string& body,
                                const std::string& extra_headers) const {
  std::string headers;
  if (!cookie_.empty()) {
    headers += "Cookie: sinergi_session=" + cookie_ + "\r\n";
  }
  if (!csrf_token_.empty() && method != "GET" && method != "HEAD") {
    headers += "X-CSRF-Token: " + csrf_token_ + "\r\n";
  }
  return send_request(port_, method, path, body, headers + extra_headers);
}

}  // namespace sinergi::api_test
