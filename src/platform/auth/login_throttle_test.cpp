#include "platform/auth/login_throttle.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace sinergi::auth {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

class LoginThrottleTest : public ::testing::Test {
 protected:
  // 2026-01-01T00:00:00Z.
  ManualClock clock_{std::chrono::system_clock::time_point(seconds(1767225600))};

  static void fail(LoginThrottle& throttle, int times, std::string_view username, std::string_view address) {
    for (int count = 0; count < times; ++count) {
      throttle.record_failure(username, address);
    }
  }
};

TEST_F(LoginThrottleTest, FiveFailuresAreFreeThenTheWaitDoubles) {
  LoginThrottle throttle(clock_, {});
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), std::nullopt);
  fail(throttle, 4, "budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), std::nullopt);

  throttle.record_failure("budi", "10.0.0.1");  // the 5th
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(1));
  clock_.advance(seconds(1));
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), std::nullopt);

  throttle.record_failure("budi", "10.0.0.1");  // the 6th
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(2));
  clock_.advance(seconds(2));
  throttle.record_failure("budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(4));
  clock_.advance(seconds(4));
  throttle.record_failure("budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(8));
}

TEST_F(LoginThrottleTest, WaitCountsFromTheLastFailureAndRoundsUp) {
  LoginThrottle throttle(clock_, {});
  fail(throttle, 7, "budi", "10.0.0.1");  // 4 s from now
  clock_.advance(milliseconds(1500));
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(3));
  clock_.advance(milliseconds(2499));
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(1));
  clock_.advance(milliseconds(1));
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), std::nullopt);
}

TEST_F(LoginThrottleTest, WaitIsCappedAtMaxDelay) {
  LoginThrottle throttle(clock_, {});
  fail(throttle, 15, "budi", "10.0.0.1");  // 2^10 s would exceed 900 s
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(900));
  fail(throttle, 1000, "budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(900));
}

TEST_F(LoginThrottleTest, OptionsShapeTheCurve) {
  LoginThrottle::Options options;
  options.free_failures = 2;
  options.base_delay = seconds(10);
  options.max_delay = seconds(30);
  LoginThrottle throttle(clock_, options);
  fail(throttle, 2, "budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(10));
  throttle.record_failure("budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(20));
  throttle.record_failure("budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(30));
}

TEST_F(LoginThrottleTest, OldFailuresAreForgotten) {
  LoginThrottle throttle(clock_, {});
  fail(throttle, 15, "budi", "10.0.0.1");
  clock_.advance(seconds(3599));
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), std::nullopt);  // the 900 s cap has passed
  throttle.record_failure("budi", "10.0.0.1");                        // still remembered: the 16th failure
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(900));

  clock_.advance(seconds(3600));
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), std::nullopt);
  // Forgotten: counting starts again, with five free failures.
  fail(throttle, 4, "budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), std::nullopt);
  throttle.record_failure("budi", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.1"), seconds(1));
}

TEST_F(LoginThrottleTest, ForgottenKeysAreDroppedFromMemory) {
  LoginThrottle throttle(clock_, {});
  fail(throttle, 1, "budi", "10.0.0.1");
  fail(throttle, 1, "siti", "10.0.0.2");
  EXPECT_EQ(throttle.tracked_keys(), 4U);
  clock_.advance(seconds(3600));
  throttle.record_failure("ahmad", "10.0.0.3");
  EXPECT_EQ(throttle.tracked_keys(), 2U);
}

TEST_F(LoginThrottleTest, AnAddressIsThrottledAcrossUsernames) {
  LoginThrottle throttle(clock_, {});
  for (const char* username : {"budi", "siti", "ahmad", "dewi", "rudi"}) {
    throttle.record_failure(username, "203.0.113.7");
  }
  EXPECT_EQ(throttle.retry_after("putri", "203.0.113.7"), seconds(1));
  EXPECT_EQ(throttle.retry_after("putri", "203.0.113.8"), std::nullopt);
  EXPECT_EQ(throttle.retry_after("budi", "198.51.100.1"), std::nullopt);
}

TEST_F(LoginThrottleTest, AUsernameIsThrottledAcrossAddressesIgnoringCase) {
  LoginThrottle throttle(clock_, {});
  for (const char* address : {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5"}) {
    throttle.record_failure("Budi", address);
  }
  EXPECT_EQ(throttle.retry_after("BUDI", "10.0.0.99"), seconds(1));
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.99"), seconds(1));
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.1"), std::nullopt);
}

TEST_F(LoginThrottleTest, TheStricterKeyWins) {
  LoginThrottle throttle(clock_, {});
  fail(throttle, 7, "budi", "10.0.0.1");  // budi: 4 s; 10.0.0.1: 4 s
  fail(throttle, 5, "siti", "10.0.0.2");  // siti: 1 s; 10.0.0.2: 1 s
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.2"), seconds(4));
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.1"), seconds(4));
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.2"), seconds(1));
}

TEST_F(LoginThrottleTest, SuccessClearsTheUsernameButNotTheAddress) {
  LoginThrottle throttle(clock_, {});
  fail(throttle, 5, "budi", "10.0.0.1");
  throttle.record_success("BUDI", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.2"), std::nullopt);
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.1"), seconds(1));
  // Counting for the username starts again from zero.
  fail(throttle, 4, "budi", "10.0.0.2");
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.2"), std::nullopt);
  throttle.record_success("nobody", "10.0.0.3");  // unknown keys are fine
}

TEST_F(LoginThrottleTest, UsernamesAndAddressesDoNotCollide) {
  LoginThrottle throttle(clock_, {});
  fail(throttle, 5, "10.0.0.1", "10.0.0.2");
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.1"), std::nullopt);
}

TEST_F(LoginThrottleTest, MemoryIsBoundedByEvictingTheOldest) {
  LoginThrottle::Options options;
  options.free_failures = 0;  // one failure already means a 2 s wait
  options.max_tracked_keys = 3;
  LoginThrottle throttle(clock_, options);
  throttle.record_failure("budi", "10.0.0.1");
  clock_.advance(seconds(1));
  throttle.record_failure("siti", "10.0.0.2");  // a fourth key: "budi", the oldest, goes
  EXPECT_EQ(throttle.tracked_keys(), 3U);
  EXPECT_EQ(throttle.retry_after("budi", "10.0.0.9"), std::nullopt);
  EXPECT_EQ(throttle.retry_after("ahmad", "10.0.0.1"), seconds(1));
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.9"), seconds(2));

  throttle.record_failure("siti", "10.0.0.3");  // "10.0.0.1" is now the oldest
  EXPECT_EQ(throttle.tracked_keys(), 3U);
  EXPECT_EQ(throttle.retry_after("ahmad", "10.0.0.1"), std::nullopt);
  EXPECT_EQ(throttle.retry_after("ahmad", "10.0.0.2"), seconds(2));
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.9"), seconds(4));
}

TEST_F(LoginThrottleTest, OnlyTheFirstBytesOfAKeyCount) {
  LoginThrottle throttle(clock_, {});
  const std::string prefix(LoginThrottle::kMaxKeyBytes, 'x');
  fail(throttle, 5, prefix + "first", "10.0.0.1");
  EXPECT_EQ(throttle.retry_after(prefix + "second", "10.0.0.2"), seconds(1));
}

TEST_F(LoginThrottleTest, SafeFromManyThreads) {
  LoginThrottle throttle(clock_, {});
  std::vector<std::thread> threads;
  for (int thread_number = 0; thread_number < 4; ++thread_number) {
    threads.emplace_back([&throttle, thread_number] {
      const std::string address = "10.0.0." + std::to_string(thread_number);
      for (int count = 0; count < 200; ++count) {
        throttle.record_failure("budi", address);
        static_cast<void>(throttle.retry_after("budi", address));
        if (count % 50 == 0) {
          throttle.record_success("budi", address);
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(throttle.tracked_keys(), 5U);
  EXPECT_EQ(throttle.retry_after("siti", "10.0.0.0"), seconds(900));
}

}  // namespace
}  // namespace sinergi::auth
