#include "platform/auth/crypto.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace sinergi::auth {
namespace {

TEST(CryptoTest, Sha256MatchesKnownVectors) {
  // FIPS 180-2 examples.
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(CryptoTest, Sha256HashesEveryByteIncludingNul) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(sha256_hex(with_nul), sha256_hex("a"));
  EXPECT_EQ(sha256_hex(with_nul).size(), 64U);
}

TEST(CryptoTest, DefaultTokenIs43UrlSafeCharacters) {
  const std::string token = random_token();
  EXPECT_EQ(token.size(), 43U);
  EXPECT_TRUE(std::all_of(token.begin(), token.end(), [](char character) {
    return (character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') ||
           (character >= '0' && character <= '9') || character == '-' || character == '_';
  })) << token;
}

TEST(CryptoTest, TokenLengthIsBase64WithoutPadding) {
  EXPECT_EQ(random_token(0), "");
  EXPECT_EQ(random_token(1).size(), 2U);
  EXPECT_EQ(random_token(2).size(), 3U);
  EXPECT_EQ(random_token(3).size(), 4U);
  EXPECT_EQ(random_token(16).size(), 22U);
  EXPECT_EQ(random_token(64).size(), 86U);
}

TEST(CryptoTest, TokensAreUnique) {
  std::set<std::string> tokens;
  for (int count = 0; count < 1000; ++count) {
    tokens.insert(random_token());
  }
  EXPECT_EQ(tokens.size(), 1000U);
}

TEST(CryptoTest, TokensUseTheWholeAlphabet) {
  // 200 tokens of 43 characters: every one of the 64 symbols shows up unless the
  // encoding is wrong (the chance of missing one by luck is below 1e-50).
  std::set<char> seen;
  for (int count = 0; count < 200; ++count) {
    for (char character : random_token()) {
      seen.insert(character);
    }
  }
  EXPECT_EQ(seen.size(), 64U);
}

TEST(CryptoTest, ConstantTimeEquals) {
  EXPECT_TRUE(constant_time_equals("", ""));
  EXPECT_TRUE(constant_time_equals("token-value", "token-value"));
  EXPECT_FALSE(constant_time_equals("token-value", "token-valuE"));
  EXPECT_FALSE(constant_time_equals("token", "token-value"));
  EXPECT_FALSE(constant_time_equals("", "x"));
  EXPECT_TRUE(constant_time_equals(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(constant_time_equals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

TEST(CryptoTest, InitializeIsSafeFromManyThreads) {
  std::vector<std::thread> threads;
  for (int count = 0; count < 8; ++count) {
    threads.emplace_back([] {
      initialize_crypto();
      EXPECT_EQ(random_token(8).size(), 11U);
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
}

}  // namespace
}  // namespace sinergi::auth
