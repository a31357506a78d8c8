// The identity routes as registered: each with the Action the contract gives it, and each
// described in src/contexts/identity/openapi.json under the same operationId.
#include "contexts/identity/identity_routes.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "contexts/identity/identity_service.h"
#include "core/clock.h"
#include "platform/auth/login_throttle.h"
#include "platform/auth/password.h"
#include "platform/db/database.h"
#include "platform/db/testing/test_database.h"

namespace sinergi::identity {
namespace {

class NobodyAuthenticator final : public auth::Authenticator {
 public:
  Result<auth::Principal> authenticate(http::Request&) override { return auth::Principal::anonymous(); }
};

std::string lower_method(http::Method method) {
  std::string name(http::method_name(method));
  for (char& character : name) {
    character = static_cast<char>(character - 'A' + 'a');
  }
  return name;
}

TEST(IdentityRoutesTest, EveryRouteHasItsActionAndItsOpenApiOperation) {
  auto test_database = db::TestDatabase::create(db::Backend::sqlite);
  ASSERT_TRUE(test_database.ok());
  auto database = db::Database::open(test_database->url());
  ASSERT_TRUE(database.ok());
  SystemClock clock;
  auth::PasswordHasher::Options options;
  options.opslimit = auth::kMinimumOpsLimit;
  options.memlimit = auth::kMinimumMemLimit;
  auth::PasswordHasher hasher(options);
  auth::LoginThrottle throttle(clock, auth::LoginThrottle::Options{});
  IdentityService service(*database.value(), hasher, throttle, clock);

  http::Router router;
  NobodyAuthenticator authenticator;
  auth::SecuredRouter secured(router, authenticator, nullptr);
  register_identity_routes(secured, service);

  using auth::Action;
  const std::map<std::string, Action> expected = {{"createSession", Action::session_create},
                                                  {"getSession", Action::session_read},
                                                  {"deleteSession", Action::session_delete},
                                                  {"changePassword", Action::password_change},
                                                  {"listSessions", Action::account_manage},
                                                  {"revokeSession", Action::account_manage},
                                                  {"listUsers", Action::users_manage},
                                                  {"createUser", Action::users_manage},
                                                  {"getUser", Action::users_manage},
                                                  {"updateUser", Action::users_manage},
                                                  {"setUserRoles", Action::users_manage},
                                                  {"resetUserPassword", Action::users_manage},
                                                  {"listAgencyUsers", Action::agency_users_read},
                                                  {"listApiTokens", Action::api_tokens_manage},
                                                  {"createApiToken", Action::api_tokens_manage},
                                                  {"revokeApiToken", Action::api_tokens_manage}};

  std::ifstream file(SINERGI_IDENTITY_OPENAPI);
  ASSERT_TRUE(file) << SINERGI_IDENTITY_OPENAPI;
  const nlohmann::json document = nlohmann::json::parse(file);
  std::size_t documented = 0;
  for (const auto& [path, item] : document.at("paths").items()) {
    documented += item.size();
  }

  ASSERT_EQ(secured.routes().size(), expected.size());
  EXPECT_EQ(documented, expected.size());
  for (const auto& route : secured.routes()) {
    SCOPED_TRACE(route.operation_id);
    ASSERT_TRUE(expected.contains(route.operation_id));
    EXPECT_EQ(route.action, expected.at(route.operation_id));
    const std::string method = lower_method(route.method);
    ASSERT_TRUE(document.at("paths").contains(route.pattern)) << route.pattern;
    ASSERT_TRUE(document.at("paths").at(route.pattern).contains(method)) << method;
    const auto& operation = document.at("paths").at(route.pattern).at(method);
    EXPECT_EQ(operation.at("operationId"), route.operation_id);
    EXPECT_FALSE(operation.at("summary").get<std::string>().empty());
    EXPECT_TRUE(operation.at("responses").contains("401") || route.action == Action::session_create);
  }
  // Every schema a path refers to exists.
  const std::string text = document.dump();
  for (std::size_t position = text.find("#/components/schemas/"); position != std::string::npos;
       position = text.find("#/components/schemas/", position + 1)) {
    const std::size_t start = position + std::string_view("#/components/schemas/").size();
    const std::string name = text.substr(start, text.find('"', start) - start);
    EXPECT_TRUE(name == "Problem" || document.at("components").at("schemas").contains(name)) << name;
  }
}

}  // namespace
}  // namespace sinergi::identity
