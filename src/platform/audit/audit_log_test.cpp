// The appender, run unchanged against every backend in db::test_backends().
#include "platform/audit/audit_log.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cstdio>
#include <set>
#include <thread>

#include "platform/audit/audit_test_support.h"
#include "platform/audit/query.h"
#include "platform/audit/verify.h"

namespace sinergi::audit {
namespace {

// SHA-256 computed here, with libsodium and printf, so the test does not trust the code
// under test to hash or to hex-encode.
std::string independent_sha256(const std::string& text) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  EXPECT_EQ(
      crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()), text.size()), 0);
  std::string hex;
  for (unsigned char byte : digest) {
    std::array<char, 3> pair{};
    std::snprintf(pair.data(), pair.size(), "%02x", byte);
    hex += pair.data();
  }
  return hex;
}

struct StoredHashes {
  std::string changes;
  std::string previous_hash;
  std::string hash;
};

class AuditLogTest : public AuditStorageTest {
 protected:
  Result<StoredHashes> stored(std::int64_t sequence) {
    return database().with_read_transaction([&](soci::session& session) -> Result<StoredHashes> {
      StoredHashes row;
      const long long wanted = sequence;
      session << "SELECT changes, previous_hash, hash FROM audit_events WHERE sequence = :sequence",
          soci::use(wanted), soci::into(row.changes), soci::into(row.previous_hash), soci::into(row.hash);
      if (!session.got_data()) {
        return Error(ErrorCode::NotFound, {"audit event " + std::to_string(sequence)});
      }
      return row;
    });
  }

  Result<ChainHead> head() {
    return database().with_read_transaction([](soci::session& session) { return chain_head(session); });
  }
};

TEST_P(AuditLogTest, CommittedAppendsAreNumberedFromOneAndLinked) {
  std::vector<AuditRecord> records;
  for (const std::string id : {"a", "b", "c"}) {
    auto record = create_widget(widget_event(id));
    ASSERT_TRUE(record.ok()) << describe(record.error());
    records.push_back(std::move(record).value());
  }
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[0].sequence, 1);
  EXPECT_EQ(records[1].sequence, 2);
  EXPECT_EQ(records[2].sequence, 3);
  EXPECT_EQ(records[0].previous_hash, kGenesisHash);
  EXPECT_EQ(records[1].previous_hash, records[0].hash);
  EXPECT_EQ(records[2].previous_hash, records[1].hash);
  EXPECT_EQ(std::set<std::string>({records[0].hash, records[1].hash, records[2].hash}).size(), 3U);
  for (const AuditRecord& record : records) {
    EXPECT_EQ(record.hash.size(), 64U);
    EXPECT_EQ(record.hash.find_first_not_of("0123456789abcdef"), std::string::npos) << record.hash;
    auto row = stored(record.sequence);
    ASSERT_TRUE(row.ok()) << describe(row.error());
    EXPECT_EQ(row->hash, record.hash);
    EXPECT_EQ(row->previous_hash, record.previous_hash);
  }
  auto current = head();
  ASSERT_TRUE(current.ok()) << describe(current.error());
  EXPECT_EQ(current->sequence, 3);
  EXPECT_EQ(current->hash, records[2].hash);
  EXPECT_EQ(count("SELECT count(*) FROM widgets"), 3);

  // What the listing reads back is what append returned.
  auto listed = database().with_read_transaction(
      [](soci::session& session) { return list_events(session, AuditFilter{}); });
  ASSERT_TRUE(listed.ok()) << describe(listed.error());
  ASSERT_EQ(listed->items.size(), 3U);
  EXPECT_EQ(listed->items[0], records[2]);
  EXPECT_EQ(listed->items[2], records[0]);
}

TEST_P(AuditLogTest, ARolledBackAppendLeavesNoTraceAndItsSequenceIsReused) {
  auto first = create_widget(widget_event("a"));
  ASSERT_TRUE(first.ok()) << describe(first.error());

  auto failed = database().with_transaction([&](soci::session& session) -> Result<void> {
    session << "INSERT INTO widgets (id, name) VALUES ('b', 'Widget b')";
    auto record = append(session, GetParam(), widget_event("b"), clock_);
    EXPECT_TRUE(record.ok());
    EXPECT_EQ(record.value_or(AuditRecord{}).sequence, 2);
    // The change fails after its event was appended: both must go.
    return Error(ErrorCode::Conflict, {"widget b"});
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code(), ErrorCode::Conflict);
  EXPECT_EQ(count("SELECT count(*) FROM audit_events"), 1);
  EXPECT_EQ(count("SELECT count(*) FROM widgets"), 1);
  auto current = head();
  ASSERT_TRUE(current.ok()) << describe(current.error());
  EXPECT_EQ(current->sequence, 1);
  EXPECT_EQ(current->hash, first->hash);

  auto next = create_widget(widget_event("c"));
  ASSERT_TRUE(next.ok()) << describe(next.error());
  EXPECT_EQ(next->sequence, 2);
  EXPECT_EQ(next->previous_hash, first->hash);
}

TEST_P(AuditLogTest, AFailedChangeRollsBackItsEventFromTheVeryFirst) {
  // A duplicate widget id fails on insert, after nothing but the transaction began.
  ASSERT_TRUE(create_widget(widget_event("a")).ok());
  auto duplicate = create_widget(widget_event("a"));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code(), ErrorCode::Conflict) << describe(duplicate.error());
  EXPECT_EQ(count("SELECT count(*) FROM audit_events"), 1);
  EXPECT_EQ(count("SELECT max(sequence) FROM audit_events"), 1);
}

TEST_P(AuditLogTest, TheHashIsSha256OfTheDocumentedCanonicalForm) {
  AuditEvent edit;
  edit.actor = Actor{ActorType::user, 7, "Siti \"Ina\" Rahmawati — Kaltim"};
  edit.region_id = 64;
  edit.action = "user.update";
  edit.entity_type = "user";
  edit.entity_id = "42";
  edit.changes = {FieldChange{"full_name", "Siti", "Siti Rahmawati"}, FieldChange{"active", true, false},
                  FieldChange{"office", nullptr, {{"name", "Dinas Kesehatan"}, {"id", 3}}}};
  edit.request_id = "req-1";
  edit.remote_address = "10.0.0.7";
  auto first = database().with_transaction(
      [&](soci::session& session) { return append(session, GetParam(), edit, clock_); });
  ASSERT_TRUE(first.ok()) << describe(first.error());

  // Written out by hand from the specification in audit_log.h.
  const std::string first_changes =
      R"json([{"after":"Siti Rahmawati","before":"Siti","field":"full_name"},)json"
      R"json({"after":false,"before":true,"field":"active"},)json"
      R"json({"after":{"id":3,"name":"Dinas Kesehatan"},"before":null,"field":"office"}])json";
  const std::string first_text =
      R"json([1,"2025-07-01T03:00:00.000Z","user",7,"Siti \"Ina\" Rahmawati — Kaltim",64,"user.update",)json"
      R"json("success","user","42",)json" +
      first_changes +
      R"json(,"req-1","10.0.0.7","0000000000000000000000000000000000000000000000000000000000000000"])json";
  EXPECT_EQ(first->hash, independent_sha256(first_text));
  EXPECT_EQ(first->occurred_at, "2025-07-01T03:00:00.000Z");

  // Nulls for what a system event lacks; empty request id and address are null too.
  clock_.advance(std::chrono::milliseconds(1'500));
  AuditEvent denied;
  denied.actor = Actor{ActorType::system, std::nullopt, "system"};
  denied.action = "settings.update";
  denied.outcome = Outcome::denied;
  denied.entity_type = "system_setting";
  auto second = database().with_transaction(
      [&](soci::session& session) { return append(session, GetParam(), denied, clock_); });
  ASSERT_TRUE(second.ok()) << describe(second.error());
  const std::string second_text =
      R"json([2,"2025-07-01T03:00:01.500Z","system",null,"system",null,)json"
      R"json("settings.update","denied","system_setting",null,[],null,null,")json" +
      independent_sha256(first_text) + "\"]";
  EXPECT_EQ(second->hash, independent_sha256(second_text));

  // The stored columns are what the hash covers.
  auto first_row = stored(1);
  ASSERT_TRUE(first_row.ok()) << describe(first_row.error());
  EXPECT_EQ(first_row->changes, first_changes);
  EXPECT_EQ(first_row->hash, independent_sha256(first_text));
  auto second_row = stored(2);
  ASSERT_TRUE(second_row.ok()) << describe(second_row.error());
  EXPECT_EQ(second_row->changes, "[]");
  EXPECT_EQ(second_row->previous_hash, first_row->hash);
  EXPECT_EQ(second_row->hash, independent_sha256(second_text));
}

TEST_P(AuditLogTest, TextThatIsNotUtf8IsRepairedBeforeItIsStoredAndHashed) {
  AuditEvent event = widget_event("bad\xFFid");
  event.actor.name = std::string("Bud\xC3i\0x", 7);
  event.changes = {FieldChange{"name", "ok", "\xF0\x28\x8C\x28 broken"}};
  auto record = database().with_transaction(
      [&](soci::session& session) { return append(session, GetParam(), event, clock_); });
  ASSERT_TRUE(record.ok()) << describe(record.error());
  EXPECT_EQ(record->actor.name, "Bud\xEF\xBF\xBDi\xEF\xBF\xBDx");
  EXPECT_EQ(record->entity_id, "bad\xEF\xBF\xBDid");
  ASSERT_EQ(record->changes.size(), 1U);
  EXPECT_EQ(record->changes[0].after, "\xEF\xBF\xBD(\xEF\xBF\xBD( broken");

  auto report = verify_chain(database());
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_TRUE(report->intact) << describe(*report);
  auto listed = database().with_read_transaction(
      [](soci::session& session) { return list_events(session, AuditFilter{}); });
  ASSERT_TRUE(listed.ok()) << describe(listed.error());
  ASSERT_EQ(listed->items.size(), 1U);
  EXPECT_EQ(listed->items[0], *record);
}

TEST_P(AuditLogTest, SeveralAppendsInOneTransactionAreConsecutive) {
  auto records = database().with_transaction([&](soci::session& session) -> Result<std::vector<AuditRecord>> {
    std::vector<AuditRecord> appended;
    for (const std::string id : {"a", "b", "c"}) {
      appended.push_back(TRY(append(session, GetParam(), widget_event(id), clock_)));
    }
    return appended;
  });
  ASSERT_TRUE(records.ok()) << describe(records.error());
  ASSERT_EQ(records->size(), 3U);
  for (std::size_t index = 0; index < records->size(); ++index) {
    EXPECT_EQ((*records)[index].sequence, static_cast<std::int64_t>(index) + 1);
  }
  EXPECT_EQ((*records)[2].previous_hash, (*records)[1].hash);
  auto report = verify_chain(database());
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_TRUE(report->intact) << describe(*report);
  EXPECT_EQ(report->events_checked, 3);
}

TEST_P(AuditLogTest, AnEventNeedsAnActionAndAnEntityType) {
  AuditEvent no_action = widget_event("a");
  no_action.action.clear();
  AuditEvent no_entity_type = widget_event("a");
  no_entity_type.entity_type.clear();
  for (const AuditEvent& event : {no_action, no_entity_type}) {
    auto record = append_in_own_transaction(database(), event, clock_);
    ASSERT_FALSE(record.ok());
    EXPECT_EQ(record.error().code(), ErrorCode::InvalidInput);
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_events"), 0);
}

TEST_P(AuditLogTest, ADeniedAttemptIsRecordedInItsOwnTransaction) {
  AuditEvent attempt;
  attempt.actor = Actor{ActorType::anonymous, std::nullopt, "mallory"};
  attempt.action = "session.login_failed";
  attempt.outcome = Outcome::denied;
  attempt.entity_type = "session";
  attempt.remote_address = "203.0.113.9";
  auto record = append_in_own_transaction(database(), attempt, clock_);
  ASSERT_TRUE(record.ok()) << describe(record.error());
  EXPECT_EQ(record->sequence, 1);
  EXPECT_EQ(record->outcome, Outcome::denied);
  EXPECT_EQ(record->actor, attempt.actor);
  EXPECT_EQ(record->request_id, "");
  EXPECT_EQ(count("SELECT count(*) FROM audit_events WHERE outcome = 'denied' AND request_id IS NULL"), 1);
}

TEST_P(AuditLogTest, TheHeadStartsAtTheGenesisHash) {
  auto hash =
      database().with_read_transaction([](soci::session& session) { return chain_head_hash(session); });
  ASSERT_TRUE(hash.ok()) << describe(hash.error());
  EXPECT_EQ(*hash, kGenesisHash);
  auto record = create_widget(widget_event("a"));
  ASSERT_TRUE(record.ok()) << describe(record.error());
  hash = database().with_read_transaction([](soci::session& session) { return chain_head_hash(session); });
  ASSERT_TRUE(hash.ok()) << describe(hash.error());
  EXPECT_EQ(*hash, record->hash);
}

// Eight writers, each with its own pooled connection, race to append 50 events apiece.
// The head row's lock (PostgreSQL) or the write lock (SQLite) must queue them into one
// gap-free line that verifies.
TEST_P(AuditLogTest, ManyParallelWritersKeepTheChainOneLine) {
  constexpr int kWriters = 8;
  constexpr int kTransactionsPerWriter = 50;
  std::vector<std::vector<Error>> failures(kWriters);
  std::vector<std::thread> writers;
  for (int writer = 0; writer < kWriters; ++writer) {
    writers.emplace_back([&, writer] {
      for (int transaction = 0; transaction < kTransactionsPerWriter; ++transaction) {
        auto record = create_widget(widget_event(std::to_string(writer) + "-" + std::to_string(transaction)));
        if (!record.ok()) {
          failures[static_cast<std::size_t>(writer)].push_back(record.error());
        }
      }
    });
  }
  for (std::thread& writer : writers) {
    writer.join();
  }
  for (const std::vector<Error>& writer_failures : failures) {
    EXPECT_TRUE(writer_failures.empty()) << describe(writer_failures.front());
  }
  constexpr long long kEvents = static_cast<long long>(kWriters) * kTransactionsPerWriter;
  EXPECT_EQ(count("SELECT count(*) FROM audit_events"), kEvents);
  EXPECT_EQ(count("SELECT count(DISTINCT entity_id) FROM audit_events"), kEvents);
  EXPECT_EQ(count("SELECT min(sequence) FROM audit_events"), 1);
  EXPECT_EQ(count("SELECT max(sequence) FROM audit_events"), kEvents);
  EXPECT_EQ(count("SELECT count(*) FROM widgets"), kEvents);

  auto report = verify_chain(database());
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_TRUE(report->intact) << describe(*report);
  EXPECT_EQ(report->events_checked, kEvents);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditLogTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::audit
