#include "platform/http/query_parameters.h"

#include <algorithm>
#include <charconv>

#include "core/input_text.h"

namespace sinergi::http {

std::optional<std::int64_t> QueryParameters::optional_integer(std::string_view name, std::int64_t min,
                                                              std::int64_t max) {
  auto value = request_.query_parameter(name);
  if (!value || value->empty()) {
    return std::nullopt;
  }
  std::int64_t number = 0;
  const char* end = value->data() + value->size();
  auto [pointer, error] = std::from_chars(value->data(), end, number);
  if (error != std::errc() || pointer != end || number < min || number > max) {
    refuse(name, "harus bilangan bulat " + std::to_string(min) + " sampai " + std::to_string(max),
           "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    return std::nullopt;
  }
  return number;
}

std::int64_t QueryParameters::integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                                      std::int64_t max) {
  return optional_integer(name, min, max).value_or(fallback);
}

std::optional<bool> QueryParameters::boolean(std::string_view name) {
  auto value = request_.query_parameter(name);
  if (!value || value->empty()) {
    return std::nullopt;
  }
  if (*value == "true" || *value == "1") {
    return true;
  }
  if (*value == "false" || *value == "0") {
    return false;
  }
  refuse(name, "harus true atau false", "must be true or false");
  return std::nullopt;
}

std::optional<std::string> QueryParameters::text(std::string_view name, std::size_t max_characters) {
  auto value = request_.query_parameter(name);
  if (!value) {
    return std::nullopt;
  }
  std::string_view trimmed = trim_ascii_whitespace(*value);
  if (trimmed.empty()) {
    return std::nullopt;
  }
  if (trimmed.size() > max_characters * 4 || excerpt_for_message(trimmed, max_characters) != trimmed) {
    refuse(name, "paling banyak " + std::to_string(max_characters) + " karakter UTF-8 yang sah",
           "at most " + std::to_string(max_characters) + " characters of valid UTF-8");
    return std::nullopt;
  }
  return std::string(trimmed);
}

std::string QueryParameters::one_of(std::string_view name, std::span<const std::string_view> allowed,
                                    std::string_view fallback) {
  auto value = request_.query_parameter(name);
  if (!value || value->empty()) {
    return std::string(fallback);
  }
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) {
    return *value;
  }
  std::string list;
  for (std::string_view option : allowed) {
    list += (list.empty() ? "" : ", ") + std::string(option);
  }
  refuse(name, "harus salah satu dari: " + list, "must be one of: " + list);
  return std::string(fallback);
}

void QueryParameters::refuse(std::string_view name, std::string message_id, std::string message_en) {
  problems_.push_back(FieldError{std::string(name), std::move(message_id), std::move(message_en)});
}

Result<void> QueryParameters::finish() {
  if (problems_.empty()) {
    return success();
  }
  std::string names;
  for (const auto& problem : problems_) {
    names += (names.empty() ? "" : ", ") + problem.field;
  }
  return Error::with_fields(ErrorCode::InvalidInput, std::move(problems_), {names});
}

std::optional<std::int64_t> parse_positive_id(std::string_view text) {
  if (text.empty() || text.size() > 18 || !std::all_of(text.begin(), text.end(), is_ascii_digit)) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value > 0 ? std::optional<std::int64_t>(value) : std::nullopt;
}

Result<std::int64_t> path_id(const Request& request, std::string_view name) {
  auto id = parse_positive_id(request.path_parameter(name));
  if (!id) {
    return Error::with_fields(
        ErrorCode::InvalidInput,
        {FieldError{std::string(name), "harus bilangan bulat positif", "must be a positive integer"}},
        {std::string(name)});
  }
  return *id;
}

}  // namespace sinergi::http
