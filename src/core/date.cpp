#include "core/date.h"

#include <cstddef>

#include "core/input_text.h"

namespace sinergi {
namespace {

// The value of `digits` when it is 1..4 ASCII digits, otherwise -1.
int small_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 4) {
    return -1;
  }
  int value = 0;
  for (char digit : digits) {
    if (!is_ascii_digit(digit)) {
      return -1;
    }
    value = value * 10 + (digit - '0');
  }
  return value;
}

// "HH:MM", "HH:MM:SS" or "HH:MM:SS.fff" with a real time of day.
bool is_time_of_day(std::string_view text) {
  if (text.size() < 5 || text[2] != ':') {
    return false;
  }
  const int hour = small_number(text.substr(0, 2));
  const int minute = small_number(text.substr(3, 2));
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
    return false;
  }
  if (text.size() == 5) {
    return true;
  }
  if (text.size() < 8 || text[5] != ':') {
    return false;
  }
  const int second = small_number(text.substr(6, 2));
  if (second < 0 || second > 59) {
    return false;
  }
  if (text.size() == 8) {
    return true;
  }
  const std::string_view fraction = text.substr(9);
  if (text[8] != '.' || fraction.empty()) {
    return false;
  }
  for (char digit : fraction) {
    if (!is_ascii_digit(digit)) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Date> make_date(int year, int month, int day) {
  if (year < kFirstDateYear || year > kLastDateYear || month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return Date{date};
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const std::string_view year = text.substr(0, 4);
  const std::string_view month = text.substr(5, 2);
  const std::string_view day = text.substr(8, 2);
  for (std::string_view part : {year, month, day}) {
    for (char digit : part) {
      if (!is_ascii_digit(digit)) {
        return std::nullopt;
      }
    }
  }
  return make_date(small_number(year), small_number(month), small_number(day));
}

std::optional<Date> parse_date_flexible(std::string_view text) {
  text = trim_ascii_whitespace(text);
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    if (text.size() == 10) {
      return parse_iso_date(text);
    }
    if ((text[10] != ' ' && text[10] != 'T') || !is_time_of_day(text.substr(11))) {
      return std::nullopt;
    }
    return parse_iso_date(text.substr(0, 10));
  }
  // Day first: D/M/YYYY or D-M-YYYY with one or two digits for day and month.
  const std::size_t first = text.find_first_of("/-");
  if (first == std::string_view::npos) {
    return std::nullopt;
  }
  const char separator = text[first];
  const std::size_t second = text.find(separator, first + 1);
  if (second == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view day = text.substr(0, first);
  const std::string_view month = text.substr(first + 1, second - first - 1);
  const std::string_view year = text.substr(second + 1);
  if (day.size() > 2 || month.size() > 2 || year.size() != 4) {
    return std::nullopt;
  }
  const int day_number = small_number(day);
  const int month_number = small_number(month);
  const int year_number = small_number(year);
  if (day_number < 0 || month_number < 0 || year_number < 0) {
    return std::nullopt;
  }
  return make_date(year_number, month_number, day_number);
}

std::string format_iso_date(Date date) {
  const std::chrono::year_month_day calendar{date};
  const int year = static_cast<int>(calendar.year());
  const auto month = static_cast<unsigned>(calendar.month());
  const auto day = static_cast<unsigned>(calendar.day());
  std::string text;
  if (year < 0) {
    text += '-';
  }
  std::string year_digits = std::to_string(year < 0 ? -year : year);
  if (year_digits.size() < 4) {
    text.append(4 - year_digits.size(), '0');
  }
  text += year_digits;
  text += '-';
  text += static_cast<char>('0' + month / 10);
  text += static_cast<char>('0' + month % 10);
  text += '-';
  text += static_cast<char>('0' + day / 10);
  text += static_cast<char>('0' + day % 10);
  return text;
}

bool is_weekend(Date date) {
  const std::chrono::weekday weekday{date};
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

int days_between(Date from, Date to) {
  return static_cast<int>((to - from).count());
}

Date local_date(std::chrono::system_clock::time_point time, std::chrono::minutes utc_offset) {
  return std::chrono::floor<std::chrono::days>(time + utc_offset);
}

int year_of(Date date) {
  return static_cast<int>(std::chrono::year_month_day{date}.year());
}

unsigned month_of(Date date) {
  return static_cast<unsigned>(std::chrono::year_month_day{date}.month());
}

}  // namespace sinergi
