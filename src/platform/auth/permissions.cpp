#include "platform/auth/permissions.h"

#include <array>

namespace sinergi::auth {
namespace {

using enum Role;

// THE permission table. Read it as "role may take action within scope". A role missing
// from an action's rows is refused it. Keep rows grouped by action.
constexpr std::array kPermissions = {
    // Operational endpoints and signing in need no login: anyone, signed in or not.
    Permission{Action::system_read, public_, Scope::anyone},
    Permission{Action::session_create, public_, Scope::anyone},

    // Every signed-in role manages its own session and account.
    Permission{Action::session_read, admin, Scope::self},
    Permission{Action::session_read, governor, Scope::self},
    Permission{Action::session_read, vice_governor, Scope::self},
    Permission{Action::session_read, secretary, Scope::self},
    Permission{Action::session_read, assistant, Scope::self},
    Permission{Action::session_read, planner, Scope::self},
    Permission{Action::session_read, finance, Scope::self},
    Permission{Action::session_read, auditor, Scope::self},
    Permission{Action::session_read, agency_head, Scope::self},
    Permission{Action::session_read, agency_staff, Scope::self},
    Permission{Action::session_read, legislature, Scope::self},

    Permission{Action::session_delete, admin, Scope::self},
    Permission{Action::session_delete, governor, Scope::self},
    Permission{Action::session_delete, vice_governor, Scope::self},
    Permission{Action::session_delete, secretary, Scope::self},
    Permission{Action::session_delete, assistant, Scope::self},
    Permission{Action::session_delete, planner, Scope::self},
    Permission{Action::session_delete, finance, Scope::self},
    Permission{Action::session_delete, auditor, Scope::self},
    Permission{Action::session_delete, agency_head, Scope::self},
    Permission{Action::session_delete, agency_staff, Scope::self},
    Permission{Action::session_delete, legislature, Scope::self},

    Permission{Action::password_change, admin, Scope::self},
    Permission{Action::password_change, governor, Scope::self},
    Permission{Action::password_change, vice_governor, Scope::self},
    Permission{Action::password_change, secretary, Scope::self},
    Permission{Action::password_change, assistant, Scope::self},
    Permission{Action::password_change, planner, Scope::self},
    Permission{Action::password_change, finance, Scope::self},
    Permission{Action::password_change, auditor, Scope::self},
    Permission{Action::password_change, agency_head, Scope::self},
    Permission{Action::password_change, agency_staff, Scope::self},
    Permission{Action::password_change, legislature, Scope::self},

    Permission{Action::account_manage, admin, Scope::self},
    Permission{Action::account_manage, governor, Scope::self},
    Permission{Action::account_manage, vice_governor, Scope::self},
    Permission{Action::account_manage, secretary, Scope::self},
    Permission{Action::account_manage, assistant, Scope::self},
    Permission{Action::account_manage, planner, Scope::self},
    Permission{Action::account_manage, finance, Scope::self},
    Permission{Action::account_manage, auditor, Scope::self},
    Permission{Action::account_manage, agency_head, Scope::self},
    Permission{Action::account_manage, agency_staff, Scope::self},
    Permission{Action::account_manage, legislature, Scope::self},

    // Only the administrator manages accounts and machine tokens.
    Permission{Action::users_manage, admin, Scope::region},
    Permission{Action::api_tokens_manage, admin, Scope::region},

    // The audit trail: the administrator and the Inspektorat.
    Permission{Action::audit_read, admin, Scope::region},
    Permission{Action::audit_read, auditor, Scope::region},

    // The agency list is not secret to anyone signed in.
    Permission{Action::agencies_read, admin, Scope::region},
    Permission{Action::agencies_read, governor, Scope::region},
    Permission{Action::agencies_read, vice_governor, Scope::region},
    Permission{Action::agencies_read, secretary, Scope::region},
    Permission{Action::agencies_read, assistant, Scope::region},
    Permission{Action::agencies_read, planner, Scope::region},
    Permission{Action::agencies_read, finance, Scope::region},
    Permission{Action::agencies_read, auditor, Scope::region},
    Permission{Action::agencies_read, agency_head, Scope::region},
    Permission{Action::agencies_read, agency_staff, Scope::region},
    Permission{Action::agencies_read, legislature, Scope::region},

    // Who has access to an agency's data: leadership and audit see every agency, an
    // assistant the agencies of the cluster, an agency its own.
    Permission{Action::agency_users_read, admin, Scope::region},
    Permission{Action::agency_users_read, governor, Scope::region},
    Permission{Action::agency_users_read, vice_governor, Scope::region},
    Permission{Action::agency_users_read, secretary, Scope::region},
    Permission{Action::agency_users_read, auditor, Scope::region},
    Permission{Action::agency_users_read, assistant, Scope::cluster},
    Permission{Action::agency_users_read, agency_head, Scope::own_agency},
    Permission{Action::agency_users_read, agency_staff, Scope::own_agency},

    // The organization registry (who holds which post) is open to everyone inside
    // government, but an assistant sees the cluster's agencies and an agency its own.
    Permission{Action::organization_read, admin, Scope::region},
    Permission{Action::organization_read, governor, Scope::region},
    Permission{Action::organization_read, vice_governor, Scope::region},
    Permission{Action::organization_read, secretary, Scope::region},
    Permission{Action::organization_read, planner, Scope::region},
    Permission{Action::organization_read, finance, Scope::region},
    Permission{Action::organization_read, auditor, Scope::region},
    Permission{Action::organization_read, legislature, Scope::region},
    Permission{Action::organization_read, assistant, Scope::cluster},
    Permission{Action::organization_read, agency_head, Scope::own_agency},
    Permission{Action::organization_read, agency_staff, Scope::own_agency},

    // Appointments and the registry's data belong to the personnel office (admin for now).
    Permission{Action::organization_manage, admin, Scope::region},

    // Individual attendance is personal data: the person, the agency head, the personnel
    // office and the Inspektorat only (issue 4).
    Permission{Action::attendance_read, admin, Scope::region},
    Permission{Action::attendance_read, auditor, Scope::region},
    Permission{Action::attendance_read, agency_head, Scope::own_agency},
    Permission{Action::attendance_read, governor, Scope::self},
    Permission{Action::attendance_read, vice_governor, Scope::self},
    Permission{Action::attendance_read, secretary, Scope::self},
    Permission{Action::attendance_read, assistant, Scope::self},
    Permission{Action::attendance_read, planner, Scope::self},
    Permission{Action::attendance_read, finance, Scope::self},
    Permission{Action::attendance_read, agency_staff, Scope::self},
    Permission{Action::attendance_read, legislature, Scope::self},

    // Rates per agency name no one: leadership, planning and audit see them all.
    Permission{Action::attendance_rates_read, admin, Scope::region},
    Permission{Action::attendance_rates_read, governor, Scope::region},
    Permission{Action::attendance_rates_read, vice_governor, Scope::region},
    Permission{Action::attendance_rates_read, secretary, Scope::region},
    Permission{Action::attendance_rates_read, planner, Scope::region},
    Permission{Action::attendance_rates_read, auditor, Scope::region},
    Permission{Action::attendance_rates_read, assistant, Scope::cluster},
    Permission{Action::attendance_rates_read, agency_head, Scope::own_agency},

    Permission{Action::attendance_import, admin, Scope::region},

    // The planning cascade is read by everyone inside the region: agencies align to the
    // region's objectives and see each other's programs (synergy hints, issue 5).
    Permission{Action::planning_read, admin, Scope::region},
    Permission{Action::planning_read, governor, Scope::region},
    Permission{Action::planning_read, vice_governor, Scope::region},
    Permission{Action::planning_read, secretary, Scope::region},
    Permission{Action::planning_read, assistant, Scope::region},
    Permission{Action::planning_read, planner, Scope::region},
    Permission{Action::planning_read, finance, Scope::region},
    Permission{Action::planning_read, auditor, Scope::region},
    Permission{Action::planning_read, legislature, Scope::region},
    Permission{Action::planning_read, agency_head, Scope::region},
    Permission{Action::planning_read, agency_staff, Scope::region},

    // The region plan is drafted by the planning agency (Bapperida); agencies write their own
    // Renstra and programs, which the planning agency may also correct.
    Permission{Action::planning_manage, admin, Scope::region},
    Permission{Action::planning_manage, planner, Scope::region},
    Permission{Action::planning_agency_manage, admin, Scope::region},
    Permission{Action::planning_agency_manage, planner, Scope::region},
    Permission{Action::planning_agency_manage, agency_head, Scope::own_agency},
    Permission{Action::planning_agency_manage, agency_staff, Scope::own_agency},

    // Targets of an adopted plan change only with leadership's approval.
    Permission{Action::planning_revisions_approve, governor, Scope::region},
    Permission{Action::planning_revisions_approve, vice_governor, Scope::region},
    Permission{Action::planning_revisions_approve, secretary, Scope::region},

    Permission{Action::national_priorities_manage, admin, Scope::region},
    Permission{Action::nomenclature_manage, admin, Scope::region},

    // The arithmetic check of a published report reads only the uploaded file and stores
    // nothing, so every signed-in role may use it (an inspector, a planner, an agency
    // checking its own draft before publishing).
    Permission{Action::report_check, admin, Scope::region},
    Permission{Action::report_check, governor, Scope::region},
    Permission{Action::report_check, vice_governor, Scope::region},
    Permission{Action::report_check, secretary, Scope::region},
    Permission{Action::report_check, assistant, Scope::region},
    Permission{Action::report_check, planner, Scope::region},
    Permission{Action::report_check, finance, Scope::region},
    Permission{Action::report_check, auditor, Scope::region},
    Permission{Action::report_check, legislature, Scope::region},
    Permission{Action::report_check, agency_head, Scope::region},
    Permission{Action::report_check, agency_staff, Scope::region},

    // Performance (issue 6): everyone inside the region sees agreements, realizations and
    // scorecards (leadership sees the process, agencies see each other's commitments).
    Permission{Action::performance_read, admin, Scope::region},
    Permission{Action::performance_read, governor, Scope::region},
    Permission{Action::performance_read, vice_governor, Scope::region},
    Permission{Action::performance_read, secretary, Scope::region},
    Permission{Action::performance_read, assistant, Scope::region},
    Permission{Action::performance_read, planner, Scope::region},
    Permission{Action::performance_read, finance, Scope::region},
    Permission{Action::performance_read, auditor, Scope::region},
    Permission{Action::performance_read, legislature, Scope::region},
    Permission{Action::performance_read, agency_head, Scope::region},
    Permission{Action::performance_read, agency_staff, Scope::region},
    // An agency drafts its own agreement; the planning agency may prepare drafts for any.
    Permission{Action::agreement_manage, agency_head, Scope::own_agency},
    Permission{Action::agreement_manage, agency_staff, Scope::own_agency},
    Permission{Action::agreement_manage, planner, Scope::region},
    // Who may take which signing step is the agreement workflow's rule (agreement.cpp).
    Permission{Action::agreement_workflow, agency_head, Scope::own_agency},
    Permission{Action::agreement_workflow, agency_staff, Scope::own_agency},
    Permission{Action::agreement_workflow, planner, Scope::region},
    Permission{Action::agreement_workflow, governor, Scope::region},
    Permission{Action::realization_report, agency_head, Scope::own_agency},
    Permission{Action::realization_report, agency_staff, Scope::own_agency},
    // The head submits, the planning agency verifies or returns (realization.cpp).
    Permission{Action::realization_workflow, agency_head, Scope::own_agency},
    Permission{Action::realization_workflow, planner, Scope::region},
    Permission{Action::reporting_windows_manage, planner, Scope::region},
    Permission{Action::reporting_windows_manage, admin, Scope::region},
    Permission{Action::predicate_scales_manage, planner, Scope::region},
    Permission{Action::predicate_scales_manage, admin, Scope::region},
};

bool scope_covers(Scope scope, const RoleGrant& grant, const Principal& principal,
                  const ResourceScope& resource) {
  switch (scope) {
    case Scope::anyone:
    case Scope::region:
      return true;  // the region itself is checked by the caller of scope_covers
    case Scope::self:
      return !resource.owner_user_id || (principal.user_id && *resource.owner_user_id == *principal.user_id);
    case Scope::cluster:
      if (resource.agency_id && !resource.agency_cluster) {
        return false;  // an agency outside every cluster belongs to no assistant
      }
      return !resource.agency_cluster || (grant.cluster && *resource.agency_cluster == *grant.cluster);
    case Scope::own_agency:
      return !resource.agency_id || (grant.agency_id && *resource.agency_id == *grant.agency_id);
  }
  return false;
}

}  // namespace

std::string_view action_name(Action action) {
  switch (action) {
    case Action::system_read:
      return "system.read";
    case Action::session_create:
      return "session.create";
    case Action::session_read:
      return "session.read";
    case Action::session_delete:
      return "session.delete";
    case Action::password_change:
      return "password.change";
    case Action::account_manage:
      return "account.manage";
    case Action::users_manage:
      return "users.manage";
    case Action::api_tokens_manage:
      return "api_tokens.manage";
    case Action::audit_read:
      return "audit.read";
    case Action::agencies_read:
      return "agencies.read";
    case Action::agency_users_read:
      return "agency_users.read";
    case Action::organization_read:
      return "organization.read";
    case Action::organization_manage:
      return "organization.manage";
    case Action::attendance_read:
      return "attendance.read";
    case Action::attendance_rates_read:
      return "attendance.rates.read";
    case Action::attendance_import:
      return "attendance.import";
    case Action::planning_read:
      return "planning.read";
    case Action::planning_manage:
      return "planning.manage";
    case Action::planning_agency_manage:
      return "planning.agency.manage";
    case Action::planning_revisions_approve:
      return "planning.revisions.approve";
    case Action::national_priorities_manage:
      return "national_priorities.manage";
    case Action::nomenclature_manage:
      return "nomenclature.manage";
    case Action::report_check:
      return "report_check.use";
    case Action::performance_read:
      return "performance.read";
    case Action::agreement_manage:
      return "agreements.manage";
    case Action::agreement_workflow:
      return "agreements.workflow";
    case Action::realization_report:
      return "realizations.report";
    case Action::realization_workflow:
      return "realizations.workflow";
    case Action::reporting_windows_manage:
      return "reporting_windows.manage";
    case Action::predicate_scales_manage:
      return "predicate_scales.manage";
  }
  return "unknown";
}

std::optional<Action> parse_action(std::string_view name) {
  for (Action action : kAllActions) {
    if (action_name(action) == name) {
      return action;
    }
  }
  return std::nullopt;
}

std::span<const Permission> permission_table() {
  return kPermissions;
}

bool may_take(const Principal& principal, Action action) {
  return may_take_on(principal, action, {});
}

bool may_take_on(const Principal& principal, Action action, const ResourceScope& resource) {
  if (resource.region_id && principal.region_id && *resource.region_id != *principal.region_id) {
    return false;
  }
  if (resource.region_id && !principal.region_id && principal.is_authenticated()) {
    return false;
  }
  for (const auto& permission : kPermissions) {
    // What anyone may do, a signed-in caller may do too, whatever the roles.
    if (permission.action == action && permission.scope == Scope::anyone) {
      return true;
    }
  }
  for (const auto& grant : principal.roles) {
    for (const auto& permission : kPermissions) {
      if (permission.action == action && permission.role == grant.role &&
          scope_covers(permission.scope, grant, principal, resource)) {
        return true;
      }
    }
  }
  return false;
}

std::vector<std::string> permission_names(const Principal& principal) {
  std::vector<std::string> names;
  for (Action action : kAllActions) {
    if (action == Action::system_read || action == Action::session_create) {
      continue;  // everyone has these; listing them tells the web app nothing
    }
    if (may_take(principal, action)) {
      names.emplace_back(action_name(action));
    }
  }
  return names;
}

}  // namespace sinergi::auth
