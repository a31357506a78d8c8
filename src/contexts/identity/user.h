#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/id.h"
#include "core/nip.h"
#include "core/result.h"
#include "core/tenancy.h"
#include "platform/auth/role.h"

// The identity context's domain: regions, agencies, user accounts and the rules their
// fields obey. Nothing here touches storage or HTTP; the validators collect FieldErrors so
// that one answer can report every problem of a request at once.

namespace sinergi::identity {

using UserId = Id<struct UserTag>;
using SessionId = Id<struct SessionTag>;
using ApiTokenId = Id<struct ApiTokenTag>;

// Pemda: a province, regency or city, named by its Kemendagri code ("64", "64.71").
struct Region {
  RegionId id{0};
  std::string code;
  std::string name;
  std::string level;  // "province", "regency" or "city"

  bool operator==(const Region&) const = default;
};

// OPD: one agency of a region. `code` is what URLs and role assignments name ("Dinkes").
struct Agency {
  AgencyId id{0};
  RegionId region_id{0};
  std::string code;
  std::string short_name;
  std::string name;
  std::string kind;                    // "dinas", "badan", "rsud", ...
  std::optional<std::string> cluster;  // the assistant who supervises it, if any
  bool active = true;
};

// A role as a caller asks for it, by names: {"agency_head", "Dinkes", none}.
struct RoleRequest {
  std::string role;
  std::optional<std::string> agency_code;
  std::optional<std::string> cluster;
};

// A user account as the API shows it. Never carries the password hash.
struct User {
  UserId id{0};
  Region region;
  std::string username;  // lower case
  std::string display_name;
  std::optional<std::string> nip;
  std::optional<std::string> email;
  bool active = true;
  bool must_change_password = false;
  std::vector<auth::RoleGrant> roles;
  std::string created_at;  // ISO-8601 UTC with milliseconds
  std::string updated_at;
  std::int64_t version = 1;

  bool operator==(const User&) const = default;
};

// What an administrator submits to create an account.
struct UserDraft {
  std::string username;
  std::string display_name;
  std::optional<std::string> nip;
  std::optional<std::string> email;
  std::string password;
  std::vector<RoleRequest> roles;
};

// Limits of the fields, shared by the validators and the HTTP layer's length checks.
inline constexpr std::size_t kMaxUsernameLength = 64;
inline constexpr std::size_t kMaxDisplayNameCharacters = 120;
inline constexpr std::size_t kMaxEmailLength = 254;
inline constexpr std::size_t kMaxRolesPerAccount = 20;
inline constexpr std::size_t kMaxTokenNameCharacters = 120;

// Surrounding ASCII whitespace removed and ASCII letters lower-cased; every other byte is
// kept, so the validator can reject it.
std::string normalize_username(std::string_view username);

// Each check appends its problems to `errors` under `field` and leaves it alone when the
// value is fine. Messages are Indonesian with an English translation.

// REQUIRES: `username` already normalized. Must match ^[a-z0-9][a-z0-9._-]{2,63}$.
void check_username(std::string_view username, std::vector<FieldError>& errors,
                    std::string_view field = "username");

// 1 to kMaxDisplayNameCharacters code points of valid UTF-8, not only whitespace, no
// control characters.
void check_display_name(std::string_view display_name, std::vector<FieldError>& errors,
                        std::string_view field = "display_name");

// NIP validation lives in core (core/nip.h), shared with the organization context; the
// using-declaration keeps identity::check_nip working for this context's callers.
using sinergi::check_nip;

// A basic shape check: at most kMaxEmailLength bytes, no whitespace or control characters,
// exactly one '@' with a non-empty local part, and a domain with a dot that neither starts
// nor ends it.
void check_email(std::string_view email, std::vector<FieldError>& errors, std::string_view field = "email");

// A name for an API token: 1 to kMaxTokenNameCharacters code points, as for display names.
void check_token_name(std::string_view name, std::vector<FieldError>& errors,
                      std::string_view field = "name");

// Turns requested roles into grants, checking each against the agencies of the caller's
// region (`agencies`): at least one role and at most kMaxRolesPerAccount; every role a known
// name other than "public"; agency_head and agency_staff name an existing active agency in
// `agency_code`; assistant names a cluster asisten_1, asisten_2 or asisten_3; other roles
// carry neither; no grant twice. Problems are reported under "roles" or
// "<field>[<index>].role", ".agency_code", ".cluster". The grants returned are complete
// only when nothing was appended to `errors`.
std::vector<auth::RoleGrant> resolve_roles(const std::vector<RoleRequest>& requests,
                                           const std::vector<Agency>& agencies,
                                           std::vector<FieldError>& errors, std::string_view field = "roles");

// An optional text field as typed: surrounding ASCII whitespace removed, and an empty
// result counts as absent (the web app sends "" for an emptied input).
std::optional<std::string> optional_text(const std::optional<std::string>& text);

// Every problem of a new account except the password (checked by the password policy) and
// the roles (resolve_roles, which needs the region's agencies). Normalizes the draft in
// place: username as normalize_username, display name trimmed, nip and email as
// optional_text.
void check_user_draft(UserDraft& draft, std::vector<FieldError>& errors);

// Collected problems as one result: success when `errors` is empty, otherwise
// ValidationFailed carrying all of them in order.
Result<void> validation_result(std::vector<FieldError> errors);

}  // namespace sinergi::identity
