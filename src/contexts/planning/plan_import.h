#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "contexts/planning/planning_service.h"
#include "contexts/planning/planning_store.h"
#include "core/date.h"
#include "core/result.h"
#include "platform/audit/call_context.h"
#include "platform/auth/principal.h"
#include "platform/tabular/import_sheet.h"

// Spreadsheet imports of the planning context (docs/api/planning.md, "Imports"): the national
// nomenclature list, and a plan's nodes, alignment links, indicators and targets, from CSV or
// XLSX.
//
// Each row is checked by the same rules as the forms (planning_rules.h): codes of their level
// and under their parent's code, parents of the right kind, agencies that exist, weights in
// (0, 100], no cycles, targets within the plan period, a range's lower bound not above its
// upper bound. Rows are matched to what is stored by natural key (a node by kind, agency and
// code; a link by its two nodes; an indicator by node and code, or node and name when it has
// no code; a target by indicator and year) and counted as created, updated or unchanged.
// Columns a file does not have keep their stored values. Rows name their parents and nodes by
// code, so one file can build a whole subtree (parents may come after their children).
//
// An agency head or staff member may import only rows of their own agency; other rows are
// errors. On an adopted plan a row that would change a target is an error: targets of an
// adopted plan change only through a revision.
//
// A dry run only reads. A commit runs in ONE transaction: with any error nothing is written
// (committed = false); otherwise the rows are written (new nodes in bulk, level by level), the
// plan's content_version moves, and one audit event names the file's SHA-256. Thread-safe.

namespace sinergi::planning {

enum class PlanImportKind { nomenclature, nodes, links, indicators, targets };
inline constexpr std::array kPlanImportKinds{PlanImportKind::nomenclature, PlanImportKind::nodes,
                                             PlanImportKind::links, PlanImportKind::indicators,
                                             PlanImportKind::targets};
// "nomenclature", "nodes", "links", "indicators", "targets".
std::string_view name(PlanImportKind kind);
std::optional<PlanImportKind> parse_plan_import_kind(std::string_view text);

struct PlanImportReport : tabular::ImportOutcome {
  PlanImportKind kind = PlanImportKind::nodes;
};

class PlanImporter {
 public:
  // REQUIRES: every argument outlives the importer.
  PlanImporter(PlanningRepository& repository, const Clock& clock, AgencyDirectory agencies);

  // Today in the demo province's zone (WITA), for the names of downloaded files.
  Date today() const;

  // Imports `file` as `kind` (not nomenclature) into `plan`. Fails with
  //   Forbidden   the caller may change no node of the region (planning.manage or
  //               planning.agency.manage)
  //   NotFound    the plan is not the caller's region's
  //   UnsupportedFileFormat, UnreadableFile, FileLimitExceeded   as platform/tabular says
  //   DatabaseError, DatabaseUnavailable, Conflict   storage failed; nothing was written
  // Problems of the content are the report's errors, not failures.
  Result<PlanImportReport> import_plan(const auth::Principal& caller, PlanId plan, PlanImportKind kind,
                                       tabular::ImportMode mode, const tabular::ImportFile& file,
                                       const CallContext& context);

  // Imports the national nomenclature list (code, name, performance, indicator, unit): new
  // codes are added, known ones updated; codes not in the file stay. Forbidden without
  // nomenclature.manage (the administrator).
  Result<PlanImportReport> import_nomenclature(const auth::Principal& caller, tabular::ImportMode mode,
                                               const tabular::ImportFile& file, const CallContext& context);

  // The kind's empty template: the header row with the canonical column names.
  static tabular::Sheet template_sheet(PlanImportKind kind);

 private:
  PlanningRepository& repository_;
  const Clock& clock_;
  AgencyDirectory agencies_;
};

}  // namespace sinergi::planning
