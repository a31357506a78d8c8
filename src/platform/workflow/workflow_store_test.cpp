// Workflow items and timelines in the database, on SQLite and PostgreSQL: a step is stored
// with its actor, comment, fields and attachments; a stale version is refused; and two people
// acting on the same item at once from two connections: exactly one wins.
#include "platform/workflow/workflow_store.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "core/clock.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"

namespace sinergi::workflow {
namespace {

using auth::Role;
using std::chrono::hours;

std::string describe(const Error& error) {
  return std::string(error.name()) + ": " + error.message(Locale::english) + " " + error.log_detail();
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

// Submit by the agency, verify by the planner (not the submitter), return with a comment.
Definition report_route() {
  Definition definition;
  definition.name = "test_report";
  definition.initial = "draft";
  definition.states = {{"draft", false, std::nullopt, std::nullopt},
                       {"submitted", false, hours(240), Role::secretary},
                       {"verified", true, std::nullopt, std::nullopt}};
  definition.transitions = {
      {"submit", "draft", "submitted", {Role::agency_head}, Scope::own_agency, false, {}, {}},
      {"verify",
       "submitted",
       "verified",
       {Role::planner},
       Scope::region,
       false,
       {"verified_value"},
       {"submit"}},
      {"return", "submitted", "draft", {Role::planner}, Scope::region, true, {}, {}},
  };
  return definition;
}

auth::Principal person(std::int64_t user, std::int64_t region, Role role,
                       std::optional<std::int64_t> agency) {
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::user;
  principal.user_id = user;
  principal.name = "user" + std::to_string(user);
  principal.region_id = region;
  principal.roles.push_back(auth::RoleGrant{role, agency, {}, {}, std::nullopt});
  return principal;
}

class WorkflowStoreTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  WorkflowStoreTest() : clock_(std::chrono::sys_days(std::chrono::year(2026) / 4 / 8) + hours(2)) {}

  void SetUp() override {
    auto test_database = db::TestDatabase::create(GetParam());
    ASSERT_OK(test_database);
    test_database_.emplace(std::move(test_database).value());
    auto database = db::Database::open(test_database_->url());
    ASSERT_OK(database);
    database_ = std::move(database).value();
    auto migrations = db::bundled_migrations();
    ASSERT_OK(migrations);
    ASSERT_OK(db::migrate(*database_, *migrations));
    ASSERT_OK(database_->with_transaction([&](soci::session& session) -> Result<void> {
      session
          << "INSERT INTO regions (code, name, level) VALUES ('64', 'Provinsi Kalimantan Timur', 'province')";
      session << "SELECT id FROM regions WHERE code = '64'", soci::into(region_);
      session << "INSERT INTO agencies (region_id, code, short_name, name, kind) VALUES (:region, 'Dinkes', "
                 "'Dinkes', 'Dinas Kesehatan', 'dinas')",
          soci::use(region_);
      session << "SELECT id FROM agencies WHERE code = 'Dinkes'", soci::into(agency_);
      return success();
    }));
  }

  Result<StoredItem> create_item(const std::string& subject) {
    std::optional<StoredItem> created;
    auto outcome = database_->with_transaction([&](soci::session& session) -> Result<void> {
      WorkflowStore store(session, clock_);
      created.emplace(TRY(store.create(definition_, region_, agency_, std::nullopt, subject)));
      return success();
    });
    if (!outcome.ok()) {
      return outcome.release_error();
    }
    return std::move(*created);
  }

  Result<StoredItem> step(const StoredItem& item, const auth::Principal& actor, const StepRequest& request) {
    std::optional<StoredItem> moved;
    auto outcome = database_->with_transaction([&](soci::session& session) -> Result<void> {
      WorkflowStore store(session, clock_);
      moved.emplace(TRY(store.take_step(definition_, item, actor, request)));
      return success();
    });
    if (!outcome.ok()) {
      return outcome.release_error();
    }
    return std::move(*moved);
  }

  std::optional<StoredItem> reload(std::int64_t id) {
    std::optional<StoredItem> found;
    auto outcome = database_->with_read_transaction([&](soci::session& session) -> Result<void> {
      WorkflowStore store(session, clock_);
      found = TRY(store.find(region_, id));
      return success();
    });
    EXPECT_TRUE(outcome.ok());
    return found;
  }

  const Definition definition_ = report_route();
  ManualClock clock_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  long long region_ = 0;
  long long agency_ = 0;
};

TEST_P(WorkflowStoreTest, StoresTheTimelineWithItsActorsCommentsFieldsAndAttachments) {
  auto created = create_item("realization:1");
  ASSERT_OK(created);
  EXPECT_EQ(created.value().item.state, "draft");
  EXPECT_EQ(created.value().version, 1);

  const auth::Principal head = person(10, region_, Role::agency_head, agency_);
  const auth::Principal planner = person(20, region_, Role::planner, std::nullopt);
  clock_.advance(hours(1));
  auto submitted =
      step(created.value(), head, StepRequest{"submit", "", {}, {"sha256:ab12", "https://bps.go.id/x"}});
  ASSERT_OK(submitted);
  clock_.advance(hours(3));
  auto returned =
      step(submitted.value(), planner, StepRequest{"return", "Bukti dukung belum lengkap", {}, {}});
  ASSERT_OK(returned);

  const std::optional<StoredItem> stored = reload(created.value().id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->item.state, "draft");
  EXPECT_EQ(stored->version, 3);
  // Read in a batch, the timeline is the same.
  auto batch =
      database_->with_read_transaction([&](soci::session& session) -> Result<std::vector<StoredItem>> {
        WorkflowStore store(session, clock_);
        return store.find_many(region_, {created.value().id});
      });
  ASSERT_OK(batch);
  ASSERT_EQ(batch.value().size(), 1u);
  EXPECT_EQ(batch.value().front().item.steps.size(), 2u);
  EXPECT_EQ(batch.value().front().item.steps[1].comment, "Bukti dukung belum lengkap");
  EXPECT_EQ(stored->subject, "realization:1");
  EXPECT_EQ(stored->item.agency_id, agency_);
  // Entered "draft" again at 2026-04-08 06:00 UTC (02:00 + 1 h + 3 h).
  EXPECT_EQ(format_iso8601_utc(stored->item.entered_at), "2026-04-08T06:00:00Z");
  ASSERT_EQ(stored->item.steps.size(), 2u);
  const Step& first = stored->item.steps[0];
  EXPECT_EQ(first.sequence, 1);
  EXPECT_EQ(first.transition, "submit");
  EXPECT_EQ(first.from, "draft");
  EXPECT_EQ(first.to, "submitted");
  EXPECT_EQ(first.actor_user_id, 10);
  EXPECT_EQ(first.at, "2026-04-08T03:00:00.000Z");
  EXPECT_EQ(first.attachments, (std::vector<std::string>{"sha256:ab12", "https://bps.go.id/x"}));
  const Step& second = stored->item.steps[1];
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(second.comment, "Bukti dukung belum lengkap");
  EXPECT_EQ(second.actor_user_id, 20);
}

TEST_P(WorkflowStoreTest, RequiredFieldsAndFourEyesHoldThroughTheStore) {
  auto created = create_item("realization:2");
  ASSERT_OK(created);
  // One person who is both the agency head and a planner (Bapperida's own indicators).
  auth::Principal both = person(30, region_, Role::agency_head, agency_);
  both.roles.push_back(auth::RoleGrant{Role::planner, std::nullopt, {}, {}, std::nullopt});
  auto submitted = step(created.value(), both, StepRequest{"submit", "", {}, {}});
  ASSERT_OK(submitted);
  auto own = step(submitted.value(), both, StepRequest{"verify", "", {{"verified_value", "91.5"}}, {}});
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code(), ErrorCode::Forbidden);

  const auth::Principal planner = person(20, region_, Role::planner, std::nullopt);
  auto without_value = step(submitted.value(), planner, StepRequest{"verify", "", {}, {}});
  ASSERT_FALSE(without_value.ok());
  EXPECT_EQ(without_value.error().code(), ErrorCode::ValidationFailed);

  auto verified =
      step(submitted.value(), planner, StepRequest{"verify", "", {{"verified_value", "91.5"}}, {}});
  ASSERT_OK(verified);
  const std::optional<StoredItem> stored = reload(created.value().id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->item.state, "verified");
  EXPECT_EQ(stored->item.steps.back().fields.at("verified_value"), "91.5");
}

TEST_P(WorkflowStoreTest, AStaleVersionIsAConflictAndChangesNothing) {
  auto created = create_item("realization:3");
  ASSERT_OK(created);
  const auth::Principal head = person(10, region_, Role::agency_head, agency_);
  ASSERT_OK(step(created.value(), head, StepRequest{"submit", "", {}, {}}));
  // Acting on the copy read before the submit: the stored version has moved.
  StoredItem stale = created.value();
  stale.item.state = "submitted";  // as if the caller guessed the state right
  const auth::Principal planner = person(20, region_, Role::planner, std::nullopt);
  auto late = step(stale, planner, StepRequest{"return", "ulang", {}, {}});
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code(), ErrorCode::Conflict);
  const std::optional<StoredItem> stored = reload(created.value().id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->item.state, "submitted");
  EXPECT_EQ(stored->item.steps.size(), 1u);
}

TEST_P(WorkflowStoreTest, ItemsOfAnotherRegionAreNotThere) {
  auto created = create_item("realization:4");
  ASSERT_OK(created);
  auto outcome = database_->with_read_transaction([&](soci::session& session) -> Result<void> {
    WorkflowStore store(session, clock_);
    EXPECT_FALSE(TRY(store.find(region_ + 1, created.value().id)).has_value());
    EXPECT_TRUE(TRY(store.in_states(region_ + 1, "test_report", {"draft"})).empty());
    EXPECT_EQ(TRY(store.in_states(region_, "test_report", {"draft"})).size(), 1u);
    EXPECT_TRUE(TRY(store.in_states(region_, "test_report", {"submitted"})).empty());
    EXPECT_TRUE(TRY(store.find_many(region_ + 1, {created.value().id})).empty());
    EXPECT_EQ(TRY(store.find_many(region_, {created.value().id, created.value().id + 1000})).size(), 1u);
    return success();
  });
  ASSERT_OK(outcome);
}

// Two planners act on the same submitted report at the same moment, each on its own
// connection, both having read version 2: one verifies, the other returns it. Exactly one
// step is stored; the other caller is told to reload.
TEST_P(WorkflowStoreTest, TwoPeopleActingAtOnceExactlyOneWins) {
  const auth::Principal head = person(10, region_, Role::agency_head, agency_);
  const auth::Principal first_planner = person(20, region_, Role::planner, std::nullopt);
  const auth::Principal second_planner = person(21, region_, Role::planner, std::nullopt);
  constexpr int kRounds = 10;
  for (int round = 0; round < kRounds; ++round) {
    auto created = create_item("race:" + std::to_string(round));
    ASSERT_OK(created);
    auto submitted = step(created.value(), head, StepRequest{"submit", "", {}, {}});
    ASSERT_OK(submitted);
    const StoredItem read = submitted.value();

    std::barrier start(2);
    std::atomic<int> wins{0};
    std::atomic<int> conflicts{0};
    std::atomic<int> other{0};
    auto act = [&](const auth::Principal& actor, const StepRequest& request) {
      start.arrive_and_wait();
      auto outcome = step(read, actor, request);
      if (outcome.ok()) {
        ++wins;
      } else if (outcome.error().code() == ErrorCode::Conflict) {
        ++conflicts;
      } else {
        ++other;
        ADD_FAILURE() << describe(outcome.error());
      }
    };
    std::thread verifier(act, std::cref(first_planner),
                         StepRequest{"verify", "", {{"verified_value", "7"}}, {}});
    std::thread returner(act, std::cref(second_planner), StepRequest{"return", "angka tidak sesuai", {}, {}});
    verifier.join();
    returner.join();
    EXPECT_EQ(wins.load(), 1) << "round " << round;
    EXPECT_EQ(conflicts.load(), 1) << "round " << round;
    const std::optional<StoredItem> stored = reload(read.id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->item.steps.size(), 2u);
    EXPECT_EQ(stored->version, 3);
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowStoreTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::workflow
