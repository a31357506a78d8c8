#include "platform/auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cerrno>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <utility>

#include "platform/auth/crypto.h"

namespace sinergi::auth {

static_assert(kInteractiveOpsLimit == crypto_pwhash_OPSLIMIT_INTERACTIVE);
static_assert(kInteractiveMemLimit == crypto_pwhash_MEMLIMIT_INTERACTIVE);
static_assert(kMinimumOpsLimit == crypto_pwhash_OPSLIMIT_MIN);
static_assert(kMinimumMemLimit == crypto_pwhash_MEMLIMIT_MIN);
static_assert(kMaxStoredMemLimit == crypto_pwhash_MEMLIMIT_SENSITIVE);

namespace {

constexpr std::string_view kArgon2idPrefix = crypto_pwhash_argon2id_STRPREFIX;

struct Argon2Parameters {
  unsigned long long opslimit = 0;
  // In bytes, as crypto_pwhash takes it (the string stores KiB).
  unsigned long long memlimit = 0;
};

// Reads the unsigned decimal at the start of `text` that follows `label`, advancing past it.
std::optional<unsigned long long> read_labelled_number(std::string_view& text, std::string_view label) {
  if (!text.starts_with(label)) {
    return std::nullopt;
  }
  text.remove_prefix(label.size());
  unsigned long long number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data()) {
    return std::nullopt;
  }
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return number;
}

// The cost parameters of "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$...". libsodium's own
// decoder (run by crypto_pwhash_str_needs_rehash) checks the rest of the string; this only
// extracts what the decoder does not report.
std::optional<Argon2Parameters> parse_parameters(std::string_view stored_hash) {
  if (!stored_hash.starts_with(kArgon2idPrefix)) {
    return std::nullopt;
  }
  std::string_view rest = stored_hash.substr(kArgon2idPrefix.size());
  if (!read_labelled_number(rest, "v=")) {
    return std::nullopt;
  }
  const auto memory_kib = read_labelled_number(rest, "$m=");
  const auto passes = read_labelled_number(rest, ",t=");
  if (!memory_kib || !passes) {
    return std::nullopt;
  }
  return Argon2Parameters{*passes, *memory_kib * 1024};
}

// Why `stored_hash` cannot be verified, or nullopt when it can.
std::optional<std::string> malformation(const std::string& stored_hash,
                                        const PasswordHasher::Options& options) {
  // libsodium reads the hash as a NUL-terminated string no longer than crypto_pwhash_STRBYTES.
  if (stored_hash.find('\0') != std::string::npos || stored_hash.size() >= crypto_pwhash_STRBYTES) {
    return "stored password hash has an embedded NUL or is too long";
  }
  if (!stored_hash.starts_with(kArgon2idPrefix)) {
    return "stored password hash is not Argon2id";
  }
  // needs_rehash decodes the whole string (version, parameters, salt, digest) and
  // answers -1 when it cannot.
  if (crypto_pwhash_str_needs_rehash(stored_hash.c_str(), options.opslimit, options.memlimit) < 0) {
    return "stored password hash does not decode";
  }
  const auto parameters = parse_parameters(stored_hash);
  if (!parameters) {
    return "stored password hash has unreadable parameters";
  }
  if (parameters->opslimit > std::max(kMaxStoredOpsLimit, options.opslimit) ||
      parameters->memlimit > std::max<unsigned long long>(kMaxStoredMemLimit, options.memlimit)) {
    return "stored password hash demands more work than allowed (t=" + std::to_string(parameters->opslimit) +
           ", m=" + std::to_string(parameters->memlimit / 1024) + " KiB)";
  }
  return std::nullopt;
}

// "$argon2id$v=19$m=<KiB>,t=<passes>,p=1$<salt>$<digest>" with random salt and digest.
// Verifying against it costs exactly what verifying a real hash with these parameters
// costs, and it matches no password (finding one would mean inverting Argon2).
std::string make_dummy_hash(const PasswordHasher::Options& options) {
  std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
  // crypto_pwhash_str writes 32-byte digests; the verifier computes as many bytes as it finds.
  std::array<unsigned char, 32> digest{};
  randombytes_buf(salt.data(), salt.size());
  randombytes_buf(digest.data(), digest.size());
  auto encode = [](const unsigned char* bytes, std::size_t size) {
    std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    text.resize(text.size() - 1);
    return text;
  };
  return std::string(kArgon2idPrefix) + "v=19$m=" + std::to_string(options.memlimit / 1024) +
         ",t=" + std::to_string(options.opslimit) + ",p=1$" + encode(salt.data(), salt.size()) + "$" +
         encode(digest.data(), digest.size());
}

Error busy_error(std::string detail) {
  return Error(ErrorCode::PasswordHashingBusy).with_log_detail(std::move(detail));
}

}  // namespace

PasswordHasher::Slot::Slot(Slot&& other) noexcept : owner_(std::exchange(other.owner_, nullptr)) {}

PasswordHasher::Slot::~Slot() {
  if (owner_ != nullptr) {
    owner_->release_slot();
  }
}

PasswordHasher::PasswordHasher(Options options) : options_(options) {
  initialize_crypto();
  options_.max_concurrent_hashes = std::max<std::size_t>(options_.max_concurrent_hashes, 1);
  if (options_.opslimit < crypto_pwhash_OPSLIMIT_MIN || options_.opslimit > crypto_pwhash_OPSLIMIT_MAX) {
    throw std::invalid_argument("PasswordHasher: opslimit outside libsodium's Argon2id bounds");
  }
  if (options_.memlimit < crypto_pwhash_MEMLIMIT_MIN || options_.memlimit > crypto_pwhash_MEMLIMIT_MAX) {
    throw std::invalid_argument("PasswordHasher: memlimit outside libsodium's Argon2id bounds");
  }
  dummy_hash_ = make_dummy_hash(options_);
  assert(!malformation(dummy_hash_, options_));
}

PasswordHasher::~PasswordHasher() = default;

Result<std::string> PasswordHasher::hash(std::string_view password) {
  Slot slot = TRY(acquire_slot());
  std::array<char, crypto_pwhash_STRBYTES> hashed{};
  if (crypto_pwhash_str(hashed.data(), password.data(), password.size(), options_.opslimit,
                        options_.memlimit) != 0) {
    // The only failures left after the constructor's checks are an over-long password
    // (beyond 4 GiB, impossible behind the HTTP body limit) and running out of memory.
    return busy_error("crypto_pwhash_str failed: out of memory");
  }
  return std::string(hashed.data());
}

Result<bool> PasswordHasher::verify(std::string_view password, const std::string& stored_hash) {
  if (auto problem = malformation(stored_hash, options_)) {
    return Error(ErrorCode::MalformedPasswordHash).with_log_detail(std::move(*problem));
  }
  return verify_with_slot(password, stored_hash);
}

Result<void> PasswordHasher::verify_dummy(std::string_view password) {
  TRY(verify_with_slot(password, dummy_hash_));
  return success();
}

Result<bool> PasswordHasher::verify_with_slot(std::string_view password, const std::string& stored_hash) {
  Slot slot = TRY(acquire_slot());
  // libsodium answers -1 both for a mismatch and for a failed allocation; only the
  // latter leaves errno at ENOMEM (a mismatch sets EINVAL).
  errno = 0;
  if (crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0) {
    return true;
  }
  if (errno == ENOMEM) {
    return busy_error("crypto_pwhash_str_verify failed: out of memory");
  }
  return false;
}

bool PasswordHasher::needs_rehash(const std::string& stored_hash) const {
  if (stored_hash.find('\0') != std::string::npos || stored_hash.size() >= crypto_pwhash_STRBYTES) {
    return true;
  }
  return crypto_pwhash_str_needs_rehash(stored_hash.c_str(), options_.opslimit, options_.memlimit) != 0;
}

std::size_t PasswordHasher::hashes_in_flight() const {
  std::lock_guard lock(mutex_);
  return in_flight_;
}

PasswordHasher::Slot PasswordHasher::hold_slot_for_test() {
  std::unique_lock lock(mutex_);
  slot_released_.wait(lock, [this] { return in_flight_ < options_.max_concurrent_hashes; });
  ++in_flight_;
  return Slot(this);
}

Result<PasswordHasher::Slot> PasswordHasher::acquire_slot() {
  std::unique_lock lock(mutex_);
  if (!slot_released_.wait_for(lock, options_.wait_timeout,
                               [this] { return in_flight_ < options_.max_concurrent_hashes; })) {
    return busy_error("no password hashing slot became free within " +
                      std::to_string(options_.wait_timeout.count()) + " ms (" +
                      std::to_string(options_.max_concurrent_hashes) + " in use)");
  }
  ++in_flight_;
  return Slot(this);
}

void PasswordHasher::release_slot() {
  {
    std::lock_guard lock(mutex_);
    --in_flight_;
  }
  slot_released_.notify_one();
}

}  // namespace sinergi::auth
