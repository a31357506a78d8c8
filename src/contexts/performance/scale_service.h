#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contexts/performance/performance_store.h"
#include "contexts/performance/scale_choice.h"
#include "platform/audit/call_context.h"
#include "platform/auth/principal.h"

// The predicate scale of each year, chosen by the region (RULES.md section 4): one of the
// presets or the region's own scale, versioned by name. Scorecards, explanations and reports
// read the year's scale through scale_in_force and name it.

namespace sinergi::performance {

// A preset by name, or the region's own scale (name and bands).
struct ScaleRequest {
  std::optional<std::string> preset;
  std::optional<PredicateScale> custom;  // its version is decided by the service
  std::int64_t version = 0;              // the year's choice as read; 0 when none was stored
};

struct ScaleCatalog {
  std::vector<PredicateScale> presets;
  std::vector<PredicateScale> custom;  // the region's own scales, every version, by name
  std::vector<ScaleChoice> years;      // the stored choices, by year
};

class ScaleService {
 public:
  // REQUIRES: `repository` outlives the service.
  explicit ScaleService(PerformanceRepository& repository);

  Result<ScaleCatalog> catalog(const auth::Principal& caller);
  // The year's choice, or default_choice(year) when none was stored.
  Result<ScaleChoice> for_year(const auth::Principal& caller, int year);
  // Refused: no or both of preset and custom, an unknown preset, a custom scale that fails
  // check_scale or takes a preset's name, a stale version. Choosing the scale already in force
  // changes nothing and writes no audit entry.
  Result<ScaleChoice> choose(const auth::Principal& caller, int year, const ScaleRequest& request,
                             const audit::CallContext& context);

 private:
  PerformanceRepository& repository_;
};

// The scale in force for the year in the caller's transaction (the default when none was
// chosen); shared so that the bands of a view stay valid as long as the view.
Result<std::shared_ptr<const PredicateScale>> scale_in_force(PerformanceStore& store, RegionId region,
                                                             int year);

}  // namespace sinergi::performance
