#include "core/error.h"

#include <gtest/gtest.h>

namespace sinergi {
namespace {

TEST(ErrorTest, MessageFillsPlaceholdersInBothLocales) {
  Error error(ErrorCode::PayloadTooLarge, {"1048576"});
  EXPECT_EQ(error.message(Locale::indonesian), "Isi permintaan melebihi batas 1048576 bita");
  EXPECT_EQ(error.message(Locale::english), "The request body exceeds the limit of 1048576 bytes");
}

TEST(ErrorTest, NameIsSnakeCaseOfTheCode) {
  EXPECT_EQ(Error(ErrorCode::InvalidInput).name(), "invalid_input");
  EXPECT_EQ(Error(ErrorCode::DatabaseNewerThanBinary).name(), "database_newer_than_binary");
}

TEST(ErrorTest, StatusClassMapsToOneHttpStatus) {
  EXPECT_EQ(http_status(Error(ErrorCode::RouteNotFound).status_class()), 404);
  EXPECT_EQ(http_status(Error(ErrorCode::MethodNotAllowed).status_class()), 405);
  EXPECT_EQ(http_status(Error(ErrorCode::PayloadTooLarge).status_class()), 413);
  EXPECT_EQ(http_status(Error(ErrorCode::UnsupportedMediaType).status_class()), 415);
  EXPECT_EQ(http_status(Error(ErrorCode::ValidationFailed).status_class()), 422);
  EXPECT_EQ(http_status(Error(ErrorCode::DatabaseUnavailable).status_class()), 503);
}

TEST(ErrorTest, MissingArgumentsLeavePlaceholderEmpty) {
  EXPECT_EQ(format_message("a {} b {}", {"x"}), "a x b ");
  EXPECT_EQ(format_message("no placeholder", {"x"}), "no placeholder");
}

TEST(ErrorTest, FieldsAndLogDetailTravelWithTheError) {
  Error error =
      Error::with_fields(ErrorCode::ValidationFailed, {{"target", "harus berupa angka", "must be a number"}})
          .with_log_detail("row 3");
  ASSERT_EQ(error.fields().size(), 1U);
  EXPECT_EQ(error.fields()[0].message(Locale::english), "must be a number");
  EXPECT_EQ(error.log_detail(), "row 3");
}

TEST(LocaleTest, EnglishOnlyWhenPreferredFirst) {
  EXPECT_EQ(locale_from_accept_language("en-US,en;q=0.9"), Locale::english);
  EXPECT_EQ(locale_from_accept_language("en"), Locale::english);
  EXPECT_EQ(locale_from_accept_language("id-ID,id;q=0.9,en;q=0.8"), Locale::indonesian);
  EXPECT_EQ(locale_from_accept_language(""), Locale::indonesian);
  EXPECT_EQ(locale_from_accept_language("ena"), Locale::indonesian);
}

}  // namespace
}  // namespace sinergi
