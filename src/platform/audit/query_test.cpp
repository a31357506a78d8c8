// The listing behind GET /api/v1/audit, on every backend.
#include "platform/audit/query.h"

#include <gtest/gtest.h>

#include "platform/audit/audit_test_support.h"
#include "platform/audit/verify.h"

namespace sinergi::audit {
namespace {

class QueryTest : public AuditStorageTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(AuditStorageTest::SetUp());
    const Actor siti{ActorType::user, 7, "siti"};
    const Actor budi{ActorType::user, 8, "budi"};
    const Actor other_region_user{ActorType::user, 9, "andi"};
    const Actor system{ActorType::system, std::nullopt, "system"};
    const Actor anonymous{ActorType::anonymous, std::nullopt, "mallory"};
    // One event a minute from 03:01, sequences 1..7.
    add(siti, 64, "widget.create", "widget", "w1");
    add(siti, 64, "widget.update", "widget", "w1");
    add(budi, 64, "widget.create", "widget", "w2");
    add(other_region_user, 65, "widget.create", "widget", "w3");
    add(system, std::nullopt, "settings.update", "system_setting", "region.code");
    add(budi, 64, "user.update", "user", "7");
    add(anonymous, std::nullopt, "session.login_failed", "session", std::nullopt);
  }

  void add(const Actor& actor, std::optional<std::int64_t> region_id, const std::string& action,
           const std::string& entity_type, std::optional<std::string> entity_id) {
    clock_.advance(std::chrono::minutes(1));
    AuditEvent event;
    event.actor = actor;
    event.region_id = region_id;
    event.action = action;
    event.entity_type = entity_type;
    event.entity_id = std::move(entity_id);
    event.changes = {FieldChange{"name", "old", "new"}};
    event.request_id = "request-" + std::to_string(records_.size() + 1);
    auto record = append_in_own_transaction(database(), event, clock_);
    ASSERT_TRUE(record.ok()) << describe(record.error());
    records_.push_back(std::move(record).value());
  }

  Result<AuditPage> list(const AuditFilter& filter) {
    return database().with_read_transaction(
        [&](soci::session& session) { return list_events(session, filter); });
  }

  // The sequences listed, in order, and the total; fails the test on an error.
  std::pair<std::vector<std::int64_t>, std::int64_t> sequences(const AuditFilter& filter) {
    auto page = list(filter);
    EXPECT_TRUE(page.ok()) << describe(page.error());
    if (!page.ok()) {
      return {};
    }
    std::vector<std::int64_t> listed;
    for (const AuditRecord& record : page->items) {
      listed.push_back(record.sequence);
    }
    return {listed, page->total};
  }

  using Listed = std::pair<std::vector<std::int64_t>, std::int64_t>;

  std::vector<AuditRecord> records_;
};

TEST_P(QueryTest, ListsEverythingNewestFirst) {
  EXPECT_EQ(sequences({}), (Listed{{7, 6, 5, 4, 3, 2, 1}, 7}));
  auto page = list({});
  ASSERT_TRUE(page.ok()) << describe(page.error());
  EXPECT_EQ(page->page, 1);
  EXPECT_EQ(page->page_size, 50);
  ASSERT_EQ(page->items.size(), records_.size());
  EXPECT_EQ(page->items.front(), records_.back());
  EXPECT_EQ(page->items.back(), records_.front());
}

TEST_P(QueryTest, ARegionSeesOnlyItsOwnEvents) {
  EXPECT_EQ(sequences({.region_id = 64}), (Listed{{6, 3, 2, 1}, 4}));
  EXPECT_EQ(sequences({.region_id = 65}), (Listed{{4}, 1}));
  EXPECT_EQ(sequences({.region_id = 999}), (Listed{{}, 0}));
}

TEST_P(QueryTest, FiltersByEntity) {
  EXPECT_EQ(sequences({.entity_type = "widget"}), (Listed{{4, 3, 2, 1}, 4}));
  EXPECT_EQ(sequences({.entity_type = "widget", .entity_id = "w1"}), (Listed{{2, 1}, 2}));
  EXPECT_EQ(sequences({.entity_id = "7"}), (Listed{{6}, 1}));
  EXPECT_EQ(sequences({.entity_type = "Widget"}), (Listed{{}, 0}));
}

TEST_P(QueryTest, FiltersByActorAndAction) {
  EXPECT_EQ(sequences({.actor_id = 8}), (Listed{{6, 3}, 2}));
  EXPECT_EQ(sequences({.action = "widget.create"}), (Listed{{4, 3, 1}, 3}));
  EXPECT_EQ(sequences({.actor_id = 7, .action = "widget.update"}), (Listed{{2}, 1}));
}

TEST_P(QueryTest, FiltersByATimeRangeIncludingFromAndExcludingTo) {
  // Events at 03:01 .. 03:07; these bounds keep 03:02, 03:03 and 03:04.
  const Listed expected{{4, 3, 2}, 3};
  EXPECT_EQ(sequences({.from = "2025-07-01T03:02:00Z", .to = "2025-07-01T03:05:00Z"}), expected);
  EXPECT_EQ(sequences({.from = "2025-07-01T03:02:00.000Z", .to = "2025-07-01T03:05:00.000Z"}), expected);
  EXPECT_EQ(sequences({.from = "2025-07-01T11:02:00+08:00", .to = "2025-07-01T11:05:00+08:00"}), expected);
  EXPECT_EQ(sequences({.from = "2025-07-01T03:06:30Z"}), (Listed{{7}, 1}));
  EXPECT_EQ(sequences({.to = "2025-07-01T03:01:00.001Z"}), (Listed{{1}, 1}));
  EXPECT_EQ(sequences({.from = "2025-07-01T03:05:00Z", .to = "2025-07-01T03:02:00Z"}), (Listed{{}, 0}));
}

TEST_P(QueryTest, CombinesFilters) {
  EXPECT_EQ(sequences({.region_id = 64, .actor_id = 7, .from = "2025-07-01T03:02:00Z"}), (Listed{{2}, 1}));
}

TEST_P(QueryTest, PagesKeepTheTotal) {
  EXPECT_EQ(sequences({.page = 1, .page_size = 3}), (Listed{{7, 6, 5}, 7}));
  EXPECT_EQ(sequences({.page = 2, .page_size = 3}), (Listed{{4, 3, 2}, 7}));
  EXPECT_EQ(sequences({.page = 3, .page_size = 3}), (Listed{{1}, 7}));
  EXPECT_EQ(sequences({.page = 4, .page_size = 3}), (Listed{{}, 7}));
  EXPECT_EQ(sequences({.region_id = 64, .page = 2, .page_size = 3}), (Listed{{1}, 4}));
  EXPECT_EQ(sequences({.page = 1, .page_size = kMaxPageSize}).second, 7);
}

TEST_P(QueryTest, OrdersBySequenceAsANumber) {
  for (int extra = 0; extra < 5; ++extra) {
    ASSERT_NO_FATAL_FAILURE(add(Actor{ActorType::user, 7, "siti"}, 64, "widget.update", "widget", "w1"));
  }
  EXPECT_EQ(sequences({.page_size = 5}), (Listed{{12, 11, 10, 9, 8}, 12}));
  EXPECT_EQ(sequences({.page = 2, .page_size = 5}), (Listed{{7, 6, 5, 4, 3}, 12}));
}

TEST_P(QueryTest, RejectsBadPagesAndTimes) {
  const std::vector<AuditFilter> filters = {
      {.page = 0},
      {.page_size = 0},
      {.page_size = kMaxPageSize + 1},
      {.from = "yesterday"},
      {.to = "2025-02-29T00:00:00Z"},
      {.from = "2025-07-01T03:00:00Z' OR '1'='1"},
  };
  for (const AuditFilter& filter : filters) {
    auto page = list(filter);
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().code(), ErrorCode::InvalidInput) << describe(page.error());
  }
}

TEST_P(QueryTest, ValuesThatLookLikeSqlMatchNothingAndBreakNothing) {
  const std::vector<AuditFilter> filters = {
      {.entity_type = "user' OR '1'='1"},
      {.entity_type = "widget", .entity_id = "w1' OR 1=1 --"},
      {.action = "x'; DROP TABLE audit_events; --"},
      {.entity_id = "\" OR \"\"=\""},
      {.action = "%"},
      {.entity_type = "widget' UNION SELECT * FROM audit_chain_head --"},
      {.entity_id = ":entity_type"},
  };
  for (const AuditFilter& filter : filters) {
    EXPECT_EQ(sequences(filter), (Listed{{}, 0}));
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit_events"), 7);
  auto report = verify_chain(database());
  ASSERT_TRUE(report.ok()) << describe(report.error());
  EXPECT_TRUE(report->intact) << describe(*report);
}

TEST_P(QueryTest, TheJsonShowsEveryHashedField) {
  const AuditRecord& first = records_.front();
  const nlohmann::json expected = {
      {"sequence", 1},
      {"occurred_at", "2025-07-01T03:01:00.000Z"},
      {"actor", {{"type", "user"}, {"id", 7}, {"name", "siti"}}},
      {"region_id", 64},
      {"action", "widget.create"},
      {"outcome", "success"},
      {"entity_type", "widget"},
      {"entity_id", "w1"},
      {"changes", nlohmann::json::array({{{"field", "name"}, {"before", "old"}, {"after", "new"}}})},
      {"request_id", "request-1"},
      {"remote_address", nullptr},
      {"previous_hash", kGenesisHash},
      {"hash", first.hash},
  };
  EXPECT_EQ(to_json(first), expected);

  const nlohmann::json anonymous = to_json(records_.back());
  EXPECT_EQ(anonymous["actor"],
            (nlohmann::json{{"type", "anonymous"}, {"id", nullptr}, {"name", "mallory"}}));
  EXPECT_EQ(anonymous["region_id"], nullptr);
  EXPECT_EQ(anonymous["entity_id"], nullptr);
  EXPECT_EQ(anonymous["outcome"], "success");
}

INSTANTIATE_TEST_SUITE_P(Backends, QueryTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::audit
