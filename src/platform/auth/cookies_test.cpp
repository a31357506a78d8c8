#include "platform/auth/cookies.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "platform/auth/crypto.h"

namespace sinergi::auth {
namespace {

TEST(CookieValueTest, FindsANamedCookie) {
  EXPECT_EQ(cookie_value("a=1; b=2", "a"), "1");
  EXPECT_EQ(cookie_value("a=1; b=2", "b"), "2");
  EXPECT_EQ(cookie_value("a=1; b=2", "c"), std::nullopt);
  EXPECT_EQ(cookie_value("", "a"), std::nullopt);
}

TEST(CookieValueTest, IgnoresWhitespaceAroundPairs) {
  EXPECT_EQ(cookie_value("  a = 1 ;\tb=2\t", "a"), "1");
  EXPECT_EQ(cookie_value("a=1;b=2", "b"), "2");
  EXPECT_EQ(cookie_value("a=1;  b=2  ", "b"), "2");
}

TEST(CookieValueTest, StripsDoubleQuotes) {
  EXPECT_EQ(cookie_value("a=\"quoted\"; b=2", "a"), "quoted");
  EXPECT_EQ(cookie_value("a=\"\"", "a"), "");
}

TEST(CookieValueTest, FirstMatchWins) {
  EXPECT_EQ(cookie_value("session=first; session=second", "session"), "first");
}

TEST(CookieValueTest, NamesAreCaseSensitive) {
  EXPECT_EQ(cookie_value("Session=upper; session=lower", "session"), "lower");
}

TEST(CookieValueTest, EmptyValuesAndEqualsSignsInsideValues) {
  EXPECT_EQ(cookie_value("a=; b=2", "a"), "");
  EXPECT_EQ(cookie_value("a=b=c", "a"), "b=c");
}

TEST(CookieValueTest, SkipsMalformedPairs) {
  EXPECT_EQ(cookie_value("junk; a=1", "a"), "1");
  EXPECT_EQ(cookie_value(";;; =x; a=1;", "a"), "1");
  EXPECT_EQ(cookie_value("a b=1; a=2", "a"), "2");
  EXPECT_EQ(cookie_value("a=hello world; a=2", "a"), "2");
  EXPECT_EQ(cookie_value("a=\"unterminated; a=3", "a"), "3");
  EXPECT_EQ(cookie_value("a=back\\slash; a=4", "a"), "4");
  EXPECT_EQ(cookie_value("a=caf\xC3\xA9", "a"), std::nullopt);
  EXPECT_EQ(cookie_value("a", "a"), std::nullopt);
}

TEST(SessionCookieTest, StrictHttpOnlyCookieForTheWholeSite) {
  EXPECT_EQ(session_cookie_header("sinergi_session", "abc-DEF_123", {}),
            "sinergi_session=abc-DEF_123; Path=/; HttpOnly; SameSite=Strict");
}

TEST(SessionCookieTest, SecureAndMaxAgeWhenAsked) {
  CookieOptions options;
  options.secure = true;
  options.max_age = std::chrono::hours(8);
  EXPECT_EQ(session_cookie_header("sinergi_session", "abc", options),
            "sinergi_session=abc; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=28800");
  options.path = "/api";
  options.secure = false;
  options.max_age = std::chrono::seconds(-5);
  EXPECT_EQ(session_cookie_header("sinergi_session", "abc", options),
            "sinergi_session=abc; Path=/api; HttpOnly; SameSite=Strict; Max-Age=0");
}

TEST(SessionCookieTest, ExpiredCookieHasAnEmptyValueAndMaxAgeZero) {
  CookieOptions options;
  options.secure = true;
  options.max_age = std::chrono::hours(8);  // ignored
  EXPECT_EQ(expired_cookie_header("sinergi_session", options),
            "sinergi_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0");
  EXPECT_EQ(expired_cookie_header("sinergi_session", {}),
            "sinergi_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
}

TEST(SessionCookieTest, RefusesWhatCouldSplitOrExtendTheHeader) {
  EXPECT_THROW(session_cookie_header("", "abc", {}), std::invalid_argument);
  EXPECT_THROW(session_cookie_header("a=b", "abc", {}), std::invalid_argument);
  EXPECT_THROW(session_cookie_header("a b", "abc", {}), std::invalid_argument);
  EXPECT_THROW(session_cookie_header("a", "abc; Domain=evil.example", {}), std::invalid_argument);
  EXPECT_THROW(session_cookie_header("a", "abc\r\nSet-Cookie: x=y", {}), std::invalid_argument);
  EXPECT_THROW(session_cookie_header("a", "with space", {}), std::invalid_argument);
  CookieOptions options;
  options.path = "/; Domain=evil.example";
  EXPECT_THROW(session_cookie_header("a", "abc", options), std::invalid_argument);
  EXPECT_THROW(expired_cookie_header("a;b", {}), std::invalid_argument);
}

TEST(SessionCookieTest, RandomTokensRoundTrip) {
  for (int count = 0; count < 100; ++count) {
    const std::string token = random_token();
    const std::string header = session_cookie_header("sinergi_session", token, {});
    // What a browser sends back is the name=value pair before the first attribute.
    const std::string sent = "theme=dark; " + header.substr(0, header.find(';'));
    EXPECT_EQ(cookie_value(sent, "sinergi_session"), token);
  }
}

}  // namespace
}  // namespace sinergi::auth
