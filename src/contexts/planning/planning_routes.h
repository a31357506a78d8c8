#pragma once

#include "platform/auth/secured_router.h"

// The HTTP routes of the planning cascade (docs/api/planning.md): national priorities, plans,
// nodes, alignment links, indicators, the performance tree, the alignment report, versions
// and revisions, and the XLSX export of a whole plan.

namespace sinergi::planning {

class PlanImporter;
class PlanningService;

void register_planning_routes(auth::SecuredRouter& router, PlanningService& service);
// Imports into a plan and of the nomenclature list, the nomenclature list itself, and the
// SPM services (planning_import_routes.cpp).
void register_planning_import_routes(auth::SecuredRouter& router, PlanImporter& importer,
                                     PlanningService& service);

}  // namespace sinergi::planning
