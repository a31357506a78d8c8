#pragma once

#include "platform/auth/secured_router.h"

// The HTTP routes of the planning cascade (docs/api/planning.md): national priorities, plans,
// nodes, alignment links, indicators, the performance tree, the alignment report, versions
// and revisions, and the XLSX export of a whole plan.

namespace sinergi::planning {

class PlanningService;

void register_planning_routes(auth::SecuredRouter& router, PlanningService& service);

}  // namespace sinergi::planning
