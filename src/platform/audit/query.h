#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "platform/audit/audit_log.h"

namespace sinergi::audit {

// The largest page list_events() serves.
inline constexpr int kMaxPageSize = 200;

// Which events to list; every set field must match (AND). Values are compared exactly.
// (Every member has an initializer, so designated initializers such as
// AuditFilter{.region_id = 64} leave the rest unset without a compiler warning.)
struct AuditFilter {
  // Tenancy: the caller's region. When set, only events of that region are listed, so
  // instance-wide events (region NULL: system settings, anonymous sign-in attempts) are
  // hidden; when empty, every event is. The HTTP layer passes the caller's region.
  std::optional<std::int64_t> region_id{};
  std::optional<std::string> entity_type{};
  std::optional<std::string> entity_id{};
  std::optional<std::int64_t> actor_id{};
  std::optional<std::string> action{};
  // RFC 3339 times (any offset; see parse_iso8601_utc), compared at millisecond precision:
  // events at or after `from` and before `to`.
  std::optional<std::string> from{};
  std::optional<std::string> to{};
  int page = 1;        // from 1
  int page_size = 50;  // 1..kMaxPageSize
};

struct AuditPage {
  std::vector<AuditRecord> items;  // newest (highest sequence) first
  std::int64_t total = 0;          // events matching the filter, over all pages
  int page = 1;
  int page_size = 50;
};

// One page of the events matching `filter`, newest first. A page past the end is empty
// (with the right total). Filter values are bound as parameters, never spliced into SQL.
// The count and the page are two statements: run them in one read transaction (on
// PostgreSQL a write committed between them can still make them disagree by that event).
// Fails with:
//   InvalidInput   page < 1, page_size outside 1..kMaxPageSize, or `from`/`to` is not an
//                  RFC 3339 time (the message quotes it)
//   DatabaseError  a stored row holds what append() never writes (an unknown actor type),
//                  or the audit tables are missing; or as any statement does
Result<AuditPage> list_events(soci::session& session, const AuditFilter& filter);

// The record for the API, with every field the canonical form covers, so a client can
// recompute the hash:
//   {"sequence":..,"occurred_at":..,"actor":{"type":..,"id":..,"name":..},"region_id":..,
//    "action":..,"outcome":..,"entity_type":..,"entity_id":..,
//    "changes":[{"field":..,"before":..,"after":..}],"request_id":..,"remote_address":..,
//    "previous_hash":..,"hash":..}
// Absent values (actor id, region, entity id, request id, remote address) are null.
nlohmann::json to_json(const AuditRecord& record);

}  // namespace sinergi::audit
