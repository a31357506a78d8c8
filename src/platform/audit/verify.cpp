#include "platform/audit/verify.h"

#include <algorithm>
#include <utility>

#include "platform/audit/audit_log.h"
#include "platform/audit/chain_hash.h"
#include "platform/audit/stored_event.h"

namespace sinergi::audit {
namespace {

VerifyReport broken(std::int64_t events_checked, std::optional<std::int64_t> sequence, std::string reason,
                    std::string head_hash) {
  return VerifyReport{events_checked, false, sequence, std::move(reason), std::move(head_hash)};
}

Result<VerifyReport> walk(soci::session& session, db::Backend backend, std::size_t batch_size) {
  if (backend == db::Backend::postgresql) {
    // One snapshot for every batch and the head; READ COMMITTED would let each query see
    // newer commits, and a head read after the last batch could name an event not walked.
    session << "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ";
  }
  std::optional<ChainHead> head;
  {
    ChainHead stored;
    long long sequence = 0;
    session << "SELECT sequence, hash FROM audit_chain_head WHERE id = 1", soci::into(sequence),
        soci::into(stored.hash);
    if (session.got_data()) {
      stored.sequence = sequence;
      head = std::move(stored);
    }
  }
  const std::string head_hash = head ? head->hash : "";

  long long after = 0;
  const long long limit = static_cast<long long>(batch_size);
  internal::StoredEventReader reader;
  soci::statement statement(session);
  reader.bind(statement);
  statement.exchange(soci::use(after));
  statement.exchange(soci::use(limit));
  statement.alloc();
  statement.prepare("SELECT " + std::string(internal::kStoredEventColumns) +
                    " FROM audit_events WHERE sequence > :after ORDER BY sequence LIMIT :limit");
  statement.define_and_bind();

  std::int64_t expected_sequence = 1;
  std::string previous_hash(kGenesisHash);
  for (;;) {
    statement.execute();
    std::size_t rows_in_batch = 0;
    while (statement.fetch()) {
      ++rows_in_batch;
      const internal::StoredEvent row = reader.row();
      const std::int64_t checked = expected_sequence - 1;
      if (internal::parse_integer(row.sequence) != expected_sequence) {
        return broken(checked, expected_sequence, "sequence gap", head_hash);
      }
      if (row.previous_hash != previous_hash) {
        return broken(checked, expected_sequence, "previous hash does not link", head_hash);
      }
      const std::optional<internal::ChainFields> fields = internal::chain_fields(row);
      if (!fields || internal::sha256_hex(internal::canonical_text(*fields)) != row.hash) {
        return broken(checked, expected_sequence, "hash mismatch", head_hash);
      }
      previous_hash = row.hash;
      after = expected_sequence;
      ++expected_sequence;
    }
    if (rows_in_batch < batch_size) {
      break;
    }
  }

  const std::int64_t last_sequence = expected_sequence - 1;
  if (!head) {
    return broken(last_sequence, std::nullopt, "head is missing", head_hash);
  }
  if (head->sequence != last_sequence || head->hash != previous_hash) {
    // Same sequence, other hash: the last event is what the head misdescribes. Different
    // sequences: the first event that one side has and the other lacks.
    const std::int64_t sequence =
        head->sequence == last_sequence ? last_sequence : std::min(head->sequence, last_sequence) + 1;
    return broken(last_sequence, std::max<std::int64_t>(sequence, 1), "head does not match", head_hash);
  }
  return VerifyReport{last_sequence, true, std::nullopt, "", head_hash};
}

}  // namespace

Result<VerifyReport> verify_chain(db::Database& database, VerifyOptions options) {
  if (options.batch_size == 0) {
    return Error(ErrorCode::InvalidInput, {"the verification batch size must be at least 1"});
  }
  return database.with_read_transaction(
      [&](soci::session& session) { return walk(session, database.backend(), options.batch_size); });
}

std::string describe(const VerifyReport& report) {
  if (report.intact) {
    return "audit chain intact: " + std::to_string(report.events_checked) + " events, head " +
           report.head_hash;
  }
  std::string text = "audit chain broken";
  if (report.first_broken_sequence) {
    text += " at sequence " + std::to_string(*report.first_broken_sequence);
  }
  return text + ": " + report.reason + " (" + std::to_string(report.events_checked) + " events intact)";
}

}  // namespace sinergi::audit
