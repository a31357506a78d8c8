#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/decimal.h"

// The achievement engine (RULES.md sections 1-3): the achievement of one indicator in one
// period, the aggregation of periods into a year-to-date value, and the roll-up of many
// achievements into an objective, program, agency or region. Pure functions on exact
// decimals, no I/O, no allocation on the computing path (explanations are built on demand),
// so a national data set can be computed in one pass.
//
// Exactness: an achievement is kept as the fraction 100 x numerator / denominator of the
// inputs as typed; `percent` is that fraction rounded half up to kPercentScale decimals. The
// predicate of an achievement is decided on the fraction (predicate_scale.h), never on a
// rounded or binary floating-point value. Displays round to 2 decimals.

namespace sinergi::performance {

// RULES.md section 1.
enum class Polarity { higher_is_better, lower_is_better };
std::string_view name(Polarity polarity);
std::optional<Polarity> parse_polarity(std::string_view text);

// ratio (R/T), mirror ((2T-R)/T), inverse (T/R), binary (met or not).
enum class FormulaVariant { ratio, mirror, inverse, binary };
std::string_view name(FormulaVariant variant);
std::optional<FormulaVariant> parse_formula_variant(std::string_view text);
// ratio and binary fit "higher is better"; mirror, inverse and binary fit "lower is better".
bool fits(Polarity polarity, FormulaVariant variant);
// ratio for higher is better, mirror for lower is better.
FormulaVariant default_variant(Polarity polarity);

// RULES.md section 2: how the periods of a year add up.
enum class Aggregation { sum, last, average, max, min };
std::string_view name(Aggregation aggregation);
std::optional<Aggregation> parse_aggregation(std::string_view text);

// Decimals kept by divisions (achievement percent, averages, means): far below any digit a
// report prints, far above the 2 decimals of a display.
inline constexpr int kPercentScale = 10;

// A target: one value, or a range [lower, upper].
struct TargetValue {
  std::optional<Decimal> value;
  std::optional<Decimal> lower;
  std::optional<Decimal> upper;

  static TargetValue single(Decimal target) { return TargetValue{target, std::nullopt, std::nullopt}; }
  static TargetValue range(Decimal low, Decimal high) { return TargetValue{std::nullopt, low, high}; }
  bool is_range() const { return lower.has_value() || upper.has_value(); }
};

// An optional per-scheme cap: an achievement above `above` counts as `counts_as`
// ("above 110 % counts as 120"; a plain ceiling of 120 is {120, 120}).
struct Cap {
  Decimal above;
  Decimal counts_as;
};

struct AchievementInput {
  Polarity polarity = Polarity::higher_is_better;
  FormulaVariant variant = FormulaVariant::ratio;
  TargetValue target;
  std::optional<Decimal> realization;  // missing: n/a, never 0
  std::optional<Cap> cap;
};

enum class AchievementStatus {
  computed,
  not_available,   // no realization (or no target) to compute from
  not_computable,  // the formula divides by zero, or a number does not fit
};

// Why an achievement is not computed, or how a computed one was reached.
enum class AchievementReason {
  none,
  realization_missing,  // not_available
  target_missing,       // not_available
  range_incomplete,     // not_available: a range needs both bounds
  target_zero,          // not_computable: ratio or mirror against T = 0
  realization_zero,     // not_computable: inverse with R = 0
  out_of_range,         // not_computable: the exact result does not fit a decimal
  variant_mismatch,     // not_computable: e.g. ratio for a lower-is-better indicator
};
// One sentence in Indonesian and in English, e.g. "realisasi belum dilaporkan".
std::string_view message_id(AchievementReason reason);
std::string_view message_en(AchievementReason reason);

struct Achievement {
  AchievementStatus status = AchievementStatus::not_available;
  AchievementReason reason = AchievementReason::realization_missing;
  // The exact achievement before any cap is 100 x numerator / denominator (denominator != 0).
  Decimal numerator;
  Decimal denominator;
  // The achievement, rounded half up to kPercentScale decimals, after the cap.
  Decimal percent;
  bool capped = false;
  // Where a range target was resolved: the bound used as T, or none when R was inside.
  std::optional<Decimal> effective_target;

  bool computed() const { return status == AchievementStatus::computed; }
};

// RULES.md section 1. Range targets: R above the range is measured against the upper bound,
// below against the lower bound, inside the range is 100. Binary: 100 when met (R >= T for
// higher is better, R <= T for lower is better; inside a range), else 0. No cap unless the
// input names one. A variant that does not fit the polarity is not computable.
Achievement compute_achievement(const AchievementInput& input);

// --- Periods (RULES.md section 2) ---

struct Aggregate {
  std::optional<Decimal> value;  // none when no period was reported
  int reported = 0;              // periods with a value
  int periods = 0;               // periods given
  int last_reported = -1;        // index of the latest reported period, -1 when none
};

// The year-to-date value of `periods` (in order, missing ones unset): sum, the latest
// reported value, the mean of the reported ones (kPercentScale decimals), the largest or the
// smallest. Fails only when an exact sum does not fit (NumberOutOfRange).
Result<Aggregate> aggregate(std::span<const std::optional<Decimal>> periods, Aggregation aggregation);

// --- Roll-ups (RULES.md section 3) ---

enum class RollupRule { mean_of_achievements, weighted_mean, ratio_of_sums };
std::string_view name(RollupRule rule);
std::optional<RollupRule> parse_rollup_rule(std::string_view text);

// One child of a roll-up: its achievement percent (none when n/a), the weight of its link
// (weighted_mean) and its target and realization (ratio_of_sums: rupiah).
struct RollupChild {
  std::optional<Decimal> percent;
  std::optional<Decimal> weight;
  std::optional<Decimal> target;
  std::optional<Decimal> realization;

  static RollupChild of(const Achievement& achievement) {
    return RollupChild{achievement.computed() ? std::optional<Decimal>(achievement.percent) : std::nullopt,
                       std::nullopt, std::nullopt, std::nullopt};
  }
};

struct Rollup {
  AchievementStatus status = AchievementStatus::not_available;
  Decimal percent;   // kPercentScale decimals, when computed
  int included = 0;  // children that count
  int missing = 0;   // children left out because they are n/a (completeness: included / total)
  int total = 0;

  bool computed() const { return status == AchievementStatus::computed; }
  RollupChild as_child() const {
    return RollupChild{computed() ? std::optional<Decimal>(percent) : std::nullopt, std::nullopt,
                       std::nullopt, std::nullopt};
  }
};

// mean_of_achievements: the mean of the children's percents; weighted_mean: sum of weight x
// percent over the sum of weights (a child without weight counts as missing); ratio_of_sums:
// 100 x sum of realizations / sum of targets over the children that have both. Children
// without a value are left out and counted as missing; with none left the roll-up is n/a.
// A zero sum of weights or targets is not computable.
Rollup roll_up(std::span<const RollupChild> children, RollupRule rule);

// --- Explanations ("why this number") ---

// One line of an explanation in both languages, numbers written the language's way
// ("(2 x 32 - 4,88) / 32 x 100 = 184,75").
struct ExplanationStep {
  std::string text_id;
  std::string text_en;
};

// The inputs, the variant, the range resolution, the arithmetic with its numbers, the cap
// and the rounding of compute_achievement(input), step by step.
std::vector<ExplanationStep> explain_achievement(const AchievementInput& input);
// How the periods add up to the year-to-date value.
std::vector<ExplanationStep> explain_aggregation(std::span<const std::optional<Decimal>> periods,
                                                 Aggregation aggregation);

}  // namespace sinergi::performance
