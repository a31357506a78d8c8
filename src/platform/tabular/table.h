#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

// Tables in and out of the platform: CSV and XLSX read from memory (imports of agencies,
// people, attendance records exported from attendance machines) and written for the
// "export this list" buttons. Every failure is an Error with one FieldError on the field
// "file" that names the place (line, cell, zip entry) in Indonesian and English:
//   UnsupportedFileFormat  neither CSV nor XLSX (detect_format)
//   UnreadableFile         damaged, not UTF-8, not a spreadsheet, a DOCTYPE in XML, ...
//   FileLimitExceeded      a ReadLimits bound, or a compression ratio (zip bomb)

namespace sinergi::tabular {

// Something a caller may want to show next to the imported row, without refusing the file:
// a number that lost precision in Excel, an Excel error value such as #N/A.
struct CellWarning {
  std::size_t row_number = 0;  // as in Table::row_numbers
  std::size_t column = 0;      // 0-based
  std::string message_id;
  std::string message_en;
  bool operator==(const CellWarning&) const = default;
};

// At most this many warnings are kept per table; further ones are dropped.
inline constexpr std::size_t kMaxWarnings = 1000;

struct Table {
  // The first row with a non-blank cell, each cell trimmed of surrounding ASCII whitespace,
  // trailing empty cells dropped. Empty only when the file holds no non-blank row.
  std::vector<std::string> header;
  // The data rows after the header, cells as read (callers trim). Rows whose cells are all
  // empty or whitespace are skipped. Every row has at least header.size() cells (padded with
  // ""); a row is longer only when it has non-empty cells beyond the header.
  std::vector<std::vector<std::string>> rows;
  // For each data row, its number as a user sees it in a spreadsheet or text editor
  // (1-based; the header is usually row 1). CSV: the line where the record starts (quoted
  // newlines and skipped blank lines counted). XLSX: the row's r="" number.
  std::vector<std::size_t> row_numbers;
  std::vector<CellWarning> warnings;
};

struct ReadLimits {
  std::size_t max_input_bytes = std::size_t{20} * 1024 * 1024;
  // Total bytes actually inflated from the zip (XLSX), whatever the entries declare.
  std::size_t max_uncompressed_bytes = std::size_t{200} * 1024 * 1024;
  // Per zip entry, uncompressed / compressed, declared and actual. Checked for entries
  // larger than kRatioCheckMinimumBytes only: small entries cannot do harm.
  std::size_t max_compression_ratio = 200;
  std::size_t max_rows = 1'000'000;  // data rows, header excluded
  // Columns that hold a non-empty cell; empty cells further right are ignored.
  std::size_t max_columns = 256;
  std::size_t max_cell_bytes = std::size_t{32} * 1024;
};

inline constexpr std::size_t kRatioCheckMinimumBytes = std::size_t{1024} * 1024;

enum class Format { csv, xlsx };

// XLSX when the bytes start with the zip magic "PK\x03\x04". Otherwise CSV when the content
// type (parameters ignored) is text/csv, text/plain, application/csv, text/x-csv or
// text/comma-separated-values, or the file name ends with ".csv" (any case), or the content
// type is empty or application/octet-stream and the bytes are UTF-8 text. Fails with
// UnsupportedFileFormat otherwise, and for a legacy .xls or encrypted Office file (OLE
// magic D0 CF 11 E0) or a name ending with ".xls"/".xlsx" whose bytes are not a zip, with a
// message saying to save the file as .xlsx or CSV.
Result<Format> detect_format(std::string_view bytes, std::string_view content_type,
                             std::string_view file_name);

// CSV in UTF-8 (a UTF-8 BOM is skipped; UTF-16 and invalid UTF-8 are refused, naming the
// line). The delimiter is the most frequent of ',' ';' TAB outside quotes on the header line
// (',' on a tie or when none occurs); an Excel "sep=;" first line is honoured and skipped.
// RFC 4180 quoting: doubled quotes, quoted delimiters and line breaks; CRLF, LF and CR line
// ends. Characters after a closing quote are kept literally, as Excel does.
Result<Table> read_csv(std::string_view bytes, const ReadLimits& limits = {});

// The first visible worksheet of an XLSX workbook. Text cells as written; numbers as their
// shortest exact text (integral exponent forms expanded to digits; a number of more than 15
// digits gets a warning, because Excel has already rounded it); date-formatted numbers as
// "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" with a time of day, or "HH:MM:SS" for a time alone
// (a value below 1); booleans "TRUE"/"FALSE"; Excel errors as their text plus a warning.
Result<Table> read_xlsx(std::string_view bytes, const ReadLimits& limits = {});

Result<Table> read_table(std::string_view bytes, Format format, const ReadLimits& limits = {});

using Cell = std::variant<std::monostate, std::string, std::int64_t>;  // empty, text, integer

struct Sheet {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<Cell>> rows;
  // Optional, in characters, by column; a missing or non-positive entry means "estimate
  // from the content" (at most 60).
  std::vector<double> column_widths;
};

// UTF-8 with a BOM (so Excel opens it right), ',' delimiter, CRLF after every record,
// RFC 4180 quoting (also around ';' and TAB, so no reader guesses another delimiter).
// Formula injection guard (OWASP): a text cell, header included, that starts with
// = + - @ TAB or CR gets a leading apostrophe. Integers are written plainly; rows shorter
// than the header are padded with empty fields.
std::string write_csv(const Sheet& sheet);

// An XLSX workbook with one worksheet: header row bold on a fill and frozen, an autofilter
// over header and data, column widths from column_widths or estimated. Text is always
// written as text (formatted "@", so an 18-digit NIP stays exact, also when edited in
// Excel); integers as numbers, except those of more than 15 digits, written as text because
// Excel would round them. Invalid UTF-8 becomes U+FFFD. The sheet name loses []:*?/\ (each
// becomes '-') and control characters, is cut to 31 characters, and is "Data" when empty.
// Fails with FileLimitExceeded beyond Excel's limits (1,048,576 rows, 16,384 columns,
// 32,767 characters in a cell), FileError when the temporary file cannot be written.
Result<std::string> write_xlsx(const Sheet& sheet);

// "text/csv; charset=utf-8" or
// "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".
std::string_view content_type(Format format);

}  // namespace sinergi::tabular
