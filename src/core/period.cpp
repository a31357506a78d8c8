#include "core/period.h"

#include <array>
#include <cctype>
#include <ostream>

#include "core/input_text.h"

namespace sinergi {
namespace {

constexpr std::array<std::string_view, 12> kMonthNamesIndonesian = {
    "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
constexpr std::array<std::string_view, 12> kMonthNamesEnglish = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
// Indonesian reports number quarters in Roman numerals: "Triwulan III".
constexpr std::array<std::string_view, 4> kRomanQuarters = {"I", "II", "III", "IV"};

bool valid_year(int calendar_year) {
  return calendar_year >= Period::kFirstYear && calendar_year <= Period::kLastYear;
}

Error invalid_period(std::string_view text) {
  return Error(ErrorCode::InvalidPeriod, {excerpt_for_message(text)});
}

Error invalid_period(int calendar_year, std::string_view separator, int number) {
  return invalid_period(std::to_string(calendar_year) + std::string(separator) + std::to_string(number));
}

// Reads text consisting of digits only; -1 when it has anything else or is empty.
int parse_digits(std::string_view text) {
  if (text.empty()) {
    return -1;
  }
  int value = 0;
  for (char character : text) {
    if (!is_ascii_digit(character)) {
      return -1;
    }
    value = value * 10 + (character - '0');
  }
  return value;
}

std::string two_digits(int value) {
  return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
}

}  // namespace

Result<Period> Period::year(int calendar_year) {
  if (!valid_year(calendar_year)) {
    return invalid_period(std::to_string(calendar_year));
  }
  return Period(calendar_year, Granularity::year, 0);
}

Result<Period> Period::quarter(int calendar_year, int quarter_number) {
  if (!valid_year(calendar_year) || quarter_number < 1 || quarter_number > 4) {
    return invalid_period(calendar_year, "-Q", quarter_number);
  }
  return Period(calendar_year, Granularity::quarter, quarter_number);
}

Result<Period> Period::month(int calendar_year, int month_number) {
  if (!valid_year(calendar_year) || month_number < 1 || month_number > 12) {
    return invalid_period(calendar_year, "-", month_number);
  }
  return Period(calendar_year, Granularity::month, month_number);
}

Result<Period> Period::parse(std::string_view text) {
  const std::string_view trimmed = trim_ascii_whitespace(text);
  const auto invalid = [&] { return invalid_period(trimmed); };
  // Lengths are checked before digits are read, so a long run of digits cannot overflow.
  if (trimmed.size() < 4 || (trimmed.size() > 4 && trimmed[4] != '-')) {
    return invalid();
  }
  const int calendar_year = parse_digits(trimmed.substr(0, 4));
  if (calendar_year < 0 || !valid_year(calendar_year)) {
    return invalid();
  }
  if (trimmed.size() == 4) {
    return Period(calendar_year, Granularity::year, 0);
  }
  std::string_view rest = trimmed.substr(5);
  if (rest.size() == 2 && is_ascii_digit(rest[0])) {
    const int month_number = parse_digits(rest);
    if (month_number < 1 || month_number > 12) {
      return invalid();
    }
    return Period(calendar_year, Granularity::month, month_number);
  }
  std::string lowered;
  for (char character : rest) {
    lowered.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(character))));
  }
  std::string_view marker_and_number = lowered;
  if (marker_and_number.starts_with("tw")) {
    marker_and_number.remove_prefix(2);
  } else if (marker_and_number.starts_with("q") || marker_and_number.starts_with("t")) {
    marker_and_number.remove_prefix(1);
  } else {
    return invalid();
  }
  if (marker_and_number.size() != 1) {
    return invalid();
  }
  const int quarter_number = parse_digits(marker_and_number);
  if (quarter_number < 1 || quarter_number > 4) {
    return invalid();
  }
  return Period(calendar_year, Granularity::quarter, quarter_number);
}

int Period::quarter_number() const {
  switch (granularity_) {
    case Granularity::year:
      return 0;
    case Granularity::quarter:
      return number_;
    case Granularity::month:
      return quarter_of_month(number_);
  }
  return 0;
}

int Period::first_month() const {
  switch (granularity_) {
    case Granularity::year:
      return 1;
    case Granularity::quarter:
      return number_ * 3 - 2;
    case Granularity::month:
      return number_;
  }
  return 1;
}

int Period::last_month() const {
  switch (granularity_) {
    case Granularity::year:
      return 12;
    case Granularity::quarter:
      return number_ * 3;
    case Granularity::month:
      return number_;
  }
  return 12;
}

bool Period::contains(const Period& other) const {
  return year_ == other.year_ && first_month() <= other.first_month() && other.last_month() <= last_month();
}

std::chrono::year_month_day Period::first_day() const {
  return std::chrono::year{year_} / std::chrono::month{static_cast<unsigned>(first_month())} /
         std::chrono::day{1};
}

std::chrono::year_month_day Period::last_day() const {
  return std::chrono::year_month_day{
      std::chrono::year{year_} / std::chrono::month{static_cast<unsigned>(last_month())} / std::chrono::last};
}

std::string Period::to_string() const {
  std::string text = std::to_string(year_);
  switch (granularity_) {
    case Granularity::year:
      break;
    case Granularity::quarter:
      text += "-Q" + std::to_string(number_);
      break;
    case Granularity::month:
      text += "-" + two_digits(number_);
      break;
  }
  return text;
}

std::string Period::label(Locale locale) const {
  std::string year_text = std::to_string(year_);
  const bool indonesian = locale == Locale::indonesian;
  switch (granularity_) {
    case Granularity::year:
      return indonesian ? "Tahun " + year_text : year_text;
    case Granularity::quarter:
      return indonesian
                 ? "Triwulan " + std::string(kRomanQuarters.at(static_cast<std::size_t>(number_ - 1))) + " " +
                       year_text
                 : "Q" + std::to_string(number_) + " " + year_text;
    case Granularity::month: {
      const auto& names = indonesian ? kMonthNamesIndonesian : kMonthNamesEnglish;
      return std::string(names.at(static_cast<std::size_t>(number_ - 1))) + " " + year_text;
    }
  }
  return year_text;
}

std::strong_ordering Period::operator<=>(const Period& other) const {
  if (const auto by_year = year_ <=> other.year_; std::is_neq(by_year)) {
    return by_year;
  }
  if (const auto by_start = first_month() <=> other.first_month(); std::is_neq(by_start)) {
    return by_start;
  }
  // Same first day: the longer period first (year < quarter < month).
  return granularity_ <=> other.granularity_;
}

std::ostream& operator<<(std::ostream& stream, const Period& period) {
  return stream << period.to_string();
}

}  // namespace sinergi
