#include "core/input_text.h"
#include "platform/tabular/internal.h"

namespace sinergi::tabular::detail {
namespace {

bool is_blank_row(const std::vector<std::string>& cells) {
  for (const std::string& cell : cells) {
    if (!is_blank(cell)) {
      return false;
    }
  }
  return true;
}

void drop_trailing_empty_cells(std::vector<std::string>& cells, std::size_t keep) {
  while (cells.size() > keep && cells.back().empty()) {
    cells.pop_back();
  }
}

}  // namespace

Result<void> TableBuilder::add_row(std::vector<std::string> cells, std::size_t row_number) {
  if (is_blank_row(cells)) {
    return success();
  }
  if (!has_header_) {
    for (std::string& cell : cells) {
      cell = std::string(trim_ascii_whitespace(cell));
    }
    drop_trailing_empty_cells(cells, 0);
    table_.header = std::move(cells);
    has_header_ = true;
    return success();
  }
  if (table_.rows.size() >= limits_.max_rows) {
    const std::string limit = std::to_string(limits_.max_rows);
    return file_error(ErrorCode::FileLimitExceeded, "berkas berisi lebih dari " + limit + " baris data",
                      "the file has more than " + limit + " data rows");
  }
  const std::size_t width = table_.header.size();
  drop_trailing_empty_cells(cells, width);
  if (cells.size() < width) {
    cells.resize(width);
  }
  table_.rows.push_back(std::move(cells));
  table_.row_numbers.push_back(row_number);
  return success();
}

void TableBuilder::add_warning(CellWarning warning) {
  if (table_.warnings.size() < kMaxWarnings) {
    table_.warnings.push_back(std::move(warning));
  }
}

Table TableBuilder::finish() && {
  return std::move(table_);
}

}  // namespace sinergi::tabular::detail
