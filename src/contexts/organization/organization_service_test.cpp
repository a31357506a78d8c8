// The organization service over real storage, on SQLite and PostgreSQL (db::test_backends()),
// with a ManualClock. Expectations are written from the issue and the calendar, never
// copied from the code's output.
#include "contexts/organization/organization_service.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "core/clock.h"
#include "platform/audit/verify.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"

namespace sinergi::organization {
namespace {

using std::chrono::hours;

std::string describe(const Error& error) {
  std::string text = std::string(error.name()) + ": " + error.message(Locale::english);
  for (const auto& field : error.fields()) {
    text += " [" + field.field + ": " + field.message_en + "]";
  }
  return text;
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

std::vector<std::string> fields_of(const Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields()) {
    fields.push_back(field.field);
  }
  return fields;
}

auth::Principal principal_with(auth::Role role, std::int64_t region_id,
                               std::optional<std::int64_t> agency = {},
                               std::optional<std::string> cluster = {}) {
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::user;
  principal.user_id = 1;
  principal.region_id = region_id;
  principal.name = std::string(auth::role_name(role));
  principal.roles.push_back(auth::RoleGrant{role, agency, {}, {}, std::move(cluster)});
  return principal;
}

class OrganizationServiceTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  // 2026-11-23 10:00 WITA is 02:00 UTC.
  OrganizationServiceTest() : clock_(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + hours(2)) {}

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
      session << "SELECT id FROM regions WHERE code = '64'", soci::into(region_);
      session << "SELECT id FROM regions WHERE code = '63'", soci::into(other_region_);
      return success();
    }));
    repository_ = make_sql_organization_repository(*database_, clock_);
    service_.emplace(*repository_, clock_);
    admin_ = principal_with(auth::Role::admin, region_);
    ASSERT_OK(service_->create_agency(
        admin_, {"Dinkes", "Dinkes", "Dinas Kesehatan", "dinas", "asisten_3", {}, {}}, context_));
    ASSERT_OK(service_->create_agency(
        admin_, {"Dishub", "Dishub", "Dinas Perhubungan", "dinas", "asisten_2", {}, {}}, context_));
  }

  std::int64_t agency_id(const std::string& code) {
    auto agency = service_->get_agency(admin_, code);
    EXPECT_TRUE(agency.ok());
    return agency.ok() ? agency.value().agency.id.value() : 0;
  }

  PositionView make_position(const std::string& agency, const std::string& code, const std::string& title,
                             bool head = false, const std::string& established = "2016-12-01") {
    PositionDraft draft;
    draft.agency_code = agency;
    draft.code = code;
    draft.title = title;
    draft.level = head ? "jpt_pratama" : "administrator";
    draft.is_agency_head = head;
    draft.established_on = established;
    auto created = service_->create_position(admin_, draft, context_);
    EXPECT_TRUE(created.ok()) << describe(created.error());
    return created.value();
  }

  PersonView make_person(const std::string& nip, const std::string& name,
                         const std::string& agency = "Dinkes") {
    auto created = service_->create_person(admin_, {nip, name, "Pembina (IV/a)", "pns", agency}, context_);
    EXPECT_TRUE(created.ok()) << describe(created.error());
    return created.value();
  }

  Result<AssignmentView> assign(const PersonView& person, const PositionView& position,
                                const std::string& kind, const std::string& starts,
                                std::optional<std::string> ends = {}) {
    AssignmentDraft draft;
    draft.person_id = person.person.id.value();
    draft.position_id = position.position.id.value();
    draft.kind = kind;
    draft.starts_on = starts;
    draft.ends_on = std::move(ends);
    return service_->create_assignment(admin_, draft, context_);
  }

  std::int64_t audit_count(const std::string& action) {
    long long count = 0;
    EXPECT_TRUE(database_
                    ->with_read_transaction([&](soci::session& session) -> Result<void> {
                      session << "SELECT COUNT(*) FROM audit_events WHERE action = :action",
                          soci::use(action), soci::into(count);
                      return success();
                    })
                    .ok());
    return count;
  }

  ManualClock clock_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<OrganizationRepository> repository_;
  std::optional<OrganizationService> service_;
  long long region_ = 0;
  long long other_region_ = 0;
  auth::Principal admin_;
  CallContext context_{"request-1", "127.0.0.1:5000", "test"};
};

TEST_P(OrganizationServiceTest, TodayIsTheDateInKalimantanTimur) {
  // 2026-11-22 20:00 UTC is already 2026-11-23 04:00 WITA.
  clock_.set(std::chrono::sys_days(std::chrono::year(2026) / 11 / 22) + hours(20));
  EXPECT_EQ(format_iso_date(service_->today()), "2026-11-23");
}

TEST_P(OrganizationServiceTest, APostHeldByAPltIsActingSinceTheDefinitiveHeadLeft) {
  PositionView head = make_position("Dinkes", "KADIS", "Kepala Dinas Kesehatan", true);
  PersonView former = make_person("197001012000031001", "Budi Santoso");
  PersonView acting = make_person("198002022005012002", "Siti Rahmawati");
  ASSERT_OK(assign(former, head, "definitive", "2020-01-06", "2025-03-31"));
  ASSERT_OK(assign(acting, head, "acting", "2025-04-01"));

  auto agency = service_->get_agency(admin_, "Dinkes");
  ASSERT_OK(agency);
  ASSERT_TRUE(agency.value().head.has_value());
  const PositionView& view = *agency.value().head;
  EXPECT_EQ(view.status.state, PositionState::acting);
  EXPECT_EQ(format_iso_date(*view.status.without_definitive_since), "2025-04-01");
  // 2025-04-01 .. 2026-11-23: 275 days to the end of 2025, then 326 days into 2026.
  EXPECT_EQ(view.status.days_without_definitive, 601);
  ASSERT_TRUE(view.holder.has_value());
  EXPECT_EQ(view.holder->name, "Siti Rahmawati");
  EXPECT_EQ(view.holder->kind, AssignmentKind::acting);
  EXPECT_TRUE(view.alert);  // far beyond the default 30 days

  auto detail = service_->get_position(admin_, head.position.id);
  ASSERT_OK(detail);
  ASSERT_EQ(detail.value().history.size(), 2U);
  EXPECT_EQ(detail.value().history[0].person_name, "Siti Rahmawati");  // newest first
  EXPECT_TRUE(detail.value().history[0].current);
  EXPECT_FALSE(detail.value().history[1].current);
}

TEST_P(OrganizationServiceTest, TheVacancyBoardListsVacantAndActingPostsOldestFirstWithAlerts) {
  PositionView head = make_position("Dinkes", "KADIS", "Kepala Dinas Kesehatan", true);
  PositionView p2p = make_position("Dinkes", "BID.P2P", "Kepala Bidang P2P", false, "2026-11-03");
  PositionView yankes = make_position("Dinkes", "BID.YANKES", "Kepala Bidang Pelayanan Kesehatan");
  PositionView traffic = make_position("Dishub", "BID.LLAJ", "Kepala Bidang LLAJ", false, "2026-10-01");
  PersonView holder = make_person("197001012000031001", "Budi Santoso");
  ASSERT_OK(assign(holder, yankes, "definitive", "2021-02-01"));
  PersonView acting = make_person("198002022005012002", "Siti Rahmawati");
  ASSERT_OK(assign(acting, head, "acting", "2026-11-01"));

  auto board = service_->vacancy_board(admin_, PositionQuery{});
  ASSERT_OK(board);
  std::vector<std::string> order;
  for (const auto& view : board.value().page.items) {
    order.push_back(view.position.code);
  }
  // Without a definitive holder: KADIS since its creation in 2016, LLAJ 53 days, P2P 20 days.
  EXPECT_EQ(order, (std::vector<std::string>{"KADIS", "BID.LLAJ", "BID.P2P"}));
  const auto& items = board.value().page.items;
  EXPECT_EQ(items[1].status.days_without_definitive, 53);
  EXPECT_TRUE(items[1].alert);
  EXPECT_EQ(items[2].status.days_without_definitive, 20);
  EXPECT_FALSE(items[2].alert);
  const VacancySummary& summary = board.value().summary;
  EXPECT_EQ(summary.vacant, 2);
  EXPECT_EQ(summary.acting, 1);
  EXPECT_EQ(summary.alerts, 2);
  EXPECT_EQ(summary.agencies_led_by_acting, 1);
  EXPECT_EQ(summary.agencies_total, 2);
  EXPECT_EQ(summary.alert_days, 30);

  // A threshold of 60 days leaves only the head post alerting; it is audited.
  ASSERT_OK(service_->set_vacancy_alert_days(admin_, 60, context_));
  auto later = service_->vacancy_board(admin_, PositionQuery{});
  ASSERT_OK(later);
  EXPECT_EQ(later.value().summary.alerts, 1);
  EXPECT_EQ(audit_count("setting.update"), 1);
  auto refused = service_->set_vacancy_alert_days(admin_, 0, context_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(fields_of(refused.error()), (std::vector<std::string>{"vacancy_alert_days"}));
}

TEST_P(OrganizationServiceTest, OverlappingDefinitiveAssignmentsToOnePostAreRefusedAndNothingIsWritten) {
  PositionView head = make_position("Dinkes", "KADIS", "Kepala Dinas Kesehatan", true);
  PersonView first = make_person("197001012000031001", "Budi Santoso");
  PersonView second = make_person("198002022005012002", "Siti Rahmawati");
  ASSERT_OK(assign(first, head, "definitive", "2020-01-06"));
  const auto before = audit_count("assignment.create");

  auto overlapping = assign(second, head, "definitive", "2024-05-02");
  ASSERT_FALSE(overlapping.ok());
  EXPECT_EQ(overlapping.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(fields_of(overlapping.error()), (std::vector<std::string>{"starts_on"}));
  EXPECT_NE(overlapping.error().fields().front().message_id.find("Budi Santoso"), std::string::npos);

  auto backwards = assign(second, head, "acting", "2025-02-01", "2025-01-01");
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(fields_of(backwards.error()), (std::vector<std::string>{"ends_on"}));

  EXPECT_EQ(audit_count("assignment.create"), before);
  auto detail = service_->get_position(admin_, head.position.id);
  ASSERT_OK(detail);
  EXPECT_EQ(detail.value().history.size(), 1U);
}

TEST_P(OrganizationServiceTest, APersonHoldsOneDefinitivePostButMayActElsewhere) {
  PositionView secretary = make_position("Dinkes", "SEKRE", "Sekretaris Dinas Kesehatan");
  PositionView head = make_position("Dinkes", "KADIS", "Kepala Dinas Kesehatan", true);
  PositionView other = make_position("Dishub", "BID.LLAJ", "Kepala Bidang LLAJ");
  PersonView person = make_person("197001012000031001", "Budi Santoso");
  ASSERT_OK(assign(person, secretary, "definitive", "2021-01-04"));
  ASSERT_OK(assign(person, head, "acting", "2026-01-05"));
  auto second_definitive = assign(person, other, "definitive", "2026-02-02");
  ASSERT_FALSE(second_definitive.ok());
  EXPECT_EQ(fields_of(second_definitive.error()), (std::vector<std::string>{"person_id"}));

  // Ending the secretary post frees the person for a definitive post from the next day.
  auto detail = service_->get_person(admin_, person.person.id);
  ASSERT_OK(detail);
  const AssignmentView* definitive = nullptr;
  for (const auto& assignment : detail.value().assignments) {
    if (assignment.assignment.kind == AssignmentKind::definitive) {
      definitive = &assignment;
    }
  }
  ASSERT_NE(definitive, nullptr);
  AssignmentChanges ending;
  ending.version = definitive->assignment.version;
  ending.ends_on = std::optional<std::string>("2026-02-01");
  ASSERT_OK(service_->update_assignment(admin_, definitive->assignment.id, ending, context_));
  ASSERT_OK(assign(person, other, "definitive", "2026-02-02"));
  EXPECT_EQ(audit_count("assignment.end"), 1);

  // The same version again is stale.
  auto stale = service_->update_assignment(admin_, definitive->assignment.id, ending, context_);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code(), ErrorCode::Conflict);
}

TEST_P(OrganizationServiceTest, AMalformedNipIsRefusedWithTheReasonAndADuplicateIsNamed) {
  auto bad_month =
      service_->create_person(admin_, {"197013012000031001", "Budi", "", "pns", "Dinkes"}, context_);
  ASSERT_FALSE(bad_month.ok());
  EXPECT_EQ(fields_of(bad_month.error()), (std::vector<std::string>{"nip"}));
  EXPECT_NE(bad_month.error().fields().front().message_id.find("tanggal lahir"), std::string::npos);

  auto short_nip = service_->create_person(admin_, {"19700101", "Budi", "", "pns", "Dinkes"}, context_);
  ASSERT_FALSE(short_nip.ok());
  EXPECT_EQ(short_nip.error().fields().front().message_en, "an NIP must be exactly 18 digits");

  auto unknown_agency =
      service_->create_person(admin_, {"197001012000031001", "Budi", "", "pns", "Dinkez"}, context_);
  ASSERT_FALSE(unknown_agency.ok());
  EXPECT_EQ(fields_of(unknown_agency.error()), (std::vector<std::string>{"agency_code"}));

  make_person("197001012000031001", "Budi Santoso");
  auto duplicate =
      service_->create_person(admin_, {"197001012000031001", "Budi S", "", "pns", "Dinkes"}, context_);
  ASSERT_FALSE(duplicate.ok());
  EXPECT_NE(duplicate.error().fields().front().message_id.find("Budi Santoso"), std::string::npos);
  EXPECT_EQ(audit_count("person.create"), 1);
}

TEST_P(OrganizationServiceTest, AnAgencyRoleSeesOnlyItsOwnAgencyAndAnotherRegionSeesNothing) {
  make_position("Dinkes", "KADIS", "Kepala Dinas Kesehatan", true);
  make_position("Dishub", "KADIS", "Kepala Dinas Perhubungan", true);
  make_person("197001012000031001", "Budi Santoso", "Dinkes");
  PersonView dishub_person = make_person("198002022005012002", "Siti Rahmawati", "Dishub");

  auth::Principal staff = principal_with(auth::Role::agency_staff, region_, agency_id("Dinkes"));
  auto agencies = service_->list_agencies(staff, AgencyQuery{});
  ASSERT_OK(agencies);
  ASSERT_EQ(agencies.value().items.size(), 1U);
  EXPECT_EQ(agencies.value().items[0].agency.code, "Dinkes");
  auto positions = service_->list_positions(staff, PositionQuery{});
  ASSERT_OK(positions);
  ASSERT_EQ(positions.value().items.size(), 1U);
  EXPECT_EQ(positions.value().items[0].agency_code, "Dinkes");
  auto people = service_->list_people(staff, PersonListQuery{});
  ASSERT_OK(people);
  ASSERT_EQ(people.value().items.size(), 1U);
  auto hidden = service_->get_person(staff, dishub_person.person.id);
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code(), ErrorCode::NotFound);
  EXPECT_EQ(service_->chart(staff, "Dishub").error().code(), ErrorCode::NotFound);
  EXPECT_EQ(service_->create_person(staff, {"199001012015031001", "X", "", "pns", "Dinkes"}, context_)
                .error()
                .code(),
            ErrorCode::Forbidden);

  auth::Principal assistant = principal_with(auth::Role::assistant, region_, {}, "asisten_2");
  auto cluster = service_->list_agencies(assistant, AgencyQuery{});
  ASSERT_OK(cluster);
  ASSERT_EQ(cluster.value().items.size(), 1U);
  EXPECT_EQ(cluster.value().items[0].agency.code, "Dishub");

  auth::Principal stranger = principal_with(auth::Role::admin, other_region_);
  auto foreign = service_->list_agencies(stranger, AgencyQuery{});
  ASSERT_OK(foreign);
  EXPECT_TRUE(foreign.value().items.empty());
  EXPECT_EQ(service_->get_person(stranger, dishub_person.person.id).error().code(), ErrorCode::NotFound);
}

TEST_P(OrganizationServiceTest, TheChartIsAUnitTreeWithTheHeadFirst) {
  auto sekre = service_->create_unit(admin_, {"Dinkes", {}, "SEKRE", "Sekretariat", "sekretariat"}, context_);
  ASSERT_OK(sekre);
  auto umpeg = service_->create_unit(
      admin_,
      {"Dinkes", sekre.value().id.value(), "SEKRE.UMPEG", "Sub Bagian Umum dan Kepegawaian", "sub_bagian"},
      context_);
  ASSERT_OK(umpeg);
  make_position("Dinkes", "KADIS", "Kepala Dinas Kesehatan", true);
  PositionDraft kasubbag;
  kasubbag.agency_code = "Dinkes";
  kasubbag.unit_id = umpeg.value().id.value();
  kasubbag.code = "KASUBBAG.UMPEG";
  kasubbag.title = "Kepala Sub Bagian Umum dan Kepegawaian";
  kasubbag.level = "pengawas";
  kasubbag.is_unit_head = true;
  kasubbag.established_on = "2016-12-01";
  ASSERT_OK(service_->create_position(admin_, kasubbag, context_));

  auto chart = service_->chart(admin_, "Dinkes");
  ASSERT_OK(chart);
  ASSERT_EQ(chart.value().positions.size(), 1U);
  EXPECT_EQ(chart.value().positions[0].position.code, "KADIS");
  ASSERT_EQ(chart.value().units.size(), 1U);
  EXPECT_EQ(chart.value().units[0].unit.code, "SEKRE");
  ASSERT_EQ(chart.value().units[0].children.size(), 1U);
  ASSERT_EQ(chart.value().units[0].children[0].positions.size(), 1U);
  EXPECT_EQ(chart.value().units[0].children[0].positions[0].status.state, PositionState::vacant);

  // A unit cannot become its own ancestor.
  UnitChanges cycle;
  cycle.version = sekre.value().version;
  cycle.parent_id = std::optional<std::int64_t>(umpeg.value().id.value());
  auto refused = service_->update_unit(admin_, sekre.value().id, cycle, context_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(fields_of(refused.error()), (std::vector<std::string>{"parent_id"}));
}

TEST_P(OrganizationServiceTest, EveryChangeIsInTheAuditChain) {
  PositionView head = make_position("Dinkes", "KADIS", "Kepala Dinas Kesehatan", true);
  PersonView person = make_person("197001012000031001", "Budi Santoso");
  ASSERT_OK(assign(person, head, "definitive", "2020-01-06"));
  AgencyChanges rename;
  rename.version = 1;
  rename.name = std::string("Dinas Kesehatan Provinsi");
  ASSERT_OK(service_->update_agency(admin_, "Dinkes", rename, context_));
  auto stale = service_->update_agency(admin_, "Dinkes", rename, context_);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code(), ErrorCode::Conflict);

  EXPECT_EQ(audit_count("agency.create"), 2);
  EXPECT_EQ(audit_count("agency.update"), 1);
  EXPECT_EQ(audit_count("position.create"), 1);
  EXPECT_EQ(audit_count("person.create"), 1);
  EXPECT_EQ(audit_count("assignment.create"), 1);
  auto report = audit::verify_chain(*database_);
  ASSERT_OK(report);
  EXPECT_TRUE(report.value().intact);
}

TEST_P(OrganizationServiceTest, RegenciesAndCitiesAreRegisteredBelowTheProvinceWithKemendagriCodes) {
  auto city = service_->create_region(admin_, {"64.72", "Kota Samarinda"}, context_);
  ASSERT_OK(city);
  EXPECT_EQ(city.value().level, "city");
  auto regency = service_->create_region(admin_, {"64.02", "Kabupaten Kutai Kartanegara"}, context_);
  ASSERT_OK(regency);
  EXPECT_EQ(regency.value().level, "regency");
  for (const char* bad : {"64.00", "64.70", "63.71", "6", "64.2"}) {
    SCOPED_TRACE(bad);
    auto refused = service_->create_region(admin_, {bad, "Kota X"}, context_);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code(), ErrorCode::ValidationFailed);
  }
  auto twice = service_->create_region(admin_, {"64.72", "Kota Samarinda"}, context_);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(fields_of(twice.error()), (std::vector<std::string>{"code"}));

  auto renamed = service_->rename_region(admin_, "64.72", "Kota Samarinda (Ibu Kota Provinsi)", context_);
  ASSERT_OK(renamed);
  auto regions = service_->list_regions(admin_);
  ASSERT_OK(regions);
  ASSERT_EQ(regions.value().size(), 3U);  // 64, 64.02, 64.72: not Kalimantan Selatan
  EXPECT_EQ(regions.value()[2].name, "Kota Samarinda (Ibu Kota Provinsi)");
  EXPECT_EQ(service_->rename_region(admin_, "63", "X", context_).error().code(), ErrorCode::NotFound);
  EXPECT_EQ(audit_count("region.create"), 2);
  EXPECT_EQ(audit_count("region.update"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganizationServiceTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::organization
