// Fuzzes Decimal::parse (and Money::parse, which builds on it) with arbitrary bytes in every
// NumberFormat. Whatever parses must print and parse back to an equal value; whatever fails
// must fail with a short, quotable error. Any broken property aborts, so libFuzzer keeps the
// input as a crash.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/decimal.h"
#include "core/input_text.h"
#include "core/money.h"

namespace {

using sinergi::Decimal;
using sinergi::Locale;
using sinergi::Money;
using sinergi::NumberFormat;
using sinergi::Result;

void require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

// 40 characters of at most 4 bytes each, plus the 3-byte ellipsis.
constexpr std::size_t kMaxQuotedBytes = sinergi::kExcerptCharacters * 4 + 3;

template <typename T>
void check_failure(const Result<T>& result) {
  const sinergi::Error& error = result.error();
  require(error.code() == sinergi::ErrorCode::InvalidNumber ||
          error.code() == sinergi::ErrorCode::NumberOutOfRange);
  require(error.arguments().size() == 1 && error.arguments()[0].size() <= kMaxQuotedBytes);
  require(!error.message(Locale::indonesian).empty() && !error.message(Locale::english).empty());
}

bool same_value_and_scale(const Result<Decimal>& result, const Decimal& expected) {
  return result.ok() && *result == expected && result->scale() == expected.scale();
}

void check_decimal(const Decimal& value) {
  // Exact text reads back exactly, scale included.
  require(
      same_value_and_scale(Decimal::parse(value.to_string(NumberFormat::plain), NumberFormat::plain), value));
  require(same_value_and_scale(
      Decimal::parse(value.to_string(NumberFormat::indonesian), NumberFormat::indonesian), value));
  // Grouped display text reads back in the Indonesian format.
  require(same_value_and_scale(Decimal::parse(value.format(Locale::indonesian), NumberFormat::indonesian),
                               value));
  const std::string english = value.format(Locale::english);
  require(!english.empty());

  for (int decimals : {0, 2, 5, Decimal::kMaxScale}) {
    const Decimal rounded = value.round(decimals);
    require(rounded.scale() <= std::max(decimals, 0));
    // Rounding moves the value by at most half a unit of the last kept digit; it never flips
    // the sign of a non-zero result.
    require(rounded.is_zero() || rounded.sign() == value.sign());
    const Result<Decimal> shown =
        Decimal::parse(value.format(Locale::indonesian, decimals), NumberFormat::indonesian);
    require(shown.ok() && *shown == rounded);
    require(!value.format(Locale::english, decimals).empty());
  }

  // Arithmetic identities on whatever fits.
  require(value.checked_subtract(value)->is_zero());
  require(*value.checked_add(Decimal()) == value);
  require(*value.checked_multiply(Decimal::from_int64(1)) == value);
  require(*value.divide(Decimal::from_int64(1), value.scale()) == value);
  const Result<Decimal> doubled = value.checked_add(value);
  if (doubled.ok()) {
    require(*doubled->checked_subtract(value) == value);
    require(*doubled->divide(Decimal::from_int64(2), value.scale()) == value);
    require(*value.checked_multiply(Decimal::from_int64(2)) == *doubled);
  }
  require(value.negate().sign() == -value.sign());
  require((value.abs() >= Decimal()));
  require(value.normalized() == value);
  static_cast<void>(value.to_double());
}

void check_money(std::string_view text, NumberFormat format) {
  const Result<Money> money = Money::parse(text, format);
  if (!money.ok()) {
    check_failure(money);
    return;
  }
  for (Locale locale : {Locale::indonesian, Locale::english}) {
    const Result<Money> again = Money::parse(money->format(locale));
    require(again.ok() && *again == *money);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  Result<Decimal> by_format[3] = {Decimal::parse(text, NumberFormat::automatic),
                                  Decimal::parse(text, NumberFormat::indonesian),
                                  Decimal::parse(text, NumberFormat::plain)};
  for (const Result<Decimal>& result : by_format) {
    if (result.ok()) {
      check_decimal(*result);
    } else {
      check_failure(result);
    }
  }

  // The automatic rules agree with the explicit formats wherever the text is unambiguous:
  // plain text always means the same, and Indonesian text does unless it is a lone dot
  // ("1.004"), which automatic reads as a decimal point.
  const Result<Decimal>& automatic = by_format[0];
  const Result<Decimal>& indonesian = by_format[1];
  const Result<Decimal>& plain = by_format[2];
  if (plain.ok()) {
    require(same_value_and_scale(automatic, *plain));
  }
  const auto dot_count = std::count(text.begin(), text.end(), '.');
  const auto comma_count = std::count(text.begin(), text.end(), ',');
  if (indonesian.ok() && !(dot_count == 1 && comma_count == 0)) {
    require(same_value_and_scale(automatic, *indonesian));
  }

  for (NumberFormat format : {NumberFormat::automatic, NumberFormat::indonesian, NumberFormat::plain}) {
    check_money(text, format);
  }
  return 0;
}
