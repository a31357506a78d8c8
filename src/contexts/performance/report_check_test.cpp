#include "contexts/performance/report_check.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace sinergi::performance {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

// The published rows of ../shared/domain/cases (tests/data/achievement_cases_README.md).
const std::string& published_input() {
  static const std::string text =
      read_file(std::string(SINERGI_TEST_DATA_DIR) + "/achievement_published_input.csv");
  return text;
}

ReportCheck check_csv(std::string_view csv) {
  auto table = tabular::read_csv(csv);
  EXPECT_TRUE(table.ok()) << (table.ok() ? "" : table.error().message());
  auto check = check_report(*table);
  EXPECT_TRUE(check.ok()) << (check.ok() ? "" : check.error().message());
  return check.ok() ? *check : ReportCheck{};
}

const ReportCheckRow* find_row(const ReportCheck& check, std::string_view indicator) {
  for (const ReportCheckRow& row : check.rows) {
    if (row.line.indicator == indicator) {
      return &row;
    }
  }
  return nullptr;
}

// computed_percent as a report prints it.
std::string shown(const ReportCheckRow& row) {
  return row.computed_percent ? row.computed_percent->format(Locale::indonesian, kReportDecimals) : "(none)";
}

ReportCheckRow check(std::string polarity, std::string target, std::string realization, std::string published,
                     std::string formula = "", std::string aggregation = "") {
  ReportLine line;
  line.indicator = "Indikator uji";
  line.polarity = std::move(polarity);
  line.target = std::move(target);
  line.realization = std::move(realization);
  line.published = std::move(published);
  line.formula = std::move(formula);
  line.aggregation = std::move(aggregation);
  return check_line(line);
}

TEST(ReportCheckTest, EveryPublishedRowGetsTheVerdictOfACarefulReader) {
  ASSERT_FALSE(published_input().empty()) << "tests/data/achievement_published_input.csv not found";
  const ReportCheck result = check_csv(published_input());
  ASSERT_EQ(result.rows.size(), 21U);
  const auto expected_column =
      std::find(result.header.begin(), result.header.end(), "expected_verdict") - result.header.begin();
  ASSERT_LT(static_cast<std::size_t>(expected_column), result.header.size());
  for (const ReportCheckRow& row : result.rows) {
    SCOPED_TRACE(row.line.indicator + ": " + row.reason_en);
    EXPECT_EQ(name(row.verdict), row.cells[static_cast<std::size_t>(expected_column)]);
  }
  EXPECT_EQ(result.counts.consistent, 19);
  EXPECT_EQ(result.counts.inconsistent, 2);
  EXPECT_EQ(result.counts.not_computable, 0);
}

TEST(ReportCheckTest, ThePublishedNumbersAreReproduced) {
  const ReportCheck result = check_csv(published_input());
  struct Expectation {
    std::string_view indicator;
    std::string_view computed;
    std::optional<FormulaVariant> matching;
  };
  const Expectation expectations[] = {
      // (2 x 32 - 4,88) / 32 = 184,75: the mirror formula, no cap.
      {"Angka Kematian Bayi (AKB) Lampung 2015", "184,75", FormulaVariant::mirror},
      {"AKB Lampung 2015 vs target akhir 2019", "179,67", FormulaVariant::mirror},
      // The report computed with an unrounded realization: 197,96 against a printed 198,58.
      {"Prevalensi HIV Lampung 2015", "197,96", std::nullopt},
      {"API Lampung 2015 vs target nasional", "157,00", std::nullopt},
      {"Indeks Theil Wonogiri 2020", "124,40", FormulaVariant::mirror},
      {"Persentase APM SMP/MTs Tanah Datar 2016", "101,46", FormulaVariant::ratio},
      {"Persentase Perangkat Daerah yang menyampaikan dokumen tepat waktu Polewali Mandar 2022", "97,32",
       FormulaVariant::ratio},
      // Monthly 1; 0; 2 summed against a yearly 2.
      {"Jumlah Rancangan Perda/Perbup tentang APBD Polewali Mandar 2022", "150,00", FormulaVariant::ratio},
      {"Jumlah Rancangan Perda/Perbup tentang Pertanggungjawaban Polewali Mandar 2022", "166,67",
       FormulaVariant::ratio},
      // Comma thousands: 1,000,972,958 / 1,004,422,800.
      {"Anggaran Kegiatan Koordinasi dan Penyusunan Anggaran Polewali Mandar 2022", "99,66",
       FormulaVariant::ratio},
  };
  for (const Expectation& expected : expectations) {
    SCOPED_TRACE(expected.indicator);
    const ReportCheckRow* row = find_row(result, expected.indicator);
    ASSERT_NE(row, nullptr);
    EXPECT_EQ(shown(*row), expected.computed);
    EXPECT_EQ(row->matching_formula, expected.matching);
  }
  const ReportCheckRow* budget =
      find_row(result, "Anggaran Kegiatan Koordinasi dan Penyusunan Anggaran Polewali Mandar 2022");
  ASSERT_NE(budget, nullptr);
  EXPECT_NE(budget->reason_id.find("1.000.972.958"), std::string::npos) << budget->reason_id;
  const ReportCheckRow* hiv = find_row(result, "Prevalensi HIV Lampung 2015");
  ASSERT_NE(hiv, nullptr);
  EXPECT_EQ(
      hiv->reason_id,
      "rumus mirror ((2T - R)/T) menghasilkan 197,96, bukan 198,58 (selisih 0,62); tidak ada rumus lain "
      "yang cocok");
  EXPECT_EQ(hiv->reason_en,
            "the mirror formula ((2T - R)/T) gives 197.96, not 198.58 (a difference of 0.62); no other "
            "formula matches");
}

TEST(ReportCheckTest, EveryComputedFigureExplainsItself) {
  const ReportCheck result = check_csv(published_input());
  const ReportCheckRow* infant = find_row(result, "Angka Kematian Bayi (AKB) Lampung 2015");
  ASSERT_NE(infant, nullptr);
  ASSERT_GE(infant->explanation.size(), 2U);
  EXPECT_NE(infant->explanation[1].text_id.find("(2 x 32 - 4,88) / 32 x 100 = 184,75"), std::string::npos)
      << infant->explanation[1].text_id;
  // Periodic values: how they add up comes first.
  const ReportCheckRow* drafts =
      find_row(result, "Jumlah Rancangan Perda/Perbup tentang APBD Polewali Mandar 2022");
  ASSERT_NE(drafts, nullptr);
  ASSERT_GE(drafts->explanation.size(), 3U);
  EXPECT_NE(drafts->explanation[1].text_en.find("= 3 (3 of 3 periods reported)"), std::string::npos)
      << drafts->explanation[1].text_en;
  EXPECT_NE(drafts->explanation.back().text_en.find("150.00"), std::string::npos);
  // Nothing computed, nothing to explain.
  EXPECT_TRUE(
      check("higher_is_better", "0", "5", "100").explanation.empty());  // T = 0: ratio divides by zero
  EXPECT_TRUE(check("higher_is_better", "10", "", "100").explanation.empty());
}

TEST(ReportCheckTest, ARangeTargetIsMetInsideTheRange) {
  const ReportCheckRow row = check("higher_is_better", "80 - 90", "85", "100");
  EXPECT_EQ(shown(row), "100,00");
  EXPECT_EQ(row.verdict, ReportVerdict::consistent) << row.reason_en;
  EXPECT_EQ(row.matching_formula, FormulaVariant::ratio);
  // Above the range the upper bound is the target: 99 / 90.
  EXPECT_EQ(shown(check("higher_is_better", "80-90", "99", "110")), "110,00");
  EXPECT_EQ(shown(check("higher_is_better", "80 s.d. 90", "72", "90")), "90,00");
  EXPECT_EQ(check("higher_is_better", "90 - 80", "85", "100").verdict, ReportVerdict::not_computable);
  // A leading minus is a sign, not a range: R = -1,41 against T = 2 gives -70,50 (RULES.md).
  EXPECT_EQ(shown(check("higher_is_better", "2", "-1,41", "-70,50")), "-70,50");
}

TEST(ReportCheckTest, AZeroTargetIsNotComputable) {
  const ReportCheckRow row = check("higher_is_better", "0", "5", "150");
  EXPECT_EQ(row.verdict, ReportVerdict::not_computable);
  EXPECT_FALSE(row.computed_percent.has_value());
  EXPECT_FALSE(row.matching_formula.has_value());
  EXPECT_NE(row.reason_id.find("rumus ratio (R/T) tidak dapat dihitung"), std::string::npos) << row.reason_id;
  EXPECT_EQ(check("lower_is_better", "0", "3", "150").verdict, ReportVerdict::not_computable);
  // Met or not needs no division: a report that printed 100 for a met zero target is consistent.
  const ReportCheckRow met = check("higher_is_better", "0", "5", "100");
  EXPECT_EQ(met.verdict, ReportVerdict::consistent) << met.reason_en;
  EXPECT_EQ(met.matching_formula, FormulaVariant::binary);
}

TEST(ReportCheckTest, AMissingOrUnreadableValueNamesItsColumn) {
  const ReportCheckRow missing = check("higher_is_better", "90", "", "95");
  EXPECT_EQ(missing.verdict, ReportVerdict::not_computable);
  EXPECT_EQ(missing.reason_id, "kolom realization kosong");
  EXPECT_EQ(missing.reason_en, "the realization column is empty");

  const ReportCheckRow unreadable = check("higher_is_better", "sembilan puluh", "85", "95");
  EXPECT_EQ(unreadable.verdict, ReportVerdict::not_computable);
  EXPECT_NE(unreadable.reason_en.find("the target column: 'sembilan puluh' is not a valid number"),
            std::string::npos)
      << unreadable.reason_en;

  const ReportCheckRow no_published = check("higher_is_better", "90", "45", "");
  EXPECT_EQ(no_published.verdict, ReportVerdict::not_computable);
  EXPECT_EQ(shown(no_published), "50,00");  // still worth showing
  EXPECT_EQ(no_published.reason_en, "the published_achievement_percent column is empty");

  EXPECT_EQ(check("naik", "90", "45", "50").verdict, ReportVerdict::not_computable);
  EXPECT_EQ(check("higher_is_better", "90", "45; x", "50").verdict, ReportVerdict::not_computable);
  const ReportCheckRow unknown_formula = check("higher_is_better", "90", "45", "50", "pangkat");
  EXPECT_NE(unknown_formula.reason_en.find("the formula column"), std::string::npos);
}

TEST(ReportCheckTest, ADeclaredFormulaIsTheOneJudged) {
  // T/R: 0,35 / 0,43 = 81,40 for a lower-is-better indicator.
  const ReportCheckRow inverse = check("lower_is_better", "0,35", "0,43", "81,40", "inverse");
  EXPECT_EQ(inverse.verdict, ReportVerdict::consistent) << inverse.reason_en;
  EXPECT_EQ(shown(inverse), "81,40");
  // The default mirror would give 77,14; declared inverse makes it inconsistent, and the
  // matching formula is still named.
  const ReportCheckRow declared = check("lower_is_better", "0,35", "0,43", "77,14", "inverse");
  EXPECT_EQ(declared.verdict, ReportVerdict::inconsistent);
  EXPECT_EQ(declared.matching_formula, FormulaVariant::mirror);
  // Without a declaration any variant of the polarity may be the report's.
  const ReportCheckRow undeclared = check("lower_is_better", "0,35", "0,43", "81,40");
  EXPECT_EQ(undeclared.verdict, ReportVerdict::consistent);
  EXPECT_EQ(undeclared.matching_formula, FormulaVariant::inverse);
  EXPECT_EQ(shown(undeclared), "77,14");  // computed_percent stays the default variant's
  // A variant of the other polarity is refused.
  const ReportCheckRow mismatch = check("higher_is_better", "90", "45", "50", "mirror");
  EXPECT_EQ(mismatch.verdict, ReportVerdict::not_computable);
  EXPECT_NE(mismatch.reason_en.find("does not fit higher_is_better"), std::string::npos);
}

TEST(ReportCheckTest, PeriodicValuesAreSummedWhenNoAggregationIsGiven) {
  const ReportCheckRow summed = check("higher_is_better", "3", "1; 1; 1; 2", "166,67");
  EXPECT_EQ(summed.verdict, ReportVerdict::consistent);
  EXPECT_NE(summed.reason_id.find("kolom aggregation kosong: dijumlahkan"), std::string::npos)
      << summed.reason_id;
  const ReportCheckRow last = check("higher_is_better", "95,56", "90; 93", "97,32", "", "last");
  EXPECT_EQ(last.verdict, ReportVerdict::consistent) << last.reason_en;
  EXPECT_EQ(check("higher_is_better", "95,56", "90; 93", "97,32", "", "terakhir").verdict,
            ReportVerdict::consistent);
  EXPECT_EQ(check("higher_is_better", "2", "1; 0; 2", "150", "", "sometimes").verdict,
            ReportVerdict::not_computable);
}

TEST(ReportCheckTest, AMissingRequiredColumnFailsTheFile) {
  auto table = tabular::read_csv("indicator,polarity,target,realisasi\nA,higher_is_better,1,1\n");
  ASSERT_TRUE(table.ok());
  auto result = check_report(*table);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::ValidationFailed);
  ASSERT_EQ(result.error().fields().size(), 1U);
  EXPECT_EQ(result.error().fields()[0].field, "file");
  EXPECT_NE(result.error().fields()[0].message_en.find("'published_achievement_percent' is missing"),
            std::string::npos)
      << result.error().fields()[0].message_en;

  auto header_only =
      tabular::read_csv("indicator,polarity,target,realization,published_achievement_percent\n");
  ASSERT_TRUE(header_only.ok());
  EXPECT_FALSE(check_report(*header_only).ok());
}

TEST(ReportCheckTest, IndonesianHeadersAreAccepted) {
  const ReportCheck result = check_csv(
      "Indikator;Polaritas;Target;Realisasi;Capaian (%)\n"
      "Angka Kematian Bayi;lower_is_better;32;4,88;184,75 %\n");
  ASSERT_EQ(result.rows.size(), 1U);
  EXPECT_EQ(result.rows[0].verdict, ReportVerdict::consistent) << result.rows[0].reason_en;
  EXPECT_EQ(result.rows[0].row_number, 2U);
}

TEST(ReportCheckTest, TheSheetAddsTheComputedColumnsToTheInput) {
  const ReportCheck result = check_csv(
      "indicator,polarity,target,realization,published_achievement_percent,note,verdict\n"
      "AKB,lower_is_better,32,\"4,88\",\"184,75\",lama,old\n"
      "Anggaran,higher_is_better,\"1,004,422,800\",\"1,000,972,958\",99.66,,\n");
  const tabular::Sheet indonesian = report_check_sheet(result, Locale::indonesian);
  EXPECT_EQ(indonesian.header,
            (std::vector<std::string>{"indicator", "polarity", "target", "realization",
                                      "published_achievement_percent", "note", "computed_percent",
                                      "matching_formula", "verdict", "reason"}));
  ASSERT_EQ(indonesian.rows.size(), 2U);
  EXPECT_EQ(std::get<std::string>(indonesian.rows[0][5]), "lama");
  EXPECT_EQ(std::get<std::string>(indonesian.rows[0][6]), "184,75");
  EXPECT_EQ(std::get<std::string>(indonesian.rows[0][7]), "mirror");
  EXPECT_EQ(std::get<std::string>(indonesian.rows[0][8]), "consistent");
  EXPECT_EQ(std::get<std::string>(indonesian.rows[1][6]), "99,66");
  const tabular::Sheet english = report_check_sheet(result, Locale::english);
  EXPECT_EQ(std::get<std::string>(english.rows[0][6]), "184.75");
  EXPECT_EQ(std::get<std::string>(english.rows[0][9]).rfind("the mirror formula", 0), 0U);
}

TEST(ReportCheckTest, TheFileIsReadFromItsBytes) {
  const tabular::ImportFile file{published_input(), "text/csv", "laporan.csv"};
  auto result = check_report(file);
  ASSERT_TRUE(result.ok()) << result.error().message();
  EXPECT_EQ(result->rows.size(), 21U);
  const tabular::ImportFile not_a_table{std::string_view("\x00\x01\x02", 3), "image/png", "foto.png"};
  EXPECT_FALSE(check_report(not_a_table).ok());
}

}  // namespace
}  // namespace sinergi::performance
