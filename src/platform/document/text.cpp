#include "platform/document/text.h"

#include <algorithm>
#include <memory>
#include <string_view>

namespace sinergi::document::detail {
namespace {

// Every document is set in one family, which fonts-dejavu-core installs; fontconfig
// falls back to another installed font for characters DejaVu Sans lacks.
constexpr const char* kFontFamily = "DejaVu Sans";

double to_points(int pango_units) {
  return pango_units_to_double(pango_units);
}

struct FontDescriptionRelease {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

struct GlibRelease {
  void operator()(gchar* text) const { g_free(text); }
};

PangoAlignment pango_alignment(Align align) {
  switch (align) {
    case Align::center:
      return PANGO_ALIGN_CENTER;
    case Align::right:
      return PANGO_ALIGN_RIGHT;
    case Align::left:
    case Align::justify:
      break;
  }
  return PANGO_ALIGN_LEFT;
}

void set_font(PangoLayout* layout, const TextOptions& options) {
  const std::unique_ptr<PangoFontDescription, FontDescriptionRelease> font(pango_font_description_new());
  pango_font_description_set_family(font.get(), kFontFamily);
  pango_font_description_set_weight(font.get(), options.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(), options.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_size(font.get(), pango_units_from_double(options.size_pt));
  pango_layout_set_font_description(layout, font.get());  // copies
}

void set_underline(PangoLayout* layout) {
  PangoAttrList* attributes = pango_attr_list_new();
  pango_attr_list_insert(attributes, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));  // takes it
  pango_layout_set_attributes(layout, attributes);                                       // adds a reference
  pango_attr_list_unref(attributes);
}

// Pango breaks a word wider than the line between characters, but its search for the
// break is quadratic in the word's length (a 20,000-character word took 0.7 s). A run of
// more than kLongRun characters without a space gets a zero-width space, an invisible
// break opportunity, every kBreakEvery characters, which bounds the work; shorter words,
// hashes and URLs are untouched and move to the next line whole as usual.
constexpr std::size_t kLongRun = 256;
constexpr std::size_t kBreakEvery = 64;
constexpr std::string_view kZeroWidthSpace = "\u200B";

bool is_space(char byte) {
  return byte == ' ' || byte == '\t' || byte == '\n';
}

bool starts_code_point(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
}

std::string break_long_runs(const std::string& text) {
  std::string result;
  result.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    if (is_space(text[at])) {
      result += text[at++];
      continue;
    }
    std::size_t end = at;
    std::size_t characters = 0;
    while (end < text.size() && !is_space(text[end])) {
      characters += starts_code_point(text[end]) ? 1 : 0;
      ++end;
    }
    if (characters <= kLongRun) {
      result.append(text, at, end - at);
    } else {
      std::size_t seen = 0;
      for (; at < end; ++at) {
        if (starts_code_point(text[at])) {
          if (seen > 0 && seen % kBreakEvery == 0) {
            result += kZeroWidthSpace;
          }
          ++seen;
        }
        result += text[at];
      }
    }
    at = end;
  }
  return result;
}

}  // namespace

std::string clean_text(std::string_view text, bool single_line) {
  // Control bytes never occur inside a multi-byte UTF-8 sequence, so they can be filtered
  // byte by byte before the encoding is repaired.
  std::string filtered;
  filtered.reserve(text.size());
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte == '\r' || byte == '\n') {
      if (byte == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
        ++at;
      }
      filtered += single_line ? ' ' : '\n';
    } else if (byte == '\t') {
      filtered += single_line ? ' ' : '\t';
    } else if (byte >= 0x20 && byte != 0x7F) {
      filtered += static_cast<char>(byte);
    }
  }
  const std::unique_ptr<gchar, GlibRelease> valid(
      g_utf8_make_valid(filtered.data(), static_cast<gssize>(filtered.size())));
  return valid.get();
}

TextBox::TextBox(GObjectPointer<PangoLayout> layout) : layout_(std::move(layout)) {
  PangoLayoutIter* iterator = pango_layout_get_iter(layout_.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iterator, nullptr, &logical);
    int top = 0;
    int bottom = 0;
    pango_layout_iter_get_line_yrange(iterator, &top, &bottom);
    lines_.push_back(LineBox{pango_layout_iter_get_line_readonly(iterator), to_points(logical.x),
                             to_points(top), to_points(bottom),
                             to_points(pango_layout_iter_get_baseline(iterator))});
    width_ = std::max(width_, to_points(logical.width));
  } while (pango_layout_iter_next_line(iterator));
  pango_layout_iter_free(iterator);
}

double TextBox::height(int first, int count) const {
  if (count <= 0) {
    return 0;
  }
  return line(first + count - 1).bottom - line(first).top;
}

int TextBox::lines_fitting(int first, double available) const {
  int count = 0;
  while (first + count < line_count() && height(first, count + 1) <= available) {
    ++count;
  }
  return count;
}

SharedText shape_text(PangoContext* context, std::string_view text, const TextOptions& options) {
  GObjectPointer<PangoLayout> layout(pango_layout_new(context));
  set_font(layout.get(), options);
  if (options.underline) {
    set_underline(layout.get());
  }
  pango_layout_set_alignment(layout.get(), pango_alignment(options.align));
  pango_layout_set_justify(layout.get(), options.align == Align::justify);
  if (options.width_pt > 0) {
    pango_layout_set_width(layout.get(), pango_units_from_double(options.width_pt));
    // A word longer than the width (a URL, a long code) is broken between characters
    // instead of running past the margin or out of its table cell.
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    if (options.single_line) {
      pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    }
  }
  // set_text, never set_markup: user text is plain text.
  std::string clean = clean_text(text, options.single_line);
  if (options.width_pt > 0 && !options.single_line) {
    clean = break_long_runs(clean);
  }
  pango_layout_set_text(layout.get(), clean.data(), static_cast<int>(clean.size()));
  return std::make_shared<const TextBox>(std::move(layout));
}

GObjectPointer<PangoContext> make_context(PangoFontMap* font_map, cairo_t* cairo) {
  GObjectPointer<PangoContext> context(pango_font_map_create_context(font_map));
  pango_cairo_update_context(cairo, context.get());
  // Font sizes are points and the PDF's user unit is a point.
  pango_cairo_context_set_resolution(context.get(), 72);
  return context;
}

}  // namespace sinergi::document::detail
