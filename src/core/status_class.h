#pragma once

// How a domain error surfaces to a caller. The HTTP layer maps each class to exactly
// one status code (http_status()); the CLI maps every class to a non-zero exit code.

namespace sinergi {

enum class StatusClass {
  bad_request,
  unauthorized,
  forbidden,
  not_found,
  method_not_allowed,
  conflict,
  payload_too_large,
  unsupported_media_type,
  unprocessable,
  too_many_requests,
  internal,
  service_unavailable,
};

constexpr int http_status(StatusClass status_class) {
  switch (status_class) {
    case StatusClass::bad_request:
      return 400;
    case StatusClass::unauthorized:
      return 401;
    case StatusClass::forbidden:
      return 403;
    case StatusClass::not_found:
      return 404;
    case StatusClass::method_not_allowed:
      return 405;
    case StatusClass::conflict:
      return 409;
    case StatusClass::payload_too_large:
      return 413;
    case StatusClass::unsupported_media_type:
      return 415;
    case StatusClass::unprocessable:
      return 422;
    case StatusClass::too_many_requests:
      return 429;
    case StatusClass::internal:
      return 500;
    case StatusClass::service_unavailable:
      return 503;
  }
  return 500;
}

}  // namespace sinergi
