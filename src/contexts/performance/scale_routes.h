#pragma once

#include "contexts/performance/scale_service.h"
#include "platform/auth/secured_router.h"

namespace sinergi::performance {

// The predicate scale API (docs/api/performance.md): the presets and the region's own scales,
// and the scale chosen for each year.
// REQUIRES: the service outlives the router.
void register_scale_routes(auth::SecuredRouter& router, ScaleService& scales);

}  // namespace sinergi::performance
