#pragma once

#include "contexts/performance/agreement_service.h"
#include "contexts/performance/realization_service.h"
#include "platform/auth/secured_router.h"

namespace sinergi {
class Clock;
}

namespace sinergi::performance {

// The performance API (docs/api/performance.md): agreements and their signing, realizations
// with evidence and verification, reporting windows, scorecards with explanations, and the
// monitoring and accountability reports.
// REQUIRES: the services and the clock outlive the router.
void register_performance_routes(auth::SecuredRouter& router, AgreementService& agreements,
                                 RealizationService& realizations, const Clock& clock);

}  // namespace sinergi::performance
