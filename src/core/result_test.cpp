#include "core/result.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace sinergi {
namespace {

Result<int> parse_positive(int input) {
  if (input <= 0) {
    return Error(ErrorCode::InvalidInput, {"harus positif"});
  }
  return input;
}

Result<int> doubled_positive(int input) {
  int value = TRY(parse_positive(input));
  return value * 2;
}

Result<void> check_positive(int input) {
  TRY(parse_positive(input));
  return success();
}

TEST(ResultTest, TryPropagatesTheValue) {
  auto result = doubled_positive(21);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(*result, 42);
}

TEST(ResultTest, TryPropagatesTheError) {
  auto result = doubled_positive(-1);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code(), ErrorCode::InvalidInput);
  EXPECT_EQ(result.error().message(), "Masukan tidak valid: harus positif");
}

TEST(ResultTest, VoidResultCarriesErrors) {
  EXPECT_TRUE(check_positive(1).ok());
  auto failed = check_positive(0);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code(), ErrorCode::InvalidInput);
}

TEST(ResultTest, HoldsMoveOnlyValues) {
  Result<std::unique_ptr<std::string>> result = std::make_unique<std::string>("pagu");
  ASSERT_TRUE(result.ok());
  std::unique_ptr<std::string> owned = std::move(result).value();
  EXPECT_EQ(*owned, "pagu");
}

TEST(ResultTest, ValueOrFallsBackOnError) {
  EXPECT_EQ(parse_positive(-5).value_or(7), 7);
  EXPECT_EQ(parse_positive(5).value_or(7), 5);
}

}  // namespace
}  // namespace sinergi
