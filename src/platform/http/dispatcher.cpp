#include "platform/http/dispatcher.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace sinergi::http {
namespace {

bool is_api_path(std::string_view path) {
  return path == "/api" || path.starts_with("/api/");
}

void set_default(Headers& headers, std::string name, std::string_view value) {
  if (!headers.contains(name)) {
    headers.set(std::move(name), std::string(value));
  }
}

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  auto milliseconds =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
  std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  std::array<char, 32> buffer{};
  std::size_t length = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%S", &parts);
  std::array<char, 8> fraction{};
  std::snprintf(fraction.data(), fraction.size(), ".%03dZ", static_cast<int>(milliseconds));
  return std::string(buffer.data(), length) + fraction.data();
}

// Appends `text` as a JSON string. Control characters are escaped; bytes that are not valid
// UTF-8 (a path may hold any byte once percent-decoded) become U+FFFD so every line stays
// valid JSON for a log shipper.
void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t position = 0;
  while (position < text.size()) {
    auto byte = static_cast<unsigned char>(text[position]);
    if (byte == '"' || byte == '\\') {
      out += '\\';
      out += static_cast<char>(byte);
      ++position;
    } else if (byte < 0x20) {
      std::array<char, 8> escaped{};
      std::snprintf(escaped.data(), escaped.size(), "\\u%04x", byte);
      out += escaped.data();
      ++position;
    } else if (byte < 0x80) {
      out += static_cast<char>(byte);
      ++position;
    } else {
      std::size_t length = ((byte & 0xE0) == 0xC0 && byte >= 0xC2)   ? 2
                           : (byte & 0xF0) == 0xE0                   ? 3
                           : ((byte & 0xF8) == 0xF0 && byte <= 0xF4) ? 4
                                                                     : 0;
      bool valid = length != 0 && position + length <= text.size();
      for (std::size_t index = 1; valid && index < length; ++index) {
        valid = (static_cast<unsigned char>(text[position + index]) & 0xC0) == 0x80;
      }
      if (valid) {
        out.append(text.substr(position, length));
        position += length;
      } else {
        out += "\xEF\xBF\xBD";
        ++position;
      }
    }
  }
  out += '"';
}

}  // namespace

bool is_acceptable_request_id(std::string_view request_id) {
  return !request_id.empty() && request_id.size() <= 64 &&
         std::all_of(request_id.begin(), request_id.end(), [](char character) {
           return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
                  (character >= '0' && character <= '9') || character == '.' || character == '_' ||
                  character == '-';
         });
}

std::string generate_request_id() {
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), 32);
}

Dispatcher::Dispatcher(const Router& router, Metrics& metrics, const StaticFiles* static_files)
    : router_(router), metrics_(metrics), static_files_(static_files), access_logger_(spdlog::get("access")) {
  // sodium_init() must run before randombytes_buf(); once per process is enough.
  static const int sodium_status = sodium_init();
  if (sodium_status < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
}

void Dispatcher::prepare(Request& request) const {
  auto incoming = request.headers.get("X-Request-Id");
  request.request_id =
      incoming && is_acceptable_request_id(*incoming) ? std::string(*incoming) : generate_request_id();
  auto accept_language = request.headers.get("Accept-Language");
  request.locale = accept_language ? locale_from_accept_language(*accept_language) : Locale::indonesian;
}

Response Dispatcher::dispatch(Request& request) const {
  request.route_pattern = "unmatched";
  request.path_parameters.clear();
  std::vector<Method> allowed_methods;
  auto match = router_.match(request.method, request.path, &allowed_methods);
  if (match.ok()) {
    request.route_pattern = match->pattern;
    request.path_parameters = std::move(match->parameters);
    return run_handler(*match->handler, request);
  }
  if (match.error().code() == ErrorCode::MethodNotAllowed) {
    // The router only knows the method enum; the caller deserves the method it sent.
    Response response =
        problem_response(Error(ErrorCode::MethodNotAllowed, {request.method_text, request.path}), request);
    response.headers.set("Allow", allow_header_value(allowed_methods));
    return response;
  }
  if (!is_api_path(request.path) && static_files_ != nullptr) {
    if (auto response = static_files_->serve(request)) {
      request.route_pattern = "static";
      return std::move(*response);
    }
  }
  return problem_response(match.error(), request);
}

Response Dispatcher::run_handler(const Handler& handler, Request& request) const {
  try {
    Result<Response> result = handler(request);
    if (result.ok()) {
      return std::move(result).value();
    }
    const Error& error = result.error();
    if (http_status(error.status_class()) >= 500) {
      spdlog::error("{} {} failed with {}: {} [{}] (request {})", request.method_text, request.route_pattern,
                    error.name(), error.message(Locale::english), error.log_detail(), request.request_id);
    }
    return problem_response(error, request);
  } catch (const std::exception& exception) {
    spdlog::error("{} {} threw: {} (request {})", request.method_text, request.route_pattern,
                  exception.what(), request.request_id);
  } catch (...) {
    spdlog::error("{} {} threw a non-standard exception (request {})", request.method_text,
                  request.route_pattern, request.request_id);
  }
  return problem_response(Error(ErrorCode::Internal, {request.request_id}), request);
}

void Dispatcher::finish(const Request& request, Response& response) const {
  response.headers.set("X-Request-Id", request.request_id);
  set_default(response.headers, "Content-Security-Policy", kContentSecurityPolicy);
  set_default(response.headers, "X-Content-Type-Options", "nosniff");
  set_default(response.headers, "Referrer-Policy", "strict-origin-when-cross-origin");
  set_default(response.headers, "X-Frame-Options", "DENY");
  set_default(response.headers, "Cross-Origin-Opener-Policy", "same-origin");
  set_default(response.headers, "Cache-Control", "no-store");
}

void Dispatcher::record(const Request& request, int status, std::chrono::nanoseconds duration,
                        std::size_t bytes_out) const {
  // The method label is bounded too: unknown methods are counted as "OTHER".
  metrics_.record_request(method_name(request.method), request.route_pattern, status, duration);

  if (!access_logger_ || !access_logger_->should_log(spdlog::level::info)) {
    return;
  }
  double duration_ms = std::round(static_cast<double>(duration.count()) / 1000.0) / 1000.0;
  // One JSON object per line, written by hand: a JSON library's tree would cost more than
  // the rest of a small request. Text fields are escaped; numbers need no escaping.
  std::string line;
  line.reserve(256 + request.path.size());
  line += R"({"time":")";
  line += utc_timestamp(std::chrono::system_clock::now());
  line += R"(","request_id":)";
  append_json_string(line, request.request_id);
  line += R"(,"method":)";
  append_json_string(line, request.method_text);
  line += R"(,"path":)";
  append_json_string(line, request.path);
  line += R"(,"route":)";
  append_json_string(line, request.route_pattern);
  line += R"(,"status":)";
  line += std::to_string(status);
  std::array<char, 32> number{};
  std::snprintf(number.data(), number.size(), "%.3f", duration_ms);
  line += R"(,"duration_ms":)";
  line += number.data();
  line += R"(,"bytes_out":)";
  line += std::to_string(bytes_out);
  line += R"(,"remote":)";
  append_json_string(line, request.remote_address);
  line += '}';
  access_logger_->info("{}", line);
}

}  // namespace sinergi::http
