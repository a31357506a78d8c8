#include "platform/http/request.h"

#include <algorithm>
#include <array>

namespace sinergi::http {
namespace {

struct MethodEntry {
  Method method;
  std::string_view name;
};

constexpr std::array kMethods = {
    MethodEntry{Method::get, "GET"},         MethodEntry{Method::head, "HEAD"},
    MethodEntry{Method::post, "POST"},       MethodEntry{Method::put, "PUT"},
    MethodEntry{Method::patch, "PATCH"},     MethodEntry{Method::delete_, "DELETE"},
    MethodEntry{Method::options, "OPTIONS"},
};

char lower_ascii(char character) {
  return (character >= 'A' && character <= 'Z') ? static_cast<char>(character - 'A' + 'a') : character;
}

int hex_value(char character) {
  if (character >= '0' && character <= '9') {
    return character - '0';
  }
  if (character >= 'a' && character <= 'f') {
    return character - 'a' + 10;
  }
  if (character >= 'A' && character <= 'F') {
    return character - 'A' + 10;
  }
  return -1;
}

// Like percent_decode, but a malformed escape stays as it was: query strings come from
// hand-typed links, and a stray '%' there should not make the whole parameter vanish.
std::string percent_decode_lenient(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t position = 0; position < text.size(); ++position) {
    char character = text[position];
    if (character == '+') {
      decoded.push_back(' ');
    } else if (character == '%' && position + 2 < text.size() && hex_value(text[position + 1]) >= 0 &&
               hex_value(text[position + 2]) >= 0) {
      decoded.push_back(
          static_cast<char>(hex_value(text[position + 1]) * 16 + hex_value(text[position + 2])));
      position += 2;
    } else {
      decoded.push_back(character);
    }
  }
  return decoded;
}

}  // namespace

std::string_view method_name(Method method) {
  for (const auto& entry : kMethods) {
    if (entry.method == method) {
      return entry.name;
    }
  }
  return "OTHER";
}

Method method_from_name(std::string_view name) {
  for (const auto& entry : kMethods) {
    if (entry.name == name) {
      return entry.method;
    }
  }
  return Method::other;
}

bool equals_ignoring_case(std::string_view left, std::string_view right) {
  return left.size() == right.size() &&
         std::equal(left.begin(), left.end(), right.begin(),
                    [](char a, char b) { return lower_ascii(a) == lower_ascii(b); });
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [field_name, value] : fields_) {
    if (equals_ignoring_case(field_name, name)) {
      return std::string_view(value);
    }
  }
  return std::nullopt;
}

void Headers::set(std::string name, std::string value) {
  auto first = std::find_if(fields_.begin(), fields_.end(),
                            [&](const Field& field) { return equals_ignoring_case(field.first, name); });
  if (first == fields_.end()) {
    fields_.emplace_back(std::move(name), std::move(value));
    return;
  }
  first->second = std::move(value);
  auto rest_begin = std::next(first);
  fields_.erase(
      std::remove_if(rest_begin, fields_.end(),
                     [&](const Field& field) { return equals_ignoring_case(field.first, first->first); }),
      fields_.end());
}

void Headers::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name) {
  fields_.erase(std::remove_if(fields_.begin(), fields_.end(),
                               [&](const Field& field) { return equals_ignoring_case(field.first, name); }),
                fields_.end());
}

bool Headers::contains(std::string_view name) const {
  return get(name).has_value();
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t position = 0; position < text.size(); ++position) {
    char character = text[position];
    if (character == '%') {
      if (position + 2 >= text.size()) {
        return std::nullopt;
      }
      int high = hex_value(text[position + 1]);
      int low = hex_value(text[position + 2]);
      if (high < 0 || low < 0) {
        return std::nullopt;
      }
      decoded.push_back(static_cast<char>(high * 16 + low));
      position += 2;
    } else if (character == '+' && plus_as_space) {
      decoded.push_back(' ');
    } else {
      decoded.push_back(character);
    }
  }
  return decoded;
}

std::optional<std::string> Request::query_parameter(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    std::size_t separator = rest.find('&');
    std::string_view pair = rest.substr(0, separator);
    rest = separator == std::string_view::npos ? std::string_view() : rest.substr(separator + 1);
    std::size_t equals = pair.find('=');
    std::string_view raw_name = pair.substr(0, equals);
    if (percent_decode_lenient(raw_name) != name) {
      continue;
    }
    if (equals == std::string_view::npos) {
      return std::string();
    }
    return percent_decode_lenient(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::string_view Request::path_parameter(std::string_view name) const {
  auto found = path_parameters.find(std::string(name));
  return found == path_parameters.end() ? std::string_view() : std::string_view(found->second);
}

void Request::set_target(std::string new_target) {
  target = std::move(new_target);
  std::size_t question_mark = target.find('?');
  if (question_mark == std::string::npos) {
    path = target;
    query.clear();
  } else {
    path = target.substr(0, question_mark);
    query = target.substr(question_mark + 1);
  }
}

}  // namespace sinergi::http
