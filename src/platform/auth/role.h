#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sinergi::auth {

// The roles of RULES.md and issue 3. `public_` is the anonymous caller.
enum class Role {
  admin,          // system administration
  governor,       // Gubernur
  vice_governor,  // Wakil Gubernur
  secretary,      // Sekretaris Daerah (Sekda)
  assistant,      // Asisten I/II/III: scope is a cluster of agencies
  planner,        // Bappeda/Bapperida: verifies data, owns the plan
  finance,        // BPKAD/PPKD
  auditor,        // Inspektorat: reads everything, reviews
  agency_head,    // Kepala OPD: scope is one agency
  agency_staff,   // operator OPD: scope is one agency
  legislature,    // Sekretariat DPRD: reads published and submitted material
  public_,        // anonymous: published data only
};

inline constexpr Role kAllRoles[] = {
    Role::admin,   Role::governor, Role::vice_governor, Role::secretary,    Role::assistant,   Role::planner,
    Role::finance, Role::auditor,  Role::agency_head,   Role::agency_staff, Role::legislature, Role::public_};

// "admin", "vice_governor", ..., "public".
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

// Roles whose scope is one agency, and the role whose scope is a cluster.
constexpr bool role_needs_agency(Role role) {
  return role == Role::agency_head || role == Role::agency_staff;
}
constexpr bool role_needs_cluster(Role role) {
  return role == Role::assistant;
}

// The clusters of agencies each assistant supervises (Asisten I, II, III).
inline constexpr std::string_view kClusters[] = {"asisten_1", "asisten_2", "asisten_3"};
bool is_cluster(std::string_view name);

// One role held by a user or token, with its scope where the role has one.
struct RoleGrant {
  Role role = Role::public_;
  std::optional<std::int64_t> agency_id;  // agency_head, agency_staff
  std::string agency_code;                // for display and messages
  std::string agency_name;
  std::optional<std::string> cluster;  // assistant

  bool operator==(const RoleGrant&) const = default;
};

}  // namespace sinergi::auth
