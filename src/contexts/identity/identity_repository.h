#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contexts/identity/user.h"
#include "core/result.h"
#include "platform/db/unit_of_work.h"

// The identity context's storage port. The service states WHAT it reads and writes through
// IdentityStore; the adapter (sql_identity_repository.cpp) owns the SQL and the transaction.
// Every write and the audit event describing it go through the same IdentityStore, so they
// commit or roll back together.

namespace sinergi {
class Clock;
}
namespace sinergi::db {
class Database;
}
namespace sinergi::audit {
struct AuditEvent;
}

namespace sinergi::identity {

// A user row with what only the service may see.
struct UserRecord {
  User user;
  std::string password_hash;
};

// Filters of the user list; unset ones are not applied.
struct UserQuery {
  std::optional<std::string> search;  // substring of username, display name or NIP, any case
  std::optional<bool> active;
  std::optional<auth::Role> role;
  std::int64_t page = 1;  // 1-based
  std::int64_t page_size = 20;
};

struct UserPage {
  std::vector<User> items;
  std::int64_t total = 0;  // matching users on all pages
};

// What an insert needs besides the User fields (whose id, timestamps and version it ignores).
struct NewUser {
  RegionId region_id{0};
  std::string username;
  std::string display_name;
  std::optional<std::string> nip;
  std::optional<std::string> email;
  std::string password_hash;
  bool must_change_password = true;
  bool active = true;
  std::vector<auth::RoleGrant> roles;
  std::string now;  // created_at and updated_at
};

struct SessionRecord {
  SessionId id{0};
  UserId user_id{0};
  std::string token_hash;
  std::string csrf_token_hash;
  std::string created_at;
  std::string last_seen_at;
  std::string idle_expires_at;
  std::string absolute_expires_at;
  std::string user_agent;
  std::string remote_address;
  std::optional<std::string> revoked_at;
};

struct ApiTokenRecord {
  ApiTokenId id{0};
  RegionId region_id{0};
  std::string name;
  std::string token_hash;
  UserId created_by_user_id{0};
  std::string created_by_name;  // the creator's display name
  std::string created_at;
  std::optional<std::string> last_used_at;
  std::optional<std::string> revoked_at;
  std::vector<auth::RoleGrant> roles;
};

// Operations inside one transaction. Lookups that find nothing return nullopt; storage
// failures are DatabaseError / DatabaseUnavailable / Conflict (see db::Database).
// Every lookup of a region-owned row takes the region, so nothing leaks across regions.
class IdentityStore {
 public:
  virtual ~IdentityStore() = default;

  // Regions.
  virtual Result<std::optional<Region>> find_region(RegionId id) = 0;
  virtual Result<std::optional<Region>> find_region_by_code(const std::string& code) = 0;
  virtual Result<std::vector<Region>> list_regions() = 0;
  virtual Result<Region> insert_region(const std::string& code, const std::string& name,
                                       const std::string& level) = 0;

  // Agencies, in id order (the seed's order).
  virtual Result<std::vector<Agency>> agencies_of_region(RegionId region) = 0;
  // Inserts the agency unless one with its code exists in its region; true when inserted.
  virtual Result<bool> insert_agency_if_missing(const Agency& agency) = 0;

  // Users.
  virtual Result<std::optional<User>> find_user(RegionId region, UserId id) = 0;
  // By id in any region, for authentication only: a session or token names the user, and
  // the region comes from the user. Every other lookup takes the caller's region.
  virtual Result<std::optional<UserRecord>> find_user_by_id(UserId id) = 0;
  // By (normalized) username in any region: sign-in knows no region yet.
  virtual Result<std::optional<UserRecord>> find_user_by_username(const std::string& username) = 0;
  virtual Result<UserPage> search_users(RegionId region, const UserQuery& query) = 0;
  // Active users who may see the agency's data: its agency_head and agency_staff, the
  // assistant of its cluster, governor, vice_governor, secretary, auditor and admin.
  virtual Result<std::vector<User>> users_with_access_to(RegionId region, const Agency& agency) = 0;
  virtual Result<User> insert_user(const NewUser& user) = 0;

  // The UpdateHour pattern: loads the user (locking the row for the rest of the
  // transaction), checks `expected_version` when given (a mismatch is Conflict), lets
  // `update` change the record, then writes it back with version + 1 and updated_at = now,
  // guarded by "WHERE version = <the version read>" (zero rows is Conflict). Any error from
  // `update` is returned as is and nothing is written. NotFound {"Pengguna"} when there is
  // no such user in the region. When `update` changed nothing, nothing is written and the
  // record is returned as it was (same version). Roles are rewritten only when changed.
  using UserUpdate = std::function<Result<void>(UserRecord&)>;
  virtual Result<UserRecord> update_user(RegionId region, UserId id,
                                         std::optional<std::int64_t> expected_version, const std::string& now,
                                         const UserUpdate& update) = 0;

  // Sessions.
  virtual Result<SessionId> insert_session(const SessionRecord& session) = 0;
  virtual Result<std::optional<SessionRecord>> find_session_by_token_hash(const std::string& token_hash) = 0;
  // Sessions of the user not revoked and not expired at `now`, newest first.
  virtual Result<std::vector<SessionRecord>> live_sessions_of_user(UserId user, const std::string& now) = 0;
  virtual Result<void> touch_session(SessionId id, const std::string& last_seen_at,
                                     const std::string& idle_expires_at) = 0;
  // Marks one session of the user revoked; false when the user has no such unrevoked
  // session.
  virtual Result<bool> revoke_session(UserId user, SessionId id, const std::string& now) = 0;
  // Revokes every unrevoked session of the user except `keep`; returns how many.
  virtual Result<std::int64_t> revoke_sessions_of_user(UserId user, std::optional<SessionId> keep,
                                                       const std::string& now) = 0;

  // API tokens.
  virtual Result<ApiTokenRecord> insert_api_token(const ApiTokenRecord& token) = 0;
  virtual Result<std::optional<ApiTokenRecord>> find_api_token_by_hash(const std::string& token_hash) = 0;
  virtual Result<std::optional<ApiTokenRecord>> find_api_token(RegionId region, ApiTokenId id) = 0;
  // Newest first, revoked ones included.
  virtual Result<std::vector<ApiTokenRecord>> api_tokens_of_region(RegionId region) = 0;
  virtual Result<void> revoke_api_token(ApiTokenId id, const std::string& now) = 0;
  virtual Result<void> touch_api_token(ApiTokenId id, const std::string& last_used_at) = 0;

  // Appends to the audit trail within this transaction.
  // REQUIRES: the last write of the transaction (the chain head stays locked until commit).
  virtual Result<void> append_audit(const audit::AuditEvent& event) = 0;
};

// Runs units of work against storage. Thread-safe.
class IdentityRepository {
 public:
  using Work = std::function<Result<void>(IdentityStore&)>;

  virtual ~IdentityRepository() = default;
  // One read-write transaction: committed when `work` succeeds, rolled back otherwise.
  virtual Result<void> write(const Work& work) = 0;
  // One read-only transaction.
  virtual Result<void> read(const Work& work) = 0;
};

// The SQL adapter over SQLite and PostgreSQL. Audit events are stamped with `clock`.
// REQUIRES: `database` and `clock` outlive the repository; the schema is migrated.
std::unique_ptr<IdentityRepository> make_sql_identity_repository(db::Database& database, const Clock& clock);

// write_transaction / read_transaction (platform/db/unit_of_work.h) run a unit of work
// returning a value.
using db::read_transaction;
using db::write_transaction;

}  // namespace sinergi::identity
