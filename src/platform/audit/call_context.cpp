#include "platform/audit/call_context.h"

namespace sinergi::audit {

CallContext context_of(const http::Request& request) {
  CallContext context;
  context.request_id = request.request_id;
  context.remote_address = request.remote_address;
  context.user_agent = std::string(request.headers.get("User-Agent").value_or(""));
  return context;
}

Actor actor_of(const auth::Principal& principal) {
  switch (principal.kind) {
    case auth::Principal::Kind::user:
      return Actor{ActorType::user, principal.user_id, principal.name};
    case auth::Principal::Kind::api_token:
      return Actor{ActorType::api_token, principal.api_token_id, principal.name};
    case auth::Principal::Kind::anonymous:
      break;
  }
  return Actor{ActorType::anonymous, std::nullopt, principal.name};
}

AuditEvent event_for(const Actor& actor, std::optional<std::int64_t> region_id, std::string action,
                     std::string entity_type, std::optional<std::string> entity_id,
                     std::vector<FieldChange> changes, const CallContext& context) {
  AuditEvent event;
  event.actor = actor;
  event.region_id = region_id;
  event.action = std::move(action);
  event.outcome = Outcome::success;
  event.entity_type = std::move(entity_type);
  event.entity_id = std::move(entity_id);
  event.changes = std::move(changes);
  event.request_id = context.request_id;
  event.remote_address = context.remote_address;
  return event;
}

}  // namespace sinergi::audit
