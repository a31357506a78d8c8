#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.h"

namespace sinergi::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

// "GET", "HEAD", ..., and "OTHER" for Method::other.
std::string_view method_name(Method method);
// Exact, case-sensitive match of a request-line method (HTTP methods are case-sensitive);
// anything unknown is Method::other.
Method method_from_name(std::string_view name);

// Header fields with case-insensitive names, in the order they were added. Values are kept
// verbatim; a name may occur more than once (add()), set() keeps exactly one.
class Headers {
 public:
  using Field = std::pair<std::string, std::string>;
  using ConstIterator = std::vector<Field>::const_iterator;

  // The value of the first field with this name, or nullopt. The view is invalidated by
  // any change to the headers.
  std::optional<std::string_view> get(std::string_view name) const;
  // Replaces every field with this name by one field, at the position of the first.
  void set(std::string name, std::string value);
  // Appends a field, keeping existing fields with the same name.
  void add(std::string name, std::string value);
  // Removes every field with this name.
  void remove(std::string_view name);
  bool contains(std::string_view name) const;

  std::size_t size() const { return fields_.size(); }
  bool empty() const { return fields_.empty(); }
  ConstIterator begin() const { return fields_.begin(); }
  ConstIterator end() const { return fields_.end(); }

 private:
  std::vector<Field> fields_;
};

// ASCII case-insensitive comparison, as header names and media types need.
bool equals_ignoring_case(std::string_view left, std::string_view right);

// Decodes %XX escapes. Returns nullopt for a truncated or non-hex escape. When
// `plus_as_space` is set (query strings), '+' becomes ' '. The result may contain any
// byte, including NUL and '/': callers that care must check.
std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space = false);

// One parsed HTTP request, independent of the transport that read it.
struct Request {
  Method method = Method::get;
  std::string method_text;  // as sent, e.g. "GET" or "PROPFIND"
  std::string target;       // the request target as sent, e.g. "/api/v1/items?page=2"
  std::string path;         // target up to '?', still percent-encoded
  std::string query;        // target after '?', without the '?', still percent-encoded
  Headers headers;
  std::string body;
  // Filled by routing: percent-decoded values of the pattern's {parameters}.
  std::unordered_map<std::string, std::string> path_parameters;
  // The matched route pattern ("/api/v1/items/{id}"), "static" or "unmatched".
  std::string route_pattern;
  std::string request_id;
  std::string remote_address;  // "ip:port" of the peer
  Locale locale = Locale::indonesian;

  // The first query parameter with this (decoded) name, percent-decoded with '+' as space.
  // A value with a malformed escape is returned with that escape left as it was.
  // "?flag" yields "" for "flag"; nullopt when the parameter is absent.
  std::optional<std::string> query_parameter(std::string_view name) const;
  // The decoded value of a path parameter, or "" when the route has no such parameter.
  std::string_view path_parameter(std::string_view name) const;

  // Splits `target` into `path` and `query`.
  void set_target(std::string new_target);
};

}  // namespace sinergi::http
