#include <gtest/gtest.h>

#include <string>

#include "platform/tabular/table.h"

namespace sinergi::tabular {
namespace {

using namespace std::string_literals;

Sheet one_column(std::vector<Cell> cells) {
  Sheet sheet{"Data", {"nilai"}, {}, {}};
  for (Cell& cell : cells) {
    sheet.rows.push_back({std::move(cell)});
  }
  return sheet;
}

TEST(WriteCsv, BomCommasCrLfAndPlainIntegers) {
  const Sheet sheet{"Pegawai",
                    {"NIP", "Nama", "Jumlah"},
                    {{"197001012002121001"s, "Budi Santoso"s, std::int64_t{12}},
                     {"198503152010012002"s, std::monostate{}, std::int64_t{-7}}},
                    {}};
  EXPECT_EQ(write_csv(sheet),
            "\xEF\xBB\xBFNIP,Nama,Jumlah\r\n"
            "197001012002121001,Budi Santoso,12\r\n"
            "198503152010012002,,-7\r\n");
}

TEST(WriteCsv, Rfc4180Quoting) {
  const Sheet sheet = one_column({"Dinas Kesehatan, Provinsi"s, "kata \"hadir\""s, "baris satu\nbaris dua"s,
                                  "a\r\nb"s, "titik;koma"s, "tab\there"s, "tanpa kutip"s});
  EXPECT_EQ(write_csv(sheet),
            "\xEF\xBB\xBFnilai\r\n"
            "\"Dinas Kesehatan, Provinsi\"\r\n"
            "\"kata \"\"hadir\"\"\"\r\n"
            "\"baris satu\nbaris dua\"\r\n"
            "\"a\r\nb\"\r\n"
            "\"titik;koma\"\r\n"
            "\"tab\there\"\r\n"
            "tanpa kutip\r\n");
}

TEST(WriteCsv, FormulaInjectionGuard) {
  const Sheet sheet = one_column({"=HYPERLINK(\"http://x\")"s, "+62812345"s, "-5"s, "@SUM(A1)"s, "\tx"s,
                                  "\rx"s, "=1,2"s, "a=b"s, std::int64_t{-5}});
  EXPECT_EQ(write_csv(sheet),
            "\xEF\xBB\xBFnilai\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
            "'+62812345\r\n"
            "'-5\r\n"
            "'@SUM(A1)\r\n"
            "\"'\tx\"\r\n"
            "\"'\rx\"\r\n"
            "\"'=1,2\"\r\n"
            "a=b\r\n"
            "-5\r\n");
}

TEST(WriteCsv, HeaderIsGuardedToo) {
  const Sheet sheet{"Data", {"=cmd", "Nama"}, {}, {}};
  EXPECT_EQ(write_csv(sheet), "\xEF\xBB\xBF'=cmd,Nama\r\n");
}

TEST(WriteCsv, ShortRowsArePaddedToTheHeader) {
  const Sheet sheet{"Data", {"a", "b", "c"}, {{"1"s}, {}}, {}};
  EXPECT_EQ(write_csv(sheet),
            "\xEF\xBB\xBF"
            "a,b,c\r\n1,,\r\n,,\r\n");
}

TEST(WriteCsv, ReadsBackWithReadCsv) {
  const Sheet sheet{"Data",
                    {"Nama", "Catatan", "Jumlah"},
                    {{"Dewi Ayu, S.Pd."s, "baris satu\r\nbaris dua"s, std::int64_t{3}},
                     {"Nyoman Ñañez"s, "kata \"hadir\"; pulang"s, std::int64_t{0}}},
                    {}};
  const Result<Table> table = read_csv(write_csv(sheet));
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->header, (std::vector<std::string>{"Nama", "Catatan", "Jumlah"}));
  EXPECT_EQ(table->rows,
            (std::vector<std::vector<std::string>>{{"Dewi Ayu, S.Pd.", "baris satu\r\nbaris dua", "3"},
                                                   {"Nyoman Ñañez", "kata \"hadir\"; pulang", "0"}}));
  EXPECT_EQ(table->row_numbers, (std::vector<std::size_t>{2, 4}));
}

}  // namespace
}  // namespace sinergi::tabular
