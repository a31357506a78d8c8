#pragma once

#include <chrono>
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace sinergi::auth {

// Slows down password guessing by counting consecutive failed logins, in memory, per
// username and per client address (one attacker trying many usernames, or many attackers
// trying one). Each key allows `free_failures` failures; after that every further attempt
// must wait base_delay * 2^(failures - free_failures), capped at max_delay, counted from
// the key's last failure. With the defaults: 5 free failures, then 1 s, 2 s, 4 s, ... up
// to 15 minutes. A key whose last failure is `forget_after` old or older is forgotten.
//
// State is per process and lost on restart; several server processes throttle separately.
// Thread-safe.
//
// Usage at a login endpoint:
//   if (auto wait = throttle.retry_after(username, address)) -> LoginThrottled {wait}, with
//     a Retry-After header; do not check the password at all;
//   wrong password or unknown user -> record_failure(username, address);
//   success -> record_success(username, address).
class LoginThrottle {
 public:
  struct Options {
    int free_failures = 5;
    std::chrono::seconds base_delay{1};
    std::chrono::seconds max_delay{900};
    std::chrono::seconds forget_after{3600};
    // Usernames and addresses tracked together at most; beyond that the keys whose last
    // failure is oldest are dropped. 0 is treated as 1.
    std::size_t max_tracked_keys = 100000;
  };

  // Usernames are compared with ASCII letters lower-cased, and only their first
  // kMaxKeyBytes bytes count (and likewise for addresses), so that megabyte-long names
  // cannot blow up memory. Real usernames and IP addresses are far shorter.
  static constexpr std::size_t kMaxKeyBytes = 256;

  // REQUIRES: `clock` outlives this LoginThrottle.
  LoginThrottle(const Clock& clock, Options options);

  // nullopt when a login attempt for `username` from `address` may proceed now; otherwise
  // how long to wait, rounded up to whole seconds (at least 1): the longer of the waits
  // the username and the address impose.
  std::optional<std::chrono::seconds> retry_after(std::string_view username, std::string_view address) const;

  // Counts one more consecutive failure for the username and for the address.
  void record_failure(std::string_view username, std::string_view address);

  // Clears the username's failures. The address keeps its count: one attacker who owns
  // one account must not be able to reset the address limit by signing in to it.
  void record_success(std::string_view username, std::string_view address);

  // Usernames plus addresses currently tracked (forgotten ones may linger until the next
  // record_failure purges them).
  std::size_t tracked_keys() const;

 private:
  struct Entry {
    std::string key;
    int failures = 0;
    std::chrono::system_clock::time_point last_failure;
  };
  // Least recently failed first, so both forgetting and eviction work from the front.
  using EntryList = std::list<Entry>;

  std::optional<std::chrono::system_clock::duration> wait_for_key(
      const std::string& key, std::chrono::system_clock::time_point now) const;
  void record_failure_for_key(std::string key, std::chrono::system_clock::time_point now);
  void forget_expired(std::chrono::system_clock::time_point now);
  bool is_forgotten(const Entry& entry, std::chrono::system_clock::time_point now) const;

  const Clock& clock_;
  Options options_;
  mutable std::mutex mutex_;
  EntryList entries_;
  std::unordered_map<std::string_view, EntryList::iterator> index_;
};

}  // namespace sinergi::auth
