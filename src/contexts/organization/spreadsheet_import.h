#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/organization/organization_service.h"
#include "contexts/organization/organization_store.h"
#include "core/date.h"
#include "core/result.h"
#include "platform/audit/call_context.h"
#include "platform/auth/principal.h"
#include "platform/tabular/import_sheet.h"

// Spreadsheet imports of the organization registry (agencies, units, positions, people,
// assignments) and of attendance records, from CSV or XLSX (docs/api/organization.md,
// "Imports").
//
// A run reads the whole file, maps its header row to the kind's columns (case-insensitive,
// Indonesian aliases accepted), and checks every row with the same validators as the forms
// (organization_validation.h, check_assignment) plus the file's own rules: natural keys
// unique inside the file, codes and NIPs that exist. Each row is then classified against
// what is stored, by natural key: created, updated (some imported field differs) or
// unchanged. Columns the file does not have keep their stored values.
//
// A dry run only reads (one read-only transaction). A commit runs in ONE transaction:
// when any row has an error nothing is written and the report says committed = false;
// otherwise every change is written through the store's bulk paths and one audit event
// (organization_import.commit, or attendance_import.commit) is appended last. Either way
// all or nothing of the file reaches the database.
//
// Thread-safe: one instance serves every request.

namespace sinergi {
class Clock;
}

namespace sinergi::organization {

enum class ImportKind { agencies, units, positions, people, assignments, attendance };
inline constexpr std::array kImportKinds{ImportKind::agencies,    ImportKind::units,
                                         ImportKind::positions,   ImportKind::people,
                                         ImportKind::assignments, ImportKind::attendance};
// "agencies", ..., "attendance": the path segment and the audit entity id.
std::string_view name(ImportKind kind);
// Exactly one of the names above.
std::optional<ImportKind> parse_import_kind(std::string_view text);

using tabular::ImportFile;
using tabular::ImportMode;
using tabular::ImportProblem;
using tabular::kMaxImportBytes;
using tabular::kMaxListedProblems;
using tabular::name;
using tabular::parse_import_mode;

struct ImportReport : tabular::ImportOutcome {
  ImportKind kind = ImportKind::people;
};

class SpreadsheetImporter {
 public:
  // REQUIRES: every argument outlives the importer. options.utc_offset decides "today" for
  // the attendance check "no day in the future".
  SpreadsheetImporter(OrganizationRepository& repository, const Clock& clock,
                      OrganizationOptions options = {});

  // Today in the region's time zone.
  Date today() const;

  // Imports `file` as `kind`. Fails with
  //   Forbidden              the caller may not manage the organization (attendance: import
  //                          attendance) of its region, or belongs to no region
  //   UnsupportedFileFormat, UnreadableFile, FileLimitExceeded
  //                          the file is not CSV/XLSX, is damaged, or exceeds a limit (20 MB,
  //                          zip bomb ratios, ...), as platform/tabular reports them
  //   DatabaseError, DatabaseUnavailable, Conflict   storage failed; nothing was written
  // Problems of the file's content (a missing column, an empty file, bad rows) are not
  // failures: they are the report's errors. A commit with errors returns its report with
  // committed = false; the HTTP route answers it as 422 validation_failed.
  Result<ImportReport> run(const auth::Principal& caller, ImportKind kind, ImportMode mode,
                           const ImportFile& file, const CallContext& context);

  // The kind's empty template: the header row with the canonical column names.
  Result<tabular::Sheet> template_sheet(ImportKind kind) const;

 private:
  OrganizationRepository& repository_;
  const Clock& clock_;
  OrganizationOptions options_;
};

}  // namespace sinergi::organization
