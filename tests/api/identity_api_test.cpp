// Black-box tests of the identity API (docs/api/identity.md): the real binary, loaded with
// `sinergi demo`, on a fresh database of every backend. Each test starts its own server, so
// the in-memory login throttle starts empty every time.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "api_client.h"
#include "platform/db/database.h"
#include "platform/db/testing/test_database.h"
#include "server_process.h"
#include "session_client.h"

namespace sinergi::api_test {
namespace {

using Json = nlohmann::json;

constexpr const char* kDemoPassword = "Sinergi-Demo-2026";

Json json_of(const ApiResponse& response) {
  return Json::parse(response.body, nullptr, false);
}

std::string problem_type(const ApiResponse& response) {
  Json body = json_of(response);
  return body.is_object() && body.contains("type") ? body.at("type").get<std::string>()
                                                   : "(no problem) " + response.body;
}

// The "field" of every entry in a problem's "errors", in order.
std::vector<std::string> error_fields(const ApiResponse& response) {
  std::vector<std::string> fields;
  const Json body = json_of(response);
  if (body.is_object() && body.contains("errors")) {
    for (const auto& error : body.at("errors")) {
      fields.push_back(error.at("field").get<std::string>());
    }
  }
  return fields;
}

std::string credentials(const std::string& username, const std::string& password) {
  return Json{{"username", username}, {"password", password}}.dump();
}

class IdentityApiTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    auto database = db::TestDatabase::create(GetParam());
    ASSERT_TRUE(database.ok()) << database.error().message() << " " << database.error().log_detail();
    database_.emplace(std::move(database).value());
    CommandResult demo = run_sinergi({"demo", "--db", database_->url_text()});
    ASSERT_EQ(demo.exit_code, 0) << demo.standard_error;
    auto server = ServerProcess::start({"--db", database_->url_text()});
    ASSERT_TRUE(server);
    server_.emplace(std::move(*server));
  }

  void TearDown() override {
    if (server_) {
      // A clean shutdown, and nothing from the sanitizers (asan builds) on the way.
      EXPECT_EQ(server_->stop(), 0) << server_->standard_error();
      EXPECT_EQ(server_->standard_error().find("Sanitizer"), std::string::npos) << server_->standard_error();
    }
  }

  std::uint16_t port() const { return server_->port(); }

  SessionClient signed_in(const std::string& username, const std::string& password = kDemoPassword) {
    SessionClient client(port());
    ApiResponse response = client.sign_in(username, password);
    EXPECT_EQ(response.status, 200) << username << ": " << response.body;
    return client;
  }

  // Runs one statement against the server's database, as an operator with psql would.
  void execute_sql(const std::string& statement) {
    auto url = db::DatabaseUrl::parse(database_->url_text());
    ASSERT_TRUE(url.ok());
    auto database = db::Database::open(url.value(), db::PoolOptions{.size = 1});
    ASSERT_TRUE(database.ok());
    auto done = database.value()->with_transaction([&](soci::session& session) -> Result<void> {
      session << statement;
      return success();
    });
    ASSERT_TRUE(done.ok()) << done.error().log_detail();
  }

  long long count_rows(const std::string& query) {
    auto url = db::DatabaseUrl::parse(database_->url_text());
    auto database = db::Database::open(url.value(), db::PoolOptions{.size = 1});
    EXPECT_TRUE(database.ok());
    auto counted = database.value()->with_read_transaction([&](soci::session& session) -> Result<long long> {
      long long rows = 0;
      session << query, soci::into(rows);
      return rows;
    });
    EXPECT_TRUE(counted.ok());
    return counted.ok() ? counted.value() : -1;
  }

  std::optional<db::TestDatabase> database_;
  std::optional<ServerProcess> server_;
};

TEST_P(IdentityApiTest, SignInSetsAStrictHttpOnlyCookieAndGivesTheCsrfToken) {
  SessionClient client(port());
  ApiResponse response = client.sign_in("admin", kDemoPassword);
  ASSERT_EQ(response.status, 200) << response.body;
  const std::string set_cookie = response.header("Set-Cookie").value_or("");
  EXPECT_TRUE(set_cookie.starts_with("sinergi_session=")) << set_cookie;
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("Path=/"), std::string::npos) << set_cookie;
  EXPECT_EQ(response.header("Cache-Control").value_or(""), "no-store");

  Json body = json_of(response);
  EXPECT_EQ(body.at("user").at("username"), "admin");
  EXPECT_EQ(body.at("user").at("region").at("code"), "64");
  EXPECT_EQ(body.at("user").at("must_change_password"), false);
  EXPECT_EQ(body.at("user").at("roles").at(0).at("role"), "admin");
  EXPECT_FALSE(body.at("user").contains("password_hash"));
  EXPECT_FALSE(client.csrf_token().empty());
  auto permissions = body.at("permissions").get<std::vector<std::string>>();
  EXPECT_NE(std::find(permissions.begin(), permissions.end(), "users.manage"), permissions.end());

  // A page reload gets the same CSRF token back.
  ApiResponse session = client.get("/api/v1/session");
  ASSERT_EQ(session.status, 200) << session.body;
  EXPECT_EQ(json_of(session).at("csrf_token"), client.csrf_token());
  EXPECT_EQ(json_of(session).at("user").at("id"), body.at("user").at("id"));
}

TEST_P(IdentityApiTest, WrongPasswordAndUnknownUserGetTheSameAnswer) {
  ApiResponse wrong = send_request(port(), "POST", "/api/v1/session", credentials("admin", "bukan-sandinya"));
  ApiResponse unknown =
      send_request(port(), "POST", "/api/v1/session", credentials("tidak.ada", kDemoPassword));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(problem_type(wrong), "urn:sinergi:problem:invalid_credentials");
  EXPECT_EQ(json_of(wrong).at("title"), json_of(unknown).at("title"));
  EXPECT_EQ(json_of(wrong).at("type"), json_of(unknown).at("type"));
  EXPECT_EQ(json_of(wrong).at("title"), "Nama pengguna atau kata sandi salah");
  EXPECT_FALSE(wrong.header("Set-Cookie"));

  ApiResponse english = send_request(port(), "POST", "/api/v1/session", credentials("admin", "x"),
                                     "Accept-Language: en-US,en;q=0.9\r\n");
  EXPECT_EQ(json_of(english).at("title"), "Wrong username or password");

  ApiResponse missing = send_request(port(), "POST", "/api/v1/session", R"({"username": "admin"})");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(error_fields(missing), std::vector<std::string>{"password"});
}

TEST_P(IdentityApiTest, SqlInjectionUsernamesAreJustWrongCredentials) {
  for (const std::string username : {"admin' OR '1'='1", "admin'--", "'; DROP TABLE users; --"}) {
    ApiResponse response =
        send_request(port(), "POST", "/api/v1/session", credentials(username, "x' OR '1'='1"));
    EXPECT_EQ(response.status, 401) << username << ": " << response.body;
    EXPECT_EQ(problem_type(response), "urn:sinergi:problem:invalid_credentials");
  }
  SessionClient admin = signed_in("admin");
  ApiResponse users = admin.get("/api/v1/users?page_size=100");
  ASSERT_EQ(users.status, 200) << users.body;
  EXPECT_EQ(json_of(users).at("total"), 12);
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM users"), 12);
}

TEST_P(IdentityApiTest, StateChangesWithACookieNeedTheCsrfToken) {
  SessionClient admin = signed_in("admin");
  const std::string body = Json{{"username", "pegawai.baru"},
                                {"display_name", "Pegawai Baru"},
                                {"password", "Kata-Sandi-Awal-2026"},
                                {"roles", {{{"role", "planner"}}}}}
                               .dump();
  SessionClient without_token = admin;
  without_token.set_csrf_token("");
  ApiResponse missing = without_token.send("POST", "/api/v1/users", body);
  EXPECT_EQ(missing.status, 403);
  EXPECT_EQ(problem_type(missing), "urn:sinergi:problem:csrf_token_invalid");

  SessionClient wrong_token = admin;
  wrong_token.set_csrf_token("0123456789abcdef");
  ApiResponse wrong = wrong_token.send("POST", "/api/v1/users", body);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(problem_type(wrong), "urn:sinergi:problem:csrf_token_invalid");
  EXPECT_EQ(count_rows("SELECT COUNT(*) FROM users"), 12);

  ApiResponse created = admin.send("POST", "/api/v1/users", body);
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json_of(created).at("must_change_password"), true);
  EXPECT_EQ(created.header("Location").value_or(""), "/api/v1/users/" + json_of(created).at("id").dump());
}

TEST_P(IdentityApiTest, ForgedAndExpiredCookiesAreUnauthenticated) {
  SessionClient forged(port());
  forged.set_cookie("Zm9yZ2VkLXNlc3Npb24tdG9rZW4tdGhhdC1kb2VzLW5vdC1leGlzdA");
  ApiResponse response = forged.get("/api/v1/session");
  EXPECT_EQ(response.status, 401);
  EXPECT_EQ(problem_type(response), "urn:sinergi:problem:unauthenticated");

  SessionClient expiring = signed_in("gubernur");
  ASSERT_EQ(expiring.get("/api/v1/session").status, 200);
  execute_sql("UPDATE sessions SET idle_expires_at = '2020-01-01T00:00:00.000Z'");
  ApiResponse expired = expiring.get("/api/v1/session");
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(problem_type(expired), "urn:sinergi:problem:unauthenticated");

  // A stale cookie does not stand in the way of signing in again.
  ApiResponse again = expiring.sign_in("gubernur", kDemoPassword);
  EXPECT_EQ(again.status, 200) << again.body;
}

TEST_P(IdentityApiTest, AnAgencyOperatorSeesOnlyTheirOwnAgency) {
  SessionClient staff = signed_in("staf.dinkes");
  ApiResponse other = staff.get("/api/v1/agencies/Disdikbud/users");
  EXPECT_EQ(other.status, 403) << other.body;
  EXPECT_EQ(problem_type(other), "urn:sinergi:problem:forbidden");
  ApiResponse own = staff.get("/api/v1/agencies/Dinkes/users");
  ASSERT_EQ(own.status, 200) << own.body;
  std::vector<std::string> usernames;
  const Json own_users = json_of(own);
  for (const auto& user : own_users.at("items")) {
    usernames.push_back(user.at("username").get<std::string>());
  }
  EXPECT_NE(std::find(usernames.begin(), usernames.end(), "kadis.dinkes"), usernames.end());
  EXPECT_EQ(std::find(usernames.begin(), usernames.end(), "staf.disdikbud"), usernames.end());
  EXPECT_EQ(staff.get("/api/v1/agencies/Tidak-Ada/users").status, 404);

  // The agency list itself belongs to the organization context (organization_api_test).
  EXPECT_EQ(staff.get("/api/v1/users").status, 403);
}

TEST_P(IdentityApiTest, RoleEscalationIsRefusedAndLeavesATrace) {
  SessionClient staff = signed_in("staf.dinkes");
  const Json own = json_of(staff.get("/api/v1/session")).at("user");
  const std::string path = "/api/v1/users/" + own.at("id").dump() + "/roles";
  const std::string body = Json{{"version", own.at("version")}, {"roles", {{{"role", "admin"}}}}}.dump();
  ApiResponse refused = staff.send("PUT", path, body);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(problem_type(refused), "urn:sinergi:problem:forbidden");
  EXPECT_EQ(json_of(staff.get("/api/v1/session")).at("user").at("roles"), own.at("roles"));

  SessionClient admin = signed_in("admin");
  ApiResponse trail = admin.get("/api/v1/audit?action=users.manage");
  ASSERT_EQ(trail.status, 200) << trail.body;
  bool found = false;
  const Json events = json_of(trail);
  for (const auto& event : events.at("items")) {
    if (event.at("outcome") == "denied" && event.at("actor").at("name") == "staf.dinkes") {
      found = true;
    }
  }
  EXPECT_TRUE(found) << trail.body;
}

TEST_P(IdentityApiTest, OversizedSignInBodyIs413) {
  const std::string body = R"({"username":"admin","password":")" + std::string(1 << 20, 'x') + "\"}";
  ApiResponse response = send_request(port(), "POST", "/api/v1/session", body);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(problem_type(response), "urn:sinergi:problem:payload_too_large");
}

TEST_P(IdentityApiTest, RepeatedWrongPasswordsAreThrottledEvenTheRightOne) {
  ApiResponse last;
  for (int attempt = 1; attempt <= 6; ++attempt) {
    last = send_request(port(), "POST", "/api/v1/session",
                        credentials("sekda", "tebak-tebakan-" + std::to_string(attempt)));
    if (attempt <= 5) {
      EXPECT_EQ(last.status, 401) << attempt;
    }
  }
  EXPECT_EQ(last.status, 429) << last.body;
  EXPECT_EQ(problem_type(last), "urn:sinergi:problem:login_throttled");
  const auto retry_after = last.header("Retry-After");
  ASSERT_TRUE(retry_after);
  EXPECT_GE(std::stoi(*retry_after), 1);

  ApiResponse right = send_request(port(), "POST", "/api/v1/session", credentials("sekda", kDemoPassword));
  EXPECT_EQ(right.status, 429) << right.body;
  EXPECT_TRUE(right.header("Retry-After"));
}

TEST_P(IdentityApiTest, NewUserMustChangeThePasswordFirst) {
  SessionClient admin = signed_in("admin");
  const std::string body = Json{{"username", "Operator.Dinkes2"},
                                {"display_name", "Operator Kedua Dinas Kesehatan"},
                                {"nip", "199203152019032004"},
                                {"password", "Kata-Sandi-Awal-2026"},
                                {"roles", {{{"role", "agency_staff"}, {"agency_code", "Dinkes"}}}}}
                               .dump();
  ApiResponse created = admin.send("POST", "/api/v1/users", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(json_of(created).at("username"), "operator.dinkes2");
  EXPECT_EQ(json_of(created).at("roles").at(0).at("agency_name"), "Dinas Kesehatan");

  SessionClient user(port());
  ApiResponse signed_in_response = user.sign_in("operator.dinkes2", "Kata-Sandi-Awal-2026");
  ASSERT_EQ(signed_in_response.status, 200);
  EXPECT_EQ(json_of(signed_in_response).at("user").at("must_change_password"), true);
  ApiResponse blocked = user.get("/api/v1/sessions");
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(problem_type(blocked), "urn:sinergi:problem:password_change_required");
  EXPECT_EQ(user.get("/api/v1/session").status, 200);

  ApiResponse weak = user.send("PUT", "/api/v1/session/password",
                               R"({"current_password": "salah-sandi-lama", "new_password": "pendek"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_EQ(error_fields(weak), (std::vector<std::string>{"current_password", "new_password"}));

  ApiResponse changed =
      user.send("PUT", "/api/v1/session/password",
                R"({"current_password": "Kata-Sandi-Awal-2026", "new_password": "Pesut-Mahakam-2026"})");
  EXPECT_EQ(changed.status, 204) << changed.body;
  ApiResponse sessions = user.get("/api/v1/sessions");
  ASSERT_EQ(sessions.status, 200) << sessions.body;
  EXPECT_EQ(json_of(sessions).at("items").size(), 1U);
  EXPECT_EQ(json_of(sessions).at("items").at(0).at("current"), true);
}

TEST_P(IdentityApiTest, SignedOutCookieIsUnauthenticated) {
  SessionClient client = signed_in("dprd");
  ApiResponse signed_out = client.send("DELETE", "/api/v1/session");
  EXPECT_EQ(signed_out.status, 204) << signed_out.body;
  const std::string cleared = signed_out.header("Set-Cookie").value_or("");
  EXPECT_TRUE(cleared.starts_with("sinergi_session=;")) << cleared;
  EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos) << cleared;
  ApiResponse after = client.get("/api/v1/session");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(problem_type(after), "urn:sinergi:problem:unauthenticated");
}

TEST_P(IdentityApiTest, BearerTokensNeedNoCsrfAndStopWhenRevoked) {
  SessionClient admin = signed_in("admin");
  ApiResponse created =
      admin.send("POST", "/api/v1/api-tokens",
                 Json{{"name", "Integrasi kepegawaian"}, {"roles", {{{"role", "admin"}}}}}.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret = json_of(created).at("secret");
  const Json token = json_of(created).at("token");
  EXPECT_TRUE(secret.starts_with("snrg_"));
  EXPECT_EQ(token.at("created_by").at("name"), "Administrator Sinergi");
  EXPECT_TRUE(token.at("revoked_at").is_null());

  const std::string bearer = "Authorization: Bearer " + secret + "\r\n";
  EXPECT_EQ(send_request(port(), "GET", "/api/v1/agencies", "", bearer).status, 200);
  ApiResponse by_machine = send_request(port(), "POST", "/api/v1/users",
                                        Json{{"username", "dibuat.mesin"},
                                             {"display_name", "Dibuat Integrasi"},
                                             {"password", "Kata-Sandi-Awal-2026"},
                                             {"roles", {{{"role", "legislature"}}}}}
                                            .dump(),
                                        bearer);
  EXPECT_EQ(by_machine.status, 201) << by_machine.body;
  ApiResponse listed = admin.get("/api/v1/api-tokens");
  ASSERT_EQ(listed.status, 200);
  EXPECT_FALSE(json_of(listed).at("items").at(0).at("last_used_at").is_null());
  EXPECT_EQ(listed.body.find(secret), std::string::npos);

  ApiResponse revoked = admin.send("DELETE", "/api/v1/api-tokens/" + token.at("id").dump());
  EXPECT_EQ(revoked.status, 204) << revoked.body;
  ApiResponse refused = send_request(port(), "GET", "/api/v1/agencies", "", bearer);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(problem_type(refused), "urn:sinergi:problem:unauthenticated");
}

TEST_P(IdentityApiTest, UserAdministrationAnswersWithTheContractsShapes) {
  SessionClient admin = signed_in("admin");
  ApiResponse page = admin.get("/api/v1/users?search=dinkes&page=1&page_size=1");
  ASSERT_EQ(page.status, 200) << page.body;
  Json listed = json_of(page);
  EXPECT_EQ(listed.at("total"), 2);
  EXPECT_EQ(listed.at("page"), 1);
  EXPECT_EQ(listed.at("page_size"), 1);
  ASSERT_EQ(listed.at("items").size(), 1U);
  Json kadis = listed.at("items").at(0);
  for (const char* key : {"id", "username", "display_name", "nip", "email", "active", "must_change_password",
                          "region", "roles", "created_at", "updated_at", "version"}) {
    EXPECT_TRUE(kadis.contains(key)) << key;
  }
  EXPECT_EQ(kadis.at("nip"), "198001012005011001");

  ApiResponse bad_query = admin.get("/api/v1/users?page=0&page_size=500&active=maybe&role=public");
  EXPECT_EQ(bad_query.status, 400);
  EXPECT_EQ(error_fields(bad_query), (std::vector<std::string>{"page", "page_size", "active", "role"}));

  const std::string user_path = "/api/v1/users/" + kadis.at("id").dump();
  ApiResponse invalid = admin.send(
      "POST", "/api/v1/users",
      Json{{"username", "x"},
           {"display_name", ""},
           {"nip", "198002312005131001"},
           {"password", "pendek"},
           {"roles", {{{"role", "agency_head"}, {"agency_code", "Tidak-Ada"}}, {{"role", "assistant"}}}}}
          .dump());
  EXPECT_EQ(invalid.status, 422) << invalid.body;
  EXPECT_EQ(error_fields(invalid),
            (std::vector<std::string>{"username", "display_name", "nip", "nip", "password",
                                      "roles[0].agency_code", "roles[1].cluster"}));

  ApiResponse patched =
      admin.send("PATCH", user_path, Json{{"version", kadis.at("version")}, {"email", "kadis@x.id"}}.dump());
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json_of(patched).at("email"), "kadis@x.id");
  EXPECT_EQ(json_of(patched).at("version"), kadis.at("version").get<int>() + 1);
  ApiResponse stale =
      admin.send("PATCH", user_path, Json{{"version", kadis.at("version")}, {"email", nullptr}}.dump());
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(problem_type(stale), "urn:sinergi:problem:conflict");

  EXPECT_EQ(admin.get("/api/v1/users/999999").status, 404);
  EXPECT_EQ(admin.get("/api/v1/users/abc").status, 400);
  ApiResponse reset =
      admin.send("POST", user_path + "/password-reset", R"({"new_password": "Pesut-Mahakam-2026"})");
  EXPECT_EQ(reset.status, 204) << reset.body;
  SessionClient kadis_client(port());
  ASSERT_EQ(kadis_client.sign_in("kadis.dinkes", "Pesut-Mahakam-2026").status, 200);
  EXPECT_EQ(problem_type(kadis_client.get("/api/v1/agencies")),
            "urn:sinergi:problem:password_change_required");
}

TEST_P(IdentityApiTest, AuditVerifyFindsTampering) {
  SessionClient admin = signed_in("admin");
  ASSERT_EQ(admin.send("DELETE", "/api/v1/session").status, 204);
  CommandResult intact = run_sinergi({"audit", "verify", "--db", database_->url_text()});
  EXPECT_EQ(intact.exit_code, 0) << intact.standard_output << intact.standard_error;
  EXPECT_NE(intact.standard_output.find("intact"), std::string::npos) << intact.standard_output;

  execute_sql("UPDATE audit_events SET actor_name = 'orang-lain' WHERE action = 'session.login'");
  CommandResult broken = run_sinergi({"audit", "verify", "--db", database_->url_text()});
  EXPECT_NE(broken.exit_code, 0);
  EXPECT_NE(broken.standard_output.find("broken"), std::string::npos) << broken.standard_output;
}

INSTANTIATE_TEST_SUITE_P(Backends, IdentityApiTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::api_test
