#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "contexts/organization/position_state.h"
#include "contexts/organization/vocabulary.h"
#include "core/date.h"
#include "core/id.h"
#include "core/tenancy.h"

// The records of the organization registry, as the service reads and writes them. Region
// ownership is implicit: every record belongs to the region it was read from, and the
// store takes the region id on every call.

namespace sinergi::organization {

using UnitId = Id<struct UnitTag>;
using PositionId = Id<struct PositionTag>;
using PersonId = Id<struct PersonTag>;
using AssignmentId = Id<struct AssignmentTag>;

// Pemda: a province, regency or city.
struct RegionRecord {
  RegionId id{0};
  std::string code;  // Kemendagri: "64", "64.02", "64.71"
  std::string name;
  std::string level;  // "province", "regency", "city"
  std::optional<RegionId> parent_id;
};

// OPD. `code` is the natural key inside a region (the demo uses the short name).
struct AgencyRecord {
  AgencyId id{0};
  std::string code;
  std::string short_name;
  std::string name;
  AgencyKind kind = AgencyKind::other;
  std::optional<std::string> cluster;  // "asisten_1".."asisten_3": the supervising assistant
  bool active = true;
  std::optional<Date> active_from;
  std::optional<Date> active_until;
  std::int64_t version = 1;
};

// Unit kerja: one node of an agency's tree.
struct UnitRecord {
  UnitId id{0};
  AgencyId agency_id{0};
  std::optional<UnitId> parent_id;
  std::string code;  // natural key inside the agency
  std::string name;
  UnitKind kind = UnitKind::other;
  bool active = true;
  std::int64_t version = 1;
};

// Jabatan.
struct PositionRecord {
  PositionId id{0};
  AgencyId agency_id{0};
  std::optional<UnitId> unit_id;
  std::string code;  // natural key inside the agency
  std::string title;
  PositionLevel level = PositionLevel::pelaksana;
  bool is_agency_head = false;
  bool is_unit_head = false;
  Date established_on{};
  bool active = true;
  std::int64_t version = 1;
};

// ASN.
struct PersonRecord {
  PersonId id{0};
  std::string nip;
  std::string name;
  std::string rank_grade;  // pangkat/golongan, e.g. "Pembina Tk. I (IV/b)"
  EmploymentStatus employment_status = EmploymentStatus::pns;
  std::optional<AgencyId> agency_id;  // employing agency
  bool active = true;
  std::int64_t version = 1;
};

// A person in a post for a period (inclusive); ends_on empty = still.
struct AssignmentRecord {
  AssignmentId id{0};
  PersonId person_id{0};
  PositionId position_id{0};
  AssignmentKind kind = AssignmentKind::definitive;
  Date starts_on{};
  std::optional<Date> ends_on;
  std::string decree_number;  // nomor SK
  std::string note;
  std::int64_t version = 1;
};

// One day of one person, as the attendance machine exported it.
struct AttendanceRecord {
  PersonId person_id{0};
  std::optional<AgencyId> agency_id;
  Date day{};
  AttendanceStatus status = AttendanceStatus::present;
  int late_minutes = 0;
};

}  // namespace sinergi::organization
