#include "contexts/planning/target.h"

#include <string>

#include "core/input_text.h"

namespace sinergi::planning {
namespace {

std::string field_name(std::string_view prefix, std::string_view field) {
  return prefix.empty() ? std::string(field) : std::string(prefix) + "." + std::string(field);
}

std::string period_text(const PlanPeriod& period) {
  return std::to_string(period.first_year) + "–" + std::to_string(period.last_year);
}

void check_year_bounds(int year, std::string_view field, std::vector<FieldError>& errors) {
  if (year < kMinPlanYear || year > kMaxPlanYear) {
    add_field_error(errors, field,
                    "tahun harus antara " + std::to_string(kMinPlanYear) + " dan " +
                        std::to_string(kMaxPlanYear) + ", bukan " + std::to_string(year),
                    "the year must be between " + std::to_string(kMinPlanYear) + " and " +
                        std::to_string(kMaxPlanYear) + ", not " + std::to_string(year));
  }
}

}  // namespace

std::vector<FieldError> check_plan_period(const PlanPeriod& period) {
  std::vector<FieldError> errors;
  check_year_bounds(period.first_year, "first_year", errors);
  check_year_bounds(period.last_year, "last_year", errors);
  if (!errors.empty()) {
    return errors;
  }
  if (period.first_year > period.last_year) {
    add_field_error(errors, "last_year",
                    "tahun akhir " + std::to_string(period.last_year) + " tidak boleh sebelum tahun awal " +
                        std::to_string(period.first_year),
                    "the last year " + std::to_string(period.last_year) +
                        " cannot come before the first year " + std::to_string(period.first_year));
  } else if (period.last_year - period.first_year + 1 > kMaxPlanYears) {
    add_field_error(
        errors, "last_year",
        "periode rencana " + period_text(period) + " lebih dari " + std::to_string(kMaxPlanYears) + " tahun",
        "the plan period " + period_text(period) + " is longer than " + std::to_string(kMaxPlanYears) +
            " years");
  }
  return errors;
}

std::vector<FieldError> check_target(const Target& target, const PlanPeriod& period,
                                     std::string_view field_prefix) {
  std::vector<FieldError> errors;
  if (!period.contains(target.year)) {
    add_field_error(
        errors, field_name(field_prefix, "year"),
        "tahun " + std::to_string(target.year) + " di luar periode rencana " + period_text(period),
        "the year " + std::to_string(target.year) + " is outside the plan period " + period_text(period));
  }
  const bool has_bound = target.lower.has_value() || target.upper.has_value();
  if (!target.value && !has_bound) {
    add_field_error(errors, field_name(field_prefix, "value"),
                    "wajib diisi: nilai target tunggal atau rentang (batas bawah dan batas atas)",
                    "is required: a single target value or a range (lower and upper bound)");
    return errors;
  }
  if (target.value && has_bound) {
    add_field_error(errors, field_name(field_prefix, "value"),
                    "isi nilai target tunggal atau rentang, tidak keduanya",
                    "give either a single target value or a range, not both");
    return errors;
  }
  if (target.value) {
    return errors;
  }
  if (!target.lower) {
    add_field_error(errors, field_name(field_prefix, "lower"),
                    "wajib diisi: rentang target memerlukan batas bawah dan batas atas",
                    "is required: a target range needs a lower and an upper bound");
  } else if (!target.upper) {
    add_field_error(errors, field_name(field_prefix, "upper"),
                    "wajib diisi: rentang target memerlukan batas bawah dan batas atas",
                    "is required: a target range needs a lower and an upper bound");
  } else if (*target.lower > *target.upper) {
    add_field_error(errors, field_name(field_prefix, "lower"),
                    "batas bawah " + target.lower->format(Locale::indonesian) +
                        " tidak boleh lebih besar dari batas atas " +
                        target.upper->format(Locale::indonesian),
                    "the lower bound " + target.lower->format(Locale::english) +
                        " cannot be above the upper bound " + target.upper->format(Locale::english));
  }
  return errors;
}

}  // namespace sinergi::planning
