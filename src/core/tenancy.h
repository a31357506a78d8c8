#pragma once

#include "core/id.h"

// The ids every context shares because tenancy is built on them: each region-owned row
// carries its region's id, and roles are scoped to an agency. One type each, so that an id
// read by one context can be handed to another.

namespace sinergi {

using RegionId = Id<struct RegionTag>;  // Pemda: province, regency or city
using AgencyId = Id<struct AgencyTag>;  // OPD

}  // namespace sinergi
