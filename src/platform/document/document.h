#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include "core/result.h"

// Business documents rendered to PDF (ADR 0003): the performance agreement (PK), the
// accountability report (LKjIP), the quarterly monitoring tables. A document is a list of
// blocks laid out top to bottom on A4 pages; the library measures, paginates and draws
// them with cairo and pango (real shaping, wrapping and justification, DejaVu Sans).
//
// Every length is in PDF points (1/72 inch). Text is UTF-8 plain text and is never read
// as markup: "<b>" prints as the three characters. Invalid UTF-8 is replaced with U+FFFD
// and control characters other than '\n' and '\t' are dropped.
//
// render_pdf is safe to call from several threads at once.

namespace sinergi::document {

enum class Align { left, center, right, justify };
enum class Orientation { portrait, landscape };  // always A4

struct TextStyle {
  double size_pt = 11;  // 4 to 72
  bool bold = false;
  bool italic = false;
  Align align = Align::left;  // justify leaves the last line of each '\n'-separated part ragged
};

// A paragraph may be split across pages between lines; a single first line is not left at
// the bottom of a page, nor a single last line carried to the next one, when avoidable.
// space_before is dropped at the top of a page.
struct Paragraph {
  std::string text;  // '\n' starts a new line
  TextStyle style;
  double space_before_pt = 0;
  double space_after_pt = 6;
  double indent_left_pt = 0;  // at most half the text width
};

struct Column {
  std::string heading;  // headings are bold and centred; no heading row when all are empty
  double width = 1;     // relative share of the text width, > 0
  Align align = Align::left;
};

// Cells wrap within their column (a word longer than the column is broken between
// characters). A row is never split across pages unless it is taller than a whole page;
// such a row is split between lines of its cells, each part framed, and nothing is clipped.
struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // at most columns.size() cells a row; fewer: blank cells
  std::vector<std::size_t> bold_rows;          // indexes into rows, e.g. group rows and totals
  double font_size_pt = 9;                     // 4 to 36
  bool repeat_header = true;  // the heading row is drawn again on every page the table continues on
  double space_after_pt = 8;
};

// One signatory: caption "PIHAK KEDUA,", position "Gubernur Kalimantan Timur", a blank
// space for the wet signature, the name bold and underlined, the identifier "NIP. ...",
// and an optional small stamp line (e.g. the electronic signature's time and hash).
// Empty fields take no space, except the signature space.
struct SignatureParty {
  std::string caption;
  std::string position;
  std::string name;
  std::string identifier;
  std::string stamp;
};

// One to three parties side by side, a single party on the right half. place_and_date is
// centred above the right-most party, as Indonesian letters place it. Never split across
// pages; a block taller than a page is refused.
struct SignatureBlock {
  std::string place_and_date;
  std::vector<SignatureParty> parties;
};

// The next block starts on a new page. Breaks never produce blank pages: several in a row
// count as one, and a break at the start or the end of the document does nothing.
struct PageBreak {};

using Block = std::variant<Paragraph, Table, SignatureBlock, PageBreak>;

struct Document {
  std::string title;  // PDF metadata
  std::string author;
  std::string subject;
  Orientation orientation = Orientation::portrait;
  double margin_pt = 56;     // ~2 cm on every side, 18 to 144; header and footer sit inside it
  std::string header_text;   // small text at the top of every page except the first; empty: none
  std::string footer_text;   // small text at the bottom left of every page; one line, ellipsized
  bool page_numbers = true;  // "Halaman N dari M" ("Page N of M" when english) at the bottom right
  bool english = false;
  std::vector<Block> blocks;
};

struct RenderedPdf {
  std::string bytes;
  int pages = 0;
};

// Lays the document out and renders it. An empty document is one blank page.
// Errors: InvalidInput naming the block and the value out of range (a size, a row with
// more cells than columns, a bold row index past the end, zero or more than three parties,
// a signature block taller than a page); Internal when cairo fails (detail in the log detail).
Result<RenderedPdf> render_pdf(const Document& document);

}  // namespace sinergi::document
