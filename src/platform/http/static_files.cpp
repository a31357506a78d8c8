#include "platform/http/static_files.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iterator>

namespace sinergi::http {
namespace {

struct MimeType {
  std::string_view extension;
  std::string_view content_type;
};

constexpr std::array kMimeTypes = {
    MimeType{".html", "text/html; charset=utf-8"},
    MimeType{".htm", "text/html; charset=utf-8"},
    MimeType{".js", "text/javascript; charset=utf-8"},
    MimeType{".mjs", "text/javascript; charset=utf-8"},
    MimeType{".css", "text/css; charset=utf-8"},
    MimeType{".json", "application/json; charset=utf-8"},
    MimeType{".map", "application/json; charset=utf-8"},
    MimeType{".webmanifest", "application/manifest+json"},
    MimeType{".svg", "image/svg+xml"},
    MimeType{".png", "image/png"},
    MimeType{".jpg", "image/jpeg"},
    MimeType{".jpeg", "image/jpeg"},
    MimeType{".gif", "image/gif"},
    MimeType{".webp", "image/webp"},
    MimeType{".ico", "image/x-icon"},
    MimeType{".woff", "font/woff"},
    MimeType{".woff2", "font/woff2"},
    MimeType{".txt", "text/plain; charset=utf-8"},
    MimeType{".wasm", "application/wasm"},
    MimeType{".pdf", "application/pdf"},
    MimeType{".xml", "application/xml"},
};

bool contains_ignoring_case(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) {
    return false;
  }
  for (std::size_t start = 0; start + needle.size() <= text.size(); ++start) {
    if (equals_ignoring_case(text.substr(start, needle.size()), needle)) {
      return true;
    }
  }
  return false;
}

// Checks every segment of an absolute path; one trailing empty segment (a directory) is
// allowed. Applied to the raw path and again to the decoded one, so "%2e%2e" and ".."
// are both refused.
bool has_safe_segments(std::string_view path) {
  std::string_view rest = path.substr(1);
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    bool is_last = slash == std::string_view::npos || slash + 1 == rest.size();
    if (segment.empty() && !is_last) {
      return false;
    }
    if (!segment.empty() && segment.front() == '.') {
      return false;  // ".", ".." and dotfiles
    }
    if (std::any_of(segment.begin(), segment.end(), [](char character) {
          return character == '\\' || static_cast<unsigned char>(character) < 0x20 || character == 0x7f;
        })) {
      return false;
    }
    if (slash == std::string_view::npos) {
      break;
    }
    rest = rest.substr(slash + 1);
  }
  return true;
}

bool is_within(const std::filesystem::path& path, const std::filesystem::path& root) {
  auto [root_end, path_position] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return root_end == root.end();
}

// A missing path is a client-side route unless its last segment names a file, i.e. ends
// in an extension: 1-8 letters and digits with at least one letter. Agency codes such as
// "/kinerja/opd/1.02" are routes; "/logo.png" and "/wp-login.php" are files.
bool is_client_route(std::string_view decoded_path) {
  std::string_view last_segment = decoded_path.substr(decoded_path.rfind('/') + 1);
  std::size_t dot = last_segment.rfind('.');
  if (dot == std::string_view::npos) {
    return true;
  }
  std::string_view extension = last_segment.substr(dot + 1);
  auto is_letter = [](char character) {
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
  };
  bool looks_like_extension = !extension.empty() && extension.size() <= 8 &&
                              std::any_of(extension.begin(), extension.end(), is_letter) &&
                              std::all_of(extension.begin(), extension.end(), [&](char character) {
                                return is_letter(character) || (character >= '0' && character <= '9');
                              });
  return !looks_like_extension;
}

// RFC 9110 weak comparison: W/"x" matches "x".
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    std::size_t comma = if_none_match.find(',');
    std::string_view candidate = if_none_match.substr(0, comma);
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!candidate.empty() && (candidate.front() == ' ' || candidate.front() == '\t')) {
      candidate.remove_prefix(1);
    }
    while (!candidate.empty() && (candidate.back() == ' ' || candidate.back() == '\t')) {
      candidate.remove_suffix(1);
    }
    if (candidate.starts_with("W/")) {
      candidate.remove_prefix(2);
    }
    if (candidate == "*" || candidate == etag) {
      return true;
    }
  }
  return false;
}

std::string to_hex(std::uint64_t value) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string text;
  do {
    text.insert(text.begin(), kDigits[value % 16]);
    value /= 16;
  } while (value != 0);
  return text;
}

}  // namespace

std::string_view content_type_for(const std::filesystem::path& file_name) {
  std::string extension = file_name.extension().string();
  for (const auto& entry : kMimeTypes) {
    if (equals_ignoring_case(entry.extension, extension)) {
      return entry.content_type;
    }
  }
  return "application/octet-stream";
}

Result<StaticFiles> StaticFiles::create(const std::filesystem::path& web_root, std::uintmax_t max_file_size) {
  std::error_code error;
  std::filesystem::path root = std::filesystem::canonical(web_root, error);
  if (error) {
    return Error(ErrorCode::FileError, {web_root.string(), error.message()});
  }
  if (!std::filesystem::is_directory(root, error)) {
    return Error(ErrorCode::FileError, {web_root.string(), "not a directory"});
  }
  return StaticFiles(std::move(root), max_file_size);
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
  if (request.method != Method::get && request.method != Method::head) {
    return std::nullopt;
  }
  std::string_view path = request.path;
  if (path == "/api" || path.starts_with("/api/")) {
    return std::nullopt;
  }
  auto not_found = [&] { return problem_response(Error(ErrorCode::RouteNotFound, {request.path}), request); };

  if (path.empty() || path.front() != '/' || !has_safe_segments(path) ||
      contains_ignoring_case(path, "%2f") || contains_ignoring_case(path, "%5c") ||
      contains_ignoring_case(path, "%00")) {
    return not_found();
  }
  // Decoded exactly once: a '%' that survives means double encoding, which no file name
  // produced by the build needs, so it is refused rather than interpreted.
  std::optional<std::string> decoded = percent_decode(path);
  if (!decoded || decoded->find('%') != std::string::npos || !has_safe_segments(*decoded)) {
    return not_found();
  }

  std::filesystem::path file;
  Resolution resolution = resolve(decoded->substr(1), file);
  if (resolution == Resolution::found) {
    return file_response(request, file, path.starts_with("/assets/"));
  }
  if (resolution == Resolution::refused || !is_client_route(*decoded)) {
    return not_found();
  }
  if (resolve("index.html", file) != Resolution::found) {
    return not_found();
  }
  return file_response(request, file, false);
}

StaticFiles::Resolution StaticFiles::resolve(const std::filesystem::path& relative,
                                             std::filesystem::path& file) const {
  std::error_code error;
  // weakly_canonical resolves the existing part of the path, so a symlink that leads
  // outside is refused even when the rest of the path does not exist (no probing).
  std::filesystem::path candidate = std::filesystem::weakly_canonical(root_ / relative, error);
  if (error) {
    return Resolution::missing;
  }
  if (!is_within(candidate, root_)) {
    return Resolution::refused;
  }
  candidate = std::filesystem::canonical(candidate, error);
  if (error) {
    return Resolution::missing;
  }
  // Symlinks are followed by canonical(); the result must still be inside the root.
  if (!is_within(candidate, root_)) {
    return Resolution::refused;
  }
  if (std::filesystem::is_directory(candidate, error)) {
    candidate = std::filesystem::canonical(candidate / "index.html", error);
    if (error) {
      return Resolution::missing;
    }
    if (!is_within(candidate, root_)) {
      return Resolution::refused;
    }
  }
  if (!std::filesystem::is_regular_file(candidate, error)) {
    return Resolution::missing;
  }
  file = std::move(candidate);
  return Resolution::found;
}

Response StaticFiles::file_response(const Request& request, const std::filesystem::path& file,
                                    bool immutable) const {
  auto internal_error = [&](const std::string& reason) {
    spdlog::error("static file {}: {}", file.string(), reason);
    return problem_response(Error(ErrorCode::Internal, {request.request_id}), request);
  };
  std::error_code error;
  std::uintmax_t size = std::filesystem::file_size(file, error);
  if (error) {
    return internal_error(error.message());
  }
  if (size > max_file_size_) {
    return internal_error("larger than the limit of " + std::to_string(max_file_size_) + " bytes");
  }
  auto modified = std::filesystem::last_write_time(file, error);
  if (error) {
    return internal_error(error.message());
  }

  std::string etag = "\"" + to_hex(size) + "-" +
                     to_hex(static_cast<std::uint64_t>(modified.time_since_epoch().count())) + "\"";
  std::string cache_control = immutable ? "public, max-age=31536000, immutable" : "no-cache";
  if (auto if_none_match = request.headers.get("If-None-Match");
      if_none_match && etag_matches(*if_none_match, etag)) {
    Response response;
    response.status = 304;
    response.headers.set("ETag", etag);
    response.headers.set("Cache-Control", cache_control);
    return response;
  }

  std::ifstream stream(file, std::ios::binary);
  std::string body(static_cast<std::size_t>(size), '\0');
  if (!stream || !stream.read(body.data(), static_cast<std::streamsize>(size))) {
    return internal_error("cannot be read");
  }
  Response response = Response::text(200, std::move(body), std::string(content_type_for(file)));
  response.headers.set("ETag", etag);
  response.headers.set("Cache-Control", cache_control);
  return response;
}

}  // namespace sinergi::http
