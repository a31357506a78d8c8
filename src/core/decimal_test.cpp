#include "core/decimal.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sinergi {
namespace {

// Parses text that the test knows to be valid; a failure is reported at the caller's line.
Decimal parsed(std::string_view text, NumberFormat format = NumberFormat::automatic) {
  Result<Decimal> result = Decimal::parse(text, format);
  EXPECT_TRUE(result.ok()) << "'" << text
                           << "': " << (result.ok() ? "" : result.error().message(Locale::english));
  return result.ok() ? *result : Decimal();
}

Decimal value_of(Result<Decimal> result) {
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message(Locale::english));
  return result.ok() ? *result : Decimal();
}

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

// ---------------------------------------------------------------------------------------
// Parsing

struct ParseCase {
  std::string_view text;
  NumberFormat format;
  std::string_view expected_plain;  // the value as to_string() must print it
};

TEST(DecimalParseTest, AcceptsIndonesianPlainAndAutomaticForms) {
  const std::vector<ParseCase> cases = {
      // Published Indonesian report values (decimal comma, dot thousands).
      {"1.004.422.800", NumberFormat::automatic, "1004422800"},
      {"1.004.422.800", NumberFormat::indonesian, "1004422800"},
      {"548.000.000", NumberFormat::automatic, "548000000"},
      {"99,66", NumberFormat::automatic, "99.66"},
      {"99,66", NumberFormat::indonesian, "99.66"},
      {"-1,41", NumberFormat::automatic, "-1.41"},
      {"-1,41", NumberFormat::indonesian, "-1.41"},
      {"184,75", NumberFormat::automatic, "184.75"},
      {"0,0189", NumberFormat::automatic, "0.0189"},
      {"1.234,5", NumberFormat::automatic, "1234.5"},
      {"1.234,5", NumberFormat::indonesian, "1234.5"},
      {"36.743", NumberFormat::indonesian, "36743"},
      {"1.004", NumberFormat::indonesian, "1004"},
      {"1004422800", NumberFormat::indonesian, "1004422800"},
      // Plain (machine) form and the web app's decimal point.
      {"1004422800", NumberFormat::plain, "1004422800"},
      {"1004422800", NumberFormat::automatic, "1004422800"},
      {"99.66", NumberFormat::plain, "99.66"},
      {"97.32", NumberFormat::automatic, "97.32"},
      {"-1.41", NumberFormat::plain, "-1.41"},
      {"1234.5", NumberFormat::plain, "1234.5"},
      // Automatic: a single dot is a decimal point, a single comma a decimal comma.
      {"1.004", NumberFormat::automatic, "1.004"},
      {"1,234", NumberFormat::automatic, "1.234"},
      // Automatic: repeated separators of one kind group thousands.
      {"1,004,422,800", NumberFormat::automatic, "1004422800"},
      {"1,004,422,800.00", NumberFormat::automatic, "1004422800.00"},
      {"1,234.5", NumberFormat::automatic, "1234.5"},
      // Signs, whitespace, zeros, scale as typed.
      {"+5", NumberFormat::automatic, "5"},
      {"  99,66\t", NumberFormat::automatic, "99.66"},
      {"\n-1.41 \r\n", NumberFormat::plain, "-1.41"},
      {"2.50", NumberFormat::plain, "2.50"},
      {"0", NumberFormat::automatic, "0"},
      {"-0", NumberFormat::automatic, "0"},
      {"-0,00", NumberFormat::indonesian, "0.00"},
      {"007", NumberFormat::plain, "7"},
      {"0.000000000000000001", NumberFormat::plain, "0.000000000000000001"},
      // 18+ significant digits survive.
      {"123456789012345678.12", NumberFormat::plain, "123456789012345678.12"},
      {"123.456.789.012.345.678,12", NumberFormat::indonesian, "123456789012345678.12"},
      {"999999999999999999999999999999", NumberFormat::plain, "999999999999999999999999999999"},
      {"-999999999999.999999999999999999", NumberFormat::plain, "-999999999999.999999999999999999"},
      // Trailing zeros beyond 18 decimals carry no value and are dropped only as needed.
      {"0.1000000000000000000000", NumberFormat::plain, "0.100000000000000000"},
      {"000000000000000000000000000000000000000001", NumberFormat::plain, "1"},
  };
  for (const ParseCase& test_case : cases) {
    SCOPED_TRACE("'" + std::string(test_case.text) + "' as " + format_name(test_case.format));
    Result<Decimal> result = Decimal::parse(test_case.text, test_case.format);
    ASSERT_TRUE(result.ok()) << result.error().message(Locale::english);
    EXPECT_EQ(result->to_string(), test_case.expected_plain);
  }
}

TEST(DecimalParseTest, PublishedValuesEqualTheirExactValue) {
  EXPECT_EQ(parsed("1.004.422.800"), Decimal::from_int64(1004422800));
  EXPECT_EQ(parsed("99,66"), Decimal(9966, 2));
  EXPECT_EQ(parsed("-1,41"), Decimal(-141, 2));
  EXPECT_EQ(parsed("1.234,5"), Decimal(12345, 1));
  EXPECT_EQ(parsed("1234.5", NumberFormat::plain), Decimal(12345, 1));
}

TEST(DecimalParseTest, SingleDotMeansDecimalPointUnlessTheCallerSaysIndonesian) {
  EXPECT_EQ(parsed("1.004", NumberFormat::automatic), Decimal(1004, 3));
  EXPECT_EQ(parsed("1.004", NumberFormat::indonesian), Decimal::from_int64(1004));
  EXPECT_EQ(parsed("1.004", NumberFormat::plain), Decimal(1004, 3));
}

struct RejectCase {
  std::string_view text;
  NumberFormat format;
  ErrorCode expected_code;
};

TEST(DecimalParseTest, RejectsMalformedText) {
  const std::vector<RejectCase> cases = {
      {"", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"   ", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"-", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"+", NumberFormat::plain, ErrorCode::InvalidNumber},
      {"1,2,3", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1,2,3", NumberFormat::indonesian, ErrorCode::InvalidNumber},
      {"1.00.000", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1.00.000", NumberFormat::indonesian, ErrorCode::InvalidNumber},
      {"abc", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1e5", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1E5", NumberFormat::plain, ErrorCode::InvalidNumber},
      {"NaN", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"nan", NumberFormat::plain, ErrorCode::InvalidNumber},
      {"inf", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"-Infinity", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"\xD9\xA1\xD9\xA2", NumberFormat::automatic, ErrorCode::InvalidNumber},  // "١٢", Arabic-Indic digits
      {"12\xC2\xA0", NumberFormat::automatic, ErrorCode::InvalidNumber},        // trailing no-break space
      {"12 34", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1 234", NumberFormat::indonesian, ErrorCode::InvalidNumber},
      {"- 5", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"--5", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"+-5", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"5-", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {".5", NumberFormat::plain, ErrorCode::InvalidNumber},
      {",5", NumberFormat::indonesian, ErrorCode::InvalidNumber},
      {"5.", NumberFormat::plain, ErrorCode::InvalidNumber},
      {"5,", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1..2", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1.234.5", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1.2345,6", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1234.567,8", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1.234,5,6", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1,234.5", NumberFormat::indonesian, ErrorCode::InvalidNumber},
      {"1,234,5", NumberFormat::indonesian, ErrorCode::InvalidNumber},
      {"1,5", NumberFormat::plain, ErrorCode::InvalidNumber},
      {"1.234,5", NumberFormat::plain, ErrorCode::InvalidNumber},
      {"1.234.567", NumberFormat::plain, ErrorCode::InvalidNumber},
      {"0x10", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1_000", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"1'000", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"Rp1.000", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {"50%", NumberFormat::automatic, ErrorCode::InvalidNumber},
      {std::string_view("1\0"
                        "2",
                        3),
       NumberFormat::automatic, ErrorCode::InvalidNumber},
      // More than 30 significant digits or 18 decimals.
      {"1000000000000000000000000000000", NumberFormat::plain, ErrorCode::NumberOutOfRange},
      {"-1.000.000.000.000.000.000.000.000.000.000", NumberFormat::indonesian, ErrorCode::NumberOutOfRange},
      {"0.0000000000000000001", NumberFormat::plain, ErrorCode::NumberOutOfRange},
      {"0,1234567890123456789", NumberFormat::automatic, ErrorCode::NumberOutOfRange},
      {"1234567890123456789012345678901.5", NumberFormat::plain, ErrorCode::NumberOutOfRange},
  };
  for (const RejectCase& test_case : cases) {
    SCOPED_TRACE("'" + std::string(test_case.text) + "' as " + format_name(test_case.format));
    Result<Decimal> result = Decimal::parse(test_case.text, test_case.format);
    ASSERT_FALSE(result.ok()) << "parsed as " << *result;
    EXPECT_EQ(result.error().code(), test_case.expected_code);
  }
}

TEST(DecimalParseTest, ErrorQuotesTheTrimmedInput) {
  Result<Decimal> result = Decimal::parse("  12 34 ");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message(Locale::indonesian), "'12 34' bukan angka yang sah");
  EXPECT_EQ(result.error().message(Locale::english), "'12 34' is not a valid number");
}

TEST(DecimalParseTest, ErrorQuotesAtMostFortyCharacters) {
  const std::string long_text(1000, 'x');
  Result<Decimal> result = Decimal::parse(long_text);
  ASSERT_FALSE(result.ok());
  ASSERT_EQ(result.error().arguments().size(), 1U);
  EXPECT_EQ(result.error().arguments()[0], std::string(40, 'x') + "\xE2\x80\xA6");

  Result<Decimal> too_long = Decimal::parse(std::string(100, '9'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(too_long.error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(too_long.error().arguments()[0], std::string(40, '9') + "\xE2\x80\xA6");
}

TEST(DecimalParseTest, ErrorQuoteStaysValidUtf8) {
  Result<Decimal> arabic = Decimal::parse("\xD9\xA1\xD9\xA2");
  ASSERT_FALSE(arabic.ok());
  EXPECT_EQ(arabic.error().arguments()[0], "\xD9\xA1\xD9\xA2");

  Result<Decimal> broken = Decimal::parse("1\xFF\xC3");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().arguments()[0], "1\xEF\xBF\xBD\xEF\xBF\xBD");
}

// ---------------------------------------------------------------------------------------
// Construction, accessors

TEST(DecimalTest, ConstructsFromCoefficientAndScale) {
  EXPECT_EQ(Decimal(9966, 2).to_string(), "99.66");
  EXPECT_EQ(Decimal(5, 3).to_string(), "0.005");
  EXPECT_EQ(Decimal(-5, 3).to_string(), "-0.005");
  EXPECT_EQ(Decimal(0, 2).to_string(), "0.00");
  EXPECT_EQ(Decimal().to_string(), "0");
  EXPECT_EQ(Decimal::from_int64(INT64_MIN).to_string(), "-9223372036854775808");
  EXPECT_EQ(Decimal(INT64_MAX, 18).to_string(), "9.223372036854775807");
  EXPECT_THROW(Decimal(1, 19), std::out_of_range);
  EXPECT_THROW(Decimal(1, -1), std::out_of_range);
}

TEST(DecimalTest, FromCoefficientChecksTheLimits) {
  Decimal::Coefficient largest = 1;
  for (int digit = 0; digit < 30; ++digit) {
    largest *= 10;
  }
  largest -= 1;  // 30 nines
  ASSERT_TRUE(Decimal::from_coefficient(largest, 0).ok());
  EXPECT_EQ(Decimal::from_coefficient(-largest, 18)->to_string(), "-999999999999.999999999999999999");
  EXPECT_EQ(Decimal::from_coefficient(largest + 1, 0).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(Decimal::from_coefficient(1, 19).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(Decimal::from_coefficient(1, -1).error().code(), ErrorCode::NumberOutOfRange);
}

TEST(DecimalTest, SignZeroAbsNegate) {
  EXPECT_EQ(parsed("-1,41").sign(), -1);
  EXPECT_EQ(parsed("0,00").sign(), 0);
  EXPECT_EQ(parsed("99,66").sign(), 1);
  EXPECT_TRUE(parsed("-0,000").is_zero());
  EXPECT_FALSE(parsed("0,001").is_zero());
  EXPECT_EQ(parsed("-1,41").abs(), Decimal(141, 2));
  EXPECT_EQ(parsed("1,41").abs(), Decimal(141, 2));
  EXPECT_EQ(parsed("1,41").negate(), Decimal(-141, 2));
  EXPECT_EQ(-Decimal(-141, 2), Decimal(141, 2));
  EXPECT_EQ((-Decimal(0, 2)).to_string(), "0.00");
}

TEST(DecimalTest, IsIntegerAndNormalized) {
  EXPECT_TRUE(Decimal(500, 2).is_integer());
  EXPECT_FALSE(Decimal(501, 2).is_integer());
  EXPECT_TRUE(Decimal().is_integer());
  EXPECT_EQ(Decimal(250, 2).normalized().to_string(), "2.5");
  EXPECT_EQ(Decimal(500, 2).normalized().to_string(), "5");
  EXPECT_EQ(Decimal(-500, 2).normalized().to_string(), "-5");
  EXPECT_EQ(Decimal(0, 5).normalized().to_string(), "0");
  EXPECT_EQ(Decimal(1000, 0).normalized().to_string(), "1000");  // integer zeros are digits
}

// ---------------------------------------------------------------------------------------
// Text out

TEST(DecimalTest, ToStringKeepsTheScaleAsTyped) {
  EXPECT_EQ(parsed("2.50").to_string(), "2.50");
  EXPECT_EQ(parsed("2.50").to_string(NumberFormat::indonesian), "2,50");
  EXPECT_EQ(parsed("-1.234,50").to_string(NumberFormat::indonesian), "-1234,50");
  EXPECT_EQ(parsed("-1.234,50").to_string(NumberFormat::plain), "-1234.50");
  EXPECT_EQ(parsed("-1.234,50").to_string(NumberFormat::automatic), "-1234.50");
  EXPECT_EQ(parsed("1.004.422.800").to_string(NumberFormat::indonesian), "1004422800");
}

TEST(DecimalTest, ToStringRoundTripsInEveryFormat) {
  const std::vector<std::string_view> texts = {"0",
                                               "-0.00",
                                               "99.66",
                                               "-1.41",
                                               "1004422800",
                                               "2.50",
                                               "0.00001",
                                               "-7.5",
                                               "123456789012345678.12",
                                               "999999999999999999999999999999",
                                               "0.000000000000000001"};
  for (std::string_view text : texts) {
    const Decimal value = parsed(text, NumberFormat::plain);
    for (NumberFormat format : {NumberFormat::plain, NumberFormat::indonesian, NumberFormat::automatic}) {
      SCOPED_TRACE(std::string(text) + " as " + format_name(format));
      Result<Decimal> again = Decimal::parse(value.to_string(format), format);
      ASSERT_TRUE(again.ok());
      EXPECT_EQ(*again, value);
      EXPECT_EQ(again->scale(), value.scale());
    }
  }
}

struct FormatCase {
  std::string_view value;  // plain text
  Locale locale;
  int decimals;
  std::string_view expected;
};

TEST(DecimalFormatTest, RoundsHalfUpAndGroupsThousands) {
  const std::vector<FormatCase> cases = {
      // Published achievement percentages, Indonesian display.
      {"-70.5", Locale::indonesian, 2, "-70,50"},
      {"184.75", Locale::indonesian, 2, "184,75"},
      {"198.58", Locale::indonesian, 2, "198,58"},
      {"99.66", Locale::indonesian, 2, "99,66"},
      {"150", Locale::indonesian, 2, "150,00"},
      {"101.456", Locale::indonesian, 2, "101,46"},
      {"166.666666", Locale::indonesian, 2, "166,67"},
      {"1004422800", Locale::indonesian, 0, "1.004.422.800"},
      {"1004422800", Locale::english, 2, "1,004,422,800.00"},
      {"97.32", Locale::english, 2, "97.32"},
      {"-1.41", Locale::english, 2, "-1.41"},
      // Half up: ties go away from zero; only the digits beyond are looked at.
      {"2.345", Locale::indonesian, 2, "2,35"},
      {"-2.345", Locale::indonesian, 2, "-2,35"},
      {"2.3449", Locale::indonesian, 2, "2,34"},
      {"0.5", Locale::english, 0, "1"},
      {"-0.5", Locale::english, 0, "-1"},
      {"999.995", Locale::indonesian, 2, "1.000,00"},
      {"-999999.5", Locale::english, 0, "-1,000,000"},
      // A value that rounds to zero has no sign.
      {"-0.004", Locale::indonesian, 2, "0,00"},
      // Grouping boundaries.
      {"123", Locale::indonesian, 0, "123"},
      {"1234", Locale::indonesian, 0, "1.234"},
      {"123456", Locale::english, 0, "123,456"},
      {"-123456.7", Locale::english, 1, "-123,456.7"},
      {"1234567.891", Locale::english, 1, "1,234,567.9"},
      {"0.05", Locale::indonesian, 1, "0,1"},
      // Decimals below 0 count as 0.
      {"5.5", Locale::english, -3, "6"},
  };
  for (const FormatCase& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.value) + " with " + std::to_string(test_case.decimals) + " decimals");
    EXPECT_EQ(parsed(test_case.value, NumberFormat::plain).format(test_case.locale, test_case.decimals),
              test_case.expected);
  }
}

TEST(DecimalFormatTest, WithoutDecimalsShowsEveryDigitHeld) {
  EXPECT_EQ(parsed("1234.50", NumberFormat::plain).format(Locale::indonesian), "1.234,50");
  EXPECT_EQ(parsed("1234.50", NumberFormat::plain).format(Locale::english), "1,234.50");
  EXPECT_EQ(parsed("-1004422800", NumberFormat::plain).format(Locale::indonesian), "-1.004.422.800");
  EXPECT_EQ(parsed("0.000000000000000001", NumberFormat::plain).format(Locale::indonesian),
            "0,000000000000000001");
}

TEST(DecimalTest, StreamsItsPlainText) {
  std::ostringstream stream;
  stream << parsed("-1,41");
  EXPECT_EQ(stream.str(), "-1.41");
}

TEST(DecimalTest, ToDoubleIsTheNearestDouble) {
  EXPECT_EQ(parsed("99,66").to_double(), 99.66);
  EXPECT_EQ(parsed("-70,5").to_double(), -70.5);
  EXPECT_EQ(parsed("1.004.422.800").to_double(), 1004422800.0);
  EXPECT_EQ(parsed("0.1").to_double(), 0.1);
}

// ---------------------------------------------------------------------------------------
// Comparison

TEST(DecimalCompareTest, ComparesValuesNotScales) {
  EXPECT_EQ(parsed("2.50"), parsed("2.5"));
  EXPECT_EQ(parsed("0"), parsed("-0.000"));
  EXPECT_EQ(parsed("1.004.422.800"), parsed("1004422800.000000000000000000", NumberFormat::plain));
  EXPECT_NE(parsed("2.50"), parsed("2.51"));
  EXPECT_LT(parsed("2.5"), parsed("2.51"));
  EXPECT_LT(parsed("-2.5"), parsed("-2.4"));
  EXPECT_LT(parsed("-0.5"), parsed("0.5"));
  EXPECT_LT(parsed("-1000"), parsed("-0.001"));
  EXPECT_GT(parsed("1000000000000"), parsed("999999999999.999999999999999999"));
  EXPECT_GT(parsed("999999999999999999999999999999"), parsed("999999999999.999999999999999999"));
  EXPECT_LT(parsed("0.000000000000000001"), parsed("0.00000000000000001"));
  EXPECT_TRUE(std::is_eq(parsed("2.50") <=> parsed("2.5")));
}

TEST(DecimalCompareTest, SortsNumerically) {
  std::vector<Decimal> values = {parsed("10"), parsed("-1,41"), parsed("9.5"),
                                 parsed("0"),  parsed("-70,5"), parsed("99,66")};
  std::sort(values.begin(), values.end());
  std::vector<std::string> texts;
  texts.reserve(values.size());
  for (const Decimal& value : values) {
    texts.push_back(value.to_string());
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"-70.5", "-1.41", "0", "9.5", "10", "99.66"}));
}

TEST(DecimalCompareTest, EqualValuesHashEqually) {
  std::unordered_set<Decimal> values = {parsed("2.5"), parsed("2.50"), parsed("2.500000"), parsed("-0"),
                                        parsed("0.00")};
  EXPECT_EQ(values.size(), 2U);
  EXPECT_EQ(std::hash<Decimal>{}(parsed("-7,50")), std::hash<Decimal>{}(parsed("-7.5")));
}

TEST(DecimalCompareTest, BandEdgesAreDecidedExactly) {
  // 100 x numerator >= edge x denominator, the way predicate bands are decided.
  EXPECT_EQ(value_of(Decimal::from_int64(91).checked_multiply(Decimal::from_int64(100))),
            Decimal::from_int64(9100));
  // R = 0.0455 against T = 0.05 is exactly 91 %, but 0.0455 / 0.05 * 100 in double arithmetic is
  // 90.99999999999999 and would fall into the lower band.
  const Decimal realization = parsed("0,0455");
  const Decimal target = parsed("0,05");
  const Decimal hundred = Decimal::from_int64(100);
  const Decimal edge = Decimal::from_int64(91);
  const Decimal scaled_realization = value_of(hundred.checked_multiply(realization));
  const Decimal scaled_target = value_of(edge.checked_multiply(target));
  EXPECT_EQ(scaled_realization, scaled_target);
  EXPECT_TRUE(scaled_realization >= scaled_target);
  // The same for the 51 % edge: R = 0.051, T = 0.1.
  EXPECT_TRUE(value_of(hundred.checked_multiply(parsed("0.051"))) >=
              value_of(Decimal::from_int64(51).checked_multiply(parsed("0.1"))));
}

// ---------------------------------------------------------------------------------------
// Rounding

struct RoundCase {
  std::string_view value;
  int decimals;
  Rounding rounding;
  std::string_view expected;
};

TEST(DecimalRoundTest, RoundsOnlyWhenShortening) {
  const std::vector<RoundCase> cases = {
      {"2.345", 2, Rounding::half_up, "2.35"},
      {"-2.345", 2, Rounding::half_up, "-2.35"},
      {"2.344", 2, Rounding::half_up, "2.34"},
      {"2.3449", 2, Rounding::half_up, "2.34"},
      {"0.005", 2, Rounding::half_up, "0.01"},
      {"9.999", 2, Rounding::half_up, "10.00"},
      {"-0.004", 2, Rounding::half_up, "0.00"},
      {"2.349", 2, Rounding::toward_zero, "2.34"},
      {"-2.349", 2, Rounding::toward_zero, "-2.34"},
      {"2.5", 0, Rounding::half_up, "3"},
      {"-2.5", 0, Rounding::half_up, "-3"},
      {"2.5", 4, Rounding::half_up, "2.5"},  // never adds zeros
      {"2.5", -1, Rounding::half_up, "3"},   // below zero counts as zero
      {"999999999999.999999999999999999", 0, Rounding::half_up, "1000000000000"},
  };
  for (const RoundCase& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.value) + " to " + std::to_string(test_case.decimals));
    EXPECT_EQ(parsed(test_case.value, NumberFormat::plain)
                  .round(test_case.decimals, test_case.rounding)
                  .to_string(),
              test_case.expected);
  }
}

TEST(DecimalRoundTest, RescaleGivesExactlyTheScale) {
  EXPECT_EQ(value_of(parsed("2.5").rescale(3)).to_string(), "2.500");
  EXPECT_EQ(value_of(parsed("2.345").rescale(2)).to_string(), "2.35");
  EXPECT_EQ(value_of(parsed("2.349").rescale(2, Rounding::toward_zero)).to_string(), "2.34");
  EXPECT_EQ(value_of(parsed("-7").rescale(2)).to_string(), "-7.00");
  EXPECT_EQ(parsed("2.5").rescale(19).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(parsed("2.5").rescale(-1).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(parsed("999999999999999999999999999999").rescale(1).error().code(), ErrorCode::NumberOutOfRange);
}

// ---------------------------------------------------------------------------------------
// Arithmetic

TEST(DecimalArithmeticTest, AddsExactly) {
  EXPECT_EQ(value_of(parsed("0.1").checked_add(parsed("0.2"))).to_string(), "0.3");
  EXPECT_EQ(value_of(parsed("2.50").checked_add(parsed("1"))).to_string(), "3.50");
  EXPECT_EQ(value_of(parsed("-1,41").checked_add(parsed("1,41"))).to_string(), "0.00");
  EXPECT_EQ(value_of(parsed("123456789012345678.12").checked_add(parsed("0.01"))).to_string(),
            "123456789012345678.13");
  // Monthly counts 1, 0, 2 add up to 3.
  Decimal total;
  for (std::string_view month : {"1", "0", "2"}) {
    total = value_of(total.checked_add(parsed(month)));
  }
  EXPECT_EQ(total, Decimal::from_int64(3));
}

TEST(DecimalArithmeticTest, SubtractsExactly) {
  EXPECT_EQ(value_of(parsed("1").checked_subtract(parsed("0.99"))).to_string(), "0.01");
  EXPECT_EQ(value_of(parsed("-1,41").checked_subtract(parsed("2"))).to_string(), "-3.41");
  EXPECT_EQ(value_of(parsed("64").checked_subtract(parsed("4,88"))).to_string(), "59.12");
}

TEST(DecimalArithmeticTest, AddFailsOnlyWhenTheExactSumDoesNotFit) {
  const Decimal largest = parsed("999999999999999999999999999999");
  EXPECT_EQ(largest.checked_add(parsed("1")).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(largest.negate().checked_subtract(parsed("1")).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(value_of(largest.checked_add(parsed("0"))), largest);
  EXPECT_EQ(value_of(largest.checked_subtract(largest)).to_string(), "0");
  // Aligning 10^29 to scale 18 would not fit, but 1.000000000000000000 is just 1.
  const Decimal big = parsed("100000000000000000000000000000");
  EXPECT_EQ(value_of(big.checked_add(parsed("1.000000000000000000"))).to_string(),
            "100000000000000000000000000001");
  EXPECT_EQ(big.checked_add(parsed("0.000000000000000001")).error().code(), ErrorCode::NumberOutOfRange);
  // The error names the operation.
  EXPECT_EQ(largest.checked_add(parsed("1")).error().arguments()[0], "999999999999999999999999999999 + 1");
}

TEST(DecimalArithmeticTest, MultipliesExactly) {
  EXPECT_EQ(value_of(parsed("2.50").checked_multiply(parsed("2"))).to_string(), "5.00");
  EXPECT_EQ(value_of(parsed("1.5").checked_multiply(parsed("1.5"))).to_string(), "2.25");
  EXPECT_EQ(value_of(parsed("-2").checked_multiply(parsed("3"))).to_string(), "-6");
  EXPECT_EQ(value_of(parsed("-2").checked_multiply(parsed("-3"))).to_string(), "6");
  EXPECT_EQ(value_of(parsed("0").checked_multiply(parsed("-5"))).to_string(), "0");
  EXPECT_EQ(value_of(parsed("0,49").checked_multiply(parsed("2"))).to_string(), "0.98");
  EXPECT_EQ(value_of(parsed("0.000000001").checked_multiply(parsed("0.000000001"))).to_string(),
            "0.000000000000000001");
  // Scales add up to 36; dropping trailing zeros brings the exact result back to 18.
  EXPECT_EQ(
      value_of(parsed("1.000000000000000000").checked_multiply(parsed("1.000000000000000000"))).to_string(),
      "1.000000000000000000");
}

TEST(DecimalArithmeticTest, MultiplyHandlesProductsWiderThan128Bits) {
  // 5^40 / 10^18 times 2^40 / 10^18 is 10^40 / 10^36 = 10^4 exactly, although the product of
  // the coefficients (10^40) exceeds 2^128.
  const Decimal five_power = parsed("9094947017.729282379150390625");
  const Decimal two_power = parsed("0.000001099511627776");
  const Decimal product = value_of(five_power.checked_multiply(two_power));
  EXPECT_EQ(product, Decimal::from_int64(10000));
  EXPECT_EQ(product.scale(), 18);
}

TEST(DecimalArithmeticTest, MultiplyFailsWhenTheExactProductDoesNotFit) {
  EXPECT_EQ(parsed("1000000000000000").checked_multiply(parsed("1000000000000000")).error().code(),
            ErrorCode::NumberOutOfRange);
  EXPECT_EQ(parsed("0.000000001").checked_multiply(parsed("0.0000000001")).error().code(),
            ErrorCode::NumberOutOfRange);
  const Decimal largest = parsed("999999999999999999999999999999");
  EXPECT_EQ(largest.checked_multiply(largest).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(value_of(largest.checked_multiply(parsed("-1"))), largest.negate());
}

TEST(DecimalArithmeticTest, DividesWithRoundingToTheRequestedScale) {
  EXPECT_EQ(value_of(parsed("1").divide(parsed("3"), 4)).to_string(), "0.3333");
  EXPECT_EQ(value_of(parsed("2").divide(parsed("3"), 4)).to_string(), "0.6667");
  EXPECT_EQ(value_of(parsed("-2").divide(parsed("3"), 4)).to_string(), "-0.6667");
  EXPECT_EQ(value_of(parsed("2").divide(parsed("-3"), 4, Rounding::toward_zero)).to_string(), "-0.6666");
  EXPECT_EQ(value_of(parsed("1").divide(parsed("8"), 2)).to_string(), "0.13");
  EXPECT_EQ(value_of(parsed("-1").divide(parsed("8"), 2)).to_string(), "-0.13");
  EXPECT_EQ(value_of(parsed("10").divide(parsed("4"), 0)).to_string(), "3");
  EXPECT_EQ(value_of(parsed("-10").divide(parsed("4"), 0)).to_string(), "-3");
  EXPECT_EQ(value_of(parsed("7.5").divide(parsed("0.5"), 0)).to_string(), "15");
  EXPECT_EQ(value_of(parsed("1").divide(parsed("0.000000000000000001"), 0)).to_string(),
            "1000000000000000000");
  EXPECT_EQ(value_of(parsed("0").divide(parsed("-3"), 2)).to_string(), "0.00");
}

TEST(DecimalArithmeticTest, DivideRoundsCorrectlyWhenTheDividendHasMoreDecimals) {
  // The dividend's scale exceeds the requested one, so digits of the integer quotient are dropped.
  EXPECT_EQ(value_of(parsed("2.500000000000000000").divide(parsed("1"), 0)).to_string(), "3");
  EXPECT_EQ(value_of(parsed("2.499999999999999999").divide(parsed("1"), 0)).to_string(), "2");
  EXPECT_EQ(value_of(parsed("1.500000000000000000").divide(parsed("3"), 0)).to_string(), "1");  // 0.5
  EXPECT_EQ(value_of(parsed("1.499999999999999999").divide(parsed("3"), 0)).to_string(), "0");  // 0.4999...
  EXPECT_EQ(value_of(parsed("1.500000000000000001").divide(parsed("3"), 0)).to_string(), "1");
  EXPECT_EQ(value_of(parsed("-1.500000000000000000").divide(parsed("3"), 0)).to_string(), "-1");
  EXPECT_EQ(
      value_of(parsed("1.500000000000000000").divide(parsed("3"), 0, Rounding::toward_zero)).to_string(),
      "0");
}

TEST(DecimalArithmeticTest, DivideRejectsZeroDivisorAndBadScale) {
  Result<Decimal> by_zero = parsed("-1,41").divide(parsed("0,00"), 2);
  ASSERT_FALSE(by_zero.ok());
  EXPECT_EQ(by_zero.error().code(), ErrorCode::DivisionByZero);
  EXPECT_EQ(by_zero.error().message(Locale::indonesian), "Pembagian -1.41 dengan nol tidak terdefinisi");
  EXPECT_EQ(by_zero.error().message(Locale::english), "Dividing -1.41 by zero is undefined");
  EXPECT_EQ(parsed("1").divide(parsed("3"), 19).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(parsed("1").divide(parsed("3"), -1).error().code(), ErrorCode::NumberOutOfRange);
  EXPECT_EQ(parsed("100000000000000000000000000000").divide(parsed("0.000000000000000001"), 0).error().code(),
            ErrorCode::NumberOutOfRange);
  EXPECT_EQ(parsed("999999999999999999999999999999").divide(parsed("1"), 1).error().code(),
            ErrorCode::NumberOutOfRange);
}

// Achievement percentages from published reports (docs: shared/domain/cases).
struct AchievementCase {
  std::string_view target;
  std::string_view realization;
  bool lower_is_better;  // mirror formula (2T - R) / T x 100, else R / T x 100
  std::string_view published;
};

TEST(DecimalArithmeticTest, ReproducesPublishedAchievements) {
  const std::vector<AchievementCase> cases = {
      {"2", "-1,41", false, "-70,50"},      // negative realization, no cap
      {"2", "3", false, "150,00"},          // monthly counts 1 + 0 + 2 against 2
      {"3", "5", false, "166,67"},          // 1 + 1 + 1 + 2 against 3
      {"81,73", "82,92", false, "101,46"},  // APM SMP/MTs, Tanah Datar 2016
      {"89,95", "91,08", false, "101,26"},  // IPG, Wonogiri 2020
      {"95.56", "93", false, "97,32"},      // web app, decimal point
      {"32", "4,88", true, "184,75"},       // AKB, Lampung 2015
      {"24", "4,88", true, "179,67"},
      {"0,35", "0,43", true, "77,14"},  // API malaria
      {"49", "56,23", true, "85,24"},   // DBD
      {"0,025", "0,0189", true, "124,40"},
      {"0,49", "0,01", true, "197,96"},  // the report printed 198,58 from an unrounded value
  };
  const Decimal hundred = Decimal::from_int64(100);
  for (const AchievementCase& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.realization) + " against " + std::string(test_case.target));
    const Decimal target = parsed(test_case.target);
    const Decimal realization = parsed(test_case.realization);
    Decimal numerator = realization;
    if (test_case.lower_is_better) {
      numerator =
          value_of(value_of(target.checked_multiply(Decimal::from_int64(2))).checked_subtract(realization));
    }
    const Decimal achievement = value_of(value_of(numerator.checked_multiply(hundred)).divide(target, 2));
    EXPECT_EQ(achievement.format(Locale::indonesian, 2), test_case.published);
  }
}

TEST(DecimalArithmeticTest, NegativeAchievementIsExactlyMinusSeventyPointFive) {
  const Decimal realization = parsed("-1,41");
  const Decimal target = parsed("2");
  const Decimal ratio = value_of(realization.divide(target, 4));
  EXPECT_EQ(ratio, Decimal(-705, 3));
  const Decimal percent = value_of(ratio.checked_multiply(Decimal::from_int64(100)));
  EXPECT_EQ(percent, Decimal(-705, 1));
  EXPECT_EQ(value_of(value_of(realization.checked_multiply(Decimal::from_int64(100))).divide(target, 2)),
            Decimal(-7050, 2));
  EXPECT_EQ(percent.format(Locale::indonesian, 2), "-70,50");
}

TEST(DecimalArithmeticTest, ThreeHalvesIsOneHundredFiftyPercent) {
  const Decimal achievement = value_of(
      value_of(Decimal::from_int64(3).checked_multiply(Decimal::from_int64(100))).divide(parsed("2"), 2));
  EXPECT_EQ(achievement.to_string(), "150.00");
  EXPECT_EQ(achievement, Decimal::from_int64(150));
}

}  // namespace
}  // namespace sinergi
