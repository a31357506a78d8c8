#include "platform/audit/stored_event.h"

#include <charconv>
#include <cstddef>

namespace sinergi::audit::internal {
namespace {

// Where each column lands in StoredEventReader's buffers, in kStoredEventColumns order.
enum Column : std::size_t {
  kSequence,
  kOccurredAt,
  kActorType,
  kActorId,
  kActorName,
  kRegionId,
  kAction,
  kOutcome,
  kEntityType,
  kEntityId,
  kChanges,
  kRequestId,
  kRemoteAddress,
  kPreviousHash,
  kHash,
};

// Parses an optional integer column: an empty optional stays empty; text that is not an
// integer makes `valid` false.
std::optional<std::int64_t> optional_integer(const std::optional<std::string>& text, bool& valid) {
  if (!text) {
    return std::nullopt;
  }
  std::optional<std::int64_t> value = parse_integer(*text);
  valid = valid && value.has_value();
  return value;
}

Error unreadable(const StoredEvent& row, std::string_view what) {
  return Error(ErrorCode::DatabaseError, {"unreadable audit event"})
      .with_log_detail("audit event " + row.sequence + ": " + std::string(what));
}

}  // namespace

void StoredEventReader::bind(soci::statement& statement) {
  for (std::size_t column = 0; column < values_.size(); ++column) {
    statement.exchange(soci::into(values_[column], indicators_[column]));
  }
}

StoredEvent StoredEventReader::row() const {
  const auto text = [&](Column column) { return indicators_[column] == soci::i_ok ? values_[column] : ""; };
  const auto optional_text = [&](Column column) {
    return indicators_[column] == soci::i_ok ? std::optional<std::string>(values_[column]) : std::nullopt;
  };
  StoredEvent row;
  row.sequence = text(kSequence);
  row.occurred_at = text(kOccurredAt);
  row.actor_type = text(kActorType);
  row.actor_id = optional_text(kActorId);
  row.actor_name = text(kActorName);
  row.region_id = optional_text(kRegionId);
  row.action = text(kAction);
  row.outcome = text(kOutcome);
  row.entity_type = text(kEntityType);
  row.entity_id = optional_text(kEntityId);
  row.changes = text(kChanges);
  row.request_id = optional_text(kRequestId);
  row.remote_address = optional_text(kRemoteAddress);
  row.previous_hash = text(kPreviousHash);
  row.hash = text(kHash);
  return row;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [stopped_at, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stopped_at != end) {
    return std::nullopt;
  }
  return value;
}

std::optional<ChainFields> chain_fields(const StoredEvent& row) {
  bool valid = true;
  ChainFields fields;
  const std::optional<std::int64_t> sequence = parse_integer(row.sequence);
  valid = sequence.has_value();
  fields.sequence = sequence.value_or(0);
  fields.occurred_at = row.occurred_at;
  fields.actor_type = row.actor_type;
  fields.actor_id = optional_integer(row.actor_id, valid);
  fields.actor_name = row.actor_name;
  fields.region_id = optional_integer(row.region_id, valid);
  fields.action = row.action;
  fields.outcome = row.outcome;
  fields.entity_type = row.entity_type;
  fields.entity_id = row.entity_id;
  fields.changes = row.changes;
  fields.request_id = row.request_id;
  fields.remote_address = row.remote_address;
  fields.previous_hash = row.previous_hash;
  if (!valid) {
    return std::nullopt;
  }
  return fields;
}

Result<AuditRecord> to_record(const StoredEvent& row) {
  const std::optional<ChainFields> fields = chain_fields(row);
  if (!fields) {
    return unreadable(row, "an integer column holds something else");
  }
  const std::optional<ActorType> actor_type = parse_actor_type(row.actor_type);
  if (!actor_type) {
    return unreadable(row, "unknown actor type '" + row.actor_type + "'");
  }
  const std::optional<Outcome> outcome = parse_outcome(row.outcome);
  if (!outcome) {
    return unreadable(row, "unknown outcome '" + row.outcome + "'");
  }
  AuditRecord record;
  record.sequence = fields->sequence;
  record.occurred_at = row.occurred_at;
  record.actor = Actor{*actor_type, fields->actor_id, row.actor_name};
  record.region_id = fields->region_id;
  record.action = row.action;
  record.outcome = *outcome;
  record.entity_type = row.entity_type;
  record.entity_id = row.entity_id;
  record.changes = parse_changes(row.changes);
  record.request_id = row.request_id.value_or("");
  record.remote_address = row.remote_address.value_or("");
  record.previous_hash = row.previous_hash;
  record.hash = row.hash;
  return record;
}

}  // namespace sinergi::audit::internal
