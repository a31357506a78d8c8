// The NIP (employee number) rules, table-driven. Moved here from the identity context's
// user_test.cpp when the validation moved to core.
#include "core/nip.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sinergi {
namespace {

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

TEST(NipTest, UsesTheGivenField) {
  std::vector<FieldError> errors;
  check_nip("123", errors, "people[2].nip");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "people[2].nip");
  EXPECT_EQ(errors[0].message_id, "NIP harus tepat 18 angka");
}

TEST(NipTest, AppendsToEarlierErrors) {
  std::vector<FieldError> errors{FieldError{"name", "wajib diisi", "is required"}};
  check_nip("198001012005011001", errors);
  EXPECT_EQ(errors.size(), 1U);
  check_nip("", errors);
  EXPECT_EQ(errors.size(), 2U);
}

TEST(IsValidNipTest, AgreesWithCheckNip) {
  EXPECT_TRUE(is_valid_nip("198001012005011001"));
  EXPECT_TRUE(is_valid_nip("198002292005011001"));
  EXPECT_FALSE(is_valid_nip("198102292005011001"));
  EXPECT_FALSE(is_valid_nip("19800101200501100"));
  EXPECT_FALSE(is_valid_nip(" 198001012005011001"));
  EXPECT_FALSE(is_valid_nip(""));
}

}  // namespace
}  // namespace sinergi
