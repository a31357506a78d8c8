#include "platform/auth/cookies.h"

#include <algorithm>
#include <stdexcept>

namespace sinergi::auth {
namespace {

// RFC 7230 tchar: the characters of a header token, which is what a cookie name must be.
bool is_token_character(char character) {
  if ((character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
      (character >= '0' && character <= '9')) {
    return true;
  }
  constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return kSymbols.find(character) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_token_character);
}

// RFC 6265 cookie-octet: printable US-ASCII except whitespace, '"', ',', ';' and '\'.
bool is_cookie_octet(char character) {
  const auto byte = static_cast<unsigned char>(character);
  return byte >= 0x21 && byte <= 0x7E && character != '"' && character != ',' && character != ';' &&
         character != '\\';
}

bool is_cookie_value(std::string_view text) {
  return std::all_of(text.begin(), text.end(), is_cookie_octet);
}

std::string_view trim_whitespace(std::string_view text) {
  const auto is_space = [](char character) { return character == ' ' || character == '\t'; };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::string attributes(const CookieOptions& options, std::optional<std::chrono::seconds> max_age) {
  if (std::any_of(options.path.begin(), options.path.end(), [](char character) {
        const auto byte = static_cast<unsigned char>(character);
        return byte < 0x20 || byte == 0x7F || character == ';';
      })) {
    throw std::invalid_argument("cookie path holds ';' or a control character");
  }
  std::string result = "; Path=" + options.path + "; HttpOnly; SameSite=Strict";
  if (options.secure) {
    result += "; Secure";
  }
  if (max_age) {
    result += "; Max-Age=" + std::to_string(std::max<std::chrono::seconds::rep>(max_age->count(), 0));
  }
  return result;
}

void require_name(std::string_view name) {
  if (!is_token(name)) {
    throw std::invalid_argument("cookie name is not an HTTP token");
  }
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name) {
  std::string_view rest = cookie_header;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(';'), rest.size());
    const std::string_view pair = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));

    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      continue;
    }
    const std::string_view pair_name = trim_whitespace(pair.substr(0, equals));
    std::string_view value = trim_whitespace(pair.substr(equals + 1));
    if (!is_token(pair_name)) {
      continue;
    }
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!is_cookie_value(value)) {
      continue;
    }
    if (pair_name == name) {
      return std::string(value);
    }
  }
  return std::nullopt;
}

std::string session_cookie_header(std::string_view name, std::string_view value,
                                  const CookieOptions& options) {
  require_name(name);
  if (!is_cookie_value(value)) {
    throw std::invalid_argument("cookie value holds a byte RFC 6265 forbids");
  }
  return std::string(name) + "=" + std::string(value) + attributes(options, options.max_age);
}

std::string expired_cookie_header(std::string_view name, const CookieOptions& options) {
  require_name(name);
  return std::string(name) + "=" + attributes(options, std::chrono::seconds(0));
}

}  // namespace sinergi::auth
