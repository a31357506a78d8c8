#include "platform/auth/password_policy.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace sinergi::auth {
namespace {

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  for (char& character : result) {
    if (character >= 'A' && character <= 'Z') {
      character = static_cast<char>(character - 'A' + 'a');
    }
  }
  return result;
}

bool is_continuation_byte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

// Counts UTF-8 lead bytes. Input that is not valid UTF-8 (JSON bodies always are) still
// gets a count: every byte that is not a continuation byte counts as one character.
std::size_t code_point_count(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char byte) { return !is_continuation_byte(byte); }));
}

// The first character of `text`: a lead byte with its continuation bytes.
std::string_view first_character(std::string_view text) {
  std::size_t length = 1;
  while (length < text.size() && is_continuation_byte(text[length])) {
    ++length;
  }
  return text.substr(0, length);
}

bool is_one_character_repeated(std::string_view lowered) {
  if (lowered.empty()) {
    return false;
  }
  const std::string_view first = first_character(lowered);
  for (std::size_t position = 0; position < lowered.size(); position += first.size()) {
    if (lowered.substr(position, first.size()) != first) {
      return false;
    }
  }
  // A trailing partial match (a truncated multi-byte sequence) fails substr equality above.
  return true;
}

const std::unordered_set<std::string_view>& common_passwords() {
  // The views point into the embedded file, which lives as long as the program.
  static const std::unordered_set<std::string_view> passwords = [] {
    std::unordered_set<std::string_view> result;
    for (const auto& [name, contents] : embedded_common_passwords()) {
      std::string_view rest = contents;
      while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        std::string_view line = rest.substr(0, end);
        rest.remove_prefix(std::min(end + 1, rest.size()));
        if (line.ends_with('\r')) {
          line.remove_suffix(1);
        }
        if (!line.empty()) {
          result.insert(line);
        }
      }
    }
    return result;
  }();
  return passwords;
}

Error rejection(std::string_view field_name, std::string message_id, std::string message_en) {
  return Error::with_fields(ErrorCode::ValidationFailed,
                            {{std::string(field_name), std::move(message_id), std::move(message_en)}});
}

}  // namespace

bool is_common_password(std::string_view password) {
  return common_passwords().contains(ascii_lower(password));
}

Result<void> check_new_password(std::string_view password, std::string_view username,
                                std::string_view field_name) {
  if (code_point_count(password) < kMinimumPasswordCharacters) {
    return rejection(field_name, "paling sedikit " + std::to_string(kMinimumPasswordCharacters) + " karakter",
                     "at least " + std::to_string(kMinimumPasswordCharacters) + " characters");
  }
  if (password.size() > kMaximumPasswordBytes) {
    return rejection(field_name, "paling banyak " + std::to_string(kMaximumPasswordBytes) + " bita",
                     "at most " + std::to_string(kMaximumPasswordBytes) + " bytes");
  }
  const std::string lowered_password = ascii_lower(password);
  if (is_one_character_repeated(lowered_password)) {
    return rejection(field_name, "tidak boleh hanya satu karakter yang diulang",
                     "must not be one character repeated");
  }
  const std::string lowered_username = ascii_lower(username);
  if (lowered_password == lowered_username) {
    return rejection(field_name, "tidak boleh sama dengan nama pengguna",
                     "must not be the same as the username");
  }
  // Very short usernames ("ani") occur inside unrelated words, so only longer ones count.
  if (code_point_count(lowered_username) >= 4 &&
      lowered_password.find(lowered_username) != std::string::npos) {
    return rejection(field_name, "tidak boleh memuat nama pengguna", "must not contain the username");
  }
  if (common_passwords().contains(lowered_password)) {
    return rejection(field_name, "terlalu umum; pilih kata sandi lain",
                     "too common; choose another password");
  }
  return success();
}

}  // namespace sinergi::auth
