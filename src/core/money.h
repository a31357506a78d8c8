#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/decimal.h"
#include "core/error.h"
#include "core/result.h"

namespace sinergi {

// An amount of money in whole rupiah (budgets, ceilings, spending). Rupiah have no minor unit
// in practice, so the amount is an exact int64 and sums never touch floating point.
class Money {
 public:
  // Zero rupiah.
  constexpr Money() = default;
  constexpr explicit Money(std::int64_t rupiah) : rupiah_(rupiah) {}

  // Parses an amount of whole rupiah, e.g. "1.004.422.800", "1004422800", "Rp 1.004.422.800",
  // "1.000,00". The number follows Decimal::parse in `format`, with two additions:
  //  - an optional currency prefix "Rp", "Rp." or "IDR" (any case, spaces allowed after it),
  //    before or after the sign: "-Rp1.000", "Rp -1.000"; and an optional trailing ",-", the
  //    Indonesian mark of a whole-rupiah amount: "Rp 1.000.000,-";
  //  - in automatic format, a single '.' or ',' that is followed by exactly three digits and
  //    preceded by one to three digits separates thousands ("1.000" and "1,000" are one
  //    thousand rupiah): a rupiah amount never has three decimals, and reading "1.000" as one
  //    rupiah would silently lose three orders of magnitude.
  // Fractional digits are allowed only when they are all zero ("1.000,00"). Fails with
  // InvalidNumber (malformed, or a non-zero fraction) or NumberOutOfRange (beyond int64).
  static Result<Money> parse(std::string_view text, NumberFormat format = NumberFormat::automatic);

  std::int64_t rupiah() const { return rupiah_; }
  bool is_zero() const { return rupiah_ == 0; }

  // NumberOutOfRange when the result does not fit int64.
  Result<Money> checked_add(Money other) const;
  Result<Money> checked_subtract(Money other) const;

  Decimal to_decimal() const { return Decimal::from_int64(rupiah_); }
  // Plain digits, "-1004422800".
  std::string to_string() const;
  // Display text: "Rp1.004.422.800" / "-Rp1.004.422.800" (indonesian),
  // "IDR 1,004,422,800" / "-IDR 1,004,422,800" (english). Money::parse reads both back.
  std::string format(Locale locale) const;

  bool operator==(const Money&) const = default;
  std::strong_ordering operator<=>(const Money& other) const { return rupiah_ <=> other.rupiah_; }

 private:
  std::int64_t rupiah_ = 0;
};

// Writes to_string(), so test failures show the amount.
std::ostream& operator<<(std::ostream& stream, const Money& money);

}  // namespace sinergi
