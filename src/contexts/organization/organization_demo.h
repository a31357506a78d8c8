#pragma once

#include <cstdint>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

// The organization demo of issue 4 (`sinergi demo`): the units, posts, people, assignment
// history and a year of attendance of the demo province (region "64", Provinsi Kalimantan
// Timur) whose agencies the identity demo created from db/seed/agencies_kaltim.csv.
//
// What it produces, for stable tests and screenshots (everything comes from a fixed seed;
// dates that matter are relative to `today`):
//   - per agency a unit tree: a Sekretariat with three sub-bagian and three or four Bidang
//     (Inspektorat: Inspektur Pembantu Wilayah I-IV; Setda: six Biro with two Bagian each;
//     Setwan: three Bagian; RSUD: Pelayanan Medik, Keperawatan, Penunjang), and a UPTD for
//     about a third of the dinas;
//   - posts: the head of agency (Setda: Sekretaris Daerah, jpt_madya), Sekretaris, Kepala
//     Bidang/Bagian/Biro, Kepala Sub Bagian, Kepala UPTD and 4-8 staff posts per agency;
//   - people with valid, unique NIPs (born 1965-1998): the holders, former holders (retired
//     or transferred out: inactive) and at least three people without a post per agency;
//     kDemoAgencyHeadNip heads Dinkes and kDemoStaffNip holds a Dinkes staff post (the demo
//     accounts kadis.dinkes and staf.dinkes);
//   - assignments with history (predecessors, promotions): exactly 10 agencies led by a Plt
//     (the definitive head left 45-400 days ago; the Plt, the agency's Sekretaris or another
//     agency's official, keeps a definitive post), 2 with a vacant head (Dispar, 10 days, and
//     Setwan, 60 days), 8 vacant Kepala Bidang / Kepala Sub Bagian posts (5-300 days), and 2
//     Plh (one beside a Kepala Dinas on leave, one on a Kasubbag post vacant for 40 days);
//   - attendance for every working day (Monday to Friday, national holidays of 2025-2026
//     skipped) of the 12 months before `today`: everyone holding a post today, and former
//     holders up to their last day. A handful of people are undisciplined on purpose (in
//     today's calendar year once it has 80 working days, else anywhere in the 12 months):
//     three with 4-8 unexcused days, two with 11-16, one with 28 or more, one with a run of
//     10 consecutive working days, and the kDemoStaffNip person with exactly 3.

namespace sinergi {
class Clock;
}
namespace sinergi::db {
class Database;
}

namespace sinergi::organization {

inline constexpr std::string_view kDemoRegionCode = "64";
// Kepala Dinas Kesehatan (the demo account kadis.dinkes).
inline constexpr std::string_view kDemoAgencyHeadNip = "198001012005011001";
// A Dinkes staff member (the demo account staf.dinkes), with 3 unexcused days this year.
inline constexpr std::string_view kDemoStaffNip = "199203152019032004";

struct OrganizationDemoReport {
  int units = 0, positions = 0, people = 0, assignments = 0;
  std::int64_t attendance_records = 0;
  bool already_present = false;
};

// Loads the organization demo into region kDemoRegionCode in ONE transaction, ending with
// one audit event "organization.demo_load" (actor system "demo") holding the counts.
// Idempotent: when the region already has any position nothing is written and the report
// says already_present. People already registered under a generated NIP keep their row
// and get no attendance. Fails with:
//   NotFound       the region does not exist (run the identity demo first)
//   InvalidInput   `today` is before 2021 (the assignment history starts in 2017)
//   Conflict, DatabaseUnavailable, DatabaseError   as for Database::with_transaction
// REQUIRES: the schema is migrated.
Result<OrganizationDemoReport> load_organization_demo(db::Database& database, const Clock& clock, Date today);

}  // namespace sinergi::organization
