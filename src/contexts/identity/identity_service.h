#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/identity/identity_repository.h"
#include "contexts/identity/user.h"
#include "core/result.h"
#include "platform/audit/call_context.h"
#include "platform/auth/principal.h"
#include "platform/auth/secured_router.h"

// The identity context's application service: signing in and out, sessions, password
// changes, user accounts and their roles, API tokens and the region's agencies.
//
// Every change runs in ONE transaction together with the audit event(s) describing it, so
// a change is never stored without its trail entry and vice versa. A change refused by
// validation writes nothing at all. Failed sign-ins are recorded in a transaction of their
// own (there is no change to go with).
//
// Region scoping: every call on behalf of a caller works inside caller.region_id only. An id
// from another region answers NotFound, exactly like an id that does not exist, so nothing
// reveals what other regions hold. A caller without a region gets Forbidden.
//
// Thread-safe: one instance serves every request.

namespace sinergi {
class Clock;
}
namespace sinergi::db {
class Database;
}
namespace sinergi::auth {
class PasswordHasher;
class LoginThrottle;
}  // namespace sinergi::auth

namespace sinergi::identity {

inline constexpr std::string_view kSessionCookieName = "sinergi_session";
// Every API token secret starts with this, so a leaked one is easy to recognise (secret
// scanners) and a bearer value without it is refused before any lookup.
inline constexpr std::string_view kApiTokenPrefix = "snrg_";
// The sign-in route.
inline constexpr std::string_view kSessionPath = "/api/v1/session";

struct IdentityOptions {
  // A session ends after this much inactivity...
  std::chrono::seconds idle_timeout = std::chrono::minutes(30);
  // ...and in any case this long after sign-in.
  std::chrono::seconds absolute_timeout = std::chrono::hours(12);
  // last_seen_at and the idle expiry of a session (last_used_at of a token) are written at
  // most this often, so that reading pages does not turn into a write per request.
  std::chrono::seconds activity_write_interval = std::chrono::minutes(1);
  // Adds "Secure" to the session cookie; enable whenever Sinergi is reached over HTTPS.
  bool secure_cookies = false;
};

// Where a call comes from, for the audit trail and the login throttle.
using CallContext = audit::CallContext;

// A successful sign-in. The secrets are returned once and stored only as hashes.
struct SignedIn {
  User user;
  auth::Principal principal;
  std::string session_token;  // the cookie's value
  std::string csrf_token;     // for X-CSRF-Token
  std::string set_cookie;     // the Set-Cookie header value
};

// Who the caller is, for GET /api/v1/session.
struct CurrentSession {
  std::optional<User> user;               // empty for an API token
  std::optional<std::string> csrf_token;  // empty unless signed in with a session cookie
  auth::Principal principal;
};

// One session of the caller's own, for the "active sessions" page.
struct SessionInfo {
  SessionId id{0};
  std::string created_at;
  std::string last_seen_at;
  std::string expires_at;  // the earlier of the idle and the absolute expiry
  std::string user_agent;
  std::string remote_address;
  bool current = false;
};

// PATCH of a user: unset fields stay as they are. For nip and email, a set outer optional
// holding nullopt clears the value.
struct UserChanges {
  std::int64_t version = 0;
  std::optional<std::string> display_name;
  std::optional<std::optional<std::string>> nip;
  std::optional<std::optional<std::string>> email;
  std::optional<bool> active;
};

struct CreatedApiToken {
  ApiTokenRecord token;
  std::string secret;  // "snrg_..."; shown once, stored only as its SHA-256
};

class IdentityService final : public auth::Authenticator {
 public:
  // REQUIRES: every argument outlives the service; the schema is migrated.
  IdentityService(db::Database& database, auth::PasswordHasher& hasher, auth::LoginThrottle& throttle,
                  const Clock& clock, IdentityOptions options = {});
  ~IdentityService() override;
  IdentityService(const IdentityService&) = delete;
  IdentityService& operator=(const IdentityService&) = delete;

  const IdentityOptions& options() const { return options_; }

  // --- Authentication (auth::Authenticator) ---

  // Resolves the caller of an HTTP request:
  //   "Authorization: Bearer snrg_..."  the API token with that secret (Principal kind
  //                                     api_token, with the token's roles and region);
  //   cookie sinergi_session            the session with that token (Principal kind user);
  //   neither                           Principal::anonymous().
  // A bearer token takes precedence over a cookie; another Authorization scheme is refused.
  // Unauthenticated when the token or session is unknown, revoked or expired (idle or
  // absolute), or the user is no longer active. (A stale cookie on the sign-in request is
  // let through as anonymous by auth::SecuredRouter, as for every route anyone may call.)
  // Side effect, at most once per activity_write_interval: a session's last_seen_at and
  // idle expiry move forward (sliding expiry), a token's last_used_at is set. This is
  // bookkeeping, not a change anyone made, so it is not audited: auditing it would flood
  // the trail with one event per minute per user and make every page view a write that
  // queues on the audit chain's lock.
  Result<auth::Principal> authenticate(http::Request& request) override;
  // The same, from the credentials themselves (for callers without an HTTP request).
  Result<auth::Principal> authenticate_credentials(const std::optional<std::string>& session_token,
                                                   const std::optional<std::string>& bearer_secret);

  // --- Sessions ---

  // Signs in. In this order:
  //   LoginThrottled {seconds}  too many recent failures for the username or the address
  //                             (the password is not even checked);
  //   InvalidCredentials        unknown or inactive user (after a dummy hash, so the answer
  //                             takes as long as a wrong password), or a wrong password; all
  //                             three are indistinguishable, and each is recorded in the
  //                             audit trail as session.login_failed;
  //   PasswordHashingBusy, MalformedPasswordHash  from the hasher.
  // On success: a new session whose token is 256 random bits, stored only as its SHA-256
  // (as is the CSRF token, derived from it: see csrf_token_for), idle expiry
  // options.idle_timeout and absolute expiry options.absolute_timeout from now;
  // session.login in the audit trail; the throttle cleared for the username.
  Result<SignedIn> sign_in(std::string_view username, std::string_view password, const CallContext& context);

  // The caller as GET /api/v1/session shows it. `session_token` is the cookie's value: the
  // CSRF token is derived from it (see csrf_token_for), so a page reload gets the same
  // token back without the server storing it in clear.
  Result<CurrentSession> current_session(const auth::Principal& caller,
                                         const std::optional<std::string>& session_token);

  // Ends the caller's current session (session.logout). Without a session (API token), does
  // nothing.
  Result<void> sign_out(const auth::Principal& caller, const CallContext& context);

  // The caller's own live sessions, newest first; empty for an API token.
  Result<std::vector<SessionInfo>> list_sessions(const auth::Principal& caller);

  // Ends one of the caller's own sessions (session.revoke). NotFound for a session that is
  // not the caller's, or already ended.
  Result<void> revoke_session(const auth::Principal& caller, SessionId session, const CallContext& context);

  // Changes the caller's own password. ValidationFailed with every problem at once:
  // current_password wrong ("salah" / "is wrong"), new_password against the policy
  // (auth::check_new_password) or equal to the current one. Wrong current passwords count
  // towards the login throttle (LoginThrottled), so a hijacked session cannot guess it
  // freely. On success: must_change_password cleared, every OTHER session of the user
  // ended, password.change audited. Forbidden for an API token.
  Result<void> change_password(const auth::Principal& caller, std::string_view current_password,
                               std::string_view new_password, const CallContext& context);

  // --- Users (administrators) ---

  // Validated query (page >= 1, page_size 1..100), ordered by username.
  Result<UserPage> list_users(const auth::Principal& caller, const UserQuery& query);
  // NotFound {"Pengguna"} when no such user in the caller's region.
  Result<User> get_user(const auth::Principal& caller, UserId id);

  // The NIP on a user's account, for other contexts that link a caller to the person they
  // are (attendance: "visible to the person"); empty for no such user or no NIP.
  Result<std::optional<std::string>> nip_of_user(UserId id);

  // Creates an account that must change its password at first sign-in (user.create).
  // ValidationFailed with every problem at once: the draft's fields (user.h), "username"
  // already taken, "password" against the policy, "roles[i]..." (resolve_roles).
  Result<User> create_user(const auth::Principal& caller, UserDraft draft, const CallContext& context);

  // Applies a PATCH (user.update for display_name/nip/email; user.activate or
  // user.deactivate for `active`; deactivation ends every session of the user). Conflict
  // when `changes.version` is not the stored version; ValidationFailed for bad fields, or
  // "active" when an administrator tries to deactivate themself.
  Result<User> update_user(const auth::Principal& caller, UserId id, const UserChanges& changes,
                           const CallContext& context);

  // Replaces the roles (user.roles_set). Conflict on a stale version; ValidationFailed as
  // resolve_roles, or "roles" when an administrator would remove their own admin role (so a
  // region never loses its last administrator by accident).
  Result<User> set_roles(const auth::Principal& caller, UserId id, std::int64_t version,
                         const std::vector<RoleRequest>& roles, const CallContext& context);

  // Sets a new password chosen by an administrator (user.password_reset): checked against
  // the policy ("new_password"), must be changed at the next sign-in, and every session of
  // the user ends.
  Result<void> reset_password(const auth::Principal& caller, UserId id, std::string_view new_password,
                              const CallContext& context);

  // --- Agencies ---

  // The active agencies of the caller's region, in the seed's order.
  Result<std::vector<Agency>> list_agencies(const auth::Principal& caller);

  // The active users with access to the agency's data (see
  // IdentityStore::users_with_access_to). NotFound {"Perangkat daerah"} for an unknown code;
  // Forbidden unless may_take_on(caller, agency_users_read, that agency) holds (an agency
  // role sees only its own agency, an assistant only the cluster's).
  Result<std::vector<User>> users_of_agency(const auth::Principal& caller, std::string_view agency_code);

  // The principal of an active user, for operator commands that act in a person's name (the
  // demo's signatures); none when there is no such active user.
  Result<std::optional<auth::Principal>> principal_of_username(const std::string& username);

  // --- API tokens (administrators) ---

  // Every token of the region, newest first, revoked ones included.
  Result<std::vector<ApiTokenRecord>> list_api_tokens(const auth::Principal& caller);
  // A new token (api_token.create). ValidationFailed for "name" or "roles[i]...".
  Result<CreatedApiToken> create_api_token(const auth::Principal& caller, std::string_view name,
                                           const std::vector<RoleRequest>& roles, const CallContext& context);
  // Revokes a token (api_token.revoke); a token already revoked stays so, without a new
  // event. NotFound {"Token API"} when not in the caller's region.
  Result<void> revoke_api_token(const auth::Principal& caller, ApiTokenId id, const CallContext& context);

  // The CSRF token of the session whose cookie value is `session_token`: a one-way function
  // of it, so it can be recomputed from the cookie but reveals nothing about it. The
  // session stores sha256_hex of this value (Principal::csrf_token_hash).
  static std::string csrf_token_for(std::string_view session_token);

  // The Set-Cookie value that deletes the session cookie.
  std::string expired_session_cookie() const;

 private:
  Result<RegionId> region_of(const auth::Principal& caller) const;
  Result<auth::Principal> authenticate_session(const std::string& token);
  Result<auth::Principal> authenticate_api_token(const std::string& secret);
  void record_failed_sign_in(const std::string& username, const std::optional<UserRecord>& user,
                             const CallContext& context);

  std::unique_ptr<IdentityRepository> repository_;
  auth::PasswordHasher& hasher_;
  auth::LoginThrottle& throttle_;
  const Clock& clock_;
  IdentityOptions options_;
};

// The principal of `user` (kind user), without session details.
auth::Principal principal_for(const User& user);

// --- Operator commands ---

// `sinergi user create --username NAME --role ROLE [--agency CODE] [--cluster C]
//  [--region CODE] [--region-name NAME] --password-stdin`
struct CreateUserCommand {
  std::string username;
  std::optional<std::string> display_name;  // the username when not given
  std::string role;
  std::optional<std::string> agency_code;
  std::optional<std::string> cluster;
  std::optional<std::string> region_code;  // Kemendagri code: "64", "64.71"
  std::optional<std::string> region_name;  // creates the region when it does not exist
  std::string password;
};

// Creates one account from the command line, typically the first administrator. The
// region: --region CODE if it exists; created when --region-name is given too (level from
// the code: "64" province, "64.71".."64.99" city, "64.01".."64.70" regency, as Kemendagri
// numbers them); without --region, the only region there is. InvalidInput with a message
// saying what to pass otherwise. The account does NOT have to change its password: the
// operator chose it just now, on standard input, and a bootstrap administrator forced to
// change it before anything else would gain nothing. Audited as actor system "cli"
// (region.create, user.create). Fails with ValidationFailed as create_user does, Conflict
// when the username exists.
Result<User> create_user_from_command_line(db::Database& database, auth::PasswordHasher& hasher,
                                           const Clock& clock, CreateUserCommand command);

struct DemoIdentityReport {
  int regions_created = 0;
  int agencies_created = 0;
  int users_created = 0;
};

// The password of every demo account (docs/api/identity.md).
inline constexpr std::string_view kDemoPassword = "Sinergi-Demo-2026";

// Loads the demo identity data: region 64 "Provinsi Kalimantan Timur", its agencies from
// db/seed/agencies_kaltim.csv (embedded) and the twelve demo accounts of
// docs/api/identity.md, with kDemoPassword and no forced change. Idempotent: what exists is
// left alone (a second run creates nothing). Audited as actor system "demo".
Result<DemoIdentityReport> load_identity_demo(db::Database& database, auth::PasswordHasher& hasher,
                                              const Clock& clock);

}  // namespace sinergi::identity
