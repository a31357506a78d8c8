// The organization demo over real storage (db::test_backends()): loaded after the identity
// demo, then checked through OrganizationService and plain SQL against what issue 4 asks of
// it: ten agencies led by a Plt, two with a vacant head, vacancies of every age, history that
// keeps the overlap rules, valid NIPs, and a year of attendance with its discipline cases.
#include "contexts/organization/organization_demo.h"

#include <gtest/gtest.h>

#include <chrono>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "contexts/organization/discipline.h"
#include "contexts/organization/organization_service.h"
#include "contexts/organization/organization_store.h"
#include "contexts/organization/position_state.h"
#include "core/clock.h"
#include "core/nip.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"

namespace sinergi::organization {
namespace demo_testing {
// organization_demo_test_identity.cpp: identity::load_identity_demo with cheap hashes.
Result<void> load_identity_demo_with_fast_hashes(db::Database& database, const Clock& clock);
}  // namespace demo_testing

namespace {

const Date kToday = Date{std::chrono::year{2026} / 11 / 23};

std::string describe(const Error& error) {
  std::string text = std::string(error.name()) + ": " + error.message(Locale::english);
  for (const auto& field : error.fields()) {
    text += " [" + field.field + ": " + field.message_en + "]";
  }
  if (!error.log_detail().empty()) {
    text += " {" + error.log_detail() + "}";
  }
  return text;
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

// 10:00 WITA on `today`.
std::chrono::system_clock::time_point demo_time(Date today = kToday) {
  return std::chrono::sys_days(today) + std::chrono::hours(2);
}

// A migrated database with both demos loaded.
struct LoadedDemo {
  std::optional<db::TestDatabase> test_database;
  std::unique_ptr<db::Database> database;
  OrganizationDemoReport report;
  std::chrono::milliseconds elapsed{0};
  std::int64_t region_id = 0;
};

Result<std::unique_ptr<LoadedDemo>> load_demo(db::Backend backend, const Clock& clock, Date today = kToday) {
  auto loaded = std::make_unique<LoadedDemo>();
  loaded->test_database.emplace(TRY(db::TestDatabase::create(backend)));
  loaded->database = TRY(db::Database::open(loaded->test_database->url()));
  TRY(db::migrate(*loaded->database, TRY(db::bundled_migrations())));
  TRY(demo_testing::load_identity_demo_with_fast_hashes(*loaded->database, clock));
  const auto started = std::chrono::steady_clock::now();
  loaded->report = TRY(load_organization_demo(*loaded->database, clock, today));
  loaded->elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  loaded->region_id =
      TRY(loaded->database->with_read_transaction([](soci::session& session) -> Result<std::int64_t> {
        long long id = 0;
        session << "SELECT id FROM regions WHERE code = '64'", soci::into(id);
        return static_cast<std::int64_t>(id);
      }));
  return loaded;
}

struct AssignmentRow {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::int64_t position_id = 0;
  AssignmentKind kind = AssignmentKind::definitive;
  Date starts_on{};
  std::optional<Date> ends_on;

  bool covers(Date day) const { return starts_on <= day && (!ends_on || day <= *ends_on); }
};

struct PersonRow {
  std::int64_t id = 0;
  std::string nip;
  std::string name;
  std::string rank_grade;
  std::string employment_status;
  std::int64_t agency_id = 0;
  bool active = true;
};

struct RecordRow {
  std::int64_t person_id = 0;
  std::int64_t agency_id = 0;
  Date day{};
  AttendanceStatus status = AttendanceStatus::present;
  int late_minutes = 0;
};

class OrganizationDemoTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  OrganizationDemoTest() : clock_(demo_time()) {}

  // One load per backend and process: the cases below only read (the reload is a no-op).
  static std::map<db::Backend, std::unique_ptr<LoadedDemo>>& demos() {
    static std::map<db::Backend, std::unique_ptr<LoadedDemo>> loaded;
    return loaded;
  }
  static void TearDownTestSuite() { demos().clear(); }

  void SetUp() override {
    auto& slot = demos()[GetParam()];
    if (!slot) {
      auto loaded = load_demo(GetParam(), clock_);
      ASSERT_OK(loaded);
      slot = std::move(loaded).value();
      std::cout << "[ demo     ] " << (GetParam() == db::Backend::sqlite ? "SQLite" : "PostgreSQL") << ": "
                << slot->report.units << " units, " << slot->report.positions << " positions, "
                << slot->report.people << " people, " << slot->report.assignments << " assignments, "
                << slot->report.attendance_records << " attendance records in " << slot->elapsed.count()
                << " ms\n";
    }
    demo_ = slot.get();
    repository_ = make_sql_organization_repository(*demo_->database, clock_);
    service_ = std::make_unique<OrganizationService>(*repository_, clock_);
  }

  auth::Principal admin() const {
    auth::Principal principal;
    principal.kind = auth::Principal::Kind::user;
    principal.user_id = 1;
    principal.name = "admin";
    principal.region_id = demo_->region_id;
    principal.roles.push_back(auth::RoleGrant{auth::Role::admin, std::nullopt, {}, {}, std::nullopt});
    return principal;
  }

  long long count(const std::string& table) {
    auto counted = demo_->database->with_read_transaction([&](soci::session& session) -> Result<long long> {
      long long rows = 0;
      session << "SELECT COUNT(*) FROM " + table, soci::into(rows);
      return rows;
    });
    EXPECT_TRUE(counted.ok());
    return counted.ok() ? counted.value() : -1;
  }

  std::vector<AssignmentRow> assignment_rows() {
    auto rows = demo_->database->with_read_transaction([](soci::session& session)
                                                           -> Result<std::vector<AssignmentRow>> {
      std::vector<AssignmentRow> result;
      long long id = 0;
      long long person = 0;
      long long position = 0;
      std::string kind;
      std::string starts;
      std::string ends;
      soci::indicator ends_indicator = soci::i_null;
      soci::statement statement =
          (session.prepare << "SELECT id, person_id, position_id, kind, starts_on, ends_on FROM assignments",
           soci::into(id), soci::into(person), soci::into(position), soci::into(kind), soci::into(starts),
           soci::into(ends, ends_indicator));
      statement.execute();
      while (statement.fetch()) {
        AssignmentRow row;
        row.id = id;
        row.person_id = person;
        row.position_id = position;
        row.kind = parse_assignment_kind(kind).value();
        row.starts_on = parse_iso_date(starts).value();
        if (ends_indicator == soci::i_ok) {
          row.ends_on = parse_iso_date(ends).value();
        }
        result.push_back(row);
      }
      return result;
    });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows.value() : std::vector<AssignmentRow>{};
  }

  std::vector<PersonRow> person_rows() {
    auto rows =
        demo_->database->with_read_transaction([](soci::session& session) -> Result<std::vector<PersonRow>> {
          std::vector<PersonRow> result;
          PersonRow row;
          long long id = 0;
          long long agency = 0;
          int active = 1;
          soci::statement statement =
              (session.prepare
                   << "SELECT id, nip, name, rank_grade, employment_status, agency_id, active FROM people",
               soci::into(id), soci::into(row.nip), soci::into(row.name), soci::into(row.rank_grade),
               soci::into(row.employment_status), soci::into(agency), soci::into(active));
          statement.execute();
          while (statement.fetch()) {
            row.id = id;
            row.agency_id = agency;
            row.active = active != 0;
            result.push_back(row);
          }
          return result;
        });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows.value() : std::vector<PersonRow>{};
  }

  std::vector<RecordRow> attendance_rows() {
    auto rows =
        demo_->database->with_read_transaction([](soci::session& session) -> Result<std::vector<RecordRow>> {
          std::vector<RecordRow> result;
          long long person = 0;
          long long agency = 0;
          std::string day;
          std::string status;
          int late = 0;
          soci::statement statement =
              (session.prepare
                   << "SELECT person_id, agency_id, day, status, late_minutes FROM attendance_records",
               soci::into(person), soci::into(agency), soci::into(day), soci::into(status), soci::into(late));
          statement.execute();
          while (statement.fetch()) {
            result.push_back(RecordRow{person, agency, parse_iso_date(day).value(),
                                       parse_attendance_status(status).value(), late});
          }
          return result;
        });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows.value() : std::vector<RecordRow>{};
  }

  std::vector<AgencyView> agencies() {
    AgencyQuery query;
    query.page = PageRequest{1, 0, ""};
    auto page = service_->list_agencies(admin(), query);
    EXPECT_TRUE(page.ok()) << describe(page.error());
    return page.ok() ? page.value().items : std::vector<AgencyView>{};
  }

  ManualClock clock_;
  LoadedDemo* demo_ = nullptr;
  std::unique_ptr<OrganizationRepository> repository_;
  std::unique_ptr<OrganizationService> service_;
};

TEST_P(OrganizationDemoTest, LoadsEverythingOnceInOneAuditedTransaction) {
  const OrganizationDemoReport& report = demo_->report;
  EXPECT_FALSE(report.already_present);
  // 34 agencies with a Sekretariat, 3 sub-bagian and at least 3 Bidang; Setda's Biro; Setwan.
  EXPECT_GE(report.units, 34 * 7);
  // Per agency at least a head, Kepala Bidang/Bagian and 4 staff posts.
  EXPECT_GE(report.positions, 36 * 8);
  EXPECT_GT(report.people, report.positions);
  EXPECT_GT(report.assignments, report.positions);
  EXPECT_GT(report.attendance_records, 100000);
  EXPECT_LT(report.attendance_records, 400000);
  EXPECT_EQ(count("organization_units"), report.units);
  EXPECT_EQ(count("positions"), report.positions);
  EXPECT_EQ(count("people"), report.people);
  EXPECT_EQ(count("assignments"), report.assignments);
  EXPECT_EQ(count("attendance_records"), report.attendance_records);

  auto last_event = demo_->database->with_read_transaction([](soci::session& session)
                                                               -> Result<std::vector<std::string>> {
    std::string action;
    std::string entity_type;
    std::string actor_type;
    std::string changes;
    session
        << "SELECT action, entity_type, actor_type, changes FROM audit_events ORDER BY sequence DESC LIMIT 1",
        soci::into(action), soci::into(entity_type), soci::into(actor_type), soci::into(changes);
    return std::vector<std::string>{action, entity_type, actor_type, changes};
  });
  ASSERT_OK(last_event);
  EXPECT_EQ(last_event.value()[0], "organization.demo_load");
  EXPECT_EQ(last_event.value()[1], "organization");
  EXPECT_EQ(last_event.value()[2], "system");
  EXPECT_NE(last_event.value()[3].find("\"after\":" + std::to_string(report.attendance_records)),
            std::string::npos)
      << last_event.value()[3];

  // A second run finds the posts and changes nothing, not even the audit trail.
  const long long events = count("audit_events");
  auto again = load_organization_demo(*demo_->database, clock_, kToday);
  ASSERT_OK(again);
  EXPECT_TRUE(again.value().already_present);
  EXPECT_EQ(again.value().positions, 0);
  EXPECT_EQ(again.value().attendance_records, 0);
  EXPECT_EQ(count("positions"), report.positions);
  EXPECT_EQ(count("people"), report.people);
  EXPECT_EQ(count("assignments"), report.assignments);
  EXPECT_EQ(count("attendance_records"), report.attendance_records);
  EXPECT_EQ(count("audit_events"), events);
}

TEST_P(OrganizationDemoTest, TenAgenciesAreLedByAPltAndTwoHaveAVacantHead) {
  const std::vector<AgencyView> all = agencies();
  ASSERT_EQ(all.size(), 36U);
  int acting = 0;
  int vacant = 0;
  std::set<std::string> vacant_codes;
  std::set<int> vacant_days;
  for (const AgencyView& agency : all) {
    ASSERT_TRUE(agency.head.has_value()) << agency.agency.code;
    const PositionView& head = *agency.head;
    if (agency.agency.code == "Setda") {
      EXPECT_EQ(head.position.title, "Sekretaris Daerah");
      EXPECT_EQ(head.position.level, PositionLevel::jpt_madya);
    } else {
      EXPECT_EQ(head.position.level, PositionLevel::jpt_pratama) << agency.agency.code;
    }
    if (head.status.state == PositionState::acting) {
      ++acting;
      // The definitive head left 45-400 days ago and the Plt started the next day.
      EXPECT_GE(head.status.days_without_definitive, 44) << agency.agency.code;
      EXPECT_LE(head.status.days_without_definitive, 399) << agency.agency.code;
      EXPECT_EQ(head.status.since, head.status.without_definitive_since) << agency.agency.code;
      ASSERT_TRUE(head.holder.has_value());
      EXPECT_EQ(head.holder->kind, AssignmentKind::acting);
      // The Plt keeps a definitive post: the agency's Sekretaris or another agency's official.
      auto person = service_->get_person(admin(), head.holder->person_id);
      ASSERT_OK(person);
      int definitive = 0;
      for (const AssignmentView& held : person.value().view.current_assignments) {
        if (held.assignment.kind == AssignmentKind::definitive) {
          ++definitive;
          const bool own_secretary =
              held.agency_code == agency.agency.code && held.position_title.starts_with("Sekretaris");
          EXPECT_TRUE(own_secretary || held.agency_code != agency.agency.code)
              << agency.agency.code << ": " << held.position_title;
        }
      }
      EXPECT_EQ(definitive, 1) << agency.agency.code;
      std::string decree;
      auto history = service_->get_position(admin(), head.position.id);
      ASSERT_OK(history);
      for (const AssignmentView& past : history.value().history) {
        if (past.assignment.kind == AssignmentKind::acting) {
          EXPECT_TRUE(past.assignment.decree_number.starts_with("800.1.3.3/"))
              << past.assignment.decree_number;
        }
      }
    } else if (head.status.state == PositionState::vacant) {
      ++vacant;
      vacant_codes.insert(agency.agency.code);
      vacant_days.insert(head.status.days_without_definitive);
    }
    if (agency.agency.code == "Dinkes") {
      EXPECT_EQ(head.status.state, PositionState::filled);
      ASSERT_TRUE(head.holder.has_value());
      EXPECT_EQ(head.holder->nip, kDemoAgencyHeadNip);
      EXPECT_EQ(head.holder->kind, AssignmentKind::definitive);
      EXPECT_EQ(head.position.title, "Kepala Dinas Kesehatan");
    }
  }
  EXPECT_EQ(acting, 10);
  EXPECT_EQ(vacant, 2);
  EXPECT_TRUE(vacant_codes.contains("Setwan") || vacant_codes.contains("Dispar"));
  EXPECT_FALSE(vacant_codes.contains("Dinkes"));
  // Ended 10 and 60 days before today: vacant since the day after.
  EXPECT_EQ(vacant_days, (std::set<int>{9, 59}));

  PositionQuery query;
  query.page = PageRequest{1, 0, ""};
  auto board = service_->vacancy_board(admin(), query);
  ASSERT_OK(board);
  EXPECT_EQ(board.value().summary.agencies_led_by_acting, 10);
  EXPECT_EQ(board.value().summary.agencies_with_vacant_head, 2);
  EXPECT_EQ(board.value().summary.agencies_total, 36);
}

TEST_P(OrganizationDemoTest, TheVacancyBoardShowsPostsOfEveryAge) {
  PositionQuery query;
  query.page = PageRequest{1, 0, ""};
  auto board = service_->vacancy_board(admin(), query);
  ASSERT_OK(board);
  EXPECT_GE(board.value().summary.vacant, 6);
  int middle_vacancies = 0;
  int alerts = 0;
  int recent = 0;
  for (const PositionView& view : board.value().page.items) {
    if (view.status.state != PositionState::vacant || view.position.is_agency_head) {
      continue;
    }
    EXPECT_TRUE(view.position.level == PositionLevel::administrator ||
                view.position.level == PositionLevel::pengawas)
        << view.position.title;
    EXPECT_TRUE(view.position.title.starts_with("Kepala Bidang") ||
                view.position.title.starts_with("Kepala Sub Bagian"))
        << view.position.title;
    ++middle_vacancies;
    EXPECT_GE(view.status.days_in_state, 5) << view.position.title;
    EXPECT_LE(view.status.days_in_state, 300) << view.position.title;
    (view.alert ? alerts : recent) += 1;
  }
  EXPECT_GE(middle_vacancies, 6);
  EXPECT_LE(middle_vacancies, 10);
  EXPECT_GT(alerts, 0);
  EXPECT_GT(recent, 0);
  EXPECT_GT(board.value().summary.alerts, 0);

  // Two Plh, short: started 5-20 days ago, open-ended or ending in the future.
  int daily_acting = 0;
  for (const AssignmentRow& row : assignment_rows()) {
    if (row.kind != AssignmentKind::daily_acting) {
      continue;
    }
    ++daily_acting;
    EXPECT_TRUE(row.covers(kToday));
    EXPECT_GE(days_between(row.starts_on, kToday), 5);
    EXPECT_LE(days_between(row.starts_on, kToday), 20);
    EXPECT_TRUE(!row.ends_on || *row.ends_on > kToday);
  }
  EXPECT_EQ(daily_acting, 2);
}

TEST_P(OrganizationDemoTest, EveryAssignmentKeepsTheOverlapRules) {
  const std::vector<AssignmentRow> rows = assignment_rows();
  std::map<std::int64_t, std::vector<ExistingAssignment>> by_position;
  std::map<std::int64_t, std::vector<ExistingAssignment>> by_person;
  for (const AssignmentRow& row : rows) {
    ExistingAssignment existing{AssignmentSpan{row.id, row.person_id, row.kind, row.starts_on, row.ends_on},
                                row.position_id, "post " + std::to_string(row.position_id),
                                "person " + std::to_string(row.person_id)};
    by_position[row.position_id].push_back(existing);
    by_person[row.person_id].push_back(existing);
  }
  int history = 0;
  for (const AssignmentRow& row : rows) {
    AssignmentCandidate candidate{row.id,   row.person_id, row.position_id,
                                  row.kind, row.starts_on, row.ends_on};
    const auto errors = check_assignment(candidate, by_position[row.position_id], by_person[row.person_id]);
    for (const FieldError& error : errors) {
      ADD_FAILURE() << "assignment " << row.id << ": " << error.field << ": " << error.message_en;
    }
    EXPECT_GE(row.starts_on, Date{std::chrono::year{2017} / 1 / 1});
    EXPECT_LE(row.starts_on, kToday);
    if (row.kind == AssignmentKind::definitive && row.ends_on) {
      ++history;
    }
  }
  EXPECT_GT(history, 20);  // predecessors, promotions, former heads
}

TEST_P(OrganizationDemoTest, PeopleHaveValidUniqueNipsAndAPoolWithoutPosts) {
  const std::vector<PersonRow> people = person_rows();
  std::set<std::string> nips;
  std::map<std::int64_t, PersonRow> by_id;
  for (const PersonRow& person : people) {
    EXPECT_TRUE(is_valid_nip(person.nip)) << person.nip;
    EXPECT_TRUE(nips.insert(person.nip).second) << person.nip;
    const int birth_year = std::stoi(person.nip.substr(0, 4));
    const int appointment_year = std::stoi(person.nip.substr(8, 4));
    EXPECT_GE(birth_year, 1965) << person.nip;
    EXPECT_LE(birth_year, 1998) << person.nip;
    EXPECT_GE(appointment_year, birth_year + 20) << person.nip;
    EXPECT_FALSE(person.name.empty());
    EXPECT_FALSE(person.rank_grade.empty()) << person.nip;
    if (person.employment_status == "pppk") {
      EXPECT_EQ(person.rank_grade, "Ahli Pertama (IX)");
    }
    by_id[person.id] = person;
  }
  ASSERT_TRUE(nips.contains(std::string(kDemoAgencyHeadNip)));
  ASSERT_TRUE(nips.contains(std::string(kDemoStaffNip)));

  // The demo staff member holds a Dinkes post today.
  PersonListQuery query;
  query.search = std::string(kDemoStaffNip);
  auto found = service_->list_people(admin(), query);
  ASSERT_OK(found);
  ASSERT_EQ(found.value().items.size(), 1U);
  EXPECT_EQ(found.value().items[0].agency_code, "Dinkes");
  ASSERT_EQ(found.value().items[0].current_assignments.size(), 1U);
  EXPECT_EQ(found.value().items[0].current_assignments[0].agency_code, "Dinkes");

  // At least three active people per agency hold no post today (the pool for appointments).
  std::set<std::int64_t> holding;
  for (const AssignmentRow& row : assignment_rows()) {
    if (row.covers(kToday)) {
      holding.insert(row.person_id);
    }
  }
  std::map<std::int64_t, int> pool;
  for (const PersonRow& person : people) {
    if (person.active && !holding.contains(person.id)) {
      ++pool[person.agency_id];
    }
  }
  EXPECT_EQ(pool.size(), 36U);
  for (const auto& [agency, size] : pool) {
    EXPECT_GE(size, 3) << "agency " << agency;
  }
}

TEST_P(OrganizationDemoTest, AYearOfAttendanceWithItsDisciplineCases) {
  const std::vector<RecordRow> records = attendance_rows();
  const std::vector<PersonRow> people = person_rows();
  std::map<std::int64_t, const PersonRow*> person_by_id;
  for (const PersonRow& person : people) {
    person_by_id[person.id] = &person;
  }
  std::set<std::int64_t> holding;
  for (const AssignmentRow& row : assignment_rows()) {
    if (row.covers(kToday)) {
      holding.insert(row.person_id);
    }
  }
  const Date first = Date{std::chrono::year{2025} / 11 / 23};
  std::set<Date> days;
  std::map<std::int64_t, std::vector<AttendanceDay>> by_person;
  std::map<AttendanceStatus, long long> statuses;
  int late = 0;
  for (const RecordRow& record : records) {
    EXPECT_FALSE(is_weekend(record.day)) << format_iso_date(record.day);
    EXPECT_GE(record.day, first);
    EXPECT_LT(record.day, kToday);
    EXPECT_EQ(record.agency_id, person_by_id.at(record.person_id)->agency_id);
    days.insert(record.day);
    by_person[record.person_id].push_back(AttendanceDay{record.day, record.status, record.late_minutes});
    ++statuses[record.status];
    late += record.late_minutes > 0 ? 1 : 0;
    if (record.late_minutes > 0) {
      EXPECT_EQ(record.status, AttendanceStatus::present);
      EXPECT_GE(record.late_minutes, 5);
      EXPECT_LE(record.late_minutes, 90);
    }
  }
  // About 250 working days: a year of weekdays less a dozen holidays.
  EXPECT_GE(days.size(), 235U);
  EXPECT_LE(days.size(), 255U);
  EXPECT_FALSE(days.contains(Date{std::chrono::year{2026} / 8 / 17}));  // Independence Day
  for (const std::int64_t person : holding) {
    EXPECT_EQ(by_person[person].size(), days.size()) << person_by_id.at(person)->nip;
  }
  const auto share = [&](AttendanceStatus status) {
    return 100.0 * static_cast<double>(statuses[status]) / static_cast<double>(records.size());
  };
  EXPECT_GT(share(AttendanceStatus::present), 88.0);
  EXPECT_NEAR(share(AttendanceStatus::leave), 3.0, 1.5);
  EXPECT_NEAR(share(AttendanceStatus::sick), 1.5, 1.0);
  EXPECT_NEAR(share(AttendanceStatus::official_travel), 2.0, 1.0);
  EXPECT_NEAR(share(AttendanceStatus::unexcused), 0.6, 0.5);
  EXPECT_GT(late, 0);

  const DisciplineScale& scale = DisciplineScale::pp94();
  bool dismissal_by_run = false;
  bool dismissal_by_total = false;
  int four_to_eight = 0;
  int eleven_to_sixteen = 0;
  std::optional<DisciplineSummary> demo_staff;
  for (const auto& [person, person_days] : by_person) {
    const DisciplineSummary summary = summarize_discipline(person_days, 2026, scale);
    if (summary.reason == SanctionReason::consecutive_days) {
      dismissal_by_run = true;
      EXPECT_EQ(summary.level, &scale.dismissal());
      EXPECT_GE(summary.longest_unexcused_run, 10);
    }
    if (summary.reason == SanctionReason::cumulative_days && summary.unexcused >= 28) {
      dismissal_by_total = true;
      EXPECT_EQ(summary.level, &scale.dismissal());
    }
    four_to_eight += summary.unexcused >= 4 && summary.unexcused <= 8 ? 1 : 0;
    eleven_to_sixteen += summary.unexcused >= 11 && summary.unexcused <= 16 ? 1 : 0;
    if (person_by_id.at(person)->nip == kDemoStaffNip) {
      demo_staff = summary;
    }
  }
  EXPECT_TRUE(dismissal_by_run);
  EXPECT_TRUE(dismissal_by_total);
  EXPECT_GE(four_to_eight, 3);
  EXPECT_GE(eleven_to_sixteen, 2);
  ASSERT_TRUE(demo_staff.has_value());
  EXPECT_EQ(demo_staff->unexcused, 3);
  ASSERT_NE(demo_staff->level, nullptr);
  EXPECT_EQ(demo_staff->level->sanction, "Teguran lisan");
  EXPECT_EQ(demo_staff->reason, SanctionReason::cumulative_days);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrganizationDemoTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

// The same seed and day give the same province, row for row.
TEST(OrganizationDemoDeterminism, TwoLoadsOfTheSameDayAreIdentical) {
  ManualClock clock(demo_time());
  auto first = load_demo(db::Backend::sqlite, clock);
  ASSERT_OK(first);
  auto second = load_demo(db::Backend::sqlite, clock);
  ASSERT_OK(second);
  const auto snapshot = [](db::Database& database) {
    auto rows = database.with_read_transaction([](soci::session& session)
                                                   -> Result<std::vector<std::string>> {
      std::vector<std::string> result;
      std::string text;
      soci::statement people =
          (session.prepare << "SELECT nip || ' ' || name || ' ' || rank_grade FROM people "
                              "ORDER BY id",
           soci::into(text));
      people.execute();
      while (people.fetch()) {
        result.push_back(text);
      }
      soci::statement assignments =
          (session.prepare << "SELECT kind || ' ' || starts_on || ' ' || COALESCE(ends_on, '-') || ' ' || "
                              "decree_number FROM assignments ORDER BY id",
           soci::into(text));
      assignments.execute();
      while (assignments.fetch()) {
        result.push_back(text);
      }
      long long unexcused = 0;
      session << "SELECT COUNT(*) FROM attendance_records WHERE status = 'unexcused'", soci::into(unexcused);
      result.push_back(std::to_string(unexcused));
      return result;
    });
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? rows.value() : std::vector<std::string>{};
  };
  const auto first_rows = snapshot(*first.value()->database);
  EXPECT_GT(first_rows.size(), 1000U);
  EXPECT_EQ(first_rows, snapshot(*second.value()->database));
}

TEST(OrganizationDemoPreconditions, NeedsTheIdentityDemoRegion) {
  ManualClock clock(demo_time());
  auto test_database = db::TestDatabase::create(db::Backend::sqlite);
  ASSERT_OK(test_database);
  auto database = db::Database::open(test_database.value().url());
  ASSERT_OK(database);
  auto migrations = db::bundled_migrations();
  ASSERT_OK(migrations);
  ASSERT_OK(db::migrate(*database.value(), migrations.value()));
  auto loaded = load_organization_demo(*database.value(), clock, kToday);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code(), ErrorCode::NotFound);
  auto too_early = load_organization_demo(*database.value(), clock, Date{std::chrono::year{2020} / 6 / 1});
  ASSERT_FALSE(too_early.ok());
  EXPECT_EQ(too_early.error().code(), ErrorCode::InvalidInput);
}

// Other days of the year (early January, before the holiday table, years later): the same
// scenario relative to the day, within the rules.
class OrganizationDemoOtherDaysTest : public ::testing::TestWithParam<std::string> {};

TEST_P(OrganizationDemoOtherDaysTest, KeepsTheScenarioAndTheRules) {
  const Date today = parse_iso_date(GetParam()).value();
  ManualClock clock(demo_time(today));
  auto loaded = load_demo(db::Backend::sqlite, clock, today);
  ASSERT_OK(loaded);
  auto repository = make_sql_organization_repository(*loaded.value()->database, clock);
  OrganizationService service(*repository, clock);
  ASSERT_EQ(service.today(), today);
  auth::Principal admin;
  admin.kind = auth::Principal::Kind::user;
  admin.user_id = 1;
  admin.region_id = loaded.value()->region_id;
  admin.roles.push_back(auth::RoleGrant{auth::Role::admin, std::nullopt, {}, {}, std::nullopt});

  PositionQuery query;
  query.page = PageRequest{1, 0, ""};
  auto board = service.vacancy_board(admin, query);
  ASSERT_OK(board);
  EXPECT_EQ(board.value().summary.agencies_led_by_acting, 10);
  EXPECT_EQ(board.value().summary.agencies_with_vacant_head, 2);
  EXPECT_GE(board.value().summary.vacant, 6);

  struct Row {
    AssignmentSpan span;
    std::int64_t position_id = 0;
  };
  auto rows = loaded.value()->database->with_read_transaction([](soci::session& session)
                                                                  -> Result<std::vector<Row>> {
    std::vector<Row> result;
    long long id = 0;
    long long person = 0;
    long long position = 0;
    std::string kind;
    std::string starts;
    std::string ends;
    soci::indicator ends_indicator = soci::i_null;
    soci::statement statement =
        (session.prepare << "SELECT id, person_id, position_id, kind, starts_on, ends_on FROM assignments",
         soci::into(id), soci::into(person), soci::into(position), soci::into(kind), soci::into(starts),
         soci::into(ends, ends_indicator));
    statement.execute();
    while (statement.fetch()) {
      std::optional<Date> ends_on;
      if (ends_indicator == soci::i_ok) {
        ends_on = parse_iso_date(ends).value();
      }
      result.push_back(Row{AssignmentSpan{id, person, parse_assignment_kind(kind).value(),
                                          parse_iso_date(starts).value(), ends_on},
                           position});
    }
    return result;
  });
  ASSERT_OK(rows);
  std::map<std::int64_t, std::vector<ExistingAssignment>> by_position;
  std::map<std::int64_t, std::vector<ExistingAssignment>> by_person;
  for (const Row& row : rows.value()) {
    by_position[row.position_id].push_back(ExistingAssignment{row.span, row.position_id, "post", "person"});
    by_person[row.span.person_id].push_back(ExistingAssignment{row.span, row.position_id, "post", "person"});
  }
  for (const Row& row : rows.value()) {
    EXPECT_LE(row.span.starts_on, today);
    AssignmentCandidate candidate{row.span.id,   row.span.person_id, row.position_id,
                                  row.span.kind, row.span.starts_on, row.span.ends_on};
    for (const FieldError& error :
         check_assignment(candidate, by_position[row.position_id], by_person[row.span.person_id])) {
      ADD_FAILURE() << "assignment " << row.span.id << ": " << error.field << ": " << error.message_en;
    }
  }

  // The demo staff member's three unexcused days fall in the 12 months before today.
  auto unexcused =
      loaded.value()->database->with_read_transaction([&](soci::session& session) -> Result<long long> {
        long long days = 0;
        const std::string nip(kDemoStaffNip);
        session << "SELECT COUNT(*) FROM attendance_records r JOIN people p ON p.id = r.person_id "
                   "WHERE p.nip = :nip AND r.status = 'unexcused'",
            soci::into(days), soci::use(nip);
        return days;
      });
  ASSERT_OK(unexcused);
  EXPECT_EQ(unexcused.value(), 3);
}

std::string date_test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string text = info.param;
  std::erase(text, '-');
  return "on" + text;
}

INSTANTIATE_TEST_SUITE_P(Days, OrganizationDemoOtherDaysTest,
                         ::testing::Values("2026-01-06", "2025-02-03", "2029-07-15"), date_test_name);

}  // namespace
}  // namespace sinergi::organization
