#include "platform/db/database_url.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <ostream>
#include <utility>
#include <vector>

namespace sinergi::db {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite://";
constexpr std::array<std::string_view, 2> kPostgresqlSchemes = {"postgresql://", "postgres://"};

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char left, char right) {
    return std::tolower(static_cast<unsigned char>(left)) == std::tolower(static_cast<unsigned char>(right));
  });
}

Error invalid_url(std::string_view url, const std::string& reason) {
  return Error(ErrorCode::InvalidDatabaseUrl, {reason + " in '" + redact_url_text(url) + "'"});
}

int hex_digit_value(char digit) {
  if (digit >= '0' && digit <= '9') {
    return digit - '0';
  }
  if (digit >= 'a' && digit <= 'f') {
    return digit - 'a' + 10;
  }
  if (digit >= 'A' && digit <= 'F') {
    return digit - 'A' + 10;
  }
  return -1;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t position = 0; position < text.size(); ++position) {
    if (text[position] != '%') {
      decoded.push_back(text[position]);
      continue;
    }
    if (position + 2 >= text.size()) {
      return std::nullopt;
    }
    const int high = hex_digit_value(text[position + 1]);
    const int low = hex_digit_value(text[position + 2]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    decoded.push_back(static_cast<char>(high * 16 + low));
    position += 2;
  }
  return decoded;
}

bool is_keyword(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char character) {
    return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') ||
           character == '_';
  });
}

Result<DatabaseUrl> parse_sqlite(std::string_view url) {
  std::string_view path = url.substr(kSqliteScheme.size());
  if (path.empty()) {
    return invalid_url(url, "empty SQLite path");
  }
  if (path == ":memory:") {
    return invalid_url(
        url, "in-memory SQLite databases are not supported (each pooled connection would see its own)");
  }
  DatabaseUrl parsed;
  parsed.backend = Backend::sqlite;
  parsed.sqlite_path = std::string(path);
  parsed.text = std::string(url);
  return parsed;
}

Result<DatabaseUrl> parse_postgresql(std::string_view url, std::size_t scheme_length) {
  std::string_view rest = url.substr(scheme_length);
  std::string_view query;
  if (auto question_mark = rest.find('?'); question_mark != std::string_view::npos) {
    query = rest.substr(question_mark + 1);
    rest = rest.substr(0, question_mark);
  }
  std::string_view authority = rest;
  std::string_view path;
  if (auto slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    path = rest.substr(slash + 1);
  }

  // The last '@' separates the user info, so an unencoded '@' in a password still works.
  std::string_view user_info;
  std::string_view host_and_port = authority;
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    user_info = authority.substr(0, at);
    host_and_port = authority.substr(at + 1);
  }
  std::string_view user_text = user_info;
  std::optional<std::string_view> password_text;
  if (auto colon = user_info.find(':'); colon != std::string_view::npos) {
    user_text = user_info.substr(0, colon);
    password_text = user_info.substr(colon + 1);
  }

  if (host_and_port.find(',') != std::string_view::npos) {
    return invalid_url(url, "several hosts are not supported");
  }
  std::string_view host_text = host_and_port;
  std::string_view port_text;
  if (!host_and_port.empty() && host_and_port.front() == '[') {
    auto closing = host_and_port.find(']');
    if (closing == std::string_view::npos) {
      return invalid_url(url, "unclosed '[' in the host");
    }
    host_text = host_and_port.substr(1, closing - 1);
    std::string_view after = host_and_port.substr(closing + 1);
    if (!after.empty()) {
      if (after.front() != ':') {
        return invalid_url(url, "unexpected text after the IPv6 host");
      }
      port_text = after.substr(1);
      if (port_text.empty()) {
        return invalid_url(url, "bad port ''");
      }
    }
  } else if (auto colon = host_and_port.rfind(':'); colon != std::string_view::npos) {
    host_text = host_and_port.substr(0, colon);
    port_text = host_and_port.substr(colon + 1);
    if (port_text.empty()) {
      return invalid_url(url, "bad port ''");
    }
  }
  if (!port_text.empty()) {
    const bool digits = port_text.size() <= 5 &&
                        std::all_of(port_text.begin(), port_text.end(),
                                    [](char character) { return character >= '0' && character <= '9'; });
    const long port = digits ? std::stol(std::string(port_text)) : 0;
    if (!digits || port < 1 || port > 65535) {
      return invalid_url(url, "bad port '" + std::string(port_text) + "'");
    }
  }

  auto user = percent_decode(user_text);
  auto password = password_text ? percent_decode(*password_text) : std::optional<std::string>(std::string());
  auto host = percent_decode(host_text);
  auto database_name = percent_decode(path);
  if (!user || !password || !host || !database_name) {
    return invalid_url(url, "bad percent-encoding");
  }
  if (database_name->empty()) {
    return invalid_url(url, "missing database name");
  }

  std::vector<std::pair<std::string, std::string>> keywords;
  if (!host->empty()) {
    keywords.emplace_back("host", *host);
  }
  if (!port_text.empty()) {
    keywords.emplace_back("port", std::string(port_text));
  }
  keywords.emplace_back("dbname", *database_name);
  if (!user->empty()) {
    keywords.emplace_back("user", *user);
  }
  if (password_text) {
    keywords.emplace_back("password", *password);
  }
  while (!query.empty()) {
    std::string_view parameter = query.substr(0, query.find('&'));
    query.remove_prefix(std::min(query.size(), parameter.size() + 1));
    if (parameter.empty()) {
      continue;
    }
    auto equals = parameter.find('=');
    if (equals == std::string_view::npos) {
      return invalid_url(url, "query parameter '" + std::string(parameter) + "' has no value");
    }
    std::string_view key = parameter.substr(0, equals);
    if (!is_keyword(key)) {
      return invalid_url(url, "bad query parameter name '" + std::string(key) + "'");
    }
    auto value = percent_decode(parameter.substr(equals + 1));
    if (!value) {
      return invalid_url(url, "bad percent-encoding");
    }
    keywords.emplace_back(std::string(key), *value);
  }
  // A dead host should fail a start-up or a readiness probe in seconds, not in the
  // minutes the operating system's TCP timeout would take.
  const auto has_keyword = [&](std::string_view key) {
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](const auto& keyword) { return keyword.first == key; });
  };
  if (!has_keyword("connect_timeout")) {
    keywords.emplace_back("connect_timeout", "5");
  }
  // Text crosses the wire as UTF-8 whatever the server's or the environment's default.
  if (!has_keyword("client_encoding")) {
    keywords.emplace_back("client_encoding", "UTF8");
  }

  DatabaseUrl parsed;
  parsed.backend = Backend::postgresql;
  for (const auto& [key, value] : keywords) {
    if (!parsed.postgresql_connection.empty()) {
      parsed.postgresql_connection += ' ';
    }
    parsed.postgresql_connection += key + "=" + quote_connection_value(value);
  }
  parsed.text = std::string(url);
  return parsed;
}

}  // namespace

std::string_view backend_name(Backend backend) {
  switch (backend) {
    case Backend::sqlite:
      return "sqlite";
    case Backend::postgresql:
      return "postgresql";
  }
  return "unknown";
}

std::ostream& operator<<(std::ostream& stream, Backend backend) {
  return stream << backend_name(backend);
}

Result<DatabaseUrl> DatabaseUrl::parse(std::string_view url) {
  if (starts_with_ignoring_case(url, kSqliteScheme)) {
    return parse_sqlite(url);
  }
  for (std::string_view scheme : kPostgresqlSchemes) {
    if (starts_with_ignoring_case(url, scheme)) {
      return parse_postgresql(url, scheme.size());
    }
  }
  if (url.empty()) {
    return Error(ErrorCode::InvalidDatabaseUrl, {"empty URL (expected sqlite://PATH or postgresql://...)"});
  }
  auto scheme_end = url.find(':');
  std::string scheme(url.substr(0, scheme_end == std::string_view::npos ? 0 : scheme_end));
  return invalid_url(url,
                     (scheme.empty() ? std::string("missing scheme") : "unknown scheme '" + scheme + "'") +
                         " (expected sqlite://PATH or postgresql://...)");
}

std::string DatabaseUrl::redacted() const {
  // A file path holds no secret, and may legitimately contain '@' or ':'.
  return backend == Backend::sqlite ? text : redact_url_text(text);
}

std::string quote_connection_value(std::string_view value) {
  const bool needs_quotes =
      value.empty() || std::any_of(value.begin(), value.end(), [](char character) {
        return std::isspace(static_cast<unsigned char>(character)) || character == '\'' || character == '\\';
      });
  if (!needs_quotes) {
    return std::string(value);
  }
  std::string quoted = "'";
  for (char character : value) {
    if (character == '\'' || character == '\\') {
      quoted += '\\';
    }
    quoted += character;
  }
  quoted += '\'';
  return quoted;
}

std::string redact_url_text(std::string_view url) {
  std::string redacted(url);
  if (auto scheme_end = redacted.find("://"); scheme_end != std::string::npos) {
    const std::size_t authority_start = scheme_end + 3;
    std::size_t authority_end = redacted.find_first_of("/?", authority_start);
    if (authority_end == std::string::npos) {
      authority_end = redacted.size();
    }
    auto at = redacted.rfind('@', authority_end == 0 ? 0 : authority_end - 1);
    if (at != std::string::npos && at >= authority_start) {
      auto colon = redacted.find(':', authority_start);
      if (colon != std::string::npos && colon < at) {
        redacted.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  if (auto question_mark = redacted.find('?'); question_mark != std::string::npos) {
    std::size_t position = question_mark + 1;
    while (position < redacted.size()) {
      std::size_t end = redacted.find('&', position);
      if (end == std::string::npos) {
        end = redacted.size();
      }
      constexpr std::string_view kPasswordKey = "password=";
      if (redacted.compare(position, kPasswordKey.size(), kPasswordKey) == 0) {
        const std::size_t value_start = position + kPasswordKey.size();
        redacted.replace(value_start, end - value_start, "***");
        end = value_start + 3;
      }
      position = end + 1;
    }
  }
  return redacted;
}

}  // namespace sinergi::db
