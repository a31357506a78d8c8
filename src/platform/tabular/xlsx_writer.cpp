#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "platform/tabular/internal.h"
#include "platform/tabular/table.h"

namespace sinergi::tabular {
namespace {

using detail::count_code_points;
using detail::file_error;

constexpr std::size_t kMaxCellCharacters = 32'767;
constexpr std::size_t kMaxSheetNameCharacters = 31;
constexpr double kMinimumWidth = 8.43;  // Excel's default
constexpr double kMaximumEstimatedWidth = 60;
constexpr double kMaximumWidth = 255;
// Excel keeps 15 significant digits: larger integers are written as text to stay exact.
constexpr std::int64_t kLargestExactInteger = 999'999'999'999'999;
constexpr lxw_color_t kHeaderFill = 0xDDEBF7;
constexpr std::uint8_t kBuiltInTextFormat = 49;  // "@"

// Valid UTF-8 without NUL (which would cut the C string libxlsxwriter takes) and without
// U+FFFE and U+FFFF, which XML cannot carry (libxlsxwriter escapes the control characters).
std::string cell_text(std::string_view text) {
  std::string valid = detail::to_valid_utf8(text);
  std::erase(valid, '\0');
  for (const std::string_view noncharacter : {"\xEF\xBF\xBE", "\xEF\xBF\xBF"}) {
    for (std::size_t at = valid.find(noncharacter); at != std::string::npos;
         at = valid.find(noncharacter, at)) {
      valid.replace(at, noncharacter.size(), "\xEF\xBF\xBD");
    }
  }
  return valid;
}

// Excel refuses []:*?/\ in sheet names, an apostrophe at either end, more than 31
// characters, and an empty name.
std::string sanitize_sheet_name(std::string_view name) {
  const std::string valid = cell_text(name);
  std::string cleaned;
  for (const char character : valid) {
    if (std::string_view("[]:*?/\\").find(character) != std::string_view::npos) {
      cleaned += '-';
    } else if (static_cast<unsigned char>(character) >= 0x20 && character != 0x7F) {
      cleaned += character;
    }
  }
  const auto trim = [](std::string& text) {
    const std::size_t first = text.find_first_not_of(" '");
    if (first == std::string::npos) {
      text.clear();
      return;
    }
    text = text.substr(first, text.find_last_not_of(" '") - first + 1);
  };
  trim(cleaned);
  std::size_t characters = 0;
  for (std::size_t offset = 0; offset < cleaned.size(); ++offset) {
    if ((static_cast<unsigned char>(cleaned[offset]) & 0xC0) != 0x80 &&
        ++characters > kMaxSheetNameCharacters) {
      cleaned.resize(offset);
      break;
    }
  }
  trim(cleaned);
  return cleaned.empty() ? "Data" : cleaned;
}

Error cell_too_long(std::size_t row, std::size_t column) {
  const std::string place_id = "baris " + std::to_string(row + 1) + " kolom " + std::to_string(column + 1);
  const std::string place_en = "row " + std::to_string(row + 1) + " column " + std::to_string(column + 1);
  const std::string limit = std::to_string(kMaxCellCharacters);
  return file_error(
      ErrorCode::FileLimitExceeded,
      place_id + ": teks lebih dari " + limit + " karakter, batas satu sel Excel",
      place_en + ": the text is longer than " + limit + " characters, the limit of an Excel cell");
}

Error write_failed(const std::string& path, std::string_view reason) {
  return Error(ErrorCode::FileError, {path, std::string(reason)});
}

Result<void> check(lxw_error error) {
  if (error == LXW_NO_ERROR) {
    return success();
  }
  return Error(ErrorCode::Internal).with_log_detail(std::string("libxlsxwriter: ") + lxw_strerror(error));
}

// Removes the temporary file on every path out of write_xlsx.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string temporary_directory() {
  std::error_code error;
  const std::filesystem::path directory = std::filesystem::temp_directory_path(error);
  return error ? std::string("/tmp") : directory.string();
}

Result<std::string> create_temporary_path(const std::string& directory) {
  std::string path = (std::filesystem::path(directory) / "sinergi-xlsx-XXXXXX").string();
  const int descriptor = mkstemp(path.data());
  if (descriptor < 0) {
    return write_failed(path, std::strerror(errno));
  }
  close(descriptor);
  return path;
}

// Writes the cells and returns the widest text, in characters, of each column.
class SheetWriter {
 public:
  SheetWriter(lxw_worksheet* worksheet, lxw_format* text_format, std::size_t columns)
      : worksheet_(worksheet), text_format_(text_format), widths_(columns, 0) {}

  Result<void> write_text(std::size_t row, std::size_t column, std::string_view text, lxw_format* format) {
    const std::string value = cell_text(text);
    if (value.empty()) {
      return success();
    }
    const std::size_t characters = count_code_points(value);
    if (characters > kMaxCellCharacters) {
      return cell_too_long(row, column);
    }
    widths_[column] = std::max(widths_[column], characters);
    const lxw_error error = worksheet_write_string(worksheet_, static_cast<lxw_row_t>(row),
                                                   static_cast<lxw_col_t>(column), value.c_str(), format);
    return check(error);
  }

  Result<void> write_cell(std::size_t row, std::size_t column, const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
      return write_text(row, column, *text, text_format_);
    }
    if (const auto* number = std::get_if<std::int64_t>(&cell)) {
      const std::string digits = std::to_string(*number);
      if (*number > kLargestExactInteger || *number < -kLargestExactInteger) {
        return write_text(row, column, digits, text_format_);
      }
      widths_[column] = std::max(widths_[column], digits.size());
      return check(worksheet_write_number(worksheet_, static_cast<lxw_row_t>(row),
                                          static_cast<lxw_col_t>(column), static_cast<double>(*number),
                                          nullptr));
    }
    return success();
  }

  const std::vector<std::size_t>& widths() const { return widths_; }

 private:
  lxw_worksheet* worksheet_;
  lxw_format* text_format_;
  std::vector<std::size_t> widths_;
};

Result<void> write_sheet(lxw_workbook* workbook, const Sheet& sheet, std::size_t columns) {
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, sanitize_sheet_name(sheet.name).c_str());
  if (worksheet == nullptr) {
    return Error(ErrorCode::Internal).with_log_detail("libxlsxwriter refused the sheet name");
  }
  lxw_format* text_format = workbook_add_format(workbook);
  format_set_num_format_index(text_format, kBuiltInTextFormat);
  lxw_format* header_format = workbook_add_format(workbook);
  format_set_num_format_index(header_format, kBuiltInTextFormat);
  format_set_bold(header_format);
  format_set_pattern(header_format, LXW_PATTERN_SOLID);
  format_set_bg_color(header_format, kHeaderFill);
  format_set_bottom(header_format, LXW_BORDER_THIN);

  SheetWriter writer(worksheet, text_format, columns);
  for (std::size_t column = 0; column < sheet.header.size(); ++column) {
    if (sheet.header[column].empty()) {
      // Blank, but filled like the rest of the header.
      TRY(check(worksheet_write_blank(worksheet, 0, static_cast<lxw_col_t>(column), header_format)));
    } else {
      TRY(writer.write_text(0, column, sheet.header[column], header_format));
    }
  }
  for (std::size_t row = 0; row < sheet.rows.size(); ++row) {
    for (std::size_t column = 0; column < sheet.rows[row].size(); ++column) {
      TRY(writer.write_cell(row + 1, column, sheet.rows[row][column]));
    }
  }

  for (std::size_t column = 0; column < columns; ++column) {
    double width =
        std::clamp(static_cast<double>(writer.widths()[column]) + 2, kMinimumWidth, kMaximumEstimatedWidth);
    if (column < sheet.column_widths.size() && sheet.column_widths[column] > 0) {
      width = std::min(sheet.column_widths[column], kMaximumWidth);
    }
    const auto index = static_cast<lxw_col_t>(column);
    TRY(check(worksheet_set_column(worksheet, index, index, width, nullptr)));
  }
  if (!sheet.header.empty()) {
    worksheet_freeze_panes(worksheet, 1, 0);
  }
  if (columns > 0) {
    TRY(check(worksheet_autofilter(worksheet, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                   static_cast<lxw_col_t>(columns - 1))));
  }
  return success();
}

}  // namespace

Result<std::string> write_xlsx(const Sheet& sheet) {
  std::size_t columns = sheet.header.size();
  for (const std::vector<Cell>& row : sheet.rows) {
    columns = std::max(columns, row.size());
  }
  if (sheet.rows.size() >= LXW_ROW_MAX) {
    const std::string limit = std::to_string(LXW_ROW_MAX - 1);
    return file_error(ErrorCode::FileLimitExceeded,
                      "lebih dari " + limit + " baris data, batas satu lembar Excel",
                      "more than " + limit + " data rows, the limit of an Excel sheet");
  }
  if (columns > LXW_COL_MAX) {
    const std::string limit = std::to_string(LXW_COL_MAX);
    return file_error(ErrorCode::FileLimitExceeded, "lebih dari " + limit + " kolom, batas satu lembar Excel",
                      "more than " + limit + " columns, the limit of an Excel sheet");
  }

  // libxlsxwriter also keeps each worksheet's XML in a temporary file until it zips them.
  std::string directory = temporary_directory();
  const TemporaryFile file(TRY(create_temporary_path(directory)));
  lxw_workbook_options options{};
  options.tmpdir = directory.data();
  lxw_workbook* workbook = workbook_new_opt(file.path().c_str(), &options);
  if (workbook == nullptr) {
    return write_failed(file.path(), "libxlsxwriter could not create the workbook");
  }
  Result<void> written = write_sheet(workbook, sheet, columns);
  // Closing also frees the workbook, so it happens on every path.
  const lxw_error closed = workbook_close(workbook);
  TRY(std::move(written));
  if (closed != LXW_NO_ERROR) {
    return write_failed(file.path(), lxw_strerror(closed));
  }

  std::ifstream in(file.path(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    return write_failed(file.path(), "the workbook could not be read back");
  }
  return bytes;
}

}  // namespace sinergi::tabular
