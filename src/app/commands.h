#pragma once

#include <string>

#include "app/settings.h"
#include "core/result.h"

namespace sinergi::app {

// Each subcommand of the `sinergi` binary. They return a Result so that main() can turn
// any failure into one clear line on stderr and a non-zero exit code.

// Migrates, then serves HTTP until SIGINT/SIGTERM.
Result<void> serve(const ServeSettings& settings);

// Applies pending migrations and reports what it did on stdout.
Result<void> migrate(const std::string& database_url);

// Migrates and loads the demo province; safe to run again (idempotent).
Result<void> load_demo(const std::string& database_url);

}  // namespace sinergi::app
