#include "core/date.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sinergi {
namespace {

using namespace std::chrono_literals;

Date ymd(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year} / std::chrono::month{month} / std::chrono::day{day}};
}

TEST(MakeDateTest, AcceptsRealDatesInRange) {
  EXPECT_EQ(make_date(2024, 2, 29), ymd(2024, 2, 29));
  EXPECT_EQ(make_date(1900, 1, 1), ymd(1900, 1, 1));
  EXPECT_EQ(make_date(2200, 12, 31), ymd(2200, 12, 31));
  EXPECT_FALSE(make_date(2025, 2, 29));
  EXPECT_FALSE(make_date(1900, 2, 29));  // 1900 is not a leap year
  EXPECT_EQ(make_date(2000, 2, 29), ymd(2000, 2, 29));
  EXPECT_FALSE(make_date(2025, 4, 31));
  EXPECT_FALSE(make_date(2025, 0, 1));
  EXPECT_FALSE(make_date(2025, 13, 1));
  EXPECT_FALSE(make_date(2025, 1, 0));
  EXPECT_FALSE(make_date(2025, 1, 32));
  EXPECT_FALSE(make_date(1899, 12, 31));
  EXPECT_FALSE(make_date(2201, 1, 1));
  EXPECT_FALSE(make_date(2025, -1, 1));
}

struct DateCase {
  std::string_view text;
  std::optional<Date> expected;
};

class ParseIsoDateTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ParseIsoDateTest, IsStrict) {
  EXPECT_EQ(parse_iso_date(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseIsoDateTest,
    ::testing::Values(DateCase{"2024-02-29", ymd(2024, 2, 29)}, DateCase{"2025-03-14", ymd(2025, 3, 14)},
                      DateCase{"1900-01-01", ymd(1900, 1, 1)}, DateCase{"2200-12-31", ymd(2200, 12, 31)},
                      DateCase{"2025-02-29", std::nullopt}, DateCase{"2025-04-31", std::nullopt},
                      DateCase{"2025-13-01", std::nullopt}, DateCase{"2025-00-10", std::nullopt},
                      DateCase{"2025-01-00", std::nullopt}, DateCase{"1899-12-31", std::nullopt},
                      DateCase{"2201-01-01", std::nullopt}, DateCase{"2025-3-14", std::nullopt},
                      DateCase{"2025-03-4", std::nullopt}, DateCase{" 2025-03-14", std::nullopt},
                      DateCase{"2025-03-14 ", std::nullopt}, DateCase{"2025/03/14", std::nullopt},
                      DateCase{"14-03-2025", std::nullopt}, DateCase{"2025-03-14 07:00:00", std::nullopt},
                      DateCase{"+025-03-14", std::nullopt}, DateCase{"2025-0a-14", std::nullopt},
                      DateCase{"", std::nullopt}, DateCase{"20250314", std::nullopt}));

class ParseDateFlexibleTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(ParseDateFlexibleTest, ReadsSpreadsheetForms) {
  EXPECT_EQ(parse_date_flexible(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseDateFlexibleTest,
    ::testing::Values(
        DateCase{"2025-03-14", ymd(2025, 3, 14)}, DateCase{"  2025-03-14\t", ymd(2025, 3, 14)},
        DateCase{"2025-03-14 07:30:00", ymd(2025, 3, 14)}, DateCase{"2025-03-14 00:00:00", ymd(2025, 3, 14)},
        DateCase{"2025-03-14 23:59:59", ymd(2025, 3, 14)}, DateCase{"2025-03-14 07:30", ymd(2025, 3, 14)},
        DateCase{"2025-03-14T07:30:00", ymd(2025, 3, 14)},
        DateCase{"2025-03-14 07:30:00.000", ymd(2025, 3, 14)}, DateCase{"14/03/2025", ymd(2025, 3, 14)},
        DateCase{"14-03-2025", ymd(2025, 3, 14)}, DateCase{"4/3/2025", ymd(2025, 3, 4)},
        DateCase{"04/3/2025", ymd(2025, 3, 4)}, DateCase{"4-3-2025", ymd(2025, 3, 4)},
        DateCase{" 29/02/2024 ", ymd(2024, 2, 29)}, DateCase{"29/02/2025", std::nullopt},
        DateCase{"2025-02-29", std::nullopt}, DateCase{"03/14/2025", std::nullopt},
        DateCase{"14/03/25", std::nullopt}, DateCase{"14/03-2025", std::nullopt},
        DateCase{"14.03.2025", std::nullopt}, DateCase{"140/3/2025", std::nullopt},
        DateCase{"/3/2025", std::nullopt}, DateCase{"14//2025", std::nullopt},
        DateCase{"14/03/2025 07:00", std::nullopt}, DateCase{"2025-03-14 24:00:00", std::nullopt},
        DateCase{"2025-03-14 07:60", std::nullopt}, DateCase{"2025-03-14 7:30", std::nullopt},
        DateCase{"2025-03-14 07:30:00.", std::nullopt}, DateCase{"2025-03-14x", std::nullopt},
        DateCase{"2025-03-14  07:30", std::nullopt}, DateCase{"Maret 2025", std::nullopt},
        DateCase{"", std::nullopt}, DateCase{"   ", std::nullopt}, DateCase{"1/1/1899", std::nullopt}));

TEST(FormatIsoDateTest, PadsMonthAndDay) {
  EXPECT_EQ(format_iso_date(ymd(2025, 3, 4)), "2025-03-04");
  EXPECT_EQ(format_iso_date(ymd(2024, 12, 31)), "2024-12-31");
  EXPECT_EQ(format_iso_date(ymd(1900, 1, 1)), "1900-01-01");
  EXPECT_EQ(format_iso_date(ymd(999, 1, 1)), "0999-01-01");
}

TEST(FormatIsoDateTest, RoundTripsWithTheParser) {
  for (Date day = ymd(2023, 12, 25); day <= ymd(2024, 3, 5); day += std::chrono::days{1}) {
    EXPECT_EQ(parse_iso_date(format_iso_date(day)), day);
  }
}

TEST(IsWeekendTest, SaturdayAndSundayOnly) {
  EXPECT_FALSE(is_weekend(ymd(2025, 3, 3)));  // Monday
  EXPECT_FALSE(is_weekend(ymd(2025, 3, 7)));  // Friday
  EXPECT_TRUE(is_weekend(ymd(2025, 3, 8)));   // Saturday
  EXPECT_TRUE(is_weekend(ymd(2025, 3, 9)));   // Sunday
  EXPECT_FALSE(is_weekend(ymd(2025, 3, 10)));
}

TEST(DaysBetweenTest, IsToMinusFrom) {
  EXPECT_EQ(days_between(ymd(2025, 3, 1), ymd(2025, 3, 3)), 2);
  EXPECT_EQ(days_between(ymd(2025, 3, 3), ymd(2025, 3, 1)), -2);
  EXPECT_EQ(days_between(ymd(2025, 3, 1), ymd(2025, 3, 1)), 0);
  EXPECT_EQ(days_between(ymd(2024, 1, 1), ymd(2025, 1, 1)), 366);
  EXPECT_EQ(days_between(ymd(2024, 2, 28), ymd(2024, 3, 1)), 2);
}

TEST(LocalDateTest, ShiftsByTheOffset) {
  // 2025-03-14T17:00:00Z is 2025-03-15 01:00 in WITA, 00:00 in WIB, 02:00 in WIT.
  const auto evening = std::chrono::sys_days{ymd(2025, 3, 14)} + 17h;
  EXPECT_EQ(local_date(evening, std::chrono::minutes{0}), ymd(2025, 3, 14));
  EXPECT_EQ(local_date(evening, kOffsetWita), ymd(2025, 3, 15));
  EXPECT_EQ(local_date(evening, kOffsetWib), ymd(2025, 3, 15));
  EXPECT_EQ(local_date(evening - 1s, kOffsetWib), ymd(2025, 3, 14));
  EXPECT_EQ(local_date(evening, kOffsetWit), ymd(2025, 3, 15));
  EXPECT_EQ(local_date(evening, -std::chrono::minutes{5 * 60}), ymd(2025, 3, 14));
  // Before the epoch the day is still the floor, not a truncation toward zero.
  const auto before_epoch = std::chrono::sys_days{ymd(1969, 12, 31)} + 23h + 30min;
  EXPECT_EQ(local_date(before_epoch, std::chrono::minutes{0}), ymd(1969, 12, 31));
  EXPECT_EQ(local_date(before_epoch, kOffsetWita), ymd(1970, 1, 1));
  const auto early_morning = std::chrono::sys_days{ymd(2025, 1, 1)} + 30min;
  EXPECT_EQ(local_date(early_morning, -std::chrono::minutes{60}), ymd(2024, 12, 31));
}

TEST(YearAndMonthTest, ReadTheCalendar) {
  EXPECT_EQ(year_of(ymd(2025, 3, 14)), 2025);
  EXPECT_EQ(month_of(ymd(2025, 3, 14)), 3U);
  EXPECT_EQ(year_of(ymd(2024, 12, 31)), 2024);
  EXPECT_EQ(month_of(ymd(2024, 12, 31)), 12U);
}

}  // namespace
}  // namespace sinergi
