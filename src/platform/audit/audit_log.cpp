#include "platform/audit/audit_log.h"

#include <set>
#include <utility>

#include "platform/audit/chain_hash.h"

namespace sinergi::audit {
namespace {

// How a bound value says whether it is NULL.
soci::indicator indicator_of(bool present) {
  return present ? soci::i_ok : soci::i_null;
}

}  // namespace

std::string_view actor_type_name(ActorType type) {
  switch (type) {
    case ActorType::user:
      return "user";
    case ActorType::api_token:
      return "api_token";
    case ActorType::system:
      return "system";
    case ActorType::anonymous:
      return "anonymous";
  }
  return "anonymous";
}

std::optional<ActorType> parse_actor_type(std::string_view text) {
  for (ActorType type : {ActorType::user, ActorType::api_token, ActorType::system, ActorType::anonymous}) {
    if (actor_type_name(type) == text) {
      return type;
    }
  }
  return std::nullopt;
}

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::success:
      return "success";
    case Outcome::denied:
      return "denied";
    case Outcome::failed:
      return "failed";
  }
  return "failed";
}

std::optional<Outcome> parse_outcome(std::string_view text) {
  for (Outcome outcome : {Outcome::success, Outcome::denied, Outcome::failed}) {
    if (outcome_name(outcome) == text) {
      return outcome;
    }
  }
  return std::nullopt;
}

Result<ChainHead> chain_head(soci::session& session) {
  ChainHead head;
  long long sequence = 0;
  session << "SELECT sequence, hash FROM audit_chain_head WHERE id = 1", soci::into(sequence),
      soci::into(head.hash);
  if (!session.got_data()) {
    return Error(ErrorCode::DatabaseError, {"the audit chain head is missing"});
  }
  head.sequence = sequence;
  return head;
}

Result<std::string> chain_head_hash(soci::session& session) {
  ChainHead head = TRY(chain_head(session));
  return std::move(head.hash);
}

Result<AuditRecord> append(soci::session& session, db::Backend backend, const AuditEvent& event,
                           const Clock& clock) {
  if (event.action.empty()) {
    return Error(ErrorCode::InvalidInput, {"an audit event needs an action"});
  }
  if (event.entity_type.empty()) {
    return Error(ErrorCode::InvalidInput, {"an audit event needs an entity type"});
  }

  // The lock on the head row is what keeps concurrent writers on one line: the second
  // writer waits here until the first commits, then reads the head the first one moved.
  long long head_sequence = 0;
  std::string head_hash;
  session << "SELECT sequence, hash FROM audit_chain_head WHERE id = 1" +
                 std::string(db::row_lock_clause(backend)),
      soci::into(head_sequence), soci::into(head_hash);
  if (!session.got_data()) {
    return Error(ErrorCode::DatabaseError, {"the audit chain head is missing"});
  }

  AuditRecord record;
  record.sequence = head_sequence + 1;
  // Read after the lock is taken, so times follow the order of the chain.
  record.occurred_at = format_iso8601_utc_milliseconds(clock.now());
  record.actor = Actor{event.actor.type, event.actor.id, internal::valid_utf8(event.actor.name)};
  record.region_id = event.region_id;
  record.action = internal::valid_utf8(event.action);
  record.outcome = event.outcome;
  record.entity_type = internal::valid_utf8(event.entity_type);
  if (event.entity_id) {
    record.entity_id = internal::valid_utf8(*event.entity_id);
  }
  record.request_id = internal::valid_utf8(event.request_id);
  record.remote_address = internal::valid_utf8(event.remote_address);
  record.previous_hash = head_hash;

  const auto optional_text = [](const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
  };
  internal::ChainFields fields;
  fields.sequence = record.sequence;
  fields.occurred_at = record.occurred_at;
  fields.actor_type = std::string(actor_type_name(record.actor.type));
  fields.actor_id = record.actor.id;
  fields.actor_name = record.actor.name;
  fields.region_id = record.region_id;
  fields.action = record.action;
  fields.outcome = std::string(outcome_name(record.outcome));
  fields.entity_type = record.entity_type;
  fields.entity_id = record.entity_id;
  fields.changes = internal::changes_text(event.changes);
  fields.request_id = optional_text(record.request_id);
  fields.remote_address = optional_text(record.remote_address);
  fields.previous_hash = record.previous_hash;
  record.hash = internal::sha256_hex(internal::canonical_text(fields));
  // The record shows the changes as stored (and hashed), after the UTF-8 repair.
  record.changes = internal::parse_changes(fields.changes);

  const long long sequence = record.sequence;
  const long long actor_id = record.actor.id.value_or(0);
  const long long region_id = record.region_id.value_or(0);
  const std::string entity_id = fields.entity_id.value_or("");
  soci::indicator actor_id_indicator = indicator_of(record.actor.id.has_value());
  soci::indicator region_id_indicator = indicator_of(record.region_id.has_value());
  soci::indicator entity_id_indicator = indicator_of(fields.entity_id.has_value());
  soci::indicator request_id_indicator = indicator_of(fields.request_id.has_value());
  soci::indicator remote_address_indicator = indicator_of(fields.remote_address.has_value());
  session
      << "INSERT INTO audit_events (sequence, occurred_at, actor_type, actor_id, actor_name, region_id, "
         "action, outcome, entity_type, entity_id, changes, request_id, remote_address, previous_hash, hash) "
         "VALUES (:sequence, :occurred_at, :actor_type, :actor_id, :actor_name, :region_id, :action, "
         ":outcome, :entity_type, :entity_id, :changes, :request_id, :remote_address, :previous_hash, :hash)",
      soci::use(sequence), soci::use(fields.occurred_at), soci::use(fields.actor_type),
      soci::use(actor_id, actor_id_indicator), soci::use(fields.actor_name),
      soci::use(region_id, region_id_indicator), soci::use(fields.action), soci::use(fields.outcome),
      soci::use(fields.entity_type), soci::use(entity_id, entity_id_indicator), soci::use(fields.changes),
      soci::use(record.request_id, request_id_indicator),
      soci::use(record.remote_address, remote_address_indicator), soci::use(record.previous_hash),
      soci::use(record.hash);
  session << "UPDATE audit_chain_head SET sequence = :sequence, hash = :hash WHERE id = 1",
      soci::use(sequence), soci::use(record.hash);
  return record;
}

Result<AuditRecord> append_in_own_transaction(db::Database& database, const AuditEvent& event,
                                              const Clock& clock) {
  return database.with_transaction(
      [&](soci::session& session) { return append(session, database.backend(), event, clock); });
}

std::vector<FieldChange> diff_fields(const nlohmann::json& before, const nlohmann::json& after) {
  const bool before_is_record = before.is_object() || before.is_null();
  const bool after_is_record = after.is_object() || after.is_null();
  if (!before_is_record || !after_is_record) {
    if (before == after) {
      return {};
    }
    return {FieldChange{"", before, after}};
  }
  std::set<std::string> keys;
  for (const nlohmann::json* state : {&before, &after}) {
    if (state->is_object()) {
      for (const auto& item : state->items()) {
        keys.insert(item.key());
      }
    }
  }
  const auto value_of = [](const nlohmann::json& state, const std::string& key) {
    if (!state.is_object()) {
      return nlohmann::json();
    }
    const auto found = state.find(key);
    return found == state.end() ? nlohmann::json() : *found;
  };
  std::vector<FieldChange> changes;
  for (const std::string& key : keys) {
    nlohmann::json old_value = value_of(before, key);
    nlohmann::json new_value = value_of(after, key);
    if (old_value != new_value) {
      changes.push_back(FieldChange{key, std::move(old_value), std::move(new_value)});
    }
  }
  return changes;
}

FieldChange redacted_change(std::string field) {
  return FieldChange{std::move(field), std::string(kRedacted), std::string(kRedacted)};
}

}  // namespace sinergi::audit
