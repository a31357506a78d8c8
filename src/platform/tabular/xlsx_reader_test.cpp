#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/tabular/table.h"
#include "platform/tabular/test_support.h"
#include "platform/tabular/zip_builder.h"

namespace sinergi::tabular {
namespace {

using testing::code_of;
using testing::file_message_en;
using testing::file_message_id;
using testing::make_xlsx;
using testing::make_zip;
using testing::XlsxParts;
using Rows = std::vector<std::vector<std::string>>;
using Strings = std::vector<std::string>;
using Numbers = std::vector<std::size_t>;

// cellXfs: 0 General, 1 built-in date 14, 2 custom "dd/mm/yyyy", 3 custom number with text.
// The conditional format (dxf) reusing id 164 does not redefine it.
const std::string kStyles = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0 &quot;hari&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" xfId="0"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.00"/></dxf></dxfs>
</styleSheet>)";

std::string inline_cell(std::string_view reference, std::string_view text) {
  return "<c r=\"" + std::string(reference) + "\" t=\"inlineStr\"><is><t>" + std::string(text) +
         "</t></is></c>";
}

TEST(ReadXlsx, SharedStringsWithRichTextAndPhoneticRuns) {
  XlsxParts parts;
  parts.shared_strings =
      "<si><t>Nama</t></si>"
      "<si><r><t xml:space=\"preserve\">Budi </t></r><r><rPr><b/></rPr><t>Santoso</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ぶでぃ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t>Unit</t></si>";
  parts.sheet_data = R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>)"
                     R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"Nama", "Unit"}));
  EXPECT_EQ(table->rows, (Rows{{"Budi Santoso", "Unit"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{2}));
}

TEST(ReadXlsx, InlineStringsWithRunsAndEscapes) {
  XlsxParts parts;
  parts.sheet_data =
      "<row r=\"1\">" + inline_cell("A1", "Kode") + inline_cell("B1", "Catatan") +
      "</row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>1.</t></r><r><t>01</t></r></is></c>" +
      inline_cell("B2", "baris_x000D_\ndua") + "</row>";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"Kode", "Catatan"}));
  EXPECT_EQ(table->rows, (Rows{{"1.01", "baris\r\ndua"}}));
}

TEST(ReadXlsx, GapsInReferencesAndCellsWithoutThem) {
  XlsxParts parts;
  parts.sheet_data =
      "<row r=\"1\">" + inline_cell("A1", "a") + inline_cell("C1", "c") + "</row>" + "<row r=\"3\">" +
      inline_cell("B3", "x") + "</row>" +
      "<row r=\"5\"><c t=\"inlineStr\"><is><t>p</t></is></c><c t=\"inlineStr\"><is><t>q</t></is></c></row>"
      "<row><c t=\"inlineStr\"><is><t>r</t></is></c>" +
      inline_cell("D6", "s") + "</row>";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"a", "", "c"}));
  EXPECT_EQ(table->rows, (Rows{{"", "x", ""}, {"p", "q", ""}, {"r", "", "", "s"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{3, 5, 6}));
}

TEST(ReadXlsx, HeaderIsTheFirstNonEmptyRowAndTrailingEmptyRowsAreIgnored) {
  XlsxParts parts;
  parts.styles = kStyles;
  parts.sheet_data =
      R"(<row r="1"><c r="A1" s="1"/></row><row r="2"><c r="A2" t="inlineStr"><is><t> </t></is></c></row>)"
      "<row r=\"3\">" +
      inline_cell("A3", " NIP ") + inline_cell("B3", "Nama") + "</row><row r=\"4\">" +
      inline_cell("A4", "1") + inline_cell("B4", " Ani ") + "</row>" +
      R"(<row r="5"><c r="A5" s="1"/><c r="B5" t="s"/></row><row r="9" ht="20" customHeight="1"/>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"NIP", "Nama"}));
  EXPECT_EQ(table->rows, (Rows{{"1", " Ani "}}));
  EXPECT_EQ(table->row_numbers, (Numbers{4}));
}

TEST(ReadXlsx, NumbersBooleansErrorsAndFormulaStrings) {
  XlsxParts parts;
  parts.sheet_data = "<row r=\"1\">" + inline_cell("A1", "nilai") + "</row>" +
                     R"(<row r="2"><c r="A2"><v>42</v></c></row>)"
                     R"(<row r="3"><c r="A3" t="n"><v>0.10000000000000001</v></c></row>)"
                     R"(<row r="4"><c r="A4"><v>1E3</v></c></row>)"
                     R"(<row r="5"><c r="A5"><v>-3.5</v></c></row>)"
                     R"(<row r="6"><c r="A6" t="b"><v>1</v></c></row>)"
                     R"(<row r="7"><c r="A7" t="b"><v>0</v></c></row>)"
                     R"(<row r="8"><c r="A8" t="e"><f>VLOOKUP(B8,C:D,2,0)</f><v>#N/A</v></c></row>)"
                     R"(<row r="9"><c r="A9" t="str"><f>B9&amp;C9</f><v>Kota Bandung</v></c></row>)"
                     R"(<row r="10"><c r="A10" t="d"><v>2025-01-01T00:00:00</v></c></row>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows, (Rows{{"42"},
                               {"0.1"},
                               {"1000"},
                               {"-3.5"},
                               {"TRUE"},
                               {"FALSE"},
                               {"#N/A"},
                               {"Kota Bandung"},
                               {"2025-01-01T00:00:00"}}));
  EXPECT_EQ(table->warnings, (std::vector<CellWarning>{{8, 0, "sel berisi galat Excel #N/A",
                                                        "the cell holds the Excel error #N/A"}}));
}

TEST(ReadXlsx, DateStyledSerials) {
  XlsxParts parts;
  parts.styles = kStyles;
  parts.sheet_data = "<row r=\"1\">" + inline_cell("A1", "tanggal") + "</row>" +
                     R"(<row r="2"><c r="A2" s="1"><v>45658</v></c></row>)"
                     R"(<row r="3"><c r="A3" s="1"><v>45658.5</v></c></row>)"
                     R"(<row r="4"><c r="A4" s="2"><v>45292</v></c></row>)"
                     R"(<row r="5"><c r="A5" s="3"><v>5</v></c></row>)"
                     R"(<row r="6"><c r="A6" s="0"><v>45658</v></c></row>)"
                     R"(<row r="7"><c r="A7" s="99"><v>45658</v></c></row>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows,
            (Rows{{"2025-01-01"}, {"2025-01-01 12:00:00"}, {"2024-01-01"}, {"5"}, {"45658"}, {"45658"}}));
}

TEST(ReadXlsx, Date1904System) {
  XlsxParts parts;
  parts.styles = kStyles;
  parts.workbook_properties = R"(<workbookPr date1904="1"/>)";
  parts.sheet_data = "<row r=\"1\">" + inline_cell("A1", "tanggal") + "</row>" +
                     R"(<row r="2"><c r="A2" s="1"><v>44196</v></c></row>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows, (Rows{{"2025-01-01"}}));
}

TEST(ReadXlsx, NipTypedAsANumberGetsAWarning) {
  XlsxParts parts;
  parts.sheet_data = "<row r=\"1\">" + inline_cell("A1", "Nama") + inline_cell("B1", "NIP") + "</row>" +
                     "<row r=\"2\">" + inline_cell("A2", "Budi") +
                     "<c r=\"B2\"><v>1.9700101200212101E+17</v></c></row>";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows, (Rows{{"Budi", "197001012002121010"}}));
  EXPECT_EQ(table->warnings,
            (std::vector<CellWarning>{
                {2, 1, "angka lebih dari 15 digit kehilangan presisi di Excel; format kolom sebagai Teks",
                 "a number of more than 15 digits loses precision in Excel; format the column as Text"}}));
}

TEST(ReadXlsx, PrefixedNamespacesAndAbsoluteTargets) {
  const std::string workbook =
      R"(<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
      R"(xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
      R"(<x:sheets><x:sheet name="Tersembunyi" sheetId="1" state="hidden" rel:id="R1"/>)"
      R"(<x:sheet name="Data" sheetId="2" rel:id="R2"/></x:sheets></x:workbook>)";
  const std::string relationships =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/hidden.xml"/>)"
      R"(<Relationship Id="R2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/data/../worksheets/./data.xml"/>)"
      R"(</Relationships>)";
  const std::string sheet =
      R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)"
      R"(<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Kode</x:t></x:is></x:c></x:row>)"
      R"(<x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>)";
  const std::string hidden = testing::worksheet_xml("<row r=\"1\">" + inline_cell("A1", "salah") + "</row>");
  const Result<Table> table = read_xlsx(make_zip({{"xl/workbook.xml", workbook},
                                                  {"xl/_rels/workbook.xml.rels", relationships},
                                                  {"xl/worksheets/hidden.xml", hidden},
                                                  {"xl/worksheets/data.xml", sheet}}));
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"Kode"}));
  EXPECT_EQ(table->rows, (Rows{{"7"}}));
}

TEST(ReadXlsx, DoctypeIsRefused) {
  const std::string billion_laughs =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>)"
      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)";
  const Result<Table> table =
      read_xlsx(make_zip({{"xl/workbook.xml", testing::workbook_xml()},
                          {"xl/_rels/workbook.xml.rels", testing::workbook_relationships_xml()},
                          {"xl/worksheets/sheet1.xml", billion_laughs}}));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "'xl/worksheets/sheet1.xml' contains a DOCTYPE, which is not allowed");
  EXPECT_EQ(file_message_id(table), "'xl/worksheets/sheet1.xml' berisi DOCTYPE, yang tidak diizinkan");
}

TEST(ReadXlsx, ExternalEntityInTheWorkbookIsRefused) {
  const std::string workbook =
      R"(<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
      R"(<workbook><sheets><sheet name="&xxe;" r:id="rId1"/></sheets></workbook>)";
  const Result<Table> table = read_xlsx(make_zip({{"xl/workbook.xml", workbook}}));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(file_message_en(table), "'xl/workbook.xml' contains a DOCTYPE, which is not allowed");
}

TEST(ReadXlsx, HighCompressionRatioIsAZipBomb) {
  ReadLimits limits;
  limits.max_compression_ratio = 100;
  const std::string zeros = testing::worksheet_xml("") + std::string(std::size_t{20} * 1024 * 1024, '0');
  const std::string bytes = make_zip({{"xl/workbook.xml", testing::workbook_xml()},
                                      {"xl/_rels/workbook.xml.rels", testing::workbook_relationships_xml()},
                                      {"xl/worksheets/sheet1.xml", zeros}});
  ASSERT_LT(bytes.size(), 100 * 1024U);
  const Result<Table> table = read_xlsx(bytes, limits);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(table),
            "the entry 'xl/worksheets/sheet1.xml' expands more than 100 times (possible zip bomb)");
  EXPECT_EQ(file_message_id(table),
            "entri 'xl/worksheets/sheet1.xml' mengembang lebih dari 100 kali (kemungkinan bom zip)");
}

// Overwrites the uncompressed size that the local header and the central directory declare
// for `name`, as a forged archive would.
void forge_declared_size(std::string& zip, std::string_view name, std::uint32_t size) {
  const auto patch = [&](std::size_t offset) {
    for (std::size_t byte = 0; byte < 4; ++byte) {
      zip[offset + byte] = static_cast<char>((size >> (8 * byte)) & 0xFF);
    }
  };
  for (std::size_t at = zip.find("PK\x03\x04"); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 1)) {
    if (std::string_view(zip).substr(at + 30, name.size()) == name) {
      patch(at + 22);
    }
  }
  for (std::size_t at = zip.find("PK\x01\x02"); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 1)) {
    if (std::string_view(zip).substr(at + 46, name.size()) == name) {
      patch(at + 24);
    }
  }
}

TEST(ReadXlsx, DeclaredSizesThatLieDoNotHelpABomb) {
  std::string bytes =
      make_zip({{"xl/workbook.xml", testing::workbook_xml()},
                {"xl/_rels/workbook.xml.rels", testing::workbook_relationships_xml()},
                {"xl/worksheets/sheet1.xml", std::string(std::size_t{20} * 1024 * 1024, ' ')}});
  forge_declared_size(bytes, "xl/worksheets/sheet1.xml", 1000);
  const Result<Table> table = read_xlsx(bytes);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "the entry 'xl/worksheets/sheet1.xml' inside the XLSX file is damaged");
}

TEST(ReadXlsx, InflatedBytesAreCountedAcrossEntries) {
  ReadLimits limits;
  limits.max_uncompressed_bytes = std::size_t{64} * 1024;
  std::string rows = "<row r=\"1\">" + inline_cell("A1", "nomor") + "</row>";
  for (int row = 2; row < 3000; ++row) {
    rows += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) + "\"><v>" +
            std::to_string(row * 7919 % 10007) + "</v></c></row>";
  }
  XlsxParts parts;
  parts.sheet_data = rows;
  const std::string bytes = make_xlsx(parts);
  EXPECT_TRUE(read_xlsx(bytes).ok());
  const Result<Table> table = read_xlsx(bytes, limits);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(table),
            "the XLSX content exceeds the limit of 64 KB once extracted (possible zip bomb)");
}

TEST(ReadXlsx, ZipWithoutWorkbookIsNotASpreadsheet) {
  const Result<Table> table = read_xlsx(make_zip({{"word/document.xml", "<w:document/>"}}));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "the file is not an XLSX spreadsheet: xl/workbook.xml is missing");
  EXPECT_EQ(file_message_id(table), "berkas bukan spreadsheet XLSX: xl/workbook.xml tidak ada");
}

TEST(ReadXlsx, RandomBytesAreNotAZip) {
  std::string random;
  std::uint32_t state = 12345;
  for (int index = 0; index < 4096; ++index) {
    state = state * 1103515245 + 12345;
    random += static_cast<char>(state >> 24);
  }
  for (const std::string& bytes : {random, "PK\x03\x04" + random, std::string()}) {
    const Result<Table> table = read_xlsx(bytes);
    ASSERT_FALSE(table.ok());
    EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
    EXPECT_EQ(
        file_message_en(table),
        "the file is not a valid XLSX: the ZIP archive is damaged or not a ZIP; save it again from Excel");
  }
}

TEST(ReadXlsx, MissingSharedStringIsUnreadable) {
  XlsxParts parts;
  parts.shared_strings = "<si><t>Nama</t></si>";
  parts.sheet_data =
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>5</v></c></row>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "cell B2: shared string 5 does not exist");
  EXPECT_EQ(file_message_id(table), "sel B2: teks bersama nomor 5 tidak ada");
}

TEST(ReadXlsx, BadCellReferenceIsUnreadable) {
  XlsxParts parts;
  parts.sheet_data = R"(<row r="1"><c r="ZZZZ1"><v>1</v></c></row>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(file_message_en(table), "invalid cell reference 'ZZZZ1'");
}

TEST(ReadXlsx, MalformedXmlNamesThePartAndLine) {
  XlsxParts parts;
  parts.sheet_data = R"(<row r="1"><c r="A1"><v>1</c></row>)";
  const Result<Table> table = read_xlsx(make_xlsx(parts));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "'xl/worksheets/sheet1.xml' is not valid XML (line 2: mismatched tag)");
  EXPECT_EQ(file_message_id(table), "'xl/worksheets/sheet1.xml' bukan XML yang sah (baris 2)");
}

TEST(ReadXlsx, WorkbookWithoutSheets) {
  const Result<Table> table = read_xlsx(make_zip({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}}));
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(file_message_en(table), "the spreadsheet has no worksheet");
}

TEST(ReadXlsx, ColumnLimitCountsNonEmptyCells) {
  ReadLimits limits;
  limits.max_columns = 2;
  XlsxParts parts;
  parts.styles = kStyles;
  parts.sheet_data = "<row r=\"1\">" + inline_cell("A1", "a") + inline_cell("B1", "b") +
                     "<c r=\"Z1\" s=\"1\"/></row><row r=\"2\">" + inline_cell("A2", "1") +
                     inline_cell("C2", "3") + "</row>";
  const Result<Table> table = read_xlsx(make_xlsx(parts), limits);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(table), "cell C2 lies beyond the 2 allowed columns");
}

TEST(ReadXlsx, RowAndCellLimits) {
  XlsxParts parts;
  parts.sheet_data = "<row r=\"1\">" + inline_cell("A1", "a") + "</row><row r=\"2\">" +
                     inline_cell("A2", "1234") + "</row><row r=\"3\">" + inline_cell("A3", "x") + "</row>";
  const std::string bytes = make_xlsx(parts);

  ReadLimits rows;
  rows.max_rows = 1;
  const Result<Table> too_many = read_xlsx(bytes, rows);
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(file_message_en(too_many), "the file has more than 1 data rows");

  ReadLimits cells;
  cells.max_cell_bytes = 3;
  const Result<Table> too_large = read_xlsx(bytes, cells);
  ASSERT_FALSE(too_large.ok());
  EXPECT_EQ(too_large.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(too_large), "cell A2: the content is larger than 3 bytes");

  ReadLimits input;
  input.max_input_bytes = 100;
  EXPECT_EQ(code_of(read_xlsx(bytes, input)), ErrorCode::FileLimitExceeded);
}

}  // namespace
}  // namespace sinergi::tabular
