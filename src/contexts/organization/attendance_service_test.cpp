// Attendance reading over real storage: every case runs unchanged on SQLite and PostgreSQL
// (db::test_backends()). The seed is plain SQL; the expectations are worked out by hand
// from it (see the comments at each person and agency).
#include "contexts/organization/attendance_service.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "contexts/organization/attendance_routes.h"
#include "core/clock.h"
#include "platform/auth/secured_router.h"
#include "platform/db/bulk_insert.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"
#include "platform/http/request.h"
#include "platform/http/router.h"

namespace sinergi::organization {
namespace {

using auth::Role;
using std::chrono::hours;

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

constexpr std::string_view kVerbalWarning = "Teguran lisan";
constexpr std::string_view kTppCutSixMonths = "Pemotongan TPP 25% selama 6 bulan";
constexpr std::string_view kDismissal =
    "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS";

// Region 1 (province 64): agencies and people.
constexpr std::int64_t kRegion = 1;
constexpr std::int64_t kOtherRegion = 2;
constexpr std::int64_t kBigRegion = 3;
constexpr std::int64_t kDinkes = 10;  // asisten_3
constexpr std::int64_t kPupr = 11;    // asisten_2
// Bappeda (12, asisten_1) and Lama (13, inactive) have no records.
constexpr std::int64_t kDishub = 14;  // asisten_2
constexpr std::int64_t kOtherDinkes = 20;
constexpr std::int64_t kBigAgency = 30;

constexpr std::int64_t kAni = 100;       // Dinkes: 12 scattered unexcused days
constexpr std::int64_t kBudi = 101;      // Dinkes: 10 consecutive working days unexcused
constexpr std::int64_t kCitra = 102;     // PUPR: 40 records, 3 unexcused
constexpr std::int64_t kDedi = 104;      // Dinkes: 3 unexcused, two of them Fri + Mon
constexpr std::int64_t kEko = 105;       // PUPR now; records kept under Dinkes
constexpr std::int64_t kFajar = 106;     // Dishub: a rising half year
constexpr std::int64_t kStranger = 200;  // region 2

constexpr std::string_view kAniNip = "198503152010012001";
constexpr std::int64_t kAniUser = 51;

Date day(std::string_view text) {
  const std::optional<Date> parsed = parse_iso_date(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(Date{});
}

auth::Principal principal(Role role, std::int64_t user_id,
                          std::optional<std::int64_t> agency_id = std::nullopt,
                          std::optional<std::string> cluster = std::nullopt, std::int64_t region = kRegion) {
  auth::Principal result;
  result.kind = auth::Principal::Kind::user;
  result.user_id = user_id;
  result.name = std::string(auth::role_name(role));
  result.region_id = region;
  result.roles.push_back(auth::RoleGrant{role, agency_id, {}, {}, std::move(cluster)});
  return result;
}

struct Record {
  std::int64_t person;
  std::int64_t agency;
  Date day;
  AttendanceStatus status;
  int late_minutes = 0;
};

class AttendanceServiceTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  // 2026-11-23 09:00 WITA.
  AttendanceServiceTest() : clock_(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + hours(1)) {}

  void SetUp() override {
    auto test_database = db::TestDatabase::create(GetParam());
    ASSERT_OK(test_database);
    test_database_.emplace(std::move(test_database).value());
    auto database = db::Database::open(test_database_->url());
    ASSERT_OK(database);
    database_ = std::move(database).value();
    auto migrations = db::bundled_migrations();
    ASSERT_OK(migrations);
    ASSERT_OK(db::migrate(*database_, migrations.value()));
    seed();
    repository_ = make_sql_attendance_repository(*database_);
    service_ = std::make_unique<AttendanceService>(
        *repository_, clock_, OrganizationOptions{},
        [this](std::int64_t user_id) -> Result<std::optional<std::string>> {
          ++nip_lookups_;
          auto found = account_nips_.find(user_id);
          return found == account_nips_.end() ? std::nullopt : std::optional<std::string>(found->second);
        });
  }

  void sql(const std::vector<std::string>& statements) {
    ASSERT_OK(database_->with_transaction([&](soci::session& session) -> Result<void> {
      for (const std::string& statement : statements) {
        session << statement;
      }
      return success();
    }));
  }

  void insert_records(const std::vector<Record>& records, std::int64_t region = kRegion) {
    std::vector<db::BulkRow> rows;
    for (const Record& record : records) {
      rows.push_back(db::BulkRow{std::to_string(region), std::to_string(record.person),
                                 std::to_string(record.agency), format_iso_date(record.day),
                                 std::string(name(record.status)), std::to_string(record.late_minutes)});
    }
    ASSERT_OK(database_->with_transaction([&](soci::session& session) -> Result<std::size_t> {
      return db::bulk_insert(session, database_->backend(), "attendance_records",
                             {"region_id", "person_id", "agency_id", "day", "status", "late_minutes"}, rows);
    }));
  }

  // Weekdays from `from`, `count` of them.
  static std::vector<Date> weekdays(Date from, int count) {
    std::vector<Date> days;
    for (Date current = from; static_cast<int>(days.size()) < count; current += std::chrono::days{1}) {
      if (!is_weekend(current)) {
        days.push_back(current);
      }
    }
    return days;
  }

  void seed() {
    const std::string regions = "INSERT INTO regions (id, code, name, level, parent_id) VALUES ";
    const std::string agencies =
        "INSERT INTO agencies (id, region_id, code, short_name, name, kind, cluster, active) VALUES ";
    const std::string people =
        "INSERT INTO people (id, region_id, nip, name, rank_grade, employment_status, agency_id) VALUES ";
    const std::string positions =
        "INSERT INTO positions (id, region_id, agency_id, unit_id, code, title, level, established_on) "
        "VALUES ";
    const std::string assignments =
        "INSERT INTO assignments (id, region_id, person_id, position_id, kind, starts_on, ends_on) VALUES ";
    sql({
        regions + "(1, '64', 'Kalimantan Timur', 'province', NULL)",
        regions + "(2, '64.71', 'Balikpapan', 'city', 1)",
        regions + "(3, '63', 'Kalimantan Selatan', 'province', NULL)",
        agencies + "(10, 1, 'Dinkes', 'Dinkes', 'Dinas Kesehatan', 'dinas', 'asisten_3', 1)",
        agencies +
            "(11, 1, 'PUPR', 'PUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'dinas', 'asisten_2', 1)",
        agencies +
            "(12, 1, 'Bappeda', 'Bappeda', 'Badan Perencanaan Pembangunan Daerah', 'badan', 'asisten_1', 1)",
        agencies + "(13, 1, 'Lama', 'Lama', 'Dinas Lama', 'dinas', NULL, 0)",
        agencies + "(14, 1, 'Dishub', 'Dishub', 'Dinas Perhubungan', 'dinas', 'asisten_2', 1)",
        agencies + "(20, 2, 'Dinkes', 'Dinkes', 'Dinas Kesehatan Kota', 'dinas', 'asisten_3', 1)",
        agencies + "(30, 3, 'Dinkes', 'Dinkes', 'Dinas Kesehatan', 'dinas', NULL, 1)",
        people + "(100, 1, '198503152010012001', 'Ani Rahmawati', 'Penata (III/c)', 'pns', 10)",
        people + "(101, 1, '198001012005011002', 'Budi Santoso', 'Penata Muda (III/a)', 'pns', 10)",
        people + "(102, 1, '199002022015032003', 'Citra Lestari', '', 'pns', 11)",
        people + "(104, 1, '198804042012041004', 'Dedi Kurniawan', '', 'pppk', 10)",
        people + "(105, 1, '199105052019051005', 'Eko Prasetyo', '', 'pns', 11)",
        people + "(106, 1, '198706062011061006', 'Fajar Nugroho', '', 'pns', 14)",
        people + "(107, 1, '199207072020072007', 'Gita Permata', '', 'pns', 12)",  // Bappeda: no records
        people + "(200, 2, '198503152010012001', 'Ani Kota', '', 'pns', 20)",
        positions + "(300, 1, 10, NULL, 'ANKES', 'Analis Kesehatan', 'pelaksana', '2016-12-01')",
        positions + "(301, 1, 10, NULL, 'KASI', 'Kepala Seksi Surveilans', 'pengawas', '2016-12-01')",
        assignments + "(400, 1, 100, 300, 'definitive', '2025-01-02', NULL)",
        assignments + "(401, 1, 100, 301, 'acting', '2026-01-05', '2026-03-31')",
    });

    std::vector<Record> records;
    // Ani: 12 weeks from Monday 2026-01-05, absent without leave every Monday and present
    // Tuesday to Friday (15 minutes late on Tuesdays): 60 records, 12 unexcused, runs of 1,
    // 180 late minutes. Plus one unexcused day in 2025, which 2026 ignores.
    for (const Date& date : weekdays(day("2026-01-05"), 60)) {
      const auto weekday = std::chrono::weekday(date);
      records.push_back(
          Record{kAni, kDinkes, date,
                 weekday == std::chrono::Monday ? AttendanceStatus::unexcused : AttendanceStatus::present,
                 weekday == std::chrono::Tuesday ? 15 : 0});
    }
    records.push_back(Record{kAni, kDinkes, day("2025-12-29"), AttendanceStatus::unexcused});
    // Budi: present 2026-02-23..27, unexcused Monday 2026-03-02 to Friday 2026-03-13 (ten
    // working days, no records on the weekend), present 2026-03-16..20: 20 records.
    for (const Date& date : weekdays(day("2026-02-23"), 20)) {
      const bool absent = date >= day("2026-03-02") && date <= day("2026-03-13");
      records.push_back(
          Record{kBudi, kDinkes, date, absent ? AttendanceStatus::unexcused : AttendanceStatus::present});
    }
    // Dedi: 6 records, unexcused Mon 5, Fri 9 and Mon 12 January (9 and 12 one run of 2).
    records.push_back(Record{kDedi, kDinkes, day("2026-01-05"), AttendanceStatus::unexcused});
    records.push_back(Record{kDedi, kDinkes, day("2026-01-06"), AttendanceStatus::sick});
    records.push_back(Record{kDedi, kDinkes, day("2026-01-07"), AttendanceStatus::leave});
    records.push_back(Record{kDedi, kDinkes, day("2026-01-08"), AttendanceStatus::official_travel});
    records.push_back(Record{kDedi, kDinkes, day("2026-01-09"), AttendanceStatus::unexcused});
    records.push_back(Record{kDedi, kDinkes, day("2026-01-12"), AttendanceStatus::unexcused});
    // Eko: 5 present days in January under Dinkes, where he worked then; PUPR employs him now.
    for (const Date& date : weekdays(day("2026-01-05"), 5)) {
      records.push_back(Record{kEko, kDinkes, date, AttendanceStatus::present});
    }
    // Citra (PUPR): 20 weekdays in January (1 unexcused) and 20 in February (2): 40 records,
    // 3 unexcused: 7.50 %; January 5.00 %, February 10.00 %.
    const std::vector<Date> january = weekdays(day("2026-01-01"), 20);
    const std::vector<Date> february = weekdays(day("2026-02-02"), 20);
    for (std::size_t index = 0; index < 20; ++index) {
      records.push_back(Record{kCitra, kPupr, january[index],
                               index == 3 ? AttendanceStatus::unexcused : AttendanceStatus::present});
      records.push_back(
          Record{kCitra, kPupr, february[index],
                 index == 4 || index == 9 ? AttendanceStatus::unexcused : AttendanceStatus::present});
    }
    // Fajar (Dishub): 10 records in each month January..June; none unexcused in the first
    // quarter, one each in April, May and June: 0 % then 10 %: rising. 60 records, 3: 5.00 %.
    for (int month = 1; month <= 6; ++month) {
      const std::vector<Date> days = weekdays(*make_date(2026, month, 1), 10);
      for (std::size_t index = 0; index < days.size(); ++index) {
        records.push_back(
            Record{kFajar, kDishub, days[index],
                   month >= 4 && index == 5 ? AttendanceStatus::unexcused : AttendanceStatus::present});
      }
    }
    insert_records(records);
    // The same NIP in region 2, absent for a month: never part of region 1's answers.
    std::vector<Record> stranger;
    for (const Date& date : weekdays(day("2026-01-05"), 20)) {
      stranger.push_back(Record{kStranger, kOtherDinkes, date, AttendanceStatus::unexcused});
    }
    insert_records(stranger, kOtherRegion);

    account_nips_[kAniUser] = std::string(kAniNip);
    account_nips_[60] = "196001011985031001";  // the governor's own NIP, no person of the registry
  }

  std::vector<std::string> names_of(const Page<DisciplineEntry>& page) {
    std::vector<std::string> names;
    for (const DisciplineEntry& entry : page.items) {
      names.push_back(entry.person.person.name);
    }
    return names;
  }

  Result<Page<DisciplineEntry>> discipline(const auth::Principal& caller, DisciplineQuery query = {}) {
    if (query.year == 0) {
      query.year = 2026;
    }
    return service_->discipline_list(caller, query);
  }

  const AgencyAbsence* item_of(const AbsenceRates& rates, std::string_view code) {
    for (const AgencyAbsence& item : rates.items) {
      if (item.agency.code == code) {
        return &item;
      }
    }
    return nullptr;
  }

  std::vector<std::string> codes_of(const AbsenceRates& rates) {
    std::vector<std::string> codes;
    for (const AgencyAbsence& item : rates.items) {
      codes.push_back(item.agency.code);
    }
    return codes;
  }

  ManualClock clock_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  std::unique_ptr<AttendanceRepository> repository_;
  std::unique_ptr<AttendanceService> service_;
  std::map<std::int64_t, std::string> account_nips_;
  int nip_lookups_ = 0;

  const auth::Principal admin_ = principal(Role::admin, 1);
  const auth::Principal auditor_ = principal(Role::auditor, 2);
  const auth::Principal governor_ = principal(Role::governor, 60);
  const auth::Principal finance_ = principal(Role::finance, 61);
  const auth::Principal dinkes_head_ = principal(Role::agency_head, 40, kDinkes);
  const auth::Principal pupr_head_ = principal(Role::agency_head, 41, kPupr);
  const auth::Principal dinkes_staff_ = principal(Role::agency_staff, 50, kDinkes);
  const auth::Principal ani_ = principal(Role::agency_staff, kAniUser, kDinkes);
  const auth::Principal assistant_2_ = principal(Role::assistant, 70, std::nullopt, "asisten_2");
  const auth::Principal assistant_3_ = principal(Role::assistant, 71, std::nullopt, "asisten_3");
};

// --- One person ---

TEST_P(AttendanceServiceTest, TwelveScatteredUnexcusedDaysCutTheAllowanceForSixMonths) {
  auto attendance = service_->person_attendance(admin_, PersonId(kAni), 2026);
  ASSERT_OK(attendance);
  const DisciplineSummary& summary = attendance->summary;
  EXPECT_EQ(summary.year, 2026);
  EXPECT_EQ(summary.unexcused, 12);
  EXPECT_EQ(summary.present, 48);
  EXPECT_EQ(summary.late_minutes, 180);
  EXPECT_EQ(summary.longest_unexcused_run, 1);
  EXPECT_EQ(summary.longest_run_starts_on, day("2026-01-05"));
  ASSERT_NE(summary.level, nullptr);
  EXPECT_EQ(summary.level->sanction, kTppCutSixMonths);
  EXPECT_EQ(summary.level->rank, 4);
  EXPECT_EQ(summary.level->min_days, 11);
  EXPECT_EQ(summary.level->max_days, 13);
  EXPECT_EQ(summary.reason, SanctionReason::cumulative_days);

  // The records of the year only, by day.
  ASSERT_EQ(attendance->records.size(), 60U);
  EXPECT_EQ(attendance->records.front().day, day("2026-01-05"));
  EXPECT_EQ(attendance->records.front().status, AttendanceStatus::unexcused);
  EXPECT_EQ(attendance->records[1].late_minutes, 15);
  EXPECT_TRUE(std::is_sorted(attendance->records.begin(), attendance->records.end(),
                             [](const AttendanceDay& a, const AttendanceDay& b) { return a.day < b.day; }));

  // The person with the posts held today (2026-11-23): the acting post ended in March.
  EXPECT_EQ(attendance->person.person.nip, kAniNip);
  EXPECT_EQ(attendance->person.agency_code, "Dinkes");
  EXPECT_EQ(attendance->person.agency_name, "Dinas Kesehatan");
  ASSERT_EQ(attendance->person.current_assignments.size(), 1U);
  EXPECT_EQ(attendance->person.current_assignments[0].assignment.id, AssignmentId(400));
  EXPECT_EQ(attendance->person.current_assignments[0].position_title, "Analis Kesehatan");
  EXPECT_EQ(attendance->person.current_assignments[0].agency_code, "Dinkes");

  // 2025 holds the one day of December.
  auto last_year = service_->person_attendance(admin_, PersonId(kAni), 2025);
  ASSERT_OK(last_year);
  EXPECT_EQ(last_year->records.size(), 1U);
  EXPECT_EQ(last_year->summary.unexcused, 1);
  EXPECT_EQ(last_year->summary.level, nullptr);
  EXPECT_FALSE(last_year->summary.reason);
}

TEST_P(AttendanceServiceTest, TenConsecutiveWorkingDaysAreDismissalWhateverTheTotal) {
  auto attendance = service_->person_attendance(admin_, PersonId(kBudi), 2026);
  ASSERT_OK(attendance);
  const DisciplineSummary& summary = attendance->summary;
  EXPECT_EQ(summary.unexcused, 10);  // 7..10 days alone would be a written statement
  EXPECT_EQ(summary.present, 10);
  EXPECT_EQ(summary.longest_unexcused_run, 10);
  EXPECT_EQ(summary.longest_run_starts_on, day("2026-03-02"));
  ASSERT_NE(summary.level, nullptr);
  EXPECT_EQ(summary.level->sanction, kDismissal);
  EXPECT_EQ(summary.level->rank, 9);
  EXPECT_FALSE(summary.level->max_days);
  EXPECT_EQ(summary.reason, SanctionReason::consecutive_days);
}

TEST_P(AttendanceServiceTest, AWeekendDoesNotBreakARunButOtherRecordsDo) {
  auto attendance = service_->person_attendance(admin_, PersonId(kDedi), 2026);
  ASSERT_OK(attendance);
  const DisciplineSummary& summary = attendance->summary;
  EXPECT_EQ(summary.unexcused, 3);
  EXPECT_EQ(summary.sick, 1);
  EXPECT_EQ(summary.leave, 1);
  EXPECT_EQ(summary.official_travel, 1);
  EXPECT_EQ(summary.longest_unexcused_run, 2);
  EXPECT_EQ(summary.longest_run_starts_on, day("2026-01-09"));
  ASSERT_NE(summary.level, nullptr);
  EXPECT_EQ(summary.level->sanction, kVerbalWarning);
}

TEST_P(AttendanceServiceTest, WhoMayReadAPersonsRecords) {
  auto code_of = [&](const auth::Principal& caller, std::int64_t person) {
    auto attendance = service_->person_attendance(caller, PersonId(person), 2026);
    return attendance.ok() ? std::string("ok") : std::string(attendance.error().name());
  };
  // The personnel office, the Inspektorat, the own agency's head.
  EXPECT_EQ(code_of(admin_, kAni), "ok");
  EXPECT_EQ(code_of(auditor_, kAni), "ok");
  EXPECT_EQ(code_of(dinkes_head_, kAni), "ok");
  // The person herself: her account's NIP is hers.
  EXPECT_EQ(code_of(ani_, kAni), "ok");
  // Not a colleague, not another agency's head, not the governor.
  EXPECT_EQ(code_of(dinkes_staff_, kAni), "forbidden");
  EXPECT_EQ(code_of(pupr_head_, kAni), "forbidden");
  EXPECT_EQ(code_of(governor_, kAni), "forbidden");
  EXPECT_EQ(code_of(ani_, kBudi), "forbidden");
  EXPECT_EQ(code_of(assistant_3_, kAni), "forbidden");
  // The own agency's head sees whom the agency employs now (Eko moved to PUPR).
  EXPECT_EQ(code_of(pupr_head_, kEko), "ok");
  EXPECT_EQ(code_of(dinkes_head_, kEko), "forbidden");
  // Unknown, and another region's person (the same NIP as Ani): not found.
  EXPECT_EQ(code_of(admin_, 999), "not_found");
  EXPECT_EQ(code_of(admin_, kStranger), "not_found");
  EXPECT_EQ(code_of(ani_, kStranger), "not_found");
  // An API token has no account NIP.
  auth::Principal token = principal(Role::agency_staff, 0, kDinkes);
  token.kind = auth::Principal::Kind::api_token;
  token.user_id.reset();
  EXPECT_EQ(code_of(token, kAni), "forbidden");
  // The NIP is asked only when the roles alone do not decide.
  const int lookups = nip_lookups_;
  EXPECT_EQ(code_of(admin_, kAni), "ok");
  EXPECT_EQ(code_of(dinkes_head_, kBudi), "ok");
  EXPECT_EQ(nip_lookups_, lookups);
}

TEST_P(AttendanceServiceTest, YearsOutsideTheRangeNameTheYear) {
  for (int year : {1999, 2101}) {
    auto attendance = service_->person_attendance(admin_, PersonId(kAni), year);
    ASSERT_FALSE(attendance.ok());
    EXPECT_EQ(attendance.error().code(), ErrorCode::InvalidInput);
    ASSERT_EQ(attendance.error().fields().size(), 1U);
    EXPECT_EQ(attendance.error().fields()[0].field, "year");
  }
  DisciplineQuery query;
  query.year = 1999;
  auto list = service_->discipline_list(admin_, query);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code(), ErrorCode::InvalidInput);
  auto rates = service_->absence_rates(admin_, 2101, std::nullopt, std::nullopt);
  ASSERT_FALSE(rates.ok());
  EXPECT_EQ(rates.error().code(), ErrorCode::InvalidInput);
}

TEST_P(AttendanceServiceTest, TheCurrentYearIsTheRegionsCalendarYear) {
  EXPECT_EQ(service_->current_year(), 2026);
  // 2026-12-31 17:00 UTC is already 2027-01-01 01:00 in Samarinda (WITA).
  clock_.set(std::chrono::sys_days(std::chrono::year(2026) / 12 / 31) + hours(17));
  EXPECT_EQ(service_->today(), day("2027-01-01"));
  EXPECT_EQ(service_->current_year(), 2027);
}

// --- The discipline list ---

TEST_P(AttendanceServiceTest, DisciplineListSortsByUnexcusedDaysMostFirst) {
  auto page = discipline(admin_);
  ASSERT_OK(page);
  EXPECT_EQ(page->total, 6);
  EXPECT_EQ(names_of(*page), (std::vector<std::string>{"Ani Rahmawati", "Budi Santoso", "Citra Lestari",
                                                       "Dedi Kurniawan", "Fajar Nugroho", "Eko Prasetyo"}));
  EXPECT_EQ(page->items[0].summary.level->sanction, kTppCutSixMonths);
  EXPECT_EQ(page->items[1].summary.level->sanction, kDismissal);
  EXPECT_EQ(page->items[1].summary.reason, SanctionReason::consecutive_days);
  EXPECT_EQ(page->items[0].person.agency_code, "Dinkes");
  // Eko's January under Dinkes is his record wherever he works now.
  EXPECT_EQ(page->items[5].summary.present, 5);
  EXPECT_EQ(page->items[5].person.agency_code, "PUPR");

  DisciplineQuery query;
  query.page.sort = "-unexcused";
  EXPECT_EQ(names_of(discipline(admin_, query).value()),
            (std::vector<std::string>{"Eko Prasetyo", "Fajar Nugroho", "Dedi Kurniawan", "Citra Lestari",
                                      "Budi Santoso", "Ani Rahmawati"}));
  query.page.sort = "run";
  EXPECT_EQ(names_of(discipline(admin_, query).value()),
            (std::vector<std::string>{"Budi Santoso", "Dedi Kurniawan", "Ani Rahmawati", "Citra Lestari",
                                      "Fajar Nugroho", "Eko Prasetyo"}));
  query.page.sort = "name";
  EXPECT_EQ(names_of(discipline(admin_, query).value()),
            (std::vector<std::string>{"Ani Rahmawati", "Budi Santoso", "Citra Lestari", "Dedi Kurniawan",
                                      "Eko Prasetyo", "Fajar Nugroho"}));
  query.page.sort = "-name";
  EXPECT_EQ(names_of(discipline(admin_, query).value()).front(), "Fajar Nugroho");
}

TEST_P(AttendanceServiceTest, DisciplineListFiltersAndPages) {
  DisciplineQuery query;
  query.level_only = true;
  auto with_level = discipline(admin_, query);
  ASSERT_OK(with_level);
  EXPECT_EQ(with_level->total, 5);  // Eko reached no level

  query = {};
  query.search = "BUDI";
  EXPECT_EQ(names_of(discipline(admin_, query).value()), (std::vector<std::string>{"Budi Santoso"}));
  query.search = "2015032003";  // part of Citra's NIP
  EXPECT_EQ(names_of(discipline(admin_, query).value()), (std::vector<std::string>{"Citra Lestari"}));
  query.search = "%";  // taken literally
  EXPECT_EQ(discipline(admin_, query)->total, 0);

  query = {};
  query.agency_code = "PUPR";
  EXPECT_EQ(names_of(discipline(admin_, query).value()),
            (std::vector<std::string>{"Citra Lestari", "Eko Prasetyo"}));
  query.agency_code = "Nope";
  EXPECT_EQ(discipline(admin_, query).error().code(), ErrorCode::NotFound);

  query = {};
  query.page.page = 2;
  query.page.page_size = 2;
  auto second = discipline(admin_, query);
  ASSERT_OK(second);
  EXPECT_EQ(second->total, 6);
  EXPECT_EQ(second->page, 2);
  EXPECT_EQ(names_of(*second), (std::vector<std::string>{"Citra Lestari", "Dedi Kurniawan"}));
  query.page.page = 9;
  EXPECT_TRUE(discipline(admin_, query)->items.empty());

  query = {};
  query.year = 2025;
  auto last_year = discipline(admin_, query);
  ASSERT_OK(last_year);
  EXPECT_EQ(names_of(*last_year), (std::vector<std::string>{"Ani Rahmawati"}));
  query.year = 2024;
  EXPECT_EQ(discipline(admin_, query)->total, 0);
}

TEST_P(AttendanceServiceTest, DisciplineListReach) {
  // The auditor: the region; an agency head: the people the agency employs.
  EXPECT_EQ(discipline(auditor_)->total, 6);
  EXPECT_EQ(names_of(discipline(dinkes_head_).value()),
            (std::vector<std::string>{"Ani Rahmawati", "Budi Santoso", "Dedi Kurniawan"}));
  EXPECT_EQ(names_of(discipline(pupr_head_).value()),
            (std::vector<std::string>{"Citra Lestari", "Eko Prasetyo"}));
  DisciplineQuery query;
  query.agency_code = "PUPR";
  EXPECT_EQ(discipline(dinkes_head_, query).error().code(), ErrorCode::NotFound);
  query.agency_code = "Dinkes";
  EXPECT_EQ(discipline(dinkes_head_, query)->total, 3);
  // Everyone else reads only their own records, through person_attendance.
  for (const auth::Principal* caller : {&governor_, &dinkes_staff_, &ani_, &assistant_2_, &finance_}) {
    SCOPED_TRACE(caller->name);
    EXPECT_EQ(discipline(*caller).error().code(), ErrorCode::Forbidden);
  }
  // Another region's administrator sees none of region 1.
  EXPECT_EQ(discipline(principal(Role::admin, 3, std::nullopt, std::nullopt, kOtherRegion))->total, 1);
}

// Many people and days, so the scan crosses batch boundaries (1000 rows) in the middle of
// people: every summary must equal the one computed from the same records directly.
TEST_P(AttendanceServiceTest, TheDisciplineScanStreamsInBatchesWithoutMixingPeople) {
  constexpr int kPeople = 37;
  std::vector<std::string> statements;
  std::map<std::int64_t, std::vector<AttendanceDay>> expected_days;
  std::vector<Record> records;
  const std::vector<Date> days = weekdays(day("2026-01-01"), 173);
  for (int index = 0; index < kPeople; ++index) {
    const std::int64_t id = 1000 + index;
    statements.push_back(
        "INSERT INTO people (id, region_id, nip, name, employment_status, agency_id) VALUES (" +
        std::to_string(id) + ", 3, '19800101200501" + std::to_string(1000 + index) + "', 'Pegawai " +
        std::to_string(1000 + index) + "', 'pns', 30)");
    // Person i is absent on every day whose position is a multiple of (i % 7 + 3), and
    // for i % 5 == 0 also ten working days in a row from the 100th.
    for (std::size_t position = 0; position < days.size() - static_cast<std::size_t>(index % 4); ++position) {
      const bool run = index % 5 == 0 && position >= 100 && position < 110;
      const bool absent = run || position % static_cast<std::size_t>(index % 7 + 3) == 0;
      const AttendanceStatus status = absent ? AttendanceStatus::unexcused : AttendanceStatus::present;
      const int late = position % 11 == 0 ? index : 0;
      records.push_back(Record{id, kBigAgency, days[position], status, late});
      expected_days[id].push_back(AttendanceDay{days[position], status, late});
    }
  }
  sql(statements);
  insert_records(records, kBigRegion);
  ASSERT_GT(records.size(), 6000U);

  DisciplineQuery query;
  query.year = 2026;
  query.page.page_size = 0;
  query.page.sort = "name";
  auto page =
      service_->discipline_list(principal(Role::admin, 3, std::nullopt, std::nullopt, kBigRegion), query);
  ASSERT_OK(page);
  ASSERT_EQ(page->items.size(), static_cast<std::size_t>(kPeople));
  for (const DisciplineEntry& entry : page->items) {
    SCOPED_TRACE(entry.person.person.name);
    const DisciplineSummary expected =
        summarize_discipline(expected_days.at(entry.person.person.id.value()), 2026, DisciplineScale::pp94());
    EXPECT_EQ(entry.summary.present, expected.present);
    EXPECT_EQ(entry.summary.unexcused, expected.unexcused);
    EXPECT_EQ(entry.summary.late_minutes, expected.late_minutes);
    EXPECT_EQ(entry.summary.longest_unexcused_run, expected.longest_unexcused_run);
    EXPECT_EQ(entry.summary.longest_run_starts_on, expected.longest_run_starts_on);
    EXPECT_EQ(entry.summary.level, expected.level);
    EXPECT_EQ(entry.summary.reason, expected.reason);
  }
}

// --- Rates ---

TEST_P(AttendanceServiceTest, RatesPerAgencyWithMonthsExactToTwoDecimals) {
  auto rates = service_->absence_rates(admin_, 2026, std::nullopt, std::nullopt);
  ASSERT_OK(rates);
  EXPECT_EQ(rates->year, 2026);
  // Every active agency, by code; the inactive one without records is left out.
  EXPECT_EQ(codes_of(*rates), (std::vector<std::string>{"Bappeda", "Dinkes", "Dishub", "PUPR"}));

  const AgencyAbsence* pupr = item_of(*rates, "PUPR");
  ASSERT_NE(pupr, nullptr);
  EXPECT_EQ(pupr->total.records, 40);
  EXPECT_EQ(pupr->total.unexcused, 3);
  EXPECT_EQ(pupr->total.rate()->to_string(), "7.50");
  EXPECT_EQ(pupr->months[0].rate()->to_string(), "5.00");
  EXPECT_EQ(pupr->months[1].rate()->to_string(), "10.00");
  EXPECT_FALSE(pupr->months[2].rate());
  EXPECT_EQ(pupr->agency.name, "Dinas Pekerjaan Umum dan Penataan Ruang");

  // Dinkes keeps Eko's January: 60 + 20 + 6 + 5 = 91 records, 12 + 10 + 3 = 25 unexcused:
  // 27.4725... % rounds to 27.47.
  const AgencyAbsence* dinkes = item_of(*rates, "Dinkes");
  ASSERT_NE(dinkes, nullptr);
  EXPECT_EQ(dinkes->total.records, 91);
  EXPECT_EQ(dinkes->total.unexcused, 25);
  EXPECT_EQ(dinkes->total.rate()->to_string(), "27.47");

  const AgencyAbsence* bappeda = item_of(*rates, "Bappeda");
  ASSERT_NE(bappeda, nullptr);
  EXPECT_EQ(bappeda->total.records, 0);
  EXPECT_FALSE(bappeda->total.rate());
  EXPECT_EQ(bappeda->trend, AbsenceTrend::flat);

  // The region: 191 records, 31 unexcused: 16.2303... -> 16.23.
  EXPECT_EQ(rates->region.records, 191);
  EXPECT_EQ(rates->region.unexcused, 31);
  EXPECT_EQ(rates->region.rate()->to_string(), "16.23");

  // 2025: Ani's one December day.
  auto last_year = service_->absence_rates(admin_, 2025, "Dinkes", std::nullopt);
  ASSERT_OK(last_year);
  ASSERT_EQ(last_year->items.size(), 1U);
  EXPECT_EQ(last_year->items[0].total.rate()->to_string(), "100.00");
  EXPECT_EQ(last_year->items[0].months[11].records, 1);
}

TEST_P(AttendanceServiceTest, RatesTrendRisesWhenTheLastQuarterIsWorse) {
  auto rates = service_->absence_rates(admin_, 2026, "Dishub", std::nullopt);
  ASSERT_OK(rates);
  ASSERT_EQ(rates->items.size(), 1U);
  EXPECT_EQ(rates->items[0].total.rate()->to_string(), "5.00");
  EXPECT_EQ(rates->items[0].trend, AbsenceTrend::rising);
  // Four months of data at most: nothing to compare.
  EXPECT_EQ(item_of(service_->absence_rates(admin_, 2026, std::nullopt, std::nullopt).value(), "PUPR")->trend,
            AbsenceTrend::flat);
}

TEST_P(AttendanceServiceTest, RatesReach) {
  // Leadership sees every agency.
  EXPECT_EQ(codes_of(service_->absence_rates(governor_, 2026, std::nullopt, std::nullopt).value()),
            (std::vector<std::string>{"Bappeda", "Dinkes", "Dishub", "PUPR"}));
  // An assistant: the cluster only; the region total is that of the cluster.
  auto cluster = service_->absence_rates(assistant_2_, 2026, std::nullopt, std::nullopt);
  ASSERT_OK(cluster);
  EXPECT_EQ(codes_of(*cluster), (std::vector<std::string>{"Dishub", "PUPR"}));
  EXPECT_EQ(cluster->region.records, 100);
  EXPECT_EQ(cluster->region.unexcused, 6);
  EXPECT_EQ(cluster->region.rate()->to_string(), "6.00");
  EXPECT_EQ(codes_of(service_->absence_rates(assistant_3_, 2026, std::nullopt, std::nullopt).value()),
            (std::vector<std::string>{"Dinkes"}));
  EXPECT_EQ(service_->absence_rates(assistant_2_, 2026, "Dinkes", std::nullopt).error().code(),
            ErrorCode::NotFound);
  // An agency head: the own agency.
  EXPECT_EQ(codes_of(service_->absence_rates(dinkes_head_, 2026, std::nullopt, std::nullopt).value()),
            (std::vector<std::string>{"Dinkes"}));
  EXPECT_EQ(service_->absence_rates(dinkes_head_, 2026, "PUPR", std::nullopt).error().code(),
            ErrorCode::NotFound);
  // Filters: a cluster, an agency, an unknown agency.
  EXPECT_EQ(codes_of(service_->absence_rates(admin_, 2026, std::nullopt, "asisten_2").value()),
            (std::vector<std::string>{"Dishub", "PUPR"}));
  EXPECT_EQ(codes_of(service_->absence_rates(assistant_2_, 2026, std::nullopt, "asisten_3").value()),
            std::vector<std::string>{});
  EXPECT_EQ(service_->absence_rates(admin_, 2026, "Nope", std::nullopt).error().code(), ErrorCode::NotFound);
  // An inactive agency asked for by code is answered.
  EXPECT_EQ(codes_of(service_->absence_rates(admin_, 2026, "Lama", std::nullopt).value()),
            (std::vector<std::string>{"Lama"}));
  // Neither finance nor agency staff read rates.
  EXPECT_EQ(service_->absence_rates(finance_, 2026, std::nullopt, std::nullopt).error().code(),
            ErrorCode::Forbidden);
  EXPECT_EQ(service_->absence_rates(dinkes_staff_, 2026, std::nullopt, std::nullopt).error().code(),
            ErrorCode::Forbidden);
  // Another region's rates never include region 1.
  auto other = service_->absence_rates(principal(Role::admin, 3, std::nullopt, std::nullopt, kOtherRegion),
                                       2026, std::nullopt, std::nullopt);
  ASSERT_OK(other);
  EXPECT_EQ(other->region.records, 20);
  EXPECT_EQ(other->region.rate()->to_string(), "100.00");
}

// --- Routes ---

class FixedAuthenticator final : public auth::Authenticator {
 public:
  Result<auth::Principal> authenticate(http::Request&) override { return principal; }
  auth::Principal principal = auth::Principal::anonymous();
};

class AttendanceRoutesTest : public AttendanceServiceTest {
 protected:
  void SetUp() override {
    AttendanceServiceTest::SetUp();
    secured_ = std::make_unique<auth::SecuredRouter>(router_, authenticator_, nullptr);
    register_attendance_routes(*secured_, *service_);
  }

  Result<http::Response> get(const std::string& target, const auth::Principal& caller) {
    authenticator_.principal = caller;
    http::Request request;
    request.method = http::Method::get;
    request.set_target(target);
    auto match = router_.match(http::Method::get, request.path);
    if (!match.ok()) {
      return match.release_error();
    }
    request.path_parameters = match->parameters;
    return (*match->handler)(request);
  }

  nlohmann::json get_json(const std::string& target, const auth::Principal& caller) {
    auto response = get(target, caller);
    EXPECT_TRUE(response.ok()) << target << ": " << describe(response.error());
    if (!response.ok()) {
      return nullptr;
    }
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->headers.get("Cache-Control"), "no-store");
    return nlohmann::json::parse(response->body);
  }

  http::Router router_;
  FixedAuthenticator authenticator_;
  std::unique_ptr<auth::SecuredRouter> secured_;
};

TEST_P(AttendanceRoutesTest, PersonAttendanceAsTheContractSaysWithTheCurrentYear) {
  const nlohmann::json body = get_json("/api/v1/people/101/attendance", admin_);
  EXPECT_EQ(body.at("year"), 2026);
  EXPECT_EQ(body.at("person").at("id"), kBudi);
  EXPECT_EQ(body.at("person").at("agency_code"), "Dinkes");
  EXPECT_EQ(body.at("person").at("employment_status"), "pns");
  EXPECT_TRUE(body.at("person").at("positions").is_array());
  const nlohmann::json& summary = body.at("summary");
  EXPECT_EQ(summary, nlohmann::json::parse(R"({"year": 2026, "present": 10, "leave": 0, "sick": 0,
      "official_travel": 0, "unexcused": 10, "late_minutes": 0, "longest_unexcused_run": 10,
      "longest_run_starts_on": "2026-03-02", "reason": "consecutive_days",
      "level": {"rank": 9, "min_days": 28, "max_days": null,
                "sanction": "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"}})"));
  ASSERT_EQ(body.at("records").size(), 20U);
  EXPECT_EQ(body.at("records")[5], nlohmann::json::parse(R"({"day": "2026-03-02", "status": "unexcused",
                                                              "late_minutes": 0})"));

  const nlohmann::json ani = get_json("/api/v1/people/100/attendance?year=2026", ani_);
  EXPECT_EQ(ani.at("summary").at("level").at("max_days"), 13);
  EXPECT_EQ(ani.at("summary").at("reason"), "cumulative_days");
  EXPECT_EQ(ani.at("person").at("positions"), nlohmann::json::parse(R"([{"assignment_id": 400,
      "position_id": 300, "title": "Analis Kesehatan", "agency_code": "Dinkes", "kind": "definitive"}])"));
  const nlohmann::json none = get_json("/api/v1/people/100/attendance?year=2024", admin_);
  EXPECT_TRUE(none.at("summary").at("level").is_null());
  EXPECT_TRUE(none.at("summary").at("reason").is_null());
  EXPECT_TRUE(none.at("summary").at("longest_run_starts_on").is_null());

  for (const char* target :
       {"/api/v1/people/100/attendance?year=1999", "/api/v1/people/100/attendance?year=x",
        "/api/v1/discipline?year=2101", "/api/v1/attendance/rates?year=20266"}) {
    SCOPED_TRACE(target);
    auto refused = get(target, admin_);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code(), ErrorCode::InvalidInput);
    ASSERT_EQ(refused.error().fields().size(), 1U);
    EXPECT_EQ(refused.error().fields()[0].field, "year");
  }
  EXPECT_EQ(get("/api/v1/people/0/attendance", admin_).error().code(), ErrorCode::InvalidInput);
  EXPECT_EQ(get("/api/v1/people/100/attendance", dinkes_staff_).error().code(), ErrorCode::Forbidden);
}

TEST_P(AttendanceRoutesTest, DisciplineListAndItsExport) {
  const nlohmann::json body = get_json("/api/v1/discipline?level_only=true&page_size=2&q=a", dinkes_head_);
  EXPECT_EQ(body.at("total"), 3);
  EXPECT_EQ(body.at("page"), 1);
  EXPECT_EQ(body.at("page_size"), 2);
  ASSERT_EQ(body.at("items").size(), 2U);
  const nlohmann::json& first = body.at("items")[0];
  EXPECT_EQ(first.at("person_id"), kAni);
  EXPECT_EQ(first.at("nip"), kAniNip);
  EXPECT_EQ(first.at("name"), "Ani Rahmawati");
  EXPECT_EQ(first.at("agency_code"), "Dinkes");
  EXPECT_EQ(first.at("summary").at("unexcused"), 12);
  EXPECT_EQ(first.at("summary").at("level").at("sanction"), kTppCutSixMonths);

  auto refused = get("/api/v1/discipline?sort=salary&format=pdf&level_only=maybe", admin_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields().size(), 3U);
  EXPECT_EQ(get("/api/v1/discipline", governor_).error().code(), ErrorCode::Forbidden);

  auto csv = get("/api/v1/discipline?format=csv&sort=name", admin_);
  ASSERT_OK(csv);
  EXPECT_EQ(csv->headers.get("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->headers.get("Content-Disposition"), "attachment; filename=\"disiplin-2026-11-23.csv\"");
  EXPECT_NE(csv->body.find("NIP,Nama,OPD"), std::string::npos);
  EXPECT_NE(csv->body.find("198001012005011002,Budi Santoso,Dinkes,10,0,0,0,10,0,10,2026-03-02,9,"),
            std::string::npos);
  EXPECT_NE(csv->body.find("10 hari kerja berturut-turut tanpa keterangan"), std::string::npos);
  auto xlsx = get("/api/v1/discipline?format=xlsx", admin_);
  ASSERT_OK(xlsx);
  EXPECT_TRUE(xlsx->body.starts_with("PK"));
}

TEST_P(AttendanceRoutesTest, RatesAsTheContractSaysAndTheirExport) {
  const nlohmann::json body = get_json("/api/v1/attendance/rates?cluster=Asisten%20II", governor_);
  EXPECT_EQ(body.at("year"), 2026);
  ASSERT_EQ(body.at("items").size(), 2U);
  const nlohmann::json& pupr = body.at("items")[1];
  EXPECT_EQ(pupr.at("agency_code"), "PUPR");
  EXPECT_EQ(pupr.at("agency_name"), "Dinas Pekerjaan Umum dan Penataan Ruang");
  EXPECT_EQ(pupr.at("records"), 40);
  EXPECT_EQ(pupr.at("unexcused"), 3);
  EXPECT_EQ(pupr.at("rate"), "7.50");
  EXPECT_EQ(pupr.at("trend"), "flat");
  ASSERT_EQ(pupr.at("months").size(), 12U);
  EXPECT_EQ(pupr.at("months")[0],
            nlohmann::json::parse(R"({"month": 1, "records": 20, "unexcused": 1, "rate": "5.00"})"));
  EXPECT_EQ(pupr.at("months")[11],
            nlohmann::json::parse(R"({"month": 12, "records": 0, "unexcused": 0, "rate": null})"));
  EXPECT_EQ(body.at("items")[0].at("trend"), "rising");
  EXPECT_EQ(body.at("region"), nlohmann::json::parse(R"({"records": 100, "unexcused": 6, "rate": "6.00"})"));

  auto refused = get("/api/v1/attendance/rates?cluster=asisten_9", admin_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields()[0].field, "cluster");
  EXPECT_EQ(get("/api/v1/attendance/rates?agency_code=PUPR", dinkes_head_).error().code(),
            ErrorCode::NotFound);
  EXPECT_EQ(get("/api/v1/attendance/rates", finance_).error().code(), ErrorCode::Forbidden);

  auto csv = get("/api/v1/attendance/rates?format=csv&agency_code=PUPR", admin_);
  ASSERT_OK(csv);
  EXPECT_EQ(csv->headers.get("Content-Disposition"),
            "attachment; filename=\"ketidakhadiran-2026-11-23.csv\"");
  EXPECT_NE(csv->body.find("PUPR,Dinas Pekerjaan Umum dan Penataan Ruang,40,3,7.50,flat,5.00,10.00,"),
            std::string::npos);
  EXPECT_NE(csv->body.find(",Jumlah,40,3,7.50,"), std::string::npos);
}

TEST_P(AttendanceRoutesTest, EveryRouteHasItsActionAndItsOpenApiOperation) {
  const std::map<std::string, auth::Action> expected = {
      {"getPersonAttendance", auth::Action::attendance_read},
      {"listDiscipline", auth::Action::attendance_read},
      {"listAbsenceRates", auth::Action::attendance_rates_read}};
  std::ifstream file(SINERGI_ATTENDANCE_OPENAPI);
  ASSERT_TRUE(file) << SINERGI_ATTENDANCE_OPENAPI;
  const nlohmann::json document = nlohmann::json::parse(file);
  ASSERT_EQ(secured_->routes().size(), expected.size());
  for (const auto& route : secured_->routes()) {
    SCOPED_TRACE(route.operation_id);
    ASSERT_TRUE(expected.contains(route.operation_id));
    EXPECT_EQ(route.action, expected.at(route.operation_id));
    ASSERT_TRUE(document.at("paths").contains(route.pattern));
    const auto& operation = document.at("paths").at(route.pattern).at("get");
    EXPECT_EQ(operation.at("operationId"), route.operation_id);
    EXPECT_TRUE(operation.at("responses").contains("401"));
  }
  // Every schema referred to is defined here or in the context's openapi.json (Person),
  // with which it is merged; Problem comes from the base document.
  std::string organization_path = SINERGI_ATTENDANCE_OPENAPI;
  organization_path.replace(organization_path.rfind('/') + 1, std::string::npos, "openapi.json");
  std::ifstream organization_file(organization_path);
  ASSERT_TRUE(organization_file) << organization_path;
  const nlohmann::json organization = nlohmann::json::parse(organization_file);
  const std::string text = document.dump();
  for (std::size_t position = text.find("#/components/schemas/"); position != std::string::npos;
       position = text.find("#/components/schemas/", position + 1)) {
    const std::size_t start = position + std::string_view("#/components/schemas/").size();
    const std::string name = text.substr(start, text.find('"', start) - start);
    EXPECT_TRUE(name == "Problem" || document.at("components").at("schemas").contains(name) ||
                organization.at("components").at("schemas").contains(name))
        << name;
  }
  // No schema of this file redefines one of the context's.
  for (const auto& [name, schema] : document.at("components").at("schemas").items()) {
    EXPECT_FALSE(organization.at("components").at("schemas").contains(name)) << name;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, AttendanceServiceTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);
INSTANTIATE_TEST_SUITE_P(Backends, AttendanceRoutesTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

// --- The trend rule, on its own ---

std::array<AbsenceCount, 12> months_of(std::initializer_list<std::pair<std::int64_t, std::int64_t>> counts) {
  std::array<AbsenceCount, 12> months{};
  std::size_t index = 0;
  for (const auto& [records, unexcused] : counts) {
    months[index++] = AbsenceCount{records, unexcused};
  }
  return months;
}

TEST(AbsenceTrendTest, HalfAPercentagePointIsTheThreshold) {
  // Previous quarter 6 of 600 (1 %); recent 9 of 600 (1.5 %): exactly +0.5 point: rising.
  EXPECT_EQ(absence_trend(months_of({{200, 2}, {200, 2}, {200, 2}, {200, 3}, {200, 3}, {200, 3}})),
            AbsenceTrend::rising);
  // Recent 8 of 600 (1.33 %): +0.33 point: flat.
  EXPECT_EQ(absence_trend(months_of({{200, 2}, {200, 2}, {200, 2}, {200, 3}, {200, 3}, {200, 2}})),
            AbsenceTrend::flat);
  // Recent 3 of 600 (0.5 %): exactly -0.5 point: falling.
  EXPECT_EQ(absence_trend(months_of({{200, 2}, {200, 2}, {200, 2}, {200, 1}, {200, 1}, {200, 1}})),
            AbsenceTrend::falling);
  // Recent 4 of 600 (0.67 %): -0.33 point: flat.
  EXPECT_EQ(absence_trend(months_of({{200, 2}, {200, 2}, {200, 2}, {200, 2}, {200, 1}, {200, 1}})),
            AbsenceTrend::flat);
}

TEST(AbsenceTrendTest, WindowsAreMonthsWithRecordsAndRatesArePooled) {
  // Months without records are skipped: Jan, Mar, May | Aug, Oct, Dec.
  std::array<AbsenceCount, 12> months{};
  months[0] = {100, 10};
  months[2] = {100, 10};
  months[4] = {100, 10};
  months[7] = {100, 1};
  months[9] = {100, 1};
  months[11] = {100, 1};
  EXPECT_EQ(absence_trend(months), AbsenceTrend::falling);
  // Only the last three months with records and the three before count (January is out).
  months = months_of({{100, 90}, {100, 1}, {100, 1}, {100, 1}, {100, 1}, {100, 1}, {100, 1}});
  EXPECT_EQ(absence_trend(months), AbsenceTrend::flat);
  // Pooled: a big month weighs more than a small one (previous 2 of 1010; recent 30 of 300).
  EXPECT_EQ(absence_trend(months_of({{1000, 1}, {5, 0}, {5, 1}, {100, 10}, {100, 10}, {100, 10}})),
            AbsenceTrend::rising);
  // A shorter previous window is enough: four months.
  EXPECT_EQ(absence_trend(months_of({{100, 10}, {100, 1}, {100, 1}, {100, 1}})), AbsenceTrend::falling);
  // Three months or fewer: flat.
  EXPECT_EQ(absence_trend(months_of({{100, 0}, {100, 50}, {100, 90}})), AbsenceTrend::flat);
  EXPECT_EQ(absence_trend(months_of({})), AbsenceTrend::flat);
}

TEST(AbsenceCountTest, RatesRoundHalfUpToTwoDecimals) {
  EXPECT_FALSE((AbsenceCount{0, 0}.rate()));
  EXPECT_EQ((AbsenceCount{40, 3}.rate()->to_string()), "7.50");
  EXPECT_EQ((AbsenceCount{3, 1}.rate()->to_string()), "33.33");
  EXPECT_EQ((AbsenceCount{3, 2}.rate()->to_string()), "66.67");
  EXPECT_EQ((AbsenceCount{800, 1}.rate()->to_string()), "0.13");  // 0.125 rounds up
  EXPECT_EQ((AbsenceCount{7, 7}.rate()->to_string()), "100.00");
  EXPECT_EQ((AbsenceCount{7, 0}.rate()->to_string()), "0.00");
}

}  // namespace
}  // namespace sinergi::organization
