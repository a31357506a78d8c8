// Black-box tests of the `sinergi` command line: every failure is one clear line and a
// non-zero exit code, never a stack trace.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "platform/db/database.h"
#include "platform/db/testing/test_database.h"
#include "server_process.h"

namespace sinergi::api_test {
namespace {

namespace fs = std::filesystem;

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

fs::path scratch_file(const std::string& name) {
  return fs::temp_directory_path() / ("sinergi-cli-" + std::to_string(::getpid()) + "-" + name);
}

TEST(CliTest, PrintsItsVersion) {
  CommandResult result = run_sinergi({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.standard_output.find(SINERGI_VERSION), std::string::npos);
}

TEST(CliTest, EveryCommandHasHelp) {
  for (const char* command : {"serve", "migrate", "demo", "import"}) {
    SCOPED_TRACE(command);
    CommandResult result = run_sinergi({command, "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.standard_output.find("--db"), std::string::npos);
  }
}

TEST(CliTest, ImportIsADryRunUnlessCommittedAndExitsFourOnErrors) {
  auto database = db::TestDatabase::create(db::Backend::sqlite);
  ASSERT_TRUE(database.ok());
  ASSERT_EQ(run_sinergi({"demo", "--db", database.value().url_text()}).exit_code, 0);
  const auto file = std::filesystem::temp_directory_path() / "sinergi-cli-import.csv";
  {
    std::ofstream out(file);
    out << "nip;nama;status;kode_opd\n199001012015031001;Andi Saputra;pns;Dinkes\n"
           "199013012015031001;Budi;pns;Dinkes\n";
  }
  CommandResult refused = run_sinergi({"import", "--db", database.value().url_text(), "--kind", "people",
                                       "--file", file.string(), "--commit"});
  EXPECT_EQ(refused.exit_code, 4) << refused.standard_error;
  EXPECT_NE(refused.standard_output.find("baris 3, kolom nip"), std::string::npos) << refused.standard_output;
  EXPECT_NE(refused.standard_output.find("Tidak disimpan."), std::string::npos);
  {
    std::ofstream out(file);
    out << "nip;nama;status;kode_opd\n199001012015031001;Andi Saputra;pns;Dinkes\n";
  }
  CommandResult dry = run_sinergi(
      {"import", "--db", database.value().url_text(), "--kind", "people", "--file", file.string()});
  EXPECT_EQ(dry.exit_code, 0);
  EXPECT_NE(dry.standard_output.find("Uji coba"), std::string::npos);
  CommandResult saved = run_sinergi({"import", "--db", database.value().url_text(), "--kind", "people",
                                     "--file", file.string(), "--commit"});
  EXPECT_EQ(saved.exit_code, 0);
  EXPECT_NE(saved.standard_output.find("1 baru"), std::string::npos) << saved.standard_output;
  CommandResult again = run_sinergi({"import", "--db", database.value().url_text(), "--kind", "people",
                                     "--file", file.string(), "--commit"});
  EXPECT_NE(again.standard_output.find("0 baru, 0 diubah, 1 tetap"), std::string::npos)
      << again.standard_output;
  std::filesystem::remove(file);
}

TEST(CliTest, CheckReportPrintsTheCheckedRowsAndASummary) {
  const fs::path input = scratch_file("laporan.csv");
  std::ofstream(input, std::ios::binary)
      << "indicator,polarity,target,realization,published_achievement_percent\n"
         "AKB Lampung 2015,lower_is_better,32,\"4,88\",\"184,75\"\n"
         "Prevalensi HIV Lampung 2015,lower_is_better,\"0,49\",\"0,01\",\"198,58\"\n"
         "Jumlah Perda,higher_is_better,2,1; 0; 2,150.00\n"
         "Target nol,higher_is_better,0,5,150\n";
  CommandResult printed = run_sinergi({"check-report", input.string()});
  EXPECT_EQ(printed.exit_code, 0) << printed.standard_error;
  EXPECT_EQ(printed.standard_output.rfind(
                "indicator,polarity,target,realization,published_achievement_percent,computed_percent,"
                "matching_formula,verdict,reason\r\n",
                0),
            0U)
      << printed.standard_output;
  EXPECT_NE(printed.standard_output.find("\"184,75\",mirror,consistent,"), std::string::npos)
      << printed.standard_output;
  EXPECT_NE(printed.standard_output.find("\"197,96\",,inconsistent,"), std::string::npos);
  EXPECT_NE(printed.standard_output.find("\"150,00\",ratio,consistent,"), std::string::npos);
  EXPECT_NE(printed.standard_output.find(",,not_computable,"), std::string::npos);
  EXPECT_EQ(printed.standard_error, "4 baris: 2 konsisten, 1 tidak konsisten, 1 tidak dapat dihitung\n");

  const fs::path output = scratch_file("hasil.csv");
  CommandResult written = run_sinergi({"check-report", input.string(), "-o", output.string()});
  EXPECT_EQ(written.exit_code, 0) << written.standard_error;
  EXPECT_TRUE(written.standard_output.empty()) << written.standard_output;
  EXPECT_NE(written.standard_error.find("hasil: " + output.string()), std::string::npos);
  std::ifstream stream(output, std::ios::binary);
  const std::string saved((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  EXPECT_EQ(saved.rfind("\xEF\xBB\xBFindicator,", 0), 0U);  // with a BOM, for Excel
  fs::remove(input);
  fs::remove(output);
}

TEST(CliTest, CheckReportRefusesAFileItCannotRead) {
  CommandResult missing = run_sinergi({"check-report", scratch_file("tidak-ada.csv").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.standard_error.find("tidak dapat dibuka"), std::string::npos) << missing.standard_error;
  EXPECT_LE(line_count(missing.standard_error), 2U);

  const fs::path input = scratch_file("tanpa-kolom.csv");
  std::ofstream(input, std::ios::binary) << "indikator,target\nAKB,32\n";
  CommandResult refused = run_sinergi({"check-report", input.string()});
  fs::remove(input);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(refused.standard_output.empty());
  EXPECT_NE(refused.standard_error.find("kolom wajib 'polarity' tidak ada di baris judul"), std::string::npos)
      << refused.standard_error;
  EXPECT_LE(line_count(refused.standard_error), 2U);
}

TEST(CliTest, UnknownCommandIsAUsageError) {
  CommandResult result = run_sinergi({"terbang"});
  EXPECT_NE(result.exit_code, 0);
}

TEST(CliTest, BadDatabaseUrlIsOneClearLine) {
  CommandResult result = run_sinergi({"migrate", "--db", "mysql://root@localhost/sinergi"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.standard_error.rfind("sinergi: Alamat basis data tidak sah", 0), 0U)
      << result.standard_error;
  EXPECT_LE(line_count(result.standard_error), 2U);
}

TEST(CliTest, AFileThatIsNotADatabaseIsRefused) {
  fs::path path = scratch_file("bukan.db");
  std::ofstream(path) << "Laporan Kinerja Instansi Pemerintah 2025, bukan basis data\n";
  CommandResult result =
      run_sinergi({"serve", "--db", "sqlite://" + path.string(), "--listen", "127.0.0.1:0"});
  fs::remove(path);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.standard_error.find("bukan basis data SQLite"), std::string::npos)
      << result.standard_error;
  EXPECT_LE(line_count(result.standard_error), 2U);
}

TEST(CliTest, UnreachablePostgresqlIsOneClearLine) {
  CommandResult result = run_sinergi({"migrate", "--db", "postgresql://nobody@127.0.0.1:1/none"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.standard_error.find("tidak dapat dihubungi"), std::string::npos) << result.standard_error;
  EXPECT_LE(line_count(result.standard_error), 2U);
}

TEST(CliTest, BadListenAddressIsOneClearLine) {
  fs::path path = scratch_file("listen.db");
  CommandResult result =
      run_sinergi({"serve", "--db", "sqlite://" + path.string(), "--listen", "di-mana-saja"});
  fs::remove(path);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.standard_error.find("Alamat dengar"), std::string::npos) << result.standard_error;
}

class CliDatabaseTest : public ::testing::TestWithParam<db::Backend> {
 protected:
  void SetUp() override {
    auto database = db::TestDatabase::create(GetParam());
    ASSERT_TRUE(database.ok()) << database.error().message() << " " << database.error().log_detail();
    database_.emplace(std::move(database).value());
  }
  std::optional<db::TestDatabase> database_;
};

TEST_P(CliDatabaseTest, MigrateAppliesOnceThenHasNothingToDo) {
  CommandResult first = run_sinergi({"migrate", "--db", database_->url_text()});
  EXPECT_EQ(first.exit_code, 0) << first.standard_error;
  EXPECT_NE(first.standard_output.find("diterapkan: 0001_system_settings"), std::string::npos)
      << first.standard_output;
  CommandResult second = run_sinergi({"migrate", "--db", database_->url_text()});
  EXPECT_EQ(second.exit_code, 0) << second.standard_error;
  EXPECT_NE(second.standard_output.find("Skema sudah terbaru"), std::string::npos) << second.standard_output;
}

TEST_P(CliDatabaseTest, DatabaseFromTheEnvironment) {
  setenv("SINERGI_DB", database_->url_text().c_str(), 1);
  CommandResult result = run_sinergi({"migrate"});
  unsetenv("SINERGI_DB");
  EXPECT_EQ(result.exit_code, 0) << result.standard_error;
  EXPECT_NE(result.standard_output.find("diterapkan"), std::string::npos);
}

TEST_P(CliDatabaseTest, DemoIsIdempotent) {
  CommandResult first = run_sinergi({"demo", "--db", database_->url_text()});
  EXPECT_EQ(first.exit_code, 0) << first.standard_error;
  EXPECT_NE(first.standard_output.find("Data demo dimuat"), std::string::npos) << first.standard_output;
  CommandResult second = run_sinergi({"demo", "--db", database_->url_text()});
  EXPECT_EQ(second.exit_code, 0) << second.standard_error;
  EXPECT_NE(second.standard_output.find("sudah ada"), std::string::npos) << second.standard_output;
}

TEST_P(CliDatabaseTest, RefusesADatabaseNewerThanTheBinary) {
  ASSERT_EQ(run_sinergi({"migrate", "--db", database_->url_text()}).exit_code, 0);
  {
    auto database = db::Database::open(database_->url());
    ASSERT_TRUE(database.ok());
    auto inserted = (*database)->with_transaction([](soci::session& session) -> Result<void> {
      session << "INSERT INTO schema_migrations (version, name, applied_at) "
                 "VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z')";
      return success();
    });
    ASSERT_TRUE(inserted.ok());
  }
  CommandResult result = run_sinergi({"serve", "--db", database_->url_text(), "--listen", "127.0.0.1:0"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.standard_error.find("lebih baru"), std::string::npos) << result.standard_error;
}

TEST_P(CliDatabaseTest, BusyPortIsOneClearLine) {
  auto server = ServerProcess::start({"--db", database_->url_text()});
  ASSERT_TRUE(server);
  CommandResult result = run_sinergi(
      {"serve", "--db", database_->url_text(), "--listen", "127.0.0.1:" + std::to_string(server->port())});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.standard_error.find("sudah dipakai"), std::string::npos) << result.standard_error;
  EXPECT_LE(line_count(result.standard_error), 2U);
}

INSTANTIATE_TEST_SUITE_P(Backends, CliDatabaseTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::api_test
