#include "platform/tabular/xlsx_values.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/input_text.h"
#include "platform/tabular/internal.h"

namespace sinergi::tabular::detail {
namespace {

// Integers beyond this many digits exceed any double (Excel's maximum is about 1.8E+308).
constexpr std::size_t kMaxIntegerDigits = 309;
// Exponents are saturated here while parsing: beyond it nothing fits anyway.
constexpr long kExponentCap = 100'000;
constexpr long long kSecondsPerDay = 86'400;

int hex_value(char character) {
  if (character >= '0' && character <= '9') {
    return character - '0';
  }
  if (character >= 'a' && character <= 'f') {
    return character - 'a' + 10;
  }
  if (character >= 'A' && character <= 'F') {
    return character - 'A' + 10;
  }
  return -1;
}

// The code unit of an "_xHHHH_" escape at the start of `text`, if it is one.
std::optional<char32_t> escape_at(std::string_view text) {
  constexpr std::size_t kLength = 7;
  if (text.size() < kLength || text[0] != '_' || text[1] != 'x' || text[6] != '_') {
    return std::nullopt;
  }
  char32_t unit = 0;
  for (std::size_t index = 2; index < 6; ++index) {
    const int digit = hex_value(text[index]);
    if (digit < 0) {
      return std::nullopt;
    }
    unit = unit * 16 + static_cast<char32_t>(digit);
  }
  return unit;
}

std::string two_digits(long long value) {
  std::string text = std::to_string(value);
  return text.size() < 2 ? "0" + text : text;
}

std::string time_of_day(long long seconds) {
  return two_digits(seconds / 3600) + ":" + two_digits(seconds / 60 % 60) + ":" + two_digits(seconds % 60);
}

}  // namespace

std::optional<CellPosition> parse_cell_reference(std::string_view reference) {
  std::size_t offset = 0;
  std::size_t column = 0;
  while (offset < reference.size() && offset < 3) {
    char letter = reference[offset];
    if (letter >= 'a' && letter <= 'z') {
      letter = static_cast<char>(letter - 'a' + 'A');
    }
    if (letter < 'A' || letter > 'Z') {
      break;
    }
    column = column * 26 + static_cast<std::size_t>(letter - 'A' + 1);
    ++offset;
  }
  if (offset == 0 || column > kExcelMaxColumns) {
    return std::nullopt;
  }
  const std::optional<std::size_t> row = parse_row_number(reference.substr(offset));
  if (!row) {
    return std::nullopt;
  }
  return CellPosition{column - 1, *row};
}

std::optional<std::size_t> parse_row_number(std::string_view text) {
  if (text.empty() || text.size() > 7 || text.front() == '0') {
    return std::nullopt;
  }
  std::size_t row = 0;
  for (char character : text) {
    if (!is_ascii_digit(character)) {
      return std::nullopt;
    }
    row = row * 10 + static_cast<std::size_t>(character - '0');
  }
  if (row > kExcelMaxRows) {
    return std::nullopt;
  }
  return row;
}

std::string column_name(std::size_t column) {
  std::string name;
  std::size_t number = column + 1;
  while (number > 0) {
    const std::size_t remainder = (number - 1) % 26;
    name.insert(name.begin(), static_cast<char>('A' + remainder));
    number = (number - 1) / 26;
  }
  return name;
}

std::optional<NumberText> format_number(std::string_view value) {
  value = trim_ascii_whitespace(value);
  std::size_t offset = 0;
  bool negative = false;
  if (offset < value.size() && (value[offset] == '-' || value[offset] == '+')) {
    negative = value[offset] == '-';
    ++offset;
  }
  std::string digits;
  while (offset < value.size() && is_ascii_digit(value[offset])) {
    digits += value[offset++];
  }
  long fraction_digits = 0;
  if (offset < value.size() && value[offset] == '.') {
    ++offset;
    while (offset < value.size() && is_ascii_digit(value[offset])) {
      digits += value[offset++];
      ++fraction_digits;
    }
  }
  if (digits.empty()) {
    return std::nullopt;
  }
  long exponent = 0;
  if (offset < value.size() && (value[offset] == 'e' || value[offset] == 'E')) {
    ++offset;
    bool negative_exponent = false;
    if (offset < value.size() && (value[offset] == '-' || value[offset] == '+')) {
      negative_exponent = value[offset] == '-';
      ++offset;
    }
    if (offset == value.size()) {
      return std::nullopt;
    }
    while (offset < value.size() && is_ascii_digit(value[offset])) {
      exponent = std::min(kExponentCap, exponent * 10 + (value[offset++] - '0'));
    }
    if (negative_exponent) {
      exponent = -exponent;
    }
  }
  if (offset != value.size()) {
    return std::nullopt;
  }

  // value = digits x 10^scale
  const std::size_t first_significant = digits.find_first_not_of('0');
  if (first_significant == std::string::npos) {
    return NumberText{"0", false};
  }
  digits.erase(0, first_significant);
  const std::size_t last_significant = digits.find_last_not_of('0');
  const auto trailing_zeros = static_cast<long>(digits.size() - last_significant - 1);
  digits.erase(last_significant + 1);
  const long scale = exponent - fraction_digits + trailing_zeros;

  if (scale >= 0) {
    const std::size_t length = digits.size() + static_cast<std::size_t>(scale);
    if (length > kMaxIntegerDigits) {
      return std::nullopt;
    }
    std::string text = negative ? "-" : "";
    text += digits;
    text.append(static_cast<std::size_t>(scale), '0');
    return NumberText{std::move(text), length > 15};
  }

  // Not integral: the shortest text of the nearest double.
  std::string_view unsigned_text = value;
  if (unsigned_text.front() == '+') {
    unsigned_text.remove_prefix(1);
  }
  double number = 0;
  const auto [end, parse_error] =
      std::from_chars(unsigned_text.data(), unsigned_text.data() + unsigned_text.size(), number);
  if (parse_error != std::errc() || end != unsigned_text.data() + unsigned_text.size()) {
    return std::nullopt;
  }
  std::array<char, 64> buffer{};
  const auto [out_end, print_error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  if (print_error != std::errc()) {
    return std::nullopt;
  }
  return NumberText{std::string(buffer.data(), out_end), std::fabs(number) >= 1e15};
}

std::optional<std::string> format_excel_date(double serial, bool date1904) {
  // 2958466 is 10000-01-01 in the 1900 system; the year check below catches the rest.
  if (!(serial >= 0) || serial >= 2'958'466) {
    return std::nullopt;
  }
  const double whole = std::floor(serial);
  auto day_count = static_cast<long long>(whole);
  long long seconds = std::llround((serial - whole) * static_cast<double>(kSecondsPerDay));
  if (seconds >= kSecondsPerDay) {
    ++day_count;
    seconds -= kSecondsPerDay;
  }
  if (serial < 1 && day_count == 0) {
    return time_of_day(seconds);
  }

  using std::chrono::days;
  using std::chrono::sys_days;
  using std::chrono::year;
  using std::chrono::year_month_day;
  std::string date;
  if (!date1904 && day_count == 60) {
    date = "1900-02-29";  // does not exist, but Excel shows it (Lotus 1-2-3 compatibility)
  } else {
    sys_days base = date1904 ? sys_days{year{1904} / 1 / 1} : sys_days{year{1899} / 12 / 30};
    if (!date1904 && day_count < 60) {
      base = sys_days{year{1899} / 12 / 31};
    }
    const year_month_day day{base + days{day_count}};
    const int year_number = static_cast<int>(day.year());
    if (year_number > 9999) {
      return std::nullopt;
    }
    std::array<char, 16> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", year_number,
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    date = buffer.data();
  }
  if (seconds == 0) {
    return date;
  }
  return date + " " + time_of_day(seconds);
}

bool is_builtin_date_format(std::size_t id) {
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

bool is_date_format_code(std::string_view code) {
  bool quoted = false;
  for (std::size_t index = 0; index < code.size(); ++index) {
    const char character = code[index];
    if (quoted) {
      quoted = character != '"';
      continue;
    }
    switch (character) {
      case '"':
        quoted = true;
        break;
      case '[': {
        const std::size_t close = code.find(']', index);
        index = close == std::string_view::npos ? code.size() : close;
        break;
      }
      case '\\':
      case '_':
      case '*':
        ++index;
        break;
      case 'd':
      case 'D':
      case 'm':
      case 'M':
      case 'y':
      case 'Y':
      case 'h':
      case 'H':
      case 's':
      case 'S':
        return true;
      default:
        break;
    }
  }
  return false;
}

std::string decode_ooxml_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out;
  out.reserve(text.size());
  std::size_t offset = 0;
  while (offset < text.size()) {
    const std::optional<char32_t> unit = escape_at(text.substr(offset));
    if (!unit) {
      out += text[offset++];
      continue;
    }
    offset += 7;
    char32_t code_point = *unit;
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      const std::optional<char32_t> low = escape_at(text.substr(offset));
      if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
        offset += 7;
      }
    }
    append_utf8(out, code_point);
  }
  return out;
}

}  // namespace sinergi::tabular::detail
