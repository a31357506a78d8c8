#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "platform/db/database.h"

namespace sinergi::db {

// One step of the schema. Steps come from db/migrations/ (see its README.md), embedded
// into the binary: "NNNN_name.sql" serves both backends; "NNNN_name.sqlite.sql" plus
// "NNNN_name.postgresql.sql" give one step in two dialects.
struct Migration {
  int version = 0;
  std::string name;  // "system_settings"
  std::string sqlite_sql;
  std::string postgresql_sql;
};

// "0001_system_settings": how reports and errors name a step.
std::string migration_label(const Migration& migration);

// Builds the steps from {file name, contents} pairs, as returned by the embedded file list.
// Fails with MigrationFailed {file or label, reason} on a malformed file name, a dialect
// file without its partner, a version given twice, or a gap in the numbering (versions
// must run 1, 2, 3, ...). Files whose names do not end in ".sql" are ignored.
Result<std::vector<Migration>> parse_migrations(
    const std::vector<std::pair<std::string_view, std::string_view>>& files);

// The steps built into this binary, validated as parse_migrations() does.
Result<std::vector<Migration>> bundled_migrations();

// The highest version in `migrations`, 0 when empty.
int latest_version(const std::vector<Migration>& migrations);

// The version the database's schema is at: the highest version recorded in
// schema_migrations, or 0 when that table does not exist yet.
Result<int> schema_version(Database& database);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // labels of the steps this call applied, in order
};

// Brings the schema up to latest_version(migrations). Each step runs in its own
// transaction together with its row in schema_migrations(version, name, applied_at), so a
// failing step leaves the database at the previous version. Safe when several processes
// migrate at once: each step is taken under a lock (PostgreSQL advisory lock, SQLite write
// lock), and a step another process already applied is skipped.
// Fails with:
//   DatabaseNewerThanBinary {database version, binary version}  nothing is changed
//   MigrationFailed {"NNNN_name", reason}                        the step was rolled back
//   MigrationFailed {label, reason}                              `migrations` is not 1..N
//   DatabaseUnavailable, DatabaseError                           as for any transaction
// REQUIRES: migration statements do not begin or end transactions themselves.
Result<MigrationReport> migrate(Database& database, const std::vector<Migration>& migrations);

}  // namespace sinergi::db
