#pragma once

#include <string>

#include "core/error.h"
#include "platform/http/request.h"

namespace sinergi::http {

// One HTTP response, independent of the transport that writes it. The server adds
// Content-Length, Date, Connection, X-Request-Id and the security headers; a handler
// sets only what is specific to its answer.
struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  // Content-Type "application/json; charset=utf-8". `body` must already be JSON text.
  static Response json(int status, std::string body);
  static Response text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
  // 204 with no body and no Content-Type.
  static Response no_content();
};

// An RFC 9457 problem document (Content-Type application/problem+json) for `error`:
//   {"type":"urn:sinergi:problem:<error.name()>","title":<message>,"status":<http status>,
//    "detail":<message>,"instance":<request.path>,"request_id":<request.request_id>,
//    "errors":[{"field":...,"message":...}]}
// in that key order; "errors" only when the error has field errors. Messages use
// request.locale. The status comes from http_status(error.status_class()).
// Error::log_detail() never appears in the response.
Response problem_response(const Error& error, const Request& request);

}  // namespace sinergi::http
