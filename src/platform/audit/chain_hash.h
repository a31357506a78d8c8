#pragma once

// Internal to sinergi_audit: the canonical form of an event and its hash, shared by the
// appender and the verifier so both compute exactly the same bytes (the form is specified
// in audit_log.h).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/audit/audit_log.h"

namespace sinergi::audit::internal {

// The values an event's hash covers, in the stored columns' terms.
struct ChainFields {
  std::int64_t sequence = 0;
  std::string occurred_at;
  std::string actor_type;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  std::optional<std::int64_t> region_id;
  std::string action;
  std::string outcome;
  std::string entity_type;
  std::optional<std::string> entity_id;
  std::string changes;  // the stored JSON text, spliced into the canonical text unchanged
  std::optional<std::string> request_id;
  std::optional<std::string> remote_address;
  std::string previous_hash;
};

// The canonical text of an event (see audit_log.h).
std::string canonical_text(const ChainFields& fields);

// Lower-case hexadecimal SHA-256 of `text`.
std::string sha256_hex(std::string_view text);

// The canonical `changes` text: [{"after":..,"before":..,"field":..}, ...] in the given
// order, invalid UTF-8 replaced by U+FFFD.
std::string changes_text(const std::vector<FieldChange>& changes);

// Reads a `changes` text back. Text that is not such an array (possible only by editing the
// table) becomes one change with the field "" whose `after` is the text itself, so a
// listing still shows what is stored.
std::vector<FieldChange> parse_changes(std::string_view text);

// `text` with every byte that is not part of valid UTF-8, and every NUL, replaced by U+FFFD,
// so it can be stored in PostgreSQL and hashes the same after a round trip.
std::string valid_utf8(std::string_view text);

}  // namespace sinergi::audit::internal
