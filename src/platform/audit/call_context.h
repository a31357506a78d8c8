#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/audit/audit_log.h"
#include "platform/auth/principal.h"
#include "platform/http/request.h"

// What every context's service needs to describe a change for the audit trail: where the
// call came from, who made it, and the event itself.

namespace sinergi::audit {

// Where a call comes from, for the audit trail (and the login throttle).
struct CallContext {
  std::string request_id;
  std::string remote_address;  // "ip:port" as the server reports it
  std::string user_agent;
};

// The context of an HTTP request: its id, the client's address and User-Agent.
CallContext context_of(const http::Request& request);

// The audit actor for a caller: a user, an API token, or anonymous.
Actor actor_of(const auth::Principal& principal);

// A successful change by `actor` in `region_id`.
AuditEvent event_for(const Actor& actor, std::optional<std::int64_t> region_id, std::string action,
                     std::string entity_type, std::optional<std::string> entity_id,
                     std::vector<FieldChange> changes, const CallContext& context);

}  // namespace sinergi::audit
