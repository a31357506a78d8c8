#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// Calendar dates without a time of day: tenures, attendance days, deadlines. A Date is a
// count of days since 1970-01-01, so comparisons and differences are plain arithmetic.

namespace sinergi {

using Date = std::chrono::sys_days;

// The years the parsers accept (the same range as Period).
inline constexpr int kFirstDateYear = 1900;
inline constexpr int kLastDateYear = 2200;

// Offsets of Indonesia's three time zones from UTC.
inline constexpr std::chrono::minutes kOffsetWib{7 * 60};   // Western Indonesia (Jakarta)
inline constexpr std::chrono::minutes kOffsetWita{8 * 60};  // Central (Kalimantan Timur, Bali)
inline constexpr std::chrono::minutes kOffsetWit{9 * 60};   // Eastern (Papua, Maluku)

// The date, or nullopt when year/month/day is not a real date or the year is outside
// kFirstDateYear..kLastDateYear.
std::optional<Date> make_date(int year, int month, int day);

// Exactly "YYYY-MM-DD" (no whitespace, two-digit month and day), a real date with the year
// in kFirstDateYear..kLastDateYear: "2024-02-29" yes, "2025-02-29" and "2025-3-1" no.
std::optional<Date> parse_iso_date(std::string_view text);

// Dates as spreadsheets and attendance machines export them, surrounding ASCII whitespace
// trimmed:
//   "2025-03-14"                          ISO
//   "2025-03-14 07:30:00", "2025-03-14 07:30", "2025-03-14T07:30:00.000"
//                                         ISO with a time of day (checked, then ignored)
//   "14/03/2025", "14-03-2025", "4/3/2025", "4-3-2025"
//                                         day first (the Indonesian order), one or two
//                                         digits for day and month, four for the year, the
//                                         same separator twice
// Never month-first: "03/14/2025" is rejected because there is no month 14.
std::optional<Date> parse_date_flexible(std::string_view text);

// "2025-03-14".
std::string format_iso_date(Date date);

// Saturday or Sunday.
bool is_weekend(Date date);

// to - from in days: days_between(2025-03-01, 2025-03-03) == 2.
int days_between(Date from, Date to);

// The calendar date at `time` in a zone `utc_offset` ahead of UTC, e.g.
// local_date(now, kOffsetWita) for East Kalimantan.
Date local_date(std::chrono::system_clock::time_point time, std::chrono::minutes utc_offset);

int year_of(Date date);
// 1..12.
unsigned month_of(Date date);

}  // namespace sinergi
