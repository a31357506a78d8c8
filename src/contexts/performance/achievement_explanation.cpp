// "Why this number": the steps of compute_achievement and aggregate written out in both
// languages, numbers in each language's format. Built only on demand (a person asked), so the
// computing path stays free of strings.
#include <string>

#include "contexts/performance/achievement.h"

namespace sinergi::performance {
namespace {

std::string number(const Decimal& value, Locale locale) {
  return value.format(locale);
}

std::string rounded(const Decimal& value, Locale locale) {
  return value.format(locale, 2);
}

void add(std::vector<ExplanationStep>& steps, std::string text_id, std::string text_en) {
  steps.push_back(ExplanationStep{std::move(text_id), std::move(text_en)});
}

std::string polarity_id(Polarity polarity) {
  return polarity == Polarity::higher_is_better ? "makin tinggi makin baik" : "makin rendah makin baik";
}

std::string polarity_en(Polarity polarity) {
  return polarity == Polarity::higher_is_better ? "higher is better" : "lower is better";
}

std::string formula_of(FormulaVariant variant) {
  switch (variant) {
    case FormulaVariant::ratio:
      return "R / T x 100";
    case FormulaVariant::mirror:
      return "(2T - R) / T x 100";
    case FormulaVariant::inverse:
      return "T / R x 100";
    case FormulaVariant::binary:
      break;
  }
  return "100 / 0";
}

// "(2 x 32 - 4,88) / 32 x 100" with the numbers of this input.
std::string arithmetic(FormulaVariant variant, const Decimal& target, const Decimal& realization,
                       Locale locale) {
  const std::string t = number(target, locale);
  const std::string r = number(realization, locale);
  switch (variant) {
    case FormulaVariant::ratio:
      return r + " / " + t + " x 100";
    case FormulaVariant::mirror:
      return "(2 x " + t + " - " + r + ") / " + t + " x 100";
    case FormulaVariant::inverse:
      return t + " / " + r + " x 100";
    case FormulaVariant::binary:
      break;
  }
  return "";
}

}  // namespace

std::vector<ExplanationStep> explain_achievement(const AchievementInput& input) {
  std::vector<ExplanationStep> steps;
  const Achievement result = compute_achievement(input);
  const auto id = Locale::indonesian;
  const auto en = Locale::english;

  std::string target_id = "belum ditetapkan";
  std::string target_en = "not set";
  if (input.target.is_range()) {
    target_id = "rentang [" + (input.target.lower ? number(*input.target.lower, id) : "?") + "; " +
                (input.target.upper ? number(*input.target.upper, id) : "?") + "]";
    target_en = "range [" + (input.target.lower ? number(*input.target.lower, en) : "?") + "; " +
                (input.target.upper ? number(*input.target.upper, en) : "?") + "]";
  } else if (input.target.value) {
    target_id = number(*input.target.value, id);
    target_en = number(*input.target.value, en);
  }
  add(steps,
      "Masukan: target T = " + target_id +
          "; realisasi R = " + (input.realization ? number(*input.realization, id) : "belum dilaporkan") +
          "; polaritas " + polarity_id(input.polarity) + "; rumus " + std::string(name(input.variant)) +
          " (" + formula_of(input.variant) + ")",
      "Inputs: target T = " + target_en +
          "; realization R = " + (input.realization ? number(*input.realization, en) : "not reported") +
          "; polarity " + polarity_en(input.polarity) + "; formula " + std::string(name(input.variant)) +
          " (" + formula_of(input.variant) + ")");
  if (!result.computed()) {
    add(steps,
        std::string(result.status == AchievementStatus::not_available ? "Capaian n/a: "
                                                                      : "Tidak dapat dihitung: ") +
            std::string(message_id(result.reason)),
        std::string(result.status == AchievementStatus::not_available ? "Achievement n/a: "
                                                                      : "Not computable: ") +
            std::string(message_en(result.reason)));
    return steps;
  }
  const Decimal& realization = *input.realization;
  Decimal target = input.target.value.value_or(Decimal());
  if (input.target.is_range()) {
    if (!result.effective_target) {
      add(steps, "R berada di dalam rentang target: capaian 100",
          "R is inside the target range: achievement 100");
      return steps;
    }
    target = *result.effective_target;
    const bool above = realization > target;
    add(steps,
        std::string("R berada ") + (above ? "di atas" : "di bawah") + " rentang: dipakai batas " +
            (above ? "atas " : "bawah ") + number(target, id) + " sebagai T",
        std::string("R is ") + (above ? "above" : "below") + " the range: the " +
            (above ? "upper" : "lower") + " bound " + number(target, en) + " is used as T");
  }
  if (input.variant == FormulaVariant::binary) {
    const bool met = result.numerator == Decimal::from_int64(1);
    add(steps, std::string("Target ") + (met ? "tercapai: capaian 100" : "tidak tercapai: capaian 0"),
        std::string("Target ") + (met ? "met: achievement 100" : "not met: achievement 0"));
    return steps;
  }
  // The uncapped value: 100 x numerator / denominator, as the rounded percent shows it.
  const Decimal exact = Decimal::from_int64(100)
                            .checked_multiply(result.numerator)
                            .value_or(Decimal())
                            .divide(result.denominator, kPercentScale)
                            .value_or(result.percent);
  add(steps,
      arithmetic(input.variant, target, realization, id) + " = " + rounded(exact, id) + " (tepatnya " +
          exact.normalized().format(id) + ")",
      arithmetic(input.variant, target, realization, en) + " = " + rounded(exact, en) + " (exactly " +
          exact.normalized().format(en) + ")");
  if (result.capped) {
    add(steps,
        "Batas skema: capaian di atas " + number(input.cap->above, id) + " dihitung " +
            number(input.cap->counts_as, id),
        "Scheme cap: an achievement above " + number(input.cap->above, en) + " counts as " +
            number(input.cap->counts_as, en));
  }
  add(steps, "Capaian = " + rounded(result.percent, id) + " % (dibulatkan ke 2 desimal, setengah ke atas)",
      "Achievement = " + rounded(result.percent, en) + " % (rounded half up to 2 decimals)");
  return steps;
}

std::vector<ExplanationStep> explain_aggregation(std::span<const std::optional<Decimal>> periods,
                                                 Aggregation aggregation) {
  std::vector<ExplanationStep> steps;
  std::string list_id;
  std::string list_en;
  for (std::size_t index = 0; index < periods.size(); ++index) {
    const std::string separator = index == 0 ? "" : "; ";
    list_id += separator + (periods[index] ? number(*periods[index], Locale::indonesian) : "-");
    list_en += separator + (periods[index] ? number(*periods[index], Locale::english) : "-");
  }
  static constexpr const char* kRuleId[] = {"jumlah semua periode", "nilai periode terakhir yang dilaporkan",
                                            "rata-rata periode yang dilaporkan", "nilai terbesar",
                                            "nilai terkecil"};
  static constexpr const char* kRuleEn[] = {"the sum of the periods", "the latest reported period",
                                            "the mean of the reported periods", "the largest value",
                                            "the smallest value"};
  const auto rule = static_cast<std::size_t>(aggregation);
  add(steps,
      "Periode: " + list_id + "; agregasi " + std::string(name(aggregation)) + " (" + kRuleId[rule] + ")",
      "Periods: " + list_en + "; aggregation " + std::string(name(aggregation)) + " (" + kRuleEn[rule] + ")");
  Result<Aggregate> result = aggregate(periods, aggregation);
  if (!result.ok()) {
    add(steps, "Jumlah terlalu besar untuk dihitung dengan tepat", "The sum is too large to compute exactly");
  } else if (!result->value) {
    add(steps, "Belum ada periode yang dilaporkan: realisasi n/a", "No period reported yet: realization n/a");
  } else {
    add(steps,
        "Realisasi s.d. periode ini = " + result->value->normalized().format(Locale::indonesian) + " (" +
            std::to_string(result->reported) + " dari " + std::to_string(result->periods) +
            " periode dilaporkan)",
        "Realization to date = " + result->value->normalized().format(Locale::english) + " (" +
            std::to_string(result->reported) + " of " + std::to_string(result->periods) +
            " periods reported)");
  }
  return steps;
}

}  // namespace sinergi::performance
