#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace sinergi::app {

// Where the server listens, parsed from "HOST:PORT" ("127.0.0.1:8080", "[::1]:0").
struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;

  static Result<ListenAddress> parse(std::string_view text);
};

// Everything `sinergi serve` can be told, from flags or SINERGI_* environment variables.
struct ServeSettings {
  std::string database_url;
  std::string listen = "127.0.0.1:8080";
  std::string web_root;  // empty: no static files
  std::size_t body_limit_bytes = 1 << 20;
  std::size_t threads = 0;  // 0: one per core
  std::size_t pool_size = 8;
  std::int64_t header_timeout_ms = 10'000;
  std::int64_t idle_timeout_ms = 60'000;
  std::int64_t shutdown_grace_ms = 10'000;
  std::string log_level = "info";
  bool secure_cookies = false;  // add Secure to the session cookie (behind HTTPS)
  std::string files_dir;        // evidence files; empty: files_directory_for(database_url)
};

// Where uploaded evidence files live when no directory is named: beside an SQLite database
// file ("data/sinergi.db" -> "data/files"), "data/files" under the working directory for
// PostgreSQL.
std::string files_directory_for(const std::string& database_url);

}  // namespace sinergi::app
