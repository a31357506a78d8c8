#pragma once

#include "platform/auth/secured_router.h"

// The HTTP side of the auditor's arithmetic check (docs/api/performance.md, "Report check"):
// POST /api/v1/tools/check-report takes a CSV or XLSX file as the raw body, as every import
// does, and answers the checked rows as JSON or, with ?format=csv, as a CSV attachment. It
// stores nothing, so any signed-in role may use it (report_check.use).

namespace sinergi::performance {

void register_report_check_routes(auth::SecuredRouter& router);

}  // namespace sinergi::performance
