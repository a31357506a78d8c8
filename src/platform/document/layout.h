#pragma once

#include <variant>
#include <vector>

#include "core/result.h"
#include "platform/document/document.h"
#include "platform/document/text.h"

// Measurement and pagination: the first of the two passes. Everything is shaped and placed
// before anything is drawn, so the page count is known when "Halaman N dari M" is drawn.
// Internal to sinergi_document.

namespace sinergi::document::detail {

struct PageGeometry {
  double width = 0;
  double height = 0;
  double margin = 0;

  double content_left() const { return margin; }
  double content_top() const { return margin; }
  double content_width() const { return width - 2 * margin; }
  double content_bottom() const { return height - margin; }
  double content_height() const { return height - 2 * margin; }
};

PageGeometry page_geometry(const Document& document);

// Lines [first_line, first_line + line_count) of a text, the first line's top at y.
struct PlacedText {
  SharedText text;
  int first_line = 0;
  int line_count = 0;
  double x = 0;
  double y = 0;
  double gray = 0;  // 0 black
};

// A table cell's frame, optionally shaded (heading rows).
struct PlacedFrame {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  bool shaded = false;
};

using Placement = std::variant<PlacedText, PlacedFrame>;

// What a page shows between its margins, in drawing order. Header, footer and page number
// are drawn from the Document once the page count is known.
struct Page {
  std::vector<Placement> placements;
};

// Checks the document's numbers and shapes (InvalidInput naming the block otherwise).
Result<void> check_document(const Document& document);

// REQUIRES: check_document(document).ok(). Returns at least one page.
Result<std::vector<Page>> paginate(const Document& document, PangoContext* context);

}  // namespace sinergi::document::detail
