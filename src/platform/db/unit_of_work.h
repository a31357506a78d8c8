#pragma once

#include <optional>
#include <utility>

#include "core/result.h"

// Units of work that hand out a value. A context's repository runs `work(Store&)` in a
// transaction through write(std::function<Result<void>(Store&)>) / read(...); these wrap
// a `work` returning Result<T> so the caller gets the T (or the error) back.

namespace sinergi::db {

// Runs `work` (Store& -> Result<T>) in a read-write transaction of `repository`.
template <typename T, typename Repository, typename Function>
Result<T> write_transaction(Repository& repository, Function&& work) {
  std::optional<T> value;
  Result<void> outcome = repository.write([&](auto& store) -> Result<void> {
    Result<T> result = work(store);
    if (!result.ok()) {
      return result.release_error();
    }
    value.emplace(result.release_value());
    return success();
  });
  if (!outcome.ok()) {
    return outcome.release_error();
  }
  return std::move(*value);
}

// As write_transaction, in a read-only transaction.
template <typename T, typename Repository, typename Function>
Result<T> read_transaction(Repository& repository, Function&& work) {
  std::optional<T> value;
  Result<void> outcome = repository.read([&](auto& store) -> Result<void> {
    Result<T> result = work(store);
    if (!result.ok()) {
      return result.release_error();
    }
    value.emplace(result.release_value());
    return success();
  });
  if (!outcome.ok()) {
    return outcome.release_error();
  }
  return std::move(*value);
}

}  // namespace sinergi::db
