#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Small cryptographic helpers over libsodium, for session tokens, CSRF tokens and
// fingerprints. Every function here calls initialize_crypto() itself, so callers need not.

namespace sinergi::auth {

// Initialises libsodium (sodium_init) exactly once per process; safe to call from any
// number of threads, and cheap after the first call. If libsodium cannot initialise (no
// usable source of randomness), prints a message to stderr and aborts: nothing that
// depends on secrets may run without it.
void initialize_crypto();

// `bytes` random bytes from the operating system's CSPRNG, encoded as URL-safe base64
// without padding (alphabet A-Z a-z 0-9 '-' '_'; 4 characters per 3 bytes, rounded up:
// the default 32 bytes give 43 characters). The result is safe as a cookie value, a URL
// path segment or a header value without quoting. `bytes` == 0 gives "".
std::string random_token(std::size_t bytes = 32);

// SHA-256 of `data` as 64 lower-case hexadecimal digits. Meant for storing tokens that are
// already random (look them up by hash so a database leak does not leak live sessions);
// never for passwords, which go through PasswordHasher.
std::string sha256_hex(std::string_view data);

// True when `left` and `right` hold the same bytes. For inputs of equal length the time
// taken does not depend on where they differ; a length mismatch returns early, so the
// length itself is not secret (compare fixed-length values such as tokens or their hashes).
bool constant_time_equals(std::string_view left, std::string_view right);

}  // namespace sinergi::auth
