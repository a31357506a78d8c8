// The identity domain's validation rules, table-driven.
#include "contexts/identity/user.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sinergi::identity {
namespace {

std::vector<std::string> fields_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const auto& error : errors) {
    fields.push_back(error.field);
  }
  return fields;
}

struct TextCase {
  std::string input;
  bool valid;
};

class UsernameTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(UsernameTest, FollowsThePattern) {
  std::vector<FieldError> errors;
  check_username(normalize_username(GetParam().input), errors);
  EXPECT_EQ(errors.empty(), GetParam().valid) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, UsernameTest,
    ::testing::Values(TextCase{"kadis.dinkes", true}, TextCase{"abc", true}, TextCase{"a1_b-c.d", true},
                      TextCase{"Admin", true}, TextCase{"  staf.dinkes ", true}, TextCase{"9abc", true},
                      TextCase{std::string(64, 'a'), true}, TextCase{std::string(65, 'a'), false},
                      TextCase{"ab", false}, TextCase{"", false}, TextCase{"-abc", false},
                      TextCase{".abc", false}, TextCase{"_abc", false}, TextCase{"ab c", false},
                      TextCase{"admin' OR '1'='1", false}, TextCase{"admin'--", false},
                      TextCase{"'; DROP TABLE users; --", false},
                      TextCase{"\xc3\xa4"
                               "dmin",
                               false},
                      TextCase{"adm\nin", false}, TextCase{"a@b.c", false}));

TEST(NormalizeUsernameTest, LowerCasesAsciiAndTrims) {
  EXPECT_EQ(normalize_username("  Kadis.DINKES\t"), "kadis.dinkes");
  EXPECT_EQ(normalize_username("\xc3\x84"
                               "DMIN"),
            "\xc3\x84"
            "dmin");
}

class EmailTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(EmailTest, HasABasicShape) {
  std::vector<FieldError> errors;
  check_email(GetParam().input, errors);
  EXPECT_EQ(errors.empty(), GetParam().valid) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(Cases, EmailTest,
                         ::testing::Values(TextCase{"budi@kaltimprov.go.id", true},
                                           TextCase{"a.b+c@d.co", true}, TextCase{"budi", false},
                                           TextCase{"@kaltimprov.go.id", false},
                                           TextCase{"budi@localhost", false}, TextCase{"budi@@x.id", false},
                                           TextCase{"bu di@x.id", false}, TextCase{"budi@x..id", false},
                                           TextCase{"budi@x.id.", false}, TextCase{"budi@.x.id", false},
                                           TextCase{std::string(250, 'a') + "@x.id", false}));

std::string repeated(std::string_view text, std::size_t count) {
  std::string result;
  for (std::size_t index = 0; index < count; ++index) {
    result += text;
  }
  return result;
}

class DisplayNameTest : public ::testing::TestWithParam<TextCase> {};

TEST_P(DisplayNameTest, IsPrintableAndShortEnough) {
  std::vector<FieldError> errors;
  check_display_name(GetParam().input, errors);
  EXPECT_EQ(errors.empty(), GetParam().valid) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(Cases, DisplayNameTest,
                         ::testing::Values(TextCase{"Kepala Dinas Kesehatan", true}, TextCase{"É", true},
                                           TextCase{std::string(120, 'x'), true},
                                           TextCase{repeated("\xc3\x89", 120), true},
                                           TextCase{repeated("\xc3\x89", 121), false},
                                           TextCase{std::string(121, 'x'), false}, TextCase{"", false},
                                           TextCase{"   ", false}, TextCase{"Budi\nSantoso", false},
                                           TextCase{"Budi\x7f", false}, TextCase{"\xff\xfe", false}));

std::vector<Agency> sample_agencies() {
  Agency dinkes{AgencyId(2), RegionId(1), "Dinkes", "Dinkes", "Dinas Kesehatan", "dinas", "asisten_1", true};
  Agency closed{AgencyId(3), RegionId(1), "Lama", "Lama", "Dinas Lama", "dinas", std::nullopt, false};
  return {dinkes, closed};
}

TEST(ResolveRolesTest, GrantsScopedRoles) {
  std::vector<FieldError> errors;
  auto grants = resolve_roles({RoleRequest{"agency_head", "Dinkes", std::nullopt},
                               RoleRequest{"assistant", std::nullopt, "asisten_2"},
                               RoleRequest{"auditor", std::nullopt, std::nullopt}},
                              sample_agencies(), errors);
  ASSERT_TRUE(errors.empty()) << errors.front().message_en;
  ASSERT_EQ(grants.size(), 3U);
  EXPECT_EQ(grants[0].role, auth::Role::agency_head);
  EXPECT_EQ(grants[0].agency_id, 2);
  EXPECT_EQ(grants[0].agency_code, "Dinkes");
  EXPECT_EQ(grants[0].agency_name, "Dinas Kesehatan");
  EXPECT_EQ(grants[1].cluster, "asisten_2");
  EXPECT_EQ(grants[2].role, auth::Role::auditor);
}

TEST(ResolveRolesTest, ReportsEveryProblemWithItsIndex) {
  std::vector<FieldError> errors;
  resolve_roles(
      {RoleRequest{"public", std::nullopt, std::nullopt},
       RoleRequest{"superuser", std::nullopt, std::nullopt},
       RoleRequest{"agency_staff", std::nullopt, std::nullopt},
       RoleRequest{"agency_staff", "Disdikbud", std::nullopt},
       RoleRequest{"agency_staff", "Lama", std::nullopt},
       RoleRequest{"assistant", std::nullopt, std::nullopt},
       RoleRequest{"assistant", std::nullopt, "asisten_4"}, RoleRequest{"governor", "Dinkes", "asisten_1"},
       RoleRequest{"auditor", std::nullopt, std::nullopt},
       RoleRequest{"auditor", std::nullopt, std::nullopt}},
      sample_agencies(), errors);
  EXPECT_EQ(
      fields_of(errors),
      (std::vector<std::string>{"roles[0].role", "roles[1].role", "roles[2].agency_code",
                                "roles[3].agency_code", "roles[4].agency_code", "roles[5].cluster",
                                "roles[6].cluster", "roles[7].agency_code", "roles[7].cluster", "roles[9]"}));
}

TEST(ResolveRolesTest, NeedsAtLeastOneRole) {
  std::vector<FieldError> errors;
  resolve_roles({}, sample_agencies(), errors);
  EXPECT_EQ(fields_of(errors), std::vector<std::string>{"roles"});
}

TEST(CheckUserDraftTest, ReportsAllFieldsAtOnceAndNormalizes) {
  UserDraft draft;
  draft.username = "B";
  draft.display_name = " ";
  draft.nip = "123";
  draft.email = "nope";
  std::vector<FieldError> errors;
  check_user_draft(draft, errors);
  EXPECT_EQ(fields_of(errors), (std::vector<std::string>{"username", "display_name", "nip", "email"}));

  UserDraft good;
  good.username = " Budi.Santoso ";
  good.display_name = "  Budi Santoso ";
  good.nip = "  ";
  good.email = "";
  errors.clear();
  check_user_draft(good, errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(good.username, "budi.santoso");
  EXPECT_EQ(good.display_name, "Budi Santoso");
  EXPECT_FALSE(good.nip);
  EXPECT_FALSE(good.email);
}

TEST(CheckUserDraftTest, ChecksTheNipWithTheCoreRules) {
  UserDraft draft;
  draft.username = "budi.santoso";
  draft.display_name = "Budi Santoso";
  draft.nip = " 198002312005013001 ";
  std::vector<FieldError> errors;
  check_user_draft(draft, errors);
  EXPECT_EQ(fields_of(errors), (std::vector<std::string>{"nip", "nip"}));
  EXPECT_EQ(draft.nip, "198002312005013001");
}

TEST(ValidationResultTest, CarriesAllFields) {
  EXPECT_TRUE(validation_result({}).ok());
  auto failed = validation_result({FieldError{"a", "x", "y"}, FieldError{"b", "x", "y"}});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(failed.error().fields().size(), 2U);
}

}  // namespace
}  // namespace sinergi::identity
