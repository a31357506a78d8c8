#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "contexts/organization/discipline.h"
#include "contexts/organization/organization.h"
#include "core/date.h"
#include "core/result.h"

// The storage port of attendance reading (issue 4): people with their agency, their
// attendance records, and per-agency monthly counts. Read-only: importing records is the
// spreadsheet import's business. Every call names the region, and the SQL adapter
// (sql_attendance_store.cpp) filters every statement on it.

namespace sinergi::db {
class Database;
}

namespace sinergi::organization {

// A person with the employing agency's code, name and cluster (all empty without one).
struct AttendancePerson {
  PersonRecord person;
  std::optional<std::string> agency_code;
  std::optional<std::string> agency_name;
  std::optional<std::string> agency_cluster;
};

// A post the person holds on a day (for the Person object's "positions").
struct HeldPost {
  AssignmentId assignment_id{0};
  PositionId position_id{0};
  std::string title;
  std::string agency_code;
  AssignmentKind kind = AssignmentKind::definitive;
};

// Which people a discipline scan covers; unset fields are not applied.
struct AttendancePeopleFilter {
  std::optional<std::vector<AgencyId>> agencies;  // people employed by these agencies
  std::optional<std::string> search;              // substring of the name (any case) or NIP
};

// Records and unexcused records of one agency in one month.
struct MonthlyAbsenceCount {
  AgencyId agency_id{0};
  int month = 0;  // 1..12
  std::int64_t records = 0;
  std::int64_t unexcused = 0;
};

class AttendanceStore {
 public:
  // Called once per person with all of that person's records of the scanned year, in day
  // order. The span is valid only during the call.
  using PersonDays = std::function<Result<void>(PersonId, std::span<const AttendanceDay>)>;

  virtual ~AttendanceStore() = default;

  virtual Result<std::optional<AttendancePerson>> find_person(RegionId region, PersonId id) = 0;
  // Assignments covering `day`, by start date.
  virtual Result<std::vector<HeldPost>> held_posts(RegionId region, PersonId person, Date day) = 0;
  // The person's records of `year`, by day.
  virtual Result<std::vector<AttendanceDay>> person_days(RegionId region, PersonId person, int year) = 0;

  // The region's agencies, by code.
  virtual Result<std::vector<AgencyRecord>> agencies(RegionId region) = 0;
  // People matching `filter` that have at least one record in `year`, with their agency.
  virtual Result<std::vector<AttendancePerson>> people_with_records(RegionId region, int year,
                                                                    const AttendancePeopleFilter& filter) = 0;
  // Streams the records of `year` of the people matching `filter` (those of
  // people_with_records) without holding them all: rows are fetched in batches, and on
  // PostgreSQL through a cursor. Stops at the first error `on_person` returns.
  virtual Result<void> scan_person_days(RegionId region, int year, const AttendancePeopleFilter& filter,
                                        const PersonDays& on_person) = 0;

  // Counts per agency (the agency of the record, kept when people move) and month of `year`;
  // only agencies in `agencies` when given. Records without an agency are not counted.
  virtual Result<std::vector<MonthlyAbsenceCount>> monthly_absence_counts(
      RegionId region, int year, const std::optional<std::vector<AgencyId>>& agencies) = 0;
};

// Runs read-only units of work. Thread-safe.
class AttendanceRepository {
 public:
  using Work = std::function<Result<void>(AttendanceStore&)>;

  virtual ~AttendanceRepository() = default;
  // One read-only transaction.
  virtual Result<void> read(const Work& work) = 0;
};

// REQUIRES: `database` outlives the repository; the schema is migrated.
std::unique_ptr<AttendanceRepository> make_sql_attendance_repository(db::Database& database);

}  // namespace sinergi::organization
