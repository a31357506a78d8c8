#pragma once

#include <cstdint>
#include <vector>

#include "contexts/planning/planning_service.h"
#include "contexts/planning/planning_store.h"
#include "core/result.h"

// The planning demo of issue 5 (`sinergi demo`): db/seed/planning_demo_kaltim.json, an
// RPJMD 2025-2029 modelled on East Kalimantan's ("Kaltim Sukses Menuju Generasi Emas", six
// missions aligned to Asta Cita) with headline indicators (IPM, poverty, open unemployment,
// growth with range targets, Gini, life expectancy), the Renstra goals and objectives, programs,
// activities and sub-activities of eleven agencies, and deliberate breaks for the alignment
// report (the file's "demo_notes" list them; scripts/check_planning_demo.py checks them).
// The plan is stored adopted, with its version 1.

namespace sinergi::planning {

struct PlanningDemoReport {
  std::int64_t nodes = 0;
  std::int64_t links = 0;
  std::int64_t indicators = 0;
  // Entries added to the national nomenclature list (only when it was empty): the eight
  // urusan groups, the fields of urusan_fields.csv and the demo's program, activity and
  // sub-activity codes with their titles.
  std::int64_t nomenclature_entries = 0;
  bool already_present = false;
};

// Loads the demo into `region` in ONE transaction, ending with one audit event
// "planning.demo_load" (actor system "demo"). Idempotent: a region that already has a plan is
// left alone (already_present). Codes and targets go through the same rules as the API
// (nomenclature codes, parents, periods, ranges); a violation fails the whole load.
Result<PlanningDemoReport> load_planning_demo(PlanningRepository& repository, const Clock& clock,
                                              RegionId region, const std::vector<AgencyInfo>& agencies);

}  // namespace sinergi::planning
