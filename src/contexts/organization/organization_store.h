#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "contexts/organization/organization.h"
#include "core/result.h"

// The organization context's storage port. The service says WHAT it reads and writes
// through OrganizationStore; the SQL adapter (sql_organization_store.cpp) owns the SQL.
// Every call names the region, and the adapter filters every statement on it, so a row of
// another region is simply not there. Updates use optimistic versioning: they apply only
// when the record's `version` is the stored one, and then store version + 1.

namespace sinergi {
class Clock;
}
namespace sinergi::db {
class Database;
}
namespace sinergi::audit {
struct AuditEvent;
}

namespace sinergi::organization {

enum class PersonSort { name, nip, agency };

struct PersonQuery {
  std::optional<std::string> search;              // substring of name or NIP, any case
  std::optional<std::vector<AgencyId>> agencies;  // only people of these agencies
  std::optional<EmploymentStatus> employment_status;
  std::optional<bool> active;
  PersonSort sort = PersonSort::name;
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 20;  // 0 = no limit (exports)
};

struct PersonPage {
  std::vector<PersonRecord> items;
  std::int64_t total = 0;
};

// Which assignments to read; unset fields are not applied.
struct AssignmentFilter {
  std::optional<PositionId> position;
  std::optional<PersonId> person;
  std::optional<AgencyId> agency;               // assignments to posts of this agency
  std::optional<std::vector<PersonId>> people;  // assignments of these people
};

class OrganizationStore {
 public:
  virtual ~OrganizationStore() = default;

  // --- Regions (no region filter: a region is the scope itself) ---
  virtual Result<std::optional<RegionRecord>> find_region(RegionId id) = 0;
  virtual Result<std::optional<RegionRecord>> find_region_by_code(const std::string& code) = 0;
  // The region and every region below it, by code.
  virtual Result<std::vector<RegionRecord>> regions_under(RegionId root) = 0;
  virtual Result<RegionRecord> insert_region(const RegionRecord& region) = 0;
  virtual Result<void> rename_region(RegionId id, const std::string& name) = 0;

  // --- Agencies, by code ---
  virtual Result<std::vector<AgencyRecord>> agencies(RegionId region) = 0;
  virtual Result<AgencyRecord> insert_agency(RegionId region, const AgencyRecord& agency) = 0;
  // False when the stored version is not agency.version.
  virtual Result<bool> update_agency(RegionId region, const AgencyRecord& agency) = 0;

  // --- Units, by agency then code ---
  virtual Result<std::vector<UnitRecord>> units(RegionId region, std::optional<AgencyId> agency) = 0;
  virtual Result<UnitRecord> insert_unit(RegionId region, const UnitRecord& unit) = 0;
  virtual Result<bool> update_unit(RegionId region, const UnitRecord& unit) = 0;

  // --- Positions, by agency then code ---
  virtual Result<std::vector<PositionRecord>> positions(RegionId region, std::optional<AgencyId> agency) = 0;
  virtual Result<PositionRecord> insert_position(RegionId region, const PositionRecord& position) = 0;
  virtual Result<bool> update_position(RegionId region, const PositionRecord& position) = 0;

  // --- People ---
  virtual Result<PersonPage> search_people(RegionId region, const PersonQuery& query) = 0;
  virtual Result<std::optional<PersonRecord>> find_person(RegionId region, PersonId id) = 0;
  virtual Result<std::optional<PersonRecord>> find_person_by_nip(RegionId region, const std::string& nip) = 0;
  virtual Result<std::vector<PersonRecord>> people_by_ids(RegionId region,
                                                          const std::vector<PersonId>& ids) = 0;
  virtual Result<PersonRecord> insert_person(RegionId region, const PersonRecord& person) = 0;
  virtual Result<bool> update_person(RegionId region, const PersonRecord& person) = 0;
  // Active people per employing agency.
  virtual Result<std::vector<std::pair<AgencyId, std::int64_t>>> people_per_agency(RegionId region) = 0;

  // --- Assignments, by start date ---
  virtual Result<std::vector<AssignmentRecord>> assignments(RegionId region,
                                                            const AssignmentFilter& filter) = 0;
  virtual Result<AssignmentRecord> insert_assignment(RegionId region, const AssignmentRecord& assignment) = 0;
  virtual Result<bool> update_assignment(RegionId region, const AssignmentRecord& assignment) = 0;

  // --- Bulk paths for imports: one prepared statement reused for every row (SOCI vectors
  // on SQLite, the same on PostgreSQL); ids of inserted rows are not returned. ---
  virtual Result<void> insert_people(RegionId region, const std::vector<PersonRecord>& people) = 0;
  virtual Result<void> update_people(RegionId region, const std::vector<PersonRecord>& people) = 0;
  virtual Result<void> insert_assignments(RegionId region,
                                          const std::vector<AssignmentRecord>& assignments) = 0;

  // --- Settings (system_settings) ---
  virtual Result<std::optional<std::string>> setting(const std::string& key) = 0;
  virtual Result<void> put_setting(const std::string& key, const std::string& value) = 0;

  // Appends to the audit chain inside this transaction (call after the change it describes).
  virtual Result<void> append_audit(const audit::AuditEvent& event) = 0;

  // --- Attendance records, for the spreadsheet import (one record per person and day) ---
  // The region's records from `first` to `last`, both inclusive, in no particular order.
  virtual Result<std::vector<AttendanceRecord>> attendance_between(RegionId region, Date first,
                                                                   Date last) = 0;
  // Bulk paths like insert_people: new records, and existing ones found by (person_id, day)
  // whose agency, status and late minutes are replaced.
  virtual Result<void> insert_attendance(RegionId region, const std::vector<AttendanceRecord>& records) = 0;
  virtual Result<void> update_attendance(RegionId region, const std::vector<AttendanceRecord>& records) = 0;
};

// Runs units of work against storage. Thread-safe.
class OrganizationRepository {
 public:
  using Work = std::function<Result<void>(OrganizationStore&)>;

  virtual ~OrganizationRepository() = default;
  // One read-write transaction: committed when `work` succeeds, rolled back otherwise.
  virtual Result<void> write(const Work& work) = 0;
  // One read-only transaction.
  virtual Result<void> read(const Work& work) = 0;
};

// REQUIRES: `database` and `clock` outlive the repository; the schema is migrated.
std::unique_ptr<OrganizationRepository> make_sql_organization_repository(db::Database& database,
                                                                         const Clock& clock);

}  // namespace sinergi::organization
