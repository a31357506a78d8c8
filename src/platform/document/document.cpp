#include "platform/document/document.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <memory>
#include <new>
#include <string>

#include "platform/document/draw.h"
#include "platform/document/layout.h"
#include "platform/document/text.h"

namespace sinergi::document {
namespace {

struct SurfaceRelease {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoRelease {
  void operator()(cairo_t* cairo) const { cairo_destroy(cairo); }
};

// cairo's write callback: the PDF goes to memory. No exception may cross the C library.
cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::bad_alloc&) {
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

Error cairo_error(cairo_status_t status) {
  return Error(ErrorCode::Internal).with_log_detail(std::string("cairo: ") + cairo_status_to_string(status));
}

void set_metadata(cairo_surface_t* surface, const Document& document) {
  const auto set = [surface](cairo_pdf_metadata_t field, const std::string& value) {
    if (!value.empty()) {
      cairo_pdf_surface_set_metadata(surface, field, detail::clean_text(value, true).c_str());
    }
  };
  set(CAIRO_PDF_METADATA_TITLE, document.title);
  set(CAIRO_PDF_METADATA_AUTHOR, document.author);
  set(CAIRO_PDF_METADATA_SUBJECT, document.subject);
  set(CAIRO_PDF_METADATA_CREATOR, "Sinergi");
}

}  // namespace

Result<RenderedPdf> render_pdf(const Document& document) {
  TRY(detail::check_document(document));
  const detail::PageGeometry geometry = detail::page_geometry(document);

  // Declared before the surface, which writes into it until it is destroyed.
  RenderedPdf rendered;
  {
    const std::unique_ptr<cairo_surface_t, SurfaceRelease> surface(
        cairo_pdf_surface_create_for_stream(append_bytes, &rendered.bytes, geometry.width, geometry.height));
    if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
      return cairo_error(status);
    }
    set_metadata(surface.get(), document);
    std::unique_ptr<cairo_t, CairoRelease> cairo(cairo_create(surface.get()));

    // A font map of its own for every render: Pango's default font map is shared per
    // thread and its caches are not meant to be used from several threads, while a
    // private map makes concurrent renders independent (fontconfig and cairo lock their
    // own global caches). Its cost is the fonts' loading, a few milliseconds.
    const detail::GObjectPointer<PangoFontMap> font_map(pango_cairo_font_map_new());
    const detail::GObjectPointer<PangoContext> context = detail::make_context(font_map.get(), cairo.get());

    // Pass one lays everything out, so pass two knows the page count for "dari M".
    const std::vector<detail::Page> pages = TRY(detail::paginate(document, context.get()));
    detail::draw_pages(cairo.get(), context.get(), document, pages);
    rendered.pages = static_cast<int>(pages.size());

    if (const cairo_status_t status = cairo_status(cairo.get()); status != CAIRO_STATUS_SUCCESS) {
      return cairo_error(status);
    }
    cairo.reset();
    cairo_surface_finish(surface.get());
    if (const cairo_status_t status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
      return cairo_error(status);
    }
  }
  return rendered;
}

}  // namespace sinergi::document

// LeakSanitizer (the asan build) reports fontconfig's live patterns as leaks: an FcPattern
// reaches its elements through an offset from itself (elts_offset, so that font caches can
// be mapped from disk) rather than a pointer, which LeakSanitizer cannot follow. How many
// patterns are alive in fontconfig's and cairo's caches at exit varies from run to run
// (288 bytes to 58 kB here), while 1000 renders in one process keep a flat resident size.
// The frames of these allocations end inside libfontconfig (built without frame
// pointers), so the suppression names the library; allocations by pango, cairo, glib and
// this code are still checked. The hook is here rather than in a suppressions file so that
// every binary that renders a PDF under the sanitizers carries it: these tests, and the
// server in the API tests. It is unused without the sanitizer.
extern "C" const char* __lsan_default_suppressions();   // NOLINT(bugprone-reserved-identifier)
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "leak:libfontconfig.so\n";
}
