#include "platform/audit/chain_hash.h"

#include <sodium.h>

#include <array>
#include <cstddef>
#include <mutex>

namespace sinergi::audit::internal {
namespace {

constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
// U+FFFD REPLACEMENT CHARACTER in UTF-8.
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// The serializer the canonical form is defined by: no whitespace, raw UTF-8, invalid
// bytes replaced rather than thrown.
std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, kReplace);
}

nlohmann::json optional_json(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json optional_json(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// The length of the valid UTF-8 sequence (RFC 3629: no overlong forms, no surrogates,
// nothing above U+10FFFF) starting at text[position], or 0 when none starts there.
std::size_t valid_sequence_length(std::string_view text, std::size_t position) {
  const auto byte_at = [&](std::size_t offset) -> unsigned {
    return static_cast<unsigned char>(text[position + offset]);
  };
  const auto is_continuation = [&](std::size_t offset) {
    return position + offset < text.size() && (byte_at(offset) & 0xC0U) == 0x80U;
  };
  const unsigned lead = byte_at(0);
  if (lead < 0x80U) {
    return 1;
  }
  if (lead >= 0xC2U && lead <= 0xDFU) {
    return is_continuation(1) ? 2 : 0;
  }
  if (lead >= 0xE0U && lead <= 0xEFU) {
    if (!is_continuation(1) || !is_continuation(2)) {
      return 0;
    }
    const unsigned second = byte_at(1);
    if ((lead == 0xE0U && second < 0xA0U) || (lead == 0xEDU && second > 0x9FU)) {
      return 0;  // overlong, or a UTF-16 surrogate
    }
    return 3;
  }
  if (lead >= 0xF0U && lead <= 0xF4U) {
    if (!is_continuation(1) || !is_continuation(2) || !is_continuation(3)) {
      return 0;
    }
    const unsigned second = byte_at(1);
    if ((lead == 0xF0U && second < 0x90U) || (lead == 0xF4U && second > 0x8FU)) {
      return 0;  // overlong, or above U+10FFFF
    }
    return 4;
  }
  return 0;
}

}  // namespace

std::string canonical_text(const ChainFields& fields) {
  // The array is written element by element so the stored `changes` text goes in byte for
  // byte; dump() of the whole array would write "[", the elements joined by ",", and "]",
  // which is the same text.
  const std::array<nlohmann::json, 10> before_changes = {
      nlohmann::json(fields.sequence), nlohmann::json(fields.occurred_at), nlohmann::json(fields.actor_type),
      optional_json(fields.actor_id),  nlohmann::json(fields.actor_name),  optional_json(fields.region_id),
      nlohmann::json(fields.action),   nlohmann::json(fields.outcome),     nlohmann::json(fields.entity_type),
      optional_json(fields.entity_id),
  };
  const std::array<nlohmann::json, 3> after_changes = {
      optional_json(fields.request_id),
      optional_json(fields.remote_address),
      nlohmann::json(fields.previous_hash),
  };
  std::string text = "[";
  for (const nlohmann::json& element : before_changes) {
    text += dump(element);
    text += ',';
  }
  text += fields.changes;
  for (const nlohmann::json& element : after_changes) {
    text += ',';
    text += dump(element);
  }
  text += ']';
  return text;
}

std::string sha256_hex(std::string_view text) {
  // libsodium asks for sodium_init() before any use. Its result does not matter here: it
  // fails only when the random source is unavailable, which hashing does not need.
  static std::once_flag initialized;
  std::call_once(initialized, [] { [[maybe_unused]] const int status = sodium_init(); });
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

std::string changes_text(const std::vector<FieldChange>& changes) {
  nlohmann::json array = nlohmann::json::array();
  for (const FieldChange& change : changes) {
    array.push_back({{"field", change.field}, {"before", change.before}, {"after", change.after}});
  }
  return dump(array);
}

std::vector<FieldChange> parse_changes(std::string_view text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto unreadable = [&] {
    return std::vector<FieldChange>{FieldChange{"", nullptr, valid_utf8(text)}};
  };
  if (!parsed.is_array()) {
    return unreadable();
  }
  std::vector<FieldChange> changes;
  changes.reserve(parsed.size());
  for (const nlohmann::json& element : parsed) {
    const auto field = element.is_object() ? element.find("field") : element.end();
    if (!element.is_object() || field == element.end() || !field->is_string()) {
      return unreadable();
    }
    changes.push_back(FieldChange{field->get<std::string>(), element.value("before", nlohmann::json()),
                                  element.value("after", nlohmann::json())});
  }
  return changes;
}

std::string valid_utf8(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  std::size_t position = 0;
  while (position < text.size()) {
    const std::size_t length = valid_sequence_length(text, position);
    if (length == 0 || text[position] == '\0') {
      result += kReplacementCharacter;
      ++position;
    } else {
      result.append(text.substr(position, length));
      position += length;
    }
  }
  return result;
}

}  // namespace sinergi::audit::internal
