#include "platform/tabular/import_sheet.h"

#include <gtest/gtest.h>

namespace sinergi::tabular {
namespace {

constexpr ColumnSpec kColumns[] = {
    {"code", {"kode"}, true},
    {"name", {"nama", "uraian"}, true},
    {"agency_code", {"kode_opd"}, false},
};

TEST(ImportSheetTest, HeadersAreNormalizedLikeASpreadsheetUserWritesThem) {
  EXPECT_EQ(normalized_header("Kode OPD"), "kode_opd");
  EXPECT_EQ(normalized_header("  kode-opd "), "kode_opd");
  EXPECT_EQ(normalized_header("Pangkat/Golongan"), "pangkat_golongan");
  EXPECT_EQ(normalized_header("(Tahun Dasar)"), "tahun_dasar");
}

TEST(ImportSheetTest, FlagsAcceptIndonesianAndEnglishAndEmptyIsNo) {
  EXPECT_EQ(parse_flag("Ya"), true);
  EXPECT_EQ(parse_flag("1"), true);
  EXPECT_EQ(parse_flag("TIDAK"), false);
  EXPECT_EQ(parse_flag(""), false);
  EXPECT_EQ(parse_flag("mungkin"), std::nullopt);
}

TEST(ImportSheetTest, AliasesMapColumnsAndUnknownOnesAreWarnings) {
  ImportOutcome outcome;
  const auto read = read_import_table(
      ImportFile{"Kode;Uraian;Catatan\n1.02;Kesehatan;x\n", "text/csv", "a.csv"}, kColumns, outcome);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(outcome.rows, 1);
  EXPECT_EQ(outcome.error_count, 0);
  ASSERT_EQ(outcome.warnings.size(), 1U);
  EXPECT_EQ(outcome.warnings[0].row, kHeaderRow);
  EXPECT_EQ(outcome.warnings[0].column, "Catatan");
  const RowView row = read->row(0);
  EXPECT_EQ(row.text("name"), "Kesehatan");
  EXPECT_FALSE(row.has("agency_code"));
  EXPECT_EQ(row.filled_text("agency_code"), std::nullopt);
}

TEST(ImportSheetTest, AMissingOrDoubledColumnAndAnEmptyFileAreErrors) {
  ImportOutcome missing;
  ASSERT_TRUE(read_import_table(ImportFile{"kode\n1.02\n", "text/csv", "a.csv"}, kColumns, missing).ok());
  ASSERT_EQ(missing.errors.size(), 1U);
  EXPECT_EQ(missing.errors[0].column, "name");

  ImportOutcome doubled;
  ASSERT_TRUE(
      read_import_table(ImportFile{"kode,nama,uraian\n1,a,b\n", "text/csv", "a.csv"}, kColumns, doubled)
          .ok());
  ASSERT_EQ(doubled.errors.size(), 1U);
  EXPECT_EQ(doubled.errors[0].column, "name");

  ImportOutcome header_only;
  ASSERT_TRUE(read_import_table(ImportFile{"kode,nama\n", "text/csv", "a.csv"}, kColumns, header_only).ok());
  ASSERT_EQ(header_only.errors.size(), 1U);
  EXPECT_EQ(header_only.errors[0].row, kHeaderRow + 1);

  ImportOutcome large;
  const auto refused = read_import_table(
      ImportFile{std::string(kMaxImportBytes + 1, 'a'), "text/csv", "a.csv"}, kColumns, large);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::FileLimitExceeded);
}

}  // namespace
}  // namespace sinergi::tabular
