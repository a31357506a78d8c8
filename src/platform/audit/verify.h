#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "platform/db/database.h"

namespace sinergi::audit {

struct VerifyReport {
  // Events found intact, in order from sequence 1, before the first break (all of them
  // when the chain is intact).
  std::int64_t events_checked = 0;
  bool intact = false;
  // The first sequence number that is broken; empty when intact, or when only the head row
  // is missing.
  std::optional<std::int64_t> first_broken_sequence;
  // Empty when intact; otherwise one of:
  //   "sequence gap"                 the event with this sequence is missing (or its
  //                                  sequence column is not an integer)
  //   "previous hash does not link"  its previous_hash is not the hash of the event before
  //                                  it (kGenesisHash for the first)
  //   "hash mismatch"                its stored columns do not hash to its stored hash
  //   "head does not match"          audit_chain_head is not (last sequence, last hash);
  //                                  reported at the last event when only the hash differs,
  //                                  else at the first sequence one of them lacks
  //   "head is missing"              the audit_chain_head row is gone
  std::string reason;
  // The hash stored in audit_chain_head (empty when that row is missing). When intact, the
  // last event's hash, or kGenesisHash for an empty trail.
  std::string head_hash;
};

struct VerifyOptions {
  // Events read per query, so a trail of millions never sits in memory at once. At least 1.
  std::size_t batch_size = 1000;
};

// Walks the whole trail in sequence order, recomputing every event's hash from its stored
// columns (the canonical form in audit_log.h) and checking that sequences run 1, 2, 3, ...
// without gaps, that each previous_hash is the hash before it, and that audit_chain_head
// names the last event. Stops at the first break. Reads one consistent snapshot (a read
// transaction, REPEATABLE READ on PostgreSQL), so appends running meanwhile neither break
// nor extend what is checked.
// A broken chain is a report, not an error. Fails with InvalidInput when batch_size is 0,
// DatabaseError when the audit tables are missing, or as Database::with_read_transaction.
Result<VerifyReport> verify_chain(db::Database& database, VerifyOptions options = {});

// One line for people and logs:
//   "audit chain intact: 400 events, head 3f5a...e1"
//   "audit chain broken at sequence 17: hash mismatch (16 events intact)"
std::string describe(const VerifyReport& report);

}  // namespace sinergi::audit
