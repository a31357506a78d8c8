#pragma once

#include <atomic>
#include <chrono>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sinergi {

// The source of the current time. Code that needs "now" (deadlines, escalations, audit
// stamps) takes a Clock, so tests can use a ManualClock and never sleep.
class Clock {
 public:
  Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  virtual ~Clock();

  virtual std::chrono::system_clock::time_point now() const = 0;
};

// The real wall clock.
class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override;
};

// A clock that moves only when told to. Safe to read and move from several threads at once.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::chrono::system_clock::time_point start);

  std::chrono::system_clock::time_point now() const override;
  void set(std::chrono::system_clock::time_point time);
  // Moves the clock forward (or back, for a negative duration).
  void advance(std::chrono::system_clock::duration duration);

 private:
  std::atomic<std::chrono::system_clock::rep> ticks_since_epoch_;
};

// "2026-11-23T21:07:47Z": UTC, whole seconds (any fraction is dropped, toward the past).
std::string format_iso8601_utc(std::chrono::system_clock::time_point time);
// "2026-11-23T21:07:47.123Z": UTC, milliseconds (finer digits are dropped, toward the past).
std::string format_iso8601_utc_milliseconds(std::chrono::system_clock::time_point time);

// Parses an RFC 3339 timestamp: "YYYY-MM-DDTHH:MM:SS", an optional fraction of 1-9 digits,
// then "Z" or an offset "+HH:MM" / "-HH:MM" (e.g. "+07:00" for WIB), which is converted to
// UTC. 'T' and 'Z' may be lower case; surrounding ASCII whitespace is ignored. Rejects
// impossible dates ("2025-02-29"), leap seconds (":60") and times the system clock cannot
// represent, with ErrorCode::InvalidInput quoting the text.
Result<std::chrono::system_clock::time_point> parse_iso8601_utc(std::string_view text);

}  // namespace sinergi
