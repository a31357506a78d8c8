#include "contexts/planning/target.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace sinergi::planning {
namespace {

constexpr PlanPeriod kRpjmd{2025, 2029};

Decimal number(std::int64_t value) {
  return Decimal::from_int64(value);
}

TEST(PlanPeriodTest, AcceptsAFiveYearPlan) {
  EXPECT_TRUE(check_plan_period(kRpjmd).empty());
  EXPECT_TRUE(check_plan_period({2025, 2025}).empty());
  EXPECT_TRUE(check_plan_period({2025, 2034}).empty());
  EXPECT_TRUE(kRpjmd.contains(2025));
  EXPECT_TRUE(kRpjmd.contains(2029));
  EXPECT_FALSE(kRpjmd.contains(2024));
  EXPECT_FALSE(kRpjmd.contains(2030));
}

TEST(PlanPeriodTest, RefusesReversedLongAndOutOfRangePeriods) {
  const std::vector<FieldError> reversed = check_plan_period({2029, 2025});
  ASSERT_EQ(reversed.size(), 1U);
  EXPECT_EQ(reversed[0], (FieldError{"last_year", "tahun akhir 2025 tidak boleh sebelum tahun awal 2029",
                                     "the last year 2025 cannot come before the first year 2029"}));
  const std::vector<FieldError> long_period = check_plan_period({2025, 2035});
  ASSERT_EQ(long_period.size(), 1U);
  EXPECT_EQ(long_period[0], (FieldError{"last_year", "periode rencana 2025–2035 lebih dari 10 tahun",
                                        "the plan period 2025–2035 is longer than 10 years"}));
  const std::vector<FieldError> range = check_plan_period({1999, 2101});
  ASSERT_EQ(range.size(), 2U);
  EXPECT_EQ(range[0].field, "first_year");
  EXPECT_EQ(range[1], (FieldError{"last_year", "tahun harus antara 2000 dan 2100, bukan 2101",
                                  "the year must be between 2000 and 2100, not 2101"}));
}

TEST(TargetTest, AcceptsASingleValueOrARange) {
  EXPECT_TRUE(
      check_target({2025, Decimal(9966, 2), std::nullopt, std::nullopt}, kRpjmd, "targets[0]").empty());
  EXPECT_TRUE(check_target({2029, std::nullopt, number(5), number(10)}, kRpjmd, "targets[4]").empty());
  EXPECT_TRUE(check_target({2027, std::nullopt, number(7), Decimal(70, 1)}, kRpjmd, "").empty());
  EXPECT_TRUE(check_target({2026, Decimal(-141, 2), std::nullopt, std::nullopt}, kRpjmd, "t").empty());
}

TEST(TargetTest, RefusesAYearOutsideThePeriod) {
  const std::vector<FieldError> errors =
      check_target({2030, number(5), std::nullopt, std::nullopt}, kRpjmd, "targets[5]");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0], (FieldError{"targets[5].year", "tahun 2030 di luar periode rencana 2025–2029",
                                   "the year 2030 is outside the plan period 2025–2029"}));
  EXPECT_EQ(check_target({2024, number(5), std::nullopt, std::nullopt}, kRpjmd, "").front().field, "year");
}

TEST(TargetTest, RefusesALowerBoundAboveTheUpper) {
  const std::vector<FieldError> errors =
      check_target({2026, std::nullopt, number(10), number(5)}, kRpjmd, "target");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0], (FieldError{"target.lower", "batas bawah 10 tidak boleh lebih besar dari batas atas 5",
                                   "the lower bound 10 cannot be above the upper bound 5"}));
  const std::vector<FieldError> decimals =
      check_target({2026, std::nullopt, Decimal(755, 1), Decimal(7549, 2)}, kRpjmd, "target");
  ASSERT_EQ(decimals.size(), 1U);
  EXPECT_EQ(decimals[0].message_id, "batas bawah 75,5 tidak boleh lebih besar dari batas atas 75,49");
}

TEST(TargetTest, RefusesNeitherOrBothForms) {
  const std::vector<FieldError> neither =
      check_target({2026, std::nullopt, std::nullopt, std::nullopt}, kRpjmd, "target");
  ASSERT_EQ(neither.size(), 1U);
  EXPECT_EQ(neither[0].field, "target.value");
  EXPECT_EQ(neither[0].message_en, "is required: a single target value or a range (lower and upper bound)");

  const std::vector<FieldError> both =
      check_target({2026, number(5), number(1), number(9)}, kRpjmd, "target");
  ASSERT_EQ(both.size(), 1U);
  EXPECT_EQ(both[0], (FieldError{"target.value", "isi nilai target tunggal atau rentang, tidak keduanya",
                                 "give either a single target value or a range, not both"}));
}

TEST(TargetTest, RefusesARangeWithOneBound) {
  const std::vector<FieldError> lower_only =
      check_target({2026, std::nullopt, number(1), std::nullopt}, kRpjmd, "target");
  ASSERT_EQ(lower_only.size(), 1U);
  EXPECT_EQ(lower_only[0].field, "target.upper");
  const std::vector<FieldError> upper_only =
      check_target({2026, std::nullopt, std::nullopt, number(9)}, kRpjmd, "target");
  ASSERT_EQ(upper_only.size(), 1U);
  EXPECT_EQ(upper_only[0].field, "target.lower");
}

TEST(TargetTest, ReportsEveryProblemAtOnce) {
  const std::vector<FieldError> errors =
      check_target({2031, std::nullopt, number(10), number(5)}, kRpjmd, "t");
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].field, "t.year");
  EXPECT_EQ(errors[1].field, "t.lower");
}

}  // namespace
}  // namespace sinergi::planning
