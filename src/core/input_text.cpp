#include "core/input_text.h"

#include <optional>

namespace sinergi {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";              // U+2026

bool is_ascii_whitespace(char character) {
  return character == ' ' || character == '\t' || character == '\n' || character == '\v' ||
         character == '\f' || character == '\r';
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text) {
  if (text.empty()) {
    return 0;
  }
  const auto byte_at = [&](std::size_t index) { return static_cast<unsigned char>(text[index]); };
  const unsigned char lead = byte_at(0);
  if (lead < 0x80) {
    return 1;
  }
  std::size_t length = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead == 0xE0) {
    length = 3;
    second_low = 0xA0;
  } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
    length = 3;
  } else if (lead == 0xED) {
    length = 3;
    second_high = 0x9F;
  } else if (lead == 0xF0) {
    length = 4;
    second_low = 0x90;
  } else if (lead >= 0xF1 && lead <= 0xF3) {
    length = 4;
  } else if (lead == 0xF4) {
    length = 4;
    second_high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() < length || byte_at(1) < second_low || byte_at(1) > second_high) {
    return 0;
  }
  for (std::size_t index = 2; index < length; ++index) {
    if (byte_at(index) < 0x80 || byte_at(index) > 0xBF) {
      return 0;
    }
  }
  return length;
}

std::string_view trim_ascii_whitespace(std::string_view text) {
  while (!text.empty() && is_ascii_whitespace(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_ascii_whitespace(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_ascii(std::string_view text) {
  for (char character : text) {
    if (static_cast<unsigned char>(character) >= 0x80) {
      return false;
    }
  }
  return true;
}

std::string lower_ascii(std::string_view text) {
  std::string result(text);
  for (char& character : result) {
    if (character >= 'A' && character <= 'Z') {
      character = static_cast<char>(character - 'A' + 'a');
    }
  }
  return result;
}

std::string excerpt_for_message(std::string_view text, std::size_t max_characters) {
  std::string excerpt;
  std::size_t character_count = 0;
  while (!text.empty()) {
    if (character_count == max_characters) {
      excerpt += kEllipsis;
      break;
    }
    const std::size_t length = utf8_sequence_length(text);
    const auto first_byte = static_cast<unsigned char>(text.front());
    if (length == 0) {
      excerpt += kReplacementCharacter;
      text.remove_prefix(1);
    } else {
      if (first_byte < 0x20 || first_byte == 0x7F) {
        excerpt += kReplacementCharacter;
      } else {
        excerpt += text.substr(0, length);
      }
      text.remove_prefix(length);
    }
    ++character_count;
  }
  return excerpt;
}

void add_field_error(std::vector<FieldError>& errors, std::string_view field, std::string message_id,
                     std::string message_en) {
  errors.push_back(FieldError{std::string(field), std::move(message_id), std::move(message_en)});
}

// Code points of `text`, or nullopt when it is not valid UTF-8 or holds a control character.
std::optional<std::size_t> printable_code_points(std::string_view text) {
  std::size_t count = 0;
  std::size_t position = 0;
  while (position < text.size()) {
    const auto lead = static_cast<unsigned char>(text[position]);
    std::size_t length = 0;
    char32_t code_point = 0;
    if (lead < 0x80) {
      length = 1;
      code_point = lead;
    } else if ((lead & 0xE0U) == 0xC0U) {
      length = 2;
      code_point = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
      length = 3;
      code_point = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
      length = 4;
      code_point = lead & 0x07U;
    } else {
      return std::nullopt;
    }
    if (position + length > text.size()) {
      return std::nullopt;
    }
    for (std::size_t offset = 1; offset < length; ++offset) {
      const auto continuation = static_cast<unsigned char>(text[position + offset]);
      if ((continuation & 0xC0U) != 0x80U) {
        return std::nullopt;
      }
      code_point = (code_point << 6U) | (continuation & 0x3FU);
    }
    const bool overlong = (length == 2 && code_point < 0x80) || (length == 3 && code_point < 0x800) ||
                          (length == 4 && code_point < 0x10000);
    const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
    const bool control = code_point < 0x20 || code_point == 0x7F || (code_point >= 0x80 && code_point < 0xA0);
    if (overlong || surrogate || control || code_point > 0x10FFFF) {
      return std::nullopt;
    }
    position += length;
    ++count;
  }
  return count;
}

void check_text_field(std::string_view text, std::size_t max_characters, std::vector<FieldError>& errors,
                      std::string_view field) {
  if (trim_ascii_whitespace(text).empty()) {
    add_field_error(errors, field, "wajib diisi", "is required");
    return;
  }
  const auto characters = printable_code_points(text);
  if (!characters) {
    add_field_error(errors, field, "memuat karakter kendali atau bukan UTF-8 yang sah",
                    "contains control characters or is not valid UTF-8");
    return;
  }
  if (*characters > max_characters) {
    add_field_error(errors, field, "paling banyak " + std::to_string(max_characters) + " karakter",
                    "at most " + std::to_string(max_characters) + " characters");
  }
}

}  // namespace sinergi
