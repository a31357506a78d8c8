// Predicate scales (RULES.md section 4, reference/predicate_scales.csv): the presets, exact
// decisions on band edges, and the checks of a scale a region configures.
#include "contexts/performance/predicate_scale.h"

#include <gtest/gtest.h>

namespace sinergi::performance {
namespace {

Decimal dec(std::string_view text) {
  return Decimal::parse(text, NumberFormat::plain).value();
}

std::string predicate_of(const PredicateScale& scale, std::string_view target, std::string_view realization) {
  AchievementInput input;
  input.target = TargetValue::single(dec(target));
  input.realization = dec(realization);
  const PredicateBand* band = classify(scale, compute_achievement(input));
  return band != nullptr ? band->predicate : "";
}

TEST(PredicateScaleTest, ThePresetsAreEmbeddedWithPermendagri86First) {
  ASSERT_EQ(preset_scales().size(), 4U);
  EXPECT_EQ(default_scale().name, "permendagri86");
  EXPECT_EQ(default_scale().bands.size(), 5U);
  ASSERT_NE(find_preset("sakip88"), nullptr);
  EXPECT_EQ(find_preset("sakip88")->bands.size(), 7U);
  EXPECT_EQ(find_preset("unknown"), nullptr);
}

TEST(PredicateScaleTest, BandEdgesAreDecidedOnTheExactFraction) {
  const PredicateScale& scale = default_scale();
  EXPECT_EQ(predicate_of(scale, "100", "91"), "Sangat Tinggi");
  EXPECT_EQ(predicate_of(scale, "100", "76"), "Tinggi");
  EXPECT_EQ(predicate_of(scale, "100", "75.99"), "Sedang");
  EXPECT_EQ(predicate_of(scale, "100", "51"), "Rendah");
  EXPECT_EQ(predicate_of(scale, "100", "50"), "Sangat Rendah");
  // 90.99999999999999 / 100 rounds to 91.0000000000 at ten decimals, yet it is below 91.
  AchievementInput input;
  input.target = TargetValue::single(dec("100"));
  input.realization = dec("90.99999999999999");
  const Achievement almost = compute_achievement(input);
  EXPECT_EQ(almost.percent, dec("91"));
  EXPECT_EQ(classify(scale, almost)->predicate, "Tinggi");
  // 3 x 91 / 3 is exactly 91 whatever the division's rounding.
  EXPECT_EQ(predicate_of(scale, "3", "2.73"), "Sangat Tinggi");
  // A lower-is-better mirror result: (2 x 10 - 10,9) / 10 = 91.
  input.polarity = Polarity::lower_is_better;
  input.variant = FormulaVariant::mirror;
  input.target = TargetValue::single(dec("10"));
  input.realization = dec("10.9");
  EXPECT_EQ(classify(scale, compute_achievement(input))->predicate, "Sangat Tinggi");
}

TEST(PredicateScaleTest, OtherPresetsAndPercentsOfRollups) {
  const PredicateScale& reached = *find_preset("tercapai3");
  EXPECT_EQ(predicate_of(reached, "10", "10"), "Tercapai");
  EXPECT_EQ(predicate_of(reached, "10", "10.01"), "Melampaui target");
  EXPECT_EQ(predicate_of(reached, "10", "9.99"), "Tidak tercapai");
  const PredicateScale& sakip = *find_preset("sakip88");
  EXPECT_EQ(classify(sakip, dec("90"))->predicate, "A");  // AA needs more than 90
  EXPECT_EQ(classify(sakip, dec("90.01"))->predicate, "AA");
  EXPECT_EQ(classify(sakip, dec("30"))->predicate, "D");
  AchievementInput missing;
  EXPECT_EQ(classify(default_scale(), compute_achievement(missing)), nullptr);
}

TEST(PredicateScaleTest, ACapDecidesOnTheCappedValue) {
  AchievementInput input;
  input.target = TargetValue::single(dec("100"));
  input.realization = dec("40");
  input.cap = Cap{dec("30"), dec("95")};
  EXPECT_EQ(classify(default_scale(), compute_achievement(input))->predicate, "Sangat Tinggi");
}

TEST(PredicateScaleTest, AConfiguredScaleIsChecked) {
  PredicateScale scale{"regional_2027",
                       1,
                       {{BandTest::ge, dec("80"), "Baik"},
                        {BandTest::ge, dec("90"), "Sangat Baik"},
                        {BandTest::ge, dec("10"), "Kurang"}}};
  std::vector<FieldError> errors = check_scale(scale);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].field, "bands[1].bound");      // bounds must decrease
  EXPECT_EQ(errors.back().field, "bands[2].bound");  // the last band takes the rest
  scale.bands = {{BandTest::ge, dec("90"), "Sangat Baik"}, {BandTest::any, Decimal(), "Lainnya"}};
  EXPECT_TRUE(check_scale(scale).empty());
  scale.name = "nama dengan spasi";
  EXPECT_EQ(check_scale(scale)[0].field, "name");
}

}  // namespace
}  // namespace sinergi::performance
