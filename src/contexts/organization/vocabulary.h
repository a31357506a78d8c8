#pragma once

#include <array>
#include <optional>
#include <string_view>

// The organization context's vocabularies. Each enum has
//   name(X)      the code the API and the database use ("jpt_pratama");
//   label_id(X)  the Indonesian label shown to users ("JPT Pratama");
//   parse_X()    the code or a common Indonesian spelling, case-insensitive, with spaces,
//                underscores and hyphens equivalent and surrounding whitespace ignored
//                ("JPT Pratama", "jpt_pratama", "eselon II" all give jpt_pratama).

namespace sinergi::organization {

// Kind of an OPD (perangkat daerah).
enum class AgencyKind { dinas, badan, biro, sekretariat, inspektorat, satpol_pp, rsud, kantor, other };
inline constexpr std::array kAgencyKinds{
    AgencyKind::dinas,       AgencyKind::badan,       AgencyKind::biro,
    AgencyKind::sekretariat, AgencyKind::inspektorat, AgencyKind::satpol_pp,
    AgencyKind::rsud,        AgencyKind::kantor,      AgencyKind::other};
std::string_view name(AgencyKind kind);
std::string_view label_id(AgencyKind kind);
// Also "satpol", "rumah sakit", "rumah sakit umum daerah", "lainnya".
std::optional<AgencyKind> parse_agency_kind(std::string_view text);

// Kind of a unit inside an agency.
enum class UnitKind { sekretariat, bidang, bagian, sub_bagian, seksi, uptd, other };
inline constexpr std::array kUnitKinds{UnitKind::sekretariat, UnitKind::bidang, UnitKind::bagian,
                                       UnitKind::sub_bagian,  UnitKind::seksi,  UnitKind::uptd,
                                       UnitKind::other};
std::string_view name(UnitKind kind);
std::string_view label_id(UnitKind kind);
// Also "sub bagian", "sub-bagian", "subbagian", "subbag", "UPTD", "lainnya".
std::optional<UnitKind> parse_unit_kind(std::string_view text);

// Level of a position (jenjang jabatan, UU 20/2023 ASN), with the old echelons as aliases.
enum class PositionLevel { jpt_madya, jpt_pratama, administrator, pengawas, fungsional, pelaksana };
inline constexpr std::array kPositionLevels{PositionLevel::jpt_madya,     PositionLevel::jpt_pratama,
                                            PositionLevel::administrator, PositionLevel::pengawas,
                                            PositionLevel::fungsional,    PositionLevel::pelaksana};
std::string_view name(PositionLevel level);
std::string_view label_id(PositionLevel level);
// Also "eselon I" / "eselon 1" (jpt_madya), "eselon II" / "eselon 2" (jpt_pratama),
// "eselon III" / "eselon 3" (administrator), "eselon IV" / "eselon 4" (pengawas).
std::optional<PositionLevel> parse_position_level(std::string_view text);

// PNS (career civil servant) or PPPK (civil servant on a work agreement).
enum class EmploymentStatus { pns, pppk };
inline constexpr std::array kEmploymentStatuses{EmploymentStatus::pns, EmploymentStatus::pppk};
std::string_view name(EmploymentStatus status);
std::string_view label_id(EmploymentStatus status);
// Also "p3k" (pppk).
std::optional<EmploymentStatus> parse_employment_status(std::string_view text);

// How a person holds a position: definitive, Plt (pelaksana tugas, acting while the post
// has no definitive holder) or Plh (pelaksana harian, standing in for days or weeks).
enum class AssignmentKind { definitive, acting, daily_acting };
inline constexpr std::array kAssignmentKinds{AssignmentKind::definitive, AssignmentKind::acting,
                                             AssignmentKind::daily_acting};
std::string_view name(AssignmentKind kind);
// "Definitif", "Plt", "Plh".
std::string_view label_id(AssignmentKind kind);
// Also "definitif", "plt", "pelaksana tugas", "plh", "pelaksana harian".
std::optional<AssignmentKind> parse_assignment_kind(std::string_view text);

// One day of attendance (presensi).
enum class AttendanceStatus { present, leave, sick, official_travel, unexcused };
inline constexpr std::array kAttendanceStatuses{AttendanceStatus::present, AttendanceStatus::leave,
                                                AttendanceStatus::sick, AttendanceStatus::official_travel,
                                                AttendanceStatus::unexcused};
std::string_view name(AttendanceStatus status);
// "Hadir", "Cuti/Izin", "Sakit", "Dinas Luar", "Tanpa Keterangan".
std::string_view label_id(AttendanceStatus status);
// Also the Indonesian words and attendance-machine codes:
//   present          hadir, H, masuk
//   leave            cuti, C, izin, ijin, I
//   sick             sakit, S
//   official_travel  dinas luar, DL, tugas luar, perjalanan dinas
//   unexcused        tanpa keterangan, TK, alpa, alpha, A, mangkir
std::optional<AttendanceStatus> parse_attendance_status(std::string_view text);

// The state of a position on a day (see position_state.h).
enum class PositionState { filled, acting, vacant };
inline constexpr std::array kPositionStates{PositionState::filled, PositionState::acting,
                                            PositionState::vacant};
std::string_view name(PositionState state);
// "Terisi", "Plt/Plh", "Kosong".
std::string_view label_id(PositionState state);
// Also "terisi", "plt/plh", "kosong".
std::optional<PositionState> parse_position_state(std::string_view text);

}  // namespace sinergi::organization
