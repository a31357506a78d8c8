#pragma once

// Helpers for SQL adapters over SOCI: statements assembled from fixed fragments with every
// value bound as a parameter, row iteration, and nullable values. No input ever becomes
// part of the SQL text.
#include <soci/soci.h>

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sinergi::db {

// An SQL statement assembled from fixed fragments, with its values in placeholder order.
class BoundQuery {
 public:
  explicit BoundQuery(std::string_view fragment = {}) : sql_(fragment) {}

  BoundQuery& text(std::string_view fragment) {
    sql_ += fragment;
    return *this;
  }
  // Appends a placeholder for `value`. Placeholder names are never reused: SOCI binds by
  // position, and SQLite would give a repeated name a single position.
  BoundQuery& value(std::string value) {
    append_placeholder();
    values_.emplace_back(std::move(value));
    return *this;
  }
  BoundQuery& value(long long value) {
    append_placeholder();
    values_.emplace_back(value);
    return *this;
  }

  const std::string& sql() const { return sql_; }

  // Binds every value to `statement`, in order. The values must stay where they are (a
  // deque never moves its elements) until the statement has run.
  void bind(soci::statement& statement) {
    for (auto& value : values_) {
      std::visit([&](auto& bound) { statement.exchange(soci::use(bound)); }, value);
    }
  }

 private:
  void append_placeholder() { sql_ += ":p" + std::to_string(values_.size()); }

  std::string sql_;
  std::deque<std::variant<std::string, long long>> values_;
};

// Prepares and runs `query` with `columns` bound as its output, calling `on_row` for every
// row. `Columns` provides exchange_into(soci::statement&).
template <typename Columns, typename OnRow>
void for_each_row(soci::session& session, BoundQuery& query, Columns& columns, OnRow&& on_row) {
  soci::statement statement(session);
  columns.exchange_into(statement);
  query.bind(statement);
  statement.alloc();
  statement.prepare(query.sql());
  statement.define_and_bind();
  statement.execute(false);
  while (statement.fetch()) {
    on_row();
  }
}

// Runs a statement that returns nothing; returns the number of rows it changed.
inline long long execute(soci::session& session, BoundQuery& query) {
  soci::statement statement(session);
  query.bind(statement);
  statement.alloc();
  statement.prepare(query.sql());
  statement.define_and_bind();
  statement.execute(true);
  return statement.get_affected_rows();
}

// A nullable text value to bind, as SOCI wants it (value plus indicator).
struct NullableText {
  explicit NullableText(const std::optional<std::string>& text)
      : value(text.value_or("")), indicator(text ? soci::i_ok : soci::i_null) {}
  std::string value;
  soci::indicator indicator;
};

struct NullableInteger {
  explicit NullableInteger(const std::optional<std::int64_t>& number)
      : value(number.value_or(0)), indicator(number ? soci::i_ok : soci::i_null) {}
  long long value;
  soci::indicator indicator;
};

inline std::optional<std::string> optional_of(const std::string& value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
}

inline std::optional<std::int64_t> optional_of(long long value, soci::indicator indicator) {
  return indicator == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
}

// Every row of `query` as Columns::record(), in order.
template <typename Columns>
auto collect_rows(soci::session& session, BoundQuery& query) {
  Columns columns;
  std::vector<decltype(columns.record())> rows;
  for_each_row(session, query, columns, [&] { rows.push_back(columns.record()); });
  return rows;
}

}  // namespace sinergi::db
