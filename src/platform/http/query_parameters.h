#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "platform/http/request.h"

namespace sinergi::http {

// Reads a request's query parameters, collecting every problem, so a bad list request is
// answered once with all its faulty fields (400 invalid_input, each field named):
//
//   QueryParameters parameters(request);
//   auto page = parameters.integer("page", 1, 1, 1'000'000);
//   auto active = parameters.boolean("active");
//   TRY(parameters.finish());
//
// An absent or empty parameter is "not given".
class QueryParameters {
 public:
  explicit QueryParameters(const Request& request) : request_(request) {}

  // An integer within [min, max]; `fallback` when not given or wrong (wrong is recorded).
  std::int64_t integer(std::string_view name, std::int64_t fallback, std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> optional_integer(std::string_view name, std::int64_t min, std::int64_t max);
  // "true"/"1" or "false"/"0".
  std::optional<bool> boolean(std::string_view name);
  // Trimmed text of at most `max_characters` code points of valid UTF-8.
  std::optional<std::string> text(std::string_view name, std::size_t max_characters = 100);
  // One of `allowed` (exact), e.g. a sort key; `fallback` when not given.
  std::string one_of(std::string_view name, std::span<const std::string_view> allowed,
                     std::string_view fallback);
  // A value parsed by `parse`; a value it refuses is recorded with `allowed` in the message.
  template <typename Value>
  std::optional<Value> parsed(std::string_view name,
                              const std::function<std::optional<Value>(std::string_view)>& parse,
                              std::string_view allowed) {
    auto value = text(name);
    if (!value) {
      return std::nullopt;
    }
    auto result = parse(*value);
    if (!result) {
      refuse(name, "harus salah satu dari: " + std::string(allowed),
             "must be one of: " + std::string(allowed));
    }
    return result;
  }

  // Records a problem found by the caller.
  void refuse(std::string_view name, std::string message_id, std::string message_en);

  // InvalidInput naming every refused parameter, or success.
  Result<void> finish();

 private:
  const Request& request_;
  std::vector<FieldError> problems_;
};

// A positive decimal id ("12"); nullopt for anything else.
std::optional<std::int64_t> parse_positive_id(std::string_view text);
// The path parameter `name` as a positive id, else InvalidInput naming it.
Result<std::int64_t> path_id(const Request& request, std::string_view name);

}  // namespace sinergi::http
