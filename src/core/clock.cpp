#include "core/clock.h"

#include <optional>

#include "core/input_text.h"

namespace sinergi {

using std::chrono::system_clock;

Clock::~Clock() = default;

system_clock::time_point SystemClock::now() const {
  return system_clock::now();
}

ManualClock::ManualClock(system_clock::time_point start)
    : ticks_since_epoch_(start.time_since_epoch().count()) {}

system_clock::time_point ManualClock::now() const {
  return system_clock::time_point(system_clock::duration(ticks_since_epoch_.load()));
}

void ManualClock::set(system_clock::time_point time) {
  ticks_since_epoch_.store(time.time_since_epoch().count());
}

void ManualClock::advance(system_clock::duration duration) {
  ticks_since_epoch_.fetch_add(duration.count());
}

namespace {

void append_padded(std::string& text, long long value, int width) {
  const std::string digits = std::to_string(value);
  if (digits.size() < static_cast<std::size_t>(width)) {
    text.append(static_cast<std::size_t>(width) - digits.size(), '0');
  }
  text += digits;
}

// "YYYY-MM-DDTHH:MM:SS" of the whole second containing `time`.
std::string format_up_to_seconds(std::chrono::sys_seconds time) {
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::hh_mm_ss time_of_day{time - day};
  std::string text;
  text.reserve(24);
  append_padded(text, static_cast<int>(date.year()), 4);
  text += '-';
  append_padded(text, static_cast<unsigned>(date.month()), 2);
  text += '-';
  append_padded(text, static_cast<unsigned>(date.day()), 2);
  text += 'T';
  append_padded(text, time_of_day.hours().count(), 2);
  text += ':';
  append_padded(text, time_of_day.minutes().count(), 2);
  text += ':';
  append_padded(text, time_of_day.seconds().count(), 2);
  return text;
}

// Reads exactly `text.size()` digits; empty when any character is not a digit.
std::optional<int> read_number(std::string_view text) {
  int value = 0;
  for (char character : text) {
    if (!is_ascii_digit(character)) {
      return std::nullopt;
    }
    value = value * 10 + (character - '0');
  }
  return value;
}

}  // namespace

std::string format_iso8601_utc(system_clock::time_point time) {
  return format_up_to_seconds(std::chrono::floor<std::chrono::seconds>(time)) + "Z";
}

std::string format_iso8601_utc_milliseconds(system_clock::time_point time) {
  const auto milliseconds = std::chrono::floor<std::chrono::milliseconds>(time);
  const auto seconds = std::chrono::floor<std::chrono::seconds>(milliseconds);
  std::string text = format_up_to_seconds(seconds);
  text += '.';
  append_padded(text, (milliseconds - seconds).count(), 3);
  text += 'Z';
  return text;
}

Result<system_clock::time_point> parse_iso8601_utc(std::string_view text) {
  const std::string_view trimmed = trim_ascii_whitespace(text);
  const auto invalid = [&] { return Error(ErrorCode::InvalidInput, {excerpt_for_message(trimmed)}); };
  // Fixed layout "YYYY-MM-DDTHH:MM:SS" first.
  constexpr std::size_t kDateTimeLength = 19;
  if (trimmed.size() < kDateTimeLength + 1 || trimmed[4] != '-' || trimmed[7] != '-' ||
      (trimmed[10] != 'T' && trimmed[10] != 't') || trimmed[13] != ':' || trimmed[16] != ':') {
    return invalid();
  }
  const std::optional<int> year = read_number(trimmed.substr(0, 4));
  const std::optional<int> month = read_number(trimmed.substr(5, 2));
  const std::optional<int> day = read_number(trimmed.substr(8, 2));
  const std::optional<int> hours = read_number(trimmed.substr(11, 2));
  const std::optional<int> minutes = read_number(trimmed.substr(14, 2));
  const std::optional<int> seconds = read_number(trimmed.substr(17, 2));
  if (!year || !month || !day || !hours || !minutes || !seconds || *hours > 23 || *minutes > 59 ||
      *seconds > 59) {
    return invalid();
  }
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) {
    return invalid();
  }

  std::string_view rest = trimmed.substr(kDateTimeLength);
  std::chrono::nanoseconds fraction{0};
  if (rest.front() == '.') {
    std::size_t digit_count = 1;
    while (digit_count < rest.size() && is_ascii_digit(rest[digit_count])) {
      ++digit_count;
    }
    --digit_count;  // the dot
    if (digit_count == 0 || digit_count > 9) {
      return invalid();
    }
    std::int64_t nanoseconds = *read_number(rest.substr(1, digit_count));
    for (std::size_t padding = digit_count; padding < 9; ++padding) {
      nanoseconds *= 10;
    }
    fraction = std::chrono::nanoseconds{nanoseconds};
    rest.remove_prefix(digit_count + 1);
  }

  std::chrono::minutes offset{0};
  if (rest == "Z" || rest == "z") {
    // UTC.
  } else if (rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':') {
    const std::optional<int> offset_hours = read_number(rest.substr(1, 2));
    const std::optional<int> offset_minutes = read_number(rest.substr(4, 2));
    if (!offset_hours || !offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
      return invalid();
    }
    offset = std::chrono::hours{*offset_hours} + std::chrono::minutes{*offset_minutes};
    if (rest[0] == '-') {
      offset = -offset;
    }
  } else {
    return invalid();
  }

  // Whole seconds first, in a type that cannot overflow for years 0000-9999, then a range
  // check before converting to the clock's (possibly nanosecond) resolution.
  const std::chrono::sys_seconds utc_seconds = std::chrono::sys_days{date} + std::chrono::hours{*hours} +
                                               std::chrono::minutes{*minutes} +
                                               std::chrono::seconds{*seconds} - offset;
  // time_point_cast truncates toward zero, so both bounds stay inside the clock's range
  // (floor of the minimum would not).
  const auto earliest = std::chrono::time_point_cast<std::chrono::seconds>(system_clock::time_point::min());
  const auto latest = std::chrono::time_point_cast<std::chrono::seconds>(system_clock::time_point::max());
  if (utc_seconds <= earliest || utc_seconds >= latest) {
    return invalid();
  }
  return std::chrono::time_point_cast<system_clock::duration>(utc_seconds) +
         std::chrono::duration_cast<system_clock::duration>(fraction);
}

}  // namespace sinergi
