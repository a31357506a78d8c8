#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/auth/principal.h"
#include "platform/auth/role.h"

namespace sinergi::auth {

// Everything a caller can ask Sinergi to do. Every route declares exactly one action,
// and the permission table (permissions.cpp) is the only place that decides who may
// take it. Names ("users.manage") are what the web app receives in `permissions`.
enum class Action {
  system_read,                 // health, readiness, metrics, the API document
  session_create,              // sign in
  session_read,                // who am I
  session_delete,              // sign out
  password_change,             // change one's own password
  account_manage,              // list and revoke one's own sessions
  users_manage,                // create, edit, deactivate users, assign roles, reset passwords
  api_tokens_manage,           // create and revoke API tokens
  audit_read,                  // read the audit trail
  agencies_read,               // the list of agencies
  agency_users_read,           // who has access to an agency's data
  organization_read,           // units, positions, people, assignments, vacancies, org charts
  organization_manage,         // create and edit agencies, units, positions, people, assignments; imports
  attendance_read,             // a person's attendance records and discipline sanction level
  attendance_rates_read,       // unexcused-absence rates per agency (no names)
  attendance_import,           // load attendance records from the attendance machines
  planning_read,               // the planning cascade, its indicators, tree, alignment report, versions
  planning_manage,             // the region plan (missions, goals, objectives), adoption, revision proposals
  planning_agency_manage,      // an agency's goals, objectives, programs, activities and their indicators
  planning_revisions_approve,  // approve or reject a revision of an adopted plan's targets
  national_priorities_manage,  // national priorities beyond the built-in Asta Cita
  nomenclature_manage,         // the national nomenclature list of programs and (sub-)activities
  report_check,                // the auditor's arithmetic check of a published report (stores nothing)
  performance_read,            // agreements, realizations with evidence, scorecards, monitoring reports
  agreement_manage,            // draft and edit an agency's performance agreement, propose a revision
  agreement_workflow,          // submit, sign or return an agreement (the workflow decides which step)
  realization_report,          // enter an agency's realization with its evidence
  realization_workflow,        // submit, verify or return a realization (the workflow decides which step)
  reporting_windows_manage,    // the open and close dates of each quarter's reporting
  predicate_scales_manage,     // choose the year's predicate scale (a preset or the region's own)
};

inline constexpr Action kAllActions[] = {Action::system_read,
                                         Action::session_create,
                                         Action::session_read,
                                         Action::session_delete,
                                         Action::password_change,
                                         Action::account_manage,
                                         Action::users_manage,
                                         Action::api_tokens_manage,
                                         Action::audit_read,
                                         Action::agencies_read,
                                         Action::agency_users_read,
                                         Action::organization_read,
                                         Action::organization_manage,
                                         Action::attendance_read,
                                         Action::attendance_rates_read,
                                         Action::attendance_import,
                                         Action::planning_read,
                                         Action::planning_manage,
                                         Action::planning_agency_manage,
                                         Action::planning_revisions_approve,
                                         Action::national_priorities_manage,
                                         Action::nomenclature_manage,
                                         Action::report_check,
                                         Action::performance_read,
                                         Action::agreement_manage,
                                         Action::agreement_workflow,
                                         Action::realization_report,
                                         Action::realization_workflow,
                                         Action::reporting_windows_manage,
                                         Action::predicate_scales_manage};

std::string_view action_name(Action action);
std::optional<Action> parse_action(std::string_view name);

// How far a role's permission reaches.
enum class Scope {
  anyone,      // no login needed (system endpoints, signing in)
  self,        // the caller's own account
  region,      // everything in the caller's region
  cluster,     // agencies of the assistant's cluster
  own_agency,  // the one agency of an agency role
};

// One row of the permission table: `role` may take `action` within `scope`.
struct Permission {
  Action action;
  Role role;
  Scope scope;
};

// The whole table, for documentation and tests.
std::span<const Permission> permission_table();

// What a request is about, as far as scope goes. Unset fields are not checked.
struct ResourceScope {
  std::optional<std::int64_t> region_id{};
  std::optional<std::int64_t> agency_id{};
  std::optional<std::string> agency_cluster{};
  std::optional<std::int64_t> owner_user_id{};
};

// True when any of the caller's roles may take the action on some resource: the check a
// route makes before its handler runs.
bool may_take(const Principal& principal, Action action);

// True when any of the caller's roles may take the action on this resource: the check a
// handler makes once it knows which agency, user or region the request is about.
// A resource of another region is always refused.
bool may_take_on(const Principal& principal, Action action, const ResourceScope& resource);

// Names of the actions the caller may take somewhere (for the web app's navigation).
std::vector<std::string> permission_names(const Principal& principal);

}  // namespace sinergi::auth
