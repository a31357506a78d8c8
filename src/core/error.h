#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status_class.h"

namespace sinergi {

enum class ErrorCode {
#define X(name, status_class, message_id, message_en) name,
#include "core/error_codes.def"
#undef X
};

enum class Locale { indonesian, english };

// Picks the locale from an Accept-Language header value: English only when the caller
// prefers it over Indonesian; Indonesian otherwise (the product's default language).
Locale locale_from_accept_language(std::string_view accept_language);

// One problem with one input field, e.g. {"target", "harus berupa angka", "must be a number"}.
struct FieldError {
  std::string field;
  std::string message_id;
  std::string message_en;

  const std::string& message(Locale locale) const {
    return locale == Locale::english ? message_en : message_id;
  }
  bool operator==(const FieldError&) const = default;
};

// A domain error: a code from the vocabulary, the arguments of its message template,
// optional per-field problems, and an optional internal detail for logs only (never
// shown to a caller, because it may contain SQL or file paths).
class Error {
 public:
  explicit Error(ErrorCode code, std::vector<std::string> arguments = {})
      : code_(code), arguments_(std::move(arguments)) {}

  static Error with_fields(ErrorCode code, std::vector<FieldError> fields,
                           std::vector<std::string> arguments = {}) {
    Error error(code, std::move(arguments));
    error.fields_ = std::move(fields);
    return error;
  }

  ErrorCode code() const { return code_; }
  StatusClass status_class() const;
  // Machine-readable name, e.g. "invalid_input".
  std::string_view name() const;
  std::string message(Locale locale = Locale::indonesian) const;
  const std::vector<std::string>& arguments() const { return arguments_; }
  const std::vector<FieldError>& fields() const { return fields_; }
  const std::string& log_detail() const { return log_detail_; }

  Error&& with_log_detail(std::string detail) && {
    log_detail_ = std::move(detail);
    return std::move(*this);
  }
  Error&& add_field(FieldError field) && {
    fields_.push_back(std::move(field));
    return std::move(*this);
  }

 private:
  ErrorCode code_;
  std::vector<std::string> arguments_;
  std::vector<FieldError> fields_;
  std::string log_detail_;
};

std::string_view error_code_name(ErrorCode code);
StatusClass error_status_class(ErrorCode code);
// Fills `{}` placeholders in order; missing arguments leave the placeholder empty.
std::string format_message(std::string_view message_template, const std::vector<std::string>& arguments);

}  // namespace sinergi
