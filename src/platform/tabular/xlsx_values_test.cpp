#include "platform/tabular/xlsx_values.h"

#include <gtest/gtest.h>

namespace sinergi::tabular::detail {
namespace {

std::string reference(std::string_view text) {
  const std::optional<CellPosition> position = parse_cell_reference(text);
  return position ? std::to_string(position->column) + "," + std::to_string(position->row) : "invalid";
}

TEST(CellReference, ColumnsAndRows) {
  EXPECT_EQ(reference("A1"), "0,1");
  EXPECT_EQ(reference("C7"), "2,7");
  EXPECT_EQ(reference("c7"), "2,7");
  EXPECT_EQ(reference("Z9"), "25,9");
  EXPECT_EQ(reference("AA10"), "26,10");
  EXPECT_EQ(reference("AZ1"), "51,1");
  EXPECT_EQ(reference("XFD1048576"), "16383,1048576");
}

TEST(CellReference, RefusesWhatExcelCannotHave) {
  for (const char* text :
       {"", "A", "1", "1A", "A0", "A01", "XFE1", "AAAA1", "A1048577", "A1 ", "$A$1", "A-1"}) {
    EXPECT_EQ(reference(text), "invalid") << text;
  }
}

TEST(CellReference, ColumnNames) {
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(701), "ZZ");
  EXPECT_EQ(column_name(702), "AAA");
  EXPECT_EQ(column_name(16383), "XFD");
}

std::string number(std::string_view value) {
  const std::optional<NumberText> text = format_number(value);
  if (!text) {
    return "not a number";
  }
  return text->text + (text->more_than_15_digits ? " (lost)" : "");
}

TEST(FormatNumber, IntegersStayPlain) {
  EXPECT_EQ(number("42"), "42");
  EXPECT_EQ(number("-7"), "-7");
  EXPECT_EQ(number("0"), "0");
  EXPECT_EQ(number("-0"), "0");
  EXPECT_EQ(number("1E3"), "1000");
  EXPECT_EQ(number("2.5e1"), "25");
  EXPECT_EQ(number("100.000"), "100");
  EXPECT_EQ(number("999999999999999"), "999999999999999");
}

TEST(FormatNumber, MoreThan15DigitsIsFlagged) {
  // An 18-digit NIP typed into a General cell, as Excel writes it back.
  EXPECT_EQ(number("1.9700101200212101E+17"), "197001012002121010 (lost)");
  EXPECT_EQ(number("197001012002121001"), "197001012002121001 (lost)");
  EXPECT_EQ(number("1000000000000000"), "1000000000000000 (lost)");
}

TEST(FormatNumber, FractionsAreTheShortestRoundTrip) {
  EXPECT_EQ(number("0.10000000000000001"), "0.1");
  EXPECT_EQ(number("-3.5"), "-3.5");
  EXPECT_EQ(number("12.75"), "12.75");
  EXPECT_EQ(number("1.5E-3"), "0.0015");
  EXPECT_EQ(number("+0.25"), "0.25");
}

TEST(FormatNumber, NotNumbers) {
  for (const char* text : {"", "abc", "1,5", "1.2.3", "E5", "1E", "--1", "1e+", "0x10", "inf", "NaN"}) {
    EXPECT_EQ(number(text), "not a number") << text;
  }
  EXPECT_EQ(number("1E400"), "not a number");
}

std::string date(double serial, bool date1904 = false) {
  return format_excel_date(serial, date1904).value_or("no date");
}

TEST(ExcelDate, The1900System) {
  EXPECT_EQ(date(1), "1900-01-01");
  EXPECT_EQ(date(59), "1900-02-28");
  EXPECT_EQ(date(60), "1900-02-29");
  EXPECT_EQ(date(61), "1900-03-01");
  EXPECT_EQ(date(45292), "2024-01-01");
  EXPECT_EQ(date(45658), "2025-01-01");
  EXPECT_EQ(date(2958465), "9999-12-31");
}

TEST(ExcelDate, TimesOfDay) {
  EXPECT_EQ(date(45658.75), "2025-01-01 18:00:00");
  EXPECT_EQ(date(45658.3125), "2025-01-01 07:30:00");
  // 07:31:05 is 27065 seconds; Excel stores the nearest double.
  EXPECT_EQ(date(45658 + 27065.0 / 86400), "2025-01-01 07:31:05");
  EXPECT_EQ(date(0.3125), "07:30:00");
  EXPECT_EQ(date(0), "00:00:00");
  EXPECT_EQ(date(45658.9999999), "2025-01-02");
}

TEST(ExcelDate, The1904System) {
  EXPECT_EQ(date(1, true), "1904-01-02");
  EXPECT_EQ(date(44196, true), "2025-01-01");
  EXPECT_EQ(date(0.5, true), "12:00:00");
}

TEST(ExcelDate, OutOfRange) {
  EXPECT_EQ(date(-1), "no date");
  EXPECT_EQ(date(2958466), "no date");
  EXPECT_EQ(date(2958465, true), "no date");
}

TEST(DateFormats, BuiltIn) {
  for (std::size_t id : {14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47}) {
    EXPECT_TRUE(is_builtin_date_format(id)) << id;
  }
  for (std::size_t id : {0, 1, 2, 9, 10, 13, 23, 44, 48, 49, 164}) {
    EXPECT_FALSE(is_builtin_date_format(id)) << id;
  }
}

TEST(DateFormats, CustomCodes) {
  for (const char* code :
       {"dd/mm/yyyy", "[$-421]dd mmmm yyyy", "h:mm", "[h]:mm:ss", "yyyy-mm-dd hh:mm", "d-mmm", "MM/DD/YY"}) {
    EXPECT_TRUE(is_date_format_code(code)) << code;
  }
  for (const char* code : {"0.00", "#,##0", "\"Rp\" #,##0", "0 \"hari\"", "General", "@", "[Red]0.00", "0\\m",
                           "0_)", "#,##0*-", "[$Rp-421]#,##0", ""}) {
    EXPECT_FALSE(is_date_format_code(code)) << code;
  }
}

TEST(OoxmlEscapes, Decoded) {
  EXPECT_EQ(decode_ooxml_escapes("baris_x000D_\ndua"), "baris\r\ndua");
  EXPECT_EQ(decode_ooxml_escapes("_x005F_x0041_"), "_x0041_");
  EXPECT_EQ(decode_ooxml_escapes("_x00e9_"), "\xC3\xA9");
  EXPECT_EQ(decode_ooxml_escapes("_xD83D__xDE00_"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_ooxml_escapes("_xD83D_"), "\xEF\xBF\xBD");
}

TEST(OoxmlEscapes, OtherTextIsKept) {
  for (const char* text : {"plain", "_x12_", "_xZZZZ_", "_x0041", "x0041_", "NIP_x"}) {
    EXPECT_EQ(decode_ooxml_escapes(text), text);
  }
}

}  // namespace
}  // namespace sinergi::tabular::detail
