#pragma once

#include <nlohmann/json_fwd.hpp>
#include <vector>

#include "contexts/identity/identity_repository.h"
#include "contexts/identity/user.h"
#include "platform/auth/role.h"

// The identity context's objects as JSON: the shapes of docs/api/identity.md for the HTTP
// layer, and the snapshots the audit trail diffs. Only this file and the routes build JSON.

namespace sinergi::identity {

// {"role", "agency_code", "agency_name", "cluster"}, nulls where a role has no scope.
nlohmann::json role_grants_json(const std::vector<auth::RoleGrant>& grants);

// The User object of the contract: {"id", "username", "display_name", "nip", "email",
// "active", "must_change_password", "region": {"id", "code", "name"}, "roles",
// "created_at", "updated_at", "version"}.
nlohmann::json user_json(const User& user);

// {"code", "short_name", "name", "kind", "cluster"}.
nlohmann::json agency_json(const Agency& agency);

// {"id", "name", "roles", "created_at", "created_by": {"id", "name"}, "last_used_at",
// "revoked_at"}. Never the hash.
nlohmann::json api_token_json(const ApiTokenRecord& token);

// What the audit trail records of a user: the fields an administrator edits, roles as
// {"role", "agency_code", "cluster"}. No ids, timestamps, version or password hash.
nlohmann::json user_audit_snapshot(const User& user);

// The same for a token: {"name", "roles"}.
nlohmann::json api_token_audit_snapshot(const ApiTokenRecord& token);

}  // namespace sinergi::identity
