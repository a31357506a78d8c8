#include "platform/auth/role.h"

#include <algorithm>

namespace sinergi::auth {

std::string_view role_name(Role role) {
  switch (role) {
    case Role::admin:
      return "admin";
    case Role::governor:
      return "governor";
    case Role::vice_governor:
      return "vice_governor";
    case Role::secretary:
      return "secretary";
    case Role::assistant:
      return "assistant";
    case Role::planner:
      return "planner";
    case Role::finance:
      return "finance";
    case Role::auditor:
      return "auditor";
    case Role::agency_head:
      return "agency_head";
    case Role::agency_staff:
      return "agency_staff";
    case Role::legislature:
      return "legislature";
    case Role::public_:
      return "public";
  }
  return "public";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role role : kAllRoles) {
    if (role_name(role) == name) {
      return role;
    }
  }
  return std::nullopt;
}

bool is_cluster(std::string_view name) {
  return std::find(std::begin(kClusters), std::end(kClusters), name) != std::end(kClusters);
}

}  // namespace sinergi::auth
