#include "core/decimal.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "core/input_text.h"

namespace sinergi {
namespace {

using Coefficient = Decimal::Coefficient;
using Magnitude = unsigned __int128;

constexpr int kMaxPowerOfTen = 38;  // 10^38 < 2^128 < 10^39

constexpr std::array<Magnitude, kMaxPowerOfTen + 1> kPowersOfTen = [] {
  std::array<Magnitude, kMaxPowerOfTen + 1> powers{};
  powers[0] = 1;
  for (std::size_t exponent = 1; exponent < powers.size(); ++exponent) {
    powers[exponent] = powers[exponent - 1] * 10;
  }
  return powers;
}();

constexpr Magnitude power_of_ten(int exponent) {
  return kPowersOfTen.at(static_cast<std::size_t>(exponent));
}

constexpr Magnitude kMaxCoefficient = kPowersOfTen[Decimal::kMaxDigits] - 1;

// Operands are aligned to a common scale only while they stay below this bound, so a sum of
// two aligned operands cannot overflow __int128.
constexpr Magnitude kAlignmentLimit = kPowersOfTen[37];

Magnitude magnitude_of(Coefficient value) {
  // Conversion to unsigned is modular, so this is exact even for the most negative value.
  return value < 0 ? Magnitude{0} - static_cast<Magnitude>(value) : static_cast<Magnitude>(value);
}

// REQUIRES: magnitude <= kMaxCoefficient (so it fits a signed __int128).
Coefficient signed_coefficient(Magnitude magnitude, bool negative) {
  const auto value = static_cast<Coefficient>(magnitude);
  return negative ? -value : value;
}

// A 256-bit unsigned number: products of two coefficients (< 10^60) and coefficients aligned
// to a common scale (< 10^48) need more than 128 bits.
struct WideMagnitude {
  Magnitude high = 0;
  Magnitude low = 0;
};

std::strong_ordering compare(const WideMagnitude& left, const WideMagnitude& right) {
  return left.high != right.high ? left.high <=> right.high : left.low <=> right.low;
}

constexpr Magnitude kLowHalfMask = ~std::uint64_t{0};

WideMagnitude multiply_wide(Magnitude left, Magnitude right) {
  const Magnitude left_low = left & kLowHalfMask;
  const Magnitude left_high = left >> 64;
  const Magnitude right_low = right & kLowHalfMask;
  const Magnitude right_high = right >> 64;
  const Magnitude low_by_low = left_low * right_low;
  const Magnitude low_by_high = left_low * right_high;
  const Magnitude high_by_low = left_high * right_low;
  const Magnitude high_by_high = left_high * right_high;
  // Each term is below 2^64, so the sum of three cannot overflow 128 bits.
  const Magnitude middle = (low_by_low >> 64) + (low_by_high & kLowHalfMask) + (high_by_low & kLowHalfMask);
  return WideMagnitude{
      .high = high_by_high + (low_by_high >> 64) + (high_by_low >> 64) + (middle >> 64),
      .low = (low_by_low & kLowHalfMask) | (middle << 64),
  };
}

// Long division by 10 over four 64-bit limbs; returns the quotient and the remainder.
std::pair<WideMagnitude, unsigned> divide_by_ten(const WideMagnitude& value) {
  std::array<std::uint64_t, 4> limbs = {
      static_cast<std::uint64_t>(value.high >> 64), static_cast<std::uint64_t>(value.high & kLowHalfMask),
      static_cast<std::uint64_t>(value.low >> 64), static_cast<std::uint64_t>(value.low & kLowHalfMask)};
  Magnitude remainder = 0;
  for (std::uint64_t& limb : limbs) {
    const Magnitude current = (remainder << 64) | limb;
    limb = static_cast<std::uint64_t>(current / 10);
    remainder = current % 10;
  }
  WideMagnitude quotient{
      .high = (static_cast<Magnitude>(limbs[0]) << 64) | limbs[1],
      .low = (static_cast<Magnitude>(limbs[2]) << 64) | limbs[3],
  };
  return {quotient, static_cast<unsigned>(remainder)};
}

struct Parts {
  Coefficient coefficient;
  int scale;
};

// Builds an exact result. Trailing fractional zeros are dropped only while the value does not
// fit, so a result keeps the scale its operands imply whenever it can (2.50 x 2 = 5.00).
// Empty when the exact value needs more digits or decimals than a Decimal holds.
std::optional<Parts> fit_exactly(bool negative, WideMagnitude magnitude, int scale) {
  const auto fits = [&] {
    return scale <= Decimal::kMaxScale && magnitude.high == 0 && magnitude.low <= kMaxCoefficient;
  };
  while (!fits() && scale > 0) {
    const auto [quotient, remainder] = divide_by_ten(magnitude);
    if (remainder != 0) {
      break;
    }
    magnitude = quotient;
    --scale;
  }
  if (!fits()) {
    return std::nullopt;
  }
  return Parts{signed_coefficient(magnitude.low, negative), scale};
}

// Aligns both operands to the larger scale and adds them; empty when an aligned operand
// would leave the safe range or the sum does not fit.
std::optional<Parts> add_aligned(Coefficient left, int left_scale, Coefficient right, int right_scale) {
  const int common_scale = std::max(left_scale, right_scale);
  const auto align = [&](Coefficient value, int scale) -> std::optional<Coefficient> {
    const Magnitude factor = power_of_ten(common_scale - scale);
    const Magnitude magnitude = magnitude_of(value);
    if (magnitude > kAlignmentLimit / factor) {
      return std::nullopt;
    }
    return signed_coefficient(magnitude * factor, value < 0);
  };
  const std::optional<Coefficient> aligned_left = align(left, left_scale);
  const std::optional<Coefficient> aligned_right = align(right, right_scale);
  if (!aligned_left || !aligned_right) {
    return std::nullopt;
  }
  const Coefficient sum = *aligned_left + *aligned_right;
  return fit_exactly(sum < 0, WideMagnitude{.high = 0, .low = magnitude_of(sum)}, common_scale);
}

// Rounds magnitude / 10^dropped_digits to an integer.
Magnitude drop_digits(Magnitude magnitude, int dropped_digits, Rounding rounding) {
  const Magnitude divisor = power_of_ten(dropped_digits);
  Magnitude quotient = magnitude / divisor;
  const Magnitude remainder = magnitude % divisor;
  if (rounding == Rounding::half_up && remainder * 2 >= divisor) {
    ++quotient;
  }
  return quotient;
}

std::string digits_of(Magnitude magnitude) {
  if (magnitude == 0) {
    return "0";
  }
  std::string digits;
  while (magnitude != 0) {
    digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  }
  std::reverse(digits.begin(), digits.end());
  return digits;
}

struct Separators {
  char decimal = '\0';    // '\0': the text has no fractional part
  char thousands = '\0';  // '\0': no grouping
};

// Renders sign, grouped integer digits and at least `fraction_digits` decimals (zero-padded
// beyond the scale held).
std::string render(Coefficient coefficient, int scale, int fraction_digits, Separators separators) {
  std::string digits = digits_of(magnitude_of(coefficient));
  const auto scale_size = static_cast<std::size_t>(scale);
  if (digits.size() <= scale_size) {
    digits.insert(0, scale_size + 1 - digits.size(), '0');
  }
  const std::string_view integer_digits = std::string_view(digits).substr(0, digits.size() - scale_size);
  std::string text;
  if (coefficient < 0) {
    text.push_back('-');
  }
  for (std::size_t position = 0; position < integer_digits.size(); ++position) {
    const std::size_t digits_left = integer_digits.size() - position;
    if (separators.thousands != '\0' && position != 0 && digits_left % 3 == 0) {
      text.push_back(separators.thousands);
    }
    text.push_back(integer_digits[position]);
  }
  if (fraction_digits > 0) {
    text.push_back(separators.decimal);
    text.append(digits, digits.size() - scale_size, std::string::npos);
    text.append(static_cast<std::size_t>(std::max(0, fraction_digits - scale)), '0');
  }
  return text;
}

Separators display_separators(Locale locale) {
  return locale == Locale::indonesian ? Separators{.decimal = ',', .thousands = '.'}
                                      : Separators{.decimal = '.', .thousands = ','};
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), is_ascii_digit);
}

// Appends the digits of an integer part such as "1.004.422.800" to `digits`. When the part
// uses the thousands separator, the first group has 1-3 digits and each later one exactly 3.
bool append_integer_digits(std::string_view integer_part, char thousands_separator, std::string& digits) {
  if (integer_part.empty()) {
    return false;
  }
  if (thousands_separator == '\0' || integer_part.find(thousands_separator) == std::string_view::npos) {
    if (!all_digits(integer_part)) {
      return false;
    }
    digits.append(integer_part);
    return true;
  }
  bool first_group = true;
  while (true) {
    const std::size_t separator_position = integer_part.find(thousands_separator);
    const std::string_view group = integer_part.substr(0, separator_position);
    const bool size_ok = first_group ? (!group.empty() && group.size() <= 3) : group.size() == 3;
    if (!size_ok || !all_digits(group)) {
      return false;
    }
    digits.append(group);
    if (separator_position == std::string_view::npos) {
      return true;
    }
    integer_part.remove_prefix(separator_position + 1);
    first_group = false;
  }
}

// Chooses the separators for `body` (sign already removed, only digits, '.' and ','),
// following the rules documented at NumberFormat.
Separators separators_for(std::string_view body, NumberFormat format) {
  switch (format) {
    case NumberFormat::plain:
      return Separators{.decimal = '.', .thousands = '\0'};
    case NumberFormat::indonesian:
      return Separators{.decimal = ',', .thousands = '.'};
    case NumberFormat::automatic:
      break;
  }
  const std::size_t last_dot = body.rfind('.');
  const std::size_t last_comma = body.rfind(',');
  const auto dot_count = std::count(body.begin(), body.end(), '.');
  const auto comma_count = std::count(body.begin(), body.end(), ',');
  if (dot_count > 0 && comma_count > 0) {
    return last_comma > last_dot ? Separators{.decimal = ',', .thousands = '.'}
                                 : Separators{.decimal = '.', .thousands = ','};
  }
  if (comma_count == 1) {
    return Separators{.decimal = ',', .thousands = '\0'};
  }
  if (comma_count > 1) {
    return Separators{.decimal = '\0', .thousands = ','};
  }
  if (dot_count == 1) {
    return Separators{.decimal = '.', .thousands = '\0'};
  }
  return Separators{.decimal = '\0', .thousands = '.'};
}

Error out_of_range(std::string_view description) {
  return Error(ErrorCode::NumberOutOfRange, {excerpt_for_message(description)});
}

Error scale_out_of_range(int scale) {
  return Error(ErrorCode::NumberOutOfRange, {std::to_string(scale)});
}

bool valid_scale(int scale) {
  return scale >= 0 && scale <= Decimal::kMaxScale;
}

}  // namespace

Decimal::Decimal(std::int64_t coefficient, int scale) : coefficient_(coefficient), scale_(scale) {
  if (!valid_scale(scale)) {
    throw std::out_of_range("Decimal scale " + std::to_string(scale) + " is outside 0..18");
  }
}

Decimal Decimal::from_int64(std::int64_t value) {
  return Decimal(value, 0);
}

Result<Decimal> Decimal::from_coefficient(Coefficient coefficient, int scale) {
  if (!valid_scale(scale)) {
    return scale_out_of_range(scale);
  }
  if (magnitude_of(coefficient) > kMaxCoefficient) {
    return out_of_range(render(coefficient, scale, scale, Separators{.decimal = '.', .thousands = '\0'}));
  }
  return Decimal(coefficient, scale, Unchecked{});
}

Result<Decimal> Decimal::parse(std::string_view text, NumberFormat format) {
  const std::string_view trimmed = trim_ascii_whitespace(text);
  const auto invalid = [&] { return Error(ErrorCode::InvalidNumber, {excerpt_for_message(trimmed)}); };
  if (!is_ascii(trimmed)) {
    return invalid();
  }
  std::string_view body = trimmed;
  bool negative = false;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body.empty() || !std::all_of(body.begin(), body.end(), [](char character) {
        return is_ascii_digit(character) || character == '.' || character == ',';
      })) {
    return invalid();
  }

  const Separators separators = separators_for(body, format);
  std::string_view integer_part = body;
  std::string_view fraction_part;
  if (separators.decimal != '\0') {
    const std::size_t decimal_position = body.find(separators.decimal);
    if (decimal_position != std::string_view::npos) {
      integer_part = body.substr(0, decimal_position);
      fraction_part = body.substr(decimal_position + 1);
      // Also rejects a second decimal separator and thousands separators after the first.
      if (fraction_part.empty() || !all_digits(fraction_part)) {
        return invalid();
      }
    }
  }
  std::string digits;
  if (!append_integer_digits(integer_part, separators.thousands, digits)) {
    return invalid();
  }
  digits.append(fraction_part);

  // Trailing fractional zeros carry no value; drop them only when the number would not fit
  // otherwise, so "2.50" keeps its scale but "0.10000000000000000000" is still accepted.
  std::size_t scale = fraction_part.size();
  const std::size_t leading_zeros = std::min(digits.find_first_not_of('0'), digits.size());
  const auto significant_digits = [&] { return digits.size() - std::min(leading_zeros, digits.size()); };
  const auto too_long = [&] {
    return scale > static_cast<std::size_t>(kMaxScale) ||
           significant_digits() > static_cast<std::size_t>(kMaxDigits);
  };
  while (too_long() && scale > 0 && digits.back() == '0') {
    digits.pop_back();
    --scale;
  }
  if (too_long()) {
    return out_of_range(trimmed);
  }
  Magnitude magnitude = 0;
  for (char digit : std::string_view(digits).substr(digits.size() - significant_digits())) {
    magnitude = magnitude * 10 + static_cast<Magnitude>(digit - '0');
  }
  return Decimal(signed_coefficient(magnitude, negative), static_cast<int>(scale), Unchecked{});
}

bool Decimal::is_integer() const {
  return magnitude_of(coefficient_) % power_of_ten(scale_) == 0;
}

Decimal Decimal::normalized() const {
  Coefficient coefficient = coefficient_;
  int scale = scale_;
  while (scale > 0 && coefficient % 10 == 0) {
    coefficient /= 10;
    --scale;
  }
  return Decimal(coefficient, scale, Unchecked{});
}

Decimal Decimal::round(int decimals, Rounding rounding) const {
  decimals = std::max(decimals, 0);
  if (decimals >= scale_) {
    return *this;
  }
  // Dropping at least one digit makes room for the carry, so this cannot exceed kMaxDigits.
  const Magnitude rounded = drop_digits(magnitude_of(coefficient_), scale_ - decimals, rounding);
  return Decimal(signed_coefficient(rounded, coefficient_ < 0), decimals, Unchecked{});
}

Result<Decimal> Decimal::rescale(int scale, Rounding rounding) const {
  if (!valid_scale(scale)) {
    return scale_out_of_range(scale);
  }
  if (scale <= scale_) {
    return round(scale, rounding);
  }
  const Magnitude factor = power_of_ten(scale - scale_);
  const Magnitude magnitude = magnitude_of(coefficient_);
  if (magnitude > kMaxCoefficient / factor) {
    return out_of_range(to_string());
  }
  return Decimal(signed_coefficient(magnitude * factor, coefficient_ < 0), scale, Unchecked{});
}

Result<Decimal> Decimal::checked_add(const Decimal& other) const {
  std::optional<Parts> sum = add_aligned(coefficient_, scale_, other.coefficient_, other.scale_);
  if (!sum) {
    // Aligning to the larger scale can overflow when one operand carries trailing zeros
    // (1.000000000000000000 + 10^29). Without them, an overflowing alignment really means
    // the exact sum has too many digits: the operand with the larger scale then ends in a
    // non-zero digit, and so does the sum.
    const Decimal left = normalized();
    const Decimal right = other.normalized();
    sum = add_aligned(left.coefficient_, left.scale_, right.coefficient_, right.scale_);
  }
  if (!sum) {
    return out_of_range(to_string() + " + " + other.to_string());
  }
  return Decimal(sum->coefficient, sum->scale, Unchecked{});
}

Result<Decimal> Decimal::checked_subtract(const Decimal& other) const {
  Result<Decimal> difference = checked_add(other.negate());
  if (!difference.ok()) {
    return out_of_range(to_string() + " - " + other.to_string());
  }
  return difference;
}

Result<Decimal> Decimal::checked_multiply(const Decimal& other) const {
  const WideMagnitude product = multiply_wide(magnitude_of(coefficient_), magnitude_of(other.coefficient_));
  const bool negative = (coefficient_ < 0) != (other.coefficient_ < 0);
  const std::optional<Parts> parts = fit_exactly(negative, product, scale_ + other.scale_);
  if (!parts) {
    return out_of_range(to_string() + " x " + other.to_string());
  }
  return Decimal(parts->coefficient, parts->scale, Unchecked{});
}

Result<Decimal> Decimal::divide(const Decimal& divisor, int scale, Rounding rounding) const {
  if (!valid_scale(scale)) {
    return scale_out_of_range(scale);
  }
  if (divisor.is_zero()) {
    return Error(ErrorCode::DivisionByZero, {excerpt_for_message(to_string())});
  }
  // this / divisor = (A / B) x 10^shift with A, B the coefficient magnitudes. The quotient
  // wanted is round(A / B x 10^shift), computed by long division so that every intermediate
  // stays below 10^31 and the remainder decides the rounding exactly.
  const Magnitude dividend = magnitude_of(coefficient_);
  const Magnitude divisor_magnitude = magnitude_of(divisor.coefficient_);
  const int shift = divisor.scale_ - scale_ + scale;
  const auto overflow = [&] { return out_of_range(to_string() + " / " + divisor.to_string()); };
  Magnitude quotient = dividend / divisor_magnitude;
  Magnitude remainder = dividend % divisor_magnitude;
  if (shift >= 0) {
    for (int step = 0; step < shift; ++step) {
      if (quotient > kMaxCoefficient) {
        return overflow();
      }
      remainder *= 10;
      quotient = quotient * 10 + remainder / divisor_magnitude;
      remainder %= divisor_magnitude;
    }
    if (rounding == Rounding::half_up && remainder * 2 >= divisor_magnitude) {
      ++quotient;
    }
  } else {
    // Dropping digits of the integer quotient: A / B = quotient + remainder / B, with the
    // remainder term below one unit of the last kept digit's 10^-shift. Because 10^-shift is
    // even, that term can never tip a comparison against the half, so only the dropped
    // digits decide the rounding.
    quotient = drop_digits(quotient, -shift, rounding);
  }
  if (quotient > kMaxCoefficient) {
    return overflow();
  }
  const bool negative = (coefficient_ < 0) != (divisor.coefficient_ < 0);
  return Decimal(signed_coefficient(quotient, negative), scale, Unchecked{});
}

std::string Decimal::to_string(NumberFormat format) const {
  const char decimal_separator = format == NumberFormat::indonesian ? ',' : '.';
  return render(coefficient_, scale_, scale_, Separators{.decimal = decimal_separator, .thousands = '\0'});
}

std::string Decimal::format(Locale locale) const {
  return render(coefficient_, scale_, scale_, display_separators(locale));
}

std::string Decimal::format(Locale locale, int decimals) const {
  decimals = std::clamp(decimals, 0, kMaxScale);
  const Decimal rounded = round(decimals);
  return render(rounded.coefficient_, rounded.scale_, decimals, display_separators(locale));
}

double Decimal::to_double() const {
  // Going through the shortest exact text lets from_chars do the correctly rounded
  // conversion; dividing two doubles would round twice.
  const std::string text = to_string();
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

bool operator==(const Decimal& left, const Decimal& right) {
  return std::is_eq(left <=> right);
}

std::weak_ordering operator<=>(const Decimal& left, const Decimal& right) {
  const int left_sign = left.sign();
  const int right_sign = right.sign();
  if (left_sign != right_sign || left_sign == 0) {
    return left_sign <=> right_sign;
  }
  // Aligned magnitudes are below 10^48, which the 256-bit product holds without loss.
  const int common_scale = std::max(left.scale(), right.scale());
  const WideMagnitude left_aligned =
      multiply_wide(magnitude_of(left.coefficient()), power_of_ten(common_scale - left.scale()));
  const WideMagnitude right_aligned =
      multiply_wide(magnitude_of(right.coefficient()), power_of_ten(common_scale - right.scale()));
  return left_sign > 0 ? compare(left_aligned, right_aligned) : compare(right_aligned, left_aligned);
}

std::ostream& operator<<(std::ostream& stream, const Decimal& value) {
  return stream << value.to_string();
}

}  // namespace sinergi

std::size_t std::hash<sinergi::Decimal>::operator()(const sinergi::Decimal& value) const noexcept {
  const sinergi::Decimal normalized = value.normalized();
  const auto bits = static_cast<unsigned __int128>(normalized.coefficient());
  const auto high = static_cast<std::uint64_t>(bits >> 64);
  const auto low = static_cast<std::uint64_t>(bits);
  std::size_t combined = std::hash<std::uint64_t>{}(low);
  combined ^= std::hash<std::uint64_t>{}(high) + 0x9e3779b97f4a7c15ULL + (combined << 6) + (combined >> 2);
  combined ^=
      std::hash<int>{}(normalized.scale()) + 0x9e3779b97f4a7c15ULL + (combined << 6) + (combined >> 2);
  return combined;
}
