#include "contexts/performance/achievement.h"

#include <array>

namespace sinergi::performance {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> parse_by_name(std::string_view text, const std::array<Enum, N>& values) {
  for (Enum value : values) {
    if (name(value) == text) {
      return value;
    }
  }
  return std::nullopt;
}

const Decimal kHundred = Decimal::from_int64(100);
const Decimal kOne = Decimal::from_int64(1);
const Decimal kTwo = Decimal::from_int64(2);

Achievement not_done(AchievementStatus status, AchievementReason reason) {
  Achievement achievement;
  achievement.status = status;
  achievement.reason = reason;
  return achievement;
}

// 100 x numerator / denominator, rounded to kPercentScale decimals, with the cap applied.
Achievement finish(Decimal numerator, Decimal denominator, const std::optional<Cap>& cap) {
  Result<Decimal> scaled = kHundred.checked_multiply(numerator);
  if (!scaled.ok()) {
    return not_done(AchievementStatus::not_computable, AchievementReason::out_of_range);
  }
  Result<Decimal> percent = scaled->divide(denominator, kPercentScale);
  if (!percent.ok()) {
    return not_done(AchievementStatus::not_computable, AchievementReason::out_of_range);
  }
  Achievement achievement;
  achievement.status = AchievementStatus::computed;
  achievement.reason = AchievementReason::none;
  achievement.numerator = numerator;
  achievement.denominator = denominator;
  achievement.percent = *percent;
  if (cap && *percent > cap->above) {
    achievement.percent = cap->counts_as;
    achievement.capped = true;
  }
  return achievement;
}

// Met for a binary indicator: at least the target when higher is better, at most when lower.
bool met(Polarity polarity, const Decimal& realization, const Decimal& target) {
  return polarity == Polarity::higher_is_better ? realization >= target : realization <= target;
}

}  // namespace

std::string_view name(Polarity polarity) {
  return polarity == Polarity::higher_is_better ? "higher_is_better" : "lower_is_better";
}

std::optional<Polarity> parse_polarity(std::string_view text) {
  return parse_by_name(text, std::array{Polarity::higher_is_better, Polarity::lower_is_better});
}

std::string_view name(FormulaVariant variant) {
  switch (variant) {
    case FormulaVariant::ratio:
      return "ratio";
    case FormulaVariant::mirror:
      return "mirror";
    case FormulaVariant::inverse:
      return "inverse";
    case FormulaVariant::binary:
      break;
  }
  return "binary";
}

std::optional<FormulaVariant> parse_formula_variant(std::string_view text) {
  return parse_by_name(text, std::array{FormulaVariant::ratio, FormulaVariant::mirror,
                                        FormulaVariant::inverse, FormulaVariant::binary});
}

bool fits(Polarity polarity, FormulaVariant variant) {
  if (variant == FormulaVariant::binary) {
    return true;
  }
  if (polarity == Polarity::higher_is_better) {
    return variant == FormulaVariant::ratio;
  }
  return variant == FormulaVariant::mirror || variant == FormulaVariant::inverse;
}

FormulaVariant default_variant(Polarity polarity) {
  return polarity == Polarity::higher_is_better ? FormulaVariant::ratio : FormulaVariant::mirror;
}

std::string_view name(Aggregation aggregation) {
  switch (aggregation) {
    case Aggregation::sum:
      return "sum";
    case Aggregation::last:
      return "last";
    case Aggregation::average:
      return "average";
    case Aggregation::max:
      return "max";
    case Aggregation::min:
      break;
  }
  return "min";
}

std::optional<Aggregation> parse_aggregation(std::string_view text) {
  return parse_by_name(text, std::array{Aggregation::sum, Aggregation::last, Aggregation::average,
                                        Aggregation::max, Aggregation::min});
}

std::string_view message_id(AchievementReason reason) {
  switch (reason) {
    case AchievementReason::none:
      return "";
    case AchievementReason::realization_missing:
      return "realisasi belum dilaporkan";
    case AchievementReason::target_missing:
      return "target belum ditetapkan";
    case AchievementReason::range_incomplete:
      return "target rentang memerlukan batas bawah dan batas atas";
    case AchievementReason::target_zero:
      return "target bernilai 0: pembagian dengan nol tidak dapat dihitung";
    case AchievementReason::realization_zero:
      return "realisasi bernilai 0: rumus kebalikan (T / R) membagi dengan nol";
    case AchievementReason::out_of_range:
      return "hasil perhitungan terlalu besar untuk disimpan dengan tepat";
    case AchievementReason::variant_mismatch:
      return "rumus tidak sesuai dengan polaritas indikator";
  }
  return "";
}

std::string_view message_en(AchievementReason reason) {
  switch (reason) {
    case AchievementReason::none:
      return "";
    case AchievementReason::realization_missing:
      return "no realization has been reported";
    case AchievementReason::target_missing:
      return "no target has been set";
    case AchievementReason::range_incomplete:
      return "a range target needs both a lower and an upper bound";
    case AchievementReason::target_zero:
      return "the target is 0: the division by zero cannot be computed";
    case AchievementReason::realization_zero:
      return "the realization is 0: the inverse formula (T / R) divides by zero";
    case AchievementReason::out_of_range:
      return "the result is too large to be kept exactly";
    case AchievementReason::variant_mismatch:
      return "the formula does not fit the indicator's polarity";
  }
  return "";
}

Achievement compute_achievement(const AchievementInput& input) {
  if (!fits(input.polarity, input.variant)) {
    return not_done(AchievementStatus::not_computable, AchievementReason::variant_mismatch);
  }
  if (!input.realization) {
    return not_done(AchievementStatus::not_available, AchievementReason::realization_missing);
  }
  const Decimal& realization = *input.realization;
  Decimal target;
  std::optional<Decimal> effective_target;
  if (input.target.is_range()) {
    if (!input.target.lower || !input.target.upper) {
      return not_done(AchievementStatus::not_available, AchievementReason::range_incomplete);
    }
    if (realization > *input.target.upper) {
      target = *input.target.upper;
    } else if (realization < *input.target.lower) {
      target = *input.target.lower;
    } else {
      // Inside the range: the target is met exactly.
      return finish(kOne, kOne, input.cap);
    }
    effective_target = target;
    if (input.variant == FormulaVariant::binary) {
      Achievement missed = finish(Decimal(), kOne, input.cap);
      missed.effective_target = effective_target;
      return missed;
    }
  } else if (input.target.value) {
    target = *input.target.value;
  } else {
    return not_done(AchievementStatus::not_available, AchievementReason::target_missing);
  }

  Achievement achievement;
  switch (input.variant) {
    case FormulaVariant::ratio:
      if (target.is_zero()) {
        return not_done(AchievementStatus::not_computable, AchievementReason::target_zero);
      }
      achievement = finish(realization, target, input.cap);
      break;
    case FormulaVariant::mirror: {
      if (target.is_zero()) {
        return not_done(AchievementStatus::not_computable, AchievementReason::target_zero);
      }
      // (2T - R) / T: as far above 100 as R is below T.
      Result<Decimal> doubled = kTwo.checked_multiply(target);
      Result<Decimal> numerator = doubled.ok() ? doubled->checked_subtract(realization) : doubled;
      if (!numerator.ok()) {
        return not_done(AchievementStatus::not_computable, AchievementReason::out_of_range);
      }
      achievement = finish(*numerator, target, input.cap);
      break;
    }
    case FormulaVariant::inverse:
      if (realization.is_zero()) {
        return not_done(AchievementStatus::not_computable, AchievementReason::realization_zero);
      }
      achievement = finish(target, realization, input.cap);
      break;
    case FormulaVariant::binary:
      achievement = finish(met(input.polarity, realization, target) ? kOne : Decimal(), kOne, input.cap);
      break;
  }
  achievement.effective_target = effective_target;
  return achievement;
}

// --- Periods ---

Result<Aggregate> aggregate(std::span<const std::optional<Decimal>> periods, Aggregation aggregation) {
  Aggregate result;
  result.periods = static_cast<int>(periods.size());
  Decimal total;
  std::optional<Decimal> chosen;
  for (std::size_t index = 0; index < periods.size(); ++index) {
    const std::optional<Decimal>& value = periods[index];
    if (!value) {
      continue;
    }
    ++result.reported;
    result.last_reported = static_cast<int>(index);
    switch (aggregation) {
      case Aggregation::sum:
      case Aggregation::average:
        total = TRY(total.checked_add(*value));
        break;
      case Aggregation::last:
        chosen = *value;
        break;
      case Aggregation::max:
        if (!chosen || *value > *chosen) {
          chosen = *value;
        }
        break;
      case Aggregation::min:
        if (!chosen || *value < *chosen) {
          chosen = *value;
        }
        break;
    }
  }
  if (result.reported == 0) {
    return result;
  }
  if (aggregation == Aggregation::sum) {
    result.value = total;
  } else if (aggregation == Aggregation::average) {
    result.value = TRY(total.divide(Decimal::from_int64(result.reported), kPercentScale));
  } else {
    result.value = chosen;
  }
  return result;
}

// --- Roll-ups ---

std::string_view name(RollupRule rule) {
  switch (rule) {
    case RollupRule::mean_of_achievements:
      return "mean_of_achievements";
    case RollupRule::weighted_mean:
      return "weighted_mean";
    case RollupRule::ratio_of_sums:
      break;
  }
  return "ratio_of_sums";
}

std::optional<RollupRule> parse_rollup_rule(std::string_view text) {
  return parse_by_name(text, std::array{RollupRule::mean_of_achievements, RollupRule::weighted_mean,
                                        RollupRule::ratio_of_sums});
}

Rollup roll_up(std::span<const RollupChild> children, RollupRule rule) {
  Rollup rollup;
  rollup.total = static_cast<int>(children.size());
  Decimal numerator;
  Decimal denominator;
  bool fits_exactly = true;
  for (const RollupChild& child : children) {
    Result<Decimal> next_numerator = numerator;
    Result<Decimal> next_denominator = denominator;
    switch (rule) {
      case RollupRule::mean_of_achievements:
        if (!child.percent) {
          continue;
        }
        next_numerator = numerator.checked_add(*child.percent);
        next_denominator = denominator.checked_add(kOne);
        break;
      case RollupRule::weighted_mean:
        if (!child.percent || !child.weight) {
          continue;
        }
        if (Result<Decimal> product = child.weight->checked_multiply(*child.percent); product.ok()) {
          next_numerator = numerator.checked_add(*product);
        } else {
          next_numerator = product;
        }
        next_denominator = denominator.checked_add(*child.weight);
        break;
      case RollupRule::ratio_of_sums:
        if (!child.target || !child.realization) {
          continue;
        }
        next_numerator = numerator.checked_add(*child.realization);
        next_denominator = denominator.checked_add(*child.target);
        break;
    }
    ++rollup.included;
    if (!next_numerator.ok() || !next_denominator.ok()) {
      fits_exactly = false;
      continue;
    }
    numerator = *next_numerator;
    denominator = *next_denominator;
  }
  rollup.missing = rollup.total - rollup.included;
  if (rollup.included == 0) {
    rollup.status = AchievementStatus::not_available;
    return rollup;
  }
  if (!fits_exactly || denominator.is_zero()) {
    rollup.status = AchievementStatus::not_computable;
    return rollup;
  }
  Result<Decimal> scaled =
      rule == RollupRule::ratio_of_sums ? kHundred.checked_multiply(numerator) : Result<Decimal>(numerator);
  Result<Decimal> percent = scaled.ok() ? scaled->divide(denominator, kPercentScale) : scaled;
  if (!percent.ok()) {
    rollup.status = AchievementStatus::not_computable;
    return rollup;
  }
  rollup.status = AchievementStatus::computed;
  rollup.percent = *percent;
  return rollup;
}

}  // namespace sinergi::performance
