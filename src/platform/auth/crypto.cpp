#include "platform/auth/crypto.h"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace sinergi::auth {

void initialize_crypto() {
  // A function-local static is initialised exactly once even when several threads race
  // here; sodium_init() is itself idempotent, this only avoids calling it on every use.
  static const bool initialized = [] {
    if (sodium_init() < 0) {
      std::fputs("sinergi: libsodium could not be initialised (no usable random source); aborting\n", stderr);
      std::abort();
    }
    return true;
  }();
  static_cast<void>(initialized);
}

std::string random_token(std::size_t bytes) {
  initialize_crypto();
  if (bytes == 0) {
    return {};
  }
  std::vector<unsigned char> random_bytes(bytes);
  randombytes_buf(random_bytes.data(), random_bytes.size());
  // The encoded length reported by libsodium counts the terminating NUL.
  const std::size_t encoded_size = sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string token(encoded_size, '\0');
  sodium_bin2base64(token.data(), token.size(), random_bytes.data(), random_bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  token.resize(encoded_size - 1);
  sodium_memzero(random_bytes.data(), random_bytes.size());
  return token;
}

std::string sha256_hex(std::string_view data) {
  initialize_crypto();
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  std::string hex(crypto_hash_sha256_BYTES * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.resize(crypto_hash_sha256_BYTES * 2);
  return hex;
}

bool constant_time_equals(std::string_view left, std::string_view right) {
  initialize_crypto();
  if (left.size() != right.size()) {
    return false;
  }
  if (left.empty()) {
    return true;
  }
  return sodium_memcmp(left.data(), right.data(), left.size()) == 0;
}

}  // namespace sinergi::auth
