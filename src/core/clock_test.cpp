#include "core/clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace sinergi {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;
using std::chrono::system_clock;

// 2026-11-23T21:07:47Z, built from the calendar rather than from the code under test.
const system_clock::time_point kMoment = sys_days{2026y / 11 / 23} + 21h + 7min + 47s;

TEST(ClockTest, SystemClockFollowsTheWallClock) {
  const SystemClock clock;
  const auto before = system_clock::now();
  const auto reading = clock.now();
  const auto after = system_clock::now();
  EXPECT_LE(before, reading);
  EXPECT_LE(reading, after);
}

TEST(ClockTest, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(kMoment);
  EXPECT_EQ(clock.now(), kMoment);
  EXPECT_EQ(clock.now(), kMoment);
  clock.advance(3 * 24h);
  EXPECT_EQ(clock.now(), kMoment + 72h);
  clock.advance(-1s);
  EXPECT_EQ(clock.now(), kMoment + 72h - 1s);
  clock.set(kMoment);
  EXPECT_EQ(clock.now(), kMoment);
}

TEST(ClockTest, ManualClockIsUsableThroughTheInterface) {
  ManualClock manual(kMoment);
  const Clock& clock = manual;
  manual.advance(5min);
  EXPECT_EQ(clock.now(), kMoment + 5min);
}

TEST(ClockTest, ManualClockAdvancesAtomicallyFromManyThreads) {
  ManualClock clock(kMoment);
  constexpr int kThreadCount = 4;
  constexpr int kStepsPerThread = 10000;
  std::vector<std::thread> threads;
  threads.reserve(kThreadCount);
  for (int thread_number = 0; thread_number < kThreadCount; ++thread_number) {
    threads.emplace_back([&clock] {
      for (int step = 0; step < kStepsPerThread; ++step) {
        clock.advance(1ms);
        static_cast<void>(clock.now());
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(clock.now(), kMoment + std::chrono::milliseconds(kThreadCount * kStepsPerThread));
}

TEST(Iso8601Test, FormatsUtcSeconds) {
  EXPECT_EQ(format_iso8601_utc(kMoment), "2026-11-23T21:07:47Z");
  EXPECT_EQ(format_iso8601_utc(kMoment + 999ms), "2026-11-23T21:07:47Z");  // drops, never rounds up
  EXPECT_EQ(format_iso8601_utc(system_clock::time_point{}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_iso8601_utc(sys_days{2024y / 2 / 29}), "2024-02-29T00:00:00Z");
  EXPECT_EQ(format_iso8601_utc(sys_days{2025y / 12 / 31} + 23h + 59min + 59s), "2025-12-31T23:59:59Z");
  // Before the epoch the fraction is still dropped toward the past.
  EXPECT_EQ(format_iso8601_utc(system_clock::time_point{} - 1ms), "1969-12-31T23:59:59Z");
}

TEST(Iso8601Test, FormatsUtcMilliseconds) {
  EXPECT_EQ(format_iso8601_utc_milliseconds(kMoment), "2026-11-23T21:07:47.000Z");
  EXPECT_EQ(format_iso8601_utc_milliseconds(kMoment + 123ms), "2026-11-23T21:07:47.123Z");
  EXPECT_EQ(format_iso8601_utc_milliseconds(kMoment + 7ms + 999us), "2026-11-23T21:07:47.007Z");
  EXPECT_EQ(format_iso8601_utc_milliseconds(system_clock::time_point{} - 1ms), "1969-12-31T23:59:59.999Z");
}

struct ParseCase {
  std::string_view text;
  system_clock::time_point expected;
};

TEST(Iso8601Test, ParsesUtcAndOffsets) {
  const std::vector<ParseCase> cases = {
      {"2026-11-23T21:07:47Z", kMoment},
      {"2026-11-23t21:07:47z", kMoment},
      {" 2026-11-23T21:07:47Z\n", kMoment},
      {"2026-11-23T21:07:47.123Z", kMoment + 123ms},
      {"2026-11-23T21:07:47.5Z", kMoment + 500ms},
      {"2026-11-23T21:07:47.000000001Z", kMoment + 1ns},
      {"2026-11-23T21:07:47+00:00", kMoment},
      {"2026-11-24T04:07:47+07:00", kMoment},  // WIB
      {"2026-11-24T05:07:47+08:00", kMoment},  // WITA
      {"2026-11-23T16:37:47-04:30", kMoment},
      {"1970-01-01T00:00:00Z", system_clock::time_point{}},
      {"2024-02-29T12:00:00Z", sys_days{2024y / 2 / 29} + 12h},
  };
  for (const ParseCase& test_case : cases) {
    SCOPED_TRACE(std::string(test_case.text));
    Result<system_clock::time_point> result = parse_iso8601_utc(test_case.text);
    ASSERT_TRUE(result.ok()) << result.error().message(Locale::english);
    EXPECT_EQ(*result, test_case.expected);
  }
}

TEST(Iso8601Test, RoundTripsWithFormat) {
  for (system_clock::time_point moment : {kMoment, kMoment + 123ms, system_clock::time_point{} - 1s}) {
    EXPECT_EQ(parse_iso8601_utc(
                  format_iso8601_utc_milliseconds(std::chrono::floor<std::chrono::milliseconds>(moment)))
                  .value(),
              std::chrono::floor<std::chrono::milliseconds>(moment));
    EXPECT_EQ(parse_iso8601_utc(format_iso8601_utc(moment)).value(),
              std::chrono::floor<std::chrono::seconds>(moment));
  }
}

TEST(Iso8601Test, RejectsMalformedTimes) {
  const std::vector<std::string_view> texts = {
      "",
      "2026-11-23",
      "2026-11-23T21:07:47",              // no zone
      "2026-11-23 21:07:47Z",             // space instead of T
      "2026-11-23T21:07Z",                // no seconds
      "2026-13-01T00:00:00Z",             // month 13
      "2026-02-29T00:00:00Z",             // not a leap year
      "2026-04-31T00:00:00Z",             // April has 30 days
      "2026-11-23T24:00:00Z",             // hour 24
      "2026-11-23T21:60:00Z",             // minute 60
      "2026-11-23T21:07:60Z",             // leap second
      "2026-11-23T21:07:47.Z",            // empty fraction
      "2026-11-23T21:07:47.1234567891Z",  // ten fraction digits
      "2026-11-23T21:07:47+0700",
      "2026-11-23T21:07:47+24:00",
      "2026-11-23T21:07:47+07:60",
      "2026-11-23T21:07:47ZZ",
      "2026-11-23T21:07:47 Z",
      "2026-1-23T21:07:47Z",
      "+026-11-23T21:07:47Z",
      "2026-11-23T21:07:4xZ",
      "9999-12-31T23:59:59Z",  // beyond the system clock's range
      "0001-01-01T00:00:00Z",
  };
  for (std::string_view text : texts) {
    SCOPED_TRACE("'" + std::string(text) + "'");
    Result<system_clock::time_point> result = parse_iso8601_utc(text);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code(), ErrorCode::InvalidInput);
  }
}

}  // namespace
}  // namespace sinergi
