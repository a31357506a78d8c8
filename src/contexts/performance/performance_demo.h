#pragma once

#include <functional>
#include <optional>
#include <string>

#include "contexts/performance/performance_directory.h"
#include "contexts/performance/performance_store.h"
#include "platform/files/content_store.h"

// The demo province's year 2026 of performance (issue 6), made through the services so every
// rule, workflow step and audit event is the real one, on a clock that walks through the year:
// reporting windows; agreements drafted from the plan in January, signed by the agency heads
// and the governor; realization reported each quarter with evidence (links to the data
// sources, and a PDF report for some), most verified by Bapperida, some still waiting, some
// late, one returned. The Dinas Kesehatan agreement is left submitted and unsigned, and its
// realization unreported, so a visitor (and the browser tests) can sign and report it.
//
// Agency heads other than Dinkes's have no demo accounts: their steps are taken by a stand-in
// principal named "kepala.<code> (data demo)", which the timelines show as such.

namespace sinergi::performance {

struct PerformanceDemoReport {
  bool already_present = false;
  int agreements = 0;
  int signed_agreements = 0;
  int realizations = 0;
  int evidence = 0;
};

using PrincipalLookup = std::function<Result<std::optional<auth::Principal>>(const std::string& username)>;

// `database` is written through a repository on the demo's own clock, so the stored times
// (steps, submissions, the audit trail) are the demo year's.
Result<PerformanceDemoReport> load_performance_demo(db::Database& database, PerformanceDirectory directory,
                                                    const files::ContentStore& evidence_store,
                                                    const PrincipalLookup& principal_of);

}  // namespace sinergi::performance
