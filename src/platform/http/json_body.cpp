#include "platform/http/json_body.h"

#include <limits>
#include <nlohmann/json.hpp>

namespace sinergi::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_json_content_type(std::string_view content_type) {
  std::size_t semicolon = content_type.find(';');
  if (!equals_ignoring_case(trim(content_type.substr(0, semicolon)), "application/json")) {
    return false;
  }
  std::string_view parameters =
      semicolon == std::string_view::npos ? std::string_view() : content_type.substr(semicolon + 1);
  while (!parameters.empty()) {
    std::size_t next = parameters.find(';');
    std::string_view parameter = trim(parameters.substr(0, next));
    parameters = next == std::string_view::npos ? std::string_view() : parameters.substr(next + 1);
    std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos ||
        !equals_ignoring_case(trim(parameter.substr(0, equals)), "charset")) {
      continue;
    }
    std::string_view charset = trim(parameter.substr(equals + 1));
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
      charset = charset.substr(1, charset.size() - 2);
    }
    if (!equals_ignoring_case(charset, "utf-8")) {
      return false;
    }
  }
  return true;
}

Error malformed(std::size_t byte, std::string message_id, std::string message_en) {
  return Error(ErrorCode::MalformedJson, {"byte " + std::to_string(byte)})
      .add_field({"", std::move(message_id), std::move(message_en)});
}

// The 1-based offset of the first '[' or '{' that opens a container deeper than
// kMaxJsonDepth, or 0. Brackets inside strings do not count. Scanning first keeps the
// parser itself (and everything that later walks the value) within a bounded depth.
std::size_t find_excessive_nesting(std::string_view text) {
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t index = 0; index < text.size(); ++index) {
    char character = text[index];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (character == '\\') {
        escaped = true;
      } else if (character == '"') {
        in_string = false;
      }
      continue;
    }
    if (character == '"') {
      in_string = true;
    } else if (character == '[' || character == '{') {
      if (++depth > kMaxJsonDepth) {
        return index + 1;
      }
    } else if ((character == ']' || character == '}') && depth > 0) {
      --depth;
    }
  }
  return 0;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t length = 0;
  for (char character : text) {
    // Continuation bytes are 10xxxxxx; every other byte starts a code point.
    if ((static_cast<unsigned char>(character) & 0xC0U) != 0x80U) {
      ++length;
    }
  }
  return length;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Builds the value with the library's own DOM builder, but records where and why parsing
// failed instead of throwing: the SAX interface is the only one that reports the byte
// offset of every failure, including numbers too large for a double.
class BodyParser {
 public:
  enum class Failure { syntax, utf8, number_range };

  explicit BodyParser(nlohmann::json& result) : builder_(result, /*allow_exceptions=*/false) {}

  bool null() { return builder_.null(); }
  bool boolean(bool value) { return builder_.boolean(value); }
  bool number_integer(nlohmann::json::number_integer_t value) { return builder_.number_integer(value); }
  bool number_unsigned(nlohmann::json::number_unsigned_t value) { return builder_.number_unsigned(value); }
  bool number_float(nlohmann::json::number_float_t value, const std::string& text) {
    return builder_.number_float(value, text);
  }
  bool string(std::string& value) { return builder_.string(value); }
  bool binary(nlohmann::json::binary_t& value) { return builder_.binary(value); }
  bool start_object(std::size_t size) { return builder_.start_object(size); }
  bool key(std::string& value) { return builder_.key(value); }
  bool end_object() { return builder_.end_object(); }
  bool start_array(std::size_t size) { return builder_.start_array(size); }
  bool end_array() { return builder_.end_array(); }

  bool parse_error(std::size_t position, const std::string& /*last_token*/,
                   const nlohmann::json::exception& error) {
    failure_byte_ = position;
    if (error.id == 406) {
      failure_ = Failure::number_range;
    } else if (std::string_view(error.what()).find("ill-formed UTF-8") != std::string_view::npos) {
      failure_ = Failure::utf8;
    } else {
      failure_ = Failure::syntax;
    }
    return false;
  }

  std::optional<Failure> failure() const { return failure_; }
  std::size_t failure_byte() const { return failure_byte_; }

 private:
  nlohmann::detail::json_sax_dom_parser<nlohmann::json> builder_;
  std::optional<Failure> failure_;
  std::size_t failure_byte_ = 0;
};

}  // namespace

Result<nlohmann::json> parse_json_body(const Request& request) {
  auto content_type = request.headers.get("Content-Type");
  if (!content_type || !is_json_content_type(*content_type)) {
    return Error(ErrorCode::UnsupportedMediaType, {"application/json"});
  }
  if (is_blank(request.body)) {
    return malformed(0, "isi permintaan kosong", "the request body is empty");
  }
  if (std::size_t offset = find_excessive_nesting(request.body); offset != 0) {
    std::string depth = std::to_string(kMaxJsonDepth);
    return malformed(offset, "bersarang lebih dari " + depth + " tingkat pada byte " + std::to_string(offset),
                     "nested deeper than " + depth + " levels at byte " + std::to_string(offset));
  }
  nlohmann::json value;
  BodyParser parser(value);
  if (!nlohmann::json::sax_parse(request.body, &parser) || parser.failure()) {
    // The library's message quotes the input near the error, so only the kind and the
    // offset are passed on.
    std::string offset = std::to_string(parser.failure_byte());
    switch (parser.failure().value_or(BodyParser::Failure::syntax)) {
      case BodyParser::Failure::utf8:
        return malformed(parser.failure_byte(), "UTF-8 tidak sah pada byte " + offset,
                         "ill-formed UTF-8 at byte " + offset);
      case BodyParser::Failure::number_range:
        return malformed(parser.failure_byte(), "angka di luar jangkauan pada byte " + offset,
                         "number out of range at byte " + offset);
      case BodyParser::Failure::syntax:
        break;
    }
    return malformed(parser.failure_byte(), "kesalahan sintaks pada byte " + offset,
                     "syntax error at byte " + offset);
  }
  return value;
}

JsonFields::JsonFields(const nlohmann::json& object) : object_(object), is_object_(object.is_object()) {
  if (!is_object_) {
    add_error("", "harus berupa objek JSON", "must be a JSON object");
  }
}

const nlohmann::json* JsonFields::find(std::string_view field) const {
  if (!is_object_) {
    return nullptr;
  }
  auto found = object_.find(std::string(field));
  if (found == object_.end() || found->is_null()) {
    return nullptr;
  }
  return &*found;
}

std::optional<std::string> JsonFields::string_value(std::string_view field, const nlohmann::json& value,
                                                    std::size_t max_length) {
  if (!value.is_string()) {
    add_error(std::string(field), "harus berupa teks", "must be a string");
    return std::nullopt;
  }
  const auto& text = value.get_ref<const std::string&>();
  if (utf8_length(text) > max_length) {
    std::string limit = std::to_string(max_length);
    add_error(std::string(field), "paling banyak " + limit + " karakter", "at most " + limit + " characters");
    return std::nullopt;
  }
  return text;
}

std::optional<std::int64_t> JsonFields::integer_value(std::string_view field, const nlohmann::json& value,
                                                      std::int64_t min, std::int64_t max) {
  if (!value.is_number_integer()) {
    add_error(std::string(field), "harus berupa bilangan bulat", "must be an integer");
    return std::nullopt;
  }
  bool in_range = false;
  std::int64_t number = 0;
  if (value.is_number_unsigned()) {
    auto unsigned_number = value.get<std::uint64_t>();
    if (unsigned_number <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      number = static_cast<std::int64_t>(unsigned_number);
      in_range = number >= min && number <= max;
    }
  } else {
    number = value.get<std::int64_t>();
    in_range = number >= min && number <= max;
  }
  if (!in_range) {
    std::string low = std::to_string(min);
    std::string high = std::to_string(max);
    add_error(std::string(field), "harus antara " + low + " dan " + high,
              "must be between " + low + " and " + high);
    return std::nullopt;
  }
  return number;
}

std::optional<bool> JsonFields::boolean_value(std::string_view field, const nlohmann::json& value) {
  if (!value.is_boolean()) {
    add_error(std::string(field), "harus berupa true atau false", "must be true or false");
    return std::nullopt;
  }
  return value.get<bool>();
}

std::optional<std::string> JsonFields::required_string(std::string_view field, std::size_t max_length) {
  if (!is_object_) {
    return std::nullopt;
  }
  const nlohmann::json* value = find(field);
  if (value == nullptr || (value->is_string() && is_blank(value->get_ref<const std::string&>()))) {
    add_error(std::string(field), "wajib diisi", "is required");
    return std::nullopt;
  }
  return string_value(field, *value, max_length);
}

std::optional<std::string> JsonFields::optional_string(std::string_view field, std::size_t max_length) {
  const nlohmann::json* value = find(field);
  return value == nullptr ? std::nullopt : string_value(field, *value, max_length);
}

std::optional<std::int64_t> JsonFields::required_integer(std::string_view field, std::int64_t min,
                                                         std::int64_t max) {
  if (!is_object_) {
    return std::nullopt;
  }
  const nlohmann::json* value = find(field);
  if (value == nullptr) {
    add_error(std::string(field), "wajib diisi", "is required");
    return std::nullopt;
  }
  return integer_value(field, *value, min, max);
}

std::optional<std::int64_t> JsonFields::optional_integer(std::string_view field, std::int64_t min,
                                                         std::int64_t max) {
  const nlohmann::json* value = find(field);
  return value == nullptr ? std::nullopt : integer_value(field, *value, min, max);
}

std::optional<bool> JsonFields::required_boolean(std::string_view field) {
  if (!is_object_) {
    return std::nullopt;
  }
  const nlohmann::json* value = find(field);
  if (value == nullptr) {
    add_error(std::string(field), "wajib diisi", "is required");
    return std::nullopt;
  }
  return boolean_value(field, *value);
}

std::optional<bool> JsonFields::optional_boolean(std::string_view field) {
  const nlohmann::json* value = find(field);
  return value == nullptr ? std::nullopt : boolean_value(field, *value);
}

void JsonFields::add_error(std::string field, std::string message_id, std::string message_en) {
  errors_.push_back({std::move(field), std::move(message_id), std::move(message_en)});
}

Result<void> JsonFields::finish() const {
  if (errors_.empty()) {
    return success();
  }
  return Error::with_fields(ErrorCode::ValidationFailed, errors_);
}

std::string to_json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace sinergi::http
