#include "contexts/identity/identity_routes.h"

#include <charconv>
#include <limits>
#include <nlohmann/json.hpp>

#include "contexts/identity/identity_json.h"
#include "contexts/identity/identity_service.h"
#include "core/input_text.h"
#include "platform/auth/cookies.h"
#include "platform/auth/permissions.h"
#include "platform/http/json_body.h"
#include "platform/http/query_parameters.h"

namespace sinergi::identity {
namespace {

using http::Method;
using http::Request;
using http::Response;
using Json = nlohmann::json;

constexpr std::size_t kMaxLoginUsernameLength = 256;
constexpr std::size_t kMaxPasswordLength = 1024;
constexpr std::size_t kMaxSearchCharacters = 100;
constexpr std::size_t kMaxCodeLength = 64;
constexpr std::int64_t kMaxVersion = std::numeric_limits<std::int64_t>::max();

using audit::context_of;

Response json_response(int status, const Json& body) {
  Response response = Response::json(status, http::to_json_text(body));
  // Answers of this context name people and carry secrets: no cache may keep them.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

using http::parse_positive_id;
using http::path_id;

// Reads "roles": [{"role", "agency_code"?, "cluster"?}], recording shape problems under
// "roles" and "roles[i].<field>". The domain checks the values themselves.
std::vector<RoleRequest> parse_role_requests(const Json& body, http::JsonFields& fields) {
  std::vector<RoleRequest> requests;
  if (!body.is_object()) {
    return requests;
  }
  const auto found = body.find("roles");
  if (found == body.end() || found->is_null()) {
    return requests;  // the domain reports "at least one role"
  }
  if (!found->is_array()) {
    fields.add_error("roles", "harus berupa larik", "must be an array");
    return requests;
  }
  if (found->size() > kMaxRolesPerAccount) {
    fields.add_error("roles", "paling banyak " + std::to_string(kMaxRolesPerAccount) + " peran",
                     "at most " + std::to_string(kMaxRolesPerAccount) + " roles");
    return requests;
  }
  for (std::size_t index = 0; index < found->size(); ++index) {
    const Json& element = (*found)[index];
    const std::string prefix = "roles[" + std::to_string(index) + "]";
    if (!element.is_object()) {
      fields.add_error(prefix, "harus berupa objek JSON", "must be a JSON object");
      continue;
    }
    RoleRequest request;
    bool complete = true;
    auto text = [&](const char* key, bool required) -> std::optional<std::string> {
      const auto value = element.find(key);
      if (value == element.end() || value->is_null()) {
        if (required) {
          fields.add_error(prefix + "." + key, "wajib diisi", "is required");
          complete = false;
        }
        return std::nullopt;
      }
      if (!value->is_string() || value->get_ref<const std::string&>().size() > kMaxCodeLength) {
        fields.add_error(prefix + "." + key, "harus berupa teks pendek", "must be a short string");
        complete = false;
        return std::nullopt;
      }
      return value->get<std::string>();
    };
    request.role = text("role", true).value_or("");
    request.agency_code = text("agency_code", false);
    request.cluster = text("cluster", false);
    if (complete) {
      requests.push_back(std::move(request));
    }
  }
  return requests;
}

// Retries the handler's answer for a throttled sign-in: the problem document plus the
// Retry-After header that tells a client how long to wait.
Response throttled_response(const Error& error, const Request& request) {
  Response response = http::problem_response(error, request);
  if (!error.arguments().empty()) {
    response.headers.set("Retry-After", error.arguments().front());
  }
  return response;
}

Json session_json(const CurrentSession& session) {
  Json body;
  body["user"] = session.user ? user_json(*session.user) : Json(nullptr);
  body["csrf_token"] = session.csrf_token ? Json(*session.csrf_token) : Json(nullptr);
  body["permissions"] = auth::permission_names(session.principal);
  if (session.principal.kind == auth::Principal::Kind::api_token && session.principal.api_token_id) {
    body["api_token"] = {{"id", *session.principal.api_token_id}, {"name", session.principal.name}};
  }
  return body;
}

Json users_json(const std::vector<User>& users) {
  Json items = Json::array();
  for (const auto& user : users) {
    items.push_back(user_json(user));
  }
  return items;
}

// Query parameters of GET /api/v1/users.
Result<UserQuery> parse_user_query(const Request& request) {
  UserQuery query;
  std::vector<FieldError> problems;
  auto integer = [&](const char* name, std::int64_t fallback, std::int64_t min, std::int64_t max,
                     std::string message_id, std::string message_en) {
    auto text = request.query_parameter(name);
    if (!text || text->empty()) {
      return fallback;
    }
    auto value = parse_positive_id(*text);
    if (!value || *value < min || *value > max) {
      problems.push_back(FieldError{name, std::move(message_id), std::move(message_en)});
      return fallback;
    }
    return *value;
  };
  query.page = integer("page", 1, 1, std::numeric_limits<std::int32_t>::max(),
                       "harus bilangan bulat paling kecil 1", "must be an integer of at least 1");
  query.page_size = integer("page_size", 20, 1, 100, "harus bilangan bulat 1 sampai 100",
                            "must be an integer from 1 to 100");
  if (auto search = request.query_parameter("search")) {
    std::string_view trimmed = trim_ascii_whitespace(*search);
    if (trimmed.size() > kMaxSearchCharacters * 4 ||
        excerpt_for_message(trimmed, kMaxSearchCharacters) != trimmed) {
      problems.push_back(FieldError{"search", "paling banyak 100 karakter UTF-8 yang sah",
                                    "at most 100 characters of valid UTF-8"});
    } else if (!trimmed.empty()) {
      query.search = std::string(trimmed);
    }
  }
  if (auto active = request.query_parameter("active"); active && !active->empty()) {
    if (*active == "true" || *active == "1") {
      query.active = true;
    } else if (*active == "false" || *active == "0") {
      query.active = false;
    } else {
      problems.push_back(FieldError{"active", "harus true atau false", "must be true or false"});
    }
  }
  if (auto role = request.query_parameter("role"); role && !role->empty()) {
    auto parsed = auth::parse_role(*role);
    if (!parsed || *parsed == auth::Role::public_) {
      problems.push_back(FieldError{"role", "peran tidak dikenal", "unknown role"});
    } else {
      query.role = *parsed;
    }
  }
  if (!problems.empty()) {
    std::string names;
    for (const auto& problem : problems) {
      names += (names.empty() ? "" : ", ") + problem.field;
    }
    return Error::with_fields(ErrorCode::InvalidInput, std::move(problems), {names});
  }
  return query;
}

void register_session_routes(auth::SecuredRouter& router, IdentityService& service) {
  router.add(Method::post, std::string(kSessionPath), "createSession", auth::Action::session_create,
             [&service](Request& request, const auth::Principal&) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto username = fields.required_string("username", kMaxLoginUsernameLength);
               auto password = fields.required_string("password", kMaxPasswordLength);
               TRY(fields.finish());
               auto signed_in = service.sign_in(*username, *password, context_of(request));
               if (!signed_in.ok()) {
                 if (signed_in.error().code() == ErrorCode::LoginThrottled) {
                   return throttled_response(signed_in.error(), request);
                 }
                 return signed_in.release_error();
               }
               CurrentSession session{signed_in->user, signed_in->csrf_token, signed_in->principal};
               Response response = json_response(200, session_json(session));
               response.headers.add("Set-Cookie", signed_in->set_cookie);
               return response;
             });

  router.add(Method::get, std::string(kSessionPath), "getSession", auth::Action::session_read,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               std::optional<std::string> token;
               if (auto cookie_header = request.headers.get("Cookie")) {
                 token = auth::cookie_value(*cookie_header, kSessionCookieName);
               }
               const CurrentSession session = TRY(service.current_session(caller, token));
               return json_response(200, session_json(session));
             });

  router.add(Method::delete_, std::string(kSessionPath), "deleteSession", auth::Action::session_delete,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               TRY(service.sign_out(caller, context_of(request)));
               Response response = Response::no_content();
               response.headers.add("Set-Cookie", service.expired_session_cookie());
               return response;
             });

  router.add(Method::put, "/api/v1/session/password", "changePassword", auth::Action::password_change,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto current_password = fields.required_string("current_password", kMaxPasswordLength);
               auto new_password = fields.required_string("new_password", kMaxPasswordLength);
               TRY(fields.finish());
               auto changed =
                   service.change_password(caller, *current_password, *new_password, context_of(request));
               if (!changed.ok()) {
                 if (changed.error().code() == ErrorCode::LoginThrottled) {
                   return throttled_response(changed.error(), request);
                 }
                 return changed.release_error();
               }
               return Response::no_content();
             });

  router.add(Method::get, "/api/v1/sessions", "listSessions", auth::Action::account_manage,
             [&service](Request&, const auth::Principal& caller) -> Result<Response> {
               const auto sessions = TRY(service.list_sessions(caller));
               Json items = Json::array();
               for (const auto& session : sessions) {
                 items.push_back({{"id", session.id.value()},
                                  {"created_at", session.created_at},
                                  {"last_seen_at", session.last_seen_at},
                                  {"expires_at", session.expires_at},
                                  {"user_agent", session.user_agent},
                                  {"remote_address", session.remote_address},
                                  {"current", session.current}});
               }
               return json_response(200, {{"items", items}});
             });

  router.add(Method::delete_, "/api/v1/sessions/{session_id}", "revokeSession", auth::Action::account_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const SessionId session(TRY(path_id(request, "session_id")));
               TRY(service.revoke_session(caller, session, context_of(request)));
               Response response = Response::no_content();
               if (caller.session_id && *caller.session_id == session.value()) {
                 response.headers.add("Set-Cookie", service.expired_session_cookie());
               }
               return response;
             });
}

void register_user_routes(auth::SecuredRouter& router, IdentityService& service) {
  router.add(Method::get, "/api/v1/users", "listUsers", auth::Action::users_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const UserQuery query = TRY(parse_user_query(request));
               const UserPage page = TRY(service.list_users(caller, query));
               return json_response(200, {{"items", users_json(page.items)},
                                          {"page", query.page},
                                          {"page_size", query.page_size},
                                          {"total", page.total}});
             });

  router.add(Method::post, "/api/v1/users", "createUser", auth::Action::users_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               UserDraft draft;
               // Only the JSON types are checked here; missing or empty values are the
               // domain's to report, together with every other problem of the draft.
               draft.username = fields.optional_string("username", kMaxUsernameLength * 4).value_or("");
               draft.display_name =
                   fields.optional_string("display_name", kMaxDisplayNameCharacters * 4).value_or("");
               draft.nip = fields.optional_string("nip", 64);
               draft.email = fields.optional_string("email", kMaxEmailLength);
               draft.password = fields.optional_string("password", kMaxPasswordLength).value_or("");
               draft.roles = parse_role_requests(body, fields);
               TRY(fields.finish());
               const User user = TRY(service.create_user(caller, std::move(draft), context_of(request)));
               Response response = json_response(201, user_json(user));
               response.headers.set("Location", "/api/v1/users/" + user.id.to_string());
               return response;
             });

  router.add(Method::get, "/api/v1/users/{user_id}", "getUser", auth::Action::users_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const UserId id(TRY(path_id(request, "user_id")));
               return json_response(200, user_json(TRY(service.get_user(caller, id))));
             });

  router.add(Method::patch, "/api/v1/users/{user_id}", "updateUser", auth::Action::users_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const UserId id(TRY(path_id(request, "user_id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               UserChanges changes;
               changes.version = fields.required_integer("version", 1, kMaxVersion).value_or(0);
               changes.display_name = fields.optional_string("display_name", kMaxDisplayNameCharacters * 4);
               // nip and email: absent leaves them, null (or "") clears them.
               auto nullable = [&](const char* key,
                                   std::size_t max_length) -> std::optional<std::optional<std::string>> {
                 auto value = fields.optional_string(key, max_length);
                 if (value) {
                   return std::optional<std::string>(std::move(*value));
                 }
                 if (body.is_object() && body.contains(key) && body.at(key).is_null()) {
                   return std::optional<std::optional<std::string>>(std::in_place);
                 }
                 return std::nullopt;
               };
               changes.nip = nullable("nip", 64);
               changes.email = nullable("email", kMaxEmailLength);
               changes.active = fields.optional_boolean("active");
               TRY(fields.finish());
               return json_response(
                   200, user_json(TRY(service.update_user(caller, id, changes, context_of(request)))));
             });

  router.add(Method::put, "/api/v1/users/{user_id}/roles", "setUserRoles", auth::Action::users_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const UserId id(TRY(path_id(request, "user_id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               const auto version = fields.required_integer("version", 1, kMaxVersion);
               const auto roles = parse_role_requests(body, fields);
               TRY(fields.finish());
               return json_response(
                   200, user_json(TRY(service.set_roles(caller, id, *version, roles, context_of(request)))));
             });

  router.add(Method::post, "/api/v1/users/{user_id}/password-reset", "resetUserPassword",
             auth::Action::users_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const UserId id(TRY(path_id(request, "user_id")));
               const Json body = TRY(http::parse_json_body(request));
               http::JsonFields fields(body);
               auto new_password = fields.required_string("new_password", kMaxPasswordLength);
               TRY(fields.finish());
               TRY(service.reset_password(caller, id, *new_password, context_of(request)));
               return Response::no_content();
             });
}

void register_agency_routes(auth::SecuredRouter& router, IdentityService& service) {
  router.add(Method::get, "/api/v1/agencies/{agency_code}/users", "listAgencyUsers",
             auth::Action::agency_users_read,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               // The service checks the agency's scope (may_take_on): an agency role sees
               // only its own agency, an assistant only the agencies of the cluster.
               const auto users = TRY(service.users_of_agency(caller, request.path_parameter("agency_code")));
               return json_response(200, {{"items", users_json(users)}});
             });
}

void register_api_token_routes(auth::SecuredRouter& router, IdentityService& service) {
  router.add(Method::get, "/api/v1/api-tokens", "listApiTokens", auth::Action::api_tokens_manage,
             [&service](Request&, const auth::Principal& caller) -> Result<Response> {
               Json items = Json::array();
               for (const auto& token : TRY(service.list_api_tokens(caller))) {
                 items.push_back(api_token_json(token));
               }
               return json_response(200, {{"items", items}});
             });

  router.add(
      Method::post, "/api/v1/api-tokens", "createApiToken", auth::Action::api_tokens_manage,
      [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
        const Json body = TRY(http::parse_json_body(request));
        http::JsonFields fields(body);
        auto name = fields.required_string("name", kMaxTokenNameCharacters);
        auto roles = parse_role_requests(body, fields);
        TRY(fields.finish());
        const CreatedApiToken created =
            TRY(service.create_api_token(caller, *name, roles, context_of(request)));
        return json_response(201, {{"token", api_token_json(created.token)}, {"secret", created.secret}});
      });

  router.add(Method::delete_, "/api/v1/api-tokens/{token_id}", "revokeApiToken",
             auth::Action::api_tokens_manage,
             [&service](Request& request, const auth::Principal& caller) -> Result<Response> {
               const ApiTokenId id(TRY(path_id(request, "token_id")));
               TRY(service.revoke_api_token(caller, id, context_of(request)));
               return Response::no_content();
             });
}

}  // namespace

void register_identity_routes(auth::SecuredRouter& router, IdentityService& service) {
  register_session_routes(router, service);
  register_user_routes(router, service);
  register_agency_routes(router, service);
  register_api_token_routes(router, service);
}

}  // namespace sinergi::identity
