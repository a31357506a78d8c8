#include <gtest/gtest.h>

#include "platform/http/response.h"

namespace sinergi::http {
namespace {

Request request_for(Locale locale) {
  Request request;
  request.set_target("/api/v1/indicators?draft=1");
  request.request_id = "req-123";
  request.locale = locale;
  return request;
}

Error validation_error() {
  return Error::with_fields(ErrorCode::ValidationFailed,
                            {{"name", "wajib diisi", "is required"},
                             {"target", "harus antara 1 dan 10", "must be between 1 and 10"}});
}

TEST(ProblemResponseTest, ValidationFailedInIndonesian) {
  Response response = problem_response(validation_error(), request_for(Locale::indonesian));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.headers.get("Content-Type"), "application/problem+json");
  EXPECT_EQ(response.headers.get("Content-Language"), "id");
  EXPECT_EQ(response.body, R"({"type":"urn:sinergi:problem:validation_failed",)"
                           R"("title":"Data yang dikirim tidak lolos validasi",)"
                           R"("status":422,)"
                           R"("detail":"Data yang dikirim tidak lolos validasi",)"
                           R"("instance":"/api/v1/indicators",)"
                           R"("request_id":"req-123",)"
                           R"("errors":[{"field":"name","message":"wajib diisi"},)"
                           R"({"field":"target","message":"harus antara 1 dan 10"}]})");
}

TEST(ProblemResponseTest, ValidationFailedInEnglish) {
  Response response = problem_response(validation_error(), request_for(Locale::english));
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.headers.get("Content-Language"), "en");
  EXPECT_EQ(response.body, R"({"type":"urn:sinergi:problem:validation_failed",)"
                           R"("title":"The submitted data failed validation",)"
                           R"("status":422,)"
                           R"("detail":"The submitted data failed validation",)"
                           R"("instance":"/api/v1/indicators",)"
                           R"("request_id":"req-123",)"
                           R"("errors":[{"field":"name","message":"is required"},)"
                           R"({"field":"target","message":"must be between 1 and 10"}]})");
}

TEST(ProblemResponseTest, NoErrorsMemberWithoutFieldsAndNoLogDetail) {
  Error error =
      Error(ErrorCode::DatabaseUnavailable, {"primary"}).with_log_detail("password=secret at db.internal");
  Response response = problem_response(error, request_for(Locale::english));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.body, R"({"type":"urn:sinergi:problem:database_unavailable",)"
                           R"("title":"The database cannot be reached: primary",)"
                           R"("status":503,)"
                           R"("detail":"The database cannot be reached: primary",)"
                           R"("instance":"/api/v1/indicators",)"
                           R"("request_id":"req-123"})");
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
}

TEST(ProblemResponseTest, InvalidUtf8AndQuotesInArgumentsStayValidJson) {
  Request request = request_for(Locale::indonesian);
  request.path = "/a\"b\xff";
  Response response = problem_response(Error(ErrorCode::RouteNotFound, {request.path}), request);
  EXPECT_EQ(response.status, 404);
  // The ill-formed byte becomes U+FFFD (EF BF BD); the quote is escaped.
  EXPECT_NE(response.body.find("\"instance\":\"/a\\\"b\xEF\xBF\xBD\""), std::string::npos) << response.body;
}

TEST(ResponseTest, Factories) {
  Response json = Response::json(201, R"({"id":1})");
  EXPECT_EQ(json.status, 201);
  EXPECT_EQ(json.headers.get("Content-Type"), "application/json; charset=utf-8");
  Response text = Response::text(200, "hello");
  EXPECT_EQ(text.headers.get("Content-Type"), "text/plain; charset=utf-8");
  Response empty = Response::no_content();
  EXPECT_EQ(empty.status, 204);
  EXPECT_TRUE(empty.body.empty());
  EXPECT_FALSE(empty.headers.contains("Content-Type"));
}

}  // namespace
}  // namespace sinergi::http
