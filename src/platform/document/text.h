#pragma once

#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "platform/document/document.h"

// Shaped text: the one place that builds Pango layouts. Internal to sinergi_document.

namespace sinergi::document::detail {

struct GObjectRelease {
  void operator()(void* object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPointer = std::unique_ptr<T, GObjectRelease>;

// Plain text safe to hand to Pango: valid UTF-8 (invalid bytes become U+FFFD), "\r\n" and
// "\r" become "\n", other control characters except '\t' dropped. With single_line, line
// breaks become spaces (headers and footers).
std::string clean_text(std::string_view text, bool single_line = false);

struct TextOptions {
  double size_pt = 11;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  Align align = Align::left;
  // Wrapping width; <= 0: no wrapping (the text is as wide as its longest line).
  double width_pt = 0;
  // Headers and footers: one line, cut with "…" at width_pt.
  bool single_line = false;
};

// One line of a TextBox, in points from the box's top-left corner.
struct LineBox {
  PangoLayoutLine* line;  // owned by the layout
  double x;               // left edge of the line, alignment included
  double top;
  double bottom;
  double baseline;
};

// A text shaped and wrapped once, then drawn line by line, so that a paragraph or a tall
// table row can be split across pages between lines. Shared (shared_ptr) by the pages it
// is drawn on.
class TextBox {
 public:
  explicit TextBox(GObjectPointer<PangoLayout> layout);

  int line_count() const { return static_cast<int>(lines_.size()); }
  const LineBox& line(int index) const { return lines_[static_cast<std::size_t>(index)]; }
  // The height of `count` lines starting at `first`.
  double height(int first, int count) const;
  double height() const { return height(0, line_count()); }
  // The widest line's width.
  double width() const { return width_; }
  // How many lines from `first` on fit into `available` points (0 when not even one).
  int lines_fitting(int first, double available) const;

 private:
  GObjectPointer<PangoLayout> layout_;
  std::vector<LineBox> lines_;
  double width_ = 0;
};

using SharedText = std::shared_ptr<const TextBox>;

// `context` must be set up by make_context.
SharedText shape_text(PangoContext* context, std::string_view text, const TextOptions& options);

// A Pango context for the font map that draws into `cairo` at 72 points per inch, with the
// target surface's font options (no hinting for PDF) so measuring and drawing agree.
GObjectPointer<PangoContext> make_context(PangoFontMap* font_map, cairo_t* cairo);

}  // namespace sinergi::document::detail
