// Spreadsheet imports over real storage: every case runs unchanged on SQLite and PostgreSQL
// (db::test_backends()). Expectations are written by hand from docs/api/organization.md.
#include "contexts/organization/spreadsheet_import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "contexts/organization/import_routes.h"
#include "core/clock.h"
#include "platform/auth/crypto.h"
#include "platform/auth/secured_router.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/testing/test_database.h"
#include "platform/http/request.h"
#include "platform/http/router.h"

namespace sinergi::organization {
namespace {

using std::chrono::hours;

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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

std::string describe(const ImportReport& report) {
  std::string text = "rows " + std::to_string(report.rows) + ", created " + std::to_string(report.created) +
                     ", updated " + std::to_string(report.updated) + ", unchanged " +
                     std::to_string(report.unchanged) + "\n";
  for (const auto& problem : report.errors) {
    text += "  error row " + std::to_string(problem.row) + " [" + problem.column + "] " + problem.message_en +
            "\n";
  }
  for (const auto& problem : report.warnings) {
    text += "  warning row " + std::to_string(problem.row) + " [" + problem.column + "] " +
            problem.message_en + "\n";
  }
  return text;
}

#define ASSERT_OK(expression)                                                   \
  do {                                                                          \
    const auto& _assert_ok_result = (expression);                               \
    ASSERT_TRUE(_assert_ok_result.ok()) << describe(_assert_ok_result.error()); \
  } while (false)

// Valid NIPs: birth date, appointment month, gender, serial.
constexpr std::string_view kBudi = "198503142010011001";
constexpr std::string_view kSiti = "198701022011012003";
constexpr std::string_view kDewi = "199001012015011004";
constexpr std::string_view kEko = "199101012016012005";

constexpr std::string_view kAgenciesCsv =
    "code,short_name,name,kind,cluster\n"
    "Dinkes,Dinkes,Dinas Kesehatan,dinas,asisten_3\n"
    "Disdik,Disdik,Dinas Pendidikan,dinas,asisten_3\n"
    "Bappeda,Bappeda,Badan Perencanaan Pembangunan Daerah,badan,asisten_2\n";

std::string people_csv() {
  return "nip,nama,pangkat_golongan,status,kode_opd\n" + std::string(kBudi) +
         ",Budi Santoso,Penata (III/c),PNS,Dinkes\n" + std::string(kSiti) + ",Siti Aminah,,pppk,Dinkes\n" +
         std::string(kDewi) + ",Dewi Lestari,,pns,Disdik\n" + std::string(kEko) +
         ",Eko Prasetyo,,pns,Bappeda\n";
}

class SpreadsheetImportTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  // 2026-11-23 09:00 WITA.
  SpreadsheetImportTest() : clock_(std::chrono::sys_days(std::chrono::year(2026) / 11 / 23) + hours(1)) {}

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
    auto region = database_->with_transaction([](soci::session& session) -> Result<long long> {
      session
          << "INSERT INTO regions (code, name, level) VALUES ('64', 'Provinsi Kalimantan Timur', 'province')";
      long long id = 0;
      session << "SELECT id FROM regions WHERE code = '64'", soci::into(id);
      return id;
    });
    ASSERT_OK(region);
    region_id_ = region.value();
    repository_ = make_sql_organization_repository(*database_, clock_);
    importer_ = std::make_unique<SpreadsheetImporter>(*repository_, clock_);
  }

  auth::Principal admin() const {
    auth::Principal principal;
    principal.kind = auth::Principal::Kind::user;
    principal.user_id = 1;
    principal.name = "admin";
    principal.region_id = region_id_;
    principal.roles.push_back(auth::RoleGrant{auth::Role::admin, std::nullopt, {}, {}, std::nullopt});
    return principal;
  }

  Result<ImportReport> run(ImportKind kind, ImportMode mode, std::string_view bytes,
                           std::string content_type = "text/csv", std::string file_name = "data.csv") {
    ImportFile file{bytes, std::move(content_type), std::move(file_name)};
    return importer_->run(admin(), kind, mode, file,
                          CallContext{"request-1", "192.0.2.10:40000", "test/1.0"});
  }

  // Runs a commit that must succeed without errors.
  ImportReport commit(ImportKind kind, std::string_view bytes) {
    auto report = run(kind, ImportMode::commit, bytes);
    EXPECT_TRUE(report.ok()) << describe(report.error());
    if (!report.ok()) {
      return ImportReport{};
    }
    EXPECT_TRUE(report->committed) << describe(*report);
    EXPECT_EQ(report->error_count, 0) << describe(*report);
    return report.value();
  }

  void seed_agencies() { commit(ImportKind::agencies, kAgenciesCsv); }

  void seed_positions() {
    commit(ImportKind::positions,
           "agency_code,code,title,level,is_agency_head,established_on\n"
           "Dinkes,KADIS,Kepala Dinas Kesehatan,jpt_pratama,ya,2016-12-01\n"
           "Dinkes,SEKDIS,Sekretaris Dinas Kesehatan,administrator,tidak,2016-12-01\n"
           "Disdik,KADIS,Kepala Dinas Pendidikan,eselon II,1,2016-12-01\n");
  }

  long long count(const std::string& table, const std::string& where = "") {
    auto counted = database_->with_read_transaction([&](soci::session& session) -> Result<long long> {
      long long rows = 0;
      session << "SELECT COUNT(*) FROM " + table + (where.empty() ? "" : " WHERE " + where), soci::into(rows);
      return rows;
    });
    EXPECT_TRUE(counted.ok());
    return counted.ok() ? counted.value() : -1;
  }

  std::string text(const std::string& sql) {
    auto value = database_->with_read_transaction([&](soci::session& session) -> Result<std::string> {
      std::string result;
      soci::indicator indicator = soci::i_null;
      session << sql, soci::into(result, indicator);
      return indicator == soci::i_ok ? result : std::string("<null>");
    });
    EXPECT_TRUE(value.ok());
    return value.ok() ? value.value() : std::string();
  }

  ManualClock clock_;
  std::optional<db::TestDatabase> test_database_;
  std::unique_ptr<db::Database> database_;
  long long region_id_ = 0;
  std::unique_ptr<OrganizationRepository> repository_;
  std::unique_ptr<SpreadsheetImporter> importer_;
};

struct Expected {
  std::size_t row;
  std::string column;
  std::string english_fragment;
};

void expect_errors(const ImportReport& report, const std::vector<Expected>& expected) {
  ASSERT_EQ(report.errors.size(), expected.size()) << describe(report);
  EXPECT_EQ(report.error_count, static_cast<std::int64_t>(expected.size()));
  for (std::size_t index = 0; index < expected.size(); ++index) {
    SCOPED_TRACE("error " + std::to_string(index));
    EXPECT_EQ(report.errors[index].row, expected[index].row);
    EXPECT_EQ(report.errors[index].column, expected[index].column);
    EXPECT_NE(report.errors[index].message_en.find(expected[index].english_fragment), std::string::npos)
        << report.errors[index].message_en;
    EXPECT_FALSE(report.errors[index].message_id.empty());
  }
}

TEST_P(SpreadsheetImportTest, PeopleWithThreeBadRowsAreRefusedWholeAndNothingIsWritten) {
  seed_agencies();
  const std::string csv = "nip,nama,pangkat_golongan,status,kode_opd\n" +  //
                          std::string(kBudi) +
                          ",Budi Santoso,Penata (III/c),PNS,Dinkes\n"           // row 2
                          "198503142010131002,Siti Aminah,,pns,Dinkes\n"        // row 3: month 13
                          + std::string(kSiti) + ",Andi,,pppk,XYZ\n"            // row 4
                          + std::string(kDewi) + ",Dewi Lestari,,pns,Disdik\n"  // row 5
                          + std::string(kEko) + ",Eko Prasetyo,,pns,Bappeda\n"  // row 6
                          + std::string(kDewi) + ",Dewi Lagi,,pns,Disdik\n";    // row 7
  const std::int64_t events_before = count("audit_events");

  auto report = run(ImportKind::people, ImportMode::commit, csv);
  ASSERT_OK(report);
  EXPECT_FALSE(report->committed);
  EXPECT_EQ(report->mode, ImportMode::commit);
  EXPECT_EQ(report->rows, 6);
  expect_errors(*report, {{3, "nip", "digits 9-14 (appointment 201013): month 13"},
                          {4, "agency_code", "'XYZ'"},
                          {7, "nip", "already appears in row 5"}});
  EXPECT_NE(report->errors[1].message_id.find("kode OPD 'XYZ' tidak terdaftar"), std::string::npos);
  EXPECT_NE(report->errors[2].message_id.find("baris 5"), std::string::npos);
  EXPECT_EQ(report->created, 3);  // the valid rows, as they would be
  EXPECT_EQ(count("people"), 0);
  EXPECT_EQ(count("audit_events"), events_before);

  // The same file as a dry run: the same report, still nothing written.
  auto dry = run(ImportKind::people, ImportMode::dry_run, csv);
  ASSERT_OK(dry);
  EXPECT_EQ(dry->errors, report->errors);
  EXPECT_EQ(count("people"), 0);
}

TEST_P(SpreadsheetImportTest, DryRunWritesNothingCommitCreatesThenReimportIsUnchangedAndAChangeUpdates) {
  seed_agencies();
  const std::string csv = people_csv();
  auto dry = run(ImportKind::people, ImportMode::dry_run, csv);
  ASSERT_OK(dry);
  EXPECT_FALSE(dry->committed);
  EXPECT_EQ(dry->mode, ImportMode::dry_run);
  EXPECT_EQ(dry->created, 4) << describe(*dry);
  EXPECT_TRUE(dry->errors.empty());
  EXPECT_EQ(count("people"), 0);
  const std::int64_t events_before = count("audit_events");

  ImportReport created = commit(ImportKind::people, csv);
  EXPECT_EQ(created.created, 4);
  EXPECT_EQ(created.updated, 0);
  EXPECT_EQ(count("people"), 4);
  EXPECT_EQ(
      text(
          "SELECT p.name || '|' || p.rank_grade || '|' || p.employment_status || '|' || g.code FROM people p "
          "JOIN agencies g ON g.id = p.agency_id WHERE p.nip = '" +
          std::string(kBudi) + "'"),
      "Budi Santoso|Penata (III/c)|pns|Dinkes");
  EXPECT_EQ(text("SELECT employment_status FROM people WHERE nip = '" + std::string(kSiti) + "'"), "pppk");
  // One audit event, naming the kind, the counts and the file's fingerprint.
  ASSERT_EQ(count("audit_events"), events_before + 1);
  EXPECT_EQ(
      text("SELECT action || '|' || entity_type || '|' || entity_id FROM audit_events ORDER BY sequence DESC "
           "LIMIT 1"),
      "organization_import.commit|organization_import|people");
  const auto changes =
      nlohmann::json::parse(text("SELECT changes FROM audit_events ORDER BY sequence DESC LIMIT 1"));
  std::map<std::string, nlohmann::json> after;
  for (const auto& change : changes) {
    after[change.at("field").get<std::string>()] = change.at("after");
  }
  EXPECT_EQ(after["file_name"], "data.csv");
  EXPECT_EQ(after["file_size"], csv.size());
  EXPECT_EQ(after["sha256"], auth::sha256_hex(csv));
  EXPECT_EQ(after["created"], 4);
  EXPECT_EQ(after["rows"], 4);

  ImportReport again = commit(ImportKind::people, csv);
  EXPECT_EQ(again.created, 0);
  EXPECT_EQ(again.updated, 0);
  EXPECT_EQ(again.unchanged, 4);
  EXPECT_EQ(count("people"), 4);

  std::string changed = csv;
  changed.replace(changed.find("Eko Prasetyo"), 12, "Eko Prasetya");
  ImportReport updated = commit(ImportKind::people, changed);
  EXPECT_EQ(updated.updated, 1);
  EXPECT_EQ(updated.unchanged, 3);
  EXPECT_EQ(text("SELECT name FROM people WHERE nip = '" + std::string(kEko) + "'"), "Eko Prasetya");
  EXPECT_EQ(text("SELECT version FROM people WHERE nip = '" + std::string(kEko) + "'"), "2");

  // A file without the optional agency column keeps every agency.
  ImportReport without_agency =
      commit(ImportKind::people, "NIP;Nama;Status\n" + std::string(kBudi) + ";Budi Santoso;pns\n");
  EXPECT_EQ(without_agency.unchanged, 1) << describe(without_agency);
  EXPECT_EQ(text("SELECT g.code FROM people p JOIN agencies g ON g.id = p.agency_id WHERE p.nip = '" +
                 std::string(kBudi) + "'"),
            "Dinkes");
}

TEST_P(SpreadsheetImportTest, HeaderProblemsAreReportedOnRowOne) {
  seed_agencies();
  auto missing = run(ImportKind::people, ImportMode::dry_run, "nama,kode_opd,hobi\nBudi,Dinkes,catur\n");
  ASSERT_OK(missing);
  expect_errors(*missing, {{1, "nip", "the required column 'nip' is missing"},
                           {1, "employment_status", "also accepted: status, status_kepegawaian"}});
  ASSERT_EQ(missing->warnings.size(), 1U);
  EXPECT_EQ(missing->warnings[0].row, 1U);
  EXPECT_EQ(missing->warnings[0].column, "hobi");

  auto empty = run(ImportKind::people, ImportMode::commit, "");
  ASSERT_OK(empty);
  expect_errors(*empty, {{1, "", "the file is empty"}});
  EXPECT_FALSE(empty->committed);

  auto header_only = run(ImportKind::people, ImportMode::dry_run, "nip,name,employment_status\n\n");
  ASSERT_OK(header_only);
  expect_errors(*header_only, {{2, "", "no data rows"}});

  auto twice = run(ImportKind::people, ImportMode::dry_run,
                   "nip,name,nama,status\n" + std::string(kBudi) + ",Budi,Budi,pns\n");
  ASSERT_OK(twice);
  expect_errors(*twice, {{1, "name", "both mean name"}});
}

TEST_P(SpreadsheetImportTest, AgenciesUnitsAndPositionsUpsertByTheirCodes) {
  ImportReport agencies = commit(ImportKind::agencies, kAgenciesCsv);
  EXPECT_EQ(agencies.created, 3);
  EXPECT_EQ(count("agencies"), 3);
  ImportReport renamed = commit(ImportKind::agencies,
                                "Kode;Singkatan;Nama;Jenis;Asisten;berlaku_mulai\n"
                                "Dinkes;Dinkes;Dinas Kesehatan;dinas;Asisten III;01/12/2016\n"
                                "Bappeda;Bappeda;Badan Perencanaan Pembangunan Daerah;badan;asisten_2;\n");
  EXPECT_EQ(renamed.updated, 1) << describe(renamed);  // Dinkes gains active_from
  EXPECT_EQ(renamed.unchanged, 1);                     // Bappeda: an empty active_from, as stored
  EXPECT_EQ(text("SELECT active_from FROM agencies WHERE code = 'Dinkes'"), "2016-12-01");
  EXPECT_EQ(count("agencies"), 3);

  // Units: a child may come before its parent; a cycle and an unknown parent are refused.
  auto bad_units = run(ImportKind::units, ImportMode::commit,
                       "kode_opd,kode,kode_induk,nama,jenis\n"
                       "Dinkes,SEKRE,,Sekretariat,sekretariat\n"  // 2
                       "Dinkes,A,B,Unit A,bidang\n"               // 3
                       "Dinkes,B,A,Unit B,bidang\n"               // 4
                       "Dinkes,C,ZZZ,Unit C,seksi\n"              // 5
                       "Nope,D,,Unit D,seksi\n");                 // 6
  ASSERT_OK(bad_units);
  expect_errors(*bad_units, {{3, "parent_code", "its own ancestor"},
                             {4, "parent_code", "its own ancestor"},
                             {5, "parent_code", "'ZZZ'"},
                             {6, "agency_code", "'Nope'"}});
  EXPECT_EQ(count("organization_units"), 0);

  ImportReport units = commit(ImportKind::units,
                              "agency_code,code,parent_code,name,kind\n"
                              "Dinkes,SEKSI-1,BID-P2P,Seksi Surveilans,seksi\n"
                              "Dinkes,BID-P2P,,Bidang P2P,bidang\n"
                              "Disdik,SEKRE,,Sekretariat,sekretariat\n");
  EXPECT_EQ(units.created, 3);
  EXPECT_EQ(
      text("SELECT p.code FROM organization_units u JOIN organization_units p ON p.id = u.parent_id WHERE "
           "u.code = 'SEKSI-1'"),
      "BID-P2P");
  ImportReport units_again = commit(ImportKind::units,
                                    "agency_code,code,parent_code,name,kind\n"
                                    "Dinkes,SEKSI-1,BID-P2P,Seksi Surveilans,seksi\n"
                                    "Dinkes,BID-P2P,,Bidang Pencegahan Penyakit,bidang\n");
  EXPECT_EQ(units_again.unchanged, 1);
  EXPECT_EQ(units_again.updated, 1);

  ImportReport positions = commit(ImportKind::positions,
                                  "agency_code,code,unit_code,title,level,is_agency_head,is_unit_head,"
                                  "established_on\n"
                                  "Dinkes,KADIS,,Kepala Dinas Kesehatan,jpt_pratama,ya,,2016-12-01\n"
                                  "Dinkes,KABID-P2P,BID-P2P,Kepala Bidang P2P,eselon III,0,1,2016-12-01\n");
  EXPECT_EQ(positions.created, 2);
  EXPECT_EQ(text("SELECT is_agency_head FROM positions WHERE code = 'KADIS'"), "1");
  EXPECT_EQ(text("SELECT level FROM positions WHERE code = 'KABID-P2P'"), "administrator");
  auto bad_positions = run(ImportKind::positions, ImportMode::dry_run,
                           "agency_code,code,unit_code,title,level,is_agency_head,established_on\n"
                           "Dinkes,KADIS,NOUNIT,Kepala Dinas Kesehatan,jpt_pratama,mungkin,2016-12-01\n"
                           "Dinkes,KADIS,,Kepala Dinas Kesehatan,jpt_pratama,ya,2016-12-01\n");
  ASSERT_OK(bad_positions);
  expect_errors(*bad_positions, {{2, "is_agency_head", "'mungkin' must be yes or no"},
                                 {2, "unit_code", "'NOUNIT'"},
                                 {3, "code", "already appears in row 2"}});
  // One head-of-agency post per agency, as in the form.
  auto second_head = run(ImportKind::positions, ImportMode::dry_run,
                         "agency_code,code,title,level,is_agency_head,established_on\n"
                         "Dinkes,PLT-KADIS,Kepala Dinas Kesehatan (baru),jpt_pratama,ya,2026-01-02\n");
  ASSERT_OK(second_head);
  expect_errors(*second_head, {{2, "is_agency_head", "already has the head-of-agency post 'KADIS'"}});
}

TEST_P(SpreadsheetImportTest, AssignmentsOverlappingADefinitiveAreRefusedAgainstTheFileAndTheStore) {
  seed_agencies();
  seed_positions();
  commit(ImportKind::people, people_csv());

  const std::string header = "nip,agency_code,position_code,kind,starts_on,ends_on,decree_number\n";
  auto overlapping = run(ImportKind::assignments, ImportMode::commit,
                         header + std::string(kBudi) + ",Dinkes,KADIS,definitif,2020-01-01,,SK-1\n" +  // 2
                             std::string(kSiti) + ",Dinkes,KADIS,definitif,01/01/2021,,SK-2\n" +       // 3
                             std::string(kSiti) + ",Dinkes,SEKDIS,plt,2022-01-01,,SK-3\n" +            // 4
                             std::string(kDewi) + ",Dinkes,NOPE,plt,2022-01-01,,SK-4\n" +              // 5
                             "199912312020121999,Dinkes,SEKDIS,plh,2022-01-01,,SK-5\n");               // 6
  ASSERT_OK(overlapping);
  expect_errors(*overlapping, {{3, "starts_on",
                                "overlaps the definitive tenure of Budi Santoso 2020-01-01 to "
                                "present (row 2 of this file)"},
                               {5, "position_code", "'NOPE'"},
                               {6, "nip", "no person with the NIP 199912312020121999"}});
  EXPECT_FALSE(overlapping->committed);
  EXPECT_EQ(count("assignments"), 0);

  ImportReport first = commit(ImportKind::assignments,
                              header + std::string(kBudi) + ",Dinkes,KADIS,definitive,2020-01-01,,SK-1\n" +
                                  std::string(kSiti) + ",Dinkes,SEKDIS,Plt,2022-01-01,,SK-3\n");
  EXPECT_EQ(first.created, 2);
  EXPECT_EQ(count("assignments"), 2);
  EXPECT_EQ(text("SELECT kind FROM assignments WHERE decree_number = 'SK-3'"), "acting");

  // Against the store: another definitive on KADIS while Budi holds it.
  auto against_store = run(ImportKind::assignments, ImportMode::commit,
                           header + std::string(kEko) + ",Dinkes,KADIS,definitif,2024-06-01,,SK-9\n");
  ASSERT_OK(against_store);
  expect_errors(*against_store, {{2, "starts_on", "overlaps the definitive tenure of Budi Santoso"}});
  EXPECT_EQ(count("assignments"), 2);

  // Ending Budi's tenure in the same file makes room for Eko.
  ImportReport handover =
      commit(ImportKind::assignments, header + std::string(kBudi) +
                                          ",Dinkes,KADIS,definitif,2020-01-01,2024-05-31,SK-1\n" +
                                          std::string(kEko) + ",Dinkes,KADIS,definitif,2024-06-01,,SK-9\n");
  EXPECT_EQ(handover.updated, 1);
  EXPECT_EQ(handover.created, 1);
  EXPECT_EQ(text("SELECT ends_on FROM assignments WHERE decree_number = 'SK-1'"), "2024-05-31");
  ImportReport same =
      commit(ImportKind::assignments,
             header + std::string(kBudi) + ",Dinkes,KADIS,definitif,2020-01-01,2024-05-31,SK-1\n");
  EXPECT_EQ(same.unchanged, 1);
}

TEST_P(SpreadsheetImportTest, AttendanceCodesIndonesianDatesAndUnknownPeople) {
  seed_agencies();
  commit(ImportKind::people, people_csv());
  const std::string csv = "nip;tanggal;keterangan;terlambat_menit\n" +      //
                          std::string(kBudi) + ";02/11/2026;H;5\n" +        // 2
                          std::string(kBudi) + ";3/11/2026;TK;\n" +         // 3
                          std::string(kSiti) + ";2026-11-02;C;\n" +         // 4
                          "199912312020121999;04/11/2026;H;0\n" +           // 5 unknown person
                          std::string(kBudi) + ";30/11/2026;H;0\n" +        // 6 future
                          std::string(kSiti) + ";05/11/2026;izin;2000\n" +  // 7 late out of range
                          std::string(kSiti) + ";06/11/2026;libur;\n" +     // 8 unknown status
                          std::string(kBudi) + ";2026-11-02;S;\n";          // 9 duplicate of row 2
  auto refused = run(ImportKind::attendance, ImportMode::commit, csv);
  ASSERT_OK(refused);
  expect_errors(*refused, {{5, "nip", "no person with the NIP 199912312020121999"},
                           {6, "day", "2026-11-30 is in the future"},
                           {7, "late_minutes", "from 0 to 1440"},
                           {8, "status", "'libur' is not known"},
                           {9, "day", "already appears in row 2"}});
  EXPECT_EQ(count("attendance_records"), 0);
  EXPECT_EQ(count("audit_events", "action = 'attendance_import.commit'"), 0);

  const std::string good = "nip;tanggal;keterangan;terlambat_menit\n" + std::string(kBudi) +
                           ";02/11/2026;H;5\n" + std::string(kBudi) + ";3/11/2026;TK;\n" +
                           std::string(kSiti) + ";2026-11-02;C;\n" + std::string(kDewi) +
                           ";2026-11-02;Dinas Luar;\n";
  ImportReport created = commit(ImportKind::attendance, good);
  EXPECT_EQ(created.created, 4);
  EXPECT_EQ(text("SELECT status || '|' || late_minutes FROM attendance_records r JOIN people p ON p.id = "
                 "r.person_id WHERE p.nip = '" +
                 std::string(kBudi) + "' AND r.day = '2026-11-03'"),
            "unexcused|0");
  EXPECT_EQ(
      text("SELECT g.code FROM attendance_records r JOIN agencies g ON g.id = r.agency_id JOIN people p ON "
           "p.id = r.person_id WHERE p.nip = '" +
           std::string(kDewi) + "'"),
      "Disdik");
  EXPECT_EQ(count("attendance_records", "status = 'official_travel'"), 1);
  EXPECT_EQ(
      count("audit_events", "action = 'attendance_import.commit' AND entity_type = 'attendance_import'"), 1);

  ImportReport corrected =
      commit(ImportKind::attendance, "nip,day,status\n" + std::string(kBudi) + ",2026-11-03,S\n" +
                                         std::string(kBudi) + ",2026-11-02,H\n");
  EXPECT_EQ(corrected.updated, 1);    // 11-03 TK -> S
  EXPECT_EQ(corrected.unchanged, 1);  // 11-02: no late_minutes column, the stored 5 stays
  EXPECT_EQ(count("attendance_records", "late_minutes = 5"), 1);
  EXPECT_EQ(count("attendance_records", "status = 'sick'"), 1);
  EXPECT_EQ(count("attendance_records"), 4);
}

TEST_P(SpreadsheetImportTest, AnXlsxMadeByTheWriterImportsLikeTheCsv) {
  seed_agencies();
  tabular::Sheet sheet;
  sheet.header = {"NIP", "Nama", "Pangkat/Golongan", "Status", "Kode OPD"};
  sheet.rows = {{std::string(kBudi), std::string("Budi Santoso"), std::string("Penata (III/c)"),
                 std::string("PNS"), std::string("Dinkes")},
                {std::string(kSiti), std::string("Siti Aminah"), std::monostate{}, std::string("pppk"),
                 std::string("Dinkes")},
                {std::string(kDewi), std::string("Dewi Lestari"), std::monostate{}, std::string("pns"),
                 std::string("Disdik")},
                {std::string(kEko), std::string("Eko Prasetyo"), std::monostate{}, std::string("pns"),
                 std::string("Bappeda")}};
  auto xlsx = tabular::write_xlsx(sheet);
  ASSERT_OK(xlsx);
  auto from_xlsx =
      run(ImportKind::people, ImportMode::dry_run, *xlsx, std::string(kXlsxType), "pegawai.xlsx");
  ASSERT_OK(from_xlsx);
  auto from_csv = run(ImportKind::people, ImportMode::dry_run, people_csv());
  ASSERT_OK(from_csv);
  EXPECT_EQ(from_xlsx->rows, from_csv->rows);
  EXPECT_EQ(from_xlsx->created, from_csv->created);
  EXPECT_EQ(from_xlsx->errors, from_csv->errors);
  EXPECT_TRUE(from_xlsx->warnings.empty()) << describe(*from_xlsx);

  ImportReport committed = commit(ImportKind::people, *xlsx);
  EXPECT_EQ(committed.created, 4);
  ImportReport csv_again = commit(ImportKind::people, people_csv());
  EXPECT_EQ(csv_again.unchanged, 4);
}

TEST_P(SpreadsheetImportTest, BadFilesAreRefusedWithTheirOwnErrorAndNothingIsWritten) {
  seed_agencies();
  const std::int64_t events_before = count("audit_events");

  std::string big = people_csv();
  big.resize(std::size_t{21} * 1024 * 1024, '\n');
  auto too_big = run(ImportKind::people, ImportMode::commit, big);
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().code(), ErrorCode::FileLimitExceeded);
  ASSERT_EQ(too_big.error().fields().size(), 1U);
  EXPECT_EQ(too_big.error().fields()[0].field, "file");

  std::mt19937 random(42);
  std::string noise(4096, '\0');
  for (char& byte : noise) {
    byte = static_cast<char>(random() & 0xFF);
  }
  auto damaged =
      run(ImportKind::people, ImportMode::commit, "PK\x03\x04" + noise, std::string(kXlsxType), "x.xlsx");
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().code(), ErrorCode::UnreadableFile) << describe(damaged.error());
  // Without the zip signature the bytes are no spreadsheet at all (platform/tabular).
  auto disguised = run(ImportKind::people, ImportMode::commit, noise, std::string(kXlsxType), "x.xlsx");
  ASSERT_FALSE(disguised.ok());
  EXPECT_EQ(disguised.error().code(), ErrorCode::UnsupportedFileFormat) << describe(disguised.error());

  // A zip bomb: a few kilobytes that inflate to megabytes of one repeated letter.
  tabular::Sheet bomb;
  bomb.header = {"nip", "name", "employment_status"};
  for (int row = 0; row < 120; ++row) {
    bomb.rows.push_back(
        {std::string(kBudi), std::string(30000, 'A') + std::to_string(row), std::string("pns")});
  }
  auto bomb_bytes = tabular::write_xlsx(bomb);
  ASSERT_OK(bomb_bytes);
  auto exploded =
      run(ImportKind::people, ImportMode::commit, *bomb_bytes, std::string(kXlsxType), "bom.xlsx");
  ASSERT_FALSE(exploded.ok());
  EXPECT_EQ(exploded.error().code(), ErrorCode::FileLimitExceeded) << describe(exploded.error());

  EXPECT_EQ(count("people"), 0);
  EXPECT_EQ(count("audit_events"), events_before);
}

TEST_P(SpreadsheetImportTest, OnlyTheRegionsAdministratorMayImport) {
  seed_agencies();
  auth::Principal planner = admin();
  planner.roles = {auth::RoleGrant{auth::Role::planner, std::nullopt, {}, {}, std::nullopt}};
  const std::string csv = people_csv();
  ImportFile file{csv, "text/csv", "p.csv"};
  auto refused = importer_->run(planner, ImportKind::people, ImportMode::dry_run, file, CallContext{});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code(), ErrorCode::Forbidden);
  auth::Principal regionless = admin();
  regionless.region_id.reset();
  auto nowhere = importer_->run(regionless, ImportKind::attendance, ImportMode::dry_run, file, CallContext{});
  ASSERT_FALSE(nowhere.ok());
  EXPECT_EQ(nowhere.error().code(), ErrorCode::Forbidden);
}

TEST_P(SpreadsheetImportTest, TemplatesCarryTheCanonicalHeader) {
  auto people = importer_->template_sheet(ImportKind::people);
  ASSERT_OK(people);
  EXPECT_EQ(people->header,
            (std::vector<std::string>{"nip", "name", "rank_grade", "employment_status", "agency_code"}));
  EXPECT_TRUE(people->rows.empty());
  auto attendance = importer_->template_sheet(ImportKind::attendance);
  ASSERT_OK(attendance);
  EXPECT_EQ(attendance->header, (std::vector<std::string>{"nip", "day", "status", "late_minutes"}));
  // A template read back as a file is a header without rows.
  for (ImportKind kind : kImportKinds) {
    auto sheet = importer_->template_sheet(kind);
    ASSERT_OK(sheet);
    auto report = run(kind, ImportMode::dry_run, tabular::write_csv(*sheet));
    ASSERT_OK(report);
    expect_errors(*report, {{2, "", "no data rows"}});
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, SpreadsheetImportTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

// --- The routes ---

class AdminAuthenticator final : public auth::Authenticator {
 public:
  explicit AdminAuthenticator(auth::Principal principal) : principal_(std::move(principal)) {}
  Result<auth::Principal> authenticate(http::Request&) override { return principal_; }

 private:
  auth::Principal principal_;
};

class ImportRoutesTest : public SpreadsheetImportTest {
 protected:
  void SetUp() override {
    SpreadsheetImportTest::SetUp();
    if (HasFatalFailure()) {
      return;
    }
    authenticator_ = std::make_unique<AdminAuthenticator>(admin());
    secured_ = std::make_unique<auth::SecuredRouter>(router_, *authenticator_, nullptr);
    register_import_routes(*secured_, *importer_);
  }

  http::Response call(http::Method method, const std::string& target, std::string body = "",
                      std::string content_type = "text/csv", Locale locale = Locale::english) {
    http::Request request;
    request.method = method;
    request.set_target(target);
    request.body = std::move(body);
    request.headers.set("Content-Type", std::move(content_type));
    request.headers.set("X-File-Name", "pegawai%20baru.csv");
    request.locale = locale;
    request.request_id = "route-test";
    auto match = router_.match(method, request.path);
    EXPECT_TRUE(match.ok());
    if (!match.ok()) {
      return http::problem_response(match.error(), request);
    }
    request.path_parameters = match->parameters;
    auto response = (*match->handler)(request);
    return response.ok() ? response.value() : http::problem_response(response.error(), request);
  }

  http::Router router_;
  std::unique_ptr<AdminAuthenticator> authenticator_;
  std::unique_ptr<auth::SecuredRouter> secured_;
};

TEST_P(ImportRoutesTest, ReportsAreAnsweredAsDocumented) {
  seed_agencies();
  http::Response dry = call(http::Method::post, "/api/v1/organization/imports/people", people_csv());
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_TRUE(dry.body.starts_with(R"({"kind":"people","mode":"dry_run","committed":false,"rows":4,)"))
      << dry.body;
  const auto report = nlohmann::json::parse(dry.body);
  EXPECT_EQ(report.at("created"), 4);
  EXPECT_EQ(report.at("error_count"), 0);
  EXPECT_TRUE(report.at("errors").empty());

  const std::string bad = people_csv() + "123,Salah,,pns,Dinkes\n";
  http::Response refused = call(http::Method::post, "/api/v1/organization/imports/people?mode=commit", bad,
                                "text/csv", Locale::indonesian);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.headers.get("Content-Type").value_or(""), "application/problem+json");
  const auto problem = nlohmann::json::parse(refused.body);
  EXPECT_EQ(problem.at("type"), "urn:sinergi:problem:validation_failed");
  EXPECT_EQ(problem.at("report").at("committed"), false);
  EXPECT_EQ(problem.at("report").at("mode"), "commit");
  ASSERT_EQ(problem.at("report").at("errors").size(), 1U);
  EXPECT_EQ(problem.at("report").at("errors")[0],
            (nlohmann::json{{"row", 6}, {"column", "nip"}, {"message", "NIP harus tepat 18 angka"}}));
  EXPECT_EQ(count("people"), 0);

  http::Response committed =
      call(http::Method::post, "/api/v1/organization/imports/people?mode=commit", people_csv());
  ASSERT_EQ(committed.status, 200) << committed.body;
  EXPECT_EQ(nlohmann::json::parse(committed.body).at("committed"), true);
  EXPECT_EQ(
      text("SELECT changes FROM audit_events ORDER BY sequence DESC LIMIT 1").find("pegawai baru.csv") !=
          std::string::npos,
      true);

  http::Response attendance = call(http::Method::post, "/api/v1/attendance/imports",
                                   "nip,day,status\n" + std::string(kBudi) + ",2026-11-02,H\n");
  ASSERT_EQ(attendance.status, 200) << attendance.body;
  EXPECT_EQ(nlohmann::json::parse(attendance.body).at("kind"), "attendance");
}

TEST_P(ImportRoutesTest, UnknownKindsBadModesAndTooLargeBodiesAreRefused) {
  EXPECT_EQ(call(http::Method::post, "/api/v1/organization/imports/widgets", "x").status, 404);
  EXPECT_EQ(call(http::Method::post, "/api/v1/organization/imports/attendance", "x").status, 404);
  EXPECT_EQ(call(http::Method::get, "/api/v1/organization/imports/widgets/template").status, 404);
  http::Response bad_mode = call(http::Method::post, "/api/v1/organization/imports/people?mode=maybe", "x");
  ASSERT_EQ(bad_mode.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad_mode.body).at("errors")[0].at("field"), "mode");
  http::Response too_big =
      call(http::Method::post, "/api/v1/organization/imports/people", std::string(kMaxImportBytes + 1, 'x'));
  EXPECT_EQ(too_big.status, 413);
}

TEST_P(ImportRoutesTest, TemplatesDownloadAsCsvOrXlsx) {
  http::Response csv = call(http::Method::get, "/api/v1/organization/imports/assignments/template");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body,
            "\xEF\xBB\xBFnip,agency_code,position_code,kind,starts_on,ends_on,decree_number,note\r\n");
  EXPECT_NE(csv.headers.get("Content-Disposition").value_or("").find("templat-penugasan-2026-11-23.csv"),
            std::string::npos);
  http::Response xlsx = call(http::Method::get, "/api/v1/attendance/template?format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.headers.get("Content-Type").value_or(""), kXlsxType);
  EXPECT_TRUE(xlsx.body.starts_with("PK\x03\x04"));
  EXPECT_EQ(call(http::Method::get, "/api/v1/attendance/template?format=pdf").status, 400);
}

TEST_P(ImportRoutesTest, EveryRouteHasItsActionAndItsOpenApiOperation) {
  const std::map<std::string, auth::Action> expected = {
      {"importOrganizationData", auth::Action::organization_manage},
      {"getOrganizationImportTemplate", auth::Action::organization_manage},
      {"importAttendance", auth::Action::attendance_import},
      {"getAttendanceTemplate", auth::Action::attendance_import}};
  std::ifstream file(SINERGI_IMPORTS_OPENAPI);
  ASSERT_TRUE(file) << SINERGI_IMPORTS_OPENAPI;
  const nlohmann::json document = nlohmann::json::parse(file);
  ASSERT_EQ(secured_->routes().size(), expected.size());
  for (const auto& route : secured_->routes()) {
    SCOPED_TRACE(route.operation_id);
    ASSERT_TRUE(expected.contains(route.operation_id));
    EXPECT_EQ(route.action, expected.at(route.operation_id));
    const std::string method = route.method == http::Method::get ? "get" : "post";
    const auto& operation = document.at("paths").at(route.pattern).at(method);
    EXPECT_EQ(operation.at("operationId"), route.operation_id);
    EXPECT_TRUE(operation.at("responses").contains("401"));
  }
  const std::string text = document.dump();
  for (std::size_t position = text.find("#/components/schemas/"); position != std::string::npos;
       position = text.find("#/components/schemas/", position + 1)) {
    const std::size_t start = position + std::string_view("#/components/schemas/").size();
    const std::string schema = text.substr(start, text.find('"', start) - start);
    EXPECT_TRUE(schema == "Problem" || document.at("components").at("schemas").contains(schema)) << schema;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportRoutesTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::organization
