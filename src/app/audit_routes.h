#pragma once

namespace sinergi::db {
class Database;
}
namespace sinergi::auth {
class SecuredRouter;
}

namespace sinergi::app {

// GET /api/v1/audit: the audit trail of the caller's region, filtered and paginated,
// for the administrator and the Inspektorat.
void register_audit_routes(auth::SecuredRouter& router, db::Database& database);

}  // namespace sinergi::app
