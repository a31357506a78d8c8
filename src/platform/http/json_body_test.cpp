#include "platform/http/json_body.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace sinergi::http {
namespace {

Request json_request(std::string body, std::string content_type = "application/json") {
  Request request;
  request.method = Method::post;
  request.headers.set("Content-Type", std::move(content_type));
  request.body = std::move(body);
  return request;
}

// The field error parse_json_body attaches to MalformedJson, in English.
std::string malformed_reason(const Result<nlohmann::json>& result) {
  EXPECT_FALSE(result.ok());
  if (result.ok()) {
    return "";
  }
  EXPECT_EQ(result.error().code(), ErrorCode::MalformedJson);
  EXPECT_EQ(result.error().fields().size(), 1U);
  return result.error().fields().empty() ? "" : result.error().fields()[0].message_en;
}

TEST(ParseJsonBodyTest, ParsesAnObject) {
  auto result = parse_json_body(json_request(R"({"name":"Dinas","target":5})"));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ((*result)["name"], "Dinas");
  EXPECT_EQ((*result)["target"], 5);
}

TEST(ParseJsonBodyTest, AcceptsContentTypeParametersAndAnyCase) {
  for (std::string content_type : {"application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
                                   "application/json ; charset=\"utf-8\"", "application/json; version=2"}) {
    EXPECT_TRUE(parse_json_body(json_request("[]", content_type)).ok()) << content_type;
  }
}

TEST(ParseJsonBodyTest, RefusesOtherContentTypes) {
  for (std::string content_type : {"text/plain", "application/x-www-form-urlencoded", "application/jsonx",
                                   "application/json; charset=iso-8859-1", ""}) {
    auto result = parse_json_body(json_request("{}", content_type));
    ASSERT_FALSE(result.ok()) << content_type;
    EXPECT_EQ(result.error().code(), ErrorCode::UnsupportedMediaType);
    EXPECT_EQ(result.error().message(Locale::english), "Content type must be application/json");
  }
  Request without_header;
  without_header.body = "{}";
  EXPECT_EQ(parse_json_body(without_header).error().code(), ErrorCode::UnsupportedMediaType);
}

TEST(ParseJsonBodyTest, EmptyBodyIsMalformed) {
  auto result = parse_json_body(json_request(""));
  EXPECT_EQ(malformed_reason(result), "the request body is empty");
  EXPECT_EQ(malformed_reason(parse_json_body(json_request(" \r\n\t"))), "the request body is empty");
  EXPECT_EQ(result.error().fields()[0].message_id, "isi permintaan kosong");
}

TEST(ParseJsonBodyTest, SyntaxErrorReportsTheByteOffsetWithoutEchoingInput) {
  auto result = parse_json_body(json_request(R"({"name": "secret-value", })"));
  EXPECT_EQ(malformed_reason(result), "syntax error at byte 26");
  EXPECT_EQ(result.error().message(Locale::english), "The request body is not valid JSON: byte 26");
  EXPECT_EQ(result.error().fields()[0].message_id, "kesalahan sintaks pada byte 26");
  EXPECT_EQ(result.error().message(Locale::english).find("secret"), std::string::npos);

  EXPECT_EQ(malformed_reason(parse_json_body(json_request("{\"a\":1"))), "syntax error at byte 7");
  EXPECT_EQ(malformed_reason(parse_json_body(json_request("nul"))), "syntax error at byte 4");
  EXPECT_EQ(malformed_reason(parse_json_body(json_request("{} {}"))), "syntax error at byte 4");
  EXPECT_EQ(malformed_reason(parse_json_body(json_request("{'a':1}"))), "syntax error at byte 2");
}

TEST(ParseJsonBodyTest, LargeInputIsNotEchoed) {
  std::string body = "[\"" + std::string(100000, 'x') + "\", oops]";
  auto result = parse_json_body(json_request(body));
  ASSERT_FALSE(result.ok());
  EXPECT_LT(result.error().message(Locale::english).size(), 100U);
  EXPECT_LT(result.error().fields()[0].message_en.size(), 100U);
}

TEST(ParseJsonBodyTest, InvalidUtf8InsideAStringIsMalformed) {
  auto result = parse_json_body(json_request("{\"name\":\"ab\xff\xfe\"}"));
  EXPECT_EQ(malformed_reason(result), "ill-formed UTF-8 at byte 12");
  EXPECT_EQ(result.error().fields()[0].message_id, "UTF-8 tidak sah pada byte 12");
  // Overlong encoding of '/', a lone continuation byte, and an unpaired surrogate escape.
  EXPECT_FALSE(parse_json_body(json_request("[\"\xc0\xaf\"]")).ok());
  EXPECT_FALSE(parse_json_body(json_request("[\"\x80\"]")).ok());
  EXPECT_FALSE(parse_json_body(json_request(R"(["\ud800"])")).ok());
  // Well-formed multi-byte text is fine.
  auto accented = parse_json_body(json_request("[\"Sulawesi \xc3\xa9 \xe2\x82\xac\"]"));
  ASSERT_TRUE(accented.ok());
}

TEST(ParseJsonBodyTest, NestingDeeperThanTheLimitIsRefusedBeforeParsing) {
  std::string at_limit = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(parse_json_body(json_request(at_limit)).ok());

  std::string too_deep = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_EQ(malformed_reason(parse_json_body(json_request(too_deep))),
            "nested deeper than 64 levels at byte 65");

  // A megabyte of brackets must not exhaust the stack.
  std::string hostile(1 << 20, '[');
  EXPECT_EQ(malformed_reason(parse_json_body(json_request(hostile))),
            "nested deeper than 64 levels at byte 65");
  std::string objects;
  for (int level = 0; level < 100; ++level) {
    objects += R"({"a":)";
  }
  EXPECT_FALSE(parse_json_body(json_request(objects)).ok());

  // Brackets inside strings do not count.
  std::string in_string = "[\"" + std::string(200, '[') + "\\\"" + std::string(200, '{') + "\"]";
  EXPECT_TRUE(parse_json_body(json_request(in_string)).ok());
}

TEST(ParseJsonBodyTest, HugeNumbersAreMalformedNotCrashes) {
  auto result = parse_json_body(json_request("[1, 1e999]"));
  EXPECT_EQ(malformed_reason(result), "number out of range at byte 9");
  EXPECT_EQ(result.error().fields()[0].message_id, "angka di luar jangkauan pada byte 9");
  EXPECT_TRUE(parse_json_body(json_request("[123456789012345678901234567890]")).ok());
}

TEST(JsonFieldsTest, ReadsValidFields) {
  auto body = nlohmann::json::parse(
      R"({"name":"Dinas Kesehatan","code":"DK","target":7,"active":true,"note":null,"big":9223372036854775807})");
  JsonFields fields(body);
  EXPECT_EQ(fields.required_string("name", 200), "Dinas Kesehatan");
  EXPECT_EQ(fields.optional_string("code", 10), "DK");
  EXPECT_EQ(fields.optional_string("note", 10), std::nullopt);
  EXPECT_EQ(fields.optional_string("absent", 10), std::nullopt);
  EXPECT_EQ(fields.required_integer("target", 1, 10), 7);
  EXPECT_EQ(fields.optional_integer("absent", 1, 10), std::nullopt);
  EXPECT_EQ(fields.required_integer("big", 0, INT64_MAX), INT64_MAX);
  EXPECT_EQ(fields.optional_boolean("active"), true);
  EXPECT_EQ(fields.required_boolean("active"), true);
  EXPECT_EQ(fields.optional_boolean("absent"), std::nullopt);
  EXPECT_TRUE(fields.finish().ok());
}

TEST(JsonFieldsTest, CountsCharactersNotBytes) {
  auto body = nlohmann::json::parse("{\"name\":\"\xc3\xa9\xc3\xa9\xc3\xa9\"}");  // three 2-byte characters
  JsonFields fields(body);
  EXPECT_EQ(fields.required_string("name", 3), "\xc3\xa9\xc3\xa9\xc3\xa9");
  EXPECT_EQ(fields.required_string("name", 2), std::nullopt);
  ASSERT_EQ(fields.errors().size(), 1U);
  EXPECT_EQ(fields.errors()[0].message_en, "at most 2 characters");
}

TEST(JsonFieldsTest, CollectsEveryProblemInOrderInBothLanguages) {
  auto body = nlohmann::json::parse(
      R"({"name":"   ","code":42,"description":"abcdef","target":11,"weight":2.5,"count":"3",)"
      R"("active":"yes","huge":18446744073709551615})");
  JsonFields fields(body);
  EXPECT_EQ(fields.required_string("name", 200), std::nullopt);
  EXPECT_EQ(fields.required_string("code", 20), std::nullopt);
  EXPECT_EQ(fields.optional_string("description", 5), std::nullopt);
  EXPECT_EQ(fields.required_integer("target", 1, 10), std::nullopt);
  EXPECT_EQ(fields.required_integer("weight", 1, 10), std::nullopt);
  EXPECT_EQ(fields.optional_integer("count", 1, 10), std::nullopt);
  EXPECT_EQ(fields.optional_boolean("active"), std::nullopt);
  EXPECT_EQ(fields.required_integer("huge", 0, 100), std::nullopt);
  EXPECT_EQ(fields.required_integer("missing", 0, 100), std::nullopt);
  fields.add_error("period", "harus setelah tanggal mulai", "must be after the start date");

  Result<void> result = fields.finish();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(result.error().status_class(), StatusClass::unprocessable);
  std::vector<FieldError> expected = {
      {"name", "wajib diisi", "is required"},
      {"code", "harus berupa teks", "must be a string"},
      {"description", "paling banyak 5 karakter", "at most 5 characters"},
      {"target", "harus antara 1 dan 10", "must be between 1 and 10"},
      {"weight", "harus berupa bilangan bulat", "must be an integer"},
      {"count", "harus berupa bilangan bulat", "must be an integer"},
      {"active", "harus berupa true atau false", "must be true or false"},
      {"huge", "harus antara 0 dan 100", "must be between 0 and 100"},
      {"missing", "wajib diisi", "is required"},
      {"period", "harus setelah tanggal mulai", "must be after the start date"},
  };
  EXPECT_EQ(result.error().fields(), expected);
}

TEST(JsonFieldsTest, NonObjectIsOneErrorOnTheWholeBody) {
  for (const char* text : {"[1,2]", "\"text\"", "42", "null"}) {
    auto body = nlohmann::json::parse(text);
    JsonFields fields(body);
    EXPECT_EQ(fields.required_string("name", 10), std::nullopt);
    EXPECT_EQ(fields.required_integer("target", 1, 10), std::nullopt);
    EXPECT_EQ(fields.optional_boolean("active"), std::nullopt);
    Result<void> result = fields.finish();
    ASSERT_FALSE(result.ok()) << text;
    EXPECT_EQ(result.error().fields(),
              (std::vector<FieldError>{{"", "harus berupa objek JSON", "must be a JSON object"}}));
  }
}

TEST(ToJsonTextTest, ReplacesInvalidUtf8InsteadOfThrowing) {
  nlohmann::json value = {{"name", std::string("ab\xff")}};
  EXPECT_EQ(to_json_text(value), "{\"name\":\"ab\xEF\xBF\xBD\"}");
  EXPECT_EQ(to_json_text(nlohmann::json::parse(R"({"b":1,"a":[true,null]})")), R"({"a":[true,null],"b":1})");
}

}  // namespace
}  // namespace sinergi::http
