#include "platform/tabular/import_sheet.h"

#include <algorithm>

#include "core/input_text.h"

namespace sinergi::tabular {
namespace {

bool is_ascii_letter_or_digit(char character) {
  return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') ||
         is_ascii_digit(character);
}

std::string accepted_names(const ColumnSpec& spec) {
  std::string names;
  for (std::string_view alias : spec.aliases) {
    if (!alias.empty()) {
      names += (names.empty() ? "" : ", ") + std::string(alias);
    }
  }
  return names;
}

}  // namespace

Layout map_columns(std::span<const ColumnSpec> specs, const Table& table, Problems& problems) {
  Layout layout;
  std::vector<std::optional<std::size_t>> found(specs.size());
  for (std::size_t column = 0; column < table.header.size(); ++column) {
    const std::string& title = table.header[column];
    if (title.empty()) {
      continue;
    }
    const std::string normalized = normalized_header(title);
    const auto spec = normalized.empty()
                          ? specs.end()
                          : std::find_if(specs.begin(), specs.end(), [&](const ColumnSpec& candidate) {
                              return candidate.field == normalized ||
                                     std::find(candidate.aliases.begin(), candidate.aliases.end(),
                                               normalized) != candidate.aliases.end();
                            });
    if (spec == specs.end()) {
      problems.warning(kHeaderRow, title, "kolom " + quote_text(title) + " tidak dikenal dan diabaikan",
                       "the column " + quote_text(title) + " is not known and is ignored");
      continue;
    }
    auto& slot = found[static_cast<std::size_t>(spec - specs.begin())];
    if (slot) {
      problems.error(kHeaderRow, std::string(spec->field),
                     "kolom " + quote_text(title) + " dan " + quote_text(table.header[*slot]) +
                         " sama-sama berarti " + std::string(spec->field) + "; hapus salah satunya",
                     "the columns " + quote_text(table.header[*slot]) + " and " + quote_text(title) +
                         " both mean " + std::string(spec->field) + "; remove one of them");
      continue;
    }
    slot = column;
    layout.set(spec->field, column);
  }
  if (table.header.empty()) {
    return layout;
  }
  for (std::size_t index = 0; index < specs.size(); ++index) {
    if (found[index] || !specs[index].required) {
      continue;
    }
    const std::string others = accepted_names(specs[index]);
    const std::string field(specs[index].field);
    problems.error(kHeaderRow, field,
                   "kolom wajib " + quote_text(field) + " tidak ada di baris judul" +
                       (others.empty() ? "" : " (nama lain yang diterima: " + others + ")"),
                   "the required column " + quote_text(field) + " is missing from the header row" +
                       (others.empty() ? "" : " (also accepted: " + others + ")"));
  }
  return layout;
}

std::string_view name(ImportMode mode) {
  return mode == ImportMode::commit ? "commit" : "dry_run";
}

std::optional<ImportMode> parse_import_mode(std::string_view text) {
  if (text == "dry_run") {
    return ImportMode::dry_run;
  }
  if (text == "commit") {
    return ImportMode::commit;
  }
  return std::nullopt;
}

std::string normalized_header(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  bool pending_separator = false;
  for (char character : text) {
    const bool ascii = static_cast<unsigned char>(character) < 0x80;
    if (ascii && !is_ascii_letter_or_digit(character)) {
      pending_separator = true;
      continue;
    }
    if (pending_separator && !result.empty()) {
      result += '_';
    }
    pending_separator = false;
    if (character >= 'A' && character <= 'Z') {
      character = static_cast<char>(character - 'A' + 'a');
    }
    result += character;
  }
  return result;
}

std::string quote_text(std::string_view text) {
  return "'" + excerpt_for_message(text) + "'";
}

std::optional<bool> parse_flag(std::string_view text) {
  const std::string value = normalized_header(text);
  static constexpr std::string_view kYes[] = {"1", "true", "ya", "y", "yes", "benar"};
  static constexpr std::string_view kNo[] = {"", "0", "false", "tidak", "no", "n", "bukan", "salah"};
  if (std::find(std::begin(kYes), std::end(kYes), value) != std::end(kYes)) {
    return true;
  }
  if (std::find(std::begin(kNo), std::end(kNo), value) != std::end(kNo)) {
    return false;
  }
  return std::nullopt;
}

std::optional<std::size_t> Layout::find(std::string_view field) const {
  for (const auto& [name, column] : columns_) {
    if (name == field) {
      return column;
    }
  }
  return std::nullopt;
}

std::string_view Layout::field_at(std::size_t column) const {
  for (const auto& [name, index] : columns_) {
    if (index == column) {
      return name;
    }
  }
  return {};
}

std::string_view RowView::text(std::string_view field) const {
  const auto column = layout_.find(field);
  if (!column || *column >= cells_.size()) {
    return {};
  }
  return trim_ascii_whitespace(cells_[*column]);
}

std::optional<std::string> RowView::optional_text(std::string_view field) const {
  if (!has(field)) {
    return std::nullopt;
  }
  return std::string(text(field));
}

std::optional<std::string> RowView::filled_text(std::string_view field) const {
  const std::string_view value = text(field);
  if (value.empty()) {
    return std::nullopt;
  }
  return std::string(value);
}

void Problems::error(std::size_t row, std::string column, std::string message_id, std::string message_en) {
  ++outcome_.error_count;
  if (outcome_.errors.size() < kMaxListedProblems) {
    outcome_.errors.push_back(
        ImportProblem{row, std::move(column), std::move(message_id), std::move(message_en)});
  }
}

void Problems::error(std::size_t row, std::string column, const FieldError& field) {
  error(row, std::move(column), field.message_id, field.message_en);
}

void Problems::warning(std::size_t row, std::string column, std::string message_id, std::string message_en) {
  if (outcome_.warnings.size() < kMaxListedProblems) {
    outcome_.warnings.push_back(
        ImportProblem{row, std::move(column), std::move(message_id), std::move(message_en)});
  }
}

void sort_problems(ImportOutcome& outcome) {
  auto by_row = [](const ImportProblem& left, const ImportProblem& right) { return left.row < right.row; };
  std::stable_sort(outcome.errors.begin(), outcome.errors.end(), by_row);
  std::stable_sort(outcome.warnings.begin(), outcome.warnings.end(), by_row);
}

Result<ImportTable> read_import_table(const ImportFile& file, std::span<const ColumnSpec> columns,
                                      ImportOutcome& outcome) {
  ReadLimits limits;
  limits.max_input_bytes = kMaxImportBytes;
  if (file.bytes.size() > limits.max_input_bytes) {
    // Refused before the format is guessed, so the answer does not depend on the bytes.
    return Error::with_fields(ErrorCode::FileLimitExceeded,
                              {FieldError{"file", "ukuran berkas melebihi batas 20 MB",
                                          "the file is larger than the limit of 20 MB"}});
  }
  ImportTable result;
  result.format = TRY(detect_format(file.bytes, file.content_type, file.file_name));
  result.table = TRY(read_table(file.bytes, result.format, limits));
  const Table& table = result.table;
  outcome.rows = static_cast<std::int64_t>(table.rows.size());
  Problems problems(outcome);
  result.layout = map_columns(columns, table, problems);
  for (const CellWarning& warning : table.warnings) {
    const std::string_view field = result.layout.field_at(warning.column);
    const std::string column = !field.empty()                         ? std::string(field)
                               : warning.column < table.header.size() ? table.header[warning.column]
                                                                      : std::string();
    problems.warning(warning.row_number, column, warning.message_id, warning.message_en);
  }
  if (table.header.empty()) {
    problems.error(kHeaderRow, "", "berkas kosong: tidak ada baris judul kolom maupun data",
                   "the file is empty: it has neither a header row nor data");
  } else if (table.rows.empty()) {
    problems.error(kHeaderRow + 1, "", "berkas tidak berisi baris data di bawah baris judul",
                   "the file has no data rows below the header row");
  }
  for (std::size_t index = 0; index < table.rows.size(); ++index) {
    if (table.rows[index].size() > table.header.size()) {
      problems.warning(table.row_numbers[index], "", "isian di kanan kolom terakhir yang berjudul diabaikan",
                       "values to the right of the last titled column are ignored");
    }
  }
  return result;
}

Sheet template_of(std::string_view sheet_name, std::span<const ColumnSpec> columns) {
  Sheet sheet;
  sheet.name = std::string(sheet_name);
  for (const ColumnSpec& spec : columns) {
    sheet.header.emplace_back(spec.field);
    sheet.column_widths.push_back(spec.field == "nip" ? 22.0 : 18.0);
  }
  return sheet;
}

std::string_view format_name(Format format) {
  return format == Format::csv ? "csv" : "xlsx";
}

}  // namespace sinergi::tabular
