#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "contexts/performance/agreement.h"
#include "core/result.h"
#include "core/tenancy.h"
#include "platform/auth/principal.h"

// What the performance context needs from the organization and planning contexts, as
// functions wired in src/app (contexts talk through services, never through each other's SQL).

namespace sinergi::performance {

struct AgencyFacts {
  AgencyId id{0};
  std::string code;
  std::string name;
  std::optional<std::string> cluster;
};

// An indicator of the agency's part of the plan that covers a year, with that year's target.
struct PlannedIndicator {
  std::int64_t id = 0;
  std::string objective_code;  // the node it measures
  std::string objective;
  std::string node_kind;  // "agency_objective", "program", ...
  std::string name;
  std::string unit;
  Polarity polarity = Polarity::higher_is_better;
  FormulaVariant variant = FormulaVariant::ratio;
  Aggregation aggregation = Aggregation::last;
  bool key_indicator = false;
  std::optional<TargetValue> target;  // of the year
};

// A program, activity or sub-activity of the agency in the plan.
struct PlannedProgram {
  std::int64_t node_id = 0;
  std::string kind;  // "program", "activity", "sub_activity"
  std::string code;
  std::string title;
};

struct PlanFacts {
  std::vector<PlannedIndicator> indicators;
  std::vector<PlannedProgram> programs;
};

struct PerformanceDirectory {
  // Every agency of the caller's region.
  std::function<Result<std::vector<AgencyFacts>>(const auth::Principal&)> agencies;
  // The region's name ("Provinsi Kalimantan Timur").
  std::function<Result<std::string>(const auth::Principal&)> region_name;
  // The holder of the agency's head post today (definitive, else acting), as a party: none when
  // the post is vacant or not registered.
  std::function<Result<std::optional<Party>>(const auth::Principal&, const AgencyFacts&)> head_of;
  // The agency's indicators and programs in the region's plan that covers `year` (the adopted
  // one when there is one); empty when no plan covers the year.
  std::function<Result<PlanFacts>(const auth::Principal&, AgencyId, int year)> plan;
};

}  // namespace sinergi::performance
