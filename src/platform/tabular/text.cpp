#include <string>

#include "core/input_text.h"
#include "platform/tabular/internal.h"

namespace sinergi::tabular::detail {
namespace {

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

char lower_ascii(char character) {
  return character >= 'A' && character <= 'Z' ? static_cast<char>(character - 'A' + 'a') : character;
}

}  // namespace

Error file_error(ErrorCode code, std::string message_id, std::string message_en) {
  return Error::with_fields(code, {FieldError{"file", std::move(message_id), std::move(message_en)}});
}

Error input_too_large(const ReadLimits& limits) {
  return file_error(
      ErrorCode::FileLimitExceeded,
      "ukuran berkas melebihi batas " + describe_bytes(limits.max_input_bytes, Locale::indonesian),
      "the file is larger than the limit of " + describe_bytes(limits.max_input_bytes, Locale::english));
}

std::string describe_bytes(std::size_t bytes, Locale locale) {
  constexpr std::size_t kKilobyte = 1024;
  constexpr std::size_t kMegabyte = 1024 * kKilobyte;
  if (bytes >= kMegabyte && bytes % kMegabyte == 0) {
    return std::to_string(bytes / kMegabyte) + " MB";
  }
  if (bytes >= kKilobyte && bytes % kKilobyte == 0) {
    return std::to_string(bytes / kKilobyte) + " KB";
  }
  return std::to_string(bytes) + (locale == Locale::english ? " bytes" : " bita");
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t offset = 0;
  while (offset < text.size()) {
    // Runs of ASCII are the common case.
    if (static_cast<unsigned char>(text[offset]) < 0x80) {
      ++offset;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text.substr(offset));
    if (length == 0) {
      return offset;
    }
    offset += length;
  }
  return std::string_view::npos;
}

std::string to_valid_utf8(std::string_view text) {
  if (find_invalid_utf8(text) == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::size_t length = utf8_sequence_length(text.substr(offset));
    if (length == 0) {
      out += kReplacementCharacter;
      ++offset;
    } else {
      out.append(text.substr(offset, length));
      offset += length;
    }
  }
  return out;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (char character : text) {
    if ((static_cast<unsigned char>(character) & 0xC0) != 0x80) {
      ++count;
    }
  }
  return count;
}

void append_utf8(std::string& out, char32_t code_point) {
  if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
    out += kReplacementCharacter;
  } else if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

bool is_blank(std::string_view text) {
  for (char character : text) {
    if (character != ' ' && character != '\t' && character != '\n' && character != '\r' &&
        character != '\v' && character != '\f') {
      return false;
    }
  }
  return true;
}

bool equals_ignoring_ascii_case(std::string_view left, std::string_view right) {
  if (left.size() != right.size()) {
    return false;
  }
  for (std::size_t index = 0; index < left.size(); ++index) {
    if (lower_ascii(left[index]) != lower_ascii(right[index])) {
      return false;
    }
  }
  return true;
}

bool ends_with_ignoring_ascii_case(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         equals_ignoring_ascii_case(text.substr(text.size() - suffix.size()), suffix);
}

}  // namespace sinergi::tabular::detail
