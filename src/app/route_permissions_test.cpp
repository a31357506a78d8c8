// Every route of the OpenAPI document against every role. The expectations below are
// written by hand from the role descriptions; a route that is not in this table,
// not in the document, or not registered through the SecuredRouter fails the test, so no
// route can exist without a decision.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/commands.h"
#include "app/services.h"
#include "app/system_routes.h"
#include "contexts/identity/identity_service.h"
#include "core/clock.h"
#include "platform/auth/login_throttle.h"
#include "platform/auth/password.h"
#include "platform/auth/secured_router.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"
#include "platform/http/metrics.h"

namespace sinergi::app {
namespace {

using auth::Role;

const std::set<Role> kEveryone = {Role::admin,       Role::governor,     Role::vice_governor, Role::secretary,
                                  Role::assistant,   Role::planner,      Role::finance,       Role::auditor,
                                  Role::agency_head, Role::agency_staff, Role::legislature,   Role::public_};
const std::set<Role> kSignedIn = {Role::admin,       Role::governor,     Role::vice_governor, Role::secretary,
                                  Role::assistant,   Role::planner,      Role::finance,       Role::auditor,
                                  Role::agency_head, Role::agency_staff, Role::legislature};
const std::set<Role> kAdministrator = {Role::admin};
const std::set<Role> kPlanners = {Role::admin, Role::planner};
const std::set<Role> kPlanWriters = {Role::admin, Role::planner, Role::agency_head, Role::agency_staff};

// operationId -> the roles that may call it (before resource scope narrows it down).
const std::map<std::string, std::set<Role>> kExpected = {
    {"getHealth", kEveryone},
    {"getReadiness", kEveryone},
    {"getMetrics", kEveryone},
    {"getOpenApiDocument", kEveryone},
    {"createSession", kEveryone},
    {"getSession", kSignedIn},
    {"deleteSession", kSignedIn},
    {"changePassword", kSignedIn},
    {"listSessions", kSignedIn},
    {"revokeSession", kSignedIn},
    {"listUsers", kAdministrator},
    {"createUser", kAdministrator},
    {"getUser", kAdministrator},
    {"updateUser", kAdministrator},
    {"setUserRoles", kAdministrator},
    {"resetUserPassword", kAdministrator},
    {"listApiTokens", kAdministrator},
    {"createApiToken", kAdministrator},
    {"revokeApiToken", kAdministrator},
    {"listAgencies", kSignedIn},
    {"listAgencyUsers",
     {Role::admin, Role::governor, Role::vice_governor, Role::secretary, Role::auditor, Role::assistant,
      Role::agency_head, Role::agency_staff}},
    {"listAuditEvents", {Role::admin, Role::auditor}},
    // Issue 4: the organization registry is read inside government and kept by the
    // personnel office (admin); attendance is personal, rates are for leadership.
    {"listRegions", kSignedIn},
    {"createRegion", kAdministrator},
    {"updateRegion", kAdministrator},
    {"createAgency", kAdministrator},
    {"getAgency", kSignedIn},
    {"updateAgency", kAdministrator},
    {"getOrganizationChart", kSignedIn},
    {"listUnits", kSignedIn},
    {"createUnit", kAdministrator},
    {"updateUnit", kAdministrator},
    {"listPositions", kSignedIn},
    {"createPosition", kAdministrator},
    {"getPosition", kSignedIn},
    {"updatePosition", kAdministrator},
    {"listVacancies", kSignedIn},
    {"listPeople", kSignedIn},
    {"createPerson", kAdministrator},
    {"getPerson", kSignedIn},
    {"updatePerson", kAdministrator},
    {"createAssignment", kAdministrator},
    {"updateAssignment", kAdministrator},
    {"getOrganizationSettings", kSignedIn},
    {"updateOrganizationSettings", kAdministrator},
    {"importOrganizationData", kAdministrator},
    {"getOrganizationImportTemplate", kAdministrator},
    {"importAttendance", kAdministrator},
    {"getAttendanceTemplate", kAdministrator},
    // Everyone may ask for attendance (their own); the service narrows it to self.
    {"getPersonAttendance", kSignedIn},
    {"listDiscipline", kSignedIn},
    {"listAbsenceRates",
     {Role::admin, Role::governor, Role::vice_governor, Role::secretary, Role::planner, Role::auditor,
      Role::assistant, Role::agency_head}},
    // Issue 5: the cascade is read by everyone in the region; Bapperida (planner) drafts the
    // region plan; agencies edit their own Renstra and programs; leadership approves revisions.
    {"listNationalPriorities", kSignedIn},
    {"createNationalPriority", kAdministrator},
    {"updateNationalPriority", kAdministrator},
    {"deleteNationalPriority", kAdministrator},
    {"listPlans", kSignedIn},
    {"createPlan", kPlanners},
    {"getPlan", kSignedIn},
    {"updatePlan", kPlanners},
    {"adoptPlan", kPlanners},
    {"exportPlan", kSignedIn},
    {"listPlanNodes", kSignedIn},
    {"createPlanNode", kPlanWriters},
    {"getPlanNode", kSignedIn},
    {"updatePlanNode", kPlanWriters},
    {"deletePlanNode", kPlanWriters},
    {"createAlignmentLink", kPlanWriters},
    {"updateAlignmentLink", kPlanWriters},
    {"deleteAlignmentLink", kPlanWriters},
    {"createIndicator", kPlanWriters},
    {"getIndicator", kSignedIn},
    {"updateIndicator", kPlanWriters},
    {"deleteIndicator", kPlanWriters},
    {"getPerformanceTree", kSignedIn},
    {"getAlignmentReport", kSignedIn},
    {"listPlanVersions", kSignedIn},
    {"getPlanVersion", kSignedIn},
    {"listPlanRevisions", kSignedIn},
    {"proposePlanRevision", kPlanners},
    {"approvePlanRevision", {Role::governor, Role::vice_governor, Role::secretary}},
    {"rejectPlanRevision", {Role::governor, Role::vice_governor, Role::secretary}},
    // Imports into a plan: whoever writes plan nodes (agency roles only their own rows).
    {"importPlanData", kPlanWriters},
    {"getPlanImportTemplate", kPlanWriters},
    // The national nomenclature list: read by all, imported by the administrator.
    {"listNomenclature", kSignedIn},
    {"exportNomenclature", kSignedIn},
    {"importNomenclature", kAdministrator},
    {"getNomenclatureTemplate", kAdministrator},
    {"listSpmServices", kSignedIn},
    // Issue 6: the auditor's arithmetic check reads only the uploaded file.
    {"checkReport", kSignedIn},
    // Issue 6: agreements, realization, verification, scorecards and reports.
    {"listAgreements", kSignedIn},
    {"getAgreement", kSignedIn},
    {"agreementCandidates", kSignedIn},
    {"agreementDocument", kSignedIn},
    {"quarterRealizations", kSignedIn},
    {"getRealization", kSignedIn},
    {"downloadEvidence", kSignedIn},
    {"verificationQueue", kSignedIn},
    {"reportingWindows", kSignedIn},
    {"regionScorecard", kSignedIn},
    {"agencyScorecard", kSignedIn},
    {"explainAchievement", kSignedIn},
    {"monitoringReport", kSignedIn},
    {"accountabilityReport", kSignedIn},
    {"predicateScales", kSignedIn},
    {"predicateScaleOfYear", kSignedIn},
    {"createAgreement", {Role::planner, Role::agency_head, Role::agency_staff}},
    {"updateAgreement", {Role::planner, Role::agency_head, Role::agency_staff}},
    {"reviseAgreement", {Role::planner, Role::agency_head, Role::agency_staff}},
    {"takeAgreementStep", {Role::governor, Role::planner, Role::agency_head, Role::agency_staff}},
    {"saveRealization", {Role::agency_head, Role::agency_staff}},
    {"uploadEvidence", {Role::agency_head, Role::agency_staff}},
    {"addEvidenceLink", {Role::agency_head, Role::agency_staff}},
    {"removeEvidence", {Role::agency_head, Role::agency_staff}},
    {"takeRealizationStep", {Role::planner, Role::agency_head}},
    {"putReportingWindows", kPlanners},
    {"removeReportingWindow", kPlanners},
    {"choosePredicateScale", kPlanners},
};

// Resolves nobody: the test never calls a handler.
class NobodyAuthenticator : public auth::Authenticator {
 public:
  Result<auth::Principal> authenticate(http::Request&) override { return auth::Principal::anonymous(); }
};

auth::Principal principal_with(Role role) {
  if (role == Role::public_) {
    return auth::Principal::anonymous();
  }
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::user;
  principal.user_id = 1;
  principal.region_id = 1;
  principal.roles.push_back(auth::RoleGrant{role, 5, "Dinkes", "Dinas Kesehatan", "asisten_1"});
  return principal;
}

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& character : result) {
    character = static_cast<char>(std::tolower(static_cast<unsigned char>(character)));
  }
  return result;
}

class RoutePermissionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto test_database = db::TestDatabase::create(db::Backend::sqlite);
    ASSERT_TRUE(test_database.ok());
    test_database_.emplace(std::move(test_database).value());
    auto database = db::Database::open(test_database_->url());
    ASSERT_TRUE(database.ok());
    database_ = std::move(database).value();
    auto migrations = db::bundled_migrations();
    ASSERT_TRUE(migrations.ok());
    ASSERT_TRUE(db::migrate(*database_, *migrations).ok());
    auto evidence_store =
        files::ContentStore::open(std::filesystem::temp_directory_path() / "sinergi-route-test-files");
    ASSERT_TRUE(evidence_store.ok());
    evidence_store_.emplace(std::move(evidence_store).value());
    services_ = std::make_unique<Services>(*database_, clock_, hasher_, throttle_, *evidence_store_);
    secured_ = std::make_unique<auth::SecuredRouter>(router_, authenticator_, nullptr);
    register_routes(*secured_, {database_.get(), &metrics_, "test"}, *services_);
  }

  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  SystemClock clock_;
  auth::PasswordHasher hasher_{auth::PasswordHasher::Options{}};
  auth::LoginThrottle throttle_{clock_, auth::LoginThrottle::Options{}};
  std::optional<files::ContentStore> evidence_store_;
  std::unique_ptr<Services> services_;
  http::Metrics metrics_;
  http::Router router_;
  NobodyAuthenticator authenticator_;
  std::unique_ptr<auth::SecuredRouter> secured_;
};

TEST_F(RoutePermissionsTest, EveryRouteIsRegisteredThroughTheSecuredRouter) {
  EXPECT_EQ(router_.routes().size(), secured_->routes().size());
}

TEST_F(RoutePermissionsTest, EveryDocumentedRouteAgainstEveryRole) {
  auto document = nlohmann::json::parse(openapi_document_text("test"));
  std::size_t checked = 0;
  for (const auto& [path, item] : document.at("paths").items()) {
    for (const auto& [method, operation] : item.items()) {
      std::string operation_id = operation.at("operationId");
      SCOPED_TRACE(method + " " + path + " (" + operation_id + ")");
      ASSERT_TRUE(kExpected.contains(operation_id)) << "no expectation written for this route";
      const auth::SecuredRoute* route = nullptr;
      for (const auto& candidate : secured_->routes()) {
        if (candidate.pattern == path && lower(http::method_name(candidate.method)) == method) {
          route = &candidate;
        }
      }
      ASSERT_NE(route, nullptr) << "documented but not registered";
      EXPECT_EQ(route->operation_id, operation_id);
      for (Role role : auth::kAllRoles) {
        SCOPED_TRACE(auth::role_name(role));
        EXPECT_EQ(auth::may_take(principal_with(role), route->action),
                  kExpected.at(operation_id).contains(role));
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, kExpected.size() * std::size(auth::kAllRoles));
}

TEST_F(RoutePermissionsTest, EveryRegisteredRouteIsDocumented) {
  auto document = nlohmann::json::parse(openapi_document_text("test"));
  for (const auto& route : secured_->routes()) {
    SCOPED_TRACE(route.pattern);
    ASSERT_TRUE(document.at("paths").contains(route.pattern));
    EXPECT_TRUE(document.at("paths").at(route.pattern).contains(lower(http::method_name(route.method))));
  }
}

}  // namespace
}  // namespace sinergi::app
