#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "core/result.h"

// Password hashing with Argon2id (libsodium crypto_pwhash_str), in the self-describing
// "$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>" format, so the parameters of every stored
// hash travel with it and can be raised later (see needs_rehash).

namespace sinergi::auth {

// libsodium's Argon2id presets, restated so that this header does not pull in <sodium.h>
// (password.cpp checks that they match crypto_pwhash_*).
// INTERACTIVE: the production setting, 2 passes over 64 MiB (tens of milliseconds).
inline constexpr unsigned long long kInteractiveOpsLimit = 2;
inline constexpr std::size_t kInteractiveMemLimit = std::size_t{64} * 1024 * 1024;
// MIN: the cheapest Argon2id libsodium accepts (1 pass over 8 KiB). For tests only.
inline constexpr unsigned long long kMinimumOpsLimit = 1;
inline constexpr std::size_t kMinimumMemLimit = 8192;
// Stored hashes that demand more than this (or more than the configured limits, if higher)
// are refused as malformed: a corrupted row must not pin a hashing slot for hours.
// These are libsodium's SENSITIVE preset (1 GiB) and 4x its passes.
inline constexpr unsigned long long kMaxStoredOpsLimit = 16;
inline constexpr std::size_t kMaxStoredMemLimit = std::size_t{1024} * 1024 * 1024;

// Hashes and verifies passwords while bounding how many Argon2 computations run at once:
// each needs `memlimit` bytes, so an unbounded login flood would exhaust memory. A call
// that cannot get a slot within `wait_timeout` fails with PasswordHashingBusy (HTTP 503)
// instead of queueing forever. Thread-safe; share one instance per process.
class PasswordHasher {
 public:
  struct Options {
    // Argon2 computations allowed at once; at least 1 (0 is treated as 1).
    std::size_t max_concurrent_hashes = 2;
    // How long a caller waits for a free slot before PasswordHashingBusy.
    std::chrono::milliseconds wait_timeout{5000};
    // Argon2id passes and memory in bytes for new hashes (and for verify_dummy). Tests may
    // lower them to kMinimumOpsLimit / kMinimumMemLimit for speed.
    unsigned long long opslimit = kInteractiveOpsLimit;
    std::size_t memlimit = kInteractiveMemLimit;
  };

  // A held hashing slot; releasing it (destruction) lets one waiting caller proceed.
  class Slot {
   public:
    Slot(Slot&& other) noexcept;
    Slot& operator=(Slot&&) = delete;
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    ~Slot();

   private:
    friend class PasswordHasher;
    explicit Slot(PasswordHasher* owner) : owner_(owner) {}

    PasswordHasher* owner_;
  };

  // REQUIRES: opslimit and memlimit within libsodium's Argon2id bounds (at least the
  // kMinimum* values). Violations throw std::invalid_argument: a configuration error.
  explicit PasswordHasher(Options options);
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;
  // REQUIRES: no Slot of this hasher is still alive and no call is in progress.
  ~PasswordHasher();

  // A new hash of `password` with a fresh random salt, e.g.
  // "$argon2id$v=19$m=65536,t=2,p=1$<22 base64 characters>$<43 base64 characters>".
  // The password is hashed as given (no trimming or normalisation); check it with
  // check_new_password() first.
  // Errors: PasswordHashingBusy when no slot frees up within wait_timeout, or when the
  // memory for Argon2 cannot be allocated (the log detail says which).
  Result<std::string> hash(std::string_view password);

  // True when `password` matches `stored_hash`, false when it does not.
  // Any Argon2id hash is accepted, whatever its parameters, so hashes made with older
  // settings keep working (call needs_rehash after a successful verify to upgrade them).
  // Errors: PasswordHashingBusy as for hash(); MalformedPasswordHash (HTTP 500, log detail
  // says why) when `stored_hash` is not a well-formed "$argon2id$" string (other Argon2
  // variants included) or demands more than kMaxStored* / the configured limits.
  Result<bool> verify(std::string_view password, const std::string& stored_hash);

  // Does the work of verify() against a fixed hash with the configured parameters and
  // discards the outcome, so that a login for an unknown username costs as much time as
  // a wrong password and does not reveal which usernames exist.
  // Errors: PasswordHashingBusy as for hash().
  Result<void> verify_dummy(std::string_view password);

  // True when `stored_hash` was not made with exactly the configured opslimit and
  // memlimit (including when it is malformed): after a successful verify, store
  // hash(password) in its place.
  bool needs_rehash(const std::string& stored_hash) const;

  // Slots currently held, by Argon2 computations or by hold_slot_for_test().
  std::size_t hashes_in_flight() const;

  // Occupies one slot until the returned Slot is destroyed, waiting as long as needed.
  // For tests that need a hasher to be deterministically busy.
  Slot hold_slot_for_test();

 private:
  // A slot, or PasswordHashingBusy after waiting `wait_timeout`.
  Result<Slot> acquire_slot();
  void release_slot();
  Result<bool> verify_with_slot(std::string_view password, const std::string& stored_hash);

  Options options_;
  // A syntactically valid hash with the configured parameters but a random digest that
  // no password produces; verify_dummy() runs against it.
  std::string dummy_hash_;
  mutable std::mutex mutex_;
  std::condition_variable slot_released_;
  std::size_t in_flight_ = 0;
};

}  // namespace sinergi::auth
