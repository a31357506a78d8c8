#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "platform/tabular/table.h"

// What every spreadsheet import of Sinergi shares (the organization registry, attendance, the
// planning cascade, the nomenclature list): the file limits, the header row mapped to a kind's
// columns (case-insensitive, Indonesian aliases accepted), rows read through that mapping,
// and a report of row-level errors and warnings with row, column and reason.
//
// An import is all or nothing: a context checks every row, and writes only when no row has an
// error, in one transaction with one audit event that names the file's SHA-256.

namespace sinergi::tabular {

enum class ImportMode { dry_run, commit };
// "dry_run", "commit".
std::string_view name(ImportMode mode);
std::optional<ImportMode> parse_import_mode(std::string_view text);

// The largest file an import reads (larger ones are refused with FileLimitExceeded).
inline constexpr std::size_t kMaxImportBytes = std::size_t{20} * 1024 * 1024;
// At most this many errors, and as many warnings, are listed in a report; error_count
// counts them all.
inline constexpr std::size_t kMaxListedProblems = 1000;
// The row of the header, as problems of the header name it.
inline constexpr std::size_t kHeaderRow = 1;

// One problem of one row: `row` as the spreadsheet shows it (the header is row 1, unless
// blank rows precede it), `column` the column's API name ("nip", "agency_code"; empty for
// the whole row or file).
struct ImportProblem {
  std::size_t row = 0;
  std::string column;
  std::string message_id;
  std::string message_en;

  const std::string& message(Locale locale) const {
    return locale == Locale::english ? message_en : message_id;
  }
  bool operator==(const ImportProblem&) const = default;
};

// The counts and problems of one run; each context adds the kind it imported.
struct ImportOutcome {
  ImportMode mode = ImportMode::dry_run;
  bool committed = false;  // true only for a commit that wrote the file
  std::int64_t rows = 0;   // data rows read (the header excluded)
  std::int64_t created = 0;
  std::int64_t updated = 0;
  std::int64_t unchanged = 0;
  std::vector<ImportProblem> errors;  // sorted by row; at most kMaxListedProblems
  std::int64_t error_count = 0;       // every error, listed or not
  std::vector<ImportProblem> warnings;
};

struct ImportFile {
  std::string_view bytes;
  std::string content_type;  // the request's Content-Type ("text/csv", the XLSX type, ...)
  std::string file_name;     // X-File-Name, for the format guess and the audit trail
};

// One column of a kind: its API name, the other spellings accepted in a header (already in
// normalized_header() form), and whether a file must have it.
struct ColumnSpec {
  std::string_view field;
  std::array<std::string_view, 3> aliases;
  bool required = false;
};

// Lower-case ASCII with every run of other ASCII characters (spaces, '-', '.', '/', '(',
// ...) turned into one '_' and none at either end: "Kode OPD" and "kode-opd" give
// "kode_opd", "Pangkat/Golongan" gives "pangkat_golongan". Other bytes are kept.
std::string normalized_header(std::string_view text);

// "'text'", shortened for a message.
std::string quote_text(std::string_view text);

// Yes/no cells ("ya", "tidak", "1", "0", "true", ...): empty is "no"; nullopt when unknown.
std::optional<bool> parse_flag(std::string_view text);

// Where each of the kind's columns is in the file.
class Layout {
 public:
  void set(std::string_view field, std::size_t column) { columns_.emplace_back(field, column); }
  std::optional<std::size_t> find(std::string_view field) const;
  // The API name of the file's column `column`, or "" when it is not one of the kind's.
  std::string_view field_at(std::size_t column) const;

 private:
  std::vector<std::pair<std::string_view, std::size_t>> columns_;
};

// One data row, read through the layout.
class RowView {
 public:
  RowView(const std::vector<std::string>& cells, const Layout& layout) : cells_(cells), layout_(layout) {}

  // The file has the column (its cell may still be empty).
  bool has(std::string_view field) const { return layout_.find(field).has_value(); }
  // The cell, trimmed; "" when the file has no such column.
  std::string_view text(std::string_view field) const;
  // The cell, trimmed; nullopt when the file has no such column.
  std::optional<std::string> optional_text(std::string_view field) const;
  // The cell, trimmed; nullopt when the file has no such column or the cell is empty.
  std::optional<std::string> filled_text(std::string_view field) const;

 private:
  const std::vector<std::string>& cells_;
  const Layout& layout_;
};

// Collects an outcome's problems, counting every error and listing the first
// kMaxListedProblems of each.
class Problems {
 public:
  explicit Problems(ImportOutcome& outcome) : outcome_(outcome) {}

  void error(std::size_t row, std::string column, std::string message_id, std::string message_en);
  // A validator's field error; `column` is the file's column it stands for.
  void error(std::size_t row, std::string column, const FieldError& field);
  void warning(std::size_t row, std::string column, std::string message_id, std::string message_en);
  std::int64_t error_count() const { return outcome_.error_count; }

 private:
  ImportOutcome& outcome_;
};

// Maps a table's header row to `columns` (case-insensitive, aliases accepted), reporting
// unknown columns as warnings, and columns given twice and required columns missing as errors,
// all on row kHeaderRow.
Layout map_columns(std::span<const ColumnSpec> columns, const Table& table, Problems& problems);

// Errors and warnings by row (stable: the order within a row is kept).
void sort_problems(ImportOutcome& outcome);

// A file read and its header mapped.
struct ImportTable {
  Format format = Format::csv;
  Table table;
  Layout layout;

  std::size_t row_count() const { return table.rows.size(); }
  RowView row(std::size_t index) const { return RowView(table.rows[index], layout); }
  std::size_t row_number(std::size_t index) const { return table.row_numbers[index]; }
};

// Reads `file` (at most kMaxImportBytes) and maps its header to `columns`. Fails as
// detect_format and read_table do, or with FileLimitExceeded for a larger file. Problems of
// the content are the outcome's: unknown columns and cell warnings (warnings); a column given
// twice, a required column missing, an empty file, no data rows (errors). Sets outcome.rows.
Result<ImportTable> read_import_table(const ImportFile& file, std::span<const ColumnSpec> columns,
                                      ImportOutcome& outcome);

// An empty template: the header row with the canonical column names.
Sheet template_of(std::string_view sheet_name, std::span<const ColumnSpec> columns);

// "csv" or "xlsx".
std::string_view format_name(Format format);

}  // namespace sinergi::tabular
