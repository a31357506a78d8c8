#include "platform/tabular/table.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "platform/tabular/test_support.h"
#include "platform/tabular/zip_builder.h"

namespace sinergi::tabular {
namespace {

using namespace std::string_literals;
using testing::file_message_en;
using testing::read_zip_entry;
using Rows = std::vector<std::vector<std::string>>;
using Strings = std::vector<std::string>;

Sheet pegawai() {
  return Sheet{"Pegawai",
               {"NIP", "Nama", "Jumlah Hadir", "Catatan"},
               {{"197001012002121001"s, "Dewi Ayu Lestari, S.Pd."s, std::int64_t{12}, std::monostate{}},
                {"198503152010012002"s, "I Gusti Ngurah Rai — Denpasar"s, std::int64_t{-3}, "=SUM(A1:A2)"s},
                {"000123"s, std::monostate{}, std::int64_t{1234567890123456789}, "Déwi Ñoman ‘Bali’ ½ 😀"s}},
               {}};
}

TEST(XlsxRoundTrip, TextStaysExactIntegersAreNumbers) {
  const Result<std::string> bytes = write_xlsx(pegawai());
  ASSERT_TRUE(bytes.ok()) << bytes.error().message(Locale::english);
  ASSERT_TRUE(bytes->starts_with("PK\x03\x04"));
  const Result<Table> table = read_xlsx(*bytes);
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"NIP", "Nama", "Jumlah Hadir", "Catatan"}));
  EXPECT_EQ(table->rows, (Rows{{"197001012002121001", "Dewi Ayu Lestari, S.Pd.", "12", ""},
                               {"198503152010012002", "I Gusti Ngurah Rai — Denpasar", "-3", "=SUM(A1:A2)"},
                               {"000123", "", "1234567890123456789", "Déwi Ñoman ‘Bali’ ½ 😀"}}));
  EXPECT_EQ(table->row_numbers, (std::vector<std::size_t>{2, 3, 4}));
  EXPECT_TRUE(table->warnings.empty());
}

TEST(XlsxRoundTrip, ControlCharactersAndInvalidUtf8) {
  const Sheet sheet{
      "Data",
      {"teks"},
      {{"baris\r\nkedua"s}, {"tab\there"s}, {"a\x01z"s}, {"Jos\xE9"s}, {"nul\0x"s}, {"\xEF\xBF\xBF"s}},
      {}};
  const Result<std::string> bytes = write_xlsx(sheet);
  ASSERT_TRUE(bytes.ok());
  const Result<Table> table = read_xlsx(*bytes);
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(
      table->rows,
      (Rows{{"baris\r\nkedua"}, {"tab\there"}, {"a\x01z"}, {"Jos\xEF\xBF\xBD"}, {"nulx"}, {"\xEF\xBF\xBD"}}));
}

TEST(WriteXlsx, HeaderFrozenAutofilterWidthsAndTextFormat) {
  Sheet sheet = pegawai();
  sheet.column_widths = {24, 0};
  const Result<std::string> bytes = write_xlsx(sheet);
  ASSERT_TRUE(bytes.ok());
  const std::string worksheet = read_zip_entry(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(worksheet.find(R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)"),
            std::string::npos)
      << worksheet;
  EXPECT_NE(worksheet.find(R"(<autoFilter ref="A1:D4"/>)"), std::string::npos) << worksheet;
  // 24 as given; then the longest text plus 2: "I Gusti Ngurah Rai — Denpasar" has 29
  // characters, "1234567890123456789" (written as text) 19, "Déwi Ñoman ‘Bali’ ½ 😀" 21.
  EXPECT_NE(worksheet.find(R"(<col min="1" max="1" width="24.7109375")"), std::string::npos) << worksheet;
  EXPECT_NE(worksheet.find(R"(<col min="2" max="2" width="31.7109375")"), std::string::npos) << worksheet;
  EXPECT_NE(worksheet.find(R"(<col min="3" max="3" width="21.7109375")"), std::string::npos) << worksheet;
  EXPECT_NE(worksheet.find(R"(<col min="4" max="4" width="23.7109375")"), std::string::npos) << worksheet;
  const std::string styles = read_zip_entry(*bytes, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos);
  EXPECT_NE(styles.find(R"(<patternFill patternType="solid">)"), std::string::npos);
  EXPECT_NE(styles.find(R"(numFmtId="49")"), std::string::npos) << styles;
}

TEST(WriteXlsx, WidthsAreCappedAt60) {
  const Sheet sheet{"Data", {"uraian"}, {{std::string(200, 'x')}}, {}};
  const Result<std::string> bytes = write_xlsx(sheet);
  ASSERT_TRUE(bytes.ok());
  EXPECT_NE(
      read_zip_entry(*bytes, "xl/worksheets/sheet1.xml").find(R"(<col min="1" max="1" width="60.7109375")"),
      std::string::npos);
}

TEST(WriteXlsx, SheetNamesAreSanitized) {
  const auto sheet_name = [](std::string name) {
    const Result<std::string> bytes = write_xlsx(Sheet{std::move(name), {"a"}, {}, {}});
    if (!bytes.ok()) {
      return "error"s;
    }
    const std::string workbook = read_zip_entry(*bytes, "xl/workbook.xml");
    const std::size_t start = workbook.find("<sheet name=\"") + 13;
    return workbook.substr(start, workbook.find('"', start) - start);
  };
  EXPECT_EQ(sheet_name("Rekap [2025]: Q1/Q2 *?\\"), "Rekap -2025-- Q1-Q2 ---");
  EXPECT_EQ(sheet_name("Daftar Pegawai Dinas Pendidikan Provinsi"), "Daftar Pegawai Dinas Pendidikan");
  EXPECT_EQ(sheet_name("'Kutip'"), "Kutip");
  EXPECT_EQ(sheet_name(""), "Data");
  EXPECT_EQ(sheet_name("[]"), "--");
  EXPECT_EQ(sheet_name("Ünit Kerja Pemerintah Daerah Bali"), "Ünit Kerja Pemerintah Daerah Ba");
}

TEST(WriteXlsx, ExcelCellLimit) {
  const Sheet sheet{"Data", {"a", "b"}, {{"ok"s, std::string(32768, 'x')}}, {}};
  const Result<std::string> bytes = write_xlsx(sheet);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(bytes),
            "row 2 column 2: the text is longer than 32767 characters, the limit of an Excel cell");
  EXPECT_TRUE(write_xlsx(Sheet{"Data", {"a"}, {{std::string(32767, 'x')}}, {}}).ok());
}

TEST(WriteXlsx, LeavesNoTemporaryFiles) {
  const std::filesystem::path directory =
      std::filesystem::temp_directory_path() / ("sinergi-tabular-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(directory);
  const char* previous = getenv("TMPDIR");
  const std::string saved = previous != nullptr ? previous : "";
  setenv("TMPDIR", directory.c_str(), 1);
  const Result<std::string> written = write_xlsx(pegawai());
  const Result<std::string> refused = write_xlsx(Sheet{"Data", {"a"}, {{std::string(40000, 'x')}}, {}});
  if (previous != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  EXPECT_TRUE(written.ok());
  EXPECT_FALSE(refused.ok());
  EXPECT_TRUE(std::filesystem::is_empty(directory));
  std::filesystem::remove_all(directory);
}

TEST(WriteXlsx, EmptySheet) {
  const Result<std::string> bytes = write_xlsx(Sheet{});
  ASSERT_TRUE(bytes.ok());
  const Result<Table> table = read_xlsx(*bytes);
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_TRUE(table->header.empty());
  EXPECT_TRUE(table->rows.empty());
}

TEST(ReadTable, DispatchesOnTheFormat) {
  const Result<Table> csv = read_table("a;b\n1;2\n", Format::csv);
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->rows, (Rows{{"1", "2"}}));

  const Result<std::string> xlsx = write_xlsx(Sheet{"Data", {"a", "b"}, {{std::int64_t{1}, "2"s}}, {}});
  ASSERT_TRUE(xlsx.ok());
  const Result<Table> table = read_table(*xlsx, Format::xlsx);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows, (Rows{{"1", "2"}}));

  EXPECT_EQ(read_table("a;b\n", Format::xlsx).error().code(), ErrorCode::UnreadableFile);
}

}  // namespace
}  // namespace sinergi::tabular
