#include "api_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace sinergi::api_test {
namespace {

class Socket {
 public:
  explicit Socket(std::uint16_t port) : fd_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API wants sockaddr*.
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  ~Socket() { close(fd_); }

  bool connected() const { return connected_; }

  bool send_all(std::string_view bytes) const {
    while (!bytes.empty()) {
      ssize_t sent = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent <= 0) {
        return false;
      }
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  // Reads what arrives within the deadline; returns false on timeout, true on data or close.
  bool receive(std::string& into, std::chrono::steady_clock::time_point deadline, bool& closed) const {
    auto remaining =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (remaining.count() <= 0) {
      return false;
    }
    pollfd poll_entry{fd_, POLLIN, 0};
    if (poll(&poll_entry, 1, static_cast<int>(remaining.count())) <= 0) {
      return false;
    }
    std::array<char, 16384> buffer{};
    ssize_t count = recv(fd_, buffer.data(), buffer.size(), 0);
    if (count <= 0) {
      closed = true;
      return true;
    }
    into.append(buffer.data(), static_cast<std::size_t>(count));
    return true;
  }

 private:
  int fd_;
  bool connected_ = false;
};

std::string lower(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char character) { return static_cast<char>(std::tolower(character)); });
  return result;
}

}  // namespace

std::optional<std::string> ApiResponse::header(std::string_view name) const {
  std::string wanted = lower(name) + ":";
  std::size_t line_start = raw_headers.find("\r\n");
  while (line_start != std::string::npos && line_start + 2 < raw_headers.size()) {
    line_start += 2;
    std::size_t line_end = raw_headers.find("\r\n", line_start);
    std::string line = raw_headers.substr(line_start, line_end - line_start);
    if (lower(line.substr(0, wanted.size())) == wanted) {
      std::string value = line.substr(wanted.size());
      value.erase(0, value.find_first_not_of(' '));
      return value;
    }
    line_start = line_end;
  }
  return std::nullopt;
}

ApiResponse send_raw(std::uint16_t port, const std::string& raw_request, std::chrono::milliseconds timeout) {
  ApiResponse response;
  Socket socket(port);
  if (!socket.connected() || !socket.send_all(raw_request)) {
    return response;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string received;
  bool closed = false;
  std::size_t header_end = std::string::npos;
  while (!closed && header_end == std::string::npos) {
    if (!socket.receive(received, deadline, closed)) {
      return response;
    }
    header_end = received.find("\r\n\r\n");
  }
  if (header_end == std::string::npos) {
    return response;
  }
  response.raw_headers = received.substr(0, header_end + 2);
  if (response.raw_headers.size() > 12) {
    response.status = static_cast<int>(std::strtol(response.raw_headers.c_str() + 9, nullptr, 10));
  }
  std::string body = received.substr(header_end + 4);
  std::optional<std::string> length_text = response.header("Content-Length");
  bool head_request = raw_request.rfind("HEAD ", 0) == 0;
  if (length_text && !head_request) {
    std::size_t length = std::stoul(*length_text);
    while (!closed && body.size() < length) {
      if (!socket.receive(body, deadline, closed)) {
        break;
      }
    }
    body.resize(std::min(body.size(), length));
  }
  response.body = body;
  return response;
}

ApiResponse get(std::uint16_t port, const std::string& path, const std::string& extra_headers) {
  return send_raw(
      port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + extra_headers + "\r\n");
}

bool closes_idle_connection(std::uint16_t port, const std::string& partial_request,
                            std::chrono::milliseconds within) {
  Socket socket(port);
  if (!socket.connected() || !socket.send_all(partial_request)) {
    return false;
  }
  auto deadline = std::chrono::steady_clock::now() + within;
  std::string ignored;
  bool closed = false;
  while (!closed) {
    if (!socket.receive(ignored, deadline, closed)) {
      return false;
    }
  }
  return true;
}

}  // namespace sinergi::api_test
