#include "contexts/organization/vocabulary.h"

#include <algorithm>
#include <span>
#include <string>

#include "core/input_text.h"

namespace sinergi::organization {
namespace {

template <typename E>
struct Term {
  E value;
  std::string_view name;
  std::string_view label;
};

// A spelling in normalized form (see normalized()).
template <typename E>
struct Alias {
  std::string_view spelling;
  E value;
};

// Lower-case ASCII, with every run of spaces, tabs, underscores and hyphens turned into
// one space and none at either end: " Sub_Bagian " and "sub-bagian" both give "sub bagian".
std::string normalized(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  bool pending_space = false;
  for (char character : trim_ascii_whitespace(text)) {
    if (character == ' ' || character == '\t' || character == '_' || character == '-') {
      pending_space = true;
      continue;
    }
    if (pending_space && !result.empty()) {
      result += ' ';
    }
    pending_space = false;
    if (character >= 'A' && character <= 'Z') {
      character = static_cast<char>(character - 'A' + 'a');
    }
    result += character;
  }
  return result;
}

template <typename E>
const Term<E>& term_of(std::span<const Term<E>> terms, E value) {
  const auto found =
      std::find_if(terms.begin(), terms.end(), [&](const Term<E>& term) { return term.value == value; });
  // Every enumerator has a row (checked by static_asserts below and by the tests).
  return found != terms.end() ? *found : terms.back();
}

template <typename E>
std::optional<E> parse_term(std::string_view text, std::span<const Term<E>> terms,
                            std::span<const Alias<E>> aliases) {
  const std::string key = normalized(text);
  if (key.empty()) {
    return std::nullopt;
  }
  for (const Term<E>& term : terms) {
    if (normalized(term.name) == key) {
      return term.value;
    }
  }
  for (const Alias<E>& alias : aliases) {
    if (alias.spelling == key) {
      return alias.value;
    }
  }
  return std::nullopt;
}

constexpr std::array<Term<AgencyKind>, 9> kAgencyKindTerms{{
    {AgencyKind::dinas, "dinas", "Dinas"},
    {AgencyKind::badan, "badan", "Badan"},
    {AgencyKind::biro, "biro", "Biro"},
    {AgencyKind::sekretariat, "sekretariat", "Sekretariat"},
    {AgencyKind::inspektorat, "inspektorat", "Inspektorat"},
    {AgencyKind::satpol_pp, "satpol_pp", "Satuan Polisi Pamong Praja"},
    {AgencyKind::rsud, "rsud", "Rumah Sakit Umum Daerah"},
    {AgencyKind::kantor, "kantor", "Kantor"},
    {AgencyKind::other, "other", "Lainnya"},
}};
constexpr std::array<Alias<AgencyKind>, 6> kAgencyKindAliases{{
    {"satpol", AgencyKind::satpol_pp},
    {"satuan polisi pamong praja", AgencyKind::satpol_pp},
    {"rumah sakit", AgencyKind::rsud},
    {"rumah sakit umum daerah", AgencyKind::rsud},
    {"lainnya", AgencyKind::other},
    {"lain lain", AgencyKind::other},
}};
static_assert(kAgencyKindTerms.size() == kAgencyKinds.size());

constexpr std::array<Term<UnitKind>, 7> kUnitKindTerms{{
    {UnitKind::sekretariat, "sekretariat", "Sekretariat"},
    {UnitKind::bidang, "bidang", "Bidang"},
    {UnitKind::bagian, "bagian", "Bagian"},
    {UnitKind::sub_bagian, "sub_bagian", "Sub Bagian"},
    {UnitKind::seksi, "seksi", "Seksi"},
    {UnitKind::uptd, "uptd", "UPTD"},
    {UnitKind::other, "other", "Lainnya"},
}};
constexpr std::array<Alias<UnitKind>, 5> kUnitKindAliases{{
    {"subbagian", UnitKind::sub_bagian},
    {"subbag", UnitKind::sub_bagian},
    {"sub bag", UnitKind::sub_bagian},
    {"lainnya", UnitKind::other},
    {"lain lain", UnitKind::other},
}};
static_assert(kUnitKindTerms.size() == kUnitKinds.size());

constexpr std::array<Term<PositionLevel>, 6> kPositionLevelTerms{{
    {PositionLevel::jpt_madya, "jpt_madya", "JPT Madya"},
    {PositionLevel::jpt_pratama, "jpt_pratama", "JPT Pratama"},
    {PositionLevel::administrator, "administrator", "Administrator"},
    {PositionLevel::pengawas, "pengawas", "Pengawas"},
    {PositionLevel::fungsional, "fungsional", "Fungsional"},
    {PositionLevel::pelaksana, "pelaksana", "Pelaksana"},
}};
constexpr std::array<Alias<PositionLevel>, 8> kPositionLevelAliases{{
    {"eselon i", PositionLevel::jpt_madya},
    {"eselon 1", PositionLevel::jpt_madya},
    {"eselon ii", PositionLevel::jpt_pratama},
    {"eselon 2", PositionLevel::jpt_pratama},
    {"eselon iii", PositionLevel::administrator},
    {"eselon 3", PositionLevel::administrator},
    {"eselon iv", PositionLevel::pengawas},
    {"eselon 4", PositionLevel::pengawas},
}};
static_assert(kPositionLevelTerms.size() == kPositionLevels.size());

constexpr std::array<Term<EmploymentStatus>, 2> kEmploymentStatusTerms{{
    {EmploymentStatus::pns, "pns", "PNS"},
    {EmploymentStatus::pppk, "pppk", "PPPK"},
}};
constexpr std::array<Alias<EmploymentStatus>, 1> kEmploymentStatusAliases{{
    {"p3k", EmploymentStatus::pppk},
}};
static_assert(kEmploymentStatusTerms.size() == kEmploymentStatuses.size());

constexpr std::array<Term<AssignmentKind>, 3> kAssignmentKindTerms{{
    {AssignmentKind::definitive, "definitive", "Definitif"},
    {AssignmentKind::acting, "acting", "Plt"},
    {AssignmentKind::daily_acting, "daily_acting", "Plh"},
}};
constexpr std::array<Alias<AssignmentKind>, 5> kAssignmentKindAliases{{
    {"definitif", AssignmentKind::definitive},
    {"plt", AssignmentKind::acting},
    {"pelaksana tugas", AssignmentKind::acting},
    {"plh", AssignmentKind::daily_acting},
    {"pelaksana harian", AssignmentKind::daily_acting},
}};
static_assert(kAssignmentKindTerms.size() == kAssignmentKinds.size());

constexpr std::array<Term<AttendanceStatus>, 5> kAttendanceStatusTerms{{
    {AttendanceStatus::present, "present", "Hadir"},
    {AttendanceStatus::leave, "leave", "Cuti/Izin"},
    {AttendanceStatus::sick, "sick", "Sakit"},
    {AttendanceStatus::official_travel, "official_travel", "Dinas Luar"},
    {AttendanceStatus::unexcused, "unexcused", "Tanpa Keterangan"},
}};
constexpr std::array<Alias<AttendanceStatus>, 20> kAttendanceStatusAliases{{
    {"hadir", AttendanceStatus::present},
    {"h", AttendanceStatus::present},
    {"masuk", AttendanceStatus::present},
    {"cuti", AttendanceStatus::leave},
    {"c", AttendanceStatus::leave},
    {"izin", AttendanceStatus::leave},
    {"ijin", AttendanceStatus::leave},
    {"i", AttendanceStatus::leave},
    {"sakit", AttendanceStatus::sick},
    {"s", AttendanceStatus::sick},
    {"dinas luar", AttendanceStatus::official_travel},
    {"dl", AttendanceStatus::official_travel},
    {"tugas luar", AttendanceStatus::official_travel},
    {"perjalanan dinas", AttendanceStatus::official_travel},
    {"tanpa keterangan", AttendanceStatus::unexcused},
    {"tk", AttendanceStatus::unexcused},
    {"alpa", AttendanceStatus::unexcused},
    {"alpha", AttendanceStatus::unexcused},
    {"a", AttendanceStatus::unexcused},
    {"mangkir", AttendanceStatus::unexcused},
}};
static_assert(kAttendanceStatusTerms.size() == kAttendanceStatuses.size());

constexpr std::array<Term<PositionState>, 3> kPositionStateTerms{{
    {PositionState::filled, "filled", "Terisi"},
    {PositionState::acting, "acting", "Plt/Plh"},
    {PositionState::vacant, "vacant", "Kosong"},
}};
constexpr std::array<Alias<PositionState>, 3> kPositionStateAliases{{
    {"terisi", PositionState::filled},
    {"plt/plh", PositionState::acting},
    {"kosong", PositionState::vacant},
}};
static_assert(kPositionStateTerms.size() == kPositionStates.size());

}  // namespace

std::string_view name(AgencyKind kind) {
  return term_of<AgencyKind>(kAgencyKindTerms, kind).name;
}
std::string_view label_id(AgencyKind kind) {
  return term_of<AgencyKind>(kAgencyKindTerms, kind).label;
}
std::optional<AgencyKind> parse_agency_kind(std::string_view text) {
  return parse_term<AgencyKind>(text, kAgencyKindTerms, kAgencyKindAliases);
}

std::string_view name(UnitKind kind) {
  return term_of<UnitKind>(kUnitKindTerms, kind).name;
}
std::string_view label_id(UnitKind kind) {
  return term_of<UnitKind>(kUnitKindTerms, kind).label;
}
std::optional<UnitKind> parse_unit_kind(std::string_view text) {
  return parse_term<UnitKind>(text, kUnitKindTerms, kUnitKindAliases);
}

std::string_view name(PositionLevel level) {
  return term_of<PositionLevel>(kPositionLevelTerms, level).name;
}
std::string_view label_id(PositionLevel level) {
  return term_of<PositionLevel>(kPositionLevelTerms, level).label;
}
std::optional<PositionLevel> parse_position_level(std::string_view text) {
  return parse_term<PositionLevel>(text, kPositionLevelTerms, kPositionLevelAliases);
}

std::string_view name(EmploymentStatus status) {
  return term_of<EmploymentStatus>(kEmploymentStatusTerms, status).name;
}
std::string_view label_id(EmploymentStatus status) {
  return term_of<EmploymentStatus>(kEmploymentStatusTerms, status).label;
}
std::optional<EmploymentStatus> parse_employment_status(std::string_view text) {
  return parse_term<EmploymentStatus>(text, kEmploymentStatusTerms, kEmploymentStatusAliases);
}

std::string_view name(AssignmentKind kind) {
  return term_of<AssignmentKind>(kAssignmentKindTerms, kind).name;
}
std::string_view label_id(AssignmentKind kind) {
  return term_of<AssignmentKind>(kAssignmentKindTerms, kind).label;
}
std::optional<AssignmentKind> parse_assignment_kind(std::string_view text) {
  return parse_term<AssignmentKind>(text, kAssignmentKindTerms, kAssignmentKindAliases);
}

std::string_view name(AttendanceStatus status) {
  return term_of<AttendanceStatus>(kAttendanceStatusTerms, status).name;
}
std::string_view label_id(AttendanceStatus status) {
  return term_of<AttendanceStatus>(kAttendanceStatusTerms, status).label;
}
std::optional<AttendanceStatus> parse_attendance_status(std::string_view text) {
  return parse_term<AttendanceStatus>(text, kAttendanceStatusTerms, kAttendanceStatusAliases);
}

std::string_view name(PositionState state) {
  return term_of<PositionState>(kPositionStateTerms, state).name;
}
std::string_view label_id(PositionState state) {
  return term_of<PositionState>(kPositionStateTerms, state).label;
}
std::optional<PositionState> parse_position_state(std::string_view text) {
  return parse_term<PositionState>(text, kPositionStateTerms, kPositionStateAliases);
}

}  // namespace sinergi::organization
