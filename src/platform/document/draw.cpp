#include "platform/document/draw.h"

#include <algorithm>
#include <string>

namespace sinergi::document::detail {
namespace {

constexpr double kFurnitureFontSize = 8;  // header, footer and page number
constexpr double kFurnitureGray = 0.3;
constexpr double kFurnitureGap = 12;         // from the text area, less when the margin is narrow
constexpr double kFurnitureSeparation = 12;  // between the footer and the page number
constexpr double kFrameGray = 0.4;
constexpr double kFrameLineWidth = 0.5;
constexpr double kShadeGray = 0.9;

void draw_text(cairo_t* cairo, const PlacedText& placed) {
  const TextBox& text = *placed.text;
  if (placed.line_count <= 0) {
    return;
  }
  const double top = text.line(placed.first_line).top;
  cairo_set_source_rgb(cairo, placed.gray, placed.gray, placed.gray);
  for (int index = placed.first_line; index < placed.first_line + placed.line_count; ++index) {
    const LineBox& line = text.line(index);
    // What pango_cairo_show_layout does for a whole layout, one line at a time, so that a
    // page shows only its own lines (clipping would leave the others in the PDF's text).
    cairo_move_to(cairo, placed.x + line.x, placed.y + line.baseline - top);
    pango_cairo_show_layout_line(cairo, line.line);
  }
}

void draw_frame(cairo_t* cairo, const PlacedFrame& frame) {
  cairo_rectangle(cairo, frame.x, frame.y, frame.width, frame.height);
  if (frame.shaded) {
    cairo_set_source_rgb(cairo, kShadeGray, kShadeGray, kShadeGray);
    cairo_fill_preserve(cairo);
  }
  cairo_set_source_rgb(cairo, kFrameGray, kFrameGray, kFrameGray);
  cairo_set_line_width(cairo, kFrameLineWidth);
  cairo_stroke(cairo);
}

void draw_whole(cairo_t* cairo, const SharedText& text, double x, double y) {
  draw_text(cairo, PlacedText{text, 0, text->line_count(), x, y, kFurnitureGray});
}

std::string page_label(const Document& document, std::size_t number, std::size_t count) {
  const std::string page = std::to_string(number);
  const std::string total = std::to_string(count);
  return document.english ? "Page " + page + " of " + total : "Halaman " + page + " dari " + total;
}

// The header above the text area from the second page on; the footer at the bottom left
// and the page number at the bottom right, below the text area.
class Furniture {
 public:
  Furniture(PangoContext* context, const Document& document)
      : context_(context), document_(document), geometry_(page_geometry(document)) {
    if (!document.header_text.empty()) {
      header_ = shape_text(context, document.header_text, options(geometry_.content_width()));
    }
  }

  void draw(cairo_t* cairo, std::size_t number, std::size_t count) const {
    if (header_ && number > 1) {
      draw_whole(cairo, header_, geometry_.content_left(),
                 geometry_.content_top() - gap(header_->height()) - header_->height());
    }
    double footer_width = geometry_.content_width();
    if (document_.page_numbers) {
      const SharedText label = shape_text(context_, page_label(document_, number, count), options(0));
      const double label_width = label->width();
      draw_whole(cairo, label, geometry_.content_left() + geometry_.content_width() - label_width,
                 geometry_.content_bottom() + gap(label->height()));
      footer_width = std::max(footer_width - label_width - kFurnitureSeparation, 1.0);
    }
    if (!document_.footer_text.empty()) {
      const SharedText footer = shape_text(context_, document_.footer_text, options(footer_width));
      draw_whole(cairo, footer, geometry_.content_left(), geometry_.content_bottom() + gap(footer->height()));
    }
  }

 private:
  static TextOptions options(double width) {
    return TextOptions{.size_pt = kFurnitureFontSize, .width_pt = width, .single_line = true};
  }
  // The gap to the text area shrinks with a narrow margin, so the text stays on the page.
  double gap(double text_height) const {
    return std::clamp((geometry_.margin - text_height) / 2, 0.0, kFurnitureGap);
  }

  PangoContext* context_;
  const Document& document_;
  PageGeometry geometry_;
  SharedText header_;
};

}  // namespace

void draw_pages(cairo_t* cairo, PangoContext* context, const Document& document,
                const std::vector<Page>& pages) {
  const Furniture furniture(context, document);
  for (std::size_t index = 0; index < pages.size(); ++index) {
    for (const Placement& placement : pages[index].placements) {
      if (const auto* text = std::get_if<PlacedText>(&placement)) {
        draw_text(cairo, *text);
      } else {
        draw_frame(cairo, std::get<PlacedFrame>(placement));
      }
    }
    furniture.draw(cairo, index + 1, pages.size());
    cairo_show_page(cairo);
  }
}

}  // namespace sinergi::document::detail
