// Import benchmark (issue 4): 100,000 people with their assignments from CSV into a
// file-backed SQLite database (WAL), through SpreadsheetImporter::run exactly as the HTTP
// route calls it. Goal: people + assignments committed in under 5 seconds.
//
//   sinergi_import_bench [--db PATH] [--people N] [--agencies N]
//
// Setup (not timed): a fresh database, the region, N agencies and one position per person
// (a positions import). Timed: the people file (commit), the assignments file (one
// definitive assignment per person, commit), then both files again (all rows unchanged).
// Prints one "key value" line per measurement; bench/import/run.sh writes the results file.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>

#include "contexts/organization/organization_store.h"
#include "contexts/organization/spreadsheet_import.h"
#include "core/clock.h"
#include "platform/db/database.h"
#include "platform/db/database_url.h"
#include "platform/db/migrations.h"
#include "platform/tabular/table.h"

namespace {

using sinergi::Error;
using sinergi::Result;
using namespace sinergi::organization;
using Seconds = std::chrono::duration<double>;

struct Options {
  std::string database = "/tmp/sinergi-import-bench.db";
  int people = 100'000;
  int agencies = 40;
};

[[noreturn]] void fail(const std::string& what, const Error& error) {
  std::cerr << what << ": " << error.name() << ": " << error.message(sinergi::Locale::english);
  for (const auto& field : error.fields()) {
    std::cerr << " [" << field.field << ": " << field.message_en << "]";
  }
  std::cerr << " " << error.log_detail() << "\n";
  std::exit(1);
}

// A valid, unique NIP for every index below 335,664: birth 1960-MM-DD, appointment
// (1985..2014)-MM, gender 1 or 2, serial 001..999.
std::string nip_of(int index) {
  const int serial = index % 999 + 1;
  const int day = index / 999 % 28 + 1;
  const int month = index / (999 * 28) % 12 + 1;
  char text[64];  // 18 digits; room for what the compiler cannot prove about the ranges
  std::snprintf(text, sizeof text, "1960%02d%02d%04d%02d%d%03d", month, day, 1985 + index % 30,
                index % 12 + 1, index % 2 + 1, serial);
  return text;
}

std::string agency_code(int index) {
  char text[32];
  std::snprintf(text, sizeof text, "OPD-%02d", index + 1);
  return text;
}

std::string position_code(int index) {
  char text[32];
  std::snprintf(text, sizeof text, "J%06d", index + 1);
  return text;
}

std::string agencies_csv(const Options& options) {
  std::string csv = "code,short_name,name,kind,cluster\n";
  for (int index = 0; index < options.agencies; ++index) {
    const std::string code = agency_code(index);
    csv += code + "," + code + ",Dinas Nomor " + std::to_string(index + 1) + ",dinas,asisten_" +
           std::to_string(index % 3 + 1) + "\n";
  }
  return csv;
}

std::string positions_csv(const Options& options) {
  std::string csv = "agency_code,code,title,level,established_on\n";
  for (int index = 0; index < options.people; ++index) {
    csv += agency_code(index % options.agencies) + "," + position_code(index) + ",Jabatan Pelaksana " +
           std::to_string(index + 1) + ",pelaksana,2016-12-01\n";
  }
  return csv;
}

std::string people_csv(const Options& options) {
  std::string csv = "nip,nama,pangkat_golongan,status,kode_opd\n";
  csv.reserve(static_cast<std::size_t>(options.people) * 80);
  for (int index = 0; index < options.people; ++index) {
    csv += nip_of(index) + ",Pegawai Nomor " + std::to_string(index + 1) + ",Penata (III/c)," +
           (index % 5 == 0 ? "pppk" : "pns") + "," + agency_code(index % options.agencies) + "\n";
  }
  return csv;
}

std::string assignments_csv(const Options& options) {
  std::string csv = "nip,agency_code,position_code,kind,starts_on,ends_on,decree_number\n";
  csv.reserve(static_cast<std::size_t>(options.people) * 90);
  for (int index = 0; index < options.people; ++index) {
    csv += nip_of(index) + "," + agency_code(index % options.agencies) + "," + position_code(index) +
           ",definitif,2020-01-" + (index % 28 < 9 ? "0" : "") + std::to_string(index % 28 + 1) + ",,SK/" +
           std::to_string(index + 1) + "/2020\n";
  }
  return csv;
}

class Bench {
 public:
  Bench(SpreadsheetImporter& importer, sinergi::auth::Principal admin)
      : importer_(importer), admin_(std::move(admin)) {}

  // Runs one commit; prints "<label>_seconds" (wall clock), "<label>_cpu_seconds" (this
  // process's CPU time, which tells a busy machine from a slow import) and the counts.
  ImportReport commit(const std::string& label, ImportKind kind, const std::string& csv) {
    ImportFile file{csv, "text/csv", label + ".csv"};
    const auto started = std::chrono::steady_clock::now();
    const std::clock_t cpu_started = std::clock();
    Result<ImportReport> report = importer_.run(admin_, kind, ImportMode::commit, file, CallContext{});
    const Seconds elapsed = std::chrono::steady_clock::now() - started;
    const double cpu = static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC;
    if (!report.ok()) {
      fail(label, report.error());
    }
    if (!report->committed) {
      std::cerr << label << ": refused, " << report->error_count << " errors";
      if (!report->errors.empty()) {
        std::cerr << "; first: row " << report->errors[0].row << " " << report->errors[0].column << " "
                  << report->errors[0].message_en;
      }
      std::cerr << "\n";
      std::exit(1);
    }
    std::printf(
        "%s_seconds %.3f\n%s_cpu_seconds %.3f\n%s_rows %lld created %lld updated %lld unchanged %lld bytes "
        "%zu\n",
        label.c_str(), elapsed.count(), label.c_str(), cpu, label.c_str(),
        static_cast<long long>(report->rows), static_cast<long long>(report->created),
        static_cast<long long>(report->updated), static_cast<long long>(report->unchanged), csv.size());
    std::fflush(stdout);
    return report.value();
  }

 private:
  SpreadsheetImporter& importer_;
  sinergi::auth::Principal admin_;
};

Options parse_options(int argc, char** argv) {
  Options options;
  for (int index = 1; index + 1 < argc; index += 2) {
    const std::string name = argv[index];
    const std::string value = argv[index + 1];
    if (name == "--db") {
      options.database = value;
    } else if (name == "--people") {
      options.people = std::stoi(value);
    } else if (name == "--agencies") {
      options.agencies = std::stoi(value);
    } else {
      std::cerr << "usage: sinergi_import_bench [--db PATH] [--people N] [--agencies N]\n";
      std::exit(2);
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(options.database + suffix);
  }
  auto url = sinergi::db::DatabaseUrl::parse("sqlite://" + options.database);
  if (!url.ok()) {
    fail("database url", url.error());
  }
  auto database = sinergi::db::Database::open(url.value());
  if (!database.ok()) {
    fail("open", database.error());
  }
  auto migrations = sinergi::db::bundled_migrations();
  if (!migrations.ok()) {
    fail("migrations", migrations.error());
  }
  if (auto migrated = sinergi::db::migrate(**database, migrations.value()); !migrated.ok()) {
    fail("migrate", migrated.error());
  }
  auto region = (*database)->with_transaction([](soci::session& session) -> Result<long long> {
    session
        << "INSERT INTO regions (code, name, level) VALUES ('64', 'Provinsi Kalimantan Timur', 'province')";
    long long id = 0;
    session << "SELECT id FROM regions WHERE code = '64'", soci::into(id);
    return id;
  });
  if (!region.ok()) {
    fail("region", region.error());
  }

  sinergi::SystemClock clock;
  auto repository = make_sql_organization_repository(**database, clock);
  SpreadsheetImporter importer(*repository, clock);
  sinergi::auth::Principal admin;
  admin.kind = sinergi::auth::Principal::Kind::user;
  admin.user_id = 1;
  admin.name = "admin";
  admin.region_id = region.value();
  admin.roles.push_back(
      sinergi::auth::RoleGrant{sinergi::auth::Role::admin, std::nullopt, {}, {}, std::nullopt});
  Bench bench(importer, admin);

  std::printf("people %d\nagencies %d\n", options.people, options.agencies);
  const std::string people = people_csv(options);
  const std::string assignments = assignments_csv(options);
  {
    const auto started = std::chrono::steady_clock::now();
    auto table = sinergi::tabular::read_csv(people);
    const Seconds elapsed = std::chrono::steady_clock::now() - started;
    if (!table.ok()) {
      fail("read_csv", table.error());
    }
    std::printf("parse_people_csv_seconds %.3f\n", elapsed.count());
  }
  bench.commit("setup_agencies", ImportKind::agencies, agencies_csv(options));
  bench.commit("setup_positions", ImportKind::positions, positions_csv(options));

  const auto started = std::chrono::steady_clock::now();
  const std::clock_t cpu_started = std::clock();
  bench.commit("people", ImportKind::people, people);
  bench.commit("assignments", ImportKind::assignments, assignments);
  const Seconds total = std::chrono::steady_clock::now() - started;
  std::printf("people_and_assignments_seconds %.3f\npeople_and_assignments_cpu_seconds %.3f\n", total.count(),
              static_cast<double>(std::clock() - cpu_started) / CLOCKS_PER_SEC);

  const auto again_started = std::chrono::steady_clock::now();
  bench.commit("people_again", ImportKind::people, people);
  bench.commit("assignments_again", ImportKind::assignments, assignments);
  const Seconds again = std::chrono::steady_clock::now() - again_started;
  std::printf("reimport_unchanged_seconds %.3f\n", again.count());
  return 0;
}
