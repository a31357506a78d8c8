#include "app/commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/audit_routes.h"
#include "app/demo_data.h"
#include "app/services.h"
#include "app/system_routes.h"
#include "app/version.h"
#include "contexts/identity/identity_routes.h"
#include "contexts/identity/identity_service.h"
#include "contexts/organization/attendance_routes.h"
#include "contexts/organization/import_routes.h"
#include "contexts/organization/organization_demo.h"
#include "contexts/organization/organization_routes.h"
#include "contexts/organization/spreadsheet_import.h"
#include "contexts/performance/performance_demo.h"
#include "contexts/performance/performance_routes.h"
#include "contexts/performance/report_check.h"
#include "contexts/performance/report_check_routes.h"
#include "contexts/performance/scale_routes.h"
#include "contexts/planning/plan_import.h"
#include "contexts/planning/planning_demo.h"
#include "contexts/planning/planning_routes.h"
#include "core/clock.h"
#include "platform/audit/audit_log.h"
#include "platform/audit/verify.h"
#include "platform/auth/crypto.h"
#include "platform/auth/login_throttle.h"
#include "platform/auth/password.h"
#include "platform/auth/secured_router.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/http/metrics.h"
#include "platform/http/router.h"
#include "platform/http/server.h"

namespace sinergi::app {
namespace {

Result<std::unique_ptr<db::Database>> open_migrated(const std::string& database_url, std::size_t pool_size,
                                                    db::MigrationReport* report_out) {
  db::DatabaseUrl url = TRY(db::DatabaseUrl::parse(database_url));
  db::PoolOptions options;
  options.size = pool_size;
  std::unique_ptr<db::Database> database = TRY(db::Database::open(url, options));
  std::vector<db::Migration> migrations = TRY(db::bundled_migrations());
  db::MigrationReport report = TRY(db::migrate(*database, migrations));
  if (report_out != nullptr) {
    *report_out = report;
  }
  return database;
}

void configure_logging(const std::string& level) {
  // Application events go to stderr as text; the access log is one JSON object per
  // line on stdout, ready for a log shipper.
  auto application = spdlog::stderr_logger_mt("sinergi");
  application->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  spdlog::set_default_logger(application);
  auto access = spdlog::stdout_logger_mt("access");
  access->set_pattern("%v");
  spdlog::set_level(spdlog::level::from_str(level));
  // The access log is an audit of traffic, not a debugging aid: it stays on at any
  // application log level except "off".
  access->set_level(level == "off" ? spdlog::level::off : spdlog::level::info);
  spdlog::flush_on(spdlog::level::info);
}

// A refused attempt to change data is part of the trail too: who tried what, and why it
// was refused. Written in its own transaction because the request's never began.
void record_denial(db::Database& database, const Clock& clock, const http::Request& request,
                   const auth::Principal& principal, auth::Action action, const Error& error) {
  audit::AuditEvent event;
  switch (principal.kind) {
    case auth::Principal::Kind::user:
      event.actor = {audit::ActorType::user, principal.user_id, principal.name};
      break;
    case auth::Principal::Kind::api_token:
      event.actor = {audit::ActorType::api_token, principal.api_token_id, principal.name};
      break;
    case auth::Principal::Kind::anonymous:
      event.actor = {audit::ActorType::anonymous, std::nullopt, principal.name};
      break;
  }
  event.region_id = principal.region_id;
  event.action = std::string(auth::action_name(action));
  event.outcome = audit::Outcome::denied;
  event.entity_type = "route";
  event.entity_id = std::string(http::method_name(request.method)) + " " + request.route_pattern;
  event.changes.push_back({"reason", nullptr, std::string(error.name())});
  event.request_id = request.request_id;
  event.remote_address = request.remote_address;
  auto recorded = audit::append_in_own_transaction(database, event, clock);
  if (!recorded.ok()) {
    spdlog::error("could not record a denied request {}: {}", request.request_id, recorded.error().message());
  }
}

}  // namespace

std::vector<std::string> upload_path_prefixes() {
  return {"/api/v1/organization/imports/", "/api/v1/attendance/imports", "/api/v1/plans/*/imports/",
          "/api/v1/nomenclature/imports",  "/api/v1/tools/check-report", "/api/v1/realizations/*/evidence"};
}

void register_routes(auth::SecuredRouter& router, const SystemRouteDependencies& system, Services& services) {
  register_system_routes(router, system);
  identity::register_identity_routes(router, services.identity());
  organization::register_organization_routes(router, services.organization());
  organization::register_import_routes(router, services.importer());
  organization::register_attendance_routes(router, services.attendance());
  planning::register_planning_routes(router, services.planning());
  planning::register_planning_import_routes(router, services.plan_importer(), services.planning());
  performance::register_report_check_routes(router);
  performance::register_performance_routes(router, services.agreements(), services.realizations(),
                                           services.clock());
  performance::register_scale_routes(router, services.scales());
  register_audit_routes(router, *system.database);
}

Result<void> migrate(const std::string& database_url) {
  db::MigrationReport report;
  TRY(open_migrated(database_url, 1, &report));
  if (report.applied.empty()) {
    std::cout << "Skema sudah terbaru (versi " << report.to_version << ")\n";
  } else {
    for (const auto& step : report.applied) {
      std::cout << "diterapkan: " << step << "\n";
    }
    std::cout << "Skema dimigrasikan dari versi " << report.from_version << " ke " << report.to_version
              << "\n";
  }
  return success();
}

namespace {

// The planning demo goes into the demo province, naming the agencies the organization demo made.
Result<planning::PlanningDemoReport> load_planning_demo_data(db::Database& database, const Clock& clock) {
  auto organization_repository = organization::make_sql_organization_repository(database, clock);
  std::optional<RegionId> region;
  TRY(organization_repository->read([&](organization::OrganizationStore& store) -> Result<void> {
    if (auto found = TRY(store.find_region_by_code(std::string(organization::kDemoRegionCode)))) {
      region = found->id;
    }
    return success();
  }));
  if (!region) {
    return Error(ErrorCode::InvalidInput, {"wilayah demo belum ada"});
  }
  organization::OrganizationService organization_service(*organization_repository, clock);
  std::vector<planning::AgencyInfo> agencies;
  for (const auto& agency : TRY(organization_service.region_agencies(*region))) {
    agencies.push_back(planning::AgencyInfo{agency.id, agency.code, agency.name});
  }
  auto planning_repository = planning::make_sql_planning_repository(database, clock);
  return planning::load_planning_demo(*planning_repository, clock, *region, agencies);
}

}  // namespace

Result<void> load_demo(const std::string& database_url) {
  auth::initialize_crypto();
  auto database = TRY(open_migrated(database_url, 1, nullptr));
  DemoReport report = TRY(load_demo_data(*database));
  SystemClock clock;
  auth::PasswordHasher hasher(auth::PasswordHasher::Options{});
  identity::DemoIdentityReport identity_report = TRY(identity::load_identity_demo(*database, hasher, clock));
  organization::OrganizationDemoReport organization_report = TRY(organization::load_organization_demo(
      *database, clock, local_date(clock.now(), organization::OrganizationOptions{}.utc_offset)));
  planning::PlanningDemoReport planning_report = TRY(load_planning_demo_data(*database, clock));
  const files::ContentStore evidence_store =
      TRY(files::ContentStore::open(files_directory_for(database_url)));
  auth::LoginThrottle throttle(clock, auth::LoginThrottle::Options{});
  Services services(*database, clock, hasher, throttle, evidence_store);
  const performance::PerformanceDemoReport performance_report = TRY(performance::load_performance_demo(
      *database, services.performance_directory(), evidence_store, [&services](const std::string& username) {
        return services.identity().principal_of_username(username);
      }));
  if (report.already_present && identity_report.users_created == 0 && identity_report.agencies_created == 0 &&
      organization_report.already_present && planning_report.already_present &&
      performance_report.already_present) {
    std::cout << "Data demo sudah ada; tidak ada yang diubah\n";
  } else {
    std::cout << "Data demo dimuat: " << report.settings_written << " pengaturan wilayah, "
              << identity_report.regions_created << " wilayah, " << identity_report.agencies_created
              << " OPD, " << identity_report.users_created << " pengguna, " << organization_report.units
              << " unit kerja, " << organization_report.positions << " jabatan, "
              << organization_report.people << " pegawai, " << organization_report.assignments
              << " penugasan, " << organization_report.attendance_records << " catatan presensi, "
              << planning_report.nodes << " simpul rencana, " << planning_report.links
              << " tautan keselarasan, " << planning_report.indicators << " indikator, "
              << planning_report.nomenclature_entries << " entri nomenklatur, "
              << performance_report.agreements << " perjanjian kinerja ("
              << performance_report.signed_agreements << " ditandatangani), "
              << performance_report.realizations << " laporan realisasi, " << performance_report.evidence
              << " bukti dukung\n";
  }
  return success();
}

Result<void> create_user(const std::string& database_url, identity::CreateUserCommand command) {
  auth::initialize_crypto();
  auto database = TRY(open_migrated(database_url, 1, nullptr));
  SystemClock clock;
  auth::PasswordHasher hasher(auth::PasswordHasher::Options{});
  identity::User user =
      TRY(identity::create_user_from_command_line(*database, hasher, clock, std::move(command)));
  std::cout << "Pengguna '" << user.username << "' dibuat (id " << user.id.value() << ")\n";
  return success();
}

namespace {

// Prints a report of any import and answers whether it had no errors.
bool print_import_report(const tabular::ImportOutcome& report, bool commit) {
  std::cout << report.rows << " baris: " << report.created << " baru, " << report.updated << " diubah, "
            << report.unchanged << " tetap; " << report.error_count << " kesalahan\n";
  for (const auto& problem : report.errors) {
    std::cout << "baris " << problem.row << ", kolom " << problem.column << ": " << problem.message_id
              << "\n";
  }
  for (const auto& warning : report.warnings) {
    std::cout << "peringatan baris " << warning.row << ", kolom " << warning.column << ": "
              << warning.message_id << "\n";
  }
  std::cout << (report.committed ? "Disimpan.\n"
                : commit         ? "Tidak disimpan.\n"
                                 : "Uji coba; tidak ada yang disimpan.\n");
  return report.error_count == 0;
}

}  // namespace

Result<bool> import_file(const ImportCommand& command) {
  const auto kind = organization::parse_import_kind(command.kind);
  const auto plan_kind = planning::parse_plan_import_kind(command.kind);
  if (!kind && !plan_kind) {
    return Error(ErrorCode::InvalidInput,
                 {"--kind harus agencies, units, positions, people, assignments, "
                  "attendance, nodes, links, indicators, targets atau nomenclature"});
  }
  if (plan_kind && *plan_kind != planning::PlanImportKind::nomenclature && command.plan_id <= 0) {
    return Error(ErrorCode::InvalidInput, {"--plan wajib untuk impor " + command.kind});
  }
  std::ifstream stream(command.file, std::ios::binary);
  if (!stream) {
    return Error(ErrorCode::FileError, {command.file, "tidak dapat dibuka"});
  }
  std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  auto database = TRY(open_migrated(command.database_url, 1, nullptr));
  SystemClock clock;
  auto repository = organization::make_sql_organization_repository(*database, clock);
  std::optional<organization::RegionRecord> region;
  TRY(repository->read([&](organization::OrganizationStore& store) -> Result<void> {
    region = TRY(store.find_region_by_code(command.region_code));
    return success();
  }));
  if (!region) {
    return Error(ErrorCode::NotFound, {"Wilayah " + command.region_code});
  }
  // The operator at the console acts as the region's administrator.
  auth::Principal operator_principal;
  operator_principal.kind = auth::Principal::Kind::user;
  operator_principal.name = "cli";
  operator_principal.region_id = region->id.value();
  operator_principal.roles.push_back(auth::RoleGrant{auth::Role::admin, std::nullopt, {}, {}, std::nullopt});
  const tabular::ImportFile file{bytes, "", std::filesystem::path(command.file).filename().string()};
  const auto mode = command.commit ? tabular::ImportMode::commit : tabular::ImportMode::dry_run;
  const audit::CallContext context{"", "cli", "sinergi import"};
  if (kind) {
    organization::SpreadsheetImporter importer(*repository, clock);
    const organization::ImportReport report =
        TRY(importer.run(operator_principal, *kind, mode, file, context));
    return print_import_report(report, command.commit);
  }
  organization::OrganizationService organization_service(*repository, clock);
  auto planning_repository = planning::make_sql_planning_repository(*database, clock);
  planning::PlanImporter importer(*planning_repository, clock, agency_directory_of(organization_service));
  const planning::PlanImportReport report =
      *plan_kind == planning::PlanImportKind::nomenclature
          ? TRY(importer.import_nomenclature(operator_principal, mode, file, context))
          : TRY(importer.import_plan(operator_principal, planning::PlanId(command.plan_id), *plan_kind, mode,
                                     file, context));
  return print_import_report(report, command.commit);
}

Result<void> check_report_file(const CheckReportCommand& command) {
  std::ifstream stream(command.file, std::ios::binary);
  if (!stream) {
    return Error(ErrorCode::FileError, {command.file, "tidak dapat dibuka"});
  }
  const std::string bytes((std::istreambuf_iterator<char>(stream)), std::istreambuf_iterator<char>());
  const tabular::ImportFile file{bytes, "", std::filesystem::path(command.file).filename().string()};
  auto checked = performance::check_report(file);
  if (!checked.ok()) {
    // What is wrong with the file is in its field error ("kolom wajib ... tidak ada"); the
    // operator needs that, and the file's name, on the one line main() prints.
    const Error& error = checked.error();
    const std::string detail = error.fields().empty() ? error.message() : error.fields().front().message_id;
    return Error(ErrorCode::FileError, {command.file, detail});
  }
  const performance::ReportCheck& check = *checked;
  const std::string csv = tabular::write_csv(performance::report_check_sheet(check, Locale::indonesian));
  if (command.output.empty()) {
    // The byte order mark is for Excel opening a file; a pipe or a terminal has no use for it.
    constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
    std::string_view text = csv;
    if (text.starts_with(kByteOrderMark)) {
      text.remove_prefix(kByteOrderMark.size());
    }
    std::cout << text << std::flush;
  } else {
    std::ofstream out(command.output, std::ios::binary | std::ios::trunc);
    out << csv;
    out.close();
    if (!out) {
      return Error(ErrorCode::FileError, {command.output, "tidak dapat ditulis"});
    }
  }
  // stderr, so the summary never mixes into a CSV read from stdout.
  std::cerr << check.rows.size() << " baris: " << check.counts.consistent << " konsisten, "
            << check.counts.inconsistent << " tidak konsisten, " << check.counts.not_computable
            << " tidak dapat dihitung" << (command.output.empty() ? "" : "; hasil: " + command.output)
            << "\n";
  return success();
}

Result<bool> verify_audit_chain(const std::string& database_url) {
  db::DatabaseUrl url = TRY(db::DatabaseUrl::parse(database_url));
  auto database = TRY(db::Database::open(url, db::PoolOptions{.size = 1}));
  audit::VerifyReport report = TRY(audit::verify_chain(*database));
  std::cout << audit::describe(report) << "\n";
  return report.intact;
}

Result<void> serve(const ServeSettings& settings) {
  configure_logging(settings.log_level);
  ListenAddress listen = TRY(ListenAddress::parse(settings.listen));
  auto database = TRY(open_migrated(settings.database_url, settings.pool_size, nullptr));

  http::Metrics metrics;
  db::Database* database_pointer = database.get();
  metrics.add_gauge("sinergi_db_pool_connections", "Database connections in the pool, by state",
                    [database_pointer] {
                      db::PoolStats stats = database_pointer->stats();
                      return std::vector<std::pair<std::string, double>>{
                          {"state=\"in_use\"", static_cast<double>(stats.in_use)},
                          {"state=\"idle\"", static_cast<double>(stats.size - stats.in_use)},
                      };
                    });
  metrics.add_gauge("sinergi_db_pool_acquire_timeouts", "Requests that waited too long for a connection",
                    [database_pointer] {
                      return std::vector<std::pair<std::string, double>>{
                          {"", static_cast<double>(database_pointer->stats().acquire_timeouts)}};
                    });

  auth::initialize_crypto();
  SystemClock clock;
  auth::PasswordHasher hasher(auth::PasswordHasher::Options{});
  auth::LoginThrottle throttle(clock, auth::LoginThrottle::Options{});
  identity::IdentityOptions identity_options;
  identity_options.secure_cookies = settings.secure_cookies;
  const std::string files_dir =
      settings.files_dir.empty() ? files_directory_for(settings.database_url) : settings.files_dir;
  const files::ContentStore evidence_store = TRY(files::ContentStore::open(files_dir));
  spdlog::info("evidence files in {}", evidence_store.root().string());
  Services services(*database, clock, hasher, throttle, evidence_store, identity_options);

  http::Router router;
  db::Database& database_reference = *database;
  auth::SecuredRouter secured(
      router, services.identity(),
      [&database_reference, &clock](const http::Request& request, const auth::Principal& principal,
                                    auth::Action action, const Error& error) {
        record_denial(database_reference, clock, request, principal, action, error);
      });
  register_routes(secured, {database.get(), &metrics, std::string(kVersion)}, services);

  http::ServerOptions options;
  options.host = listen.host;
  options.port = listen.port;
  options.threads = settings.threads;
  options.body_limit = settings.body_limit_bytes;
  options.upload_path_prefixes = upload_path_prefixes();
  options.header_timeout = std::chrono::milliseconds(settings.header_timeout_ms);
  options.idle_timeout = std::chrono::milliseconds(settings.idle_timeout_ms);
  options.shutdown_grace = std::chrono::milliseconds(settings.shutdown_grace_ms);
  if (!settings.web_root.empty()) {
    options.web_root = settings.web_root;
  }
  http::Server server(options, router, metrics);
  TRY(server.listen());
  // Tests and scripts read this line to learn the port when listening on port 0.
  const bool ipv6 = listen.host.find(':') != std::string::npos;
  std::cout << "Sinergi " << kVersion << " listening on http://" << (ipv6 ? "[" : "") << listen.host
            << (ipv6 ? "]" : "") << ":" << server.port() << "\n"
            << std::flush;
  spdlog::info("database {} ({})", database->url().redacted(), db::backend_name(database->backend()));
  server.run();
  spdlog::info("stopped");
  return success();
}

}  // namespace sinergi::app
