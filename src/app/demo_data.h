#pragma once

#include "core/result.h"

namespace sinergi::db {
class Database;
}

namespace sinergi::app {

struct DemoReport {
  int settings_written = 0;
  bool already_present = false;
};

// Loads the demo province (Kalimantan Timur, Kemendagri code 64) into a migrated
// database. Idempotent: a second run changes nothing. Each later feature adds its own
// demo rows here, so `make demo` always shows the whole product.
Result<DemoReport> load_demo_data(db::Database& database);

}  // namespace sinergi::app
