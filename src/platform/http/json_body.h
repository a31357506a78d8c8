#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "platform/http/request.h"

// Only the forward declarations of nlohmann::json are included here; callers that look
// inside a parsed body include <nlohmann/json.hpp> themselves.

namespace sinergi::http {

// Containers nested deeper than this are refused, so no later recursive walk (dump,
// validation, destruction) can exhaust the stack.
inline constexpr std::size_t kMaxJsonDepth = 64;

// Parses the body of a JSON request.
// Errors:
//   UnsupportedMediaType {"application/json"} unless Content-Type is application/json
//     (case-insensitive; parameters allowed, but a charset other than utf-8 is refused);
//   MalformedJson {"byte N"} with one field error on "" that explains, in both languages,
//     what is wrong where: an empty body, a syntax error, ill-formed UTF-8, a number too
//     large for a double, or nesting deeper than kMaxJsonDepth. N is the 1-based offset of
//     the byte at which the problem was detected (0 for an empty body); the input itself
//     is never echoed.
Result<nlohmann::json> parse_json_body(const Request& request);

// Reads fields of a JSON object and collects every problem, so one response can report
// all of them. Each accessor returns nullopt when the field is unusable (and records why)
// or, for the optional_* ones, when it is absent or null (recording nothing).
// Messages are Indonesian with an English translation, e.g. "wajib diisi" / "is required".
class JsonFields {
 public:
  // REQUIRES: `object` outlives this JsonFields.
  // A non-object records one error on the field "" ("harus berupa objek JSON"); every
  // accessor then returns nullopt without recording more.
  explicit JsonFields(const nlohmann::json& object);

  // A string of at most `max_length` characters (Unicode code points). Missing, null, empty
  // or only whitespace: "wajib diisi". The value is returned as sent (not trimmed).
  std::optional<std::string> required_string(std::string_view field, std::size_t max_length);
  // Absent or null: nullopt, no error. Otherwise as required_string, but "" is allowed.
  std::optional<std::string> optional_string(std::string_view field, std::size_t max_length);
  // A JSON integer (not 1.0, not "1") within [min, max].
  std::optional<std::int64_t> required_integer(std::string_view field, std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> optional_integer(std::string_view field, std::int64_t min, std::int64_t max);
  std::optional<bool> required_boolean(std::string_view field);
  std::optional<bool> optional_boolean(std::string_view field);

  // Records a problem found by the caller (e.g. a cross-field rule).
  void add_error(std::string field, std::string message_id, std::string message_en);

  const std::vector<FieldError>& errors() const { return errors_; }
  // Success when nothing was recorded; else ValidationFailed (422) carrying every field
  // error in the order recorded.
  Result<void> finish() const;

 private:
  // The field's value, or nullptr when it is absent or null (or the input is no object).
  const nlohmann::json* find(std::string_view field) const;
  std::optional<std::string> string_value(std::string_view field, const nlohmann::json& value,
                                          std::size_t max_length);
  std::optional<std::int64_t> integer_value(std::string_view field, const nlohmann::json& value,
                                            std::int64_t min, std::int64_t max);
  std::optional<bool> boolean_value(std::string_view field, const nlohmann::json& value);

  const nlohmann::json& object_;
  bool is_object_;
  std::vector<FieldError> errors_;
};

// Serializes compactly. Ill-formed UTF-8 inside strings is replaced by U+FFFD instead of
// throwing, so data from anywhere can be written safely.
std::string to_json_text(const nlohmann::json& value);

}  // namespace sinergi::http
