#include "app/services.h"

namespace sinergi::app {

Services::Services(db::Database& database, const Clock& clock, auth::PasswordHasher& hasher,
                   auth::LoginThrottle& throttle, identity::IdentityOptions identity_options)
    : database_(database),
      identity_(
          std::make_unique<identity::IdentityService>(database, hasher, throttle, clock, identity_options)),
      organization_repository_(organization::make_sql_organization_repository(database, clock)),
      organization_(std::make_unique<organization::OrganizationService>(*organization_repository_, clock)),
      importer_(std::make_unique<organization::SpreadsheetImporter>(*organization_repository_, clock)),
      attendance_repository_(organization::make_sql_attendance_repository(database)),
      attendance_(std::make_unique<organization::AttendanceService>(
          *attendance_repository_, clock, organization::OrganizationOptions{},
          // The person a caller is: the one whose NIP is on the caller's account.
          [identity = identity_.get()](std::int64_t user_id) {
            return identity->nip_of_user(identity::UserId(user_id));
          })),
      planning_repository_(planning::make_sql_planning_repository(database, clock)),
      planning_(
          std::make_unique<planning::PlanningService>(*planning_repository_, clock, agency_directory())),
      plan_importer_(
          std::make_unique<planning::PlanImporter>(*planning_repository_, clock, agency_directory())) {}

planning::AgencyDirectory agency_directory_of(organization::OrganizationService& organization_service) {
  return
      [organization = &organization_service](RegionId region) -> Result<std::vector<planning::AgencyInfo>> {
        std::vector<planning::AgencyInfo> agencies;
        for (const auto& agency : TRY(organization->region_agencies(region))) {
          agencies.push_back(planning::AgencyInfo{agency.id, agency.code, agency.name});
        }
        return agencies;
      };
}

planning::AgencyDirectory Services::agency_directory() {
  return agency_directory_of(*organization_);
}

Services::~Services() = default;

}  // namespace sinergi::app
