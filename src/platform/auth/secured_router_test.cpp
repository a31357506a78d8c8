#include "platform/auth/secured_router.h"

#include <gtest/gtest.h>

#include "platform/auth/crypto.h"

namespace sinergi::auth {
namespace {

// Hands out whatever principal the test sets, like a session lookup would.
class FixedAuthenticator : public Authenticator {
 public:
  Result<Principal> authenticate(http::Request&) override {
    if (reject_) {
      return Error(ErrorCode::Unauthenticated);
    }
    return principal_;
  }
  Principal principal_ = Principal::anonymous();
  bool reject_ = false;
};

struct RecordedDenial {
  Action action;
  ErrorCode code;
};

class SecuredRouterTest : public ::testing::Test {
 protected:
  SecuredRouterTest()
      : secured_(router_, authenticator_,
                 [this](const http::Request&, const Principal&, Action action, const Error& error) {
                   denials_.push_back({action, error.code()});
                 }) {
    secured_.add(http::Method::get, "/api/v1/users", "listUsers", Action::users_manage,
                 [this](http::Request&, const Principal&) -> Result<http::Response> {
                   ++handler_calls_;
                   return http::Response::json(200, "{}");
                 });
    secured_.add(http::Method::post, "/api/v1/users", "createUser", Action::users_manage,
                 [this](http::Request&, const Principal&) -> Result<http::Response> {
                   ++handler_calls_;
                   return http::Response::json(201, "{}");
                 });
    secured_.add(http::Method::put, "/api/v1/session/password", "changePassword", Action::password_change,
                 [this](http::Request&, const Principal&) -> Result<http::Response> {
                   ++handler_calls_;
                   return http::Response::no_content();
                 });
    secured_.add(http::Method::delete_, "/api/v1/things/{id}", "deleteThing", Action::agency_users_read,
                 [](http::Request&, const Principal&) -> Result<http::Response> {
                   return Error(ErrorCode::Forbidden);
                 });
  }

  Result<http::Response> call(http::Method method, const std::string& path,
                              const std::string& csrf_token = "") {
    http::Request request;
    request.method = method;
    request.path = path;
    if (!csrf_token.empty()) {
      request.headers.set("X-CSRF-Token", csrf_token);
    }
    auto match = router_.match(method, path);
    if (!match.ok()) {
      return match.error();
    }
    return (*match->handler)(request);
  }

  void sign_in(Role role) {
    Principal principal;
    principal.kind = Principal::Kind::user;
    principal.user_id = 1;
    principal.region_id = 1;
    principal.session_id = 99;
    principal.csrf_token_hash = sha256_hex("token-of-this-session");
    principal.roles.push_back(RoleGrant{role, std::nullopt, {}, {}, std::nullopt});
    authenticator_.principal_ = principal;
  }

  http::Router router_;
  FixedAuthenticator authenticator_;
  std::vector<RecordedDenial> denials_;
  SecuredRouter secured_;
  int handler_calls_ = 0;
};

TEST_F(SecuredRouterTest, AnonymousCallerIsAskedToSignIn) {
  auto response = call(http::Method::get, "/api/v1/users");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code(), ErrorCode::Unauthenticated);
  EXPECT_EQ(handler_calls_, 0);
}

TEST_F(SecuredRouterTest, InvalidCredentialsAreUnauthenticated) {
  authenticator_.reject_ = true;
  auto response = call(http::Method::get, "/api/v1/users");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code(), ErrorCode::Unauthenticated);
}

TEST_F(SecuredRouterTest, AStaleCookieDoesNotBlockWhatNeedsNoLogin) {
  secured_.add(http::Method::get, "/healthz", "getHealth", Action::system_read,
               [](http::Request&, const Principal& principal) -> Result<http::Response> {
                 return http::Response::json(200, principal.is_authenticated() ? "signed-in" : "anonymous");
               });
  authenticator_.reject_ = true;
  auto response = call(http::Method::get, "/healthz");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->body, "anonymous");
}

TEST_F(SecuredRouterTest, RoleWithoutTheActionIsForbiddenAndAChangeAttemptIsRecorded) {
  sign_in(Role::agency_staff);
  auto read = call(http::Method::get, "/api/v1/users");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code(), ErrorCode::Forbidden);
  EXPECT_TRUE(denials_.empty()) << "reads are not recorded as denied changes";

  auto write = call(http::Method::post, "/api/v1/users", "token-of-this-session");
  ASSERT_FALSE(write.ok());
  EXPECT_EQ(write.error().code(), ErrorCode::Forbidden);
  ASSERT_EQ(denials_.size(), 1U);
  EXPECT_EQ(denials_[0].action, Action::users_manage);
  EXPECT_EQ(handler_calls_, 0);
}

TEST_F(SecuredRouterTest, AllowedRoleReachesTheHandler) {
  sign_in(Role::admin);
  auto response = call(http::Method::get, "/api/v1/users");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(handler_calls_, 1);
}

TEST_F(SecuredRouterTest, StateChangeWithoutCsrfTokenIsRefused) {
  sign_in(Role::admin);
  for (const std::string& token : {std::string(), std::string("token-of-another-session")}) {
    SCOPED_TRACE(token);
    auto response = call(http::Method::post, "/api/v1/users", token);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().code(), ErrorCode::CsrfTokenInvalid);
  }
  EXPECT_EQ(handler_calls_, 0);
  EXPECT_EQ(denials_.size(), 2U);
  auto accepted = call(http::Method::post, "/api/v1/users", "token-of-this-session");
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(accepted->status, 201);
}

TEST_F(SecuredRouterTest, BearerTokensNeedNoCsrfToken) {
  sign_in(Role::admin);
  authenticator_.principal_.kind = Principal::Kind::api_token;
  authenticator_.principal_.session_id.reset();
  authenticator_.principal_.csrf_token_hash.clear();
  auto response = call(http::Method::post, "/api/v1/users");
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 201);
}

TEST_F(SecuredRouterTest, UserWhoMustChangePasswordMayOnlyDoThat) {
  sign_in(Role::admin);
  authenticator_.principal_.must_change_password = true;
  auto read = call(http::Method::get, "/api/v1/users");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code(), ErrorCode::PasswordChangeRequired);
  auto change = call(http::Method::put, "/api/v1/session/password", "token-of-this-session");
  ASSERT_TRUE(change.ok());
  EXPECT_EQ(change->status, 204);
}

TEST_F(SecuredRouterTest, ForbiddenFromTheHandlerIsRecordedToo) {
  sign_in(Role::agency_staff);
  auto response = call(http::Method::delete_, "/api/v1/things/5", "token-of-this-session");
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.error().code(), ErrorCode::Forbidden);
  ASSERT_EQ(denials_.size(), 1U);
  EXPECT_EQ(denials_[0].action, Action::agency_users_read);
}

TEST_F(SecuredRouterTest, EveryRouteKeepsItsAction) {
  ASSERT_EQ(secured_.routes().size(), 4U);
  EXPECT_EQ(secured_.routes()[1].operation_id, "createUser");
  EXPECT_EQ(secured_.routes()[1].action, Action::users_manage);
  EXPECT_EQ(router_.routes().size(), secured_.routes().size());
}

}  // namespace
}  // namespace sinergi::auth
