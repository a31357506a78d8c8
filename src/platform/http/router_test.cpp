#include "platform/http/router.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace sinergi::http {
namespace {

Handler respond_with(const std::string& text) {
  return [text](Request&) -> Result<Response> { return Response::text(200, text); };
}

std::string run(const Router::Match& match) {
  Request request;
  return (*match.handler)(request).value().body;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.add(Method::get, "/", "getRoot", respond_with("root"));
    router_.add(Method::get, "/api/v1/regions/{region_id}/agencies/{agency_code}", "getAgency",
                respond_with("agency"));
    router_.add(Method::get, "/api/v1/items/{id}", "getItem", respond_with("item"));
    router_.add(Method::get, "/api/v1/items/new", "getNewItemForm", respond_with("new item"));
    router_.add(Method::delete_, "/api/v1/items/{id}", "deleteItem", respond_with("deleted"));
    router_.add(Method::post, "/api/v1/items", "createItem", respond_with("created"));
    router_.add(Method::get, "/api/v1/items", "listItems", respond_with("list"));
  }

  Router router_;
};

TEST_F(RouterTest, MatchesLiteralsAndDecodesParameters) {
  auto match = router_.match(Method::get, "/api/v1/regions/31/agencies/dinas%20kesehatan");
  ASSERT_TRUE(match.ok());
  EXPECT_EQ(match->pattern, "/api/v1/regions/{region_id}/agencies/{agency_code}");
  EXPECT_EQ(match->parameters.at("region_id"), "31");
  EXPECT_EQ(match->parameters.at("agency_code"), "dinas kesehatan");
  EXPECT_EQ(run(*match), "agency");
}

TEST_F(RouterTest, RootMatchesOnlySlash) {
  auto match = router_.match(Method::get, "/");
  ASSERT_TRUE(match.ok());
  EXPECT_EQ(run(*match), "root");
  EXPECT_EQ(router_.match(Method::get, "").error().code(), ErrorCode::RouteNotFound);
  EXPECT_EQ(router_.match(Method::get, "//").error().code(), ErrorCode::RouteNotFound);
}

TEST_F(RouterTest, LiteralSegmentBeatsParameterRegardlessOfRegistrationOrder) {
  auto literal = router_.match(Method::get, "/api/v1/items/new");
  ASSERT_TRUE(literal.ok());
  EXPECT_EQ(literal->pattern, "/api/v1/items/new");
  EXPECT_TRUE(literal->parameters.empty());

  auto parameter = router_.match(Method::get, "/api/v1/items/42");
  ASSERT_TRUE(parameter.ok());
  EXPECT_EQ(parameter->pattern, "/api/v1/items/{id}");
  EXPECT_EQ(parameter->parameters.at("id"), "42");
}

TEST_F(RouterTest, MethodDecidesBetweenLiteralAndParameterRoutes) {
  // Only GET has the literal route; DELETE of the same path goes to the parameter route.
  auto match = router_.match(Method::delete_, "/api/v1/items/new");
  ASSERT_TRUE(match.ok());
  EXPECT_EQ(match->pattern, "/api/v1/items/{id}");
  EXPECT_EQ(match->parameters.at("id"), "new");
}

TEST_F(RouterTest, IsStrictAboutSlashesAndEmptySegments) {
  for (std::string_view path : {"/api/v1/items/", "/api/v1/items//", "/api/v1//items", "//api/v1/items",
                                "/api/v1/items/42/", "/api/v1/items/42/extra", "api/v1/items"}) {
    auto match = router_.match(Method::get, path);
    ASSERT_FALSE(match.ok()) << path;
    EXPECT_EQ(match.error().code(), ErrorCode::RouteNotFound) << path;
  }
}

TEST_F(RouterTest, LiteralsCompareWithTheRawPath) {
  EXPECT_FALSE(router_.match(Method::get, "/api/v1/%69tems").ok());
  EXPECT_FALSE(router_.match(Method::get, "/API/v1/items").ok());
}

TEST_F(RouterTest, MalformedEscapeInParameterDoesNotMatch) {
  auto match = router_.match(Method::get, "/api/v1/items/%zz");
  ASSERT_FALSE(match.ok());
  EXPECT_EQ(match.error().code(), ErrorCode::RouteNotFound);
  EXPECT_FALSE(router_.match(Method::get, "/api/v1/items/abc%2").ok());
}

TEST_F(RouterTest, EncodedSlashStaysInsideOneParameter) {
  auto match = router_.match(Method::get, "/api/v1/items/a%2Fb");
  ASSERT_TRUE(match.ok());
  EXPECT_EQ(match->parameters.at("id"), "a/b");
}

TEST_F(RouterTest, NotFoundCarriesThePath) {
  auto match = router_.match(Method::get, "/api/v1/nothing");
  ASSERT_FALSE(match.ok());
  EXPECT_EQ(match.error().code(), ErrorCode::RouteNotFound);
  EXPECT_EQ(match.error().arguments(), std::vector<std::string>{"/api/v1/nothing"});
}

TEST_F(RouterTest, WrongMethodIsMethodNotAllowedWithAllowedMethods) {
  std::vector<Method> allowed;
  auto match = router_.match(Method::put, "/api/v1/items", &allowed);
  ASSERT_FALSE(match.ok());
  EXPECT_EQ(match.error().code(), ErrorCode::MethodNotAllowed);
  EXPECT_EQ(match.error().arguments(), (std::vector<std::string>{"PUT", "/api/v1/items"}));
  EXPECT_EQ(allowed, (std::vector<Method>{Method::get, Method::head, Method::post}));
  EXPECT_EQ(allow_header_value(allowed), "GET, HEAD, POST");
}

TEST_F(RouterTest, AllowedMethodsUnionAllMatchingPatterns) {
  std::vector<Method> allowed;
  auto match = router_.match(Method::post, "/api/v1/items/new", &allowed);
  ASSERT_FALSE(match.ok());
  EXPECT_EQ(match.error().code(), ErrorCode::MethodNotAllowed);
  EXPECT_EQ(allowed, (std::vector<Method>{Method::get, Method::head, Method::delete_}));
}

TEST_F(RouterTest, HeadUsesGetRoutes) {
  auto match = router_.match(Method::head, "/api/v1/items/7");
  ASSERT_TRUE(match.ok());
  EXPECT_EQ(match->pattern, "/api/v1/items/{id}");
}

TEST_F(RouterTest, UnknownMethodIsNotAllowed) {
  EXPECT_EQ(router_.match(Method::other, "/api/v1/items").error().code(), ErrorCode::MethodNotAllowed);
}

TEST_F(RouterTest, ListsRoutesInRegistrationOrder) {
  const auto& routes = router_.routes();
  ASSERT_EQ(routes.size(), 7U);
  EXPECT_EQ(routes[1].pattern, "/api/v1/regions/{region_id}/agencies/{agency_code}");
  EXPECT_EQ(routes[1].operation_id, "getAgency");
  EXPECT_EQ(routes[4].method, Method::delete_);
}

TEST(RouterRegistrationTest, DuplicateShapeForSameMethodIsAProgrammingError) {
  Router router;
  router.add(Method::get, "/a/{x}", "first", respond_with("first"));
  EXPECT_THROW(router.add(Method::get, "/a/{y}", "second", respond_with("second")), std::logic_error);
  EXPECT_NO_THROW(router.add(Method::put, "/a/{y}", "third", respond_with("third")));
  EXPECT_NO_THROW(router.add(Method::get, "/a/b", "fourth", respond_with("fourth")));
}

TEST(RouterRegistrationTest, MalformedPatternsAreProgrammingErrors) {
  Router router;
  for (std::string pattern :
       {"", "a/b", "/a//b", "/a/", "/a/{}", "/a/{x-y}", "/a/{x}/{x}", "/a/b{x}", "/a/%20"}) {
    EXPECT_THROW(router.add(Method::get, pattern, "op", respond_with("")), std::logic_error) << pattern;
  }
  EXPECT_THROW(router.add(Method::head, "/h", "op", respond_with("")), std::logic_error);
  EXPECT_THROW(router.add(Method::other, "/o", "op", respond_with("")), std::logic_error);
  EXPECT_THROW(router.add(Method::get, "/empty", "op", Handler()), std::logic_error);
  EXPECT_TRUE(router.routes().empty());
}

}  // namespace
}  // namespace sinergi::http
