#include "contexts/organization/vocabulary.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace sinergi::organization {
namespace {

// Every enumerator has a distinct code and a label, and parse gives it back from its code
// in any case.
template <typename E, typename Values, typename Parse>
void expect_round_trip(const Values& values, Parse parse) {
  std::set<std::string_view> codes;
  for (E value : values) {
    const std::string_view code = name(value);
    EXPECT_FALSE(code.empty());
    EXPECT_FALSE(label_id(value).empty()) << code;
    EXPECT_TRUE(codes.insert(code).second) << code;
    EXPECT_EQ(parse(code), std::optional<E>(value)) << code;
    std::string upper(code);
    for (char& character : upper) {
      if (character >= 'a' && character <= 'z') {
        character = static_cast<char>(character - 'a' + 'A');
      }
    }
    EXPECT_EQ(parse(upper), std::optional<E>(value)) << upper;
    EXPECT_EQ(parse("  " + std::string(code) + "\t"), std::optional<E>(value)) << code;
  }
}

TEST(VocabularyTest, EveryValueRoundTrips) {
  expect_round_trip<AgencyKind>(kAgencyKinds, parse_agency_kind);
  expect_round_trip<UnitKind>(kUnitKinds, parse_unit_kind);
  expect_round_trip<PositionLevel>(kPositionLevels, parse_position_level);
  expect_round_trip<EmploymentStatus>(kEmploymentStatuses, parse_employment_status);
  expect_round_trip<AssignmentKind>(kAssignmentKinds, parse_assignment_kind);
  expect_round_trip<AttendanceStatus>(kAttendanceStatuses, parse_attendance_status);
  expect_round_trip<PositionState>(kPositionStates, parse_position_state);
}

TEST(VocabularyTest, CodesAreTheApiNames) {
  EXPECT_EQ(name(AgencyKind::satpol_pp), "satpol_pp");
  EXPECT_EQ(name(UnitKind::sub_bagian), "sub_bagian");
  EXPECT_EQ(name(PositionLevel::jpt_pratama), "jpt_pratama");
  EXPECT_EQ(name(EmploymentStatus::pppk), "pppk");
  EXPECT_EQ(name(AssignmentKind::daily_acting), "daily_acting");
  EXPECT_EQ(name(AttendanceStatus::official_travel), "official_travel");
  EXPECT_EQ(name(PositionState::vacant), "vacant");
}

TEST(VocabularyTest, LabelsAreIndonesian) {
  EXPECT_EQ(label_id(AgencyKind::dinas), "Dinas");
  EXPECT_EQ(label_id(AgencyKind::satpol_pp), "Satuan Polisi Pamong Praja");
  EXPECT_EQ(label_id(AgencyKind::rsud), "Rumah Sakit Umum Daerah");
  EXPECT_EQ(label_id(AgencyKind::other), "Lainnya");
  EXPECT_EQ(label_id(UnitKind::sub_bagian), "Sub Bagian");
  EXPECT_EQ(label_id(UnitKind::uptd), "UPTD");
  EXPECT_EQ(label_id(PositionLevel::jpt_madya), "JPT Madya");
  EXPECT_EQ(label_id(PositionLevel::jpt_pratama), "JPT Pratama");
  EXPECT_EQ(label_id(PositionLevel::administrator), "Administrator");
  EXPECT_EQ(label_id(PositionLevel::pengawas), "Pengawas");
  EXPECT_EQ(label_id(PositionLevel::fungsional), "Fungsional");
  EXPECT_EQ(label_id(PositionLevel::pelaksana), "Pelaksana");
  EXPECT_EQ(label_id(EmploymentStatus::pns), "PNS");
  EXPECT_EQ(label_id(EmploymentStatus::pppk), "PPPK");
  EXPECT_EQ(label_id(AssignmentKind::definitive), "Definitif");
  EXPECT_EQ(label_id(AssignmentKind::acting), "Plt");
  EXPECT_EQ(label_id(AssignmentKind::daily_acting), "Plh");
  EXPECT_EQ(label_id(AttendanceStatus::present), "Hadir");
  EXPECT_EQ(label_id(AttendanceStatus::leave), "Cuti/Izin");
  EXPECT_EQ(label_id(AttendanceStatus::sick), "Sakit");
  EXPECT_EQ(label_id(AttendanceStatus::official_travel), "Dinas Luar");
  EXPECT_EQ(label_id(AttendanceStatus::unexcused), "Tanpa Keterangan");
  EXPECT_EQ(label_id(PositionState::filled), "Terisi");
  EXPECT_EQ(label_id(PositionState::acting), "Plt/Plh");
  EXPECT_EQ(label_id(PositionState::vacant), "Kosong");
}

TEST(ParseAgencyKindTest, AcceptsIndonesianSpellings) {
  EXPECT_EQ(parse_agency_kind("satpol"), AgencyKind::satpol_pp);
  EXPECT_EQ(parse_agency_kind("Satpol PP"), AgencyKind::satpol_pp);
  EXPECT_EQ(parse_agency_kind("satpol-pp"), AgencyKind::satpol_pp);
  EXPECT_EQ(parse_agency_kind("Satuan Polisi Pamong Praja"), AgencyKind::satpol_pp);
  EXPECT_EQ(parse_agency_kind("rumah sakit"), AgencyKind::rsud);
  EXPECT_EQ(parse_agency_kind("Rumah Sakit Umum Daerah"), AgencyKind::rsud);
  EXPECT_EQ(parse_agency_kind("RSUD"), AgencyKind::rsud);
  EXPECT_EQ(parse_agency_kind("Dinas"), AgencyKind::dinas);
  EXPECT_EQ(parse_agency_kind("lainnya"), AgencyKind::other);
  EXPECT_EQ(parse_agency_kind("lain-lain"), AgencyKind::other);
  EXPECT_FALSE(parse_agency_kind(""));
  EXPECT_FALSE(parse_agency_kind("   "));
  EXPECT_FALSE(parse_agency_kind("dinass"));
  EXPECT_FALSE(parse_agency_kind("satpolpp"));
  EXPECT_FALSE(parse_agency_kind("rumah"));
}

TEST(ParseUnitKindTest, AcceptsIndonesianSpellings) {
  EXPECT_EQ(parse_unit_kind("sub bagian"), UnitKind::sub_bagian);
  EXPECT_EQ(parse_unit_kind("Sub Bagian"), UnitKind::sub_bagian);
  EXPECT_EQ(parse_unit_kind("Sub-bagian"), UnitKind::sub_bagian);
  EXPECT_EQ(parse_unit_kind("subbagian"), UnitKind::sub_bagian);
  EXPECT_EQ(parse_unit_kind("SUBBAGIAN"), UnitKind::sub_bagian);
  EXPECT_EQ(parse_unit_kind("subbag"), UnitKind::sub_bagian);
  EXPECT_EQ(parse_unit_kind("Sub Bag"), UnitKind::sub_bagian);
  EXPECT_EQ(parse_unit_kind("UPTD"), UnitKind::uptd);
  EXPECT_EQ(parse_unit_kind("Bidang"), UnitKind::bidang);
  EXPECT_EQ(parse_unit_kind("Seksi"), UnitKind::seksi);
  EXPECT_EQ(parse_unit_kind("lainnya"), UnitKind::other);
  EXPECT_EQ(parse_unit_kind("lain lain"), UnitKind::other);
  EXPECT_FALSE(parse_unit_kind("sub"));
  EXPECT_FALSE(parse_unit_kind("dinas"));
}

TEST(ParsePositionLevelTest, AcceptsLabelsAndEchelons) {
  EXPECT_EQ(parse_position_level("JPT Pratama"), PositionLevel::jpt_pratama);
  EXPECT_EQ(parse_position_level("jpt pratama"), PositionLevel::jpt_pratama);
  EXPECT_EQ(parse_position_level("JPT Madya"), PositionLevel::jpt_madya);
  EXPECT_EQ(parse_position_level("jpt-madya"), PositionLevel::jpt_madya);
  EXPECT_EQ(parse_position_level("eselon I"), PositionLevel::jpt_madya);
  EXPECT_EQ(parse_position_level("Eselon 1"), PositionLevel::jpt_madya);
  EXPECT_EQ(parse_position_level("eselon II"), PositionLevel::jpt_pratama);
  EXPECT_EQ(parse_position_level("ESELON 2"), PositionLevel::jpt_pratama);
  EXPECT_EQ(parse_position_level("eselon III"), PositionLevel::administrator);
  EXPECT_EQ(parse_position_level("eselon 3"), PositionLevel::administrator);
  EXPECT_EQ(parse_position_level("eselon IV"), PositionLevel::pengawas);
  EXPECT_EQ(parse_position_level("eselon_4"), PositionLevel::pengawas);
  EXPECT_EQ(parse_position_level("Administrator"), PositionLevel::administrator);
  EXPECT_EQ(parse_position_level("fungsional"), PositionLevel::fungsional);
  EXPECT_EQ(parse_position_level("Pelaksana"), PositionLevel::pelaksana);
  EXPECT_FALSE(parse_position_level("eselon V"));
  EXPECT_FALSE(parse_position_level("eselon"));
  EXPECT_FALSE(parse_position_level("jpt"));
  EXPECT_FALSE(parse_position_level("jptpratama"));
}

TEST(ParseEmploymentStatusTest, AcceptsCodesAndP3k) {
  EXPECT_EQ(parse_employment_status("PNS"), EmploymentStatus::pns);
  EXPECT_EQ(parse_employment_status("pppk"), EmploymentStatus::pppk);
  EXPECT_EQ(parse_employment_status("P3K"), EmploymentStatus::pppk);
  EXPECT_FALSE(parse_employment_status("honorer"));
  EXPECT_FALSE(parse_employment_status(""));
}

TEST(ParseAssignmentKindTest, AcceptsPltAndPlh) {
  EXPECT_EQ(parse_assignment_kind("definitif"), AssignmentKind::definitive);
  EXPECT_EQ(parse_assignment_kind("Definitif"), AssignmentKind::definitive);
  EXPECT_EQ(parse_assignment_kind("plt"), AssignmentKind::acting);
  EXPECT_EQ(parse_assignment_kind("Plt"), AssignmentKind::acting);
  EXPECT_EQ(parse_assignment_kind("PLT"), AssignmentKind::acting);
  EXPECT_EQ(parse_assignment_kind("pelaksana tugas"), AssignmentKind::acting);
  EXPECT_EQ(parse_assignment_kind("Pelaksana Tugas"), AssignmentKind::acting);
  EXPECT_EQ(parse_assignment_kind("plh"), AssignmentKind::daily_acting);
  EXPECT_EQ(parse_assignment_kind("Plh"), AssignmentKind::daily_acting);
  EXPECT_EQ(parse_assignment_kind("pelaksana harian"), AssignmentKind::daily_acting);
  EXPECT_EQ(parse_assignment_kind("daily acting"), AssignmentKind::daily_acting);
  EXPECT_FALSE(parse_assignment_kind("pelaksana"));
  EXPECT_FALSE(parse_assignment_kind("pj"));
}

struct AttendanceCase {
  std::string_view text;
  AttendanceStatus expected;
};

class ParseAttendanceStatusTest : public ::testing::TestWithParam<AttendanceCase> {};

TEST_P(ParseAttendanceStatusTest, AcceptsWordsAndMachineCodes) {
  EXPECT_EQ(parse_attendance_status(GetParam().text), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ParseAttendanceStatusTest,
    ::testing::Values(
        AttendanceCase{"hadir", AttendanceStatus::present},
        AttendanceCase{"Hadir", AttendanceStatus::present}, AttendanceCase{"H", AttendanceStatus::present},
        AttendanceCase{"h", AttendanceStatus::present}, AttendanceCase{"masuk", AttendanceStatus::present},
        AttendanceCase{"MASUK", AttendanceStatus::present}, AttendanceCase{"cuti", AttendanceStatus::leave},
        AttendanceCase{"C", AttendanceStatus::leave}, AttendanceCase{"izin", AttendanceStatus::leave},
        AttendanceCase{"Ijin", AttendanceStatus::leave}, AttendanceCase{"I", AttendanceStatus::leave},
        AttendanceCase{"sakit", AttendanceStatus::sick}, AttendanceCase{"S", AttendanceStatus::sick},
        AttendanceCase{"dinas luar", AttendanceStatus::official_travel},
        AttendanceCase{"Dinas_Luar", AttendanceStatus::official_travel},
        AttendanceCase{"DINAS  LUAR", AttendanceStatus::official_travel},
        AttendanceCase{"DL", AttendanceStatus::official_travel},
        AttendanceCase{"tugas luar", AttendanceStatus::official_travel},
        AttendanceCase{"perjalanan dinas", AttendanceStatus::official_travel},
        AttendanceCase{"official travel", AttendanceStatus::official_travel},
        AttendanceCase{"tanpa keterangan", AttendanceStatus::unexcused},
        AttendanceCase{"Tanpa_Keterangan", AttendanceStatus::unexcused},
        AttendanceCase{"TK", AttendanceStatus::unexcused}, AttendanceCase{"tk", AttendanceStatus::unexcused},
        AttendanceCase{"alpa", AttendanceStatus::unexcused},
        AttendanceCase{"Alpha", AttendanceStatus::unexcused},
        AttendanceCase{"A", AttendanceStatus::unexcused},
        AttendanceCase{"mangkir", AttendanceStatus::unexcused},
        AttendanceCase{" a ", AttendanceStatus::unexcused}));

TEST(ParseAttendanceStatusTest, RejectsUnknownCodes) {
  EXPECT_FALSE(parse_attendance_status(""));
  EXPECT_FALSE(parse_attendance_status("X"));
  EXPECT_FALSE(parse_attendance_status("dinas"));
  EXPECT_FALSE(parse_attendance_status("tanpa"));
  EXPECT_FALSE(parse_attendance_status("hadir!"));
  EXPECT_FALSE(parse_attendance_status("h a d i r"));
}

TEST(ParsePositionStateTest, AcceptsLabels) {
  EXPECT_EQ(parse_position_state("terisi"), PositionState::filled);
  EXPECT_EQ(parse_position_state("Plt/Plh"), PositionState::acting);
  EXPECT_EQ(parse_position_state("Kosong"), PositionState::vacant);
  EXPECT_EQ(parse_position_state("vacant"), PositionState::vacant);
  EXPECT_FALSE(parse_position_state("plt"));
  EXPECT_FALSE(parse_position_state("lowong"));
}

}  // namespace
}  // namespace sinergi::organization
