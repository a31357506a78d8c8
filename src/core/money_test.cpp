#include "core/money.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace sinergi {
namespace {

constexpr std::int64_t kLargest = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kSmallest = std::numeric_limits<std::int64_t>::min();

std::string format_name(NumberFormat format) {
  switch (format) {
    case NumberFormat::automatic:
      return "automatic";
    case NumberFormat::indonesian:
      return "indonesian";
    case NumberFormat::plain:
      return "plain";
  }
  return "?";
}

struct ParseCase {
  std::string_view text;
  NumberFormat format;
  std::int64_t expected_rupiah;
};

TEST(MoneyParseTest, AcceptsWholeRupiahInEveryForm) {
  const std::vector<ParseCase> cases = {
      {"1.004.422.800", NumberFormat::automatic, 1004422800},
      {"1.004.422.800", NumberFormat::indonesian, 1004422800},
      {"1004422800", NumberFormat::automatic, 1004422800},
      {"1004422800", NumberFormat::plain, 1004422800},
      {"1004422800", NumberFormat::indonesian, 1004422800},
      {"548.000.000", NumberFormat::automatic, 548000000},
      {"1,004,422,800", NumberFormat::automatic, 1004422800},  // the web app's comma thousands
      {"1.000,00", NumberFormat::automatic, 1000},
      {"1.000,00", NumberFormat::indonesian, 1000},
      {"1,000.00", NumberFormat::automatic, 1000},
      {"1000.00", NumberFormat::plain, 1000},
      {"0", NumberFormat::automatic, 0},
      {" 15000 ", NumberFormat::automatic, 15000},
      // A lone separator before exactly three digits groups thousands: rupiah have no decimals.
      {"1.000", NumberFormat::automatic, 1000},
      {"1,000", NumberFormat::automatic, 1000},
      {"12.500", NumberFormat::automatic, 12500},
      {"-250.000", NumberFormat::automatic, -250000},
      {"+250,000", NumberFormat::automatic, 250000},
      // A currency prefix, before or after the sign.
      {"Rp1.004.422.800", NumberFormat::automatic, 1004422800},
      {"Rp 1.004.422.800", NumberFormat::indonesian, 1004422800},
      {"Rp. 1.000", NumberFormat::automatic, 1000},
      {"Rp.1.000", NumberFormat::automatic, 1000},
      {"rp1000", NumberFormat::plain, 1000},
      {"IDR 1,004,422,800", NumberFormat::automatic, 1004422800},
      {"-Rp1.000", NumberFormat::automatic, -1000},
      {"Rp -1.000", NumberFormat::automatic, -1000},
      // The ",-" that marks a whole-rupiah amount on Indonesian documents.
      {"Rp 1.000.000,-", NumberFormat::automatic, 1000000},
      {"Rp1.500,-", NumberFormat::indonesian, 1500},
      {"25.000 ,-", NumberFormat::automatic, 25000},
      // The extremes of int64.
      {"9.223.372.036.854.775.807", NumberFormat::automatic, kLargest},
      {"-9223372036854775808", NumberFormat::plain, kSmallest},
  };
  for (const ParseCase& test_case : cases) {
    SCOPED_TRACE("'" + std::string(test_case.text) + "' as " + format_name(test_case.format));
    Result<Money> result = Money::parse(test_case.text, test_case.format);
    ASSERT_TRUE(result.ok()) << result.error().message(Locale::english);
    EXPECT_EQ(result->rupiah(), test_case.expected_rupiah);
  }
}

struct RejectCase {
  std::string_view text;
  NumberFormat format;
  ErrorCode expected_code;
};

TEST(MoneyParseTest, RejectsFractionsMalformedTextAndOverflow) {
  const std::vector<RejectCase> cases = {
      {"", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"Rp", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"-", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1,5", NumberFormat::automatic, ErrorCode::InvalidNumber},  // fractional rupiah
      {"1.50", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1.000,01", NumberFormat::indonesian, ErrorCode::InvalidNumber},
      {"1.00.000", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1234.567", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"abc", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"USD 100", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"--1000", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"-Rp-1000", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"Rp1.000,-5", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {",-", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"9223372036854775808", NumberFormat::plain, ErrorCode::NumberOutOfRange},
      {"-9.223.372.036.854.775.809", NumberFormat::indonesian, ErrorCode::NumberOutOfRange},
      {"1000000000000000000000000000000", NumberFormat::plain, ErrorCode::NumberOutOfRange},
  };
  for (const RejectCase& test_case : cases) {
    SCOPED_TRACE("'" + std::string(test_case.text) + "' as " + format_name(test_case.format));
    Result<Money> result = Money::parse(test_case.text, test_case.format);
    ASSERT_FALSE(result.ok()) << "parsed as " << *result;
    EXPECT_EQ(result.error().code(), test_case.expected_code);
  }
}

TEST(MoneyParseTest, PlainOneDotThreeZerosIsOneRupiah) {
  // Explicit plain format means '.' is a decimal point, and 1.000 is one rupiah exactly.
  Result<Money> result = Money::parse("1.000", NumberFormat::plain);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->rupiah(), 1);
}

TEST(MoneyParseTest, ErrorQuotesTheCallersText) {
  Result<Money> result = Money::parse(" Rp1.000,50 ");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message(Locale::indonesian), "'Rp1.000,50' bukan angka yang sah");
}

TEST(MoneyTest, AddsAndSubtractsWithOverflowChecks) {
  EXPECT_EQ(Money(1004422800).checked_add(Money(548000000))->rupiah(), 1552422800);
  EXPECT_EQ(Money(1000).checked_subtract(Money(2500))->rupiah(), -1500);
  EXPECT_EQ(Money(kLargest).checked_add(Money(0))->rupiah(), kLargest);

  Result<Money> overflow = Money(kLargest).checked_add(Money(1));
  ASSERT_FALSE(overflow.ok());
  EXPECT_EQ(overflow.error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(overflow.error().arguments()[0], "9223372036854775807 + 1");

  EXPECT_EQ(Money(kSmallest).checked_add(Money(-1)).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(Money(kSmallest).checked_subtract(Money(1)).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(Money(0).checked_subtract(Money(kSmallest)).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(Money(-1).checked_subtract(Money(kSmallest))->rupiah(), kLargest);
}

struct FormatCase {
  std::int64_t rupiah;
  Locale locale;
  std::string_view expected;
};

TEST(MoneyTest, FormatsWithCurrencyAndGrouping) {
  const std::vector<FormatCase> cases = {
      {1004422800, Locale::indonesian, "Rp1.004.422.800"},
      {1004422800, Locale::english, "IDR 1,004,422,800"},
      {548000000, Locale::indonesian, "Rp548.000.000"},
      {0, Locale::indonesian, "Rp0"},
      {999, Locale::english, "IDR 999"},
      {-1500, Locale::indonesian, "-Rp1.500"},
      {-1500, Locale::english, "-IDR 1,500"},
      {kLargest, Locale::indonesian, "Rp9.223.372.036.854.775.807"},
      {kSmallest, Locale::english, "-IDR 9,223,372,036,854,775,808"},
  };
  for (const FormatCase& test_case : cases) {
    SCOPED_TRACE(test_case.rupiah);
    EXPECT_EQ(Money(test_case.rupiah).format(test_case.locale), test_case.expected);
  }
}

TEST(MoneyTest, ParseReadsBackWhatFormatWrites) {
  for (std::int64_t rupiah : {std::int64_t{0}, std::int64_t{1}, std::int64_t{999}, std::int64_t{1000},
                              std::int64_t{-1500}, std::int64_t{1004422800}, kLargest, kSmallest}) {
    for (Locale locale : {Locale::indonesian, Locale::english}) {
      const std::string text = Money(rupiah).format(locale);
      SCOPED_TRACE(text);
      Result<Money> again = Money::parse(text);
      ASSERT_TRUE(again.ok()) << again.error().message(Locale::english);
      EXPECT_EQ(again->rupiah(), rupiah);
    }
  }
}

TEST(MoneyTest, ComparesConvertsAndPrints) {
  EXPECT_LT(Money(999), Money(1000));
  EXPECT_EQ(Money(1000), Money::parse("1.000").value());
  EXPECT_TRUE(Money().is_zero());
  EXPECT_EQ(Money(1004422800).to_decimal(), Decimal::from_int64(1004422800));
  EXPECT_EQ(Money(-42).to_string(), "-42");
  std::ostringstream stream;
  stream << Money(1500);
  EXPECT_EQ(stream.str(), "1500");
}

}  // namespace
}  // namespace sinergi
