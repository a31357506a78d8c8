#pragma once

// How the cells of an XLSX worksheet become text: cell references, numbers, dates and the
// _xHHHH_ escapes of OOXML strings. Pure functions, tested on their own.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sinergi::tabular::detail {

inline constexpr std::size_t kExcelMaxRows = 1'048'576;
inline constexpr std::size_t kExcelMaxColumns = 16'384;  // A..XFD

struct CellPosition {
  std::size_t column = 0;  // 0-based: A is 0
  std::size_t row = 0;     // 1-based
};

// "C7" -> {2, 7}. Columns A..XFD, rows 1..1,048,576, letters in either case; nothing else.
std::optional<CellPosition> parse_cell_reference(std::string_view reference);
// "7" -> 7, within 1..1,048,576.
std::optional<std::size_t> parse_row_number(std::string_view text);
// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_name(std::size_t column);

struct NumberText {
  std::string text;
  // An integral value of more than 15 digits: Excel keeps 15 significant digits, so the
  // digits after the 15th were lost when the value was typed (an 18-digit NIP as a number).
  bool more_than_15_digits = false;
};

// The text of a numeric cell's <v> as people write it: integral values in plain digits
// ("1.9700101200212101E+17" -> "197001012002121010", "1E3" -> "1000"), others as the
// shortest text that reads back as the same double ("0.10000000000000001" -> "0.1").
// Empty when `value` is not a number, or an integer of more than 309 digits.
std::optional<NumberText> format_number(std::string_view value);

// An Excel serial date as "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" when it has a time of day
// (rounded to the second), or "HH:MM:SS" for a value below 1 (a time alone). The 1900 system
// counts 1900-01-01 as 1 and keeps Lotus' 1900-02-29 (serial 60); the 1904 system counts
// 1904-01-01 as 0. Empty for negative values and years beyond 9999.
std::optional<std::string> format_excel_date(double serial, bool date1904);

// Built-in number formats that show dates or times: 14-22 and 45-47.
bool is_builtin_date_format(std::size_t id);
// A custom format code shows a date or time when it has d, m, y, h or s (any case) outside
// quoted text, [brackets] and escaped characters (\x, _x, *x).
bool is_date_format_code(std::string_view code);

// Decodes the _xHHHH_ escapes OOXML uses for characters XML cannot carry (Excel writes a
// line's carriage return as _x000D_ and a literal "_x" as _x005F_x).
std::string decode_ooxml_escapes(std::string_view text);

}  // namespace sinergi::tabular::detail
