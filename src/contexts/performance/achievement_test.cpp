// The achievement engine against RULES.md sections 1-3 and the published rows of
// tests/data/achievement_published.csv (their notes give the arithmetic); expected values are
// worked out by hand from those sources.
#include "contexts/performance/achievement.h"

#include <gtest/gtest.h>

#include <vector>

namespace sinergi::performance {
namespace {

Decimal dec(std::string_view text) {
  return Decimal::parse(text, NumberFormat::automatic).value();
}

Achievement achieve(Polarity polarity, FormulaVariant variant, std::string_view target,
                    std::optional<std::string_view> realization) {
  AchievementInput input;
  input.polarity = polarity;
  input.variant = variant;
  input.target = TargetValue::single(dec(target));
  if (realization) {
    input.realization = dec(*realization);
  }
  return compute_achievement(input);
}

std::string shown(const Achievement& achievement) {
  return achievement.percent.format(Locale::indonesian, 2);
}

constexpr auto kHigher = Polarity::higher_is_better;
constexpr auto kLower = Polarity::lower_is_better;

TEST(AchievementTest, PublishedLowerIsBetterRowsUseTheMirrorFormulaWithoutCap) {
  // LKj Lampung 2015, infant mortality: (2 x 32 - 4,88) / 32 = 184,75 exactly.
  const Achievement infant = achieve(kLower, FormulaVariant::mirror, "32", "4,88");
  ASSERT_TRUE(infant.computed());
  EXPECT_EQ(infant.percent, dec("184.75"));
  // Malaria API: worse than the target still scores (2 x 0,35 - 0,43) / 0,35 = 77,142857...
  EXPECT_EQ(shown(achieve(kLower, FormulaVariant::mirror, "0,35", "0,43")), "77,14");
  // Theil index, Wonogiri 2020: (0,05 - 0,0189) / 0,025 = 124,4.
  EXPECT_EQ(achieve(kLower, FormulaVariant::mirror, "0,025", "0,0189").percent, dec("124.4"));
}

TEST(AchievementTest, RatioInverseAndNegativeValues) {
  // APM SD/MI Tanah Datar 2016: 92,22 / 90,89 = 101,463...
  EXPECT_EQ(shown(achieve(kHigher, FormulaVariant::ratio, "90,89", "92,22")), "101,46");
  // RULES.md: R = -1,41 against T = 2 gives -70,50.
  EXPECT_EQ(shown(achieve(kHigher, FormulaVariant::ratio, "2", "-1,41")), "-70,50");
  // Inverse for a lower-is-better indicator: T / R = 10 / 8 = 125.
  EXPECT_EQ(achieve(kLower, FormulaVariant::inverse, "10", "8").percent, dec("125"));
}

TEST(AchievementTest, MissingAndImpossibleInputsAreExplainedNeverZero) {
  const Achievement missing = achieve(kHigher, FormulaVariant::ratio, "10", std::nullopt);
  EXPECT_EQ(missing.status, AchievementStatus::not_available);
  EXPECT_EQ(missing.reason, AchievementReason::realization_missing);
  const Achievement zero_target = achieve(kHigher, FormulaVariant::ratio, "0", "5");
  EXPECT_EQ(zero_target.status, AchievementStatus::not_computable);
  EXPECT_EQ(zero_target.reason, AchievementReason::target_zero);
  EXPECT_EQ(achieve(kLower, FormulaVariant::mirror, "0", "5").reason, AchievementReason::target_zero);
  EXPECT_EQ(achieve(kLower, FormulaVariant::inverse, "5", "0").reason, AchievementReason::realization_zero);
  EXPECT_EQ(achieve(kLower, FormulaVariant::ratio, "5", "4").reason, AchievementReason::variant_mismatch);
  EXPECT_FALSE(message_id(AchievementReason::target_zero).empty());
  EXPECT_FALSE(message_en(AchievementReason::realization_missing).empty());
}

TEST(AchievementTest, RangeTargetsUseTheNearerBoundAndInsideIsAHundred) {
  AchievementInput input;
  input.polarity = kHigher;
  input.variant = FormulaVariant::ratio;
  input.target = TargetValue::range(dec("80"), dec("90"));
  input.realization = dec("85");
  EXPECT_EQ(compute_achievement(input).percent, dec("100"));
  input.realization = dec("99");
  const Achievement above = compute_achievement(input);
  EXPECT_EQ(above.percent, dec("110"));  // 99 / 90
  EXPECT_EQ(above.effective_target, dec("90"));
  input.realization = dec("72");
  EXPECT_EQ(compute_achievement(input).percent, dec("90"));  // 72 / 80
  input.target.upper.reset();
  EXPECT_EQ(compute_achievement(input).reason, AchievementReason::range_incomplete);
}

TEST(AchievementTest, BinaryIsAHundredWhenMetAndZeroOtherwise) {
  EXPECT_EQ(achieve(kHigher, FormulaVariant::binary, "1", "1").percent, dec("100"));
  EXPECT_EQ(achieve(kHigher, FormulaVariant::binary, "1", "0").percent, dec("0"));
  EXPECT_EQ(achieve(kLower, FormulaVariant::binary, "3", "2").percent, dec("100"));
  EXPECT_EQ(achieve(kLower, FormulaVariant::binary, "3", "4").percent, dec("0"));
}

TEST(AchievementTest, ACapIsAppliedOnlyWhenTheSchemeNamesOne) {
  AchievementInput input;
  input.polarity = kHigher;
  input.target = TargetValue::single(dec("100"));
  input.realization = dec("115");
  EXPECT_EQ(compute_achievement(input).percent, dec("115"));
  input.cap = Cap{dec("110"), dec("120")};
  const Achievement capped = compute_achievement(input);
  EXPECT_TRUE(capped.capped);
  EXPECT_EQ(capped.percent, dec("120"));
  input.realization = dec("105");
  EXPECT_FALSE(compute_achievement(input).capped);
}

TEST(AggregationTest, PeriodsAddUpByTheIndicatorsRule) {
  // Polewali Mandar 2022: monthly counts 1, 0, 2 against a yearly target of 2 give 150,00.
  const std::vector<std::optional<Decimal>> counts = {dec("1"), dec("0"), dec("2")};
  const Aggregate sum = aggregate(counts, Aggregation::sum).value();
  EXPECT_EQ(sum.value, dec("3"));
  EXPECT_EQ(shown(achieve(kHigher, FormulaVariant::ratio, "2", "3")), "150,00");

  const std::vector<std::optional<Decimal>> levels = {dec("91,5"), std::nullopt, dec("93"), std::nullopt};
  const Aggregate last = aggregate(levels, Aggregation::last).value();
  EXPECT_EQ(last.value, dec("93"));
  EXPECT_EQ(last.reported, 2);
  EXPECT_EQ(last.periods, 4);
  EXPECT_EQ(last.last_reported, 2);
  EXPECT_EQ(aggregate(levels, Aggregation::average).value().value, dec("92.25"));
  EXPECT_EQ(aggregate(levels, Aggregation::max).value().value, dec("93"));
  EXPECT_EQ(aggregate(levels, Aggregation::min).value().value, dec("91.5"));

  const std::vector<std::optional<Decimal>> none = {std::nullopt, std::nullopt};
  EXPECT_FALSE(aggregate(none, Aggregation::sum).value().value.has_value());
}

TEST(RollupTest, AProgramIsTheMeanOfItsSubActivitiesAndMissingOnesAreCounted) {
  // RULES.md: a program's 88,6 % is the mean of 93,6 / 87,4 / 92,9 / 80,5.
  const std::vector<RollupChild> children = {{dec("93.6"), {}, {}, {}},
                                             {dec("87.4"), {}, {}, {}},
                                             {std::nullopt, {}, {}, {}},
                                             {dec("92.9"), {}, {}, {}},
                                             {dec("80.5"), {}, {}, {}}};
  const Rollup program = roll_up(children, RollupRule::mean_of_achievements);
  ASSERT_TRUE(program.computed());
  EXPECT_EQ(program.percent, dec("88.6"));
  EXPECT_EQ(program.included, 4);
  EXPECT_EQ(program.missing, 1);
  EXPECT_EQ(program.total, 5);

  const std::vector<RollupChild> nothing = {{std::nullopt, {}, {}, {}}};
  EXPECT_EQ(roll_up(nothing, RollupRule::mean_of_achievements).status, AchievementStatus::not_available);
}

TEST(RollupTest, WeightedMeansAndRatiosOfSums) {
  const std::vector<RollupChild> weighted = {{dec("100"), dec("60"), {}, {}}, {dec("50"), dec("40"), {}, {}}};
  EXPECT_EQ(roll_up(weighted, RollupRule::weighted_mean).percent, dec("80"));

  // Polewali Mandar 2022, budget: four quarters of spending against 1.004.422.800 give 99,66.
  const std::vector<RollupChild> money = {
      {{}, {}, dec("1004422800"), dec("1000972958")},
  };
  EXPECT_EQ(roll_up(money, RollupRule::ratio_of_sums).percent.format(Locale::english, 2), "99.66");
  const std::vector<RollupChild> zero = {{{}, {}, dec("0"), dec("5")}};
  EXPECT_EQ(roll_up(zero, RollupRule::ratio_of_sums).status, AchievementStatus::not_computable);
  EXPECT_EQ(parse_rollup_rule("weighted_mean"), RollupRule::weighted_mean);
}

TEST(ExplanationTest, TheArithmeticIsWrittenWithItsNumbersInBothLanguages) {
  AchievementInput input;
  input.polarity = kLower;
  input.variant = FormulaVariant::mirror;
  input.target = TargetValue::single(dec("32"));
  input.realization = dec("4,88");
  const std::vector<ExplanationStep> steps = explain_achievement(input);
  ASSERT_GE(steps.size(), 3U);
  EXPECT_NE(steps[1].text_id.find("(2 x 32 - 4,88) / 32 x 100 = 184,75"), std::string::npos)
      << steps[1].text_id;
  EXPECT_NE(steps[1].text_en.find("(2 x 32 - 4.88) / 32 x 100 = 184.75"), std::string::npos)
      << steps[1].text_en;

  input.realization.reset();
  const std::vector<ExplanationStep> missing = explain_achievement(input);
  EXPECT_NE(missing.back().text_en.find("n/a"), std::string::npos);

  const std::vector<std::optional<Decimal>> counts = {dec("1"), dec("0"), dec("2")};
  const std::vector<ExplanationStep> periods = explain_aggregation(counts, Aggregation::sum);
  EXPECT_NE(periods.back().text_en.find("= 3 (3 of 3 periods reported)"), std::string::npos)
      << periods.back().text_en;
}

}  // namespace
}  // namespace sinergi::performance
