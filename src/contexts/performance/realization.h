#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/performance/achievement.h"
#include "contexts/performance/agreement.h"
#include "contexts/performance/predicate_scale.h"
#include "platform/workflow/workflow.h"

// Realization of an agreement's indicators per quarter (RULES.md section 6): the verification
// workflow, and how a quarter's achievement is computed from the agreement's targets and the
// reported and verified values. Pure.

namespace sinergi::performance {

// The quarters as Indonesian reports name them: TW I, TW II, TW III, TW IV.
inline constexpr std::array<std::string_view, 4> kQuarterNames = {"I", "II", "III", "IV"};

inline constexpr std::string_view kRealizationDraft = "draft";
inline constexpr std::string_view kRealizationSubmitted = "submitted";
inline constexpr std::string_view kRealizationVerified = "verified";

// draft -(submit: the agency head)-> submitted -(verify: the planning agency, not the one who
// submitted it; field "verified_value")-> verified (final), or -(return: the planning agency,
// with a comment)-> draft. A submitted report waits at most 14 days for verification; past
// that it escalates to the Sekda.
const workflow::Definition& realization_workflow();

// One quarter of one indicator as the scorecard needs it.
struct QuarterValue {
  std::optional<Decimal> reported;  // the agency's value
  std::optional<Decimal> verified;  // the planning agency's value
  std::string state;                // "" (nothing reported), draft, submitted, verified
};

// Which value counts: the verified value once verified, the agency's value while it waits
// for verification; a draft counts for nothing (it is not reported yet).
enum class ValueBasis { none, reported, verified };
std::string_view name(ValueBasis basis);

struct CountedValue {
  std::optional<Decimal> value;
  ValueBasis basis = ValueBasis::none;
};
CountedValue counted_value(const QuarterValue& quarter);

// The achievement of an agreement item through `quarter` (1-4): the year-to-date value of the
// counted values of quarters 1..quarter (the item's aggregation) against the cumulative target
// of that quarter (TW; for quarter 4 without a TW IV target, the yearly target).
struct QuarterAchievement {
  int quarter = 1;
  std::array<CountedValue, 4> values;  // quarters 1..4, only 1..quarter used
  Aggregate year_to_date;
  std::optional<TargetValue> target;
  Achievement achievement;
  const PredicateBand* band = nullptr;  // of `scale`; nullptr when not computed
  bool unverified = false;              // a counted value is still waiting for verification
};

QuarterAchievement achievement_through(const AgreementItem& item, const std::array<QuarterValue, 4>& quarters,
                                       int quarter, const PredicateScale& scale);

// "Why this number": the values and their basis, the aggregation, the target, the formula with
// its arithmetic and the predicate band, in both languages.
std::vector<ExplanationStep> explain(const AgreementItem& item, const QuarterAchievement& result,
                                     const PredicateScale& scale);

// "Why this number" for a mean of achievements (an agency's overall achievement over its
// indicators, a region's over its agencies): each child's percent, those left out for want of
// a value, the mean and its predicate band.
struct RollupInput {
  std::string label;  // the indicator's name, the agency's code
  std::optional<Decimal> percent;
};
std::vector<ExplanationStep> explain_mean(const std::vector<RollupInput>& children, const Rollup& result,
                                          const PredicateScale& scale);

}  // namespace sinergi::performance
