#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/organization/attendance_store.h"
#include "contexts/organization/discipline.h"
#include "contexts/organization/organization_service.h"
#include "core/decimal.h"
#include "core/result.h"
#include "platform/auth/principal.h"

// Reading attendance and discipline (issue 4): one person's records of a year with the
// sanction level reached under PP 94/2021, the discipline list of the people in the
// caller's reach, and unexcused-absence rates per agency with their trend.
//
// Who sees what (docs/api/organization.md; the permission table decides, this service
// asks it with the resource's scope):
//   attendance.read        individual records: admin and auditor the region, an agency
//                          head the people of the own agency, anyone their own records
//                          (the caller's account NIP is the person's NIP).
//   attendance.rates.read  rates without names: leadership, planning and audit the region,
//                          an assistant the cluster's agencies, an agency head the own one.
//
// Years run 2000..2100 (kFirstAttendanceYear..kLastAttendanceYear). Read-only; thread-safe.

namespace sinergi {
class Clock;
}

namespace sinergi::organization {

inline constexpr int kFirstAttendanceYear = 2000;
inline constexpr int kLastAttendanceYear = 2100;

// The caller's account NIP (none when the account has no NIP). Wired to the identity
// context by the application.
using NipOfUser = std::function<Result<std::optional<std::string>>(std::int64_t user_id)>;

struct PersonAttendance {
  PersonView person;  // with the posts held today
  int year = 0;
  DisciplineSummary summary;           // under DisciplineScale::pp94()
  std::vector<AttendanceDay> records;  // by day
};

enum class DisciplineSort { unexcused, name, run };

struct DisciplineQuery {
  int year = 0;
  std::optional<std::string> agency_code;
  bool level_only = false;            // only people who reached a sanction level
  std::optional<std::string> search;  // name (any case) or NIP
  // sort: "unexcused" (the default: most unexcused days first), "run" (longest unexcused
  // run first) or "name" (A to Z); "-" in front reverses the order. Ties by name, then NIP.
  PageRequest page;
};

struct DisciplineEntry {
  AttendancePerson person;
  DisciplineSummary summary;
};

// Records and unexcused records of a period; rate = unexcused x 100 / records as a
// percentage with exactly two decimals, rounded half up; no rate without records.
struct AbsenceCount {
  std::int64_t records = 0;
  std::int64_t unexcused = 0;
  std::optional<Decimal> rate() const;
};

enum class AbsenceTrend { rising, falling, flat };
// "rising", "falling", "flat".
std::string_view name(AbsenceTrend trend);

// The trend of a year's months (index 0 = January): rising or falling when the pooled rate
// of the last three months with records differs from that of the (up to) three months with
// records before them by 0.5 percentage point or more, else flat (the full rule is at the
// definition).
AbsenceTrend absence_trend(const std::array<AbsenceCount, 12>& months);

struct AgencyAbsence {
  AgencyRecord agency;
  AbsenceCount total;
  std::array<AbsenceCount, 12> months{};  // January..December
  AbsenceTrend trend = AbsenceTrend::flat;
};

struct AbsenceRates {
  int year = 0;
  std::vector<AgencyAbsence> items;  // by agency code
  AbsenceCount region;               // the sum over `items`
};

class AttendanceService {
 public:
  // REQUIRES: `repository` and `clock` outlive the service.
  AttendanceService(AttendanceRepository& repository, const Clock& clock, OrganizationOptions options,
                    NipOfUser nip_of_user);

  // Today in the region's time zone, and its year (the default of every `year`).
  Date today() const;
  int current_year() const;

  // One person's records of `year` with the summary. NotFound "Pegawai" when the person
  // is not in the caller's region; Forbidden when the caller may not read the records.
  // InvalidInput naming `year` outside kFirstAttendanceYear..kLastAttendanceYear.
  Result<PersonAttendance> person_attendance(const auth::Principal& caller, PersonId person, int year);

  // The people of the caller's reach with records in the year, summarized: admin and
  // auditor every agency, an agency head the own agency's people (by their employing
  // agency); anyone else Forbidden (their own records are person_attendance's). An
  // agency_code unknown or outside the reach is NotFound "OPD". page_size 0: every row.
  Result<Page<DisciplineEntry>> discipline_list(const auth::Principal& caller, const DisciplineQuery& query);

  // Rates per agency of the caller's reach (by the agency of each record), with months and
  // trend; agencies without records are listed when active. Filtered by agency_code
  // (unknown or outside the reach: NotFound "OPD") and cluster.
  Result<AbsenceRates> absence_rates(const auth::Principal& caller, int year,
                                     const std::optional<std::string>& agency_code,
                                     const std::optional<std::string>& cluster);

 private:
  AttendanceRepository& repository_;
  const Clock& clock_;
  OrganizationOptions options_;
  NipOfUser nip_of_user_;
};

}  // namespace sinergi::organization
