#pragma once

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/error.h"

namespace sinergi {

// Result<T> holds either a value or a domain Error. Expected failures (bad input,
// missing rows, an unreachable database) travel as values; exceptions are reserved
// for broken invariants and are caught at the request and command boundaries.
template <typename T>
class [[nodiscard]] Result {
 public:
  using ValueType = T;

  Result(T value)
      : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error)
      : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)
  Result(ErrorCode code)
      : state_(std::in_place_index<1>, Error(code)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !ok()
  const Error& error() const& {
    assert(!ok());
    return std::get<1>(state_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(state_));
  }

  T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }

  // Used by TRY: hands the value out of an rvalue Result.
  T release_value() { return std::get<0>(std::move(state_)); }
  Error release_error() { return std::get<1>(std::move(state_)); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  using ValueType = void;

  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT(google-explicit-constructor)
  Result(ErrorCode code) : error_(code), failed_(true) {}           // NOLINT(google-explicit-constructor)

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const& {
    assert(!ok());
    return error_;
  }
  Error&& error() && {
    assert(!ok());
    return std::move(error_);
  }
  void release_value() {}
  Error release_error() { return std::move(error_); }

 private:
  Error error_{ErrorCode::Internal};
  bool failed_ = false;
};

inline Result<void> success() {
  return {};
}

template <typename T>
struct IsResult : std::false_type {};
template <typename T>
struct IsResult<Result<T>> : std::true_type {};

}  // namespace sinergi

// TRY(expression): evaluates a Result; on error returns the error from the enclosing
// function (whose return type must be a Result), otherwise yields the value.
// Uses a statement expression (GCC and Clang), as SerenityOS's TRY does.
// Each expansion names its variable uniquely (__COUNTER__), so a TRY inside a lambda that is
// itself the argument of a TRY does not shadow the outer one.
#define SINERGI_TRY_CONCATENATE_INNER(left, right) left##right
#define SINERGI_TRY_CONCATENATE(left, right) SINERGI_TRY_CONCATENATE_INNER(left, right)
#define SINERGI_TRY_WITH(name, expression) \
  ({                                       \
    auto name = (expression);              \
    if (!name.ok()) [[unlikely]]           \
      return name.release_error();         \
    name.release_value();                  \
  })
#define TRY(expression) \
  SINERGI_TRY_WITH(SINERGI_TRY_CONCATENATE(sinergi_try_result_, __COUNTER__), expression)
