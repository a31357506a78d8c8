// The verifier against a trail edited behind the appender's back, on every backend.
#include "platform/audit/verify.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "platform/audit/audit_test_support.h"
#include "platform/audit/chain_hash.h"
#include "platform/audit/stored_event.h"

namespace sinergi::audit {
namespace {

constexpr int kEvents = 25;
// Smaller than the trail and not a divisor of it, so batch boundaries are crossed.
constexpr VerifyOptions kSmallBatches{.batch_size = 7};

class VerifyTest : public AuditStorageTest {
 protected:
  // Appends kEvents events, one transaction each.
  void fill() {
    for (int event = 1; event <= kEvents; ++event) {
      clock_.advance(std::chrono::seconds(1));
      auto record = create_widget(widget_event("w" + std::to_string(event)));
      ASSERT_TRUE(record.ok()) << describe(record.error());
      hashes_.push_back(record->hash);
    }
  }

  VerifyReport verify(VerifyOptions options = kSmallBatches) {
    auto report = verify_chain(database(), options);
    EXPECT_TRUE(report.ok()) << describe(report.error());
    return report.ok() ? std::move(report).value() : VerifyReport{};
  }

  void expect_broken_at(std::int64_t sequence, const std::string& reason) {
    for (VerifyOptions options : {kSmallBatches, VerifyOptions{}}) {
      const VerifyReport report = verify(options);
      EXPECT_FALSE(report.intact) << describe(report);
      EXPECT_EQ(report.first_broken_sequence, sequence) << describe(report);
      EXPECT_EQ(report.reason, reason) << describe(report);
      EXPECT_EQ(report.events_checked, sequence - 1) << describe(report);
    }
  }

  std::vector<std::string> hashes_;  // hashes_[n - 1] is the hash of event n
};

TEST_P(VerifyTest, AnEmptyTrailIsIntact) {
  const VerifyReport report = verify();
  EXPECT_TRUE(report.intact) << describe(report);
  EXPECT_EQ(report.events_checked, 0);
  EXPECT_EQ(report.first_broken_sequence, std::nullopt);
  EXPECT_EQ(report.reason, "");
  EXPECT_EQ(report.head_hash, kGenesisHash);
}

TEST_P(VerifyTest, AnUntouchedTrailIsIntactInAnyBatchSize) {
  ASSERT_NO_FATAL_FAILURE(fill());
  for (std::size_t batch_size : {1U, 7U, 25U, 1000U}) {
    const VerifyReport report = verify(VerifyOptions{.batch_size = batch_size});
    EXPECT_TRUE(report.intact) << batch_size << ": " << describe(report);
    EXPECT_EQ(report.events_checked, kEvents);
    EXPECT_EQ(report.head_hash, hashes_.back());
  }
}

TEST_P(VerifyTest, AnEditedChangeIsAHashMismatchAtThatEvent) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute(R"(UPDATE audit_events SET changes = '[{"after":"Widget X","before":null,"field":"name"}]')"
          " WHERE sequence = 13");
  expect_broken_at(13, "hash mismatch");
}

TEST_P(VerifyTest, AnEditedActorIsAHashMismatchAtThatEvent) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute("UPDATE audit_events SET actor_name = 'someone else' WHERE sequence = 1");
  expect_broken_at(1, "hash mismatch");
}

TEST_P(VerifyTest, EveryCoveredColumnIsProtected) {
  ASSERT_NO_FATAL_FAILURE(fill());
  const std::vector<std::string> edits = {
      "occurred_at = '2025-07-01T03:00:00.001Z'",
      "actor_type = 'system'",
      "actor_id = NULL",
      "actor_id = 8",
      "region_id = 65",
      "region_id = NULL",
      "action = 'widget.delete'",
      "outcome = 'denied'",
      "entity_type = 'gadget'",
      "entity_id = NULL",
      "request_id = NULL",
      "remote_address = '10.0.0.8'",
      "previous_hash = '" + std::string(64, 'e') + "'",
      "changes = '[]'",
      "hash = '" + std::string(64, 'f') + "'",
  };
  for (const std::string& edit : edits) {
    // Each edit is undone by restoring the whole row from a copy.
    execute("CREATE TABLE saved_event AS SELECT * FROM audit_events WHERE sequence = 20");
    execute("UPDATE audit_events SET " + edit + " WHERE sequence = 20");
    const VerifyReport report = verify();
    EXPECT_EQ(report.first_broken_sequence, 20) << edit << ": " << describe(report);
    execute("DELETE FROM audit_events WHERE sequence = 20");
    execute("INSERT INTO audit_events SELECT * FROM saved_event");
    execute("DROP TABLE saved_event");
    EXPECT_TRUE(verify().intact) << edit;
  }
}

TEST_P(VerifyTest, ARehashedEditBreaksTheNextLink) {
  ASSERT_NO_FATAL_FAILURE(fill());
  // A forger who recomputes the edited event's hash still cannot fix the next event's
  // previous_hash without rehashing everything after it.
  auto rows = database().with_read_transaction([](soci::session& session) -> Result<internal::StoredEvent> {
    internal::StoredEventReader reader;
    soci::statement statement(session);
    reader.bind(statement);
    statement.alloc();
    statement.prepare("SELECT " + std::string(internal::kStoredEventColumns) +
                      " FROM audit_events WHERE sequence = 13");
    statement.define_and_bind();
    statement.execute(true);
    return reader.row();
  });
  ASSERT_TRUE(rows.ok()) << describe(rows.error());
  internal::StoredEvent forged = *rows;
  forged.actor_name = "forger";
  const std::string forged_hash =
      internal::sha256_hex(internal::canonical_text(*internal::chain_fields(forged)));
  execute("UPDATE audit_events SET actor_name = 'forger', hash = '" + forged_hash + "' WHERE sequence = 13");
  expect_broken_at(14, "previous hash does not link");
}

TEST_P(VerifyTest, ADeletedEventIsAGap) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute("DELETE FROM audit_events WHERE sequence = 13");
  expect_broken_at(13, "sequence gap");
}

TEST_P(VerifyTest, ADeletedFirstEventIsAGapAtOne) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute("DELETE FROM audit_events WHERE sequence = 1");
  expect_broken_at(1, "sequence gap");
}

TEST_P(VerifyTest, ARenumberedEventIsAGap) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute("UPDATE audit_events SET sequence = 1000 WHERE sequence = 7");
  expect_broken_at(7, "sequence gap");
}

TEST_P(VerifyTest, AnEditedHeadHashIsReportedAtTheLastEvent) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute("UPDATE audit_chain_head SET hash = '" + hashes_[23] + "'");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_broken_sequence, kEvents);
  EXPECT_EQ(report.reason, "head does not match");
  EXPECT_EQ(report.events_checked, kEvents);
  EXPECT_EQ(report.head_hash, hashes_[23]);
}

TEST_P(VerifyTest, AHeadMovedBackIsReportedAtTheFirstEventItDoesNotCover) {
  ASSERT_NO_FATAL_FAILURE(fill());
  // As if events 23..25 had been inserted without moving the head.
  execute("UPDATE audit_chain_head SET sequence = 22, hash = '" + hashes_[21] + "'");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_broken_sequence, 23);
  EXPECT_EQ(report.reason, "head does not match");
}

TEST_P(VerifyTest, ADeletedLastEventIsReportedByTheHead) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute("DELETE FROM audit_events WHERE sequence = 25");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_broken_sequence, 25);
  EXPECT_EQ(report.reason, "head does not match");
  EXPECT_EQ(report.events_checked, 24);
}

TEST_P(VerifyTest, AnEditedHeadOfAnEmptyTrailIsReportedAtOne) {
  execute("UPDATE audit_chain_head SET hash = 'x'");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_broken_sequence, 1);
  EXPECT_EQ(report.reason, "head does not match");
}

TEST_P(VerifyTest, AMissingHeadIsReported) {
  ASSERT_NO_FATAL_FAILURE(fill());
  execute("DELETE FROM audit_chain_head");
  const VerifyReport report = verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_broken_sequence, std::nullopt);
  EXPECT_EQ(report.reason, "head is missing");
  EXPECT_EQ(report.events_checked, kEvents);
  // And nothing more can be appended.
  auto record = create_widget(widget_event("late"));
  ASSERT_FALSE(record.ok());
  EXPECT_EQ(record.error().code(), ErrorCode::DatabaseError);
}

TEST_P(VerifyTest, AZeroBatchSizeIsInvalid) {
  auto report = verify_chain(database(), VerifyOptions{.batch_size = 0});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.error().code(), ErrorCode::InvalidInput);
}

// Verification reads one snapshot, so writers appending meanwhile never make it see a head
// beyond the events it walked (or events beyond the head).
TEST_P(VerifyTest, VerifyingWhileWritersAppendStaysIntact) {
  std::atomic<bool> writing = true;
  std::vector<Error> failures;
  std::thread writer([&] {
    for (int event = 0; event < 150; ++event) {
      auto record = create_widget(widget_event("concurrent-" + std::to_string(event)));
      if (!record.ok()) {
        failures.push_back(record.error());
      }
    }
    writing = false;
  });
  int verifications = 0;
  while (writing || verifications == 0) {
    const VerifyReport report = verify(VerifyOptions{.batch_size = 10});
    EXPECT_TRUE(report.intact) << describe(report);
    ++verifications;
  }
  writer.join();
  EXPECT_TRUE(failures.empty()) << describe(failures.front());
  const VerifyReport report = verify();
  EXPECT_TRUE(report.intact) << describe(report);
  EXPECT_EQ(report.events_checked, 150);
}

INSTANTIATE_TEST_SUITE_P(Backends, VerifyTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::audit
