#include "app/commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/demo_data.h"
#include "app/system_routes.h"
#include "app/version.h"
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

}  // namespace

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

Result<void> load_demo(const std::string& database_url) {
  auto database = TRY(open_migrated(database_url, 1, nullptr));
  DemoReport report = TRY(load_demo_data(*database));
  if (report.already_present) {
    std::cout << "Data demo sudah ada; tidak ada yang diubah\n";
  } else {
    std::cout << "Data demo dimuat: " << report.settings_written << " pengaturan wilayah\n";
  }
  return success();
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

  http::Router router;
  register_system_routes(router, {database.get(), &metrics, std::string(kVersion)});

  http::ServerOptions options;
  options.host = listen.host;
  options.port = listen.port;
  options.threads = settings.threads;
  options.body_limit = settings.body_limit_bytes;
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
