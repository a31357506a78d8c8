#include "app/demo_data.h"

#include <array>
#include <chrono>
#include <string>
#include <utility>

#include "core/clock.h"
#include "platform/db/database.h"

namespace sinergi::app {
namespace {

// The region the demo presents. Its name and code follow Kemendagri's registry.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kDemoSettings = {{
    {"region.code", "64"},
    {"region.name", "Provinsi Kalimantan Timur"},
    {"region.capital", "Samarinda"},
    {"demo.description", "Data contoh Sinergi untuk Provinsi Kalimantan Timur"},
}};

}  // namespace

Result<DemoReport> load_demo_data(db::Database& database) {
  SystemClock clock;
  const std::string now = format_iso8601_utc(clock.now());
  return database.with_transaction([&](soci::session& session) -> Result<DemoReport> {
    DemoReport report;
    for (const auto& [key, value] : kDemoSettings) {
      int existing = 0;
      std::string key_text(key);
      session << "SELECT COUNT(*) FROM system_settings WHERE key = :key", soci::use(key_text),
          soci::into(existing);
      if (existing > 0) {
        continue;
      }
      std::string value_text(value);
      session << "INSERT INTO system_settings (key, value, updated_at) VALUES (:key, :value, :updated_at)",
          soci::use(key_text), soci::use(value_text), soci::use(now);
      ++report.settings_written;
    }
    report.already_present = report.settings_written == 0;
    return report;
  });
}

}  // namespace sinergi::app
