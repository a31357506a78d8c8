#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/auth/role.h"

namespace sinergi::auth {

// Who is calling: resolved once per request by the Authenticator and handed to every
// handler. An anonymous caller holds only the `public` role.
struct Principal {
  enum class Kind { anonymous, user, api_token };

  Kind kind = Kind::anonymous;
  std::optional<std::int64_t> user_id;       // kind == user
  std::optional<std::int64_t> api_token_id;  // kind == api_token
  std::optional<std::int64_t> session_id;    // kind == user, signed in with a session cookie
  std::string name;                          // username or token name, for the audit trail
  std::optional<std::int64_t> region_id;     // the region the caller belongs to
  std::vector<RoleGrant> roles;
  bool must_change_password = false;
  // SHA-256 hex of the session's CSRF token; empty for bearer tokens, which are not sent
  // by browsers on their own and so need no CSRF protection.
  std::string csrf_token_hash;

  static Principal anonymous() {
    Principal principal;
    principal.name = "anonim";
    principal.roles.push_back(RoleGrant{Role::public_, std::nullopt, {}, {}, std::nullopt});
    return principal;
  }

  bool is_authenticated() const { return kind != Kind::anonymous; }
  bool has_role(Role role) const {
    for (const auto& grant : roles) {
      if (grant.role == role) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace sinergi::auth
