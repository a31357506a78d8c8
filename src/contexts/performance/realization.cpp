#include "contexts/performance/realization.h"

namespace sinergi::performance {
namespace {

std::string basis_id(ValueBasis basis) {
  switch (basis) {
    case ValueBasis::verified:
      return "terverifikasi";
    case ValueBasis::reported:
      return "dilaporkan, belum diverifikasi";
    case ValueBasis::none:
      break;
  }
  return "belum dilaporkan";
}

std::string basis_en(ValueBasis basis) {
  switch (basis) {
    case ValueBasis::verified:
      return "verified";
    case ValueBasis::reported:
      return "reported, not yet verified";
    case ValueBasis::none:
      break;
  }
  return "not reported";
}

std::string target_text(const TargetValue& target, Locale locale) {
  if (target.value) {
    return target.value->format(locale);
  }
  return "[" + (target.lower ? target.lower->format(locale) : "?") + "; " +
         (target.upper ? target.upper->format(locale) : "?") + "]";
}

}  // namespace

const workflow::Definition& realization_workflow() {
  using auth::Role;
  using workflow::Scope;
  static const workflow::Definition definition = [] {
    workflow::Definition built;
    built.name = "realization_report";
    built.version = 1;
    built.initial = std::string(kRealizationDraft);
    built.states = {{std::string(kRealizationDraft), false, std::nullopt, std::nullopt},
                    {std::string(kRealizationSubmitted), false, std::chrono::hours(14 * 24), Role::secretary},
                    {std::string(kRealizationVerified), true, std::nullopt, std::nullopt}};
    built.transitions = {
        {"submit",
         std::string(kRealizationDraft),
         std::string(kRealizationSubmitted),
         {Role::agency_head},
         Scope::own_agency,
         false,
         {},
         {}},
        {"verify",
         std::string(kRealizationSubmitted),
         std::string(kRealizationVerified),
         {Role::planner},
         Scope::region,
         false,
         {"verified_value"},
         {"submit"}},
        {"return",
         std::string(kRealizationSubmitted),
         std::string(kRealizationDraft),
         {Role::planner},
         Scope::region,
         true,
         {},
         {"submit"}},
    };
    return built;
  }();
  return definition;
}

std::string_view name(ValueBasis basis) {
  switch (basis) {
    case ValueBasis::reported:
      return "reported";
    case ValueBasis::verified:
      return "verified";
    case ValueBasis::none:
      break;
  }
  return "none";
}

CountedValue counted_value(const QuarterValue& quarter) {
  if (quarter.state == kRealizationVerified) {
    if (quarter.verified) {
      return CountedValue{quarter.verified, ValueBasis::verified};
    }
    return CountedValue{quarter.reported, quarter.reported ? ValueBasis::verified : ValueBasis::none};
  }
  if (quarter.state == kRealizationSubmitted && quarter.reported) {
    return CountedValue{quarter.reported, ValueBasis::reported};
  }
  return CountedValue{};
}

QuarterAchievement achievement_through(const AgreementItem& item, const std::array<QuarterValue, 4>& quarters,
                                       int quarter, const PredicateScale& scale) {
  QuarterAchievement result;
  result.quarter = std::clamp(quarter, 1, 4);
  std::array<std::optional<Decimal>, 4> periods;
  for (int index = 0; index < result.quarter; ++index) {
    result.values[index] = counted_value(quarters[index]);
    periods[index] = result.values[index].value;
    result.unverified = result.unverified || result.values[index].basis == ValueBasis::reported;
  }
  // An exact sum that does not fit is reported as not computable below (no value).
  result.year_to_date =
      aggregate(std::span<const std::optional<Decimal>>(periods.data(), result.quarter), item.aggregation)
          .value_or(Aggregate{});
  result.target = item.quarter_targets[result.quarter - 1];
  if (!result.target && result.quarter == 4) {
    result.target = item.yearly_target;
  }
  AchievementInput input;
  input.polarity = item.polarity;
  input.variant = item.variant;
  input.target = result.target.value_or(TargetValue{});
  input.realization = result.year_to_date.value;
  result.achievement = compute_achievement(input);
  result.band = classify(scale, result.achievement);
  return result;
}

std::vector<ExplanationStep> explain(const AgreementItem& item, const QuarterAchievement& result,
                                     const PredicateScale& scale) {
  std::vector<ExplanationStep> steps;
  const std::string quarter_name(kQuarterNames[result.quarter - 1]);
  steps.push_back({"Indikator: " + item.indicator + " (" + item.unit + "), sampai triwulan " + quarter_name,
                   "Indicator: " + item.indicator + " (" + item.unit + "), through quarter " + quarter_name});
  std::array<std::optional<Decimal>, 4> periods;
  for (int index = 0; index < result.quarter; ++index) {
    const CountedValue& value = result.values[index];
    periods[index] = value.value;
    steps.push_back({"TW " + std::string(kQuarterNames[index]) + ": " +
                         (value.value ? value.value->format(Locale::indonesian) : std::string("-")) + " (" +
                         basis_id(value.basis) + ")",
                     "Q" + std::to_string(index + 1) + ": " +
                         (value.value ? value.value->format(Locale::english) : std::string("-")) + " (" +
                         basis_en(value.basis) + ")"});
  }
  for (ExplanationStep& step : explain_aggregation(
           std::span<const std::optional<Decimal>>(periods.data(), result.quarter), item.aggregation)) {
    steps.push_back(std::move(step));
  }
  if (result.target) {
    const bool yearly = !item.quarter_targets[result.quarter - 1];
    steps.push_back(
        {std::string(yearly ? "Target tahunan" : "Target kumulatif TW " + quarter_name) + ": " +
             target_text(*result.target, Locale::indonesian),
         std::string(yearly ? "Yearly target" : "Cumulative target of Q" + std::to_string(result.quarter)) +
             ": " + target_text(*result.target, Locale::english)});
  } else {
    steps.push_back({"Target TW " + quarter_name + " belum ditetapkan dalam perjanjian kinerja",
                     "The agreement sets no target for Q" + std::to_string(result.quarter)});
  }
  AchievementInput input;
  input.polarity = item.polarity;
  input.variant = item.variant;
  input.target = result.target.value_or(TargetValue{});
  input.realization = result.year_to_date.value;
  for (ExplanationStep& step : explain_achievement(input)) {
    steps.push_back(std::move(step));
  }
  if (result.band) {
    steps.push_back({"Predikat (skala " + scale.name + " v" + std::to_string(scale.version) +
                         "): " + result.band->predicate,
                     "Predicate (scale " + scale.name + " v" + std::to_string(scale.version) +
                         "): " + result.band->predicate});
  }
  if (result.unverified) {
    steps.push_back(
        {"Catatan: sebagian nilai belum diverifikasi Bapperida; angka ini dapat berubah",
         "Note: some values are not verified by the planning agency yet; this figure may change"});
  }
  return steps;
}

std::vector<ExplanationStep> explain_mean(const std::vector<RollupInput>& children, const Rollup& result,
                                          const PredicateScale& scale) {
  std::vector<ExplanationStep> steps;
  std::string sum_id;
  std::string sum_en;
  std::string missing_id;
  std::string missing_en;
  for (const RollupInput& child : children) {
    if (child.percent) {
      steps.push_back({child.label + ": " + child.percent->format(Locale::indonesian, 2) + " %",
                       child.label + ": " + child.percent->format(Locale::english, 2) + " %"});
      sum_id += (sum_id.empty() ? "" : " + ") + child.percent->format(Locale::indonesian, 2);
      sum_en += (sum_en.empty() ? "" : " + ") + child.percent->format(Locale::english, 2);
    } else {
      missing_id += (missing_id.empty() ? "" : "; ") + child.label;
      missing_en += (missing_en.empty() ? "" : "; ") + child.label;
    }
  }
  if (!missing_id.empty()) {
    steps.push_back({"Tidak dihitung karena belum ada capaian (n/a, bukan 0): " + missing_id,
                     "Left out for want of an achievement (n/a, not 0): " + missing_en});
  }
  if (!result.computed()) {
    steps.push_back(
        {"Belum ada capaian yang dapat dirata-ratakan", "There is no achievement to average yet"});
    return steps;
  }
  const std::string count = std::to_string(result.included);
  steps.push_back({"Rata-rata (" + sum_id + ") / " + count + " = " +
                       result.percent.format(Locale::indonesian, 2) +
                       " % (dari nilai tepat, dibulatkan ke 2 desimal); kelengkapan " + count + " dari " +
                       std::to_string(result.total),
                   "Mean (" + sum_en + ") / " + count + " = " + result.percent.format(Locale::english, 2) +
                       " % (from the exact values, rounded to 2 decimals); completeness " + count + " of " +
                       std::to_string(result.total)});
  if (const PredicateBand* band = classify(scale, result.percent)) {
    steps.push_back(
        {"Predikat (skala " + scale.name + " v" + std::to_string(scale.version) + "): " + band->predicate,
         "Predicate (scale " + scale.name + " v" + std::to_string(scale.version) + "): " + band->predicate});
  }
  return steps;
}

}  // namespace sinergi::performance
