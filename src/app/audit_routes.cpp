#include "app/audit_routes.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "platform/audit/query.h"
#include "platform/auth/secured_router.h"
#include "platform/db/database.h"
#include "platform/http/json_body.h"

namespace sinergi::app {
namespace {

// Reads the optional integer query parameter `name` within [minimum, maximum]; a bad
// value becomes a field error so the caller hears about every bad parameter at once.
std::optional<std::int64_t> integer_parameter(const http::Request& request, std::string_view name,
                                              std::int64_t minimum, std::int64_t maximum,
                                              std::vector<FieldError>& errors) {
  auto text = request.query_parameter(name);
  if (!text || text->empty()) {
    return std::nullopt;
  }
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc() || end != text->data() + text->size() || value < minimum || value > maximum) {
    errors.push_back(
        {std::string(name),
         "harus bilangan bulat antara " + std::to_string(minimum) + " dan " + std::to_string(maximum),
         "must be an integer between " + std::to_string(minimum) + " and " + std::to_string(maximum)});
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> time_parameter(const http::Request& request, std::string_view name,
                                          std::vector<FieldError>& errors) {
  auto text = request.query_parameter(name);
  if (!text || text->empty()) {
    return std::nullopt;
  }
  auto parsed = parse_iso8601_utc(*text);
  if (!parsed.ok()) {
    errors.push_back({std::string(name), "harus waktu ISO-8601, misalnya 2026-11-23T00:00:00Z",
                      "must be an ISO-8601 time, e.g. 2026-11-23T00:00:00Z"});
    return std::nullopt;
  }
  return format_iso8601_utc_milliseconds(*parsed);
}

std::optional<std::string> text_parameter(const http::Request& request, std::string_view name,
                                          std::vector<FieldError>& errors) {
  auto text = request.query_parameter(name);
  if (!text || text->empty()) {
    return std::nullopt;
  }
  if (text->size() > 200) {
    errors.push_back({std::string(name), "paling banyak 200 karakter", "at most 200 characters"});
    return std::nullopt;
  }
  return text;
}

}  // namespace

void register_audit_routes(auth::SecuredRouter& router, db::Database& database) {
  router.add(http::Method::get, "/api/v1/audit", "listAuditEvents", auth::Action::audit_read,
             [&database](http::Request& request, const auth::Principal& principal) -> Result<http::Response> {
               std::vector<FieldError> errors;
               audit::AuditFilter filter;
               // Tenancy: the trail of the caller's own region only.
               filter.region_id = principal.region_id;
               filter.entity_type = text_parameter(request, "entity_type", errors);
               filter.entity_id = text_parameter(request, "entity_id", errors);
               filter.action = text_parameter(request, "action", errors);
               filter.actor_id = integer_parameter(request, "actor_id", 1, INT64_MAX, errors);
               filter.from = time_parameter(request, "from", errors);
               filter.to = time_parameter(request, "to", errors);
               filter.page =
                   static_cast<int>(integer_parameter(request, "page", 1, 1'000'000, errors).value_or(1));
               filter.page_size =
                   static_cast<int>(integer_parameter(request, "page_size", 1, 200, errors).value_or(50));
               if (!errors.empty()) {
                 return Error::with_fields(ErrorCode::InvalidInput, std::move(errors), {"parameter kueri"});
               }
               audit::AuditPage page = TRY(database.with_read_transaction(
                   [&](soci::session& session) { return audit::list_events(session, filter); }));
               nlohmann::json items = nlohmann::json::array();
               for (const auto& record : page.items) {
                 items.push_back(audit::to_json(record));
               }
               nlohmann::json body = {{"items", std::move(items)},
                                      {"page", page.page},
                                      {"page_size", page.page_size},
                                      {"total", page.total}};
               return http::Response::json(200, http::to_json_text(body));
             });
}

}  // namespace sinergi::app
