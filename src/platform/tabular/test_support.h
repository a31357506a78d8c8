#pragma once

// Test support: looking at the one FieldError that every tabular error carries.

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "core/result.h"

namespace sinergi::tabular::testing {

// The English message of the error's "file" field, or a description of what is wrong.
template <typename T>
std::string file_message_en(const Result<T>& result) {
  if (result.ok()) {
    return "(no error)";
  }
  const std::vector<FieldError>& fields = result.error().fields();
  if (fields.size() != 1 || fields[0].field != "file") {
    return "(not exactly one field 'file')";
  }
  return fields[0].message_en;
}

template <typename T>
std::string file_message_id(const Result<T>& result) {
  if (result.ok() || result.error().fields().size() != 1) {
    return "(no single field)";
  }
  return result.error().fields()[0].message_id;
}

template <typename T>
ErrorCode code_of(const Result<T>& result) {
  return result.ok() ? ErrorCode::Internal : result.error().code();
}

}  // namespace sinergi::tabular::testing
