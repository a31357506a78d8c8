// The `sinergi` binary: one program, many subcommands. Every failure ends with one
// clear line on stderr and a non-zero exit code, never a stack trace.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <string>

#include "app/commands.h"
#include "app/version.h"
#include "contexts/identity/identity_service.h"
#include "platform/db/database_url.h"

namespace {

constexpr int kExitFailure = 1;
constexpr int kExitAuditBroken = 3;    // distinct from "could not check at all"
constexpr int kExitImportRefused = 4;  // the file has errors: nothing was saved

int report(const sinergi::Result<void>& result) {
  if (result.ok()) {
    return 0;
  }
  std::cerr << "sinergi: " << result.error().message() << "\n";
  if (!result.error().log_detail().empty()) {
    std::cerr << "  (" << result.error().log_detail() << ")\n";
  }
  return kExitFailure;
}

void add_database_option(CLI::App& command, std::string& database_url) {
  command
      .add_option("--db", database_url,
                  "Database URL: sqlite:///path/to.db or postgresql://user:pass@host:port/db")
      ->envname("SINERGI_DB")
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Sinergi: perencanaan, koordinasi dan akuntabilitas kinerja pemerintah daerah", "sinergi"};
  app.set_version_flag("--version", std::string(sinergi::app::kVersion));
  app.require_subcommand(1);

  sinergi::app::ServeSettings serve_settings;
  serve_settings.database_url = std::string(sinergi::db::kDefaultDatabaseUrl);
  auto* serve = app.add_subcommand("serve", "Migrate the database, then serve the API and the web app");
  add_database_option(*serve, serve_settings.database_url);
  serve->add_option("--listen", serve_settings.listen, "HOST:PORT to listen on (port 0 picks a free port)")
      ->envname("SINERGI_LISTEN")
      ->capture_default_str();
  serve->add_option("--web", serve_settings.web_root, "Directory of the built web app (web/dist)")
      ->envname("SINERGI_WEB");
  serve->add_option("--body-limit", serve_settings.body_limit_bytes, "Largest request body in bytes")
      ->envname("SINERGI_BODY_LIMIT")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30))
      ->capture_default_str();
  serve->add_option("--threads", serve_settings.threads, "Worker threads (0: one per core)")
      ->envname("SINERGI_THREADS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  serve->add_option("--pool-size", serve_settings.pool_size, "Database connections in the pool")
      ->envname("SINERGI_POOL_SIZE")
      ->check(CLI::Range(1, 512))
      ->capture_default_str();
  serve
      ->add_option("--header-timeout-ms", serve_settings.header_timeout_ms,
                   "Time a client has to send its request headers")
      ->envname("SINERGI_HEADER_TIMEOUT_MS")
      ->check(CLI::Range(50, 600'000))
      ->capture_default_str();
  serve->add_option("--idle-timeout-ms", serve_settings.idle_timeout_ms, "Idle keep-alive connection timeout")
      ->envname("SINERGI_IDLE_TIMEOUT_MS")
      ->check(CLI::Range(50, 3'600'000))
      ->capture_default_str();
  serve
      ->add_option("--shutdown-grace-ms", serve_settings.shutdown_grace_ms,
                   "How long in-flight requests may take to finish at shutdown")
      ->envname("SINERGI_SHUTDOWN_GRACE_MS")
      ->check(CLI::Range(0, 600'000))
      ->capture_default_str();
  serve->add_option("--log-level", serve_settings.log_level, "trace, debug, info, warn, error")
      ->envname("SINERGI_LOG_LEVEL")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
      ->capture_default_str();

  serve
      ->add_flag("--secure-cookies", serve_settings.secure_cookies,
                 "Mark the session cookie Secure (when Sinergi is reached over HTTPS)")
      ->envname("SINERGI_SECURE_COOKIES");
  serve
      ->add_option("--files-dir", serve_settings.files_dir,
                   "Directory of uploaded evidence files (default: 'files' beside the SQLite database)")
      ->envname("SINERGI_FILES_DIR");

  std::string migrate_database_url(sinergi::db::kDefaultDatabaseUrl);
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  add_database_option(*migrate, migrate_database_url);

  std::string demo_database_url(sinergi::db::kDefaultDatabaseUrl);
  auto* demo = app.add_subcommand("demo", "Load the demo province (idempotent)");
  add_database_option(*demo, demo_database_url);

  sinergi::app::ImportCommand import_command;
  import_command.database_url = std::string(sinergi::db::kDefaultDatabaseUrl);
  auto* import = app.add_subcommand(
      "import",
      "Import a CSV/XLSX file into the organization registry, attendance, a plan or the nomenclature list "
      "(dry run unless --commit)");
  add_database_option(*import, import_command.database_url);
  import->add_option("--region", import_command.region_code, "Kemendagri code of the region")
      ->capture_default_str();
  import
      ->add_option("--kind", import_command.kind,
                   "agencies, units, positions, people, assignments, attendance; nodes, links, indicators, "
                   "targets (with --plan); nomenclature")
      ->required();
  import->add_option("--plan", import_command.plan_id, "The plan of nodes, links, indicators and targets");
  import->add_option("--file", import_command.file, "The CSV or XLSX file")->required();
  import->add_flag("--commit", import_command.commit, "Save when the file has no errors (default: dry run)");

  sinergi::app::CheckReportCommand check_report_command;
  auto* check_report = app.add_subcommand(
      "check-report",
      "Recompute the achievements of a published report (CSV/XLSX) and mark each row consistent, "
      "inconsistent or not computable");
  check_report->add_option("file", check_report_command.file, "The CSV or XLSX file of the report")
      ->required();
  check_report->add_option("-o,--output", check_report_command.output,
                           "Write the checked rows to this CSV file (default: standard output)");

  std::string user_database_url(sinergi::db::kDefaultDatabaseUrl);
  sinergi::identity::CreateUserCommand user_command;
  bool password_from_stdin = false;
  auto* user = app.add_subcommand("user", "Manage user accounts from the command line");
  user->require_subcommand(1);
  auto* user_create = user->add_subcommand("create", "Create an account, e.g. the first administrator");
  add_database_option(*user_create, user_database_url);
  user_create
      ->add_option("--username", user_command.username, "Login name (lower case letters, digits, . _ -)")
      ->required();
  user_create->add_option("--display-name", user_command.display_name, "Full name shown in the application");
  user_create
      ->add_option("--role", user_command.role,
                   "admin, governor, vice_governor, secretary, assistant, planner, finance, auditor, "
                   "agency_head, agency_staff, legislature")
      ->required();
  user_create->add_option("--agency", user_command.agency_code,
                          "Agency code, for agency_head and agency_staff");
  user_create->add_option("--cluster", user_command.cluster,
                          "asisten_1, asisten_2 or asisten_3, for assistant");
  user_create->add_option("--region", user_command.region_code, "Kemendagri region code, e.g. 64");
  user_create->add_option("--region-name", user_command.region_name,
                          "Creates the region with this name when it does not exist yet");
  user_create->add_flag("--password-stdin", password_from_stdin, "Read the password from standard input")
      ->required();

  std::string audit_database_url(sinergi::db::kDefaultDatabaseUrl);
  auto* audit = app.add_subcommand("audit", "Work with the audit trail");
  audit->require_subcommand(1);
  auto* audit_verify = audit->add_subcommand("verify", "Check that the audit chain is intact");
  add_database_option(*audit_verify, audit_database_url);

  app.add_subcommand("version", "Print the version")->callback([] {
    std::cout << "sinergi " << sinergi::app::kVersion << "\n";
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }

  try {
    if (serve->parsed()) {
      return report(sinergi::app::serve(serve_settings));
    }
    if (migrate->parsed()) {
      return report(sinergi::app::migrate(migrate_database_url));
    }
    if (demo->parsed()) {
      return report(sinergi::app::load_demo(demo_database_url));
    }
    if (user_create->parsed()) {
      // One line; a trailing newline (echo, a here-string) is not part of the password.
      std::getline(std::cin, user_command.password);
      if (!user_command.password.empty() && user_command.password.back() == '\r') {
        user_command.password.pop_back();
      }
      return report(sinergi::app::create_user(user_database_url, std::move(user_command)));
    }
    if (import->parsed()) {
      auto clean = sinergi::app::import_file(import_command);
      if (!clean.ok()) {
        return report(clean.error());
      }
      return *clean ? 0 : kExitImportRefused;
    }
    if (check_report->parsed()) {
      return report(sinergi::app::check_report_file(check_report_command));
    }
    if (audit_verify->parsed()) {
      auto intact = sinergi::app::verify_audit_chain(audit_database_url);
      if (!intact.ok()) {
        return report(intact.error());
      }
      return *intact ? 0 : kExitAuditBroken;
    }
  } catch (const std::exception& exception) {
    // A broken invariant, not a user error: still one line, and a distinct exit code.
    std::cerr << "sinergi: kesalahan internal: " << exception.what() << "\n";
    return 70;
  }
  return 0;
}
