#pragma once

#include "platform/auth/secured_router.h"

namespace sinergi::organization {

class SpreadsheetImporter;

// Registers the spreadsheet imports of docs/api/organization.md ("Imports"):
//   POST /api/v1/organization/imports/{kind}           importOrganizationData         organization.manage
//   GET  /api/v1/organization/imports/{kind}/template  getOrganizationImportTemplate  organization.manage
//   POST /api/v1/attendance/imports                    importAttendance               attendance.import
//   GET  /api/v1/attendance/template                   getAttendanceTemplate          attendance.import
// {kind} is agencies, units, positions, people or assignments (anything else: 404). The
// POST body is the file itself (Content-Type says CSV or XLSX, X-File-Name names it);
// ?mode=dry_run (default) or commit. 200 answers the ImportReport; a commit refused because
// of row errors answers 422 validation_failed with the report under "report". A body over
// 20 MB answers 413 (the server's body limit must allow at least that much on these
// routes). Templates take ?format=csv (default) or xlsx.
// Their OpenAPI description is src/contexts/organization/openapi_imports.json.
// REQUIRES: `importer` outlives the router.
void register_import_routes(auth::SecuredRouter& router, SpreadsheetImporter& importer);

}  // namespace sinergi::organization
