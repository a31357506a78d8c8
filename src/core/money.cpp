#include "core/money.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <ostream>

#include "core/input_text.h"

namespace sinergi {
namespace {

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t position = 0; position < prefix.size(); ++position) {
    if (std::tolower(static_cast<unsigned char>(text[position])) != prefix[position]) {
      return false;
    }
  }
  return true;
}

// Removes "Rp", "Rp." or "IDR" and the spaces after it. A dot right after "Rp" belongs to
// the prefix ("Rp.1.000"): a number never starts with a dot.
bool strip_currency_prefix(std::string_view& text) {
  std::size_t prefix_size = 0;
  if (starts_with_ignoring_case(text, "idr")) {
    prefix_size = 3;
  } else if (starts_with_ignoring_case(text, "rp")) {
    prefix_size = text.size() > 2 && text[2] == '.' ? 3 : 2;
  } else {
    return false;
  }
  text.remove_prefix(prefix_size);
  text = trim_ascii_whitespace(text);
  return true;
}

bool take_sign(std::string_view& text, bool& negative) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
    return true;
  }
  return false;
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), is_ascii_digit);
}

// "1.000" or "12,500": a lone separator between a 1-3 digit group and exactly three digits.
bool is_single_thousands_group(std::string_view body) {
  const std::size_t separator_position = body.find_first_of(".,");
  if (separator_position == std::string_view::npos ||
      body.find_first_of(".,", separator_position + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view leading_group = body.substr(0, separator_position);
  const std::string_view trailing_group = body.substr(separator_position + 1);
  return !leading_group.empty() && leading_group.size() <= 3 && trailing_group.size() == 3 &&
         all_digits(leading_group) && all_digits(trailing_group);
}

Error out_of_range(std::string_view description) {
  return Error(ErrorCode::NumberOutOfRange, {excerpt_for_message(description)});
}

}  // namespace

Result<Money> Money::parse(std::string_view text, NumberFormat format) {
  const std::string_view trimmed = trim_ascii_whitespace(text);
  const auto invalid = [&] { return Error(ErrorCode::InvalidNumber, {excerpt_for_message(trimmed)}); };

  std::string_view body = trimmed;
  bool negative = false;
  const bool signed_before_prefix = take_sign(body, negative);
  if (strip_currency_prefix(body) && !signed_before_prefix) {
    take_sign(body, negative);
  }
  if (body.ends_with(",-")) {
    body.remove_suffix(2);
    body = trim_ascii_whitespace(body);
  }
  if (body.empty() || body.front() == '-' || body.front() == '+') {
    return invalid();
  }

  std::string number(negative ? "-" : "");
  NumberFormat number_format = format;
  if (format == NumberFormat::automatic && is_single_thousands_group(body)) {
    for (char character : body) {
      if (is_ascii_digit(character)) {
        number.push_back(character);
      }
    }
    number_format = NumberFormat::plain;
  } else {
    number.append(body);
  }

  Result<Decimal> parsed = Decimal::parse(number, number_format);
  if (!parsed.ok()) {
    // Report the caller's text, not the rebuilt one.
    return Error(parsed.error().code(), {excerpt_for_message(trimmed)});
  }
  const Decimal value = parsed->normalized();
  if (value.scale() != 0) {
    return invalid().with_log_detail("a rupiah amount has no fractional part");
  }
  if (value.coefficient() > std::numeric_limits<std::int64_t>::max() ||
      value.coefficient() < std::numeric_limits<std::int64_t>::min()) {
    return out_of_range(trimmed);
  }
  return Money(static_cast<std::int64_t>(value.coefficient()));
}

Result<Money> Money::checked_add(Money other) const {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(rupiah_, other.rupiah_, &sum)) {
    return out_of_range(to_string() + " + " + other.to_string());
  }
  return Money(sum);
}

Result<Money> Money::checked_subtract(Money other) const {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(rupiah_, other.rupiah_, &difference)) {
    return out_of_range(to_string() + " - " + other.to_string());
  }
  return Money(difference);
}

std::string Money::to_string() const {
  return std::to_string(rupiah_);
}

std::string Money::format(Locale locale) const {
  // Decimal holds every int64, including the minimum, whose negation int64 cannot hold.
  const std::string magnitude = to_decimal().abs().format(locale);
  const std::string_view sign = rupiah_ < 0 ? "-" : "";
  return std::string(sign) + (locale == Locale::indonesian ? "Rp" : "IDR ") + magnitude;
}

std::ostream& operator<<(std::ostream& stream, const Money& money) {
  return stream << money.to_string();
}

}  // namespace sinergi
