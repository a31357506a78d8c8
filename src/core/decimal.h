#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace sinergi {

// How the text of a number is written.
//
// plain: the machine form. '.' is the decimal point; there are no thousands separators
//   (a ',' anywhere is rejected): "1004422800", "99.66", "-1.41", "1234.5".
//
// indonesian: '.' only separates thousands and ',' is the decimal separator:
//   "1.004.422.800", "99,66", "-1,41", "1.234,5". Thousands separators are optional
//   ("1004422800" is accepted) and "1.004" is one thousand and four.
//
// automatic: for input whose convention is unknown (imports, form fields). Decided by the
//   separators present, in this order:
//   1. both '.' and ',': the one that occurs last is the decimal separator (it must occur
//      once) and the other separates thousands: "1.234,5" = 1234.5, "1,004,422,800.00".
//   2. only ',', once: decimal comma: "99,66" = 99.66, and also "1,234" = 1.234.
//   3. only ',', more than once: comma thousands: "1,004,422,800" = 1004422800.
//   4. only '.', once: decimal point: "1.004" = 1.004 (NOT one thousand and four; a caller
//      who knows the input is Indonesian passes NumberFormat::indonesian).
//   5. only '.', more than once: dot thousands: "1.004.422.800" = 1004422800.
//
// In every format: leading and trailing ASCII whitespace is ignored; one optional leading
// '+' or '-'; at least one digit before and after a decimal separator (".5" and "5." are
// rejected); when thousands separators are used, the first group has 1-3 digits and every
// later group exactly 3 ("1.00.000" is rejected), and none may appear after the decimal
// separator. Exponents, "NaN", "inf", inner spaces and any non-ASCII byte (such as Arabic-Indic
// digits or a non-breaking space) are rejected.
enum class NumberFormat { automatic, indonesian, plain };

// How digits beyond the requested scale are dropped.
enum class Rounding {
  half_up,      // to the nearest; an exact tie goes away from zero: 2.345 -> 2.35, -2.345 -> -2.35
  toward_zero,  // truncation: 2.349 -> 2.34, -2.349 -> -2.34
};

// An exact decimal number for measured values (targets, realizations, achievements):
// value = coefficient / 10^scale, with at most kMaxDigits significant digits and
// 0 <= scale <= kMaxScale. Nothing is ever silently rounded: an operation whose exact result
// does not fit returns ErrorCode::NumberOutOfRange, and rounding happens only where asked
// (round, rescale, divide, format with decimals).
//
// The scale is part of the value as typed: "2.50" keeps scale 2 and prints as "2.50", but it
// compares equal to "2.5" (hence weak ordering). Results of arithmetic keep the scale their
// operands imply (sum: the larger scale; product: the sum of the scales); only when that does
// not fit are trailing fractional zeros dropped, which never changes the value.
//
// There are deliberately no +, -, * operators: with user-sized input any of them can overflow,
// and an operator can only throw or wrap. Use checked_add / checked_subtract / checked_multiply.
class Decimal {
 public:
  using Coefficient = __int128;

  static constexpr int kMaxScale = 18;
  // Room for a national budget in rupiah (16 digits) plus the 2-4 decimals of a percentage,
  // with a wide margin; coefficients stay below 10^30, far from the __int128 limit (~1.7e38).
  static constexpr int kMaxDigits = 30;

  // Zero (scale 0).
  constexpr Decimal() = default;
  // coefficient / 10^scale, e.g. Decimal(9966, 2) is 99.66.
  // REQUIRES: 0 <= scale <= kMaxScale; otherwise throws std::out_of_range (a programming error).
  Decimal(std::int64_t coefficient, int scale);
  static Decimal from_int64(std::int64_t value);
  // Fails with NumberOutOfRange when |coefficient| >= 10^kMaxDigits or scale is outside 0..kMaxScale.
  static Result<Decimal> from_coefficient(Coefficient coefficient, int scale);

  // Parses text written in `format` (see NumberFormat). Fails with InvalidNumber for malformed
  // text and NumberOutOfRange when the value needs more than kMaxDigits significant digits or
  // more than kMaxScale decimals (trailing zeros beyond that are dropped, not counted). The error
  // argument quotes the input, cut to ~40 characters.
  static Result<Decimal> parse(std::string_view text, NumberFormat format = NumberFormat::automatic);

  Coefficient coefficient() const { return coefficient_; }
  int scale() const { return scale_; }
  bool is_zero() const { return coefficient_ == 0; }
  // -1, 0 or 1.
  int sign() const { return coefficient_ < 0 ? -1 : (coefficient_ > 0 ? 1 : 0); }
  // True when the value has no non-zero fractional digit ("5.00" is an integer).
  bool is_integer() const;

  Decimal negate() const { return Decimal(-coefficient_, scale_, Unchecked{}); }
  Decimal operator-() const { return negate(); }
  Decimal abs() const { return coefficient_ < 0 ? negate() : *this; }
  // The same value with trailing fractional zeros removed: 2.50 -> 2.5, 5.00 -> 5.
  Decimal normalized() const;

  // Rounds to at most `decimals` decimals; a value with fewer decimals is returned unchanged
  // (round never adds zeros and never fails). `decimals` below 0 counts as 0.
  Decimal round(int decimals, Rounding rounding = Rounding::half_up) const;
  // The value with exactly `scale` decimals: rounded when shortening, zero-padded when
  // lengthening. Fails with NumberOutOfRange when scale is outside 0..kMaxScale or the padded
  // value would exceed kMaxDigits.
  Result<Decimal> rescale(int scale, Rounding rounding = Rounding::half_up) const;

  // Exact arithmetic; NumberOutOfRange when the exact result does not fit.
  Result<Decimal> checked_add(const Decimal& other) const;
  Result<Decimal> checked_subtract(const Decimal& other) const;
  Result<Decimal> checked_multiply(const Decimal& other) const;
  // this / divisor, rounded to exactly `scale` decimals. DivisionByZero when divisor is zero;
  // NumberOutOfRange when scale is outside 0..kMaxScale or the quotient does not fit.
  Result<Decimal> divide(const Decimal& divisor, int scale, Rounding rounding = Rounding::half_up) const;

  // Every digit as held, no thousands separators: "-1234.50" (plain, also for automatic) or
  // "-1234,50" (indonesian). parse(to_string(format), format) gives back an equal value with
  // the same scale. Zero never has a sign.
  std::string to_string(NumberFormat format = NumberFormat::plain) const;
  // Display text with every digit as held and thousands grouping:
  // indonesian "1.004.422.800" / "-1.234,50", english "1,004,422,800" / "-1,234.50".
  std::string format(Locale locale) const;
  // Display text with exactly `decimals` decimals (clamped to 0..kMaxScale), rounded half up:
  // -70.5 with 2 -> "-70,50" (indonesian) / "-70.50" (english). A value that rounds to zero
  // prints without a sign.
  std::string format(Locale locale, int decimals) const;
  // The nearest double. For charts and statistics only: never for decisions or stored values.
  double to_double() const;

  // Compare values, not representations: Decimal(250, 2) == Decimal(25, 1).
  friend bool operator==(const Decimal& left, const Decimal& right);
  friend std::weak_ordering operator<=>(const Decimal& left, const Decimal& right);

 private:
  struct Unchecked {};
  constexpr Decimal(Coefficient coefficient, int scale, Unchecked)
      : coefficient_(coefficient), scale_(scale) {}

  Coefficient coefficient_ = 0;
  int scale_ = 0;
};

// Writes to_string(), so test failures show the value.
std::ostream& operator<<(std::ostream& stream, const Decimal& value);

}  // namespace sinergi

// Equal values hash equally whatever their scale.
template <>
struct std::hash<sinergi::Decimal> {
  std::size_t operator()(const sinergi::Decimal& value) const noexcept;
};
