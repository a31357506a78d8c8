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

struct NipCase {
  std::string nip;
  std::vector<std::string> english_fragments;  // empty: valid
};

class NipTest : public ::testing::TestWithParam<NipCase> {};

TEST_P(NipTest, ChecksEveryPart) {
  std::vector<FieldError> errors;
  check_nip(GetParam().nip, errors);
  ASSERT_EQ(errors.size(), GetParam().english_fragments.size()) << GetParam().nip;
  for (std::size_t index = 0; index < errors.size(); ++index) {
    EXPECT_EQ(errors[index].field, "nip");
    EXPECT_NE(errors[index].message_en.find(GetParam().english_fragments[index]), std::string::npos)
        << errors[index].message_en;
    EXPECT_FALSE(errors[index].message_id.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NipTest,
    ::testing::Values(
        NipCase{"198001012005011001", {}}, NipCase{"198002292005011001", {}},  // 1980 is a leap year
        NipCase{"194001012099122999", {}}, NipCase{"201012312030122999", {}},
        NipCase{"19800101200501100", {"exactly 18 digits"}},
        NipCase{"1980010120050110011", {"exactly 18 digits"}},
        NipCase{"19800101200501100a", {"exactly 18 digits"}},
        NipCase{"1980-01-01 2005011", {"exactly 18 digits"}},
        NipCase{"198002312005011001", {"digits 1-8 (birth date 19800231) are not a real date"}},
        NipCase{"198102292005011001", {"digits 1-8 (birth date 19810229) are not a real date"}},
        NipCase{"198013012005011001", {"digits 1-8 (birth date 19801301)"}},
        NipCase{"198001002005011001", {"not a real date"}},
        NipCase{"193912312005011001", {"birth year 1939 must be between 1940 and 2010"}},
        NipCase{"201101012030011001", {"birth year 2011"}},
        NipCase{"198001012005131001", {"month 13 must be 01 to 12"}},
        NipCase{"198001012005001001", {"month 0 must be 01 to 12"}},
        NipCase{"198001012101011001", {"appointment year 2101"}},
        NipCase{"198001011979121001", {"appointment must come after the birth date"}},
        NipCase{"198001012005013001", {"digit 15 (gender) must be 1 or 2, not 3"}},
        NipCase{"198001012005010001", {"digit 15 (gender) must be 1 or 2, not 0"}},
        NipCase{"198001012005011000", {"digits 16-18 (serial number) must be 001 to 999"}},
        NipCase{"198002312005133000",
                {"not a real date", "month 13", "digit 15 (gender)", "digits 16-18 (serial number)"}}));

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

TEST(ValidationResultTest, CarriesAllFields) {
  EXPECT_TRUE(validation_result({}).ok());
  auto failed = validation_result({FieldError{"a", "x", "y"}, FieldError{"b", "x", "y"}});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(failed.error().fields().size(), 2U);
}

}  // namespace
}  // namespace sinergi::identity
