#include "core/period.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace sinergi {
namespace {

using std::chrono::year_month_day;
using namespace std::chrono_literals;

Period parsed(std::string_view text) {
  Result<Period> result = Period::parse(text);
  EXPECT_TRUE(result.ok()) << "'" << text
                           << "': " << (result.ok() ? "" : result.error().message(Locale::english));
  return result.ok() ? *result : Period::year(2000).value();
}

struct ParseCase {
  std::string_view text;
  Granularity granularity;
  int calendar_year;
  int quarter_number;
  int month_number;
  std::string_view canonical;
};

TEST(PeriodParseTest, ReadsYearsQuartersAndMonths) {
  const std::vector<ParseCase> cases = {
      {"2025", Granularity::year, 2025, 0, 0, "2025"},
      {"2025-Q3", Granularity::quarter, 2025, 3, 0, "2025-Q3"},
      {"2025-q3", Granularity::quarter, 2025, 3, 0, "2025-Q3"},
      {"2025-T3", Granularity::quarter, 2025, 3, 0, "2025-Q3"},   // triwulan
      {"2025-TW3", Granularity::quarter, 2025, 3, 0, "2025-Q3"},  // TW III
      {"2025-tw1", Granularity::quarter, 2025, 1, 0, "2025-Q1"},
      {"2025-Q4", Granularity::quarter, 2025, 4, 0, "2025-Q4"},
      {"2025-07", Granularity::month, 2025, 3, 7, "2025-07"},
      {"2025-12", Granularity::month, 2025, 4, 12, "2025-12"},
      {"2025-01", Granularity::month, 2025, 1, 1, "2025-01"},
      {" 2024-02\n", Granularity::month, 2024, 1, 2, "2024-02"},
      {"1900", Granularity::year, 1900, 0, 0, "1900"},
      {"2200-Q4", Granularity::quarter, 2200, 4, 0, "2200-Q4"},
  };
  for (const ParseCase& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.text));
    Result<Period> result = Period::parse(test_case.text);
    ASSERT_TRUE(result.ok()) << result.error().message(Locale::english);
    EXPECT_EQ(result->granularity(), test_case.granularity);
    EXPECT_EQ(result->calendar_year(), test_case.calendar_year);
    EXPECT_EQ(result->quarter_number(), test_case.quarter_number);
    EXPECT_EQ(result->month_number(), test_case.month_number);
    EXPECT_EQ(result->to_string(), test_case.canonical);
    EXPECT_EQ(Period::parse(result->to_string()).value(), *result);
  }
}

TEST(PeriodParseTest, RejectsInvalidPeriods) {
  const std::vector<std::string_view> texts = {
      "",        "2025-Q5", "2025-Q0", "2025-13",   "2025-00", "1800",       "1899",
      "2201",    "2025-T0", "2025-T5", "2025-TW",   "2025-Q",  "2025-7",     "2025-Q03",
      "25",      "20255",   "2025-",   "2025Q3",    "2025/07", "2025-07-01", "abcd",
      "2025-X3", "2025-W3", "-2025",   "2025 - Q3", "2025-Ⅲ",  "2025-TW 3",  "99999999999999999999-01"};
  for (std::string_view text : texts) {
    SCOPED_TRACE("'" + std::string(text) + "'");
    Result<Period> result = Period::parse(text);
    ASSERT_FALSE(result.ok()) << "parsed as " << *result;
    EXPECT_EQ(result.error().code(), ErrorCode::InvalidPeriod);
  }
}

TEST(PeriodParseTest, ErrorQuotesTheText) {
  Result<Period> result = Period::parse("2025-Q5");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message(Locale::indonesian),
            "'2025-Q5' bukan periode yang sah (contoh: 2025, 2025-T3, 2025-07)");
}

TEST(PeriodTest, FactoriesValidate) {
  EXPECT_EQ(Period::year(2025)->to_string(), "2025");
  EXPECT_EQ(Period::quarter(2025, 3)->to_string(), "2025-Q3");
  EXPECT_EQ(Period::month(2025, 7)->to_string(), "2025-07");
  EXPECT_EQ(Period::year(1899).error().code(), ErrorCode::InvalidPeriod);
  EXPECT_EQ(Period::year(2201).error().code(), ErrorCode::InvalidPeriod);
  EXPECT_EQ(Period::quarter(2025, 5).error().code(), ErrorCode::InvalidPeriod);
  EXPECT_EQ(Period::quarter(2025, 0).error().code(), ErrorCode::InvalidPeriod);
  EXPECT_EQ(Period::month(2025, 13).error().code(), ErrorCode::InvalidPeriod);
  EXPECT_EQ(Period::month(2025, 0).error().code(), ErrorCode::InvalidPeriod);
  EXPECT_EQ(Period::quarter(2025, 5).error().arguments()[0], "2025-Q5");
  EXPECT_EQ(Period::month(2025, 13).error().arguments()[0], "2025-13");
}

TEST(PeriodTest, QuarterOfMonth) {
  const std::vector<std::pair<int, int>> month_to_quarter = {{1, 1},  {2, 1},  {3, 1}, {4, 2},  {5, 2},
                                                             {6, 2},  {7, 3},  {8, 3}, {9, 3},  {10, 4},
                                                             {11, 4}, {12, 4}, {0, 0}, {13, 0}, {-1, 0}};
  for (const auto& [month, quarter] : month_to_quarter) {
    EXPECT_EQ(Period::quarter_of_month(month), quarter) << "month " << month;
  }
  static_assert(Period::quarter_of_month(8) == 3);
}

struct LabelCase {
  std::string_view period;
  std::string_view indonesian;
  std::string_view english;
};

TEST(PeriodTest, LabelsInBothLocales) {
  const std::vector<LabelCase> cases = {
      {"2025", "Tahun 2025", "2025"},
      {"2025-Q1", "Triwulan I 2025", "Q1 2025"},
      {"2025-Q2", "Triwulan II 2025", "Q2 2025"},
      {"2025-Q3", "Triwulan III 2025", "Q3 2025"},
      {"2025-Q4", "Triwulan IV 2025", "Q4 2025"},
      {"2025-01", "Januari 2025", "January 2025"},
      {"2025-02", "Februari 2025", "February 2025"},
      {"2025-03", "Maret 2025", "March 2025"},
      {"2025-05", "Mei 2025", "May 2025"},
      {"2025-07", "Juli 2025", "July 2025"},
      {"2025-08", "Agustus 2025", "August 2025"},
      {"2025-10", "Oktober 2025", "October 2025"},
      {"2025-12", "Desember 2025", "December 2025"},
  };
  for (const LabelCase& test_case : cases) {
    const Period period = parsed(test_case.period);
    EXPECT_EQ(period.label(Locale::indonesian), test_case.indonesian);
    EXPECT_EQ(period.label(Locale::english), test_case.english);
  }
}

TEST(PeriodTest, ContainsNestedPeriods) {
  const Period year = parsed("2025");
  const Period third_quarter = parsed("2025-Q3");
  const Period august = parsed("2025-08");
  EXPECT_TRUE(year.contains(third_quarter));
  EXPECT_TRUE(third_quarter.contains(august));
  EXPECT_TRUE(year.contains(august));
  EXPECT_TRUE(year.contains(year));
  EXPECT_TRUE(august.contains(august));
  EXPECT_TRUE(parsed("2025-Q3").contains(parsed("2025-07")));
  EXPECT_TRUE(parsed("2025-Q3").contains(parsed("2025-09")));
  EXPECT_FALSE(third_quarter.contains(year));
  EXPECT_FALSE(august.contains(third_quarter));
  EXPECT_FALSE(third_quarter.contains(parsed("2025-10")));
  EXPECT_FALSE(third_quarter.contains(parsed("2025-06")));
  EXPECT_FALSE(year.contains(parsed("2024-08")));
  EXPECT_FALSE(parsed("2024").contains(august));
  EXPECT_FALSE(parsed("2025-Q2").contains(third_quarter));
}

TEST(PeriodTest, FirstAndLastDay) {
  EXPECT_EQ(parsed("2025").first_day(), year_month_day{2025y / 1 / 1});
  EXPECT_EQ(parsed("2025").last_day(), year_month_day{2025y / 12 / 31});
  EXPECT_EQ(parsed("2025-Q3").first_day(), year_month_day{2025y / 7 / 1});
  EXPECT_EQ(parsed("2025-Q3").last_day(), year_month_day{2025y / 9 / 30});
  EXPECT_EQ(parsed("2025-Q1").last_day(), year_month_day{2025y / 3 / 31});
  EXPECT_EQ(parsed("2024-02").last_day(), year_month_day{2024y / 2 / 29});  // leap year
  EXPECT_EQ(parsed("2025-02").last_day(), year_month_day{2025y / 2 / 28});
  EXPECT_EQ(parsed("1900-02").last_day(), year_month_day{1900y / 2 / 28});  // not a leap year
  EXPECT_EQ(parsed("2000-02").last_day(), year_month_day{2000y / 2 / 29});
  EXPECT_EQ(parsed("2025-08").first_day(), year_month_day{2025y / 8 / 1});
  EXPECT_EQ(parsed("2025-08").last_day(), year_month_day{2025y / 8 / 31});
}

TEST(PeriodTest, OrdersChronologicallyLongerFirst) {
  std::vector<Period> periods = {parsed("2026"),    parsed("2025-04"), parsed("2025-Q2"), parsed("2025-03"),
                                 parsed("2025-Q1"), parsed("2025"),    parsed("2025-01"), parsed("2024-12")};
  std::sort(periods.begin(), periods.end());
  std::vector<std::string> texts;
  texts.reserve(periods.size());
  for (const Period& period : periods) {
    texts.push_back(period.to_string());
  }
  EXPECT_EQ(texts, (std::vector<std::string>{"2024-12", "2025", "2025-Q1", "2025-01", "2025-03", "2025-Q2",
                                             "2025-04", "2026"}));
  EXPECT_EQ(parsed("2025-T3"), parsed("2025-Q3"));
  EXPECT_NE(parsed("2025-Q3"), parsed("2025-07"));
  EXPECT_LT(parsed("2025-Q3"), parsed("2025-07"));
}

TEST(PeriodTest, StreamsItsText) {
  std::ostringstream stream;
  stream << parsed("2025-TW3");
  EXPECT_EQ(stream.str(), "2025-Q3");
}

}  // namespace
}  // namespace sinergi
