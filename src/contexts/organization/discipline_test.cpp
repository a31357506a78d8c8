#include "contexts/organization/discipline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace sinergi::organization {
namespace {

constexpr std::string_view kVerbalWarning = "Teguran lisan";
constexpr std::string_view kWrittenWarning = "Teguran tertulis";
constexpr std::string_view kDissatisfaction = "Pernyataan tidak puas secara tertulis";
constexpr std::string_view kTppCutSixMonths = "Pemotongan TPP 25% selama 6 bulan";
constexpr std::string_view kNonStructural =
    "Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan";
constexpr std::string_view kDismissal =
    "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS";

constexpr auto kPresent = AttendanceStatus::present;
constexpr auto kUnexcused = AttendanceStatus::unexcused;
constexpr auto kSick = AttendanceStatus::sick;

Date day(std::string_view text) {
  const std::optional<Date> parsed = parse_iso_date(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(Date{});
}

std::vector<AttendanceDay> records(
    std::initializer_list<std::pair<std::string_view, AttendanceStatus>> entries) {
  std::vector<AttendanceDay> result;
  for (const auto& [date, status] : entries) {
    result.push_back(AttendanceDay{day(date), status});
  }
  return result;
}

// `count` unexcused weekdays from 2025-01-06 (a Monday), each followed by a present weekday,
// so that no two of them form a run.
std::vector<AttendanceDay> scattered_unexcused(int count) {
  std::vector<AttendanceDay> result;
  Date current = day("2025-01-06");
  bool absent = true;
  while (count > 0) {
    if (!is_weekend(current)) {
      result.push_back(AttendanceDay{current, absent ? kUnexcused : kPresent});
      count -= absent ? 1 : 0;
      absent = !absent;
    }
    current += std::chrono::days{1};
  }
  return result;
}

std::string sanction_of(const DisciplineSummary& summary) {
  return summary.level == nullptr ? "" : summary.level->sanction;
}

TEST(Pp94ScaleTest, HasTheNineRowsOfTheRegulation) {
  const DisciplineScale& scale = DisciplineScale::pp94();
  ASSERT_EQ(scale.levels().size(), 9U);
  for (std::size_t index = 0; index < scale.levels().size(); ++index) {
    EXPECT_EQ(scale.levels()[index].rank, static_cast<int>(index) + 1);
  }
  EXPECT_EQ(scale.levels().front(), (SanctionLevel{3, 3, std::string(kVerbalWarning), 1}));
  EXPECT_EQ(scale.dismissal(), (SanctionLevel{28, std::nullopt, std::string(kDismissal), 9}));
  EXPECT_EQ(&DisciplineScale::pp94(), &scale);  // parsed once
}

struct LevelCase {
  int days;
  std::string_view sanction;  // empty: no sanction
  int rank;
};

class Pp94LevelTest : public ::testing::TestWithParam<LevelCase> {};

TEST_P(Pp94LevelTest, LooksUpCumulativeDays) {
  const DisciplineScale& scale = DisciplineScale::pp94();
  const SanctionLevel* level = scale.level_for_days(GetParam().days);
  if (GetParam().sanction.empty()) {
    EXPECT_EQ(level, nullptr) << GetParam().days;
    return;
  }
  ASSERT_NE(level, nullptr) << GetParam().days;
  EXPECT_EQ(level->sanction, GetParam().sanction) << GetParam().days;
  EXPECT_EQ(level->rank, GetParam().rank) << GetParam().days;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, Pp94LevelTest,
    ::testing::Values(LevelCase{0, "", 0}, LevelCase{2, "", 0}, LevelCase{3, kVerbalWarning, 1},
                      LevelCase{4, kWrittenWarning, 2}, LevelCase{6, kWrittenWarning, 2},
                      LevelCase{7, kDissatisfaction, 3}, LevelCase{10, kDissatisfaction, 3},
                      LevelCase{11, kTppCutSixMonths, 4}, LevelCase{13, kTppCutSixMonths, 4},
                      LevelCase{14, "Pemotongan TPP 25% selama 9 bulan", 5},
                      LevelCase{20, "Pemotongan TPP 25% selama 12 bulan", 6},
                      LevelCase{21, "Penurunan jabatan setingkat lebih rendah selama 12 bulan", 7},
                      LevelCase{25, kNonStructural, 8}, LevelCase{27, kNonStructural, 8},
                      LevelCase{28, kDismissal, 9}, LevelCase{40, kDismissal, 9},
                      LevelCase{366, kDismissal, 9}));

class CumulativeSummaryTest : public ::testing::TestWithParam<LevelCase> {};

TEST_P(CumulativeSummaryTest, SanctionsTheYearsTotal) {
  const auto days = scattered_unexcused(GetParam().days);
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.unexcused, GetParam().days);
  EXPECT_EQ(summary.longest_unexcused_run, GetParam().days > 0 ? 1 : 0);
  EXPECT_EQ(sanction_of(summary), GetParam().sanction);
  if (GetParam().sanction.empty()) {
    EXPECT_FALSE(summary.reason);
  } else {
    EXPECT_EQ(summary.reason, SanctionReason::cumulative_days);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, CumulativeSummaryTest,
                         ::testing::Values(LevelCase{0, "", 0}, LevelCase{2, "", 0},
                                           LevelCase{3, kVerbalWarning, 1}, LevelCase{6, kWrittenWarning, 2},
                                           LevelCase{10, kDissatisfaction, 3},
                                           LevelCase{13, kTppCutSixMonths, 4},
                                           LevelCase{27, kNonStructural, 8}, LevelCase{28, kDismissal, 9},
                                           LevelCase{40, kDismissal, 9}));

TEST(SummarizeDisciplineTest, TenConsecutiveWorkingDaysIsDismissal) {
  std::vector<AttendanceDay> days;
  for (Date current = day("2025-03-03"); current <= day("2025-03-14"); current += std::chrono::days{1}) {
    if (!is_weekend(current)) {
      days.push_back(AttendanceDay{current, kUnexcused});
    }
  }
  ASSERT_EQ(days.size(), 10U);
  const DisciplineScale& scale = DisciplineScale::pp94();
  ASSERT_EQ(scale.level_for_days(10)->sanction, kDissatisfaction);  // what the total alone would give
  const DisciplineSummary summary = summarize_discipline(days, 2025, scale);
  EXPECT_EQ(summary.unexcused, 10);
  EXPECT_EQ(summary.longest_unexcused_run, 10);
  EXPECT_EQ(summary.longest_run_starts_on, day("2025-03-03"));
  EXPECT_EQ(summary.level, &scale.dismissal());
  EXPECT_EQ(summary.reason, SanctionReason::consecutive_days);
}

TEST(SummarizeDisciplineTest, NineConsecutivePlusOneIsNotDismissal) {
  const auto days = records({{"2025-03-03", kUnexcused},
                             {"2025-03-04", kUnexcused},
                             {"2025-03-05", kUnexcused},
                             {"2025-03-06", kUnexcused},
                             {"2025-03-07", kUnexcused},
                             {"2025-03-10", kUnexcused},
                             {"2025-03-11", kUnexcused},
                             {"2025-03-12", kUnexcused},
                             {"2025-03-13", kUnexcused},
                             {"2025-03-14", kPresent},
                             {"2025-03-17", kUnexcused}});
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.unexcused, 10);
  EXPECT_EQ(summary.present, 1);
  EXPECT_EQ(summary.longest_unexcused_run, 9);
  EXPECT_EQ(sanction_of(summary), kDissatisfaction);
  EXPECT_EQ(summary.reason, SanctionReason::cumulative_days);
}

TEST(SummarizeDisciplineTest, ARunCrossesAWeekend) {
  const auto days = records({{"2025-03-06", kUnexcused},
                             {"2025-03-07", kUnexcused},
                             {"2025-03-10", kUnexcused},
                             {"2025-03-11", kPresent}});
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.longest_unexcused_run, 3);
  EXPECT_EQ(summary.longest_run_starts_on, day("2025-03-06"));
  EXPECT_EQ(sanction_of(summary), kVerbalWarning);
}

TEST(SummarizeDisciplineTest, ASickDayBreaksTheRun) {
  const auto days = records({{"2025-03-03", kUnexcused},
                             {"2025-03-04", kUnexcused},
                             {"2025-03-05", kUnexcused},
                             {"2025-03-06", kUnexcused},
                             {"2025-03-07", kUnexcused},
                             {"2025-03-10", kSick},
                             {"2025-03-11", kUnexcused},
                             {"2025-03-12", kUnexcused},
                             {"2025-03-13", kUnexcused},
                             {"2025-03-14", kUnexcused},
                             {"2025-03-17", kUnexcused}});
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.unexcused, 10);
  EXPECT_EQ(summary.sick, 1);
  EXPECT_EQ(summary.longest_unexcused_run, 5);
  EXPECT_EQ(summary.longest_run_starts_on, day("2025-03-03"));  // the earlier of two equal runs
  EXPECT_EQ(summary.reason, SanctionReason::cumulative_days);
}

TEST(SummarizeDisciplineTest, ARecordOnTheWeekendBreaksTheRunToo) {
  const auto days = records({{"2025-03-07", kUnexcused}, {"2025-03-08", kSick}, {"2025-03-10", kUnexcused}});
  EXPECT_EQ(summarize_discipline(days, 2025, DisciplineScale::pp94()).longest_unexcused_run, 1);
}

TEST(SummarizeDisciplineTest, AHolidayWithoutARecordDoesNotBreakTheRun) {
  // Friday 2025-03-07 is a holiday with no record: Thursday to Monday is 4 days.
  const auto days = records({{"2025-03-03", kUnexcused},
                             {"2025-03-04", kUnexcused},
                             {"2025-03-05", kUnexcused},
                             {"2025-03-06", kUnexcused},
                             {"2025-03-10", kUnexcused},
                             {"2025-03-11", kUnexcused},
                             {"2025-03-12", kUnexcused},
                             {"2025-03-13", kUnexcused},
                             {"2025-03-14", kUnexcused},
                             {"2025-03-17", kUnexcused}});
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.unexcused, 10);
  EXPECT_EQ(summary.longest_unexcused_run, 10);
  EXPECT_EQ(sanction_of(summary), kDismissal);
  EXPECT_EQ(summary.reason, SanctionReason::consecutive_days);
}

TEST(SummarizeDisciplineTest, AMidweekHolidayDoesNotBreakTheRun) {
  const auto days =
      records({{"2025-03-04", kUnexcused}, {"2025-03-06", kUnexcused}, {"2025-03-07", kUnexcused}});
  EXPECT_EQ(summarize_discipline(days, 2025, DisciplineScale::pp94()).longest_unexcused_run, 3);
}

TEST(SummarizeDisciplineTest, AGapOfMoreThanFourDaysBreaksTheRun) {
  // Friday 2025-03-07 to Friday 2025-03-14: a week without data.
  const auto week = records({{"2025-03-03", kUnexcused},
                             {"2025-03-04", kUnexcused},
                             {"2025-03-05", kUnexcused},
                             {"2025-03-06", kUnexcused},
                             {"2025-03-07", kUnexcused},
                             {"2025-03-14", kUnexcused},
                             {"2025-03-17", kUnexcused},
                             {"2025-03-18", kUnexcused},
                             {"2025-03-19", kUnexcused},
                             {"2025-03-20", kUnexcused}});
  const DisciplineSummary summary = summarize_discipline(week, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.unexcused, 10);
  EXPECT_EQ(summary.longest_unexcused_run, 5);
  EXPECT_EQ(sanction_of(summary), kDissatisfaction);
  EXPECT_EQ(summary.reason, SanctionReason::cumulative_days);

  // Friday to Wednesday (5 days) breaks; Friday to Tuesday (4 days) does not.
  const auto five = records({{"2025-03-07", kUnexcused}, {"2025-03-12", kUnexcused}});
  EXPECT_EQ(summarize_discipline(five, 2025, DisciplineScale::pp94()).longest_unexcused_run, 1);
  const auto four = records({{"2025-03-07", kUnexcused}, {"2025-03-11", kUnexcused}});
  EXPECT_EQ(summarize_discipline(four, 2025, DisciplineScale::pp94()).longest_unexcused_run, 2);
}

TEST(SummarizeDisciplineTest, OnlyTheRequestedYearCounts) {
  auto days = records({{"2024-12-30", kUnexcused},
                       {"2024-12-31", kUnexcused},
                       {"2025-01-02", kUnexcused},
                       {"2025-01-03", kPresent},
                       {"2025-12-31", kUnexcused},
                       {"2026-01-02", kUnexcused}});
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.year, 2025);
  EXPECT_EQ(summary.unexcused, 2);
  EXPECT_EQ(summary.present, 1);
  EXPECT_EQ(summary.longest_unexcused_run, 1);
  EXPECT_EQ(summary.level, nullptr);
  EXPECT_FALSE(summary.reason);

  const DisciplineSummary last_year = summarize_discipline(days, 2024, DisciplineScale::pp94());
  EXPECT_EQ(last_year.year, 2024);
  EXPECT_EQ(last_year.unexcused, 2);
  EXPECT_EQ(last_year.present, 0);
  EXPECT_EQ(last_year.longest_unexcused_run, 2);
}

TEST(SummarizeDisciplineTest, CountsEveryStatusAndLateness) {
  std::vector<AttendanceDay> days{
      {day("2025-03-03"), kPresent, 15},
      {day("2025-03-04"), kPresent, 0},
      {day("2025-03-05"), AttendanceStatus::leave},
      {day("2025-03-06"), kSick},
      {day("2025-03-07"), AttendanceStatus::official_travel},
      {day("2025-03-10"), kUnexcused},
      {day("2025-03-11"), kPresent, 7},
  };
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.present, 3);
  EXPECT_EQ(summary.leave, 1);
  EXPECT_EQ(summary.sick, 1);
  EXPECT_EQ(summary.official_travel, 1);
  EXPECT_EQ(summary.unexcused, 1);
  EXPECT_EQ(summary.late_minutes, 22);
  EXPECT_EQ(summary.longest_unexcused_run, 1);
  EXPECT_EQ(summary.longest_run_starts_on, day("2025-03-10"));
}

TEST(SummarizeDisciplineTest, TheLastRecordOfADateWins) {
  const auto days = records({{"2025-03-03", kUnexcused},
                             {"2025-03-04", kUnexcused},
                             {"2025-03-03", kPresent},
                             {"2025-03-05", kPresent},
                             {"2025-03-05", kUnexcused}});
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.present, 1);
  EXPECT_EQ(summary.unexcused, 2);
  EXPECT_EQ(summary.longest_unexcused_run, 2);
  EXPECT_EQ(summary.longest_run_starts_on, day("2025-03-04"));
}

TEST(SummarizeDisciplineTest, InputOrderDoesNotMatter) {
  auto days = records({{"2025-03-03", kUnexcused},
                       {"2025-03-04", kUnexcused},
                       {"2025-03-05", kUnexcused},
                       {"2025-03-06", kUnexcused},
                       {"2025-03-07", kUnexcused},
                       {"2025-03-10", kUnexcused},
                       {"2025-03-11", kUnexcused},
                       {"2025-03-12", kUnexcused},
                       {"2025-03-13", kUnexcused},
                       {"2025-03-14", kUnexcused},
                       {"2025-03-17", kPresent}});
  std::reverse(days.begin(), days.end());
  std::rotate(days.begin(), days.begin() + 4, days.end());
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.longest_unexcused_run, 10);
  EXPECT_EQ(summary.longest_run_starts_on, day("2025-03-03"));
  EXPECT_EQ(summary.reason, SanctionReason::consecutive_days);
}

TEST(SummarizeDisciplineTest, WeekendRecordsCountInTheTotal) {
  const auto days =
      records({{"2025-03-08", kUnexcused}, {"2025-03-09", kUnexcused}, {"2025-03-15", kUnexcused}});
  const DisciplineSummary summary = summarize_discipline(days, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.unexcused, 3);
  EXPECT_EQ(sanction_of(summary), kVerbalWarning);
}

TEST(SummarizeDisciplineTest, EmptyInput) {
  const DisciplineSummary summary = summarize_discipline({}, 2025, DisciplineScale::pp94());
  EXPECT_EQ(summary.year, 2025);
  EXPECT_EQ(summary.unexcused, 0);
  EXPECT_EQ(summary.longest_unexcused_run, 0);
  EXPECT_FALSE(summary.longest_run_starts_on);
  EXPECT_EQ(summary.level, nullptr);
  EXPECT_FALSE(summary.reason);
}

TEST(SanctionReasonTest, NamesAndLabels) {
  EXPECT_EQ(name(SanctionReason::cumulative_days), "cumulative_days");
  EXPECT_EQ(name(SanctionReason::consecutive_days), "consecutive_days");
  EXPECT_FALSE(label_id(SanctionReason::cumulative_days).empty());
  EXPECT_FALSE(label_id(SanctionReason::consecutive_days).empty());
}

// DisciplineScale::parse_csv ---------------------------------------------------------------

TEST(ParseScaleTest, AcceptsAValidTable) {
  const auto scale = DisciplineScale::parse_csv(
      "\xEF\xBB\xBFmin_days,max_days,sanction\r\n1,2,Teguran\r\n3,,\"Sanksi \"\"berat\"\"\"\r\n\r\n");
  ASSERT_TRUE(scale.ok()) << scale.error().fields().front().message_en;
  ASSERT_EQ(scale->levels().size(), 2U);
  EXPECT_EQ(scale->levels()[0], (SanctionLevel{1, 2, "Teguran", 1}));
  EXPECT_EQ(scale->levels()[1], (SanctionLevel{3, std::nullopt, "Sanksi \"berat\"", 2}));
  EXPECT_EQ(scale->level_for_days(0), nullptr);
  EXPECT_EQ(scale->level_for_days(2)->rank, 1);
  EXPECT_EQ(&scale->dismissal(), &scale->levels()[1]);
  EXPECT_EQ(scale->level_for_days(100), &scale->dismissal());
}

TEST(ParseScaleTest, AcceptsASingleOpenRow) {
  const auto scale = DisciplineScale::parse_csv("min_days,max_days,sanction\n5,,Pemberhentian");
  ASSERT_TRUE(scale.ok());
  EXPECT_EQ(scale->level_for_days(4), nullptr);
  EXPECT_EQ(scale->level_for_days(5)->sanction, "Pemberhentian");
}

struct BadScaleCase {
  std::string_view csv;
  std::string_view english_fragment;
};

class BadScaleTest : public ::testing::TestWithParam<BadScaleCase> {};

TEST_P(BadScaleTest, IsRejected) {
  const auto scale = DisciplineScale::parse_csv(GetParam().csv);
  ASSERT_FALSE(scale.ok()) << GetParam().csv;
  EXPECT_EQ(scale.error().code(), ErrorCode::ValidationFailed);
  ASSERT_FALSE(scale.error().fields().empty());
  bool found = false;
  for (const FieldError& field : scale.error().fields()) {
    EXPECT_EQ(field.field, "file");
    EXPECT_FALSE(field.message_id.empty());
    found = found || field.message_en.find(GetParam().english_fragment) != std::string::npos;
  }
  EXPECT_TRUE(found) << scale.error().fields().front().message_en;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadScaleTest,
    ::testing::Values(
        BadScaleCase{"", "line 1: the header must be min_days,max_days,sanction"},
        BadScaleCase{"3,3,Teguran lisan\n4,,Berat", "line 1: the header must be"},
        BadScaleCase{"min,max,sanction\n3,3,Teguran lisan\n4,,Berat", "the header must be"},
        BadScaleCase{"min_days,max_days,sanction\n", "no sanction levels"},
        BadScaleCase{"min_days,max_days,sanction\n3,3,A\n5,,B", "line 3: gap: 4 to 4 days are not covered"},
        BadScaleCase{"min_days,max_days,sanction\n4,6,A\n3,3,B\n7,,C", "line 3: out of order or overlapping"},
        BadScaleCase{"min_days,max_days,sanction\n3,5,A\n5,,B", "min_days must be 6, not 5"},
        BadScaleCase{"min_days,max_days,sanction\n3,,A\n4,,B",
                     "line 2: only the last row may leave max_days empty"},
        BadScaleCase{"min_days,max_days,sanction\n3,3,A\n4,6,B",
                     "line 3: the last row must leave max_days empty"},
        BadScaleCase{"min_days,max_days,sanction\n3,2,A\n3,,B", "max_days 2 is less than min_days 3"},
        BadScaleCase{"min_days,max_days,sanction\n0,2,A\n3,,B",
                     "min_days of the first row must be at least 1"},
        BadScaleCase{"min_days,max_days,sanction\nx,3,A\n4,,B", "line 2: min_days must be"},
        BadScaleCase{"min_days,max_days,sanction\n3,-3,A\n4,,B", "max_days must be"},
        BadScaleCase{"min_days,max_days,sanction\n3,3\n4,,B", "line 2: must have 3 columns"},
        BadScaleCase{"min_days,max_days,sanction\n3,3,  \n4,,B", "the sanction is required"}));

}  // namespace
}  // namespace sinergi::organization
