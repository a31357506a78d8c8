#include "platform/http/testing/raw_http_client.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>

namespace sinergi::http {
namespace {

using Clock = std::chrono::steady_clock;

int remaining_milliseconds(Clock::time_point deadline) {
  auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(remaining, 0, 1'000'000));
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool contains_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    if (equals_ignoring_case(trim(list.substr(0, comma)), token)) {
      return true;
    }
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return false;
}

std::string system_error(const char* what) {
  return std::string(what) + ": " + std::strerror(errno);
}

}  // namespace

bool response_closes_connection(const RawResponse& response) {
  auto connection = response.headers.get("Connection");
  if (connection && contains_token(*connection, "close")) {
    return true;
  }
  return response.version == "HTTP/1.0" && !(connection && contains_token(*connection, "keep-alive"));
}

RawHttpClient::RawHttpClient(std::string host, std::uint16_t port, RawHttpClientOptions options)
    : host_(std::move(host)), port_(port), options_(options) {}

RawHttpClient::~RawHttpClient() {
  close();
}

RawHttpClient::RawHttpClient(RawHttpClient&& other) noexcept
    : host_(std::move(other.host_)),
      port_(other.port_),
      options_(other.options_),
      socket_(std::exchange(other.socket_, -1)),
      buffer_(std::move(other.buffer_)),
      error_(std::move(other.error_)),
      peer_closed_(other.peer_closed_) {}

RawHttpClient& RawHttpClient::operator=(RawHttpClient&& other) noexcept {
  if (this != &other) {
    close();
    host_ = std::move(other.host_);
    port_ = other.port_;
    options_ = other.options_;
    socket_ = std::exchange(other.socket_, -1);
    buffer_ = std::move(other.buffer_);
    error_ = std::move(other.error_);
    peer_closed_ = other.peer_closed_;
  }
  return *this;
}

void RawHttpClient::close() {
  if (socket_ >= 0) {
    ::close(socket_);
    socket_ = -1;
  }
  buffer_.clear();
  peer_closed_ = false;
}

bool RawHttpClient::connect() {
  close();
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* addresses = nullptr;
  std::string service = std::to_string(port_);
  if (int status = ::getaddrinfo(host_.c_str(), service.c_str(), &hints, &addresses); status != 0) {
    error_ = std::string("getaddrinfo: ") + ::gai_strerror(status);
    return false;
  }
  Clock::time_point deadline = Clock::now() + options_.connect_timeout;
  for (addrinfo* address = addresses; address != nullptr; address = address->ai_next) {
    int descriptor = ::socket(address->ai_family, address->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                              address->ai_protocol);
    if (descriptor < 0) {
      error_ = system_error("socket");
      continue;
    }
    int result = ::connect(descriptor, address->ai_addr, address->ai_addrlen);
    if (result < 0 && errno == EINPROGRESS) {
      pollfd waiting{descriptor, POLLOUT, 0};
      result = ::poll(&waiting, 1, remaining_milliseconds(deadline));
      if (result == 0) {
        error_ = "connect: timed out";
        result = -1;
      } else if (result > 0) {
        int socket_error = 0;
        socklen_t length = sizeof(socket_error);
        ::getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &socket_error, &length);
        errno = socket_error;
        result = socket_error == 0 ? 0 : -1;
        if (result < 0) {
          error_ = system_error("connect");
        }
      } else {
        error_ = system_error("poll");
      }
    } else if (result < 0) {
      error_ = system_error("connect");
    }
    if (result == 0) {
      int enable = 1;
      ::setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &enable, sizeof(enable));
      socket_ = descriptor;
      ::freeaddrinfo(addresses);
      return true;
    }
    ::close(descriptor);
  }
  ::freeaddrinfo(addresses);
  return false;
}

bool RawHttpClient::send(std::string_view bytes) {
  if (!is_connected() && !connect()) {
    return false;
  }
  Clock::time_point deadline = Clock::now() + options_.read_timeout;
  while (!bytes.empty()) {
    ssize_t sent = ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(sent));
      continue;
    }
    if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      pollfd waiting{socket_, POLLOUT, 0};
      if (::poll(&waiting, 1, remaining_milliseconds(deadline)) <= 0) {
        error_ = "send: timed out";
        return false;
      }
      continue;
    }
    error_ = system_error("send");
    return false;
  }
  return true;
}

RawHttpClient::ReadStatus RawHttpClient::read_more(Deadline deadline) {
  if (socket_ < 0 || peer_closed_) {
    error_ = "connection closed";
    return ReadStatus::closed;
  }
  while (true) {
    std::array<char, 16384> chunk{};
    ssize_t received = ::recv(socket_, chunk.data(), chunk.size(), 0);
    if (received > 0) {
      buffer_.append(chunk.data(), static_cast<std::size_t>(received));
      return ReadStatus::data;
    }
    if (received == 0) {
      peer_closed_ = true;
      error_ = "connection closed";
      return ReadStatus::closed;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) {
      pollfd waiting{socket_, POLLIN, 0};
      int ready = ::poll(&waiting, 1, remaining_milliseconds(deadline));
      if (ready == 0) {
        error_ = "read: timed out";
        return ReadStatus::timed_out;
      }
      if (ready < 0 && errno != EINTR) {
        error_ = system_error("poll");
        return ReadStatus::failed;
      }
      continue;
    }
    if (errno == ECONNRESET) {
      peer_closed_ = true;
      error_ = "connection reset";
      return ReadStatus::closed;
    }
    error_ = system_error("recv");
    return ReadStatus::failed;
  }
}

bool RawHttpClient::read_until_contains(std::string_view marker, Deadline deadline, std::size_t limit) {
  while (buffer_.find(marker) == std::string::npos) {
    if (buffer_.size() > limit) {
      error_ = "response head too large";
      return false;
    }
    if (read_more(deadline) != ReadStatus::data) {
      return false;
    }
  }
  return true;
}

bool RawHttpClient::read_at_least(std::size_t size, Deadline deadline) {
  if (size > options_.max_response_size) {
    error_ = "response too large";
    return false;
  }
  while (buffer_.size() < size) {
    if (read_more(deadline) != ReadStatus::data) {
      return false;
    }
  }
  return true;
}

std::optional<RawResponse> RawHttpClient::read_one(bool response_to_head, Deadline deadline) {
  constexpr std::size_t kMaxHead = std::size_t{1024} * 1024;
  if (!read_until_contains("\r\n\r\n", deadline, kMaxHead)) {
    return std::nullopt;
  }
  std::size_t head_end = buffer_.find("\r\n\r\n");
  std::string head = buffer_.substr(0, head_end);
  buffer_.erase(0, head_end + 4);

  RawResponse response;
  std::string_view lines = head;
  std::size_t line_end = lines.find("\r\n");
  std::string_view status_line = lines.substr(0, line_end);
  lines = line_end == std::string_view::npos ? std::string_view() : lines.substr(line_end + 2);
  std::size_t first_space = status_line.find(' ');
  if (first_space == std::string_view::npos || !status_line.starts_with("HTTP/")) {
    error_ = "malformed status line";
    return std::nullopt;
  }
  response.version = std::string(status_line.substr(0, first_space));
  std::string_view rest = status_line.substr(first_space + 1);
  std::string_view code = rest.substr(0, rest.find(' '));
  if (std::from_chars(code.data(), code.data() + code.size(), response.status).ec != std::errc() ||
      response.status < 100 || response.status > 999) {
    error_ = "malformed status code";
    return std::nullopt;
  }
  if (rest.size() > code.size()) {
    response.reason = std::string(rest.substr(code.size() + 1));
  }
  while (!lines.empty()) {
    line_end = lines.find("\r\n");
    std::string_view line = lines.substr(0, line_end);
    lines = line_end == std::string_view::npos ? std::string_view() : lines.substr(line_end + 2);
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      error_ = "malformed header line";
      return std::nullopt;
    }
    response.headers.add(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }

  if (response.status / 100 == 1) {
    return response;  // interim; the caller reads on
  }
  if (response_to_head || response.status == 204 || response.status == 304) {
    return response;
  }
  auto transfer_encoding = response.headers.get("Transfer-Encoding");
  if (transfer_encoding && contains_token(*transfer_encoding, "chunked")) {
    while (true) {
      if (!read_until_contains("\r\n", deadline, kMaxHead)) {
        return std::nullopt;
      }
      std::size_t size_end = buffer_.find("\r\n");
      std::string_view size_text = std::string_view(buffer_).substr(0, size_end);
      size_text = size_text.substr(0, size_text.find(';'));
      std::size_t chunk_size = 0;
      if (std::from_chars(size_text.data(), size_text.data() + size_text.size(), chunk_size, 16).ec !=
          std::errc()) {
        error_ = "malformed chunk size";
        return std::nullopt;
      }
      buffer_.erase(0, size_end + 2);
      if (chunk_size == 0) {
        // Optional trailers (ignored), then an empty line.
        if (!read_at_least(2, deadline)) {
          return std::nullopt;
        }
        if (!buffer_.starts_with("\r\n")) {
          if (!read_until_contains("\r\n\r\n", deadline, kMaxHead)) {
            return std::nullopt;
          }
          buffer_.erase(0, buffer_.find("\r\n\r\n") + 2);
        }
        buffer_.erase(0, 2);
        return response;
      }
      if (response.body.size() + chunk_size > options_.max_response_size ||
          !read_at_least(chunk_size + 2, deadline)) {
        return std::nullopt;
      }
      response.body.append(buffer_, 0, chunk_size);
      buffer_.erase(0, chunk_size + 2);
    }
  }
  if (auto content_length = response.headers.get("Content-Length")) {
    std::size_t length = 0;
    if (std::from_chars(content_length->data(), content_length->data() + content_length->size(), length).ec !=
        std::errc()) {
      error_ = "malformed Content-Length";
      return std::nullopt;
    }
    if (!read_at_least(length, deadline)) {
      return std::nullopt;
    }
    response.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return response;
  }
  // Delimited by the end of the connection.
  while (true) {
    ReadStatus status = read_more(deadline);
    if (status == ReadStatus::closed) {
      break;
    }
    if (status != ReadStatus::data) {
      return std::nullopt;
    }
    if (buffer_.size() > options_.max_response_size) {
      error_ = "response too large";
      return std::nullopt;
    }
  }
  response.body = std::move(buffer_);
  buffer_.clear();
  return response;
}

std::optional<RawResponse> RawHttpClient::read_response(bool response_to_head) {
  Deadline deadline = Clock::now() + options_.read_timeout;
  while (true) {
    std::optional<RawResponse> response = read_one(response_to_head, deadline);
    if (!response) {
      return std::nullopt;
    }
    if (response->status / 100 != 1) {
      if (response_closes_connection(*response) && buffer_.empty()) {
        // The server will close; the next request must open a new connection.
        ::close(socket_);
        socket_ = -1;
        peer_closed_ = false;
      }
      return response;
    }
  }
}

std::string RawHttpClient::build_request(std::string_view method, std::string_view target,
                                         const std::vector<std::pair<std::string, std::string>>& headers,
                                         std::string_view body) const {
  auto has = [&](std::string_view name) {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& header) { return equals_ignoring_case(header.first, name); });
  };
  std::string text;
  text.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
  if (!has("Host")) {
    text += "Host: " + host_ + ":" + std::to_string(port_) + "\r\n";
  }
  bool needs_length = !body.empty() || method == "POST" || method == "PUT" || method == "PATCH";
  if (needs_length && !has("Content-Length") && !has("Transfer-Encoding")) {
    text += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  for (const auto& [name, value] : headers) {
    text += name + ": " + value + "\r\n";
  }
  text += "\r\n";
  text.append(body);
  return text;
}

std::optional<RawResponse> RawHttpClient::request(
    std::string_view method, std::string_view target,
    const std::vector<std::pair<std::string, std::string>>& headers, std::string_view body) {
  std::string text = build_request(method, target, headers, body);
  bool reused = is_connected() && !peer_closed_;
  if (is_connected() && peer_closed_) {
    close();
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!is_connected() && !connect()) {
      return std::nullopt;
    }
    buffer_.clear();
    // Even when sending failed, the server may have answered (say, 413) before closing.
    send(text);
    std::optional<RawResponse> response = read_response(method == "HEAD");
    if (response) {
      return response;
    }
    // A kept-alive connection the server has meanwhile closed fails before any byte of a
    // response arrives; that one case is retried on a fresh connection.
    if (!reused || !buffer_.empty()) {
      return std::nullopt;
    }
    close();
    reused = false;
  }
  return std::nullopt;
}

bool RawHttpClient::wait_for_close(std::chrono::milliseconds timeout) {
  Deadline deadline = Clock::now() + timeout;
  while (true) {
    ReadStatus status = read_more(deadline);
    if (status == ReadStatus::closed) {
      return true;
    }
    if (status != ReadStatus::data) {
      return false;
    }
  }
}

}  // namespace sinergi::http
