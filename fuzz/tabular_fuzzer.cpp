// Fuzzes the table readers of platform/tabular with small limits: read_csv and read_xlsx on
// the raw input, and read_xlsx on a workbook whose XML parts come from the input (split at
// 0x01 bytes into worksheet, shared strings, styles and workbook), so the XML handlers are
// reached without the fuzzer having to forge zip archives. Whatever reads must satisfy the
// Table invariants and survive a write_csv/read_csv round trip (now and then a
// write_xlsx/read_xlsx one too); whatever fails must fail with one of the file error codes
// and a short, valid UTF-8 message on the field "file". Any broken property aborts, so
// libFuzzer keeps the input as a crash.

#include <zip.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/input_text.h"
#include "platform/tabular/table.h"

namespace {

using sinergi::ErrorCode;
using sinergi::Result;
using sinergi::trim_ascii_whitespace;
using sinergi::tabular::Cell;
using sinergi::tabular::ReadLimits;
using sinergi::tabular::Sheet;
using sinergi::tabular::Table;

void require(bool condition) {
  if (!condition) {
    std::abort();
  }
}

ReadLimits small_limits() {
  ReadLimits limits;
  limits.max_input_bytes = std::size_t{1024} * 1024;
  limits.max_uncompressed_bytes = std::size_t{4} * 1024 * 1024;
  limits.max_rows = 2000;
  limits.max_columns = 64;
  limits.max_cell_bytes = 4096;
  return limits;
}

// Valid UTF-8 without control characters: excerpt_for_message leaves such text unchanged.
bool is_clean_utf8(std::string_view text) {
  return sinergi::excerpt_for_message(text, text.size() + 1) == text;
}

template <typename T>
void check_failure(const Result<T>& result) {
  const sinergi::Error& error = result.error();
  require(error.code() == ErrorCode::UnreadableFile || error.code() == ErrorCode::FileLimitExceeded ||
          error.code() == ErrorCode::UnsupportedFileFormat);
  require(error.fields().size() == 1 && error.fields()[0].field == "file");
  for (const std::string* message : {&error.fields()[0].message_id, &error.fields()[0].message_en}) {
    require(!message->empty() && message->size() < 600 && is_clean_utf8(*message));
  }
}

void check_table(const Table& table, const ReadLimits& limits) {
  require(table.row_numbers.size() == table.rows.size());
  require(table.rows.size() <= limits.max_rows);
  require(table.warnings.size() <= sinergi::tabular::kMaxWarnings);
  require(table.header.size() <= limits.max_columns);
  require(table.header.empty() || !table.header.back().empty());
  require(!table.header.empty() || table.rows.empty());
  for (const std::string& cell : table.header) {
    require(trim_ascii_whitespace(cell) == cell && cell.size() <= limits.max_cell_bytes);
  }
  for (const std::vector<std::string>& row : table.rows) {
    require(row.size() >= table.header.size() && row.size() <= limits.max_columns);
    require(row.size() == table.header.size() || !row.back().empty());
    bool blank = true;
    for (const std::string& cell : row) {
      require(cell.size() <= limits.max_cell_bytes);
      blank = blank && trim_ascii_whitespace(cell).empty();
    }
    require(!blank);
  }
  for (const std::size_t number : table.row_numbers) {
    require(number >= 1);
  }
  for (const sinergi::tabular::CellWarning& warning : table.warnings) {
    require(is_clean_utf8(warning.message_id) && is_clean_utf8(warning.message_en));
  }
}

Sheet as_sheet(const Table& table) {
  Sheet sheet{"Data", table.header, {}, {}};
  for (const std::vector<std::string>& row : table.rows) {
    sheet.rows.emplace_back(row.begin(), row.end());
  }
  return sheet;
}

// A cell as write_csv writes it, read back: with the formula guard's apostrophe.
std::string guarded(const std::string& cell) {
  const bool formula =
      !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
  return formula ? "'" + cell : cell;
}

bool starts_with_separator_hint(std::string_view cell) {
  return cell.size() >= 4 && (cell[0] == 's' || cell[0] == 'S') && (cell[1] == 'e' || cell[1] == 'E') &&
         (cell[2] == 'p' || cell[2] == 'P') && cell[3] == '=';
}

void check_csv_round_trip(const Table& table) {
  if (table.header.empty() || starts_with_separator_hint(table.header[0])) {
    return;
  }
  const Result<Table> again = sinergi::tabular::read_csv(sinergi::tabular::write_csv(as_sheet(table)));
  require(again.ok());
  require(again->header.size() == table.header.size() && again->rows.size() == table.rows.size());
  for (std::size_t column = 0; column < table.header.size(); ++column) {
    require(again->header[column] == guarded(table.header[column]));
  }
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    require(again->rows[row].size() == table.rows[row].size());
    for (std::size_t column = 0; column < table.rows[row].size(); ++column) {
      require(again->rows[row][column] == guarded(table.rows[row][column]));
    }
  }
}

// Text that write_xlsx changes on purpose (NUL, U+FFFE/U+FFFF) or that OOXML escapes do.
bool survives_xlsx(const std::string& cell) {
  return cell.find('\0') == std::string::npos && cell.find("_x") == std::string::npos &&
         cell.find("\xEF\xBF\xBE") == std::string::npos && cell.find("\xEF\xBF\xBF") == std::string::npos;
}

void check_xlsx_round_trip(const Table& table) {
  if (table.header.empty() || table.rows.size() > 50) {
    return;
  }
  for (const std::string& cell : table.header) {
    if (!survives_xlsx(cell)) {
      return;
    }
  }
  for (const std::vector<std::string>& row : table.rows) {
    for (const std::string& cell : row) {
      if (!survives_xlsx(cell)) {
        return;
      }
    }
  }
  const Result<std::string> bytes = sinergi::tabular::write_xlsx(as_sheet(table));
  require(bytes.ok());
  const Result<Table> again = sinergi::tabular::read_xlsx(*bytes);
  require(again.ok());
  require(again->header == table.header && again->rows == table.rows);
}

// A stored (uncompressed) zip of the given entries, built in memory.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  zip_error_fini(&error);
  require(archive != nullptr);
  zip_source_keep(buffer);
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    require(index >= 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
  }
  require(zip_close(archive) == 0);
  std::string bytes;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
    bytes.resize(stat.size);
    const zip_int64_t count = zip_source_read(buffer, bytes.data(), bytes.size());
    bytes.resize(count < 0 ? 0 : static_cast<std::size_t>(count));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return bytes;
}

constexpr std::string_view kWorkbook =
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
    R"(<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
constexpr std::string_view kRelationships =
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(</Relationships>)";

// Worksheet, shared strings, styles and workbook from the input's 0x01-separated parts.
std::string workbook_from_parts(std::string_view input) {
  std::array<std::string, 4> parts;
  std::size_t part = 0;
  for (const char character : input) {
    if (character == '\x01' && part + 1 < parts.size()) {
      ++part;
    } else {
      parts[part] += character;
    }
  }
  std::vector<std::pair<std::string, std::string>> entries = {
      {"xl/workbook.xml", parts[3].empty() ? std::string(kWorkbook) : parts[3]},
      {"xl/_rels/workbook.xml.rels", std::string(kRelationships)},
      {"xl/worksheets/sheet1.xml", parts[0]},
  };
  if (!parts[1].empty()) {
    entries.emplace_back("xl/sharedStrings.xml", parts[1]);
  }
  if (!parts[2].empty()) {
    entries.emplace_back("xl/styles.xml", parts[2]);
  }
  return make_zip(entries);
}

void check_read(const Result<Table>& result, const ReadLimits& limits) {
  if (result.ok()) {
    check_table(*result, limits);
  } else {
    check_failure(result);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const ReadLimits limits = small_limits();

  const Result<Table> csv = sinergi::tabular::read_csv(input, limits);
  check_read(csv, limits);
  if (csv.ok()) {
    check_csv_round_trip(*csv);
    if (size % 8 == 0) {
      check_xlsx_round_trip(*csv);
    }
  }

  const Result<Table> xlsx = sinergi::tabular::read_xlsx(input, limits);
  check_read(xlsx, limits);
  if (xlsx.ok()) {
    check_csv_round_trip(*xlsx);
  }

  if (!input.starts_with("PK")) {
    const Result<Table> parts = sinergi::tabular::read_xlsx(workbook_from_parts(input), limits);
    check_read(parts, limits);
    if (parts.ok()) {
      check_csv_round_trip(*parts);
    }
  }

  for (const std::string_view type : {"", "text/csv", "application/octet-stream", "image/png"}) {
    const Result<sinergi::tabular::Format> format = sinergi::tabular::detect_format(input, type, "unggahan");
    if (!format.ok()) {
      check_failure(format);
    }
  }
  return 0;
}
