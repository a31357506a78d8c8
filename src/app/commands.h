#pragma once

#include <string>
#include <vector>

#include "app/settings.h"
#include "app/system_routes.h"
#include "core/result.h"

namespace sinergi::auth {
class SecuredRouter;
}
namespace sinergi::identity {
struct CreateUserCommand;
}  // namespace sinergi::identity

namespace sinergi::app {

// Each subcommand of the `sinergi` binary. They return a Result so that main() can turn
// any failure into one clear line on stderr and a non-zero exit code.

// Migrates, then serves HTTP until SIGINT/SIGTERM.
Result<void> serve(const ServeSettings& settings);

// Applies pending migrations and reports what it did on stdout.
Result<void> migrate(const std::string& database_url);

// Migrates and loads the demo province; safe to run again (idempotent).
Result<void> load_demo(const std::string& database_url);

// `sinergi user create`: one account, typically the first administrator.
Result<void> create_user(const std::string& database_url, identity::CreateUserCommand command);

// `sinergi import`: one CSV/XLSX file into the organization registry, attendance or a plan of the
// region `region_code`, with the rules and the audit trail of the web import. Returns
// whether the file was clean (a dry run without errors, or a commit that happened); the
// report with every problem is printed.
struct ImportCommand {
  std::string database_url;
  std::string region_code = "64";
  std::string kind;
  std::string file;
  bool commit = false;
  std::int64_t plan_id = 0;  // planning kinds but nomenclature
};
Result<bool> import_file(const ImportCommand& command);

// `sinergi check-report`: the auditor's arithmetic check of a CSV/XLSX file of published
// achievements (contexts/performance/report_check.h). Writes the checked rows as CSV to
// `output`, or to stdout when it is empty, and a one-line summary to stderr. Fails only when
// the file cannot be read or is not a report table; inconsistent rows are a result, not a
// failure.
struct CheckReportCommand {
  std::string file;
  std::string output;
};
Result<void> check_report_file(const CheckReportCommand& command);

// `sinergi audit verify`: walks the audit chain; true when intact. Prints one line.
Result<bool> verify_audit_chain(const std::string& database_url);

class Services;

// The request paths that carry file uploads (larger body limit).
std::vector<std::string> upload_path_prefixes();

// Every route of the product, in one place: the server and the route tests use it.
void register_routes(auth::SecuredRouter& router, const SystemRouteDependencies& system, Services& services);

}  // namespace sinergi::app
