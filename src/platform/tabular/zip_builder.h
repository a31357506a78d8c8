#pragma once

// Test support: builds zip archives in memory with libzip, to hand-craft XLSX files.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sinergi::tabular::testing {

struct ZipEntry {
  std::string name;
  std::string content;
};

// A zip of `entries`, deflated (stored when `deflate` is false).
std::string make_zip(const std::vector<ZipEntry>& entries, bool deflate = true);

// The inflated content of one entry of a zip; throws when it is missing.
std::string read_zip_entry(std::string_view zip, const std::string& name);

// A minimal XLSX: one worksheet "Sheet1" at xl/worksheets/sheet1.xml with the given
// <sheetData> content, plus shared strings and styles parts when not empty.
struct XlsxParts {
  std::string sheet_data;           // the rows, e.g. "<row r=\"1\">...</row>"
  std::string shared_strings;       // the <si> items; no part when empty
  std::string styles;               // the whole styles.xml; no part when empty
  std::string workbook_properties;  // e.g. "<workbookPr date1904=\"1\"/>"
};
std::string make_xlsx(const XlsxParts& parts);

// The whole xl/workbook.xml, xl/_rels/workbook.xml.rels and [Content_Types].xml of
// make_xlsx, for tests that build archives piece by piece.
std::string workbook_xml(std::string_view workbook_properties = "");
std::string workbook_relationships_xml();
std::string content_types_xml();
std::string worksheet_xml(std::string_view sheet_data);

}  // namespace sinergi::tabular::testing
