#include <gtest/gtest.h>

#include <string>

#include "platform/tabular/table.h"
#include "platform/tabular/test_support.h"

namespace sinergi::tabular {
namespace {

using testing::file_message_en;
using testing::file_message_id;

constexpr std::string_view kCsv = "nama;nip\nAni;1\n";
const std::string kPng("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);

std::string format_name(const Result<Format>& format) {
  if (!format.ok()) {
    return "error";
  }
  return *format == Format::csv ? "csv" : "xlsx";
}

TEST(DetectFormat, ZipMagicIsXlsxWhateverTheName) {
  EXPECT_EQ(format_name(detect_format("PK\x03\x04rest", "", "")), "xlsx");
  EXPECT_EQ(format_name(detect_format("PK\x03\x04rest", "application/octet-stream", "data.csv")), "xlsx");
  EXPECT_EQ(format_name(detect_format("PK\x03\x04rest",
                                      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                      "pegawai.xlsx")),
            "xlsx");
}

TEST(DetectFormat, BytesSentAsXlsxThatAreNoZipAreRefusedSayingSo) {
  auto refused = detect_format(
      "nip,nama\n", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "unggahan");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::UnsupportedFileFormat);
  EXPECT_EQ(refused.error().fields().at(0).message_en,
            "the file was sent as XLSX but is not XLSX inside; save it again from Excel");
}

TEST(DetectFormat, CsvByContentType) {
  for (const char* type : {"text/csv", "text/csv; charset=utf-8", "TEXT/PLAIN", "application/csv",
                           "text/x-csv", " text/comma-separated-values ; header=present"}) {
    EXPECT_EQ(format_name(detect_format(kCsv, type, "unggahan")), "csv") << type;
  }
}

TEST(DetectFormat, CsvByFileName) {
  // Windows browsers with Excel installed send .csv files as application/vnd.ms-excel.
  EXPECT_EQ(format_name(detect_format(kCsv, "application/vnd.ms-excel", "Pegawai.CSV")), "csv");
}

TEST(DetectFormat, CsvByContentWhenTheTypeSaysNothing) {
  EXPECT_EQ(format_name(detect_format(kCsv, "", "")), "csv");
  EXPECT_EQ(format_name(detect_format(kCsv, "application/octet-stream", "export")), "csv");
  EXPECT_EQ(format_name(detect_format("\xEF\xBB\xBFnama\nDéwi\n", "", "")), "csv");
}

TEST(DetectFormat, BinaryIsUnsupported) {
  const Result<Format> typed = detect_format(kPng, "image/png", "foto.png");
  ASSERT_FALSE(typed.ok());
  EXPECT_EQ(typed.error().code(), ErrorCode::UnsupportedFileFormat);
  EXPECT_EQ(file_message_en(typed), "the file type 'image/png' is not supported; upload CSV or XLSX");
  EXPECT_EQ(file_message_id(typed), "jenis berkas 'image/png' tidak didukung; unggah CSV atau XLSX");

  const Result<Format> octet = detect_format(kPng, "application/octet-stream", "foto");
  ASSERT_FALSE(octet.ok());
  EXPECT_EQ(file_message_en(octet),
            "the file type 'application/octet-stream' is not supported; upload CSV or XLSX");

  const Result<Format> untyped = detect_format(kPng, "", "foto.jpg");
  ASSERT_FALSE(untyped.ok());
  EXPECT_EQ(untyped.error().code(), ErrorCode::UnsupportedFileFormat);
  EXPECT_EQ(file_message_en(untyped), "the file 'foto.jpg' is neither CSV nor XLSX; upload CSV or XLSX");

  EXPECT_EQ(format_name(detect_format("nama\nJos\xE9\n", "", "")), "error");
}

TEST(DetectFormat, LegacyXlsAsksForXlsxOrCsv) {
  const std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10);
  const Result<Format> xls = detect_format(ole, "application/vnd.ms-excel", "rekap.xls");
  ASSERT_FALSE(xls.ok());
  EXPECT_EQ(xls.error().code(), ErrorCode::UnsupportedFileFormat);
  EXPECT_EQ(file_message_en(xls),
            "an old Excel file (.xls) or a password-protected Office file is not supported; save it as .xlsx "
            "or CSV");
  EXPECT_EQ(
      file_message_id(xls),
      "berkas Excel lama (.xls) atau berkas Office yang dilindungi kata sandi tidak didukung; simpan sebagai "
      ".xlsx atau CSV");

  // Older government systems export HTML tables named .xls.
  const Result<Format> html = detect_format("<table><tr><td>1</td></tr></table>", "", "rekap.XLS");
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(file_message_en(html), "an .xls file is not supported; save it as .xlsx or CSV");
}

TEST(DetectFormat, XlsxNameWithoutZipInside) {
  const Result<Format> format = detect_format("nama\nAni\n", "", "pegawai.xlsx");
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.error().code(), ErrorCode::UnsupportedFileFormat);
  EXPECT_EQ(file_message_en(format),
            "the file 'pegawai.xlsx' is named .xlsx but is not XLSX inside; save it again from Excel");
}

TEST(ContentType, ForEachFormat) {
  EXPECT_EQ(content_type(Format::csv), "text/csv; charset=utf-8");
  EXPECT_EQ(content_type(Format::xlsx), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

}  // namespace
}  // namespace sinergi::tabular
