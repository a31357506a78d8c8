#include "contexts/identity/identity_service.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "contexts/identity/identity_json.h"
#include "core/clock.h"
#include "core/input_text.h"
#include "platform/audit/audit_log.h"
#include "platform/auth/cookies.h"
#include "platform/auth/crypto.h"
#include "platform/auth/login_throttle.h"
#include "platform/auth/password.h"
#include "platform/auth/password_policy.h"
#include "platform/auth/permissions.h"
#include "platform/db/database.h"

namespace sinergi::identity {
namespace {

using TimePoint = std::chrono::system_clock::time_point;

// How much of what an anonymous caller typed as username goes into the audit trail.
constexpr std::size_t kMaxAttemptedUsernameBytes = 64;
// Bytes of random secret in session tokens, CSRF tokens and API tokens (256 bits).
constexpr std::size_t kSecretBytes = 32;
constexpr std::int64_t kMaxPageSize = 100;

std::string timestamp(TimePoint time) {
  return format_iso8601_utc_milliseconds(time);
}

// A stored timestamp; nullopt when it cannot be read (then it is treated as expired).
std::optional<TimePoint> parse_timestamp(const std::string& text) {
  auto parsed = parse_iso8601_utc(text);
  if (!parsed.ok()) {
    return std::nullopt;
  }
  return parsed.value();
}

// "203.0.113.7:50432" -> "203.0.113.7", "[2001:db8::1]:443" -> "2001:db8::1": the throttle
// counts per client address, and the port changes with every connection.
std::string client_address(std::string_view remote_address) {
  std::string_view address = remote_address;
  const std::size_t colon = address.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < address.size() &&
      std::all_of(address.begin() + static_cast<std::ptrdiff_t>(colon) + 1, address.end(), is_ascii_digit)) {
    address = address.substr(0, colon);
  }
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']') {
    address = address.substr(1, address.size() - 2);
  }
  return std::string(address);
}

// At most `max_bytes` bytes of `text`, never ending inside a UTF-8 sequence.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) {
    --end;
  }
  return std::string(text.substr(0, end));
}

using audit::actor_of;
using audit::event_for;

bool has_admin_role(const User& user) {
  return std::any_of(user.roles.begin(), user.roles.end(),
                     [](const auth::RoleGrant& grant) { return grant.role == auth::Role::admin; });
}

void append_fields(std::vector<FieldError>& errors, const Result<void>& checked) {
  if (!checked.ok()) {
    const auto& fields = checked.error().fields();
    errors.insert(errors.end(), fields.begin(), fields.end());
  }
}

Error user_not_found() {
  return Error(ErrorCode::NotFound, {"Pengguna"});
}

audit::FieldChange sessions_ended_change(std::int64_t count) {
  return audit::FieldChange{"sessions_revoked", nullptr, count};
}

}  // namespace

auth::Principal principal_for(const User& user) {
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::user;
  principal.user_id = user.id.value();
  principal.name = user.username;
  principal.region_id = user.region.id.value();
  principal.roles = user.roles;
  principal.must_change_password = user.must_change_password;
  return principal;
}

IdentityService::IdentityService(db::Database& database, auth::PasswordHasher& hasher,
                                 auth::LoginThrottle& throttle, const Clock& clock, IdentityOptions options)
    : repository_(make_sql_identity_repository(database, clock)),
      hasher_(hasher),
      throttle_(throttle),
      clock_(clock),
      options_(options) {}

IdentityService::~IdentityService() = default;

std::string IdentityService::csrf_token_for(std::string_view session_token) {
  // A domain-separated SHA-256 of a 256-bit random secret: as unguessable as the secret,
  // and knowing it reveals nothing about the cookie.
  return auth::sha256_hex("sinergi.csrf.v1:" + std::string(session_token));
}

std::string IdentityService::expired_session_cookie() const {
  auth::CookieOptions cookie;
  cookie.secure = options_.secure_cookies;
  return auth::expired_cookie_header(kSessionCookieName, cookie);
}

Result<RegionId> IdentityService::region_of(const auth::Principal& caller) const {
  if (!caller.region_id) {
    return Error(ErrorCode::Forbidden);
  }
  return RegionId(*caller.region_id);
}

// --- Authentication ---

Result<auth::Principal> IdentityService::authenticate(http::Request& request) {
  std::optional<std::string> bearer;
  if (auto authorization = request.headers.get("Authorization")) {
    std::string_view value = trim_ascii_whitespace(*authorization);
    constexpr std::string_view kScheme = "bearer ";
    if (value.size() <= kScheme.size() ||
        !http::equals_ignoring_case(value.substr(0, kScheme.size()), kScheme)) {
      // Another scheme (Basic, Digest): credentials we do not accept are not ignored.
      return Error(ErrorCode::Unauthenticated);
    }
    bearer = std::string(trim_ascii_whitespace(value.substr(kScheme.size())));
  }
  std::optional<std::string> session_token;
  if (auto cookie_header = request.headers.get("Cookie")) {
    session_token = auth::cookie_value(*cookie_header, kSessionCookieName);
    if (session_token && session_token->empty()) {
      session_token.reset();
    }
  }
  // A stale cookie on a route anyone may call (signing in again) is let through as
  // anonymous by auth::SecuredRouter, for every such route alike.
  return authenticate_credentials(session_token, bearer);
}

Result<auth::Principal> IdentityService::authenticate_credentials(
    const std::optional<std::string>& session_token, const std::optional<std::string>& bearer_secret) {
  if (bearer_secret) {
    return authenticate_api_token(*bearer_secret);
  }
  if (session_token) {
    return authenticate_session(*session_token);
  }
  return auth::Principal::anonymous();
}

Result<auth::Principal> IdentityService::authenticate_session(const std::string& token) {
  struct Found {
    SessionRecord session;
    UserRecord user;
  };
  const std::string token_hash = auth::sha256_hex(token);
  auto find = [&](IdentityStore& store) -> Result<std::optional<Found>> {
    auto session = TRY(store.find_session_by_token_hash(token_hash));
    if (!session) {
      return std::optional<Found>();
    }
    auto user = TRY(store.find_user_by_id(session->user_id));
    if (!user) {
      return std::optional<Found>();
    }
    return std::optional<Found>(Found{std::move(*session), std::move(*user)});
  };
  auto found = TRY(read_transaction<std::optional<Found>>(*repository_, find));
  if (!found || found->session.revoked_at || !found->user.user.active) {
    return Error(ErrorCode::Unauthenticated);
  }
  const TimePoint now = clock_.now();
  const auto idle_expiry = parse_timestamp(found->session.idle_expires_at);
  const auto absolute_expiry = parse_timestamp(found->session.absolute_expires_at);
  const auto last_seen = parse_timestamp(found->session.last_seen_at);
  if (!idle_expiry || !absolute_expiry || !last_seen || now >= *idle_expiry || now >= *absolute_expiry) {
    return Error(ErrorCode::Unauthenticated);
  }
  if (now - *last_seen >= options_.activity_write_interval) {
    const TimePoint new_idle_expiry = std::min<TimePoint>(now + options_.idle_timeout, *absolute_expiry);
    TRY(repository_->write([&](IdentityStore& store) -> Result<void> {
      return store.touch_session(found->session.id, timestamp(now), timestamp(new_idle_expiry));
    }));
  }
  auth::Principal principal = principal_for(found->user.user);
  principal.session_id = found->session.id.value();
  principal.csrf_token_hash = found->session.csrf_token_hash;
  return principal;
}

Result<std::optional<auth::Principal>> IdentityService::principal_of_username(const std::string& username) {
  const auto record = TRY(read_transaction<std::optional<UserRecord>>(
      *repository_, [&](IdentityStore& store) { return store.find_user_by_username(username); }));
  if (!record || !record->user.active) {
    return std::optional<auth::Principal>();
  }
  return std::optional<auth::Principal>(principal_for(record->user));
}

Result<auth::Principal> IdentityService::authenticate_api_token(const std::string& secret) {
  if (!secret.starts_with(kApiTokenPrefix)) {
    return Error(ErrorCode::Unauthenticated);
  }
  const std::string token_hash = auth::sha256_hex(secret);
  auto token = TRY(read_transaction<std::optional<ApiTokenRecord>>(
      *repository_, [&](IdentityStore& store) { return store.find_api_token_by_hash(token_hash); }));
  if (!token || token->revoked_at) {
    return Error(ErrorCode::Unauthenticated);
  }
  const TimePoint now = clock_.now();
  const auto last_used = token->last_used_at ? parse_timestamp(*token->last_used_at) : std::nullopt;
  if (!last_used || now - *last_used >= options_.activity_write_interval) {
    TRY(repository_->write([&](IdentityStore& store) -> Result<void> {
      return store.touch_api_token(token->id, timestamp(now));
    }));
  }
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::api_token;
  principal.api_token_id = token->id.value();
  principal.name = token->name;
  principal.region_id = token->region_id.value();
  principal.roles = token->roles;
  return principal;
}

// --- Sessions ---

void IdentityService::record_failed_sign_in(const std::string& username,
                                            const std::optional<UserRecord>& user,
                                            const CallContext& context) {
  audit::Actor actor{audit::ActorType::anonymous, std::nullopt,
                     truncate_utf8(username, kMaxAttemptedUsernameBytes)};
  std::optional<std::int64_t> region_id;
  std::optional<std::string> entity_id;
  if (user) {
    region_id = user->user.region.id.value();
    entity_id = user->user.id.to_string();
  }
  audit::AuditEvent event =
      event_for(actor, region_id, "session.login_failed", "user", entity_id, {}, context);
  event.outcome = audit::Outcome::failed;
  auto recorded = repository_->write([&](IdentityStore& store) { return store.append_audit(event); });
  if (!recorded.ok()) {
    // The caller still gets InvalidCredentials: a trail that cannot be written must not
    // turn a wrong password into a different answer.
    spdlog::warn("failed sign-in could not be audited: {} {}", recorded.error().message(Locale::english),
                 recorded.error().log_detail());
  }
}

Result<SignedIn> IdentityService::sign_in(std::string_view username_text, std::string_view password,
                                          const CallContext& context) {
  const std::string username = normalize_username(username_text);
  const std::string address = client_address(context.remote_address);
  if (auto wait = throttle_.retry_after(username, address)) {
    return Error(ErrorCode::LoginThrottled, {std::to_string(wait->count())});
  }
  auto record = TRY(read_transaction<std::optional<UserRecord>>(
      *repository_, [&](IdentityStore& store) { return store.find_user_by_username(username); }));
  bool password_matches = false;
  if (!record || !record->user.active) {
    TRY(hasher_.verify_dummy(password));
  } else {
    password_matches = TRY(hasher_.verify(password, record->password_hash));
  }
  if (!password_matches) {
    throttle_.record_failure(username, address);
    record_failed_sign_in(username, record, context);
    return Error(ErrorCode::InvalidCredentials);
  }
  throttle_.record_success(username, address);

  const User& user = record->user;
  const TimePoint now = clock_.now();
  SessionRecord session;
  session.user_id = user.id;
  const std::string token = auth::random_token(kSecretBytes);
  const std::string csrf_token = csrf_token_for(token);
  session.token_hash = auth::sha256_hex(token);
  session.csrf_token_hash = auth::sha256_hex(csrf_token);
  session.created_at = timestamp(now);
  session.last_seen_at = session.created_at;
  session.idle_expires_at = timestamp(now + options_.idle_timeout);
  session.absolute_expires_at = timestamp(now + options_.absolute_timeout);
  session.user_agent = truncate_utf8(context.user_agent, 512);
  session.remote_address = context.remote_address;

  auth::Principal principal = principal_for(user);
  principal.csrf_token_hash = session.csrf_token_hash;
  auto create_session = [&](IdentityStore& store) -> Result<SessionId> {
    const SessionId id = TRY(store.insert_session(session));
    nlohmann::json after = {{"user_id", user.id.value()}, {"expires_at", session.absolute_expires_at}};
    TRY(store.append_audit(event_for(actor_of(principal), user.region.id.value(), "session.login", "session",
                                     id.to_string(), audit::diff_fields(nullptr, after), context)));
    return id;
  };
  const SessionId session_id = TRY(write_transaction<SessionId>(*repository_, create_session));
  principal.session_id = session_id.value();

  auth::CookieOptions cookie;
  cookie.secure = options_.secure_cookies;
  SignedIn signed_in{user, principal, token, csrf_token,
                     auth::session_cookie_header(kSessionCookieName, token, cookie)};
  return signed_in;
}

Result<CurrentSession> IdentityService::current_session(const auth::Principal& caller,
                                                        const std::optional<std::string>& session_token) {
  CurrentSession current;
  current.principal = caller;
  if (caller.kind == auth::Principal::Kind::user && caller.user_id) {
    const RegionId region = TRY(region_of(caller));
    auto user = TRY(read_transaction<std::optional<User>>(*repository_, [&](IdentityStore& store) {
      return store.find_user(region, UserId(*caller.user_id));
    }));
    if (!user) {
      return Error(ErrorCode::Unauthenticated);
    }
    current.user = std::move(*user);
    if (caller.session_id && session_token) {
      current.csrf_token = csrf_token_for(*session_token);
    }
  }
  return current;
}

Result<void> IdentityService::sign_out(const auth::Principal& caller, const CallContext& context) {
  if (!caller.session_id || !caller.user_id) {
    return success();
  }
  const std::string now = timestamp(clock_.now());
  return repository_->write([&](IdentityStore& store) -> Result<void> {
    const bool revoked =
        TRY(store.revoke_session(UserId(*caller.user_id), SessionId(*caller.session_id), now));
    if (!revoked) {
      return success();
    }
    return store.append_audit(event_for(actor_of(caller), caller.region_id, "session.logout", "session",
                                        std::to_string(*caller.session_id),
                                        {audit::FieldChange{"revoked_at", nullptr, now}}, context));
  });
}

Result<std::vector<SessionInfo>> IdentityService::list_sessions(const auth::Principal& caller) {
  std::vector<SessionInfo> sessions;
  if (!caller.user_id) {
    return sessions;
  }
  const std::string now = timestamp(clock_.now());
  auto records = TRY(read_transaction<std::vector<SessionRecord>>(*repository_, [&](IdentityStore& store) {
    return store.live_sessions_of_user(UserId(*caller.user_id), now);
  }));
  for (const auto& record : records) {
    SessionInfo info;
    info.id = record.id;
    info.created_at = record.created_at;
    info.last_seen_at = record.last_seen_at;
    // Same fixed-width format, so text order is time order.
    info.expires_at = std::min(record.idle_expires_at, record.absolute_expires_at);
    info.user_agent = record.user_agent;
    info.remote_address = record.remote_address;
    info.current = caller.session_id && *caller.session_id == record.id.value();
    sessions.push_back(std::move(info));
  }
  return sessions;
}

Result<void> IdentityService::revoke_session(const auth::Principal& caller, SessionId session,
                                             const CallContext& context) {
  if (!caller.user_id) {
    return Error(ErrorCode::NotFound, {"Sesi"});
  }
  const std::string now = timestamp(clock_.now());
  return repository_->write([&](IdentityStore& store) -> Result<void> {
    const bool revoked = TRY(store.revoke_session(UserId(*caller.user_id), session, now));
    if (!revoked) {
      return Error(ErrorCode::NotFound, {"Sesi"});
    }
    return store.append_audit(event_for(actor_of(caller), caller.region_id, "session.revoke", "session",
                                        session.to_string(), {audit::FieldChange{"revoked_at", nullptr, now}},
                                        context));
  });
}

Result<void> IdentityService::change_password(const auth::Principal& caller,
                                              std::string_view current_password,
                                              std::string_view new_password, const CallContext& context) {
  if (caller.kind != auth::Principal::Kind::user || !caller.user_id) {
    return Error(ErrorCode::Forbidden);
  }
  const RegionId region = TRY(region_of(caller));
  const UserId user_id(*caller.user_id);
  auto record = TRY(read_transaction<std::optional<UserRecord>>(
      *repository_, [&](IdentityStore& store) { return store.find_user_by_id(user_id); }));
  if (!record || record->user.region.id != region) {
    return user_not_found();
  }
  const std::string& username = record->user.username;
  const std::string address = client_address(context.remote_address);
  if (auto wait = throttle_.retry_after(username, address)) {
    return Error(ErrorCode::LoginThrottled, {std::to_string(wait->count())});
  }

  std::vector<FieldError> errors;
  const bool current_matches = TRY(hasher_.verify(current_password, record->password_hash));
  if (current_matches) {
    throttle_.record_success(username, address);
  } else {
    throttle_.record_failure(username, address);
    errors.push_back(FieldError{"current_password", "salah", "is wrong"});
  }
  auto policy = auth::check_new_password(new_password, username, "new_password");
  append_fields(errors, policy);
  if (policy.ok() && current_matches && new_password == current_password) {
    errors.push_back(FieldError{"new_password", "harus berbeda dari kata sandi sekarang",
                                "must differ from the current password"});
  }
  TRY(validation_result(std::move(errors)));

  const std::string new_hash = TRY(hasher_.hash(new_password));
  const std::string now = timestamp(clock_.now());
  return repository_->write([&](IdentityStore& store) -> Result<void> {
    bool must_change_before = false;
    TRY(store.update_user(region, user_id, std::nullopt, now, [&](UserRecord& stored) -> Result<void> {
      if (stored.password_hash != record->password_hash) {
        return Error(ErrorCode::Conflict, {"kata sandi baru saja diganti; masuk ulang lalu ulangi"});
      }
      must_change_before = stored.user.must_change_password;
      stored.password_hash = new_hash;
      stored.user.must_change_password = false;
      return success();
    }));
    std::optional<SessionId> keep;
    if (caller.session_id) {
      keep = SessionId(*caller.session_id);
    }
    const std::int64_t ended = TRY(store.revoke_sessions_of_user(user_id, keep, now));
    std::vector<audit::FieldChange> changes{audit::redacted_change("password")};
    if (must_change_before) {
      changes.push_back(audit::FieldChange{"must_change_password", true, false});
    }
    changes.push_back(sessions_ended_change(ended));
    return store.append_audit(event_for(actor_of(caller), region.value(), "password.change", "user",
                                        user_id.to_string(), std::move(changes), context));
  });
}

// --- Users ---

Result<UserPage> IdentityService::list_users(const auth::Principal& caller, const UserQuery& query) {
  const RegionId region = TRY(region_of(caller));
  std::vector<FieldError> errors;
  if (query.page < 1) {
    errors.push_back(FieldError{"page", "paling kecil 1", "must be at least 1"});
  }
  if (query.page_size < 1 || query.page_size > kMaxPageSize) {
    errors.push_back(FieldError{"page_size", "harus 1 sampai 100", "must be 1 to 100"});
  }
  if (!errors.empty()) {
    return Error::with_fields(ErrorCode::InvalidInput, std::move(errors));
  }
  return read_transaction<UserPage>(*repository_,
                                    [&](IdentityStore& store) { return store.search_users(region, query); });
}

Result<User> IdentityService::get_user(const auth::Principal& caller, UserId id) {
  const RegionId region = TRY(region_of(caller));
  auto user = TRY(read_transaction<std::optional<User>>(
      *repository_, [&](IdentityStore& store) { return store.find_user(region, id); }));
  if (!user) {
    return user_not_found();
  }
  return std::move(*user);
}

Result<std::optional<std::string>> IdentityService::nip_of_user(UserId id) {
  auto record = TRY(read_transaction<std::optional<UserRecord>>(
      *repository_, [&](IdentityStore& store) { return store.find_user_by_id(id); }));
  if (!record) {
    return std::optional<std::string>();
  }
  return record->user.nip;
}

Result<User> IdentityService::create_user(const auth::Principal& caller, UserDraft draft,
                                          const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  std::vector<FieldError> errors;
  check_user_draft(draft, errors);

  struct Lookup {
    std::vector<Agency> agencies;
    bool username_taken = false;
  };
  auto look_up = [&](IdentityStore& store) -> Result<Lookup> {
    Lookup found;
    found.agencies = TRY(store.agencies_of_region(region));
    found.username_taken = TRY(store.find_user_by_username(draft.username)).has_value();
    return found;
  };
  const Lookup lookup = TRY(read_transaction<Lookup>(*repository_, look_up));
  if (lookup.username_taken) {
    errors.push_back(FieldError{"username", "sudah dipakai", "is already taken"});
  }
  append_fields(errors, auth::check_new_password(draft.password, draft.username, "password"));
  std::vector<auth::RoleGrant> grants = resolve_roles(draft.roles, lookup.agencies, errors);
  TRY(validation_result(std::move(errors)));

  const std::string password_hash = TRY(hasher_.hash(draft.password));
  NewUser new_user;
  new_user.region_id = region;
  new_user.username = draft.username;
  new_user.display_name = draft.display_name;
  new_user.nip = draft.nip;
  new_user.email = draft.email;
  new_user.password_hash = password_hash;
  new_user.must_change_password = true;
  new_user.roles = std::move(grants);
  new_user.now = timestamp(clock_.now());
  return write_transaction<User>(*repository_, [&](IdentityStore& store) -> Result<User> {
    User user = TRY(store.insert_user(new_user));
    TRY(store.append_audit(event_for(actor_of(caller), region.value(), "user.create", "user",
                                     user.id.to_string(),
                                     audit::diff_fields(nullptr, user_audit_snapshot(user)), context)));
    return user;
  });
}

Result<User> IdentityService::update_user(const auth::Principal& caller, UserId id,
                                          const UserChanges& changes, const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  std::vector<FieldError> errors;
  std::optional<std::string> display_name;
  if (changes.display_name) {
    display_name = std::string(trim_ascii_whitespace(*changes.display_name));
    check_display_name(*display_name, errors);
  }
  std::optional<std::optional<std::string>> nip;
  if (changes.nip) {
    nip = optional_text(*changes.nip);
    if (*nip) {
      check_nip(**nip, errors);
    }
  }
  std::optional<std::optional<std::string>> email;
  if (changes.email) {
    email = optional_text(*changes.email);
    if (*email) {
      check_email(**email, errors);
    }
  }
  if (changes.active && !*changes.active && caller.user_id && *caller.user_id == id.value()) {
    errors.push_back(FieldError{"active",
                                "Anda tidak dapat menonaktifkan akun Anda sendiri; minta administrator lain",
                                "you cannot deactivate your own account; ask another administrator"});
  }
  TRY(validation_result(std::move(errors)));

  const std::string now = timestamp(clock_.now());
  return write_transaction<User>(*repository_, [&](IdentityStore& store) -> Result<User> {
    User before;
    UserRecord after =
        TRY(store.update_user(region, id, changes.version, now, [&](UserRecord& record) -> Result<void> {
          before = record.user;
          if (display_name) {
            record.user.display_name = *display_name;
          }
          if (nip) {
            record.user.nip = *nip;
          }
          if (email) {
            record.user.email = *email;
          }
          if (changes.active) {
            record.user.active = *changes.active;
          }
          return success();
        }));
    const audit::Actor actor = actor_of(caller);
    nlohmann::json before_fields = user_audit_snapshot(before);
    nlohmann::json after_fields = user_audit_snapshot(after.user);
    before_fields.erase("active");
    after_fields.erase("active");
    // Writes first, then the audit events: appending locks the chain's head until commit.
    std::vector<audit::AuditEvent> events;
    auto field_changes = audit::diff_fields(before_fields, after_fields);
    if (!field_changes.empty()) {
      events.push_back(event_for(actor, region.value(), "user.update", "user", id.to_string(),
                                 std::move(field_changes), context));
    }
    if (before.active != after.user.active) {
      std::vector<audit::FieldChange> activity{
          audit::FieldChange{"active", before.active, after.user.active}};
      if (!after.user.active) {
        const std::int64_t ended = TRY(store.revoke_sessions_of_user(id, std::nullopt, now));
        activity.push_back(sessions_ended_change(ended));
      }
      events.push_back(event_for(actor, region.value(),
                                 after.user.active ? "user.activate" : "user.deactivate", "user",
                                 id.to_string(), std::move(activity), context));
    }
    for (const auto& event : events) {
      TRY(store.append_audit(event));
    }
    return after.user;
  });
}

Result<User> IdentityService::set_roles(const auth::Principal& caller, UserId id, std::int64_t version,
                                        const std::vector<RoleRequest>& roles, const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const std::string now = timestamp(clock_.now());
  return write_transaction<User>(*repository_, [&](IdentityStore& store) -> Result<User> {
    std::vector<FieldError> errors;
    const std::vector<Agency> agencies = TRY(store.agencies_of_region(region));
    std::vector<auth::RoleGrant> grants = resolve_roles(roles, agencies, errors);
    TRY(validation_result(std::move(errors)));
    User before;
    UserRecord after =
        TRY(store.update_user(region, id, version, now, [&](UserRecord& record) -> Result<void> {
          before = record.user;
          record.user.roles = grants;
          const bool is_self = caller.user_id && *caller.user_id == id.value();
          if (is_self && has_admin_role(before) && !has_admin_role(record.user)) {
            return Error::with_fields(
                ErrorCode::ValidationFailed,
                {FieldError{
                    "roles",
                    "Anda tidak dapat mencabut peran admin dari akun Anda sendiri; minta administrator lain",
                    "you cannot remove the admin role from your own account; ask another administrator"}});
          }
          return success();
        }));
    auto role_changes = audit::diff_fields(user_audit_snapshot(before), user_audit_snapshot(after.user));
    if (!role_changes.empty()) {
      TRY(store.append_audit(event_for(actor_of(caller), region.value(), "user.roles_set", "user",
                                       id.to_string(), std::move(role_changes), context)));
    }
    return after.user;
  });
}

Result<void> IdentityService::reset_password(const auth::Principal& caller, UserId id,
                                             std::string_view new_password, const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const User target = TRY(get_user(caller, id));
  TRY(auth::check_new_password(new_password, target.username, "new_password"));
  const std::string new_hash = TRY(hasher_.hash(new_password));
  const std::string now = timestamp(clock_.now());
  return repository_->write([&](IdentityStore& store) -> Result<void> {
    bool must_change_before = true;
    TRY(store.update_user(region, id, std::nullopt, now, [&](UserRecord& record) -> Result<void> {
      must_change_before = record.user.must_change_password;
      record.password_hash = new_hash;
      record.user.must_change_password = true;
      return success();
    }));
    const std::int64_t ended = TRY(store.revoke_sessions_of_user(id, std::nullopt, now));
    std::vector<audit::FieldChange> changes{audit::redacted_change("password")};
    if (!must_change_before) {
      changes.push_back(audit::FieldChange{"must_change_password", false, true});
    }
    changes.push_back(sessions_ended_change(ended));
    return store.append_audit(event_for(actor_of(caller), region.value(), "user.password_reset", "user",
                                        id.to_string(), std::move(changes), context));
  });
}

// --- Agencies ---

Result<std::vector<Agency>> IdentityService::list_agencies(const auth::Principal& caller) {
  const RegionId region = TRY(region_of(caller));
  auto agencies = TRY(read_transaction<std::vector<Agency>>(
      *repository_, [&](IdentityStore& store) { return store.agencies_of_region(region); }));
  std::erase_if(agencies, [](const Agency& agency) { return !agency.active; });
  return agencies;
}

Result<std::vector<User>> IdentityService::users_of_agency(const auth::Principal& caller,
                                                           std::string_view agency_code) {
  const RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<User>>(
      *repository_, [&](IdentityStore& store) -> Result<std::vector<User>> {
        const auto agencies = TRY(store.agencies_of_region(region));
        const auto agency = std::find_if(agencies.begin(), agencies.end(), [&](const Agency& candidate) {
          return candidate.active && candidate.code == agency_code;
        });
        if (agency == agencies.end()) {
          return Error(ErrorCode::NotFound, {"Perangkat daerah"});
        }
        auth::ResourceScope scope;
        scope.region_id = region.value();
        scope.agency_id = agency->id.value();
        scope.agency_cluster = agency->cluster;
        if (!auth::may_take_on(caller, auth::Action::agency_users_read, scope)) {
          return Error(ErrorCode::Forbidden);
        }
        return store.users_with_access_to(region, *agency);
      });
}

// --- API tokens ---

Result<std::vector<ApiTokenRecord>> IdentityService::list_api_tokens(const auth::Principal& caller) {
  const RegionId region = TRY(region_of(caller));
  return read_transaction<std::vector<ApiTokenRecord>>(
      *repository_, [&](IdentityStore& store) { return store.api_tokens_of_region(region); });
}

Result<CreatedApiToken> IdentityService::create_api_token(const auth::Principal& caller,
                                                          std::string_view name,
                                                          const std::vector<RoleRequest>& roles,
                                                          const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  if (!caller.user_id) {
    // A token is created by a person, who answers for it; tokens do not mint tokens.
    return Error(ErrorCode::Forbidden);
  }
  const std::string token_name(trim_ascii_whitespace(name));
  const std::string now = timestamp(clock_.now());
  return write_transaction<CreatedApiToken>(
      *repository_, [&](IdentityStore& store) -> Result<CreatedApiToken> {
        std::vector<FieldError> errors;
        check_token_name(token_name, errors);
        const std::vector<Agency> agencies = TRY(store.agencies_of_region(region));
        std::vector<auth::RoleGrant> grants = resolve_roles(roles, agencies, errors);
        TRY(validation_result(std::move(errors)));

        CreatedApiToken created;
        created.secret = std::string(kApiTokenPrefix) + auth::random_token(kSecretBytes);
        ApiTokenRecord token;
        token.region_id = region;
        token.name = token_name;
        token.token_hash = auth::sha256_hex(created.secret);
        token.created_by_user_id = UserId(*caller.user_id);
        token.created_at = now;
        token.roles = std::move(grants);
        created.token = TRY(store.insert_api_token(token));
        TRY(store.append_audit(event_for(
            actor_of(caller), region.value(), "api_token.create", "api_token", created.token.id.to_string(),
            audit::diff_fields(nullptr, api_token_audit_snapshot(created.token)), context)));
        return created;
      });
}

Result<void> IdentityService::revoke_api_token(const auth::Principal& caller, ApiTokenId id,
                                               const CallContext& context) {
  const RegionId region = TRY(region_of(caller));
  const std::string now = timestamp(clock_.now());
  return repository_->write([&](IdentityStore& store) -> Result<void> {
    auto token = TRY(store.find_api_token(region, id));
    if (!token) {
      return Error(ErrorCode::NotFound, {"Token API"});
    }
    if (token->revoked_at) {
      return success();
    }
    TRY(store.revoke_api_token(id, now));
    return store.append_audit(event_for(actor_of(caller), region.value(), "api_token.revoke", "api_token",
                                        id.to_string(), {audit::FieldChange{"revoked_at", nullptr, now}},
                                        context));
  });
}

}  // namespace sinergi::identity
