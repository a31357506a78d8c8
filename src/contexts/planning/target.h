#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/decimal.h"
#include "core/error.h"

// Plan periods and the yearly targets of an indicator (pure rules, no storage).

namespace sinergi::planning {

inline constexpr int kMinPlanYear = 2000;
inline constexpr int kMaxPlanYear = 2100;
inline constexpr int kMaxPlanYears = 10;

// The years a plan covers, both ends included: an RPJMD 2025-2029 is {2025, 2029}.
struct PlanPeriod {
  int first_year = 0;
  int last_year = 0;

  bool contains(int year) const { return year >= first_year && year <= last_year; }
  bool operator==(const PlanPeriod&) const = default;
};

// The problems of a period: each year within 2000..2100 ("first_year", "last_year"), the first
// not after the last ("last_year"), and at most 10 years in all ("last_year").
std::vector<FieldError> check_plan_period(const PlanPeriod& period);

// The target of one year: either a single value, or a range [lower, upper] (both bounds; a
// range whose bounds are equal is accepted).
struct Target {
  int year = 0;
  std::optional<Decimal> value;
  std::optional<Decimal> lower;
  std::optional<Decimal> upper;
};

// The problems of `target` within `period`, on fields named "<field_prefix>.year" and so on
// (just "year" when the prefix is empty): a year outside the period ("year", naming the
// period); neither a value nor a bound, or both a value and a bound ("value"); a range with
// only one bound (on the missing one, "lower" or "upper"); a lower bound above the upper ("lower").
std::vector<FieldError> check_target(const Target& target, const PlanPeriod& period,
                                     std::string_view field_prefix);

}  // namespace sinergi::planning
