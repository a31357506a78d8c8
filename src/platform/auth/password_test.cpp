#include "platform/auth/password.h"

#include <gtest/gtest.h>

#include <future>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace sinergi::auth {
namespace {

// The cheapest Argon2id parameters, so that the tests run in milliseconds.
PasswordHasher::Options fast_options() {
  PasswordHasher::Options options;
  options.opslimit = kMinimumOpsLimit;
  options.memlimit = kMinimumMemLimit;
  return options;
}

TEST(PasswordHasherTest, VerifiesTheHashedPasswordOnly) {
  PasswordHasher hasher(fast_options());
  const auto hash = hasher.hash("Kopi-Tubruk-2025");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hasher.verify("Kopi-Tubruk-2025", *hash).value_or(false), true);
  const auto wrong = hasher.verify("kopi-tubruk-2025", *hash);
  ASSERT_TRUE(wrong.ok());
  EXPECT_FALSE(*wrong);
  EXPECT_FALSE(hasher.verify("", *hash).value_or(true));
}

TEST(PasswordHasherTest, HashIsSelfDescribingArgon2id) {
  PasswordHasher hasher(fast_options());
  const auto hash = hasher.hash("rahasia-negara");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=8,t=1,p=1$")) << *hash;
}

TEST(PasswordHasherTest, SaltMakesEveryHashDifferent) {
  PasswordHasher hasher(fast_options());
  const auto first = hasher.hash("same password");
  const auto second = hasher.hash("same password");
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(*first, *second);
  EXPECT_TRUE(hasher.verify("same password", *second).value_or(false));
}

TEST(PasswordHasherTest, HandlesUnicodeAndNulBytes) {
  PasswordHasher hasher(fast_options());
  const std::string with_nul("sandi\0rahasia", 13);
  const auto hash = hasher.hash(with_nul);
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hasher.verify(with_nul, *hash).value_or(false));
  EXPECT_FALSE(hasher.verify("sandi", *hash).value_or(true));

  const auto unicode = hasher.hash("kataSandi😀");
  ASSERT_TRUE(unicode.ok());
  EXPECT_TRUE(hasher.verify("kataSandi😀", *unicode).value_or(false));
}

TEST(PasswordHasherTest, VerifiesHashesMadeWithOtherParameters) {
  PasswordHasher old_hasher(fast_options());
  auto stronger = fast_options();
  stronger.opslimit = 3;
  stronger.memlimit = std::size_t{64} * 1024;
  PasswordHasher new_hasher(stronger);
  const auto old_hash = old_hasher.hash("pegawai-teladan");
  ASSERT_TRUE(old_hash.ok());
  EXPECT_TRUE(new_hasher.verify("pegawai-teladan", *old_hash).value_or(false));
  EXPECT_TRUE(new_hasher.needs_rehash(*old_hash));
  EXPECT_FALSE(old_hasher.needs_rehash(*old_hash));

  const auto new_hash = new_hasher.hash("pegawai-teladan");
  ASSERT_TRUE(new_hash.ok());
  EXPECT_TRUE(new_hash->starts_with("$argon2id$v=19$m=64,t=3,p=1$")) << *new_hash;
  EXPECT_FALSE(new_hasher.needs_rehash(*new_hash));
  EXPECT_TRUE(old_hasher.needs_rehash(*new_hash));
}

TEST(PasswordHasherTest, MalformedStoredHashIsAnErrorNotAMismatch) {
  PasswordHasher hasher(fast_options());
  const auto good = hasher.hash("password-baik");
  ASSERT_TRUE(good.ok());
  const std::vector<std::string> malformed = {
      "",
      "not a hash",
      "plaintext-password",
      good->substr(0, good->size() - 10),              // digest cut short
      good->substr(0, 30),                             // parameters only
      "$argon2i$v=19$m=8,t=3,p=1$c29tZXNhbHQ$aGFzaA",  // another Argon2 variant
      "$argon2id$v=19$m=8,t=1,p=1$!!!!$!!!!",          // not base64
      *good + std::string(1, '\0') + "tail",
      std::string(200, 'a'),
  };
  for (const auto& stored : malformed) {
    const auto result = hasher.verify("password-baik", stored);
    ASSERT_FALSE(result.ok()) << stored;
    EXPECT_EQ(result.error().code(), ErrorCode::MalformedPasswordHash) << stored;
    EXPECT_EQ(http_status(result.error().status_class()), 500);
    EXPECT_FALSE(result.error().log_detail().empty());
    EXPECT_TRUE(hasher.needs_rehash(stored)) << stored;
  }
  EXPECT_EQ(hasher.hashes_in_flight(), 0U);
}

TEST(PasswordHasherTest, AbsurdCostsAreRefusedBeforeAnyWork) {
  // Well-formed hashes whose parameters, e.g. from a corrupted row, would pin a slot for
  // hours or allocate gigabytes.
  PasswordHasher hasher(fast_options());
  const std::string salt_and_digest = "$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
  for (const std::string parameters : {"m=8,t=4294967295,p=1", "m=8,t=17,p=1", "m=2097152,t=1,p=1"}) {
    const auto result = hasher.verify("apa saja", "$argon2id$v=19$" + parameters + salt_and_digest);
    ASSERT_FALSE(result.ok()) << parameters;
    EXPECT_EQ(result.error().code(), ErrorCode::MalformedPasswordHash);
    EXPECT_NE(result.error().log_detail().find("demands more work"), std::string::npos)
        << result.error().log_detail();
  }
  // Within the ceiling the same string is an ordinary mismatch.
  const auto within = hasher.verify("apa saja", "$argon2id$v=19$m=8,t=16,p=1" + salt_and_digest);
  ASSERT_TRUE(within.ok());
  EXPECT_FALSE(*within);
}

TEST(PasswordHasherTest, DummyVerifySucceedsForAnyPassword) {
  PasswordHasher hasher(fast_options());
  EXPECT_TRUE(hasher.verify_dummy("anything").ok());
  EXPECT_TRUE(hasher.verify_dummy("").ok());
  EXPECT_EQ(hasher.hashes_in_flight(), 0U);
}

TEST(PasswordHasherTest, BusyWhenNoSlotFreesUpInTime) {
  auto options = fast_options();
  options.max_concurrent_hashes = 1;
  options.wait_timeout = std::chrono::milliseconds(1);
  PasswordHasher hasher(options);
  const auto stored = hasher.hash("sandi-yang-panjang");
  ASSERT_TRUE(stored.ok());
  {
    const auto slot = hasher.hold_slot_for_test();
    EXPECT_EQ(hasher.hashes_in_flight(), 1U);

    const auto hash = hasher.hash("sandi-yang-panjang");
    ASSERT_FALSE(hash.ok());
    EXPECT_EQ(hash.error().code(), ErrorCode::PasswordHashingBusy);
    EXPECT_EQ(http_status(hash.error().status_class()), 503);
    EXPECT_EQ(hash.error().message(Locale::english), "The server is busy; try again shortly");

    const auto verified = hasher.verify("sandi-yang-panjang", *stored);
    ASSERT_FALSE(verified.ok());
    EXPECT_EQ(verified.error().code(), ErrorCode::PasswordHashingBusy);

    const auto dummy = hasher.verify_dummy("sandi-yang-panjang");
    ASSERT_FALSE(dummy.ok());
    EXPECT_EQ(dummy.error().code(), ErrorCode::PasswordHashingBusy);
  }
  EXPECT_EQ(hasher.hashes_in_flight(), 0U);
  EXPECT_TRUE(hasher.hash("sandi-yang-panjang").ok());
}

TEST(PasswordHasherTest, WaitingCallerProceedsWhenASlotIsReleased) {
  auto options = fast_options();
  options.max_concurrent_hashes = 1;
  options.wait_timeout = std::chrono::milliseconds(60000);
  PasswordHasher hasher(options);
  std::optional<PasswordHasher::Slot> slot(hasher.hold_slot_for_test());
  auto waiting = std::async(std::launch::async, [&hasher] { return hasher.hash("menunggu-giliran"); });
  slot.reset();
  const auto hash = waiting.get();
  EXPECT_TRUE(hash.ok());
  EXPECT_EQ(hasher.hashes_in_flight(), 0U);
}

TEST(PasswordHasherTest, ManyThreadsShareFewSlots) {
  auto options = fast_options();
  options.max_concurrent_hashes = 2;
  options.wait_timeout = std::chrono::milliseconds(60000);
  PasswordHasher hasher(options);
  std::vector<std::future<bool>> results;
  for (int count = 0; count < 8; ++count) {
    results.push_back(std::async(std::launch::async, [&hasher, count] {
      const std::string password = "sandi-nomor-" + std::to_string(count);
      const auto hash = hasher.hash(password);
      return hash.ok() && hasher.verify(password, *hash).value_or(false) && hasher.hashes_in_flight() <= 2;
    }));
  }
  for (auto& result : results) {
    EXPECT_TRUE(result.get());
  }
  EXPECT_EQ(hasher.hashes_in_flight(), 0U);
}

TEST(PasswordHasherTest, RefusesParametersLibsodiumRejects) {
  auto options = fast_options();
  options.opslimit = 0;
  EXPECT_THROW(PasswordHasher{options}, std::invalid_argument);
  options = fast_options();
  options.memlimit = 1024;
  EXPECT_THROW(PasswordHasher{options}, std::invalid_argument);
}

// The one test at production cost (2 passes over 64 MiB).
TEST(PasswordHasherTest, InteractiveParametersByDefault) {
  PasswordHasher hasher(PasswordHasher::Options{});
  const auto hash = hasher.hash("Samarinda-Tepian-2026");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$v=19$m=65536,t=2,p=1$")) << *hash;
  EXPECT_TRUE(hasher.verify("Samarinda-Tepian-2026", *hash).value_or(false));
  EXPECT_FALSE(hasher.needs_rehash(*hash));
}

}  // namespace
}  // namespace sinergi::auth
