// The agreement's pure rules and the quarter's achievement: content checks, the canonical
// document and its hash, the signing and verification workflows, which value counts, and
// the cumulative quarterly targets. Expected numbers are worked by hand from RULES.md.
#include "contexts/performance/agreement.h"

#include <gtest/gtest.h>

#include "contexts/performance/realization.h"

namespace sinergi::performance {
namespace {

Decimal dec(std::string_view text) {
  return Decimal::parse(text, NumberFormat::plain).value();
}

AgreementContent sample() {
  AgreementContent content;
  content.year = 2026;
  content.region_name = "Provinsi Kalimantan Timur";
  content.agency_code = "Dinkes";
  content.agency_name = "Dinas Kesehatan";
  content.first_party = Party{"dr. Andi Muhammad Rahman, M.Kes.", "198001012005011001",
                              "Pembina Tk. I (IV/b)", "Kepala Dinas Kesehatan"};
  content.second_party = Party{"H. Rudy Mas'ud", "", "", "Gubernur Kalimantan Timur"};
  AgreementItem stunting;
  stunting.indicator_id = 7;
  stunting.objective = "Meningkatnya derajat kesehatan masyarakat";
  stunting.indicator = "Prevalensi stunting pada balita";
  stunting.unit = "%";
  stunting.polarity = Polarity::lower_is_better;
  stunting.variant = FormulaVariant::mirror;
  stunting.yearly_target = TargetValue::single(dec("18.80"));
  stunting.quarter_targets[3] = TargetValue::single(dec("18.80"));
  content.items.push_back(stunting);
  content.programs.push_back(
      AgreementProgram{31, "program", "1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN", Money(12'500'000'000)});
  return content;
}

bool has_field(const std::vector<FieldError>& errors, std::string_view field) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const FieldError& error) { return error.field == field; });
}

TEST(AgreementTest, AWellFormedAgreementHasNoProblems) {
  EXPECT_TRUE(check_content(sample()).empty());
}

TEST(AgreementTest, EachProblemNamesItsField) {
  AgreementContent content = sample();
  content.second_party.name = " ";
  content.first_party.nip = "12345";
  content.items.push_back(content.items.front());  // the same indicator twice
  content.items[0].quarter_targets[1] = TargetValue::range(dec("20"), dec("19"));
  content.items[0].variant = FormulaVariant::ratio;  // does not fit lower is better
  content.items[1].yearly_target = TargetValue{};
  content.programs.front().budget = Money(-1);
  const auto errors = check_content(content);
  EXPECT_TRUE(has_field(errors, "second_party.name"));
  EXPECT_TRUE(has_field(errors, "first_party.nip"));
  EXPECT_TRUE(has_field(errors, "items[1].indicator_id"));
  EXPECT_TRUE(has_field(errors, "items[0].quarter_targets[1]"));
  EXPECT_TRUE(has_field(errors, "items[0].variant"));
  EXPECT_TRUE(has_field(errors, "items[1].yearly_target"));
  EXPECT_TRUE(has_field(errors, "programs[0].budget"));
}

TEST(AgreementTest, AnAgreementWithoutIndicatorsIsRefused) {
  AgreementContent content = sample();
  content.items.clear();
  EXPECT_TRUE(has_field(check_content(content), "items"));
}

TEST(AgreementTest, TheCanonicalDocumentReadsBackAndItsHashFollowsEveryChange) {
  const AgreementContent content = sample();
  const std::string json = canonical_json(content);
  auto parsed = parse_content(json);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(canonical_json(parsed.value()), json);
  EXPECT_EQ(parsed.value().items.front().yearly_target.value, dec("18.80"));
  EXPECT_EQ(parsed.value().programs.front().budget, Money(12'500'000'000));
  // The member order is fixed, so the same content always gives the same bytes.
  EXPECT_TRUE(json.starts_with(R"({"format":"sinergi.performance_agreement/1","year":2026,)")) << json;
  EXPECT_EQ(document_sha256(content).size(), 64u);

  AgreementContent changed = content;
  changed.items.front().quarter_targets[3] = TargetValue::single(dec("18.81"));
  EXPECT_NE(document_sha256(changed), document_sha256(content));
  changed = content;
  changed.programs.front().budget = Money(12'500'000'001);
  EXPECT_NE(document_sha256(changed), document_sha256(content));
}

TEST(AgreementTest, ADamagedDocumentIsRefused) {
  EXPECT_FALSE(parse_content("{}").ok());
  EXPECT_FALSE(parse_content("not json").ok());
  std::string json = canonical_json(sample());
  json.replace(json.find("\"18.80\""), 7, "18.80");  // a number where a decimal string belongs
  EXPECT_FALSE(parse_content(json).ok());
}

TEST(AgreementTest, BothWorkflowsAreWellFormed) {
  EXPECT_TRUE(workflow::check_definition(agreement_workflow()).empty());
  EXPECT_TRUE(workflow::check_definition(realization_workflow()).empty());
}

auth::Principal person(std::int64_t user, auth::Role role, std::optional<std::int64_t> agency) {
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::user;
  principal.user_id = user;
  principal.name = "user" + std::to_string(user);
  principal.region_id = 64;
  principal.roles.push_back(auth::RoleGrant{role, agency, {}, {}, std::nullopt});
  return principal;
}

TEST(AgreementTest, TheHeadSignsFirstAndTheGovernorSecond) {
  const workflow::Definition& definition = agreement_workflow();
  workflow::Item item;
  item.region_id = 64;
  item.agency_id = 7;
  item.state = std::string(kSubmitted);
  const auto head = person(1, auth::Role::agency_head, 7);
  const auto staff = person(2, auth::Role::agency_staff, 7);
  const auto other_head = person(3, auth::Role::agency_head, 8);
  const auto governor = person(4, auth::Role::governor, std::nullopt);
  const workflow::StepRequest sign_first{"sign_first_party", "", {{"document_sha256", "ab"}}, {}};
  EXPECT_EQ(workflow::decide(definition, item, staff, sign_first).error().code(), ErrorCode::Forbidden);
  EXPECT_EQ(workflow::decide(definition, item, other_head, sign_first).error().code(), ErrorCode::Forbidden);
  EXPECT_EQ(workflow::decide(definition, item, governor, sign_first).error().code(), ErrorCode::Forbidden);
  auto first = workflow::decide(definition, item, head, sign_first);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first.value().to, kSignedByFirstParty);

  item.state = std::string(kSignedByFirstParty);
  item.steps.push_back(first.value());
  const workflow::StepRequest sign_second{"sign_second_party", "", {{"document_sha256", "ab"}}, {}};
  EXPECT_EQ(workflow::decide(definition, item, head, sign_second).error().code(), ErrorCode::Forbidden);
  auto second = workflow::decide(definition, item, governor, sign_second);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second.value().to, kSigned);
  // A signature without the document's hash is no signature.
  EXPECT_EQ(
      workflow::decide(definition, item, governor, workflow::StepRequest{"sign_second_party", "", {}, {}})
          .error()
          .code(),
      ErrorCode::ValidationFailed);
}

// --- Which value counts, and the cumulative quarter targets ---

TEST(QuarterAchievementTest, ADraftCountsForNothingAndAVerifiedValueReplacesTheAgencys) {
  EXPECT_FALSE(counted_value(QuarterValue{dec("5"), std::nullopt, "draft"}).value.has_value());
  const CountedValue submitted = counted_value(QuarterValue{dec("5"), std::nullopt, "submitted"});
  EXPECT_EQ(submitted.value, dec("5"));
  EXPECT_EQ(submitted.basis, ValueBasis::reported);
  const CountedValue verified = counted_value(QuarterValue{dec("5"), dec("4.5"), "verified"});
  EXPECT_EQ(verified.value, dec("4.5"));
  EXPECT_EQ(verified.basis, ValueBasis::verified);
}

AgreementItem clinics() {
  AgreementItem item;
  item.indicator_id = 9;
  item.indicator = "Jumlah puskesmas yang direvitalisasi";
  item.unit = "unit";
  item.aggregation = Aggregation::sum;
  item.yearly_target = TargetValue::single(dec("12"));
  item.quarter_targets = {TargetValue::single(dec("3")), TargetValue::single(dec("6")),
                          TargetValue::single(dec("9")), TargetValue::single(dec("12"))};
  return item;
}

TEST(QuarterAchievementTest, ASumIndicatorIsMeasuredYearToDateAgainstTheCumulativeTarget) {
  const std::array<QuarterValue, 4> quarters = {
      QuarterValue{dec("3"), dec("3"), "verified"}, QuarterValue{dec("4"), dec("4"), "verified"},
      QuarterValue{dec("2"), std::nullopt, "submitted"}, QuarterValue{}};
  // Through TW III: 3 + 4 + 2 = 9 against 9: 100 %, with one value still unverified.
  const QuarterAchievement third = achievement_through(clinics(), quarters, 3, default_scale());
  ASSERT_TRUE(third.achievement.computed());
  EXPECT_EQ(third.year_to_date.value, dec("9"));
  EXPECT_EQ(third.achievement.percent, dec("100"));
  EXPECT_TRUE(third.unverified);
  ASSERT_NE(third.band, nullptr);
  EXPECT_EQ(third.band->predicate, "Sangat Tinggi");
  // Through TW II: 3 + 4 = 7 against 6: 116,67 %.
  const QuarterAchievement second = achievement_through(clinics(), quarters, 2, default_scale());
  EXPECT_EQ(second.achievement.percent.round(2), dec("116.67"));
  EXPECT_FALSE(second.unverified);
}

TEST(QuarterAchievementTest, AQuarterLeftInDraftLowersTheSumAndNothingReportedIsNotZero) {
  const std::array<QuarterValue, 4> quarters = {
      QuarterValue{dec("3"), dec("3"), "verified"}, QuarterValue{dec("4"), std::nullopt, "draft"},
      QuarterValue{dec("2"), std::nullopt, "submitted"}, QuarterValue{}};
  // 3 + 2 = 5 against 9: 55,56 % (Rendah on the Permendagri 86 scale: 51 <= x < 66).
  const QuarterAchievement third = achievement_through(clinics(), quarters, 3, default_scale());
  EXPECT_EQ(third.achievement.percent.round(2), dec("55.56"));
  EXPECT_EQ(third.band->predicate, "Rendah");
  const QuarterAchievement nothing = achievement_through(clinics(), {}, 1, default_scale());
  EXPECT_EQ(nothing.achievement.status, AchievementStatus::not_available);
  EXPECT_EQ(nothing.achievement.reason, AchievementReason::realization_missing);
  EXPECT_EQ(nothing.band, nullptr);
}

TEST(QuarterAchievementTest, TheFourthQuarterFallsBackToTheYearlyTargetAndExplainsItself) {
  AgreementItem stunting = sample().items.front();
  stunting.quarter_targets[3].reset();
  const std::array<QuarterValue, 4> quarters = {QuarterValue{}, QuarterValue{}, QuarterValue{},
                                                QuarterValue{dec("19.5"), dec("19.4"), "verified"}};
  // Mirror: (2 x 18,80 - 19,4) / 18,80 x 100 = 96,8085...
  const QuarterAchievement fourth = achievement_through(stunting, quarters, 4, default_scale());
  ASSERT_TRUE(fourth.target.has_value());
  EXPECT_EQ(fourth.target->value, dec("18.80"));
  EXPECT_EQ(fourth.achievement.percent.round(2), dec("96.81"));
  const auto steps = explain(stunting, fourth, default_scale());
  std::string text;
  for (const ExplanationStep& step : steps) {
    text += step.text_id + "\n";
  }
  EXPECT_NE(text.find("19,4 (terverifikasi)"), std::string::npos) << text;
  EXPECT_NE(text.find("Target tahunan: 18,80"), std::string::npos) << text;
  EXPECT_NE(text.find("Sangat Tinggi"), std::string::npos) << text;
}

TEST(QuarterAchievementTest, AMissingQuarterTargetIsExplainedNotComputed) {
  AgreementItem stunting = sample().items.front();
  const std::array<QuarterValue, 4> quarters = {QuarterValue{dec("19.5"), std::nullopt, "submitted"}};
  const QuarterAchievement first = achievement_through(stunting, quarters, 1, default_scale());
  EXPECT_EQ(first.achievement.status, AchievementStatus::not_available);
  EXPECT_EQ(first.achievement.reason, AchievementReason::target_missing);
}

TEST(QuarterAchievementTest, AnOverallAchievementExplainsItsMeanAndWhatItLeftOut) {
  const std::vector<RollupInput> children = {
      {"Stunting", dec("100")}, {"Imunisasi", dec("95")}, {"UHC", std::nullopt}};
  const Rollup result = roll_up(
      std::vector<RollupChild>{{dec("100"), {}, {}, {}}, {dec("95"), {}, {}, {}}, {std::nullopt, {}, {}, {}}},
      RollupRule::mean_of_achievements);
  std::string text;
  for (const ExplanationStep& step : explain_mean(children, result, default_scale())) {
    text += step.text_en + "\n";
  }
  EXPECT_NE(text.find("Left out for want of an achievement (n/a, not 0): UHC"), std::string::npos) << text;
  EXPECT_NE(text.find("Mean (100.00 + 95.00) / 2 = 97.50 %"), std::string::npos) << text;
  EXPECT_NE(text.find("completeness 2 of 3"), std::string::npos) << text;
  EXPECT_NE(text.find("Predicate (scale permendagri86 v1): Sangat Tinggi"), std::string::npos) << text;
}

}  // namespace
}  // namespace sinergi::performance
