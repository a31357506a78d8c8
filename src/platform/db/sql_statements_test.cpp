#include "platform/db/sql_statements.h"

#include <gtest/gtest.h>

namespace sinergi::db {
namespace {

using Statements = std::vector<std::string>;

struct SplitCase {
  std::string_view script;
  Statements statements;
};

TEST(SqlStatementsTest, SplitsOnlyOnSemicolonsThatEndStatements) {
  const SplitCase cases[] = {
      {"", {}},
      {"  \n\t ", {}},
      {";;\n;", {}},
      {"SELECT 1", {"SELECT 1"}},
      {"SELECT 1;", {"SELECT 1"}},
      {"SELECT 1; SELECT 2;\n", {"SELECT 1", "SELECT 2"}},
      {"INSERT INTO t VALUES ('a;b');", {"INSERT INTO t VALUES ('a;b')"}},
      {"INSERT INTO t VALUES ('it''s; fine'); SELECT 2",
       {"INSERT INTO t VALUES ('it''s; fine')", "SELECT 2"}},
      {"CREATE TABLE \"odd;name\" (x TEXT); SELECT 2", {"CREATE TABLE \"odd;name\" (x TEXT)", "SELECT 2"}},
      {"SELECT 1; -- a comment; with a semicolon\nSELECT 2;",
       {"SELECT 1", "-- a comment; with a semicolon\nSELECT 2"}},
      {"SELECT 1 /* one; two */ + 1; SELECT 3", {"SELECT 1 /* one; two */ + 1", "SELECT 3"}},
      {"SELECT 1;\n-- only a comment; here\n/* and; another */\n", {"SELECT 1"}},
      {"SELECT '--not a comment;'; SELECT 2", {"SELECT '--not a comment;'", "SELECT 2"}},
      {"SELECT 'unterminated; string", {"SELECT 'unterminated; string"}},
      {"CREATE FUNCTION f() RETURNS INTEGER AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
       {"CREATE FUNCTION f() RETURNS INTEGER AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT 2"}},
      {"CREATE FUNCTION f() RETURNS INTEGER AS $body$ SELECT 1; $body$ LANGUAGE sql;",
       {"CREATE FUNCTION f() RETURNS INTEGER AS $body$ SELECT 1; $body$ LANGUAGE sql"}},
      {"CREATE TRIGGER touch AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1; "
       "UPDATE u SET k = CASE WHEN k > 0 THEN 1 ELSE 0 END; END; SELECT 2",
       {"CREATE TRIGGER touch AFTER UPDATE ON t BEGIN UPDATE t SET n = n + 1; "
        "UPDATE u SET k = CASE WHEN k > 0 THEN 1 ELSE 0 END; END",
        "SELECT 2"}},
      {"create temp trigger x after insert on t begin select 1; end; select 2",
       {"create temp trigger x after insert on t begin select 1; end", "select 2"}},
      {"CREATE TABLE begin_end (begin_at TEXT, end_at TEXT); SELECT 2",
       {"CREATE TABLE begin_end (begin_at TEXT, end_at TEXT)", "SELECT 2"}},
  };
  for (const auto& [script, statements] : cases) {
    EXPECT_EQ(split_sql_statements(script), statements) << script;
  }
}

}  // namespace
}  // namespace sinergi::db
