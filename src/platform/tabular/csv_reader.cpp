#include <array>
#include <string>

#include "platform/tabular/internal.h"
#include "platform/tabular/table.h"

namespace sinergi::tabular {
namespace {

using detail::describe_bytes;
using detail::file_error;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool is_line_break(char character) {
  return character == '\n' || character == '\r';
}

// Length of the line break at `offset` (CRLF counts as one), 0 when there is none.
std::size_t line_break_length(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) {
    return 0;
  }
  if (text[offset] == '\r') {
    return offset + 1 < text.size() && text[offset + 1] == '\n' ? 2 : 1;
  }
  return text[offset] == '\n' ? 1 : 0;
}

// 1-based line of `offset`: line breaks before it plus one.
std::size_t line_of(std::string_view text, std::size_t offset) {
  std::size_t line = 1;
  std::size_t position = 0;
  while (position < offset) {
    const std::size_t length = line_break_length(text, position);
    if (length == 0) {
      ++position;
    } else {
      ++line;
      position += length;
    }
  }
  return line;
}

// Excel understands a first line "sep=;" naming the delimiter; returns it, or '\0'.
char excel_separator_hint(std::string_view text) {
  constexpr std::string_view kPrefix = "sep=";
  if (text.size() < kPrefix.size() + 1 || !detail::equals_ignoring_ascii_case(text.substr(0, 4), kPrefix)) {
    return '\0';
  }
  const char delimiter = text[kPrefix.size()];
  const bool line_ends = kPrefix.size() + 1 == text.size() || is_line_break(text[kPrefix.size() + 1]);
  if (line_ends && (delimiter == ',' || delimiter == ';' || delimiter == '\t' || delimiter == '|')) {
    return delimiter;
  }
  return '\0';
}

// The most frequent of , ; TAB outside quotes on the first non-blank line (',' on a tie).
char detect_delimiter(std::string_view text) {
  std::size_t offset = 0;
  while (offset < text.size() && is_line_break(text[offset])) {
    ++offset;
  }
  constexpr std::array kCandidates = {',', ';', '\t'};
  std::array<std::size_t, kCandidates.size()> counts{};
  bool quoted = false;
  for (; offset < text.size(); ++offset) {
    const char character = text[offset];
    if (character == '"') {
      quoted = !quoted;
    } else if (!quoted && is_line_break(character)) {
      break;
    } else if (!quoted) {
      for (std::size_t index = 0; index < kCandidates.size(); ++index) {
        if (character == kCandidates[index]) {
          ++counts[index];
        }
      }
    }
  }
  std::size_t best = 0;
  for (std::size_t index = 1; index < kCandidates.size(); ++index) {
    if (counts[index] > counts[best]) {
      best = index;
    }
  }
  return kCandidates[best];
}

class CsvParser {
 public:
  CsvParser(std::string_view text, char delimiter, const ReadLimits& limits, std::size_t first_line)
      : text_(text), delimiter_(delimiter), limits_(limits), line_(first_line), builder_(limits) {}

  Result<Table> parse() && {
    while (offset_ < text_.size()) {
      const std::size_t record_line = line_;
      std::vector<std::string> record;
      TRY(read_record(record, record_line));
      TRY(builder_.add_row(std::move(record), record_line));
    }
    return std::move(builder_).finish();
  }

 private:
  Result<void> read_record(std::vector<std::string>& record, std::size_t record_line) {
    std::string field;
    while (true) {
      field.clear();
      TRY(read_field(field, record_line, record.size()));
      TRY(add_field(record, field, record_line));
      if (offset_ < text_.size() && text_[offset_] == delimiter_) {
        ++offset_;
        continue;
      }
      break;
    }
    const std::size_t length = line_break_length(text_, offset_);
    if (length > 0) {
      offset_ += length;
      ++line_;
    }
    return success();
  }

  Result<void> read_field(std::string& field, std::size_t record_line, std::size_t column) {
    if (offset_ < text_.size() && text_[offset_] == '"') {
      const std::size_t quote_line = line_;
      ++offset_;
      while (true) {
        if (offset_ >= text_.size()) {
          const std::string line = std::to_string(quote_line);
          return file_error(ErrorCode::UnreadableFile, "baris " + line + ": tanda kutip tidak ditutup",
                            "line " + line + ": unclosed quote");
        }
        const char character = text_[offset_];
        if (character == '"') {
          if (offset_ + 1 < text_.size() && text_[offset_ + 1] == '"') {
            field += '"';
            offset_ += 2;
          } else {
            ++offset_;
            break;
          }
        } else {
          const std::size_t length = line_break_length(text_, offset_);
          if (length > 0) {
            field.append(text_.substr(offset_, length));
            offset_ += length;
            ++line_;
          } else {
            field += character;
            ++offset_;
          }
        }
        TRY(check_cell_size(field, record_line, column));
      }
    }
    // Unquoted text, or what follows a closing quote (kept literally, as Excel does).
    const std::size_t start = offset_;
    while (offset_ < text_.size() && text_[offset_] != delimiter_ && !is_line_break(text_[offset_])) {
      ++offset_;
    }
    field.append(text_.substr(start, offset_ - start));
    return check_cell_size(field, record_line, column);
  }

  Result<void> check_cell_size(const std::string& field, std::size_t record_line, std::size_t column) const {
    if (field.size() <= limits_.max_cell_bytes) {
      return success();
    }
    const std::string line = std::to_string(record_line);
    const std::string column_number = std::to_string(column + 1);
    return file_error(ErrorCode::FileLimitExceeded,
                      "baris " + line + " kolom " + column_number + ": isi sel lebih dari " +
                          describe_bytes(limits_.max_cell_bytes, Locale::indonesian),
                      "line " + line + " column " + column_number + ": a cell holds more than " +
                          describe_bytes(limits_.max_cell_bytes, Locale::english));
  }

  // Empty fields beyond max_columns are dropped (trailing delimiters); a non-empty one there
  // is refused.
  Result<void> add_field(std::vector<std::string>& record, const std::string& field,
                         std::size_t record_line) const {
    if (record.size() < limits_.max_columns) {
      record.push_back(field);
      return success();
    }
    if (field.empty()) {
      return success();
    }
    const std::string line = std::to_string(record_line);
    const std::string limit = std::to_string(limits_.max_columns);
    return file_error(ErrorCode::FileLimitExceeded, "baris " + line + ": lebih dari " + limit + " kolom",
                      "line " + line + ": more than " + limit + " columns");
  }

  std::string_view text_;
  char delimiter_;
  ReadLimits limits_;
  std::size_t offset_ = 0;
  std::size_t line_;
  detail::TableBuilder builder_;
};

}  // namespace

Result<Table> read_csv(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_input_bytes) {
    return detail::input_too_large(limits);
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return file_error(ErrorCode::UnreadableFile,
                      "berkas tersimpan sebagai teks UTF-16; simpan ulang sebagai \"CSV UTF-8\"",
                      "the file is saved as UTF-16 text; save it again as \"CSV UTF-8\"");
  }
  std::string_view text = bytes;
  if (text.starts_with(kUtf8Bom)) {
    text.remove_prefix(kUtf8Bom.size());
  }
  const std::size_t invalid = detail::find_invalid_utf8(text);
  if (invalid != std::string_view::npos) {
    const std::string line = std::to_string(line_of(text, invalid));
    return file_error(ErrorCode::UnreadableFile,
                      "bukan teks UTF-8 yang sah (baris " + line + "); simpan ulang sebagai \"CSV UTF-8\"",
                      "not valid UTF-8 text (line " + line + "); save it again as \"CSV UTF-8\"");
  }

  std::size_t first_line = 1;
  char delimiter = excel_separator_hint(text);
  if (delimiter != '\0') {
    const std::size_t hint_end = 5;
    text.remove_prefix(hint_end + line_break_length(text, hint_end));
    first_line = 2;
  } else {
    delimiter = detect_delimiter(text);
  }
  return CsvParser(text, delimiter, limits, first_line).parse();
}

}  // namespace sinergi::tabular
