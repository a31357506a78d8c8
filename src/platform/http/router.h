#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "platform/http/request.h"
#include "platform/http/response.h"

namespace sinergi::http {

// A route handler. It may return an Error (sent as a problem document) or throw (sent as
// a 500 problem and logged); it runs on a server I/O thread, so it must be thread-safe.
using Handler = std::function<Result<Response>(Request&)>;

struct RouteInfo {
  Method method;
  std::string pattern;
  std::string operation_id;
};

// Maps (method, path) to a handler. Build it completely before the server starts; after
// that it is only read, so concurrent match() calls are safe.
//
// Patterns are absolute paths of '/'-separated segments; a segment is either a literal
// or a whole-segment parameter "{name}" (letters, digits, '_'). "/" is the root.
// Matching is strict: the path must have exactly the pattern's segments, so "/a/",
// "//a" and "/a//b" match no pattern that lacks the empty segment, and literals compare
// byte for byte with the raw (still percent-encoded) path. Parameter values are
// percent-decoded and never empty; a malformed escape in one means no match.
// When several patterns match, the one whose leftmost differing segment is a literal
// wins ("/items/new" beats "/items/{id}").
class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Registers a route. Throws std::logic_error (a programming error, found at startup)
  // for a malformed pattern, Method::other, Method::head (HEAD is answered by GET
  // routes), an empty handler, or a pattern of the same shape already registered for
  // the method ("/a/{x}" and "/a/{y}" are the same shape).
  void add(Method method, std::string pattern, std::string operation_id, Handler handler);

  struct Match {
    const Handler* handler = nullptr;  // valid as long as the Router
    std::string pattern;
    std::unordered_map<std::string, std::string> parameters;
  };

  // The best route for the request. HEAD uses GET routes.
  // Errors: RouteNotFound {path} when no pattern matches the path;
  // MethodNotAllowed {method, path} when patterns match but none for this method; then
  // `allowed_methods` (if given) receives every method that would be accepted for the
  // path, in Method order, with HEAD whenever GET is present (for the Allow header).
  Result<Match> match(Method method, std::string_view path,
                      std::vector<Method>* allowed_methods = nullptr) const;

  // Every registered route, in registration order (for documentation and tests).
  const std::vector<RouteInfo>& routes() const { return routes_; }

  // A parsed route; defined in router.cpp.
  struct Entry;

 private:
  std::vector<RouteInfo> routes_;
  std::vector<std::unique_ptr<Entry>> entries_;
};

// "GET, HEAD, POST" for an Allow header.
std::string allow_header_value(const std::vector<Method>& methods);

}  // namespace sinergi::http
