#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

// Helpers shared by the parsers of user-typed values (numbers, money, periods, times).

namespace sinergi {

// How much of an offending input an error message quotes.
inline constexpr std::size_t kExcerptCharacters = 40;

// Removes leading and trailing ASCII whitespace (space, \t, \n, \v, \f, \r). Anything else,
// including a non-breaking space, is kept, so the caller's parser rejects it.
std::string_view trim_ascii_whitespace(std::string_view text);

// True when every byte of `text` is 7-bit ASCII (also true for an empty text).
bool is_ascii(std::string_view text);

// True for '0'..'9' only (unlike std::isdigit, independent of the C locale).
constexpr bool is_ascii_digit(char character) {
  return character >= '0' && character <= '9';
}

// `text` made safe to quote inside an error message: at most `max_characters` characters
// (code points), followed by "…" when it was cut. Bytes that are not valid UTF-8 and control
// characters become U+FFFD, so the result is always valid UTF-8 (JSON encoders reject anything
// else) and a megabyte of input still yields a short message.
std::string excerpt_for_message(std::string_view text, std::size_t max_characters = kExcerptCharacters);

// The text with ASCII letters in lower case; every other byte (UTF-8 included) unchanged, so
// "Dinas KESEHATAN" and "dinas kesehatan" compare equal without touching non-ASCII names.
std::string lower_ascii(std::string_view text);

// Length of the well-formed UTF-8 sequence that starts `text` (Unicode 15, table 3-7), or 0
// when the first byte does not start one (or `text` is empty). Overlong forms and surrogates
// count as malformed.
std::size_t utf8_sequence_length(std::string_view text);

// Code points of `text`, or nullopt when it is not valid UTF-8 or holds a control character.
std::optional<std::size_t> printable_code_points(std::string_view text);

// Appends one FieldError.
void add_field_error(std::vector<FieldError>& errors, std::string_view field, std::string message_id,
                     std::string message_en);

// Checks a human-readable text field (a name, a title): required (not only whitespace),
// valid UTF-8 without control characters, at most `max_characters` code points. Appends
// at most one FieldError on `field`.
void check_text_field(std::string_view text, std::size_t max_characters, std::vector<FieldError>& errors,
                      std::string_view field);

}  // namespace sinergi
