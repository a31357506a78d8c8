#pragma once

// The audit trail: every mutation appends one event, in the transaction of the change it
// describes, to a hash chain that anyone holding the database can check (verify.h).
//
// THE CANONICAL FORM (what each event's hash covers; auditors recompute it independently)
//
//   text = the JSON array, written with no whitespace at all,
//     [sequence, occurred_at, actor_type, actor_id, actor_name, region_id, action, outcome,
//      entity_type, entity_id, changes, request_id, remote_address, previous_hash]
//   hash = lower-case hexadecimal SHA-256 of the UTF-8 bytes of `text` (64 characters).
//
// Each element is the value of the stored column of the same name (table audit_events):
//   - sequence, actor_id, region_id: JSON integers in decimal, or null.
//   - occurred_at, actor_type, actor_name, action, outcome, entity_type, entity_id,
//     request_id, remote_address, previous_hash: JSON strings, or null where the column is
//     NULL (actor_id, region_id, entity_id, request_id, remote_address may be).
//   - changes: the stored `changes` text, spliced in unchanged. It is a JSON array with one
//     object per FieldChange, in the order given, each with exactly the keys "after",
//     "before", "field" written in that (byte) order, e.g.
//       [{"after":"Budi Santoso","before":"Budi","field":"full_name"}]
//     Objects nested inside "before"/"after" likewise have their keys in byte order.
// This is exactly what nlohmann::json::dump() produces (indent -1, ensure_ascii false,
// error_handler_t::replace) for a nlohmann::json array of those values:
//   - strings are raw UTF-8; only '"' and '\' are escaped as \" and \\, and the control
//     characters U+0000..U+001F as \b \f \n \r \t or \u00xx (lower-case hex); "/" and
//     non-ASCII characters are not escaped;
//   - integers are plain decimal; other numbers in the shortest form that reads back to
//     the same double (97.25, 2.0, 1e+20); NaN and infinities are written as null. Pass
//     decimals as strings ("97.25"), as the rest of Sinergi does, and no float is needed;
//   - true, false and null are written as such.
// The first event's previous_hash is kGenesisHash; each later one's is the hash of the
// event before it.
//
// Text is kept valid UTF-8 so the same bytes are stored and hashed: in the columns, bytes
// that are not valid UTF-8 and NUL characters become U+FFFD before hashing; inside
// `changes`, invalid bytes become U+FFFD (the serializer's "replace" handler) and NUL is
// escaped as \u0000.

#include <soci/soci.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "platform/db/database.h"
#include "platform/db/database_url.h"

namespace sinergi::audit {

// previous_hash of the first event, and the head's hash while the trail is empty.
inline constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What a redacted secret's before and after hold (see redacted_change()).
inline constexpr std::string_view kRedacted = "[redacted]";

enum class ActorType { user, api_token, system, anonymous };

// "user", "api_token", "system", "anonymous": the stored text.
std::string_view actor_type_name(ActorType type);
// The inverse of actor_type_name(); std::nullopt for any other text.
std::optional<ActorType> parse_actor_type(std::string_view text);

// Who did it. `id` is the user id (user) or the token id (api_token), and empty for system
// and anonymous actors; `name` is the username, the token's name, "system" or what the
// anonymous caller typed (e.g. the username of a failed sign-in).
struct Actor {
  ActorType type = ActorType::system;
  std::optional<std::int64_t> id;
  std::string name;

  bool operator==(const Actor&) const = default;
};

enum class Outcome { success, denied, failed };

// "success", "denied", "failed": the stored text.
std::string_view outcome_name(Outcome outcome);
// The inverse of outcome_name(); std::nullopt for any other text.
std::optional<Outcome> parse_outcome(std::string_view text);

// One changed field: its value before and after, null where the field was absent (the
// entity was created, or deleted, or the field was added or removed).
struct FieldChange {
  std::string field;
  nlohmann::json before;
  nlohmann::json after;

  bool operator==(const FieldChange& other) const {
    return field == other.field && before == other.before && after == other.after;
  }
};

// What a caller reports about one attempted change.
struct AuditEvent {
  Actor actor;
  // The region the entity belongs to; empty for instance-wide events (system settings,
  // sign-in attempts before the user is known). Listing scoped to a region hides those.
  std::optional<std::int64_t> region_id;
  // "<entity>.<verb>" in lower case, e.g. "user.create", "session.login_failed". Required.
  std::string action;
  Outcome outcome = Outcome::success;
  // e.g. "user", "indicator". Required.
  std::string entity_type;
  // The entity's id as text; empty when there is none (e.g. a denied create).
  std::optional<std::string> entity_id;
  // Secrets must already be redacted: see diff_fields().
  std::vector<FieldChange> changes;
  // The request's id and the caller's address; empty when not from a request (stored as
  // NULL, null in the canonical form).
  std::string request_id;
  std::string remote_address;
};

// An event as stored in the chain.
struct AuditRecord {
  std::int64_t sequence = 0;
  // "2026-11-23T21:07:47.123Z": UTC with milliseconds, read from the Clock after the head
  // row's lock was taken, so it never decreases along the chain unless the clock does.
  std::string occurred_at;
  Actor actor;
  std::optional<std::int64_t> region_id;
  std::string action;
  Outcome outcome = Outcome::success;
  std::string entity_type;
  std::optional<std::string> entity_id;
  std::vector<FieldChange> changes;
  std::string request_id;      // empty when none
  std::string remote_address;  // empty when none
  std::string previous_hash;
  std::string hash;

  bool operator==(const AuditRecord&) const = default;
};

// Appends `event` to the chain: locks the head row (PostgreSQL SELECT ... FOR UPDATE; on
// SQLite the BEGIN IMMEDIATE transaction already holds the write lock), stamps the event
// with sequence = head + 1 and clock.now(), hashes it (see the canonical form above),
// inserts it and moves the head. Returns the stored record, its text fields as stored
// (valid UTF-8).
// The head's lock is held until the caller's transaction ends, so every writer of the
// trail queues behind it: append as the LAST step of the transaction, after the change's
// own writes, to keep that wait short and to avoid deadlocks with rows the transaction
// would lock afterwards. Several appends in one transaction get consecutive sequences.
// Fails with:
//   InvalidInput    event.action or event.entity_type is empty; nothing is written
//   DatabaseError   the audit tables are missing, or the head row is (tampering)
//   DatabaseUnavailable, Conflict   as for any statement (see db::Database)
// Return any error from the transaction's function, so the change rolls back with it:
// a change that cannot be audited must not happen.
// REQUIRES: called inside Database::with_transaction (the caller's transaction), on
// `session` whose backend is `backend`, so the event commits or rolls back with the change
// it describes.
Result<AuditRecord> append(soci::session& session, db::Backend backend, const AuditEvent& event,
                           const Clock& clock);

// Appends `event` in a transaction of its own, for attempts whose own transaction did not
// commit or never began: a denied request (Outcome::denied), a failed sign-in, a change
// that failed validation (Outcome::failed). Fails as append() and Database::with_transaction
// do.
// REQUIRES: the calling thread holds no connection of `database` (it takes one).
Result<AuditRecord> append_in_own_transaction(db::Database& database, const AuditEvent& event,
                                              const Clock& clock);

// The changes between two states of an entity, as JSON objects (null for "did not exist":
// the before of a create, the after of a delete): one FieldChange per top-level key whose
// value differs, absent counting as null, in byte order of the keys. Values are compared
// whole (a nested object that changed is one FieldChange). A `before` or `after` that is
// neither an object nor null is compared as a whole, as the field "".
// Secrets (password hashes, token hashes, TOTP seeds) must never reach the trail: remove
// them from both objects before calling, and when one changed add redacted_change(field)
// to the result, which records that it changed but not its value.
std::vector<FieldChange> diff_fields(const nlohmann::json& before, const nlohmann::json& after);

// {field, "[redacted]", "[redacted]"}: a secret that changed, without its values.
FieldChange redacted_change(std::string field);

struct ChainHead {
  std::int64_t sequence = 0;  // the last event's sequence, 0 while the trail is empty
  std::string hash;           // the last event's hash, kGenesisHash while the trail is empty
};

// The head row as stored, for backups and reports ("trail at sequence N, hash H"). Not a
// verification: use verify_chain() for that. Fails with DatabaseError when the audit tables
// or the head row are missing, or as any statement does.
Result<ChainHead> chain_head(soci::session& session);
// chain_head(session)->hash.
Result<std::string> chain_head_hash(soci::session& session);

}  // namespace sinergi::audit
