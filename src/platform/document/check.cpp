#include <cmath>
#include <string>
#include <string_view>

#include "platform/document/layout.h"

// The checks that keep layout total: sizes in a range where a line always fits on a page,
// no NaN or negative space, tables whose rows match their columns. Callers build documents
// from stored data, so a bad value is an InvalidInput, never an assert.

namespace sinergi::document::detail {
namespace {

// Pango takes a text's length as an int; a mebibyte is far more than any cell or paragraph.
constexpr std::size_t kMaxTextBytes = 1 << 20;

bool within(double value, double lowest, double highest) {
  return std::isfinite(value) && value >= lowest && value <= highest;
}

Error invalid(std::size_t index, const std::string& problem) {
  return Error(ErrorCode::InvalidInput, {"block " + std::to_string(index + 1) + ": " + problem});
}

bool text_too_long(std::string_view text) {
  return text.size() > kMaxTextBytes;
}

Result<void> check_paragraph(const Paragraph& paragraph, std::size_t index, const PageGeometry& geometry) {
  if (!within(paragraph.style.size_pt, 4, 72)) {
    return invalid(index, "the font size must be between 4 and 72 points");
  }
  if (!within(paragraph.space_before_pt, 0, geometry.content_height()) ||
      !within(paragraph.space_after_pt, 0, geometry.content_height())) {
    return invalid(index, "the space before and after must be between 0 and the page's text height");
  }
  if (!within(paragraph.indent_left_pt, 0, geometry.content_width() / 2)) {
    return invalid(index, "the indent must be between 0 and half the text width");
  }
  if (text_too_long(paragraph.text)) {
    return invalid(index, "the paragraph's text is longer than 1 MiB");
  }
  return success();
}

Result<void> check_table(const Table& table, std::size_t index, const PageGeometry& geometry) {
  if (!within(table.font_size_pt, 4, 36)) {
    return invalid(index, "the table's font size must be between 4 and 36 points");
  }
  if (!within(table.space_after_pt, 0, geometry.content_height())) {
    return invalid(index, "the space after the table must be between 0 and the page's text height");
  }
  if (table.columns.empty() && !table.rows.empty()) {
    return invalid(index, "a table with rows needs columns");
  }
  for (std::size_t column = 0; column < table.columns.size(); ++column) {
    if (!within(table.columns[column].width, 1e-6, 1e6)) {
      return invalid(index,
                     "the width of column " + std::to_string(column + 1) + " must be a positive share");
    }
    if (text_too_long(table.columns[column].heading)) {
      return invalid(index, "the heading of column " + std::to_string(column + 1) + " is longer than 1 MiB");
    }
  }
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    if (table.rows[row].size() > table.columns.size()) {
      return invalid(index, "row " + std::to_string(row + 1) + " has " +
                                std::to_string(table.rows[row].size()) + " cells for " +
                                std::to_string(table.columns.size()) + " columns");
    }
    for (const std::string& cell : table.rows[row]) {
      if (text_too_long(cell)) {
        return invalid(index, "a cell of row " + std::to_string(row + 1) + " is longer than 1 MiB");
      }
    }
  }
  for (const std::size_t row : table.bold_rows) {
    if (row >= table.rows.size()) {
      return invalid(index, "bold row " + std::to_string(row) + " is past the table's " +
                                std::to_string(table.rows.size()) + " rows");
    }
  }
  return success();
}

Result<void> check_signature_block(const SignatureBlock& block, std::size_t index) {
  if (block.parties.empty() || block.parties.size() > 3) {
    return invalid(index, "a signature block has one to three parties");
  }
  bool too_long = text_too_long(block.place_and_date);
  for (const SignatureParty& party : block.parties) {
    for (const std::string* text :
         {&party.caption, &party.position, &party.name, &party.identifier, &party.stamp}) {
      too_long = too_long || text_too_long(*text);
    }
  }
  if (too_long) {
    return invalid(index, "a text of the signature block is longer than 1 MiB");
  }
  return success();
}

}  // namespace

Result<void> check_document(const Document& document) {
  if (!within(document.margin_pt, 18, 144)) {
    return Error(ErrorCode::InvalidInput, {"the margin must be between 18 and 144 points"});
  }
  for (const std::string* text :
       {&document.title, &document.author, &document.subject, &document.header_text, &document.footer_text}) {
    if (text_too_long(*text)) {
      return Error(ErrorCode::InvalidInput,
                   {"the title, author, subject, header and footer are at most 1 MiB"});
    }
  }
  const PageGeometry geometry = page_geometry(document);
  for (std::size_t index = 0; index < document.blocks.size(); ++index) {
    const Block& block = document.blocks[index];
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      TRY(check_paragraph(*paragraph, index, geometry));
    } else if (const auto* table = std::get_if<Table>(&block)) {
      TRY(check_table(*table, index, geometry));
    } else if (const auto* signatures = std::get_if<SignatureBlock>(&block)) {
      TRY(check_signature_block(*signatures, index));
    }
  }
  return success();
}

}  // namespace sinergi::document::detail
