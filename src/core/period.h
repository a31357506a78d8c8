#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace sinergi {

enum class Granularity : std::uint8_t { year, quarter, month };

// A reporting period: a calendar year, one of its quarters (triwulan) or one of its months,
// for years kFirstYear..kLastYear. Built only through the factories, so an invalid period
// never exists; every failure is ErrorCode::InvalidPeriod quoting the input.
class Period {
 public:
  static constexpr int kFirstYear = 1900;
  static constexpr int kLastYear = 2200;

  static Result<Period> year(int calendar_year);
  // quarter_number 1..4.
  static Result<Period> quarter(int calendar_year, int quarter_number);
  // month_number 1..12.
  static Result<Period> month(int calendar_year, int month_number);

  // Accepts, after trimming ASCII whitespace:
  //   "2025"                                   a year (exactly four digits)
  //   "2025-Q3", "2025-T3", "2025-TW3"         a quarter (Q: quarter, T/TW: triwulan;
  //                                            letters in any case, one digit 1-4)
  //   "2025-07"                                a month (exactly two digits, 01-12)
  static Result<Period> parse(std::string_view text);

  // The quarter (1-4) containing `month_number`; 0 when month_number is not 1..12.
  static constexpr int quarter_of_month(int month_number) {
    return month_number >= 1 && month_number <= 12 ? (month_number - 1) / 3 + 1 : 0;
  }

  Granularity granularity() const { return granularity_; }
  int calendar_year() const { return year_; }
  // 1-4 for a quarter and for a month (the quarter containing it); 0 for a year.
  int quarter_number() const;
  // 1-12 for a month; 0 for a year or a quarter.
  int month_number() const { return granularity_ == Granularity::month ? number_ : 0; }

  // True when every day of `other` lies within this period; a period contains itself:
  // 2025 contains 2025-Q3, which contains 2025-08; 2025-Q3 does not contain 2025-10.
  bool contains(const Period& other) const;
  std::chrono::year_month_day first_day() const;
  std::chrono::year_month_day last_day() const;

  // The form parse() reads: "2025", "2025-Q3", "2025-07".
  std::string to_string() const;
  // Text for people: indonesian "Tahun 2025", "Triwulan III 2025", "Juli 2025";
  // english "2025", "Q3 2025", "July 2025".
  std::string label(Locale locale) const;

  bool operator==(const Period&) const = default;
  // Chronological by first day; a longer period sorts before the shorter ones it starts
  // with: 2025 < 2025-Q1 < 2025-01 < 2025-02 < 2025-03 < 2025-Q2 < 2025-04 ... < 2026.
  std::strong_ordering operator<=>(const Period& other) const;

 private:
  Period(int calendar_year, Granularity granularity, int number)
      : year_(static_cast<std::int16_t>(calendar_year)),
        granularity_(granularity),
        number_(static_cast<std::int8_t>(number)) {}

  int first_month() const;
  int last_month() const;

  std::int16_t year_;
  Granularity granularity_;
  std::int8_t number_;  // quarter 1-4, month 1-12, 0 for a year
};

// Writes to_string(), so test failures show the period.
std::ostream& operator<<(std::ostream& stream, const Period& period);

}  // namespace sinergi
