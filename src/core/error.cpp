#include "core/error.h"

#include <array>
#include <cctype>

namespace sinergi {
namespace {

struct ErrorDefinition {
  std::string_view name;
  StatusClass status_class;
  std::string_view message_id;
  std::string_view message_en;
};

// Converts "InvalidInput" into "invalid_input" once, at compile time would be nicer but
// the table is small and this runs only when an error is reported.
std::string snake_case(std::string_view camel_case) {
  std::string result;
  for (char character : camel_case) {
    if (std::isupper(static_cast<unsigned char>(character)) != 0) {
      if (!result.empty()) {
        result.push_back('_');
      }
      result.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(character))));
    } else {
      result.push_back(character);
    }
  }
  return result;
}

constexpr std::array kDefinitions = {
#define X(name, status_class, message_id, message_en) \
  ErrorDefinition{#name, StatusClass::status_class, message_id, message_en},
#include "core/error_codes.def"
#undef X
};

const std::array<std::string, kDefinitions.size()>& snake_names() {
  static const auto names = [] {
    std::array<std::string, kDefinitions.size()> result;
    for (std::size_t index = 0; index < kDefinitions.size(); ++index) {
      result[index] = snake_case(kDefinitions[index].name);
    }
    return result;
  }();
  return names;
}

const ErrorDefinition& definition(ErrorCode code) {
  return kDefinitions.at(static_cast<std::size_t>(code));
}

}  // namespace

std::string format_message(std::string_view message_template, const std::vector<std::string>& arguments) {
  std::string result;
  result.reserve(message_template.size() + 32);
  std::size_t next_argument = 0;
  for (std::size_t position = 0; position < message_template.size(); ++position) {
    if (message_template[position] == '{' && position + 1 < message_template.size() &&
        message_template[position + 1] == '}') {
      if (next_argument < arguments.size()) {
        result += arguments[next_argument];
      }
      ++next_argument;
      ++position;
    } else {
      result.push_back(message_template[position]);
    }
  }
  return result;
}

std::string_view error_code_name(ErrorCode code) {
  return snake_names().at(static_cast<std::size_t>(code));
}

StatusClass error_status_class(ErrorCode code) {
  return definition(code).status_class;
}

StatusClass Error::status_class() const {
  return error_status_class(code_);
}

std::string_view Error::name() const {
  return error_code_name(code_);
}

std::string Error::message(Locale locale) const {
  const auto& entry = definition(code_);
  return format_message(locale == Locale::english ? entry.message_en : entry.message_id, arguments_);
}

Locale locale_from_accept_language(std::string_view accept_language) {
  // Only the first listed language counts: browsers list the preferred one first.
  std::size_t end = accept_language.find_first_of(",;");
  std::string_view first = accept_language.substr(0, end);
  while (!first.empty() && first.front() == ' ') {
    first.remove_prefix(1);
  }
  if (first.size() >= 2 && std::tolower(static_cast<unsigned char>(first[0])) == 'e' &&
      std::tolower(static_cast<unsigned char>(first[1])) == 'n' && (first.size() == 2 || first[2] == '-')) {
    return Locale::english;
  }
  return Locale::indonesian;
}

}  // namespace sinergi
