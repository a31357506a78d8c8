#pragma once

#include "platform/auth/secured_router.h"

// The HTTP routes of the organization registry (docs/api/organization.md): regions,
// agencies, units, positions, people, assignments, the vacancy board and its settings.

namespace sinergi::organization {

class OrganizationService;

void register_organization_routes(auth::SecuredRouter& router, OrganizationService& service);

}  // namespace sinergi::organization
