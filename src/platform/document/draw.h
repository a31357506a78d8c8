#pragma once

#include <vector>

#include "platform/document/document.h"
#include "platform/document/layout.h"

// Drawing: the second pass, once the page count is known. Internal to sinergi_document.

namespace sinergi::document::detail {

// Draws every page, with its header, footer and page number, and ends each with
// cairo_show_page. Errors stay in the cairo context's status.
void draw_pages(cairo_t* cairo, PangoContext* context, const Document& document,
                const std::vector<Page>& pages);

}  // namespace sinergi::document::detail
