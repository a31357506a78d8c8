#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/result.h"
#include "platform/http/request.h"
#include "platform/http/response.h"

namespace sinergi::http {

// Serves the built single-page application (e.g. Vite's dist/) from a directory.
//
// Rules, in order:
//  - Only GET and HEAD, and never a path equal to "/api" or under "/api/": those return
//    nullopt ("not a static request") so the caller can answer from the router.
//  - The raw path is refused (404 problem) if it contains a backslash, a NUL, an encoded
//    '/', '\' or NUL (%2f, %5c, %00), an empty, "." or ".." segment, or a segment that
//    starts with '.' (dotfiles such as .env). The path is then decoded exactly once and
//    the same checks run again; a '%' left after decoding (double encoding such as %252e)
//    is refused too.
//  - "/" and directories serve their index.html.
//  - The file is resolved with std::filesystem::canonical and must lie inside the
//    canonical web root, so a symlink pointing outside the root is refused (404).
//  - A missing path whose last segment has no file extension ("/regions/31",
//    "/kinerja/opd/1.02") is a client-side route: /index.html is served (Cache-Control
//    no-cache). A missing path with an extension ("/logo.png") is a 404 problem. An
//    extension is 1-8 letters and digits after the last '.', with at least one letter.
// Responses carry Content-Type by extension, an ETag derived from size and modification
// time (If-None-Match → 304), and Cache-Control "public, max-age=31536000, immutable"
// under /assets/ (content-hashed names) or "no-cache" elsewhere.
// Files are read on every request; one larger than the size cap is a 500 problem.
class StaticFiles {
 public:
  static constexpr std::uintmax_t kDefaultMaxFileSize = std::uintmax_t{32} * 1024 * 1024;

  // Errors: FileError {web_root, reason} if it does not exist or is no directory.
  static Result<StaticFiles> create(const std::filesystem::path& web_root,
                                    std::uintmax_t max_file_size = kDefaultMaxFileSize);

  // nullopt when the request is not for a static file (see above); otherwise the file,
  // a 304, or a problem response.
  std::optional<Response> serve(const Request& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  StaticFiles(std::filesystem::path root, std::uintmax_t max_file_size)
      : root_(std::move(root)), max_file_size_(max_file_size) {}

  enum class Resolution { found, missing, refused };
  // Finds the file for a decoded relative path: `found` (and sets `file`), `missing`, or
  // `refused` when it exists but resolves outside the root.
  Resolution resolve(const std::filesystem::path& relative, std::filesystem::path& file) const;
  Response file_response(const Request& request, const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;  // canonical
  std::uintmax_t max_file_size_;
};

// The Content-Type for a file name, by extension (case-insensitive); application/octet-stream
// when unknown.
std::string_view content_type_for(const std::filesystem::path& file_name);

}  // namespace sinergi::http
