#pragma once

// Internal to sinergi_audit: reading audit_events rows exactly as stored, for the verifier
// (which must see tampered values as they are) and the listing.

#include <soci/soci.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "platform/audit/audit_log.h"
#include "platform/audit/chain_hash.h"

namespace sinergi::audit::internal {

// One audit_events row, every column as text (integers in decimal); NULL is std::nullopt.
struct StoredEvent {
  std::string sequence;
  std::string occurred_at;
  std::string actor_type;
  std::optional<std::string> actor_id;
  std::string actor_name;
  std::optional<std::string> region_id;
  std::string action;
  std::string outcome;
  std::string entity_type;
  std::optional<std::string> entity_id;
  std::string changes;
  std::optional<std::string> request_id;
  std::optional<std::string> remote_address;
  std::string previous_hash;
  std::string hash;
};

// The select list StoredEventReader expects, integers cast to text on both backends. The
// casts get names of their own: PostgreSQL would name them after their columns, and then an
// "ORDER BY sequence" would sort the text ("10" before "2").
inline constexpr std::string_view kStoredEventColumns =
    "CAST(sequence AS TEXT) AS sequence_text, occurred_at, actor_type, CAST(actor_id AS TEXT) AS "
    "actor_id_text, "
    "actor_name, CAST(region_id AS TEXT) AS region_id_text, action, outcome, entity_type, entity_id, "
    "changes, "
    "request_id, remote_address, previous_hash, hash";

// The buffers one fetched row lands in. Usage, with the low-level SOCI statement API:
//   StoredEventReader reader;
//   soci::statement statement(session);
//   reader.bind(statement);            // first, so the results come before any use()
//   statement.exchange(soci::use(...));
//   statement.alloc(); statement.prepare(sql); statement.define_and_bind();
//   statement.execute(); while (statement.fetch()) { StoredEvent row = reader.row(); }
// REQUIRES: outlives the statement's use; not copied or moved once bound.
class StoredEventReader {
 public:
  StoredEventReader() = default;
  StoredEventReader(const StoredEventReader&) = delete;
  StoredEventReader& operator=(const StoredEventReader&) = delete;

  void bind(soci::statement& statement);
  // The row last fetched.
  StoredEvent row() const;

 private:
  static constexpr std::size_t kColumns = 15;
  std::array<std::string, kColumns> values_;
  std::array<soci::indicator, kColumns> indicators_{};
};

// The values the row's hash covers; std::nullopt when an integer column does not hold an
// integer (possible only by editing the table), which no appended event can hash to.
std::optional<ChainFields> chain_fields(const StoredEvent& row);

// The row as a record. Fails with DatabaseError when a column holds what append() never
// writes (an integer column that is not one, an unknown actor type or outcome).
Result<AuditRecord> to_record(const StoredEvent& row);

// `text` as a decimal int64, std::nullopt unless it is exactly one.
std::optional<std::int64_t> parse_integer(std::string_view text);

}  // namespace sinergi::audit::internal
