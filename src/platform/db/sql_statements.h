#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sinergi::db {

// Splits an SQL script into its statements, because SOCI's SQLite backend runs only the
// first statement of a string. A ';' ends a statement unless it is inside:
//   - a single-quoted string ('it''s'), a double-quoted identifier, or a PostgreSQL
//     dollar-quoted body ($$ ... $$, $tag$ ... $tag$);
//   - a "--" comment (to the end of the line) or a "/* ... */" comment;
//   - the BEGIN ... END body of a CREATE TRIGGER (with CASE ... END nested inside).
// Each statement is returned without its ';' and trimmed of surrounding whitespace; parts
// holding only whitespace and comments are skipped. Backslash escapes (E'...') are not
// understood: write quotes as ''.
std::vector<std::string> split_sql_statements(std::string_view script);

}  // namespace sinergi::db
