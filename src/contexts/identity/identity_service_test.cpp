// The identity service over real storage: every case runs unchanged on SQLite and
// PostgreSQL (db::test_backends()), with a ManualClock and a fast password hasher.
#include "contexts/identity/identity_service.h"

#include <gtest/gtest.h>

#include <barrier>
#include <set>
#include <thread>

#include "contexts/identity/identity_routes.h"
#include "core/clock.h"
#include "platform/audit/verify.h"
#include "platform/auth/crypto.h"
#include "platform/auth/login_throttle.h"
#include "platform/auth/password.h"
#include "platform/auth/secured_router.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"
#include "platform/http/request.h"
#include "platform/http/router.h"

namespace sinergi::identity {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

std::string describe(const Error& error) {
  std::string text = std::string(error.name()) + ": " + error.message(Locale::english);
  for (const auto& field : error.fields()) {
    text += " [" + field.field + ": " + field.message_en + "]";
  }
  if (!error.log_detail().empty()) {
    text += " {" + error.log_detail() + "}";
  }
  return text;
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

std::vector<std::string> fields_of(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields()) {
    fields.push_back(field.field);
  }
  return fields;
}

struct AuditRow {
  std::string action;
  std::string outcome;
  std::string actor_type;
  std::string actor_name;
  std::string entity_type;
  std::string changes;
};

constexpr std::string_view kNewPassword = "Gerbang-Mahakam-77";

class IdentityServiceTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  IdentityServiceTest()
      : clock_(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + hours(1)),
        hasher_(fast_hasher_options()),
        throttle_(clock_, auth::LoginThrottle::Options{}) {}

  static auth::PasswordHasher::Options fast_hasher_options() {
    auth::PasswordHasher::Options options;
    options.max_concurrent_hashes = 4;
    options.opslimit = auth::kMinimumOpsLimit;
    options.memlimit = auth::kMinimumMemLimit;
    return options;
  }

  void SetUp() override {
    auto test_database = db::TestDatabase::create(GetParam());
    ASSERT_OK(test_database);
    test_database_.emplace(std::move(test_database).value());
    auto database = db::Database::open(test_database_->url());
    ASSERT_OK(database);
    database_ = std::move(database).value();
    auto migrations = db::bundled_migrations();
    ASSERT_OK(migrations);
    ASSERT_OK(db::migrate(*database_, migrations.value()));
    auto demo = load_identity_demo(*database_, hasher_, clock_);
    ASSERT_OK(demo);
    service_ = std::make_unique<IdentityService>(*database_, hasher_, throttle_, clock_, IdentityOptions{});
  }

  CallContext context(std::string address = "192.0.2.10:40000") {
    return CallContext{"request-" + std::to_string(++request_counter_), std::move(address), "test-agent/1.0"};
  }

  SignedIn sign_in(const std::string& username, std::string_view password = kDemoPassword) {
    auto signed_in = service_->sign_in(username, password, context());
    EXPECT_TRUE(signed_in.ok()) << username << ": " << describe(signed_in.error());
    return signed_in.ok() ? std::move(signed_in).value() : SignedIn{};
  }

  // The principal the SecuredRouter would hand to a handler for this session.
  auth::Principal principal_of(const SignedIn& signed_in) {
    auto principal = service_->authenticate_credentials(signed_in.session_token, std::nullopt);
    EXPECT_TRUE(principal.ok()) << describe(principal.error());
    return principal.ok() ? principal.value() : auth::Principal::anonymous();
  }

  auth::Principal admin() { return principal_of(sign_in("admin")); }

  UserDraft draft(std::string username,
                  std::vector<RoleRequest> roles = {{"planner", std::nullopt, std::nullopt}}) {
    UserDraft result;
    result.username = std::move(username);
    result.display_name = "Pengguna Uji";
    result.password = "Kata-Sandi-Awal-2026";
    result.roles = std::move(roles);
    return result;
  }

  long long count(const std::string& table) {
    auto counted = database_->with_read_transaction([&](soci::session& session) -> Result<long long> {
      long long rows = 0;
      session << "SELECT COUNT(*) FROM " + table, soci::into(rows);
      return rows;
    });
    EXPECT_TRUE(counted.ok());
    return counted.ok() ? counted.value() : -1;
  }

  std::vector<AuditRow> audit_rows() {
    auto rows =
        database_->with_read_transaction([&](soci::session& session) -> Result<std::vector<AuditRow>> {
          std::vector<AuditRow> result;
          AuditRow row;
          soci::statement statement =
              (session.prepare << "SELECT action, outcome, actor_type, actor_name, entity_type, changes "
                                  "FROM audit_events ORDER BY sequence",
               soci::into(row.action), soci::into(row.outcome), soci::into(row.actor_type),
               soci::into(row.actor_name), soci::into(row.entity_type), soci::into(row.changes));
          statement.execute();
          while (statement.fetch()) {
            result.push_back(row);
          }
          return result;
        });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows.value() : std::vector<AuditRow>{};
  }

  std::vector<std::string> audit_actions_since(std::size_t first) {
    std::vector<std::string> actions;
    auto rows = audit_rows();
    for (std::size_t index = first; index < rows.size(); ++index) {
      actions.push_back(rows[index].action);
    }
    return actions;
  }

  User user_named(const std::string& username) {
    UserQuery query;
    query.search = username;
    query.page_size = 100;
    auto page = service_->list_users(admin_principal(), query);
    EXPECT_TRUE(page.ok());
    for (const auto& user : page.value().items) {
      if (user.username == username) {
        return user;
      }
    }
    ADD_FAILURE() << "no user " << username;
    return User{};
  }

  // An administrator principal without signing in (no session, no audit noise).
  auth::Principal admin_principal() {
    auth::Principal principal;
    principal.kind = auth::Principal::Kind::user;
    principal.user_id = 1;
    principal.name = "admin";
    principal.region_id = 1;
    principal.roles.push_back(auth::RoleGrant{auth::Role::admin, std::nullopt, {}, {}, std::nullopt});
    return principal;
  }

  ManualClock clock_;
  auth::PasswordHasher hasher_;
  auth::LoginThrottle throttle_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<IdentityService> service_;
  int request_counter_ = 0;
};

TEST_P(IdentityServiceTest, DemoLoadsOnceWithTwelveUsersAndTheAgencies) {
  EXPECT_EQ(count("regions"), 1);
  EXPECT_EQ(count("agencies"), 36);
  EXPECT_EQ(count("users"), 12);
  auto again = load_identity_demo(*database_, hasher_, clock_);
  ASSERT_OK(again);
  EXPECT_EQ(again->regions_created, 0);
  EXPECT_EQ(again->agencies_created, 0);
  EXPECT_EQ(again->users_created, 0);
  EXPECT_EQ(count("users"), 12);
  User kadis = user_named("kadis.dinkes");
  EXPECT_FALSE(kadis.must_change_password);
  EXPECT_EQ(kadis.nip, "198001012005011001");
  ASSERT_EQ(kadis.roles.size(), 1U);
  EXPECT_EQ(kadis.roles[0].role, auth::Role::agency_head);
  EXPECT_EQ(kadis.roles[0].agency_code, "Dinkes");
  EXPECT_EQ(kadis.roles[0].agency_name, "Dinas Kesehatan");
  EXPECT_EQ(kadis.region.code, "64");
  EXPECT_EQ(kadis.region.name, "Provinsi Kalimantan Timur");
  auto agencies = service_->list_agencies(admin_principal());
  ASSERT_OK(agencies);
  EXPECT_EQ(agencies->front().code, "Disdikbud");
  EXPECT_EQ(agencies->front().cluster, "asisten_1");
}

TEST_P(IdentityServiceTest, CreatesListsSearchesAndPaginates) {
  const std::size_t events_before = audit_rows().size();
  auto created = service_->create_user(admin(), draft("Budi_Santoso"), context());
  ASSERT_OK(created);
  EXPECT_EQ(created->username, "budi_santoso");
  EXPECT_TRUE(created->must_change_password);
  EXPECT_TRUE(created->active);
  EXPECT_EQ(created->version, 1);
  EXPECT_EQ(created->created_at, "2026-11-23T01:00:00.000Z");
  EXPECT_EQ(audit_actions_since(events_before), (std::vector<std::string>{"session.login", "user.create"}));

  UserQuery query;
  query.page_size = 5;
  auto first = service_->list_users(admin_principal(), query);
  ASSERT_OK(first);
  EXPECT_EQ(first->total, 13);
  ASSERT_EQ(first->items.size(), 5U);
  EXPECT_EQ(first->items[0].username, "admin");
  query.page = 3;
  auto last = service_->list_users(admin_principal(), query);
  ASSERT_OK(last);
  EXPECT_EQ(last->items.size(), 3U);
  query.page = 4;
  EXPECT_TRUE(service_->list_users(admin_principal(), query)->items.empty());

  UserQuery search;
  search.search = "DINKES";
  auto dinkes = service_->list_users(admin_principal(), search);
  ASSERT_OK(dinkes);
  ASSERT_EQ(dinkes->total, 2);
  EXPECT_EQ(dinkes->items[0].username, "kadis.dinkes");
  EXPECT_EQ(dinkes->items[1].username, "staf.dinkes");

  // LIKE's wildcards are matched literally.
  search.search = "_";
  auto underscore = service_->list_users(admin_principal(), search);
  ASSERT_OK(underscore);
  ASSERT_EQ(underscore->total, 1);
  EXPECT_EQ(underscore->items[0].username, "budi_santoso");
  search.search = "%";
  EXPECT_EQ(service_->list_users(admin_principal(), search)->total, 0);
  search.search = "' OR '1'='1";
  EXPECT_EQ(service_->list_users(admin_principal(), search)->total, 0);
  search.search = "19800101";  // part of kadis.dinkes's NIP
  EXPECT_EQ(service_->list_users(admin_principal(), search)->total, 1);
  search.search = "kesehatan";  // display name, any case
  EXPECT_EQ(service_->list_users(admin_principal(), search)->total, 2);

  UserQuery by_role;
  by_role.role = auth::Role::agency_staff;
  EXPECT_EQ(service_->list_users(admin_principal(), by_role)->total, 2);
  UserQuery inactive;
  inactive.active = false;
  EXPECT_EQ(service_->list_users(admin_principal(), inactive)->total, 0);

  UserQuery bad;
  bad.page_size = 101;
  EXPECT_EQ(service_->list_users(admin_principal(), bad).error().code(), ErrorCode::InvalidInput);
}

TEST_P(IdentityServiceTest, InvalidDraftReportsEverythingAndWritesNothing) {
  const auto principal = admin();
  const long long users_before = count("users");
  const long long roles_before = count("user_roles");
  const std::size_t events_before = audit_rows().size();
  UserDraft bad =
      draft("staf.dinkes", {{"agency_head", "Tidak-Ada", std::nullopt}, {"assistant", std::nullopt, "x"}});
  bad.display_name = "";
  bad.nip = "198002312005131001";
  bad.email = "bukan-surel";
  bad.password = "pendek";
  auto created = service_->create_user(principal, bad, context());
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(fields_of(created.error()),
            (std::vector<std::string>{"display_name", "nip", "nip", "email", "username", "password",
                                      "roles[0].agency_code", "roles[1].cluster"}));
  EXPECT_EQ(count("users"), users_before);
  EXPECT_EQ(count("user_roles"), roles_before);
  EXPECT_EQ(audit_rows().size(), events_before);

  // A PUT of roles that fails validation inside the transaction leaves nothing either.
  User staf = user_named("staf.dinkes");
  auto roles = service_->set_roles(principal, staf.id, staf.version, {{"agency_staff", "Nope", std::nullopt}},
                                   context());
  ASSERT_FALSE(roles.ok());
  EXPECT_EQ(fields_of(roles.error()), std::vector<std::string>{"roles[0].agency_code"});
  EXPECT_EQ(user_named("staf.dinkes"), staf);
  EXPECT_EQ(audit_rows().size(), events_before);
}

TEST_P(IdentityServiceTest, ConcurrentPatchesWithTheSameVersionLetExactlyOneWin) {
  const auth::Principal principal = admin_principal();
  const User before = user_named("staf.dinkes");
  std::barrier start(2);
  std::vector<Result<User>> results(2, Error(ErrorCode::Internal));
  std::vector<std::thread> threads;
  for (int index = 0; index < 2; ++index) {
    threads.emplace_back([&, index] {
      UserChanges changes;
      changes.version = before.version;
      changes.display_name = "Operator " + std::to_string(index);
      start.arrive_and_wait();
      results[static_cast<std::size_t>(index)] =
          service_->update_user(principal, before.id, changes, context());
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  int wins = 0;
  int conflicts = 0;
  for (const auto& result : results) {
    if (result.ok()) {
      ++wins;
      EXPECT_EQ(result->version, before.version + 1);
    } else {
      EXPECT_EQ(result.error().code(), ErrorCode::Conflict) << describe(result.error());
      ++conflicts;
    }
  }
  EXPECT_EQ(wins, 1);
  EXPECT_EQ(conflicts, 1);
  EXPECT_EQ(user_named("staf.dinkes").version, before.version + 1);

  UserChanges stale;
  stale.version = before.version;
  stale.display_name = "Lagi";
  EXPECT_EQ(service_->update_user(principal, before.id, stale, context()).error().code(),
            ErrorCode::Conflict);
}

TEST_P(IdentityServiceTest, PatchAuditsTheDiffAndNoOpChangesNothing) {
  const auth::Principal principal = admin_principal();
  const User before = user_named("staf.dinkes");
  const std::size_t events_before = audit_rows().size();
  UserChanges changes;
  changes.version = before.version;
  changes.nip = std::optional<std::string>("199001012015012002");
  changes.email = std::optional<std::string>("staf@dinkes.kaltimprov.go.id");
  auto updated = service_->update_user(principal, before.id, changes, context());
  ASSERT_OK(updated);
  EXPECT_EQ(updated->nip, "199001012015012002");
  auto rows = audit_rows();
  ASSERT_EQ(rows.size(), events_before + 1);
  EXPECT_EQ(rows.back().action, "user.update");
  EXPECT_NE(rows.back().changes.find("\"field\":\"nip\""), std::string::npos) << rows.back().changes;
  EXPECT_NE(rows.back().changes.find("\"field\":\"email\""), std::string::npos);
  EXPECT_EQ(rows.back().changes.find("password"), std::string::npos);

  // Same values again: nothing to write, no event, version unchanged.
  changes.version = updated->version;
  auto same = service_->update_user(principal, before.id, changes, context());
  ASSERT_OK(same);
  EXPECT_EQ(same->version, updated->version);
  EXPECT_EQ(audit_rows().size(), events_before + 1);

  // null clears.
  UserChanges clear;
  clear.version = updated->version;
  clear.email.emplace();  // set, holding nothing: clear it
  auto cleared = service_->update_user(principal, before.id, clear, context());
  ASSERT_OK(cleared);
  EXPECT_FALSE(cleared->email);
  EXPECT_EQ(cleared->nip, "199001012015012002");
}

TEST_P(IdentityServiceTest, SignInSucceedsAndEveryFailureLooksTheSame) {
  SignedIn signed_in = sign_in("Staf.Dinkes");
  EXPECT_EQ(signed_in.user.username, "staf.dinkes");
  EXPECT_EQ(signed_in.session_token.size(), 43U);
  EXPECT_EQ(signed_in.csrf_token, IdentityService::csrf_token_for(signed_in.session_token));
  EXPECT_NE(signed_in.set_cookie.find("sinergi_session=" + signed_in.session_token), std::string::npos);
  EXPECT_NE(signed_in.set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(signed_in.set_cookie.find("SameSite=Strict"), std::string::npos);
  ASSERT_TRUE(signed_in.principal.session_id);

  auth::Principal principal = principal_of(signed_in);
  EXPECT_EQ(principal.kind, auth::Principal::Kind::user);
  EXPECT_EQ(principal.name, "staf.dinkes");
  EXPECT_EQ(principal.session_id, signed_in.principal.session_id);
  EXPECT_EQ(principal.csrf_token_hash, auth::sha256_hex(signed_in.csrf_token));
  ASSERT_EQ(principal.roles.size(), 1U);
  EXPECT_EQ(principal.roles[0].agency_code, "Dinkes");

  // The session row holds hashes only.
  auto stored = database_->with_read_transaction([&](soci::session& session) -> Result<long long> {
    long long matches = 0;
    session << "SELECT COUNT(*) FROM sessions WHERE token_hash = :token OR csrf_token_hash = :csrf",
        soci::use(signed_in.session_token), soci::use(signed_in.csrf_token), soci::into(matches);
    return matches;
  });
  ASSERT_OK(stored);
  EXPECT_EQ(stored.value(), 0);

  // Deactivate kadis.dinkes to have an inactive account.
  User kadis = user_named("kadis.dinkes");
  UserChanges deactivate;
  deactivate.version = kadis.version;
  deactivate.active = false;
  ASSERT_OK(service_->update_user(admin_principal(), kadis.id, deactivate, context()));

  const std::size_t events_before = audit_rows().size();
  for (const auto& [username, password] :
       std::vector<std::pair<std::string, std::string>>{{"staf.dinkes", "salah-sekali-123"},
                                                        {"tidak.ada", std::string(kDemoPassword)},
                                                        {"kadis.dinkes", std::string(kDemoPassword)},
                                                        {"admin' OR '1'='1", "x"}}) {
    auto failed =
        service_->sign_in(username, password, context("198.51.100." + std::to_string(events_before) + ":1"));
    ASSERT_FALSE(failed.ok()) << username;
    EXPECT_EQ(failed.error().code(), ErrorCode::InvalidCredentials) << username;
  }
  auto rows = audit_rows();
  ASSERT_EQ(rows.size(), events_before + 4);
  for (std::size_t index = events_before; index < rows.size(); ++index) {
    EXPECT_EQ(rows[index].action, "session.login_failed");
    EXPECT_EQ(rows[index].outcome, "failed");
    EXPECT_EQ(rows[index].actor_type, "anonymous");
  }
  EXPECT_EQ(rows[events_before].actor_name, "staf.dinkes");
  EXPECT_EQ(rows[events_before + 3].actor_name, "admin' or '1'='1");
  EXPECT_EQ(count("users"), 12);
}

TEST_P(IdentityServiceTest, FailedSignInRecordsATruncatedUsername) {
  const std::string long_name(300, 'x');
  EXPECT_EQ(service_->sign_in(long_name, "x", context()).error().code(), ErrorCode::InvalidCredentials);
  EXPECT_EQ(audit_rows().back().actor_name, std::string(64, 'x'));
}

TEST_P(IdentityServiceTest, ThrottlesAfterFiveFailuresEvenTheRightPassword) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(service_->sign_in("gubernur", "bukan-ini-sandinya", context()).error().code(),
              ErrorCode::InvalidCredentials);
  }
  auto throttled = service_->sign_in("gubernur", kDemoPassword, context());
  ASSERT_FALSE(throttled.ok());
  EXPECT_EQ(throttled.error().code(), ErrorCode::LoginThrottled);
  EXPECT_EQ(throttled.error().arguments(), std::vector<std::string>{"1"});
  clock_.advance(seconds(2));
  ASSERT_OK(service_->sign_in("gubernur", kDemoPassword, context()));
}

TEST_P(IdentityServiceTest, SessionsExpireWhenIdleAndAfterTwelveHours) {
  SignedIn signed_in = sign_in("sekda");
  const std::string token = signed_in.session_token;
  // Activity keeps the session alive past 30 minutes...
  for (int step = 0; step < 3; ++step) {
    clock_.advance(minutes(20));
    ASSERT_OK(service_->authenticate_credentials(token, std::nullopt));
  }
  // ...but 30 idle minutes end it.
  clock_.advance(minutes(30));
  EXPECT_EQ(service_->authenticate_credentials(token, std::nullopt).error().code(),
            ErrorCode::Unauthenticated);

  SignedIn second = sign_in("sekda");
  for (int step = 0; step < 12 * 3 - 1; ++step) {
    clock_.advance(minutes(20));
    ASSERT_OK(service_->authenticate_credentials(second.session_token, std::nullopt));
  }
  clock_.advance(minutes(20));  // 12 hours since sign-in
  EXPECT_EQ(service_->authenticate_credentials(second.session_token, std::nullopt).error().code(),
            ErrorCode::Unauthenticated);
}

TEST_P(IdentityServiceTest, SignedOutForgedAndUnknownSessionsAreUnauthenticated) {
  SignedIn signed_in = sign_in("wagub");
  auth::Principal principal = principal_of(signed_in);
  const std::size_t events_before = audit_rows().size();
  ASSERT_OK(service_->sign_out(principal, context()));
  EXPECT_EQ(audit_actions_since(events_before), std::vector<std::string>{"session.logout"});
  EXPECT_EQ(service_->authenticate_credentials(signed_in.session_token, std::nullopt).error().code(),
            ErrorCode::Unauthenticated);
  EXPECT_EQ(service_->authenticate_credentials(auth::random_token(32), std::nullopt).error().code(),
            ErrorCode::Unauthenticated);
  auto anonymous = service_->authenticate_credentials(std::nullopt, std::nullopt);
  ASSERT_OK(anonymous);
  EXPECT_FALSE(anonymous->is_authenticated());
}

TEST_P(IdentityServiceTest, StaleCookieIsIgnoredOnlyWhenSigningIn) {
  // The service refuses a stale cookie everywhere; the SecuredRouter, for every route that
  // anyone may call, goes on as anonymous. Both layers are the real ones here.
  http::Router router;
  auth::SecuredRouter secured(router, *service_, nullptr);
  register_identity_routes(secured, *service_);
  const auto call = [&](http::Method method) {
    http::Request request;
    request.method = method;
    request.set_target("/api/v1/session");
    request.headers.set("Cookie", "sinergi_session=" + auth::random_token(32));
    request.headers.set("Content-Type", "application/json");
    request.body = R"({"username":"tidak.ada","password":"bukan-kata-sandi"})";
    auto match = router.match(method, request.path);
    EXPECT_TRUE(match.ok());
    return (*match->handler)(request);
  };
  // Signing in reaches the credentials check: the stale cookie did not stop it.
  auto on_sign_in = call(http::Method::post);
  ASSERT_FALSE(on_sign_in.ok());
  EXPECT_EQ(on_sign_in.error().code(), ErrorCode::InvalidCredentials);
  // Anywhere else the stale cookie is what it is: unauthenticated.
  auto elsewhere = call(http::Method::get);
  ASSERT_FALSE(elsewhere.ok());
  EXPECT_EQ(elsewhere.error().code(), ErrorCode::Unauthenticated);

  http::Request request;
  request.method = http::Method::get;
  request.set_target("/api/v1/session");
  request.headers.set("Cookie", "sinergi_session=" + auth::random_token(32));
  EXPECT_EQ(service_->authenticate(request).error().code(), ErrorCode::Unauthenticated);
  request.headers.set("Cookie", "other=1");
  ASSERT_OK(service_->authenticate(request));
  request.headers.set("Authorization", "Basic YWRtaW46YWRtaW4=");
  EXPECT_EQ(service_->authenticate(request).error().code(), ErrorCode::Unauthenticated);
}

TEST_P(IdentityServiceTest, BearerTokensAuthenticateUntilRevoked) {
  const auth::Principal principal = admin();
  auto created = service_->create_api_token(principal, " Integrasi SIPD ",
                                            {{"planner", std::nullopt, std::nullopt}}, context());
  ASSERT_OK(created);
  EXPECT_TRUE(created->secret.starts_with("snrg_"));
  EXPECT_EQ(created->token.name, "Integrasi SIPD");
  EXPECT_EQ(created->token.created_by_name, "Administrator Sinergi");
  EXPECT_FALSE(created->token.last_used_at);

  auto caller = service_->authenticate_credentials(std::nullopt, created->secret);
  ASSERT_OK(caller);
  EXPECT_EQ(caller->kind, auth::Principal::Kind::api_token);
  EXPECT_EQ(caller->api_token_id, created->token.id.value());
  EXPECT_EQ(caller->region_id, 1);
  EXPECT_TRUE(caller->csrf_token_hash.empty());
  EXPECT_TRUE(caller->has_role(auth::Role::planner));
  auto listed = service_->list_api_tokens(principal);
  ASSERT_OK(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().last_used_at, "2026-11-23T01:00:00.000Z");

  // A bearer wins over a cookie, and a wrong one is refused even with a good cookie.
  EXPECT_EQ(
      service_->authenticate_credentials(sign_in("sekda").session_token, "snrg_" + auth::random_token(32))
          .error()
          .code(),
      ErrorCode::Unauthenticated);
  EXPECT_EQ(service_->authenticate_credentials(std::nullopt, "not-a-sinergi-token").error().code(),
            ErrorCode::Unauthenticated);

  ASSERT_OK(service_->revoke_api_token(principal, created->token.id, context()));
  EXPECT_EQ(service_->authenticate_credentials(std::nullopt, created->secret).error().code(),
            ErrorCode::Unauthenticated);
  // Revoking twice is fine and records nothing more.
  const std::size_t events = audit_rows().size();
  ASSERT_OK(service_->revoke_api_token(principal, created->token.id, context()));
  EXPECT_EQ(audit_rows().size(), events);
  EXPECT_EQ(service_->revoke_api_token(principal, ApiTokenId(999), context()).error().code(),
            ErrorCode::NotFound);
}

TEST_P(IdentityServiceTest, PasswordChangeRules) {
  SignedIn first = sign_in("bapperida");
  SignedIn second = sign_in("bapperida");
  const auth::Principal principal = principal_of(first);

  auto wrong = service_->change_password(principal, "bukan-sandi-lama", kNewPassword, context());
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(fields_of(wrong.error()), std::vector<std::string>{"current_password"});
  EXPECT_EQ(wrong.error().fields()[0].message_id, "salah");
  EXPECT_EQ(wrong.error().fields()[0].message_en, "is wrong");

  auto weak = service_->change_password(principal, kDemoPassword, "pendek", context());
  EXPECT_EQ(fields_of(weak.error()), std::vector<std::string>{"new_password"});
  auto both = service_->change_password(principal, "salah", "bapperida-2026", context());
  EXPECT_EQ(fields_of(both.error()), (std::vector<std::string>{"current_password", "new_password"}));
  auto same = service_->change_password(principal, kDemoPassword, kDemoPassword, context());
  EXPECT_EQ(fields_of(same.error()), std::vector<std::string>{"new_password"});

  const std::size_t events_before = audit_rows().size();
  ASSERT_OK(service_->change_password(principal, kDemoPassword, kNewPassword, context()));
  auto rows = audit_rows();
  ASSERT_EQ(rows.size(), events_before + 1);
  EXPECT_EQ(rows.back().action, "password.change");
  EXPECT_NE(rows.back().changes.find("[redacted]"), std::string::npos);
  EXPECT_EQ(rows.back().changes.find("argon2"), std::string::npos);
  // This session lives on, the other one ended.
  ASSERT_OK(service_->authenticate_credentials(first.session_token, std::nullopt));
  EXPECT_EQ(service_->authenticate_credentials(second.session_token, std::nullopt).error().code(),
            ErrorCode::Unauthenticated);
  EXPECT_EQ(service_->sign_in("bapperida", kDemoPassword, context()).error().code(),
            ErrorCode::InvalidCredentials);
  ASSERT_OK(service_->sign_in("bapperida", kNewPassword, context()));
}

TEST_P(IdentityServiceTest, NewUserMustChangePasswordThenMayNot) {
  auto created = service_->create_user(admin_principal(), draft("pegawai.baru"), context());
  ASSERT_OK(created);
  SignedIn signed_in = sign_in("pegawai.baru", "Kata-Sandi-Awal-2026");
  auth::Principal principal = principal_of(signed_in);
  EXPECT_TRUE(principal.must_change_password);
  ASSERT_OK(service_->change_password(principal, "Kata-Sandi-Awal-2026", kNewPassword, context()));
  EXPECT_FALSE(principal_of(signed_in).must_change_password);
}

TEST_P(IdentityServiceTest, AdministratorCannotDemoteOrDeactivateThemself) {
  const auth::Principal principal = admin();
  User self = user_named("admin");
  auto demoted = service_->set_roles(principal, self.id, self.version,
                                     {{"auditor", std::nullopt, std::nullopt}}, context());
  ASSERT_FALSE(demoted.ok());
  EXPECT_EQ(demoted.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(fields_of(demoted.error()), std::vector<std::string>{"roles"});
  UserChanges deactivate;
  deactivate.version = self.version;
  deactivate.active = false;
  auto deactivated = service_->update_user(principal, self.id, deactivate, context());
  EXPECT_EQ(fields_of(deactivated.error()), std::vector<std::string>{"active"});
  // Adding a role while keeping admin is fine.
  auto extended = service_->set_roles(
      principal, self.id, self.version,
      {{"admin", std::nullopt, std::nullopt}, {"auditor", std::nullopt, std::nullopt}}, context());
  ASSERT_OK(extended);
  EXPECT_EQ(extended->roles.size(), 2U);
  EXPECT_EQ(extended->version, self.version + 1);
}

TEST_P(IdentityServiceTest, ResetAndDeactivationEndTheUsersSessions) {
  SignedIn staff = sign_in("staf.disdikbud");
  const auth::Principal principal = admin();
  User user = user_named("staf.disdikbud");
  EXPECT_EQ(service_->reset_password(principal, user.id, "pendek", context()).error().code(),
            ErrorCode::ValidationFailed);
  ASSERT_OK(service_->reset_password(principal, user.id, kNewPassword, context()));
  EXPECT_EQ(service_->authenticate_credentials(staff.session_token, std::nullopt).error().code(),
            ErrorCode::Unauthenticated);
  SignedIn again = sign_in("staf.disdikbud", kNewPassword);
  EXPECT_TRUE(principal_of(again).must_change_password);

  user = user_named("staf.disdikbud");
  UserChanges deactivate;
  deactivate.version = user.version;
  deactivate.active = false;
  auto deactivated = service_->update_user(principal, user.id, deactivate, context());
  ASSERT_OK(deactivated);
  EXPECT_FALSE(deactivated->active);
  EXPECT_EQ(service_->authenticate_credentials(again.session_token, std::nullopt).error().code(),
            ErrorCode::Unauthenticated);
  EXPECT_EQ(service_->sign_in("staf.disdikbud", kNewPassword, context()).error().code(),
            ErrorCode::InvalidCredentials);
  UserChanges activate;
  activate.version = deactivated->version;
  activate.active = true;
  ASSERT_OK(service_->update_user(principal, user.id, activate, context()));
  ASSERT_OK(service_->sign_in("staf.disdikbud", kNewPassword, context()));
}

TEST_P(IdentityServiceTest, OwnSessionsCanBeListedAndRevoked) {
  SignedIn first = sign_in("dprd");
  clock_.advance(minutes(1));
  SignedIn second = sign_in("dprd");
  const auth::Principal principal = principal_of(second);
  auto sessions = service_->list_sessions(principal);
  ASSERT_OK(sessions);
  ASSERT_EQ(sessions->size(), 2U);
  EXPECT_TRUE(sessions->at(0).current);
  EXPECT_FALSE(sessions->at(1).current);
  EXPECT_EQ(sessions->at(0).user_agent, "test-agent/1.0");
  EXPECT_EQ(sessions->at(0).expires_at, "2026-11-23T01:31:00.000Z");

  // Another user's session is "not found".
  SignedIn other = sign_in("sekda");
  ASSERT_TRUE(other.principal.session_id);
  EXPECT_EQ(
      service_->revoke_session(principal, SessionId(*other.principal.session_id), context()).error().code(),
      ErrorCode::NotFound);
  ASSERT_OK(service_->revoke_session(principal, sessions->at(1).id, context()));
  EXPECT_EQ(service_->authenticate_credentials(first.session_token, std::nullopt).error().code(),
            ErrorCode::Unauthenticated);
  EXPECT_EQ(service_->list_sessions(principal)->size(), 1U);
}

TEST_P(IdentityServiceTest, AgencyUsersRespectTheAgencyScope) {
  const auth::Principal staff = principal_of(sign_in("staf.dinkes"));
  EXPECT_EQ(service_->users_of_agency(staff, "Disdikbud").error().code(), ErrorCode::Forbidden);
  EXPECT_EQ(service_->users_of_agency(staff, "Tidak-Ada").error().code(), ErrorCode::NotFound);
  auto users = service_->users_of_agency(staff, "Dinkes");
  ASSERT_OK(users);
  std::set<std::string> names;
  for (const auto& user : users.value()) {
    names.insert(user.username);
  }
  EXPECT_EQ(names, (std::set<std::string>{"admin", "asisten1", "gubernur", "inspektorat", "kadis.dinkes",
                                          "sekda", "staf.dinkes", "wagub"}));
  // Asisten I supervises Dinkes (asisten_1), not Dishub (asisten_2).
  const auth::Principal assistant = principal_of(sign_in("asisten1"));
  ASSERT_OK(service_->users_of_agency(assistant, "Dinkes"));
  EXPECT_EQ(service_->users_of_agency(assistant, "Dishub").error().code(), ErrorCode::Forbidden);
  auto dishub = service_->users_of_agency(admin_principal(), "Dishub");
  ASSERT_OK(dishub);
  for (const auto& user : dishub.value()) {
    EXPECT_NE(user.username, "asisten1");
  }
}

TEST_P(IdentityServiceTest, RegionsDoNotSeeEachOther) {
  CreateUserCommand command;
  command.username = "admin.kaltara";
  command.role = "admin";
  command.region_code = "65";
  command.region_name = "Provinsi Kalimantan Utara";
  command.password = "Kaltara-Admin-2026";
  auto other_admin = create_user_from_command_line(*database_, hasher_, clock_, command);
  ASSERT_OK(other_admin);
  EXPECT_FALSE(other_admin->must_change_password);
  EXPECT_EQ(other_admin->region.code, "65");

  const auth::Principal kaltim = admin_principal();
  EXPECT_EQ(service_->get_user(kaltim, other_admin->id).error().code(), ErrorCode::NotFound);
  UserChanges changes;
  changes.version = 1;
  changes.display_name = "x";
  EXPECT_EQ(service_->update_user(kaltim, other_admin->id, changes, context()).error().code(),
            ErrorCode::NotFound);
  EXPECT_EQ(service_->reset_password(kaltim, other_admin->id, kNewPassword, context()).error().code(),
            ErrorCode::NotFound);
  UserQuery query;
  query.search = "kaltara";
  EXPECT_EQ(service_->list_users(kaltim, query)->total, 0);

  const auth::Principal kaltara = principal_of(sign_in("admin.kaltara", "Kaltara-Admin-2026"));
  EXPECT_EQ(service_->list_users(kaltara, UserQuery{})->total, 1);
  EXPECT_TRUE(service_->list_agencies(kaltara)->empty());
  // No agencies in Kaltara: an agency role there cannot be granted.
  auto staff = service_->create_user(
      kaltara, draft("staf.kaltara", {{"agency_staff", "Dinkes", std::nullopt}}), context());
  EXPECT_EQ(fields_of(staff.error()), std::vector<std::string>{"roles[0].agency_code"});
}

TEST_P(IdentityServiceTest, CommandLineNeedsAClearRegion) {
  CreateUserCommand command;
  command.username = "operator";
  command.role = "admin";
  command.password = "Samarinda-Tepian-2026";
  // One region (64): used without --region.
  auto created = create_user_from_command_line(*database_, hasher_, clock_, command);
  ASSERT_OK(created);
  EXPECT_EQ(created->region.code, "64");
  EXPECT_EQ(created->display_name, "operator");
  EXPECT_EQ(create_user_from_command_line(*database_, hasher_, clock_, command).error().code(),
            ErrorCode::Conflict);

  command.username = "operator2";
  command.region_code = "64.71";
  auto missing = create_user_from_command_line(*database_, hasher_, clock_, command);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code(), ErrorCode::InvalidInput);
  EXPECT_NE(missing.error().message().find("--region-name"), std::string::npos);
  command.region_name = "Kota Balikpapan";
  auto balikpapan = create_user_from_command_line(*database_, hasher_, clock_, command);
  ASSERT_OK(balikpapan);
  EXPECT_EQ(balikpapan->region.level, "city");

  command.username = "operator3";
  command.region_code.reset();
  command.region_name.reset();
  auto ambiguous = create_user_from_command_line(*database_, hasher_, clock_, command);
  EXPECT_EQ(ambiguous.error().code(), ErrorCode::InvalidInput);

  command.region_code = "64";
  command.role = "agency_head";
  command.agency_code = "Dinkes";
  command.password = "pendek";
  auto invalid = create_user_from_command_line(*database_, hasher_, clock_, command);
  EXPECT_EQ(fields_of(invalid.error()), std::vector<std::string>{"password"});
  command.password = "Samarinda-Tepian-2026";
  ASSERT_OK(create_user_from_command_line(*database_, hasher_, clock_, command));

  auto rows = audit_rows();
  EXPECT_EQ(rows.back().action, "user.create");
  EXPECT_EQ(rows.back().actor_type, "system");
  EXPECT_EQ(rows.back().actor_name, "cli");
}

TEST_P(IdentityServiceTest, EveryMutationIsAuditedAndTheChainVerifies) {
  const std::size_t events_before = audit_rows().size();
  SignedIn signed_in = sign_in("admin");
  const auth::Principal principal = principal_of(signed_in);
  auto created = service_->create_user(principal, draft("auditee"), context());
  ASSERT_OK(created);
  UserChanges changes;
  changes.version = created->version;
  changes.display_name = "Pengguna Diaudit";
  auto updated = service_->update_user(principal, created->id, changes, context());
  ASSERT_OK(updated);
  auto roles = service_->set_roles(principal, created->id, updated->version,
                                   {{"agency_staff", "Dinkes", std::nullopt}}, context());
  ASSERT_OK(roles);
  ASSERT_OK(service_->reset_password(principal, created->id, kNewPassword, context()));
  auto current = service_->get_user(principal, created->id);
  ASSERT_OK(current);
  changes = UserChanges{};
  changes.version = current->version;
  changes.active = false;
  auto deactivated = service_->update_user(principal, created->id, changes, context());
  ASSERT_OK(deactivated);
  changes.version = deactivated->version;
  changes.active = true;
  ASSERT_OK(service_->update_user(principal, created->id, changes, context()));
  auto token =
      service_->create_api_token(principal, "Dasbor", {{"governor", std::nullopt, std::nullopt}}, context());
  ASSERT_OK(token);
  ASSERT_OK(service_->revoke_api_token(principal, token->token.id, context()));
  SignedIn other = sign_in("admin");
  ASSERT_OK(service_->revoke_session(principal, SessionId(*other.principal.session_id), context()));
  ASSERT_OK(service_->change_password(principal, kDemoPassword, kNewPassword, context()));
  EXPECT_FALSE(service_->sign_in("admin", "salah-sandi-ini", context()).ok());
  ASSERT_OK(service_->sign_out(principal, context()));

  EXPECT_EQ(audit_actions_since(events_before),
            (std::vector<std::string>{
                "session.login", "user.create", "user.update", "user.roles_set", "user.password_reset",
                "user.deactivate", "user.activate", "api_token.create", "api_token.revoke", "session.login",
                "session.revoke", "password.change", "session.login_failed", "session.logout"}));
  for (const auto& row : audit_rows()) {
    EXPECT_EQ(row.changes.find("$argon2"), std::string::npos) << row.action;
  }
  auto verified = audit::verify_chain(*database_);
  ASSERT_OK(verified);
  EXPECT_TRUE(verified->intact) << audit::describe(verified.value());
  EXPECT_EQ(static_cast<std::size_t>(verified->events_checked), audit_rows().size());
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityServiceTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::identity
