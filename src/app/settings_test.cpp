#include "app/settings.h"

#include <gtest/gtest.h>

namespace sinergi::app {
namespace {

TEST(ListenAddressTest, ParsesHostAndPort) {
  auto address = ListenAddress::parse("127.0.0.1:8080");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "127.0.0.1");
  EXPECT_EQ(address->port, 8080);
}

TEST(ListenAddressTest, PortZeroMeansAnyFreePort) {
  auto address = ListenAddress::parse("localhost:0");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->port, 0);
}

TEST(ListenAddressTest, BracketedIpv6) {
  auto address = ListenAddress::parse("[::1]:9000");
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->host, "::1");
  EXPECT_EQ(address->port, 9000);
}

TEST(ListenAddressTest, RejectsMalformedAddresses) {
  for (const char* text :
       {"", "8080", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:80a", "::1:80", "[::1:80"}) {
    SCOPED_TRACE(text);
    auto address = ListenAddress::parse(text);
    ASSERT_FALSE(address.ok());
    EXPECT_EQ(address.error().code(), ErrorCode::InvalidListenAddress);
  }
}

}  // namespace
}  // namespace sinergi::app
