#include "platform/document/document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

// The PDFs are read back with poppler-utils (pdfinfo, pdftotext), an independent reader,
// so the tests see what a user's viewer sees: page count, page size, metadata and text.

namespace sinergi::document {
namespace {

using testing::HasSubstr;
using testing::Not;

struct CommandOutput {
  int status = -1;
  std::string output;
};

CommandOutput run(const std::string& command) {
  CommandOutput result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return result;
  }
  char buffer[4096];
  std::size_t read = 0;
  while ((read = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
    result.output.append(buffer, read);
  }
  result.status = pclose(pipe);
  return result;
}

bool tool_available(const std::string& tool) {
  return run("command -v " + tool + " >/dev/null 2>&1").status == 0;
}

// The rendered bytes in a temporary file for the poppler tools; removed afterwards.
class PdfFile {
 public:
  explicit PdfFile(const std::string& bytes) {
    std::string name = (std::filesystem::temp_directory_path() / "sinergi-document-XXXXXX.pdf").string();
    const int descriptor = mkstemps(name.data(), 4);
    if (descriptor >= 0) {
      close(descriptor);
      path_ = name;
      std::ofstream(path_, std::ios::binary) << bytes;
    }
  }
  ~PdfFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  PdfFile(const PdfFile&) = delete;
  PdfFile& operator=(const PdfFile&) = delete;

  std::string info() const { return run("pdfinfo '" + path_ + "' 2>&1").output; }
  // pdftotext -layout of all pages, or of page `page` only.
  std::string text(int page = 0) const {
    const std::string range = page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return run("pdftotext -layout -enc UTF-8" + range + " '" + path_ + "' - 2>&1").output;
  }

 private:
  std::string path_;
};

std::string info_field(const std::string& info, const std::string& field) {
  std::istringstream lines(info);
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with(field + ":")) {
      const std::size_t value = line.find_first_not_of(' ', field.size() + 1);
      return value == std::string::npos ? "" : line.substr(value);
    }
  }
  return "";
}

int info_pages(const std::string& info) {
  const std::string pages = info_field(info, "Pages");
  return pages.empty() ? -1 : std::stoi(pages);
}

std::size_t count_of(const std::string& text, char wanted) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), wanted));
}

Paragraph paragraph(std::string text) {
  Paragraph result;
  result.text = std::move(text);
  return result;
}

Table indicator_table(int rows) {
  Table table;
  table.columns = {
      {"No", 0.5, Align::right}, {"Indikator Kinerja", 4, Align::left}, {"Target", 1, Align::right}};
  for (int row = 1; row <= rows; ++row) {
    table.rows.push_back({std::to_string(row),
                          "Persentase capaian layanan kesehatan baris " + std::to_string(row),
                          std::to_string(80 + row % 20) + "%"});
  }
  return table;
}

class RenderPdf : public testing::Test {
 protected:
  void SetUp() override {
    for (const std::string tool : {"pdfinfo", "pdftotext"}) {
      if (!tool_available(tool)) {
        FAIL() << tool << " is missing: install poppler-utils (scripts/install-deps.sh installs it)";
      }
    }
  }

  static RenderedPdf render(const Document& document) {
    Result<RenderedPdf> rendered = render_pdf(document);
    if (!rendered.ok()) {
      ADD_FAILURE() << rendered.error().message(Locale::english) << " " << rendered.error().log_detail();
      return {};
    }
    return std::move(rendered).value();
  }
};

TEST_F(RenderPdf, ThreeParagraphsMakeOnePageWithMetadata) {
  Document document;
  document.title = "Perjanjian Kinerja Tahun 2026";
  document.author = "Dinas Kesehatan Provinsi Kalimantan Timur";
  document.subject = "PK";
  Paragraph title = paragraph("PERJANJIAN KINERJA TAHUN 2026");
  title.style = {.size_pt = 14, .bold = true, .align = Align::center};
  Paragraph body = paragraph(
      "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta "
      "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:");
  body.style.align = Align::justify;
  document.blocks = {title, body, paragraph("Nama: dr. Jaya Mualimin\nJabatan: Kepala Dinas Kesehatan")};

  const RenderedPdf rendered = render(document);
  ASSERT_TRUE(rendered.bytes.starts_with("%PDF-"));
  std::string_view tail(rendered.bytes);
  while (tail.ends_with('\n') || tail.ends_with('\r')) {
    tail.remove_suffix(1);
  }
  EXPECT_TRUE(tail.ends_with("%%EOF"));
  EXPECT_EQ(rendered.pages, 1);

  const PdfFile file(rendered.bytes);
  const std::string info = file.info();
  EXPECT_EQ(info_pages(info), 1) << info;
  EXPECT_EQ(info_field(info, "Title"), "Perjanjian Kinerja Tahun 2026");
  EXPECT_EQ(info_field(info, "Author"), "Dinas Kesehatan Provinsi Kalimantan Timur");
  EXPECT_EQ(info_field(info, "Subject"), "PK");
  EXPECT_THAT(info_field(info, "Page size"), HasSubstr("595.276 x 841.89 pts (A4)"));

  const std::string text = file.text();
  EXPECT_THAT(text, HasSubstr("PERJANJIAN KINERJA TAHUN 2026"));
  EXPECT_THAT(text, HasSubstr("mewujudkan manajemen pemerintahan"));
  EXPECT_THAT(text, HasSubstr("Jabatan: Kepala Dinas Kesehatan"));
  EXPECT_THAT(text, HasSubstr("Halaman 1 dari 1"));
}

TEST_F(RenderPdf, EmptyDocumentIsOneBlankPage) {
  Document document;
  document.page_numbers = false;
  const RenderedPdf rendered = render(document);
  EXPECT_EQ(rendered.pages, 1);
  const PdfFile file(rendered.bytes);
  EXPECT_EQ(info_pages(file.info()), 1);
  EXPECT_THAT(file.text(), testing::Not(testing::ContainsRegex("[A-Za-z0-9]")));
}

TEST_F(RenderPdf, LongTableSpansPagesAndRepeatsItsHeading) {
  Document document;
  document.blocks = {paragraph("Lampiran: indikator kinerja"), indicator_table(200)};
  const RenderedPdf rendered = render(document);
  EXPECT_GT(rendered.pages, 3);

  const PdfFile file(rendered.bytes);
  EXPECT_EQ(info_pages(file.info()), rendered.pages);
  const std::string second_page = file.text(2);
  EXPECT_THAT(second_page, HasSubstr("Indikator Kinerja"));
  EXPECT_THAT(second_page, Not(HasSubstr("Lampiran")));
  const std::string last_page = file.text(rendered.pages);
  EXPECT_THAT(last_page, HasSubstr("baris 200"));
  EXPECT_THAT(last_page, HasSubstr("Indikator Kinerja"));
  EXPECT_THAT(last_page, HasSubstr("Halaman " + std::to_string(rendered.pages) + " dari " +
                                   std::to_string(rendered.pages)));
  // Every row once: none lost or drawn twice at a page break.
  const std::string text = file.text();
  for (const int row : {1, 57, 58, 59, 120, 199, 200}) {
    const std::string cell = "baris " + std::to_string(row) + " ";
    const std::size_t first = text.find(cell);
    EXPECT_NE(first, std::string::npos) << row;
    EXPECT_EQ(text.find(cell, first + 1), std::string::npos) << row;
  }
}

TEST_F(RenderPdf, HeadingIsNotRepeatedWhenNotAsked) {
  Table table = indicator_table(120);
  table.repeat_header = false;
  Document document;
  document.blocks = {table};
  const RenderedPdf rendered = render(document);
  ASSERT_GT(rendered.pages, 1);
  const PdfFile file(rendered.bytes);
  EXPECT_THAT(file.text(1), HasSubstr("Indikator Kinerja"));
  EXPECT_THAT(file.text(2), Not(HasSubstr("Indikator Kinerja")));
}

TEST_F(RenderPdf, HeaderFooterAndPageNumbers) {
  Document document;
  document.header_text = "Laporan Kinerja Instansi Pemerintah 2025";
  document.footer_text = "Dokumen ini dibuat oleh Sinergi";
  document.blocks = {paragraph("Halaman pertama"), PageBreak{}, paragraph("Halaman kedua")};
  RenderedPdf rendered = render(document);
  ASSERT_EQ(rendered.pages, 2);
  {
    const PdfFile file(rendered.bytes);
    const std::string first = file.text(1);
    EXPECT_THAT(first, Not(HasSubstr("Laporan Kinerja Instansi")));
    EXPECT_THAT(first, HasSubstr("Dokumen ini dibuat oleh Sinergi"));
    EXPECT_THAT(first, HasSubstr("Halaman 1 dari 2"));
    const std::string second = file.text(2);
    EXPECT_THAT(second, HasSubstr("Laporan Kinerja Instansi Pemerintah 2025"));
    EXPECT_THAT(second, HasSubstr("Halaman 2 dari 2"));
  }
  document.english = true;
  rendered = render(document);
  const PdfFile file(rendered.bytes);
  EXPECT_THAT(file.text(2), HasSubstr("Page 2 of 2"));
}

TEST_F(RenderPdf, PageBreaksNeverMakeBlankPages) {
  Document document;
  document.blocks = {PageBreak{}, paragraph("satu"), PageBreak{}, PageBreak{}, paragraph("dua"), PageBreak{}};
  const RenderedPdf rendered = render(document);
  EXPECT_EQ(rendered.pages, 2);
  const PdfFile file(rendered.bytes);
  EXPECT_EQ(info_pages(file.info()), 2);
  EXPECT_THAT(file.text(2), HasSubstr("dua"));
}

TEST_F(RenderPdf, LongParagraphContinuesOnTheNextPage) {
  std::string text;
  for (int sentence = 1; sentence <= 300; ++sentence) {
    text += "Kalimat nomor " + std::to_string(sentence) + " tentang capaian kinerja daerah. ";
  }
  Paragraph long_paragraph = paragraph(text);
  long_paragraph.style.align = Align::justify;
  Document document;
  document.blocks = {long_paragraph};
  const RenderedPdf rendered = render(document);
  ASSERT_GT(rendered.pages, 1);
  const PdfFile file(rendered.bytes);
  EXPECT_EQ(info_pages(file.info()), rendered.pages);
  EXPECT_THAT(file.text(rendered.pages), HasSubstr("Kalimat nomor 300"));
}

TEST_F(RenderPdf, SignatureBlockPutsPartiesSideBySide) {
  SignatureBlock signatures;
  signatures.place_and_date = "Samarinda, 2 Januari 2026";
  signatures.parties = {
      {"PIHAK KEDUA,", "Gubernur Kalimantan Timur", "Dr. H. Rudy Mas'ud, S.E., M.E.", "", ""},
      {"PIHAK PERTAMA,", "Kepala Dinas Kesehatan", "dr. Jaya Mualimin, Sp.KJ., M.Kes.",
       "NIP. 197001012002121001", "Ditandatangani secara elektronik 2026-01-10 09:12 UTC"}};
  Document document;
  document.blocks = {paragraph("Demikian perjanjian ini dibuat."), signatures};
  const RenderedPdf rendered = render(document);
  EXPECT_EQ(rendered.pages, 1);

  const std::string text = PdfFile(rendered.bytes).text();
  EXPECT_THAT(text, HasSubstr("Samarinda, 2 Januari 2026"));
  EXPECT_THAT(text, HasSubstr("NIP. 197001012002121001"));
  EXPECT_THAT(text, HasSubstr("Ditandatangani secara elektronik"));
  // -layout keeps the page's geometry: both names on one line, the governor's on the left.
  std::istringstream lines(text);
  bool side_by_side = false;
  for (std::string line; std::getline(lines, line);) {
    const std::size_t governor = line.find("Dr. H. Rudy Mas'ud, S.E., M.E.");
    const std::size_t head = line.find("dr. Jaya Mualimin, Sp.KJ., M.Kes.");
    side_by_side =
        side_by_side || (governor != std::string::npos && head != std::string::npos && governor < head);
  }
  EXPECT_TRUE(side_by_side) << text;
}

TEST_F(RenderPdf, SignatureBlockMovesWholeToTheNextPage) {
  Document document;
  for (int line = 0; line < 44; ++line) {
    document.blocks.emplace_back(paragraph("Baris pengisi " + std::to_string(line)));
  }
  document.blocks.emplace_back(
      SignatureBlock{"Samarinda, 2 Januari 2026", {{"PIHAK KEDUA,", "Gubernur", "Rudy", "", ""}}});
  const RenderedPdf rendered = render(document);
  ASSERT_EQ(rendered.pages, 2);
  const PdfFile file(rendered.bytes);
  EXPECT_THAT(file.text(1), Not(HasSubstr("PIHAK KEDUA")));
  EXPECT_THAT(file.text(2), HasSubstr("Samarinda, 2 Januari 2026"));
  EXPECT_THAT(file.text(2), HasSubstr("Rudy"));
}

TEST_F(RenderPdf, LandscapePagesAreWiderThanTall) {
  Document document;
  document.orientation = Orientation::landscape;
  document.blocks = {paragraph("Monitoring triwulan III"), indicator_table(10)};
  const RenderedPdf rendered = render(document);
  const PdfFile file(rendered.bytes);
  const std::string size = info_field(file.info(), "Page size");
  double width = 0;
  double height = 0;
  std::string by;
  ASSERT_TRUE(std::istringstream(size) >> width >> by >> height) << size;
  EXPECT_NEAR(width, 841.89, 0.01);
  EXPECT_NEAR(height, 595.28, 0.01);
  EXPECT_THAT(file.text(), HasSubstr("Monitoring triwulan III"));
}

TEST_F(RenderPdf, IndonesianAndOtherUnicodeText) {
  Document document;
  document.blocks = {paragraph("Capaian 98,5% — anggaran Rp 1.250.000.000 “terserap” · Hasil: ≥ 90 · café")};
  const std::string text = PdfFile(render(document).bytes).text();
  EXPECT_THAT(text, HasSubstr("Capaian 98,5% — anggaran Rp 1.250.000.000 “terserap” · Hasil: ≥ 90 · café"));
}

TEST_F(RenderPdf, LongWordInACellIsBrokenNotLost) {
  Table table;
  table.columns = {{"Kode", 1, Align::left}, {"Uraian", 3, Align::left}};
  table.rows = {{std::string(300, 'W'), "sesudah"}};
  Document document;
  document.blocks = {table};
  const RenderedPdf rendered = render(document);
  EXPECT_EQ(rendered.pages, 1);
  const std::string text = PdfFile(rendered.bytes).text();
  EXPECT_EQ(count_of(text, 'W'), 300U);
  EXPECT_THAT(text, HasSubstr("sesudah"));
}

TEST_F(RenderPdf, RowTallerThanAPageIsSplitBetweenLines) {
  std::string tall;
  for (int line = 1; line <= 150; ++line) {
    tall += "catatan " + std::to_string(line) + "\n";
  }
  Table table;
  table.columns = {{"No", 1, Align::left}, {"Catatan", 4, Align::left}};
  table.rows = {{"1", "pendek"}, {"2", tall}, {"3", "sesudahnya"}};
  Document document;
  document.blocks = {table};
  const RenderedPdf rendered = render(document);
  EXPECT_GT(rendered.pages, 1);
  const PdfFile file(rendered.bytes);
  const std::string text = file.text();
  for (const int line : {1, 75, 150}) {
    EXPECT_THAT(text, HasSubstr("catatan " + std::to_string(line) + "\n")) << line;
  }
  EXPECT_THAT(file.text(2), HasSubstr("Catatan"));  // heading repeated above the continuation
  EXPECT_THAT(file.text(rendered.pages), HasSubstr("sesudahnya"));
}

TEST_F(RenderPdf, TextIsNeverReadAsMarkup) {
  Table table;
  table.columns = {{"<i>Kolom</i>", 1, Align::left}};
  table.rows = {{"A & B <span foreground=\"red\">merah</span>"}};
  Document document;
  document.title = "<b>Judul</b> & co";
  document.header_text = "<u>kepala</u>";
  document.blocks = {paragraph("<b>tebal</b> & <i>miring</i> &amp; 5 < 6"), table, PageBreak{},
                     paragraph("x")};
  const RenderedPdf rendered = render(document);
  const PdfFile file(rendered.bytes);
  const std::string text = file.text();
  EXPECT_THAT(text, HasSubstr("<b>tebal</b> & <i>miring</i> &amp; 5 < 6"));
  EXPECT_THAT(text, HasSubstr("<i>Kolom</i>"));
  EXPECT_THAT(text, HasSubstr("A & B <span foreground=\"red\">merah</span>"));
  EXPECT_THAT(text, HasSubstr("<u>kepala</u>"));
  EXPECT_EQ(info_field(file.info(), "Title"), "<b>Judul</b> & co");
}

TEST_F(RenderPdf, InvalidUtf8AndControlCharactersAreCleaned) {
  Document document;
  using namespace std::string_literals;
  document.blocks = {paragraph("awal\xFF\x01\x7Ftengah\r\nakhir\0!"s)};
  const std::string text = PdfFile(render(document).bytes).text();
  EXPECT_THAT(text, HasSubstr("awal\xEF\xBF\xBDtengah"));
  EXPECT_THAT(text, HasSubstr("akhir!"));
}

TEST_F(RenderPdf, TwoThreadsRenderAtOnce) {
  Document document;
  document.blocks = {paragraph("Laporan triwulan"), indicator_table(150)};
  std::vector<Result<RenderedPdf>> results(2, Result<RenderedPdf>(ErrorCode::Internal));
  {
    std::vector<std::jthread> threads;
    for (std::size_t index = 0; index < results.size(); ++index) {
      threads.emplace_back([&document, &results, index] { results[index] = render_pdf(document); });
    }
  }
  for (const Result<RenderedPdf>& result : results) {
    ASSERT_TRUE(result.ok());
    EXPECT_GT(result->pages, 1);
    EXPECT_EQ(result->pages, results[0]->pages);
    EXPECT_EQ(info_pages(PdfFile(result->bytes).info()), result->pages);
  }
}

TEST(RenderPdfInput, RefusesValuesOutOfRange) {
  const auto refused = [](const Document& document) {
    const Result<RenderedPdf> rendered = render_pdf(document);
    return !rendered.ok() && rendered.error().code() == ErrorCode::InvalidInput;
  };
  Document document;
  document.margin_pt = 0;
  EXPECT_TRUE(refused(document));

  document = {};
  Paragraph nan_size = paragraph("x");
  nan_size.style.size_pt = std::numeric_limits<double>::quiet_NaN();
  document.blocks = {nan_size};
  EXPECT_TRUE(refused(document));

  Table table = indicator_table(2);
  table.rows[1].push_back("one cell too many");
  document.blocks = {table};
  EXPECT_TRUE(refused(document));

  table = indicator_table(2);
  table.bold_rows = {2};
  document.blocks = {table};
  EXPECT_TRUE(refused(document));

  table = indicator_table(2);
  table.columns[0].width = 0;
  document.blocks = {table};
  EXPECT_TRUE(refused(document));

  document.blocks = {SignatureBlock{"", {{}, {}, {}, {}}}};
  EXPECT_TRUE(refused(document));
  document.blocks = {SignatureBlock{"Samarinda", {}}};
  EXPECT_TRUE(refused(document));

  SignatureBlock tall{"", {{"", std::string(20000, 'x'), "", "", ""}}};
  document.blocks = {tall};
  const Result<RenderedPdf> rendered = render_pdf(document);
  ASSERT_FALSE(rendered.ok());
  EXPECT_THAT(rendered.error().message(Locale::english), HasSubstr("taller than a page"));
}

TEST(RenderPdfInput, BoldRowsAndFewerCellsAreAccepted) {
  Table table = indicator_table(3);
  table.rows.push_back({"", "Jumlah"});
  table.bold_rows = {3};
  Document document;
  document.blocks = {table};
  const Result<RenderedPdf> rendered = render_pdf(document);
  ASSERT_TRUE(rendered.ok());
  EXPECT_EQ(rendered->pages, 1);
}

}  // namespace
}  // namespace sinergi::document
