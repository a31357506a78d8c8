#include "platform/auth/login_throttle.h"

#include <algorithm>
#include <utility>

namespace sinergi::auth {
namespace {

// Beyond this many failures past the free ones the delay is long since capped (2^40 s is
// millennia); stopping the count keeps the doubling far from overflowing.
constexpr int kMaxCountedExtraFailures = 40;

std::string bounded(std::string_view text) {
  return std::string(text.substr(0, LoginThrottle::kMaxKeyBytes));
}

// The prefixes keep a username and an address with the same spelling apart.
std::string username_key(std::string_view username) {
  std::string key = "u:" + bounded(username);
  for (char& character : key) {
    if (character >= 'A' && character <= 'Z') {
      character = static_cast<char>(character - 'A' + 'a');
    }
  }
  return key;
}

std::string address_key(std::string_view address) {
  return "a:" + bounded(address);
}

}  // namespace

LoginThrottle::LoginThrottle(const Clock& clock, Options options) : clock_(clock), options_(options) {
  options_.free_failures = std::max(options_.free_failures, 0);
  options_.max_tracked_keys = std::max<std::size_t>(options_.max_tracked_keys, 1);
}

std::optional<std::chrono::seconds> LoginThrottle::retry_after(std::string_view username,
                                                               std::string_view address) const {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  const auto username_wait = wait_for_key(username_key(username), now);
  const auto address_wait = wait_for_key(address_key(address), now);
  if (!username_wait && !address_wait) {
    return std::nullopt;
  }
  const auto wait = std::max(username_wait.value_or(std::chrono::system_clock::duration::zero()),
                             address_wait.value_or(std::chrono::system_clock::duration::zero()));
  // Rounded up: a client that waits the advertised seconds must find the door open.
  return std::max(std::chrono::ceil<std::chrono::seconds>(wait), std::chrono::seconds(1));
}

void LoginThrottle::record_failure(std::string_view username, std::string_view address) {
  const auto now = clock_.now();
  std::lock_guard lock(mutex_);
  forget_expired(now);
  record_failure_for_key(username_key(username), now);
  record_failure_for_key(address_key(address), now);
}

void LoginThrottle::record_success(std::string_view username, std::string_view /*address*/) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(username_key(username));
  if (found != index_.end()) {
    const auto entry = found->second;
    index_.erase(found);
    entries_.erase(entry);
  }
}

std::size_t LoginThrottle::tracked_keys() const {
  std::lock_guard lock(mutex_);
  return index_.size();
}

std::optional<std::chrono::system_clock::duration> LoginThrottle::wait_for_key(
    const std::string& key, std::chrono::system_clock::time_point now) const {
  const auto found = index_.find(key);
  if (found == index_.end()) {
    return std::nullopt;
  }
  const Entry& entry = *found->second;
  if (is_forgotten(entry, now) || entry.failures < options_.free_failures) {
    return std::nullopt;
  }
  std::chrono::seconds delay = options_.base_delay;
  for (int step = options_.free_failures; step < entry.failures && delay < options_.max_delay; ++step) {
    delay *= 2;
  }
  delay = std::min(delay, options_.max_delay);
  const auto remaining = entry.last_failure + delay - now;
  if (remaining <= std::chrono::system_clock::duration::zero()) {
    return std::nullopt;
  }
  return remaining;
}

void LoginThrottle::record_failure_for_key(std::string key, std::chrono::system_clock::time_point now) {
  const auto found = index_.find(key);
  if (found != index_.end()) {
    const auto entry = found->second;
    if (is_forgotten(*entry, now)) {
      entry->failures = 0;
    }
    entry->failures = std::min(entry->failures + 1, options_.free_failures + kMaxCountedExtraFailures);
    entry->last_failure = now;
    entries_.splice(entries_.end(), entries_, entry);
    return;
  }
  entries_.push_back(Entry{std::move(key), 1, now});
  const auto entry = std::prev(entries_.end());
  // The map's key views the list node's string, which never moves while the node lives.
  index_.emplace(std::string_view(entry->key), entry);
  while (index_.size() > options_.max_tracked_keys) {
    index_.erase(std::string_view(entries_.front().key));
    entries_.pop_front();
  }
}

void LoginThrottle::forget_expired(std::chrono::system_clock::time_point now) {
  while (!entries_.empty() && is_forgotten(entries_.front(), now)) {
    index_.erase(std::string_view(entries_.front().key));
    entries_.pop_front();
  }
}

bool LoginThrottle::is_forgotten(const Entry& entry, std::chrono::system_clock::time_point now) const {
  return now - entry.last_failure >= options_.forget_after;
}

}  // namespace sinergi::auth
