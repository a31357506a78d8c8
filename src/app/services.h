#pragma once

#include <memory>

#include "contexts/identity/identity_service.h"
#include "contexts/organization/attendance_service.h"
#include "contexts/organization/attendance_store.h"
#include "contexts/organization/organization_service.h"
#include "contexts/organization/spreadsheet_import.h"
#include "contexts/performance/agreement_service.h"
#include "contexts/performance/performance_store.h"
#include "contexts/performance/realization_service.h"
#include "contexts/performance/scale_service.h"
#include "contexts/planning/plan_import.h"
#include "contexts/planning/planning_service.h"
#include "contexts/planning/planning_store.h"
#include "platform/files/content_store.h"

// The application services of every context, built once over one database: `serve` and
// the route tests both use this, so the wiring under test is the wiring that runs.

namespace sinergi {
class Clock;
}
namespace sinergi::db {
class Database;
}
namespace sinergi::auth {
class PasswordHasher;
class LoginThrottle;
}  // namespace sinergi::auth

namespace sinergi::app {

// The agencies of a region as the planning context names them (from the organization context).
planning::AgencyDirectory agency_directory_of(organization::OrganizationService& organization_service);

class Services {
 public:
  // REQUIRES: every argument outlives the Services.
  // `evidence_store` keeps the realizations' evidence files.
  Services(db::Database& database, const Clock& clock, auth::PasswordHasher& hasher,
           auth::LoginThrottle& throttle, const files::ContentStore& evidence_store,
           identity::IdentityOptions identity_options = {});
  ~Services();
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  db::Database& database() { return database_; }
  const Clock& clock() const { return clock_; }
  identity::IdentityService& identity() { return *identity_; }
  organization::OrganizationService& organization() { return *organization_; }
  organization::SpreadsheetImporter& importer() { return *importer_; }
  organization::AttendanceService& attendance() { return *attendance_; }
  planning::PlanningRepository& planning_repository() { return *planning_repository_; }
  planning::PlanningService& planning() { return *planning_; }
  planning::PlanImporter& plan_importer() { return *plan_importer_; }
  performance::AgreementService& agreements() { return *agreements_; }
  performance::RealizationService& realizations() { return *realizations_; }
  performance::ScaleService& scales() { return *scales_; }
  // The agencies of a region as the planning context names them (from the organization context).
  planning::AgencyDirectory agency_directory();
  // What the performance context reads of the organization and the plan.
  performance::PerformanceDirectory performance_directory();

 private:
  db::Database& database_;
  const Clock& clock_;
  std::unique_ptr<identity::IdentityService> identity_;
  std::unique_ptr<organization::OrganizationRepository> organization_repository_;
  std::unique_ptr<organization::OrganizationService> organization_;
  std::unique_ptr<organization::SpreadsheetImporter> importer_;
  std::unique_ptr<organization::AttendanceRepository> attendance_repository_;
  std::unique_ptr<organization::AttendanceService> attendance_;
  std::unique_ptr<planning::PlanningRepository> planning_repository_;
  std::unique_ptr<planning::PlanningService> planning_;
  std::unique_ptr<planning::PlanImporter> plan_importer_;
  std::unique_ptr<performance::PerformanceRepository> performance_repository_;
  std::unique_ptr<performance::AgreementService> agreements_;
  std::unique_ptr<performance::RealizationService> realizations_;
  std::unique_ptr<performance::ScaleService> scales_;
};

}  // namespace sinergi::app
