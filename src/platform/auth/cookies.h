#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// Reading the Cookie request header and writing Set-Cookie values for session cookies.

namespace sinergi::auth {

// The value of the cookie `name` in a Cookie request header such as "a=1; b=2", or nullopt.
// Parsing follows RFC 6265 section 5.4 leniently: pairs are separated by ';', whitespace
// (space, tab) around names and values is ignored, names match case-sensitively, a value
// in double quotes is returned without them, and the first pair with the name wins.
// Malformed pairs are skipped, so they never hide a later good one: a pair without '=',
// with an empty name or one that is not an RFC 7230 token, or with a value holding bytes
// RFC 6265 forbids in cookie values (controls, whitespace, '"', ',', ';', '\', non-ASCII).
// An empty value ("a=") is a value: "".
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

struct CookieOptions {
  // Adds "Secure" (sent over HTTPS only). Enable whenever the server is reached by HTTPS.
  bool secure = false;
  // Adds "Max-Age=N" (negative durations become 0); without it the cookie ends with the
  // browser session.
  std::optional<std::chrono::seconds> max_age;
  std::string path = "/";
};

// The value of a Set-Cookie header (without "Set-Cookie: ") for a session cookie:
// "name=value; Path=/; HttpOnly; SameSite=Strict[; Secure][; Max-Age=N]".
// REQUIRES: `name` is an RFC 7230 token, `value` consists of RFC 6265 cookie-octets (the
// output of random_token() does), and `options.path` holds no ';' or control characters.
// Violations throw std::invalid_argument rather than emit a header that could be split
// or inject attributes; they are programming errors, never a result of user input.
std::string session_cookie_header(std::string_view name, std::string_view value,
                                  const CookieOptions& options);

// A Set-Cookie value that deletes the cookie `name` set with the same path:
// "name=; Path=/; HttpOnly; SameSite=Strict[; Secure]; Max-Age=0" (options.max_age is
// ignored). REQUIRES and throws as session_cookie_header.
std::string expired_cookie_header(std::string_view name, const CookieOptions& options);

}  // namespace sinergi::auth
