#include "platform/document/layout.h"

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_set>
#include <utility>

namespace sinergi::document::detail {
namespace {

// A4 in points (210 x 297 mm).
constexpr double kA4ShortSide = 595.275590551;
constexpr double kA4LongSide = 841.889763780;

constexpr double kCellPaddingX = 3;
constexpr double kCellPaddingY = 2;

constexpr double kSignatureFontSize = 11;
constexpr double kSignatureStampFontSize = 7;
constexpr double kSignatureSpaceBefore = 12;
constexpr double kSignatureSpaceAfter = 8;
constexpr double kSignatureDateGap = 4;
constexpr double kSignatureWetSpace = 60;  // room for a wet signature and a stamp
constexpr double kSignatureStampGap = 2;
constexpr double kSignatureGutter = 6;  // between parties
constexpr double kStampGray = 0.35;

// Where a table's columns are, shared by its heading and every row.
struct ColumnGeometry {
  std::vector<double> x;
  std::vector<double> width;
};

struct Row {
  std::vector<SharedText> cells;
  double height = 0;
};

class Paginator {
 public:
  Paginator(PangoContext* context, const PageGeometry& geometry) : context_(context), geometry_(geometry) {
    start_page();
  }

  Result<void> add(const Block& block, std::size_t index) {
    // A break takes effect when content follows, so that breaks in a row, a break on a
    // fresh page and a break at the end make no blank page.
    if (break_pending_ && !std::holds_alternative<PageBreak>(block)) {
      if (page_has_content_) {
        start_page();
      }
      break_pending_ = false;
    }
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
      add_paragraph(*paragraph);
    } else if (const auto* table = std::get_if<Table>(&block)) {
      add_table(*table);
    } else if (const auto* signatures = std::get_if<SignatureBlock>(&block)) {
      return add_signature_block(*signatures, index);
    } else {
      break_pending_ = true;
    }
    return success();
  }

  std::vector<Page> finish() { return std::move(pages_); }

 private:
  double remaining() const { return geometry_.content_bottom() - cursor_; }
  Page& page() { return pages_.back(); }

  void start_page() {
    pages_.emplace_back();
    cursor_ = geometry_.content_top();
    page_has_content_ = false;
  }

  void place(const SharedText& text, int first, int count, double x, double y, double gray = 0) {
    page().placements.emplace_back(PlacedText{text, first, count, x, y, gray});
    page_has_content_ = true;
  }

  void add_paragraph(const Paragraph& paragraph);
  void add_table(const Table& table);
  Row shape_row(const Table& table, const ColumnGeometry& columns, const std::vector<std::string>& cells,
                const TextOptions& options, bool heading);
  void place_row(const ColumnGeometry& columns, const Row& row, bool heading);
  void split_row(const ColumnGeometry& columns, const Row& row, const std::function<void()>& continue_table,
                 double room_on_continued_page);
  Result<void> add_signature_block(const SignatureBlock& block, std::size_t index);

  PangoContext* context_;
  PageGeometry geometry_;
  std::vector<Page> pages_;
  double cursor_ = 0;  // where the next block starts on the current page
  bool page_has_content_ = false;
  bool break_pending_ = false;
};

void Paginator::add_paragraph(const Paragraph& paragraph) {
  const TextStyle& style = paragraph.style;
  const SharedText text =
      shape_text(context_, paragraph.text,
                 TextOptions{.size_pt = style.size_pt,
                             .bold = style.bold,
                             .italic = style.italic,
                             .align = style.align,
                             .width_pt = geometry_.content_width() - paragraph.indent_left_pt});
  if (page_has_content_) {
    cursor_ += paragraph.space_before_pt;
  }
  int next = 0;
  while (next < text->line_count()) {
    const int left = text->line_count() - next;
    int fit = text->lines_fitting(next, remaining());
    if (fit < left) {
      // Avoid a lone first line at the bottom of a page (orphan) and a lone last line at
      // the top of the next (widow) when the lines allow it.
      if (next == 0 && fit == 1) {
        fit = 0;
      } else if (left - fit == 1 && fit - 1 >= (next == 0 ? 2 : 1)) {
        fit -= 1;
      }
    }
    if (fit == 0) {
      if (page_has_content_) {
        start_page();
        continue;
      }
      fit = std::max(1, text->lines_fitting(next, remaining()));  // an empty page takes at least a line
    }
    place(text, next, fit, geometry_.content_left() + paragraph.indent_left_pt, cursor_);
    cursor_ += text->height(next, fit);
    next += fit;
    if (next < text->line_count()) {
      start_page();
    }
  }
  cursor_ += paragraph.space_after_pt;
}

Row Paginator::shape_row(const Table& table, const ColumnGeometry& columns,
                         const std::vector<std::string>& cells, const TextOptions& options, bool heading) {
  Row row;
  double tallest = 0;
  for (std::size_t column = 0; column < columns.x.size(); ++column) {
    TextOptions cell_options = options;
    cell_options.align = heading ? Align::center : table.columns[column].align;
    // At least a point, so that a very narrow column still wraps (a width <= 0 would not).
    cell_options.width_pt = std::max(columns.width[column] - 2 * kCellPaddingX, 1.0);
    const std::string_view text =
        column < cells.size() ? std::string_view(cells[column]) : std::string_view();
    row.cells.push_back(shape_text(context_, text, cell_options));
    tallest = std::max(tallest, row.cells.back()->height());
  }
  row.height = tallest + 2 * kCellPaddingY;
  return row;
}

void Paginator::place_row(const ColumnGeometry& columns, const Row& row, bool heading) {
  for (std::size_t column = 0; column < columns.x.size(); ++column) {
    page().placements.emplace_back(
        PlacedFrame{columns.x[column], cursor_, columns.width[column], row.height, heading});
  }
  for (std::size_t column = 0; column < columns.x.size(); ++column) {
    const SharedText& cell = row.cells[column];
    // Headings are centred vertically too; body cells start at the top, as in a spreadsheet.
    const double offset = heading ? (row.height - cell->height()) / 2 : kCellPaddingY;
    place(cell, 0, cell->line_count(), columns.x[column] + kCellPaddingX, cursor_ + offset);
  }
  cursor_ += row.height;
}

// A row taller than a page: each part takes as many lines of every cell as fit on the
// page, framed, and the table continues on the next page.
void Paginator::split_row(const ColumnGeometry& columns, const Row& row,
                          const std::function<void()>& continue_table, double room_on_continued_page) {
  std::vector<int> next(row.cells.size(), 0);
  const auto finished = [&] {
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
      if (next[column] < row.cells[column]->line_count()) {
        return false;
      }
    }
    return true;
  };
  while (!finished()) {
    std::vector<int> fit(row.cells.size(), 0);
    bool any = false;
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
      fit[column] = row.cells[column]->lines_fitting(next[column], remaining() - 2 * kCellPaddingY);
      any = any || fit[column] > 0;
    }
    if (!any) {
      // (Half a point of tolerance for rounding: a page holding only the repeated heading
      // counts as fresh.)
      if (remaining() < room_on_continued_page - 0.5) {
        continue_table();
        continue;
      }
      // Not even one line fits on a fresh page: take one line of each cell anyway, so the
      // loop always ends (the part runs into the bottom margin).
      for (std::size_t column = 0; column < row.cells.size(); ++column) {
        fit[column] = next[column] < row.cells[column]->line_count() ? 1 : 0;
      }
    }
    double height = 0;
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
      height = std::max(height, row.cells[column]->height(next[column], fit[column]));
    }
    height += 2 * kCellPaddingY;
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
      page().placements.emplace_back(
          PlacedFrame{columns.x[column], cursor_, columns.width[column], height, false});
      if (fit[column] > 0) {
        place(row.cells[column], next[column], fit[column], columns.x[column] + kCellPaddingX,
              cursor_ + kCellPaddingY);
      }
      next[column] += fit[column];
    }
    cursor_ += height;
    if (!finished()) {
      continue_table();
    }
  }
}

void Paginator::add_table(const Table& table) {
  if (table.columns.empty()) {
    return;  // check_document refuses rows without columns
  }
  ColumnGeometry columns;
  double total_share = 0;
  for (const Column& column : table.columns) {
    total_share += column.width;
  }
  double x = geometry_.content_left();
  for (const Column& column : table.columns) {
    columns.x.push_back(x);
    columns.width.push_back(geometry_.content_width() * column.width / total_share);
    x += columns.width.back();
  }

  const TextOptions body{.size_pt = table.font_size_pt};
  TextOptions bold = body;
  bold.bold = true;

  std::vector<std::string> headings;
  bool has_heading = false;
  for (const Column& column : table.columns) {
    headings.push_back(column.heading);
    has_heading = has_heading || !column.heading.empty();
  }
  const Row heading = has_heading ? shape_row(table, columns, headings, bold, true) : Row{};
  const auto place_heading = [&] {
    if (has_heading) {
      place_row(columns, heading, true);
    }
  };
  // A heading taller than half a page (absurdly long headings) is not repeated, so that
  // every continued page has room for rows.
  const bool repeat_heading = table.repeat_header && heading.height <= geometry_.content_height() / 2;
  const double room_on_continued_page = geometry_.content_height() - (repeat_heading ? heading.height : 0);
  const auto continue_table = [&] {
    start_page();
    if (repeat_heading) {
      place_heading();
    }
  };

  const std::unordered_set<std::size_t> bold_rows(table.bold_rows.begin(), table.bold_rows.end());
  bool started = false;
  for (std::size_t index = 0; index < table.rows.size(); ++index) {
    const Row row =
        shape_row(table, columns, table.rows[index], bold_rows.contains(index) ? bold : body, false);
    if (!started) {
      // The heading never stays alone at the bottom of a page: it goes with the first row
      // (or with the first page's worth of a row taller than a page).
      const double needed = heading.height + std::min(row.height, room_on_continued_page);
      if (page_has_content_ && needed > remaining()) {
        start_page();
      }
      place_heading();
      started = true;
    } else if (row.height > remaining() && row.height <= room_on_continued_page) {
      continue_table();
    }
    if (row.height <= remaining()) {
      place_row(columns, row, false);
    } else {
      split_row(columns, row, continue_table, room_on_continued_page);
    }
    page_has_content_ = true;
  }
  if (!started && has_heading) {
    if (page_has_content_ && heading.height > remaining()) {
      start_page();
    }
    place_heading();
  }
  cursor_ += table.space_after_pt;
}

Result<void> Paginator::add_signature_block(const SignatureBlock& block, std::size_t index) {
  // Two slots at least, so that a single signatory signs on the right half.
  const std::size_t slots = std::max<std::size_t>(block.parties.size(), 2);
  const std::size_t first_slot = slots - block.parties.size();
  const double slot_width = geometry_.content_width() / static_cast<double>(slots);
  const TextOptions regular{
      .size_pt = kSignatureFontSize, .align = Align::center, .width_pt = slot_width - 2 * kSignatureGutter};
  TextOptions name_options = regular;
  name_options.bold = true;
  name_options.underline = true;
  TextOptions stamp_options = regular;
  stamp_options.size_pt = kSignatureStampFontSize;

  const auto shape = [&](const std::string& text, const TextOptions& options) -> SharedText {
    return text.empty() ? nullptr : shape_text(context_, text, options);
  };
  const auto height = [](const SharedText& text) { return text ? text->height() : 0.0; };

  struct PartyText {
    SharedText caption, position, name, identifier, stamp;
  };
  std::vector<PartyText> parties;
  double top_height = 0;  // caption and position, the tallest party's
  double bottom_height = 0;
  for (const SignatureParty& party : block.parties) {
    PartyText text{shape(party.caption, regular), shape(party.position, regular),
                   shape(party.name, name_options), shape(party.identifier, regular),
                   shape(party.stamp, stamp_options)};
    top_height = std::max(top_height, height(text.caption) + height(text.position));
    bottom_height = std::max(bottom_height, height(text.name) + height(text.identifier) +
                                                (text.stamp ? kSignatureStampGap + height(text.stamp) : 0.0));
    parties.push_back(std::move(text));
  }
  const SharedText date = shape(block.place_and_date, regular);
  const double date_height = date ? date->height() + kSignatureDateGap : 0;
  const double block_height = date_height + top_height + kSignatureWetSpace + bottom_height;
  if (block_height > geometry_.content_height()) {
    return Error(ErrorCode::InvalidInput,
                 {"block " + std::to_string(index + 1) + ": the signature block is taller than a page"});
  }

  if (page_has_content_) {
    if (kSignatureSpaceBefore + block_height > remaining()) {
      start_page();
    } else {
      cursor_ += kSignatureSpaceBefore;
    }
  }
  const auto slot_x = [&](std::size_t slot) {
    return geometry_.content_left() + static_cast<double>(slot) * slot_width + kSignatureGutter;
  };
  // Places a text whole and returns the y below it.
  const auto stack = [&](const SharedText& text, double x, double y, double gray = 0) {
    if (!text) {
      return y;
    }
    place(text, 0, text->line_count(), x, y, gray);
    return y + text->height();
  };

  stack(date, slot_x(slots - 1), cursor_);
  const double top = cursor_ + date_height;
  const double names = top + top_height + kSignatureWetSpace;
  for (std::size_t party = 0; party < parties.size(); ++party) {
    const PartyText& text = parties[party];
    const double x = slot_x(first_slot + party);
    stack(text.position, x, stack(text.caption, x, top));
    const double y = stack(text.identifier, x, stack(text.name, x, names));
    if (text.stamp) {
      stack(text.stamp, x, y + kSignatureStampGap, kStampGray);
    }
  }
  cursor_ = names + bottom_height + kSignatureSpaceAfter;
  page_has_content_ = true;
  return success();
}

}  // namespace

PageGeometry page_geometry(const Document& document) {
  const bool portrait = document.orientation == Orientation::portrait;
  return PageGeometry{.width = portrait ? kA4ShortSide : kA4LongSide,
                      .height = portrait ? kA4LongSide : kA4ShortSide,
                      .margin = document.margin_pt};
}

Result<std::vector<Page>> paginate(const Document& document, PangoContext* context) {
  Paginator paginator(context, page_geometry(document));
  for (std::size_t index = 0; index < document.blocks.size(); ++index) {
    TRY(paginator.add(document.blocks[index], index));
  }
  return paginator.finish();
}

}  // namespace sinergi::document::detail
