#include "platform/auth/permissions.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace sinergi::auth {
namespace {

Principal principal_with(Role role, std::optional<std::int64_t> agency_id = std::nullopt,
                         std::optional<std::string> cluster = std::nullopt) {
  if (role == Role::public_) {
    return Principal::anonymous();
  }
  Principal principal;
  principal.kind = Principal::Kind::user;
  principal.user_id = 7;
  principal.region_id = 1;
  principal.name = std::string(role_name(role));
  principal.roles.push_back(RoleGrant{role, agency_id, {}, {}, std::move(cluster)});
  return principal;
}

// Written from the role descriptions, not from the table in permissions.cpp.
const std::map<Action, std::set<Role>>& expected_roles() {
  static const std::set<Role> kSignedIn = {
      Role::admin,   Role::governor, Role::vice_governor, Role::secretary,    Role::assistant,  Role::planner,
      Role::finance, Role::auditor,  Role::agency_head,   Role::agency_staff, Role::legislature};
  static std::set<Role> kEveryone = kSignedIn;
  kEveryone.insert(Role::public_);
  static const std::map<Action, std::set<Role>> kExpected = {
      {Action::system_read, kEveryone},
      {Action::session_create, kEveryone},
      {Action::session_read, kSignedIn},
      {Action::session_delete, kSignedIn},
      {Action::password_change, kSignedIn},
      {Action::account_manage, kSignedIn},
      {Action::users_manage, {Role::admin}},
      {Action::api_tokens_manage, {Role::admin}},
      {Action::audit_read, {Role::admin, Role::auditor}},
      {Action::agencies_read, kSignedIn},
      {Action::agency_users_read,
       {Role::admin, Role::governor, Role::vice_governor, Role::secretary, Role::auditor, Role::assistant,
        Role::agency_head, Role::agency_staff}},
      // Issue 4: the registry is read inside government; only the personnel office edits it.
      {Action::organization_read, kSignedIn},
      {Action::organization_manage, {Role::admin}},
      // Everyone may read their own attendance (narrowed to self below).
      {Action::attendance_read, kSignedIn},
      {Action::attendance_rates_read,
       {Role::admin, Role::governor, Role::vice_governor, Role::secretary, Role::planner, Role::auditor,
        Role::assistant, Role::agency_head}},
      {Action::attendance_import, {Role::admin}},
      // Issue 5: the cascade is read by everyone in the region; the planning agency drafts
      // the region plan; agencies write their own Renstra; leadership approves revisions.
      {Action::planning_read, kSignedIn},
      {Action::planning_manage, {Role::admin, Role::planner}},
      {Action::planning_agency_manage, {Role::admin, Role::planner, Role::agency_head, Role::agency_staff}},
      {Action::planning_revisions_approve, {Role::governor, Role::vice_governor, Role::secretary}},
      {Action::national_priorities_manage, {Role::admin}},
      // The national nomenclature list is reference data for every region: the administrator.
      {Action::nomenclature_manage, {Role::admin}},
      // Issue 6: the arithmetic check of a published report touches no stored data.
      {Action::report_check, kSignedIn},
      // Issue 6: agreements, realizations and scorecards are seen across the region; an agency
      // (or the planning agency for it) drafts and reports; the head and the governor sign; the
      // planning agency verifies and sets the reporting windows.
      {Action::performance_read, kSignedIn},
      {Action::agreement_manage, {Role::planner, Role::agency_head, Role::agency_staff}},
      {Action::agreement_workflow, {Role::planner, Role::governor, Role::agency_head, Role::agency_staff}},
      {Action::realization_report, {Role::agency_head, Role::agency_staff}},
      {Action::realization_workflow, {Role::planner, Role::agency_head}},
      {Action::reporting_windows_manage, {Role::admin, Role::planner}},
      // The year's predicate scale decides every predicate the region reports.
      {Action::predicate_scales_manage, {Role::admin, Role::planner}},
  };
  return kExpected;
}

TEST(PermissionsTest, EveryActionAgainstEveryRole) {
  for (Action action : kAllActions) {
    ASSERT_TRUE(expected_roles().contains(action)) << action_name(action) << " has no expectation";
    for (Role role : kAllRoles) {
      SCOPED_TRACE(std::string(action_name(action)) + " by " + std::string(role_name(role)));
      bool expected = expected_roles().at(action).contains(role);
      EXPECT_EQ(may_take(principal_with(role, 10, "asisten_1"), action), expected);
    }
  }
}

TEST(PermissionsTest, AnAgencyRoleReachesOnlyItsOwnAgency) {
  Principal staff = principal_with(Role::agency_staff, 10);
  EXPECT_TRUE(may_take_on(staff, Action::agency_users_read, {.region_id = 1, .agency_id = 10}));
  EXPECT_FALSE(may_take_on(staff, Action::agency_users_read, {.region_id = 1, .agency_id = 11}));
}

TEST(PermissionsTest, AnAgencyWritesOnlyItsOwnPlanButReadsTheWholeCascade) {
  Principal head = principal_with(Role::agency_head, 10);
  EXPECT_TRUE(may_take_on(head, Action::planning_agency_manage, {.region_id = 1, .agency_id = 10}));
  EXPECT_FALSE(may_take_on(head, Action::planning_agency_manage, {.region_id = 1, .agency_id = 11}));
  EXPECT_TRUE(may_take_on(head, Action::planning_read, {.region_id = 1, .agency_id = 11}));
  EXPECT_FALSE(may_take_on(head, Action::planning_read, {.region_id = 2, .agency_id = 10}));
  Principal planner = principal_with(Role::planner);
  EXPECT_TRUE(may_take_on(planner, Action::planning_agency_manage, {.region_id = 1, .agency_id = 11}));
}

TEST(PermissionsTest, AnAssistantReachesOnlyTheAgenciesOfTheCluster) {
  Principal assistant = principal_with(Role::assistant, std::nullopt, "asisten_1");
  EXPECT_TRUE(may_take_on(assistant, Action::agency_users_read,
                          {.region_id = 1, .agency_id = 3, .agency_cluster = "asisten_1"}));
  EXPECT_FALSE(may_take_on(assistant, Action::agency_users_read,
                           {.region_id = 1, .agency_id = 4, .agency_cluster = "asisten_2"}));
  EXPECT_FALSE(may_take_on(assistant, Action::agency_users_read, {.region_id = 1, .agency_id = 5}));
}

TEST(PermissionsTest, NobodyReachesAnotherRegion) {
  for (Role role : {Role::admin, Role::governor, Role::auditor}) {
    SCOPED_TRACE(role_name(role));
    Principal principal = principal_with(role);
    EXPECT_TRUE(may_take_on(principal, Action::agency_users_read, {.region_id = 1, .agency_id = 3}));
    EXPECT_FALSE(may_take_on(principal, Action::agency_users_read, {.region_id = 2, .agency_id = 3}));
  }
}

TEST(PermissionsTest, SelfScopeIsTheCallersOwnAccount) {
  Principal head = principal_with(Role::agency_head, 10);
  EXPECT_TRUE(may_take_on(head, Action::account_manage, {.owner_user_id = 7}));
  EXPECT_FALSE(may_take_on(head, Action::account_manage, {.owner_user_id = 8}));
}

// Issue 4: "individual records visible only to the person, the agency head, the personnel
// office role (admin for now) and the auditor".
TEST(PermissionsTest, IndividualAttendanceIsVisibleOnlyToThePersonTheHeadPersonnelAndAudit) {
  const ResourceScope someone_in_agency_10{.region_id = 1, .agency_id = 10, .owner_user_id = 8};
  const ResourceScope caller_self_in_agency_10{.region_id = 1, .agency_id = 10, .owner_user_id = 7};
  const ResourceScope someone_in_agency_11{.region_id = 1, .agency_id = 11, .owner_user_id = 8};
  EXPECT_TRUE(may_take_on(principal_with(Role::admin), Action::attendance_read, someone_in_agency_11));
  EXPECT_TRUE(may_take_on(principal_with(Role::auditor), Action::attendance_read, someone_in_agency_11));
  EXPECT_TRUE(
      may_take_on(principal_with(Role::agency_head, 10), Action::attendance_read, someone_in_agency_10));
  EXPECT_FALSE(
      may_take_on(principal_with(Role::agency_head, 10), Action::attendance_read, someone_in_agency_11));
  for (Role role : {Role::governor, Role::vice_governor, Role::secretary, Role::assistant, Role::planner,
                    Role::finance, Role::agency_staff, Role::legislature}) {
    SCOPED_TRACE(role_name(role));
    Principal principal = principal_with(role, 10, "asisten_1");
    EXPECT_FALSE(may_take_on(principal, Action::attendance_read, someone_in_agency_10));
    EXPECT_TRUE(may_take_on(principal, Action::attendance_read, caller_self_in_agency_10));
  }
  EXPECT_FALSE(may_take_on(principal_with(Role::admin), Action::attendance_read,
                           {.region_id = 2, .agency_id = 10, .owner_user_id = 8}));
}

TEST(PermissionsTest, TheRegistryOfAnotherAgencyIsHiddenFromAnAgencyRole) {
  Principal staff = principal_with(Role::agency_staff, 10);
  EXPECT_TRUE(may_take_on(staff, Action::organization_read, {.region_id = 1, .agency_id = 10}));
  EXPECT_FALSE(may_take_on(staff, Action::organization_read, {.region_id = 1, .agency_id = 11}));
  EXPECT_FALSE(may_take_on(staff, Action::organization_manage, {.region_id = 1, .agency_id = 10}));
  Principal assistant = principal_with(Role::assistant, std::nullopt, "asisten_2");
  EXPECT_TRUE(may_take_on(assistant, Action::attendance_rates_read,
                          {.region_id = 1, .agency_id = 4, .agency_cluster = "asisten_2"}));
  EXPECT_FALSE(may_take_on(assistant, Action::attendance_rates_read,
                           {.region_id = 1, .agency_id = 3, .agency_cluster = "asisten_1"}));
}

TEST(PermissionsTest, TheWebAppSeesPermissionNamesPerRole) {
  EXPECT_EQ(permission_names(principal_with(Role::auditor)),
            (std::vector<std::string>{"session.read", "session.delete", "password.change", "account.manage",
                                      "audit.read", "agencies.read", "agency_users.read", "organization.read",
                                      "attendance.read", "attendance.rates.read", "planning.read",
                                      "report_check.use", "performance.read"}));
  EXPECT_EQ(permission_names(principal_with(Role::legislature)),
            (std::vector<std::string>{"session.read", "session.delete", "password.change", "account.manage",
                                      "agencies.read", "organization.read", "attendance.read",
                                      "planning.read", "report_check.use", "performance.read"}));
  EXPECT_TRUE(permission_names(Principal::anonymous()).empty());
}

TEST(PermissionsTest, NamesRoundTrip) {
  for (Action action : kAllActions) {
    EXPECT_EQ(parse_action(action_name(action)), action);
  }
  for (Role role : kAllRoles) {
    EXPECT_EQ(parse_role(role_name(role)), role);
  }
  EXPECT_FALSE(parse_role("superuser").has_value());
  EXPECT_TRUE(is_cluster("asisten_2"));
  EXPECT_FALSE(is_cluster("asisten_4"));
}

}  // namespace
}  // namespace sinergi::auth
