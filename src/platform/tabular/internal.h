#pragma once

// Helpers shared by the readers and writers of platform/tabular; not part of its API.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "platform/tabular/table.h"

namespace sinergi::tabular::detail {

// An error with one FieldError on the field "file".
Error file_error(ErrorCode code, std::string message_id, std::string message_en);

// FileLimitExceeded for an input larger than limits.max_input_bytes.
Error input_too_large(const ReadLimits& limits);

// "20 MB", "64 KB" or "1000 bita"/"1000 bytes": a limit as people read it.
std::string describe_bytes(std::size_t bytes, Locale locale);

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for surrogates and values beyond
// U+10FFFF).
void append_utf8(std::string& out, char32_t code_point);

bool is_blank(std::string_view text);
bool equals_ignoring_ascii_case(std::string_view left, std::string_view right);
bool ends_with_ignoring_ascii_case(std::string_view text, std::string_view suffix);

// Collects the rows of a file into a Table: skips blank rows, takes the first non-blank row
// as the header, pads and trims data rows, and enforces ReadLimits::max_rows.
class TableBuilder {
 public:
  explicit TableBuilder(const ReadLimits& limits) : limits_(limits) {}

  Result<void> add_row(std::vector<std::string> cells, std::size_t row_number);
  // Dropped beyond kMaxWarnings.
  void add_warning(CellWarning warning);
  Table finish() &&;

 private:
  ReadLimits limits_;
  bool has_header_ = false;
  Table table_;
};

}  // namespace sinergi::tabular::detail
