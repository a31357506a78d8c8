// The SQL adapter of the planning port, on SQLite and PostgreSQL (db::test_backends()), with a
// ManualClock. Expectations are written from planning_store.h, the migration and the Asta
// Cita reference text, never copied from the code's output.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "contexts/planning/planning_store.h"
#include "core/clock.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"
#include "platform/db/unit_of_work.h"

namespace sinergi::planning {
namespace {

using std::chrono::hours;

std::string describe(const Error& error) {
  return std::string(error.name()) + ": " + error.message(Locale::english) + " " + error.log_detail();
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

Decimal dec(std::string_view text) {
  return Decimal::parse(text, NumberFormat::plain).value();
}

std::string text_of(const std::optional<Decimal>& value) {
  return value ? value->to_string() : "<unset>";
}

class SqlPlanningStoreTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  // 2026-11-23 10:00 WITA is 02:00 UTC.
  SqlPlanningStoreTest() : clock_(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + hours(2)) {}

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
      session << "INSERT INTO regions (code, name, level) VALUES ('63', 'Provinsi Kalimantan Selatan', "
                 "'province')";
      long long east = 0;
      long long south = 0;
      session << "SELECT id FROM regions WHERE code = '64'", soci::into(east);
      session << "SELECT id FROM regions WHERE code = '63'", soci::into(south);
      session << "INSERT INTO agencies (region_id, code, short_name, name, kind) VALUES (:region, 'Dinkes', "
                 "'Dinkes', 'Dinas Kesehatan', 'dinas')",
          soci::use(east);
      session << "INSERT INTO agencies (region_id, code, short_name, name, kind) VALUES (:region, 'Disdik', "
                 "'Disdik', 'Dinas Pendidikan', 'dinas')",
          soci::use(east);
      long long health = 0;
      long long education = 0;
      session << "SELECT id FROM agencies WHERE code = 'Dinkes'", soci::into(health);
      session << "SELECT id FROM agencies WHERE code = 'Disdik'", soci::into(education);
      region_ = RegionId(east);
      other_region_ = RegionId(south);
      health_ = AgencyId(health);
      education_ = AgencyId(education);
      return success();
    }));
    repository_ = make_sql_planning_repository(*database_, clock_);
  }

  template <typename T, typename Function>
  T write(Function&& work) {
    auto result = db::write_transaction<T>(*repository_, std::forward<Function>(work));
    EXPECT_TRUE(result.ok()) << describe(result.error());
    return result.ok() ? std::move(result).value() : T{};
  }
  template <typename T, typename Function>
  T read(Function&& work) {
    auto result = db::read_transaction<T>(*repository_, std::forward<Function>(work));
    EXPECT_TRUE(result.ok()) << describe(result.error());
    return result.ok() ? std::move(result).value() : T{};
  }
  void run(const PlanningRepository::Work& work) { ASSERT_OK(repository_->write(work)); }

  PlanRecord make_plan(RegionId region, int first_year = 2025) {
    PlanRecord plan;
    plan.kind = PlanKind::rpjmd;
    plan.title = "RPJMD " + std::to_string(first_year) + "-" + std::to_string(first_year + 4);
    plan.period = PlanPeriod{first_year, first_year + 4};
    plan.vision = "Kaltim Sukses Menuju Generasi Emas 2045";
    return write<PlanRecord>([&](PlanningStore& store) { return store.insert_plan(region, plan); });
  }

  NodeRecord make_node(RegionId region, std::optional<PlanId> plan, PlanNodeKind kind,
                       const std::string& code, std::optional<AgencyId> agency = {},
                       std::optional<NodeId> parent = {}) {
    NodeRecord node;
    node.plan_id = plan;
    node.kind = kind;
    node.code = code;
    node.title = "Node " + code;
    node.agency_id = agency;
    node.parent_id = parent;
    return write<NodeRecord>([&](PlanningStore& store) { return store.insert_node(region, node); });
  }

  IndicatorRecord indicator_of(PlanId plan, NodeId node, const std::string& code) {
    IndicatorRecord indicator;
    indicator.plan_id = plan;
    indicator.node_id = node;
    indicator.code = code;
    indicator.name = "Indeks Pembangunan Manusia";
    indicator.unit = "indeks";
    return indicator;
  }

  long long count(const std::string& sql) {
    long long rows = 0;
    EXPECT_TRUE(database_
                    ->with_read_transaction([&](soci::session& session) -> Result<void> {
                      session << sql, soci::into(rows);
                      return success();
                    })
                    .ok());
    return rows;
  }

  ManualClock clock_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<PlanningRepository> repository_;
  RegionId region_{0};
  RegionId other_region_{0};
  AgencyId health_{0};
  AgencyId education_{0};
};

TEST_P(SqlPlanningStoreTest, TheEightAstaCitaMissionsAreSeededAsBuiltinNationalPriorities) {
  auto priorities =
      read<std::vector<NodeRecord>>([](PlanningStore& store) { return store.national_priorities(); });
  ASSERT_EQ(priorities.size(), 8U);
  for (std::size_t index = 0; index < priorities.size(); ++index) {
    EXPECT_EQ(priorities[index].code, "AC-" + std::to_string(index + 1));
    EXPECT_TRUE(priorities[index].builtin);
    EXPECT_EQ(priorities[index].kind, PlanNodeKind::national_priority);
    EXPECT_FALSE(priorities[index].plan_id.has_value());
    EXPECT_FALSE(priorities[index].agency_id.has_value());
  }
  EXPECT_EQ(
      priorities[3].title,
      "Memperkuat pembangunan sumber daya manusia (SDM), sains, teknologi, pendidikan, kesehatan, prestasi "
      "olahraga, kesetaraan gender, serta penguatan peran perempuan, pemuda, dan penyandang disabilitas.");
  EXPECT_EQ(priorities[0].title, "Memperkokoh ideologi Pancasila, demokrasi, dan hak asasi manusia (HAM).");
  // Every region reads them, by id too.
  auto found = read<std::optional<NodeRecord>>(
      [&](PlanningStore& store) { return store.find_node(other_region_, priorities[3].id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code, "AC-4");
}

TEST_P(SqlPlanningStoreTest, PlansAreInsertedFoundAndUpdatedOptimistically) {
  PlanRecord plan = make_plan(region_, 2025);
  EXPECT_GT(plan.id.value(), 0);
  EXPECT_EQ(plan.version, 1);
  EXPECT_EQ(plan.created_at, "2026-11-23T02:00:00.000Z");
  EXPECT_EQ(plan.updated_at, "2026-11-23T02:00:00.000Z");

  auto found = read<std::optional<PlanRecord>>(
      [&](PlanningStore& store) { return store.find_plan(region_, plan.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->title, "RPJMD 2025-2029");
  EXPECT_EQ(found->period, (PlanPeriod{2025, 2029}));
  EXPECT_EQ(found->vision, "Kaltim Sukses Menuju Generasi Emas 2045");
  EXPECT_EQ(found->kind, PlanKind::rpjmd);
  EXPECT_EQ(found->status, PlanStatus::draft);
  EXPECT_FALSE(found->regulation_number.has_value());
  EXPECT_FALSE(found->regulation_date.has_value());
  EXPECT_EQ(found->current_version, 0);
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->created_at, "2026-11-23T02:00:00.000Z");

  clock_.advance(hours(1));
  PlanRecord adopted = *found;
  adopted.status = PlanStatus::adopted;
  adopted.kind = PlanKind::rpd;
  adopted.title = "RPD 2025-2029";
  adopted.regulation_number = "Perda Provinsi Kalimantan Timur Nomor 5 Tahun 2025";
  adopted.regulation_date = parse_iso_date("2025-08-14");
  adopted.current_version = 1;
  EXPECT_TRUE(write<bool>([&](PlanningStore& store) { return store.update_plan(region_, adopted); }));
  // The same (now stale) version again: refused.
  adopted.title = "stale";
  EXPECT_FALSE(write<bool>([&](PlanningStore& store) { return store.update_plan(region_, adopted); }));

  found = read<std::optional<PlanRecord>>(
      [&](PlanningStore& store) { return store.find_plan(region_, plan.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->title, "RPD 2025-2029");
  EXPECT_EQ(found->kind, PlanKind::rpd);
  EXPECT_EQ(found->status, PlanStatus::adopted);
  EXPECT_EQ(found->regulation_number, "Perda Provinsi Kalimantan Timur Nomor 5 Tahun 2025");
  ASSERT_TRUE(found->regulation_date.has_value());
  EXPECT_EQ(format_iso_date(*found->regulation_date), "2025-08-14");
  EXPECT_EQ(found->current_version, 1);
  EXPECT_EQ(found->version, 2);
  EXPECT_EQ(found->created_at, "2026-11-23T02:00:00.000Z");
  EXPECT_EQ(found->updated_at, "2026-11-23T03:00:00.000Z");

  // Newest period first.
  PlanRecord older = make_plan(region_, 2020);
  PlanRecord newer = make_plan(region_, 2030);
  auto plans = read<std::vector<PlanRecord>>([&](PlanningStore& store) { return store.plans(region_); });
  ASSERT_EQ(plans.size(), 3U);
  EXPECT_EQ(plans[0].id, newer.id);
  EXPECT_EQ(plans[1].id, plan.id);
  EXPECT_EQ(plans[2].id, older.id);
}

TEST_P(SqlPlanningStoreTest, AnotherRegionSeesNoneOfThePlan) {
  PlanRecord plan = make_plan(region_);
  NodeRecord mission = make_node(region_, plan.id, PlanNodeKind::region_mission, "M1");
  NodeRecord goal = make_node(region_, plan.id, PlanNodeKind::region_goal, "T1", {}, mission.id);
  LinkRecord link{LinkId(0), plan.id, goal.id, mission.id, std::nullopt};
  link = write<LinkRecord>([&](PlanningStore& store) { return store.insert_link(region_, link); });
  IndicatorRecord indicator = indicator_of(plan.id, goal.id, "IKU-1");
  indicator.targets = {Target{2025, dec("78.20"), {}, {}}};
  indicator = write<IndicatorRecord>(
      [&](PlanningStore& store) { return store.insert_indicator(region_, indicator); });
  RevisionRecord revision;
  revision.plan_id = plan.id;
  revision.reason = "Penyesuaian";
  revision.proposed_by_name = "Budi";
  revision =
      write<RevisionRecord>([&](PlanningStore& store) { return store.insert_revision(region_, revision); });
  PlanVersionRecord version;
  version.number = 1;
  version.approved_by_name = "Gubernur";
  version.snapshot = "{}";
  run([&](PlanningStore& store) { return store.insert_plan_version(region_, plan.id, version); });

  const RegionId other = other_region_;
  run([&](PlanningStore& store) -> Result<void> {
    EXPECT_FALSE(store.find_plan(other, plan.id).value().has_value());
    EXPECT_TRUE(store.plans(other).value().empty());
    EXPECT_FALSE(store.find_node(other, goal.id).value().has_value());
    EXPECT_TRUE(store.plan_nodes(other, plan.id).value().empty());
    EXPECT_FALSE(store.find_link(other, link.id).value().has_value());
    EXPECT_TRUE(store.plan_links(other, plan.id).value().empty());
    EXPECT_FALSE(store.find_indicator(other, indicator.id).value().has_value());
    EXPECT_TRUE(store.plan_indicators(other, plan.id).value().empty());
    EXPECT_FALSE(store.find_revision(other, revision.id).value().has_value());
    EXPECT_TRUE(store.plan_revisions(other, plan.id).value().empty());
    EXPECT_FALSE(store.find_plan_version(other, plan.id, 1).value().has_value());
    EXPECT_TRUE(store.plan_versions(other, plan.id).value().empty());
    // Writes from the other region change nothing.
    PlanRecord renamed = plan;
    renamed.title = "taken over";
    EXPECT_FALSE(store.update_plan(other, renamed).value());
    NodeRecord moved = goal;
    moved.title = "taken over";
    EXPECT_FALSE(store.update_node(other, moved).value());
    EXPECT_FALSE(store.update_indicator(other, indicator).value());
    TRY(store.update_link_weight(other, link.id, dec("50")));
    TRY(store.replace_targets(other, indicator.id, {}));
    TRY(store.delete_link(other, link.id));
    TRY(store.delete_indicator(other, indicator.id));
    TRY(store.delete_node(other, goal.id));
    return success();
  });
  run([&](PlanningStore& store) -> Result<void> {
    EXPECT_EQ(store.find_plan(region_, plan.id).value()->title, plan.title);
    EXPECT_EQ(store.find_node(region_, goal.id).value()->title, goal.title);
    auto stored_link = store.find_link(region_, link.id).value();
    EXPECT_TRUE(stored_link.has_value() && !stored_link->weight.has_value());
    auto stored_indicator = store.find_indicator(region_, indicator.id).value();
    EXPECT_TRUE(stored_indicator.has_value() && stored_indicator->targets.size() == 1U);
    return success();
  });
}

TEST_P(SqlPlanningStoreTest, PlanNodesComeByKindOrderThenCode) {
  PlanRecord plan = make_plan(region_);
  PlanRecord other_plan = make_plan(region_, 2030);
  // Inserted out of order on purpose.
  NodeRecord sub_activity =
      make_node(region_, plan.id, PlanNodeKind::sub_activity, "1.02.02.2.01.0001", health_);
  NodeRecord program_b = make_node(region_, plan.id, PlanNodeKind::program, "1.02.02", health_);
  NodeRecord mission_2 = make_node(region_, plan.id, PlanNodeKind::region_mission, "M2");
  NodeRecord agency_goal = make_node(region_, plan.id, PlanNodeKind::agency_goal, "TPD-1", health_);
  NodeRecord mission_1 = make_node(region_, plan.id, PlanNodeKind::region_mission, "M1");
  NodeRecord program_a = make_node(region_, plan.id, PlanNodeKind::program, "1.01.02", education_);
  NodeRecord objective = make_node(region_, plan.id, PlanNodeKind::region_objective, "S1.1");
  NodeRecord goal = make_node(region_, plan.id, PlanNodeKind::region_goal, "T1", {}, mission_1.id);
  NodeRecord activity =
      make_node(region_, plan.id, PlanNodeKind::activity, "1.02.02.2.01", health_, program_b.id);
  NodeRecord agency_objective = make_node(region_, plan.id, PlanNodeKind::agency_objective, "SPD-1", health_);
  make_node(region_, other_plan.id, PlanNodeKind::region_mission, "M0");

  auto nodes =
      read<std::vector<NodeRecord>>([&](PlanningStore& store) { return store.plan_nodes(region_, plan.id); });
  std::vector<std::string> codes;
  for (const NodeRecord& node : nodes) {
    codes.push_back(node.code);
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"M1", "M2", "T1", "S1.1", "TPD-1", "SPD-1", "1.01.02", "1.02.02",
                                             "1.02.02.2.01", "1.02.02.2.01.0001"}));
  ASSERT_EQ(nodes.size(), 10U);
  EXPECT_EQ(nodes[2].id, goal.id);
  EXPECT_EQ(nodes[2].parent_id, mission_1.id);
  EXPECT_EQ(nodes[2].plan_id, plan.id);
  EXPECT_EQ(nodes[8].agency_id, health_);
  EXPECT_EQ(nodes[8].parent_id, program_b.id);
  EXPECT_EQ(nodes[6].agency_id, education_);
  EXPECT_FALSE(nodes[0].builtin);
  (void)sub_activity;
  (void)mission_2;
  (void)agency_goal;
  (void)program_a;
  (void)objective;
  (void)activity;
  (void)agency_objective;

  // update_node changes code, title, parent, agency and field; stale versions are refused.
  NodeRecord changed = nodes[7];  // program 1.02.02
  changed.code = "1.02.03";
  changed.title = "Program Pemenuhan Upaya Kesehatan";
  changed.field_code = "1.02";
  changed.agency_id = education_;
  changed.parent_id = agency_objective.id;
  EXPECT_TRUE(write<bool>([&](PlanningStore& store) { return store.update_node(region_, changed); }));
  EXPECT_FALSE(write<bool>([&](PlanningStore& store) { return store.update_node(region_, changed); }));
  auto found = read<std::optional<NodeRecord>>(
      [&](PlanningStore& store) { return store.find_node(region_, changed.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code, "1.02.03");
  EXPECT_EQ(found->title, "Program Pemenuhan Upaya Kesehatan");
  EXPECT_EQ(found->field_code, "1.02");
  EXPECT_EQ(found->agency_id, education_);
  EXPECT_EQ(found->parent_id, agency_objective.id);
  EXPECT_EQ(found->kind, PlanNodeKind::program);
  EXPECT_EQ(found->version, 2);
}

TEST_P(SqlPlanningStoreTest, ANationalPriorityInsertedByOneRegionIsVisibleToEveryRegion) {
  NodeRecord priority = make_node(region_, std::nullopt, PlanNodeKind::national_priority, "PN-9");
  EXPECT_EQ(priority.version, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_nodes WHERE code = 'PN-9' AND region_id IS NULL"), 1);
  auto found = read<std::optional<NodeRecord>>(
      [&](PlanningStore& store) { return store.find_node(other_region_, priority.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->title, "Node PN-9");
  EXPECT_FALSE(found->builtin);
  EXPECT_FALSE(found->plan_id.has_value());
  auto priorities =
      read<std::vector<NodeRecord>>([](PlanningStore& store) { return store.national_priorities(); });
  ASSERT_EQ(priorities.size(), 9U);
  EXPECT_EQ(priorities.back().code, "PN-9");
  // Not a node of any plan.
  PlanRecord plan = make_plan(other_region_);
  EXPECT_TRUE(read<std::vector<NodeRecord>>([&](PlanningStore& store) {
                return store.plan_nodes(other_region_, plan.id);
              }).empty());
}

TEST_P(SqlPlanningStoreTest, LinkWeightsRoundTripExactly) {
  PlanRecord plan = make_plan(region_);
  NodeRecord goal = make_node(region_, plan.id, PlanNodeKind::region_goal, "T1");
  NodeRecord objective_1 = make_node(region_, plan.id, PlanNodeKind::region_objective, "S1");
  NodeRecord objective_2 = make_node(region_, plan.id, PlanNodeKind::region_objective, "S2");
  auto priorities =
      read<std::vector<NodeRecord>>([](PlanningStore& store) { return store.national_priorities(); });
  ASSERT_EQ(priorities.size(), 8U);

  auto insert = [&](NodeId from, NodeId to, std::optional<Decimal> weight) {
    LinkRecord link{LinkId(0), plan.id, from, to, weight};
    return write<LinkRecord>([&](PlanningStore& store) { return store.insert_link(region_, link); });
  };
  LinkRecord weighted = insert(objective_1.id, goal.id, dec("33.33"));
  LinkRecord padded = insert(objective_2.id, goal.id, dec("66.670"));
  LinkRecord unweighted = insert(goal.id, priorities[3].id, std::nullopt);
  EXPECT_LT(weighted.id, padded.id);

  auto links =
      read<std::vector<LinkRecord>>([&](PlanningStore& store) { return store.plan_links(region_, plan.id); });
  ASSERT_EQ(links.size(), 3U);
  EXPECT_EQ(links[0].id, weighted.id);
  EXPECT_EQ(links[0].from, objective_1.id);
  EXPECT_EQ(links[0].to, goal.id);
  EXPECT_EQ(links[0].plan_id, plan.id);
  EXPECT_EQ(text_of(links[0].weight), "33.33");
  EXPECT_EQ(text_of(links[1].weight), "66.670");
  EXPECT_FALSE(links[2].weight.has_value());
  EXPECT_EQ(links[2].to, priorities[3].id);

  run([&](PlanningStore& store) -> Result<void> {
    TRY(store.update_link_weight(region_, unweighted.id, dec("100.00")));
    TRY(store.update_link_weight(region_, weighted.id, std::nullopt));
    return success();
  });
  auto found = read<std::optional<LinkRecord>>(
      [&](PlanningStore& store) { return store.find_link(region_, unweighted.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(text_of(found->weight), "100.00");
  found = read<std::optional<LinkRecord>>(
      [&](PlanningStore& store) { return store.find_link(region_, weighted.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_FALSE(found->weight.has_value());

  run([&](PlanningStore& store) { return store.delete_link(region_, padded.id); });
  links =
      read<std::vector<LinkRecord>>([&](PlanningStore& store) { return store.plan_links(region_, plan.id); });
  ASSERT_EQ(links.size(), 2U);
  EXPECT_EQ(links[0].id, weighted.id);
  EXPECT_EQ(links[1].id, unweighted.id);
}

TEST_P(SqlPlanningStoreTest, IndicatorsAndTheirTargetsRoundTripExactly) {
  PlanRecord plan = make_plan(region_);
  NodeRecord goal = make_node(region_, plan.id, PlanNodeKind::region_goal, "T1");
  IndicatorRecord indicator = indicator_of(plan.id, goal.id, "IKU-1");
  indicator.name = "Laju pertumbuhan ekonomi";
  indicator.unit = "persen";
  indicator.definition = "Pertumbuhan PDRB atas dasar harga konstan";
  indicator.formula_text = "(PDRB t - PDRB t-1) / PDRB t-1 x 100";
  indicator.polarity = Polarity::lower_is_better;
  indicator.formula_variant = FormulaVariant::mirror;
  indicator.aggregation = Aggregation::average;
  indicator.baseline_year = 2024;
  indicator.baseline_value = dec("-1.41");
  indicator.data_source_kind = DataSourceKind::bps;
  indicator.data_source_name = "BPS Provinsi Kalimantan Timur";
  indicator.data_source_reference = "Tabel PDRB 2024";
  indicator.responsible_agency_id = health_;
  indicator.key_indicator = true;
  indicator.spm_service = "Pelayanan kesehatan bagi penduduk terdampak krisis kesehatan";
  // Given out of year order; read back by year.
  indicator.targets = {Target{2026, dec("78.20"), {}, {}}, Target{2025, {}, dec("-1.41"), dec("2.50")}};
  IndicatorRecord stored = write<IndicatorRecord>(
      [&](PlanningStore& store) { return store.insert_indicator(region_, indicator); });
  EXPECT_GT(stored.id.value(), 0);
  EXPECT_EQ(stored.version, 1);

  auto found = read<std::optional<IndicatorRecord>>(
      [&](PlanningStore& store) { return store.find_indicator(region_, stored.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->plan_id, plan.id);
  EXPECT_EQ(found->node_id, goal.id);
  EXPECT_EQ(found->code, "IKU-1");
  EXPECT_EQ(found->name, "Laju pertumbuhan ekonomi");
  EXPECT_EQ(found->unit, "persen");
  EXPECT_EQ(found->definition, "Pertumbuhan PDRB atas dasar harga konstan");
  EXPECT_EQ(found->formula_text, "(PDRB t - PDRB t-1) / PDRB t-1 x 100");
  EXPECT_EQ(found->polarity, Polarity::lower_is_better);
  EXPECT_EQ(found->formula_variant, FormulaVariant::mirror);
  EXPECT_EQ(found->aggregation, Aggregation::average);
  EXPECT_EQ(found->baseline_year, 2024);
  EXPECT_EQ(text_of(found->baseline_value), "-1.41");
  EXPECT_EQ(found->data_source_kind, DataSourceKind::bps);
  EXPECT_EQ(found->data_source_name, "BPS Provinsi Kalimantan Timur");
  EXPECT_EQ(found->data_source_reference, "Tabel PDRB 2024");
  EXPECT_EQ(found->responsible_agency_id, health_);
  EXPECT_TRUE(found->key_indicator);
  EXPECT_EQ(found->spm_service, "Pelayanan kesehatan bagi penduduk terdampak krisis kesehatan");
  EXPECT_EQ(found->version, 1);
  ASSERT_EQ(found->targets.size(), 2U);
  EXPECT_EQ(found->targets[0].year, 2025);
  EXPECT_FALSE(found->targets[0].value.has_value());
  EXPECT_EQ(text_of(found->targets[0].lower), "-1.41");
  EXPECT_EQ(text_of(found->targets[0].upper), "2.50");
  EXPECT_EQ(found->targets[1].year, 2026);
  EXPECT_EQ(text_of(found->targets[1].value), "78.20");
  EXPECT_FALSE(found->targets[1].lower.has_value());
  EXPECT_FALSE(found->targets[1].upper.has_value());

  // The bare minimum: every optional unset.
  IndicatorRecord bare = indicator_of(plan.id, goal.id, "");
  bare = write<IndicatorRecord>([&](PlanningStore& store) { return store.insert_indicator(region_, bare); });
  auto bare_found = read<std::optional<IndicatorRecord>>(
      [&](PlanningStore& store) { return store.find_indicator(region_, bare.id); });
  ASSERT_TRUE(bare_found.has_value());
  EXPECT_FALSE(bare_found->baseline_year.has_value());
  EXPECT_FALSE(bare_found->baseline_value.has_value());
  EXPECT_FALSE(bare_found->data_source_kind.has_value());
  EXPECT_FALSE(bare_found->responsible_agency_id.has_value());
  EXPECT_FALSE(bare_found->spm_service.has_value());
  EXPECT_FALSE(bare_found->key_indicator);
  EXPECT_TRUE(bare_found->targets.empty());

  // The plan's indicators by node, then code ("" before "IKU-1"), each with its targets.
  auto all = read<std::vector<IndicatorRecord>>(
      [&](PlanningStore& store) { return store.plan_indicators(region_, plan.id); });
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].id, bare.id);
  EXPECT_TRUE(all[0].targets.empty());
  EXPECT_EQ(all[1].id, stored.id);
  ASSERT_EQ(all[1].targets.size(), 2U);
  EXPECT_EQ(text_of(all[1].targets[0].lower), "-1.41");
  EXPECT_EQ(text_of(all[1].targets[1].value), "78.20");

  // update_indicator changes every field and replaces the targets.
  IndicatorRecord changed = *found;
  changed.name = "Pertumbuhan ekonomi";
  changed.polarity = Polarity::higher_is_better;
  changed.formula_variant = FormulaVariant::ratio;
  changed.aggregation = Aggregation::last;
  changed.baseline_year.reset();
  changed.baseline_value.reset();
  changed.data_source_kind = DataSourceKind::sector_system;
  changed.responsible_agency_id.reset();
  changed.key_indicator = false;
  changed.spm_service.reset();
  changed.targets = {Target{2027, dec("5.10"), {}, {}}};
  EXPECT_TRUE(write<bool>([&](PlanningStore& store) { return store.update_indicator(region_, changed); }));
  EXPECT_FALSE(write<bool>([&](PlanningStore& store) { return store.update_indicator(region_, changed); }));
  found = read<std::optional<IndicatorRecord>>(
      [&](PlanningStore& store) { return store.find_indicator(region_, stored.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->name, "Pertumbuhan ekonomi");
  EXPECT_EQ(found->polarity, Polarity::higher_is_better);
  EXPECT_EQ(found->formula_variant, FormulaVariant::ratio);
  EXPECT_EQ(found->aggregation, Aggregation::last);
  EXPECT_FALSE(found->baseline_year.has_value());
  EXPECT_FALSE(found->baseline_value.has_value());
  EXPECT_EQ(found->data_source_kind, DataSourceKind::sector_system);
  EXPECT_FALSE(found->responsible_agency_id.has_value());
  EXPECT_FALSE(found->key_indicator);
  EXPECT_FALSE(found->spm_service.has_value());
  EXPECT_EQ(found->version, 2);
  ASSERT_EQ(found->targets.size(), 1U);
  EXPECT_EQ(found->targets[0].year, 2027);
  EXPECT_EQ(text_of(found->targets[0].value), "5.10");

  // replace_targets replaces only the targets, without touching the version.
  run([&](PlanningStore& store) {
    return store.replace_targets(
        region_, stored.id, {Target{2029, {}, dec("0"), dec("0.5")}, Target{2028, dec("-0.01"), {}, {}}});
  });
  found = read<std::optional<IndicatorRecord>>(
      [&](PlanningStore& store) { return store.find_indicator(region_, stored.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->version, 2);
  EXPECT_EQ(found->name, "Pertumbuhan ekonomi");
  ASSERT_EQ(found->targets.size(), 2U);
  EXPECT_EQ(found->targets[0].year, 2028);
  EXPECT_EQ(text_of(found->targets[0].value), "-0.01");
  EXPECT_EQ(found->targets[1].year, 2029);
  EXPECT_EQ(text_of(found->targets[1].lower), "0");
  EXPECT_EQ(text_of(found->targets[1].upper), "0.5");

  // delete_indicator takes its targets along.
  run([&](PlanningStore& store) { return store.delete_indicator(region_, stored.id); });
  EXPECT_FALSE(read<std::optional<IndicatorRecord>>([&](PlanningStore& store) {
                 return store.find_indicator(region_, stored.id);
               }).has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_targets"), 0);
}

TEST_P(SqlPlanningStoreTest, PlanIndicatorsAttachEveryTargetToItsIndicator) {
  PlanRecord plan = make_plan(region_);
  PlanRecord other_plan = make_plan(region_, 2030);
  NodeRecord first = make_node(region_, plan.id, PlanNodeKind::program, "1.02.01", health_);
  NodeRecord second = make_node(region_, plan.id, PlanNodeKind::program, "1.02.02", health_);
  NodeRecord elsewhere = make_node(region_, other_plan.id, PlanNodeKind::program, "1.02.01", health_);
  run([&](PlanningStore& store) -> Result<void> {
    for (int number = 0; number < 60; ++number) {
      IndicatorRecord indicator =
          indicator_of(plan.id, number % 2 == 0 ? second.id : first.id, "I-" + std::to_string(100 + number));
      for (int year = 2025; year <= 2029; ++year) {
        indicator.targets.push_back(Target{year, Decimal(number * 100 + (year - 2025), 2), {}, {}});
      }
      TRY(store.insert_indicator(region_, indicator));
    }
    IndicatorRecord foreign = indicator_of(other_plan.id, elsewhere.id, "X");
    foreign.targets = {Target{2030, dec("1"), {}, {}}};
    TRY(store.insert_indicator(region_, foreign));
    return success();
  });
  auto indicators = read<std::vector<IndicatorRecord>>(
      [&](PlanningStore& store) { return store.plan_indicators(region_, plan.id); });
  ASSERT_EQ(indicators.size(), 60U);
  for (std::size_t index = 0; index < indicators.size(); ++index) {
    const IndicatorRecord& indicator = indicators[index];
    // The first node's 30 indicators (odd numbers), then the second's (even), each by code.
    const int number = index < 30 ? static_cast<int>(2 * index + 1) : static_cast<int>(2 * (index - 30));
    EXPECT_EQ(indicator.node_id, index < 30 ? first.id : second.id);
    EXPECT_EQ(indicator.code, "I-" + std::to_string(100 + number));
    ASSERT_EQ(indicator.targets.size(), 5U);
    for (int offset = 0; offset < 5; ++offset) {
      EXPECT_EQ(indicator.targets[offset].year, 2025 + offset);
      EXPECT_EQ(text_of(indicator.targets[offset].value), Decimal(number * 100 + offset, 2).to_string());
    }
  }
}

TEST_P(SqlPlanningStoreTest, DeletingANodeRemovesItsIndicatorsTargetsChangesAndOutgoingLinks) {
  PlanRecord plan = make_plan(region_);
  NodeRecord goal = make_node(region_, plan.id, PlanNodeKind::region_goal, "T1");
  NodeRecord objective = make_node(region_, plan.id, PlanNodeKind::region_objective, "S1");
  NodeRecord kept = make_node(region_, plan.id, PlanNodeKind::region_objective, "S2");
  auto insert_link = [&](NodeId from, NodeId to) {
    LinkRecord link{LinkId(0), plan.id, from, to, dec("50")};
    return write<LinkRecord>([&](PlanningStore& store) { return store.insert_link(region_, link); });
  };
  LinkRecord outgoing = insert_link(objective.id, goal.id);
  LinkRecord other = insert_link(kept.id, goal.id);
  IndicatorRecord doomed = indicator_of(plan.id, objective.id, "IKU-1");
  doomed.targets = {Target{2025, dec("1"), {}, {}}, Target{2026, dec("2"), {}, {}}};
  doomed =
      write<IndicatorRecord>([&](PlanningStore& store) { return store.insert_indicator(region_, doomed); });
  IndicatorRecord survivor = indicator_of(plan.id, kept.id, "IKU-2");
  survivor.targets = {Target{2025, dec("3"), {}, {}}};
  survivor =
      write<IndicatorRecord>([&](PlanningStore& store) { return store.insert_indicator(region_, survivor); });
  RevisionRecord revision;
  revision.plan_id = plan.id;
  revision.reason = "Penyesuaian target";
  revision.proposed_by_name = "Budi";
  revision.changes = {TargetChange{doomed.id, 2026, dec("2.5"), {}, {}, dec("2"), {}, {}},
                      TargetChange{survivor.id, 2025, dec("3.5"), {}, {}, dec("3"), {}, {}}};
  revision =
      write<RevisionRecord>([&](PlanningStore& store) { return store.insert_revision(region_, revision); });

  run([&](PlanningStore& store) { return store.delete_node(region_, objective.id); });

  run([&](PlanningStore& store) -> Result<void> {
    EXPECT_FALSE(store.find_node(region_, objective.id).value().has_value());
    EXPECT_FALSE(store.find_indicator(region_, doomed.id).value().has_value());
    EXPECT_FALSE(store.find_link(region_, outgoing.id).value().has_value());
    EXPECT_TRUE(store.find_link(region_, other.id).value().has_value());
    auto kept_indicator = store.find_indicator(region_, survivor.id).value();
    EXPECT_TRUE(kept_indicator.has_value() && kept_indicator->targets.size() == 1U);
    auto kept_revision = store.find_revision(region_, revision.id).value();
    EXPECT_TRUE(kept_revision.has_value());
    if (kept_revision) {
      EXPECT_EQ(kept_revision->changes.size(), 1U);
      EXPECT_EQ(kept_revision->changes[0].indicator_id, survivor.id);
    }
    EXPECT_EQ(store.plan_nodes(region_, plan.id).value().size(), 2U);
    return success();
  });
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_targets"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_revision_changes"), 1);
}

TEST_P(SqlPlanningStoreTest, PlanVersionsAreListedWithoutSnapshotAndFoundWithIt) {
  PlanRecord plan = make_plan(region_);
  RevisionRecord revision;
  revision.plan_id = plan.id;
  revision.reason = "Perubahan RPJMD";
  revision.proposed_by_name = "Budi";
  revision =
      write<RevisionRecord>([&](PlanningStore& store) { return store.insert_revision(region_, revision); });

  PlanVersionRecord adoption;
  adoption.number = 1;
  adoption.kind = PlanVersionKind::adoption;
  adoption.reason = "Penetapan";
  adoption.approved_by_user_id = 7;
  adoption.approved_by_name = "Rudy Mas'ud";
  adoption.approved_at = "2025-08-14T03:00:00.000Z";
  adoption.snapshot = R"json({"plan":{"title":"RPJMD 2025-2029"},"nodes":[]})json";
  PlanVersionRecord change;
  change.number = 2;
  change.kind = PlanVersionKind::revision;
  change.revision_id = revision.id;
  change.reason = "Perubahan RPJMD";
  change.approved_by_name = "Sekda";
  change.approved_at = "2026-01-05T01:00:00.000Z";
  change.snapshot = R"json({"plan":{"title":"RPJMD 2025-2029 (perubahan)"}})json";
  run([&](PlanningStore& store) -> Result<void> {
    TRY(store.insert_plan_version(region_, plan.id, change));
    TRY(store.insert_plan_version(region_, plan.id, adoption));
    return success();
  });

  auto versions = read<std::vector<PlanVersionRecord>>(
      [&](PlanningStore& store) { return store.plan_versions(region_, plan.id); });
  ASSERT_EQ(versions.size(), 2U);
  EXPECT_EQ(versions[0].number, 1);
  EXPECT_EQ(versions[0].kind, PlanVersionKind::adoption);
  EXPECT_FALSE(versions[0].revision_id.has_value());
  EXPECT_EQ(versions[0].reason, "Penetapan");
  EXPECT_EQ(versions[0].approved_by_user_id, 7);
  EXPECT_EQ(versions[0].approved_by_name, "Rudy Mas'ud");
  EXPECT_EQ(versions[0].approved_at, "2025-08-14T03:00:00.000Z");
  EXPECT_TRUE(versions[0].snapshot.empty());
  EXPECT_EQ(versions[1].number, 2);
  EXPECT_EQ(versions[1].kind, PlanVersionKind::revision);
  EXPECT_EQ(versions[1].revision_id, revision.id);
  EXPECT_FALSE(versions[1].approved_by_user_id.has_value());
  EXPECT_TRUE(versions[1].snapshot.empty());

  auto found = read<std::optional<PlanVersionRecord>>(
      [&](PlanningStore& store) { return store.find_plan_version(region_, plan.id, 2); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->snapshot, R"json({"plan":{"title":"RPJMD 2025-2029 (perubahan)"}})json");
  EXPECT_EQ(found->revision_id, revision.id);
  EXPECT_EQ(found->approved_by_name, "Sekda");
  found = read<std::optional<PlanVersionRecord>>(
      [&](PlanningStore& store) { return store.find_plan_version(region_, plan.id, 1); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->snapshot, R"json({"plan":{"title":"RPJMD 2025-2029"},"nodes":[]})json");
  EXPECT_FALSE(read<std::optional<PlanVersionRecord>>([&](PlanningStore& store) {
                 return store.find_plan_version(region_, plan.id, 3);
               }).has_value());
}

TEST_P(SqlPlanningStoreTest, RevisionsKeepTheirChangesAndComeNewestFirst) {
  PlanRecord plan = make_plan(region_);
  NodeRecord goal = make_node(region_, plan.id, PlanNodeKind::region_goal, "T1");
  IndicatorRecord first = indicator_of(plan.id, goal.id, "IKU-1");
  first =
      write<IndicatorRecord>([&](PlanningStore& store) { return store.insert_indicator(region_, first); });
  IndicatorRecord second = indicator_of(plan.id, goal.id, "IKU-2");
  second =
      write<IndicatorRecord>([&](PlanningStore& store) { return store.insert_indicator(region_, second); });

  RevisionRecord revision;
  revision.plan_id = plan.id;
  revision.reason = "Dampak penyesuaian APBD";
  revision.proposed_by_user_id = 11;
  revision.proposed_by_name = "Kepala Bappeda";
  // Given out of order; stored by indicator, then year.
  revision.changes = {
      // A new range replacing a single value.
      TargetChange{second.id, 2026, {}, dec("-1.41"), dec("2.50"), dec("78.20"), {}, {}},
      // Remove: every new value unset, the replaced range kept.
      TargetChange{first.id, 2027, {}, {}, {}, {}, dec("10.00"), dec("12.5")},
      // A new target where there was none.
      TargetChange{first.id, 2026, dec("33.33"), {}, {}, {}, {}, {}},
  };
  RevisionRecord older =
      write<RevisionRecord>([&](PlanningStore& store) { return store.insert_revision(region_, revision); });
  EXPECT_EQ(older.version, 1);
  EXPECT_EQ(older.status, RevisionStatus::proposed);
  EXPECT_EQ(older.proposed_at, "2026-11-23T02:00:00.000Z");

  clock_.advance(hours(24));
  RevisionRecord next;
  next.plan_id = plan.id;
  next.reason = "Koreksi";
  next.proposed_by_name = "Analis";
  next.changes = {TargetChange{first.id, 2028, dec("1"), {}, {}, {}, {}, {}}};
  RevisionRecord newer =
      write<RevisionRecord>([&](PlanningStore& store) { return store.insert_revision(region_, next); });
  EXPECT_EQ(newer.proposed_at, "2026-11-24T02:00:00.000Z");

  auto found = read<std::optional<RevisionRecord>>(
      [&](PlanningStore& store) { return store.find_revision(region_, older.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->plan_id, plan.id);
  EXPECT_EQ(found->reason, "Dampak penyesuaian APBD");
  EXPECT_EQ(found->status, RevisionStatus::proposed);
  EXPECT_EQ(found->proposed_by_user_id, 11);
  EXPECT_EQ(found->proposed_by_name, "Kepala Bappeda");
  EXPECT_EQ(found->proposed_at, "2026-11-23T02:00:00.000Z");
  EXPECT_FALSE(found->decided_by_user_id.has_value());
  EXPECT_EQ(found->decided_by_name, "");
  EXPECT_FALSE(found->decided_at.has_value());
  EXPECT_FALSE(found->version_number.has_value());
  ASSERT_EQ(found->changes.size(), 3U);
  const TargetChange& added = found->changes[0];
  EXPECT_EQ(added.indicator_id, first.id);
  EXPECT_EQ(added.year, 2026);
  EXPECT_EQ(text_of(added.value), "33.33");
  EXPECT_FALSE(added.lower || added.upper || added.previous_value || added.previous_lower ||
               added.previous_upper);
  const TargetChange& removed = found->changes[1];
  EXPECT_EQ(removed.indicator_id, first.id);
  EXPECT_EQ(removed.year, 2027);
  EXPECT_FALSE(removed.value || removed.lower || removed.upper || removed.previous_value);
  EXPECT_EQ(text_of(removed.previous_lower), "10.00");
  EXPECT_EQ(text_of(removed.previous_upper), "12.5");
  const TargetChange& ranged = found->changes[2];
  EXPECT_EQ(ranged.indicator_id, second.id);
  EXPECT_EQ(ranged.year, 2026);
  EXPECT_FALSE(ranged.value.has_value());
  EXPECT_EQ(text_of(ranged.lower), "-1.41");
  EXPECT_EQ(text_of(ranged.upper), "2.50");
  EXPECT_EQ(text_of(ranged.previous_value), "78.20");
  EXPECT_FALSE(ranged.previous_lower || ranged.previous_upper);

  auto revisions = read<std::vector<RevisionRecord>>(
      [&](PlanningStore& store) { return store.plan_revisions(region_, plan.id); });
  ASSERT_EQ(revisions.size(), 2U);
  EXPECT_EQ(revisions[0].id, newer.id);
  ASSERT_EQ(revisions[0].changes.size(), 1U);
  EXPECT_EQ(revisions[0].changes[0].year, 2028);
  EXPECT_EQ(revisions[1].id, older.id);
  ASSERT_EQ(revisions[1].changes.size(), 3U);
  EXPECT_EQ(revisions[1].changes[1].year, 2027);
  EXPECT_EQ(text_of(revisions[1].changes[1].previous_upper), "12.5");

  // The decision; the changes never change, stale versions are refused.
  RevisionRecord approved = *found;
  approved.status = RevisionStatus::approved;
  approved.decided_by_user_id = 12;
  approved.decided_by_name = "Sekretaris Daerah";
  approved.decided_at = "2026-11-25T04:30:00.000Z";
  approved.decision_note = "Disetujui";
  approved.version_number = 2;
  approved.changes.clear();
  EXPECT_TRUE(write<bool>([&](PlanningStore& store) { return store.update_revision(region_, approved); }));
  EXPECT_FALSE(write<bool>([&](PlanningStore& store) { return store.update_revision(region_, approved); }));
  found = read<std::optional<RevisionRecord>>(
      [&](PlanningStore& store) { return store.find_revision(region_, older.id); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->status, RevisionStatus::approved);
  EXPECT_EQ(found->decided_by_user_id, 12);
  EXPECT_EQ(found->decided_by_name, "Sekretaris Daerah");
  EXPECT_EQ(found->decided_at, "2026-11-25T04:30:00.000Z");
  EXPECT_EQ(found->decision_note, "Disetujui");
  EXPECT_EQ(found->version_number, 2);
  EXPECT_EQ(found->version, 2);
  EXPECT_EQ(found->reason, "Dampak penyesuaian APBD");
  EXPECT_EQ(found->changes.size(), 3U);
}

INSTANTIATE_TEST_SUITE_P(Backends, SqlPlanningStoreTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::planning
