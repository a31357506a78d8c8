#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "platform/tabular/table.h"
#include "platform/tabular/test_support.h"

namespace sinergi::tabular {
namespace {

using testing::code_of;
using testing::file_message_en;
using testing::file_message_id;
using Rows = std::vector<std::vector<std::string>>;
using Strings = std::vector<std::string>;
using Numbers = std::vector<std::size_t>;

TEST(ReadCsv, SemicolonsAsIndonesianExcelExportsThem) {
  const Result<Table> table =
      read_csv("NIP;Nama;Unit Kerja\r\n197001012002121001;Budi Santoso;Dinas Pendidikan\r\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"NIP", "Nama", "Unit Kerja"}));
  EXPECT_EQ(table->rows, (Rows{{"197001012002121001", "Budi Santoso", "Dinas Pendidikan"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{2}));
  EXPECT_TRUE(table->warnings.empty());
}

TEST(ReadCsv, CommasWithAQuotedComma) {
  const Result<Table> table = read_csv("kode,nama\n1.01,\"Dinas Kesehatan, Provinsi\"\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"kode", "nama"}));
  EXPECT_EQ(table->rows, (Rows{{"1.01", "Dinas Kesehatan, Provinsi"}}));
}

TEST(ReadCsv, TabsFromAttendanceMachines) {
  const Result<Table> table = read_csv("No\tNama\tWaktu\n7\tSiti\t2025-01-02 07:31\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"No", "Nama", "Waktu"}));
  EXPECT_EQ(table->rows, (Rows{{"7", "Siti", "2025-01-02 07:31"}}));
}

TEST(ReadCsv, DelimiterInsideQuotesOnTheHeaderDoesNotCount) {
  const Result<Table> table = read_csv("\"a;b;c\",d\n1,2\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"a;b;c", "d"}));
  EXPECT_EQ(table->rows, (Rows{{"1", "2"}}));
}

TEST(ReadCsv, SingleColumnWithoutDelimiter) {
  const Result<Table> table = read_csv("nama\nAni\nBudi\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"nama"}));
  EXPECT_EQ(table->rows, (Rows{{"Ani"}, {"Budi"}}));
}

TEST(ReadCsv, ExcelSeparatorHintLine) {
  const Result<Table> table = read_csv("sep=;\nnama;nilai\nA;1,5\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"nama", "nilai"}));
  EXPECT_EQ(table->rows, (Rows{{"A", "1,5"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{3}));
}

TEST(ReadCsv, QuotedNewlinesAndDoubledQuotesKeepRowNumbersTrue) {
  const Result<Table> table = read_csv(
      "\"nama\",\"catatan\"\n\"Siti\",\"baris satu\nbaris dua\"\n\"Ahmad\",\"kata \"\"hadir\"\"\"\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"nama", "catatan"}));
  EXPECT_EQ(table->rows, (Rows{{"Siti", "baris satu\nbaris dua"}, {"Ahmad", "kata \"hadir\""}}));
  EXPECT_EQ(table->row_numbers, (Numbers{2, 4}));
}

TEST(ReadCsv, QuotedCrLfIsKeptAsWritten) {
  const Result<Table> table = read_csv("a,b\r\n\"x\r\ny\",z\r\nnext,1\r\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows, (Rows{{"x\r\ny", "z"}, {"next", "1"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{2, 4}));
}

TEST(ReadCsv, Utf8BomAndCrLf) {
  const Result<Table> table = read_csv("\xEF\xBB\xBFnama,umur\r\nAni,30\r\nBéni,41\r\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"nama", "umur"}));
  EXPECT_EQ(table->rows, (Rows{{"Ani", "30"}, {"Béni", "41"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{2, 3}));
}

TEST(ReadCsv, LoneCarriageReturnsEndLines) {
  const Result<Table> table = read_csv("a,b\r1,2\r3,4");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows, (Rows{{"1", "2"}, {"3", "4"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{2, 3}));
}

TEST(ReadCsv, BlankLinesAreSkippedButCounted) {
  const Result<Table> table = read_csv("\n\nnama;nilai\n\nA;1\n;\n  \nB;2");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"nama", "nilai"}));
  EXPECT_EQ(table->rows, (Rows{{"A", "1"}, {"B", "2"}}));
  EXPECT_EQ(table->row_numbers, (Numbers{5, 8}));
}

TEST(ReadCsv, HeaderIsTrimmedDataIsNot) {
  const Result<Table> table = read_csv(" Nama , NIP \n Budi ,1\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"Nama", "NIP"}));
  EXPECT_EQ(table->rows, (Rows{{" Budi ", "1"}}));
}

TEST(ReadCsv, RowsArePaddedToTheHeaderAndKeepExtraValues) {
  const Result<Table> table = read_csv("a,b,c\n1\n1,2,3,4\n1,2,3,,\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows, (Rows{{"1", "", ""}, {"1", "2", "3", "4"}, {"1", "2", "3"}}));
}

TEST(ReadCsv, TrailingEmptyHeaderCellsAreDropped) {
  const Result<Table> table = read_csv("a;b;;\n1;2;;\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->header, (Strings{"a", "b"}));
  EXPECT_EQ(table->rows, (Rows{{"1", "2"}}));
}

TEST(ReadCsv, TextAfterAClosingQuoteIsKeptAsExcelDoes) {
  const Result<Table> table = read_csv("a,b\n\"ab\"cd,e\n");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_EQ(table->rows, (Rows{{"abcd", "e"}}));
}

TEST(ReadCsv, EmptyInputIsAnEmptyTable) {
  const Result<Table> table = read_csv("");
  ASSERT_TRUE(table.ok()) << file_message_en(table);
  EXPECT_TRUE(table->header.empty());
  EXPECT_TRUE(table->rows.empty());
}

TEST(ReadCsv, UnclosedQuoteNamesTheLineWhereItOpened) {
  const Result<Table> table = read_csv("nama,catatan\nA,ok\nB,\"tidak ditutup\nlagi\n");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "line 3: unclosed quote");
  EXPECT_EQ(file_message_id(table), "baris 3: tanda kutip tidak ditutup");
}

TEST(ReadCsv, InvalidUtf8NamesTheLine) {
  // "José" saved in Windows-1252, as Excel's plain "CSV" does.
  const Result<Table> table = read_csv("nama\nAni\nJos\xE9\n");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "not valid UTF-8 text (line 3); save it again as \"CSV UTF-8\"");
  EXPECT_EQ(file_message_id(table),
            "bukan teks UTF-8 yang sah (baris 3); simpan ulang sebagai \"CSV UTF-8\"");
}

TEST(ReadCsv, Utf16IsRefusedWithAHint) {
  const std::string little_endian("\xFF\xFEn\0a\0m\0a\0", 10);
  const Result<Table> table = read_csv(little_endian);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::UnreadableFile);
  EXPECT_EQ(file_message_en(table), "the file is saved as UTF-16 text; save it again as \"CSV UTF-8\"");
  EXPECT_EQ(code_of(read_csv(std::string("\xFE\xFF\0n", 4))), ErrorCode::UnreadableFile);
}

TEST(ReadCsv, RowLimit) {
  ReadLimits limits;
  limits.max_rows = 2;
  EXPECT_TRUE(read_csv("a\n1\n2\n", limits).ok());
  const Result<Table> table = read_csv("a\n1\n2\n3\n", limits);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(table), "the file has more than 2 data rows");
  EXPECT_EQ(file_message_id(table), "berkas berisi lebih dari 2 baris data");
}

TEST(ReadCsv, ColumnLimitCountsNonEmptyCells) {
  ReadLimits limits;
  limits.max_columns = 3;
  const Result<Table> trailing = read_csv("a,b,c,,,\n1,2,3,,,,\n", limits);
  ASSERT_TRUE(trailing.ok()) << file_message_en(trailing);
  EXPECT_EQ(trailing->header, (Strings{"a", "b", "c"}));

  const Result<Table> table = read_csv("a,b,c\n1,2,3\n1,2,3,4\n", limits);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(table), "line 3: more than 3 columns");
}

TEST(ReadCsv, CellLimit) {
  ReadLimits limits;
  limits.max_cell_bytes = 5;
  EXPECT_TRUE(read_csv("a\n12345\n", limits).ok());
  const Result<Table> table = read_csv("a,b\n1,123456\n", limits);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(table), "line 2 column 2: a cell holds more than 5 bytes");
  EXPECT_EQ(file_message_id(table), "baris 2 kolom 2: isi sel lebih dari 5 bita");

  const Result<Table> quoted = read_csv("a\n\"1\n2\n3\n4\"\n", limits);
  ASSERT_FALSE(quoted.ok());
  EXPECT_EQ(file_message_en(quoted), "line 2 column 1: a cell holds more than 5 bytes");
}

TEST(ReadCsv, InputLimit) {
  ReadLimits limits;
  limits.max_input_bytes = std::size_t{2} * 1024 * 1024;
  const Result<Table> table = read_csv(std::string(std::size_t{2} * 1024 * 1024 + 1, 'a'), limits);
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.error().code(), ErrorCode::FileLimitExceeded);
  EXPECT_EQ(file_message_en(table), "the file is larger than the limit of 2 MB");
  EXPECT_EQ(file_message_id(table), "ukuran berkas melebihi batas 2 MB");
}

}  // namespace
}  // namespace sinergi::tabular
