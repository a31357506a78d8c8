#include "contexts/organization/region_code.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace sinergi::organization {
namespace {

struct ValidCase {
  std::string_view text;
  RegionCode expected;
};

class ValidRegionCodeTest : public ::testing::TestWithParam<ValidCase> {};

TEST_P(ValidRegionCodeTest, Parses) {
  const Result<RegionCode> parsed = parse_region_code(GetParam().text);
  ASSERT_TRUE(parsed.ok()) << GetParam().text;
  EXPECT_EQ(*parsed, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, ValidRegionCodeTest,
                         ::testing::Values(ValidCase{"64", {"64", RegionLevel::province, std::nullopt}},
                                           ValidCase{"11", {"11", RegionLevel::province, std::nullopt}},
                                           ValidCase{"99", {"99", RegionLevel::province, std::nullopt}},
                                           ValidCase{"64.02", {"64.02", RegionLevel::regency, "64"}},
                                           ValidCase{"64.01", {"64.01", RegionLevel::regency, "64"}},
                                           ValidCase{"64.69", {"64.69", RegionLevel::regency, "64"}},
                                           ValidCase{"64.71", {"64.71", RegionLevel::city, "64"}},
                                           ValidCase{"64.72", {"64.72", RegionLevel::city, "64"}},
                                           ValidCase{"31.99", {"31.99", RegionLevel::city, "31"}},
                                           ValidCase{" 64.71\t", {"64.71", RegionLevel::city, "64"}}));

class InvalidRegionCodeTest : public ::testing::TestWithParam<std::string_view> {};

TEST_P(InvalidRegionCodeTest, IsRejectedOnTheCodeField) {
  const Result<RegionCode> parsed = parse_region_code(GetParam());
  ASSERT_FALSE(parsed.ok()) << GetParam();
  EXPECT_EQ(parsed.error().code(), ErrorCode::ValidationFailed);
  ASSERT_EQ(parsed.error().fields().size(), 1U);
  const FieldError& field = parsed.error().fields().front();
  EXPECT_EQ(field.field, "code");
  EXPECT_FALSE(field.message_id.empty());
  EXPECT_FALSE(field.message_en.empty());
}

INSTANTIATE_TEST_SUITE_P(Cases, InvalidRegionCodeTest,
                         ::testing::Values("", "6", "640", "64.2", "64.00", "64.70", "00", "05", "05.01",
                                           "64.02.01", "6a", "ab", "ab.cd", "64.0a", "64-02", "64,02", "6402",
                                           "64.", ".02", "64 .02", "\xd9\xa6\xd9\xa4"));

TEST(RegionCodeMessageTest, ExplainsTheShape) {
  const Result<RegionCode> parsed = parse_region_code("640");
  ASSERT_FALSE(parsed.ok());
  const FieldError& field = parsed.error().fields().front();
  EXPECT_EQ(
      field.message_id,
      "kode wilayah Kemendagri harus berbentuk 64 (provinsi), 64.02 (kabupaten) atau 64.71 (kota), bukan "
      "'640'");
  EXPECT_EQ(
      field.message_en,
      "a Kemendagri region code must look like 64 (province), 64.02 (regency) or 64.71 (city), not '640'");
}

TEST(RegionCodeMessageTest, NamesTheBadNumber) {
  const Result<RegionCode> seventy = parse_region_code("64.70");
  ASSERT_FALSE(seventy.ok());
  EXPECT_EQ(seventy.error().fields().front().message_en,
            "the regency/city number 70 in 64.70 must be 01 to 69 (regency) or 71 to 99 (city)");
  const Result<RegionCode> province = parse_region_code("00");
  ASSERT_FALSE(province.ok());
  EXPECT_EQ(province.error().fields().front().message_id, "kode provinsi 00 harus antara 11 dan 99");
}

TEST(CheckRegionParentTest, RegencyAndCityBelongToTheirProvince) {
  const RegionCode regency{"64.02", RegionLevel::regency, "64"};
  const RegionCode city{"64.71", RegionLevel::city, "64"};
  EXPECT_TRUE(check_region_parent(regency, "64").empty());
  EXPECT_TRUE(check_region_parent(city, std::string_view(" 64 ")).empty());

  const auto wrong = check_region_parent(city, "63");
  ASSERT_EQ(wrong.size(), 1U);
  EXPECT_EQ(wrong[0].field, "parent_code");
  EXPECT_EQ(wrong[0].message_id, "induk Kota 64.71 harus provinsi 64, bukan '63'");
  EXPECT_EQ(wrong[0].message_en, "the parent of the city 64.71 must be the province 64, not '63'");

  EXPECT_EQ(check_region_parent(regency, "64.01").size(), 1U);
  const auto missing = check_region_parent(regency, std::nullopt);
  ASSERT_EQ(missing.size(), 1U);
  EXPECT_EQ(missing[0].field, "parent_code");
  EXPECT_EQ(missing[0].message_id, "wajib diisi: Kabupaten 64.02 berada di bawah provinsi 64");
  EXPECT_EQ(check_region_parent(regency, "").size(), 1U);
}

TEST(CheckRegionParentTest, ProvinceHasNoParent) {
  const RegionCode province{"64", RegionLevel::province, std::nullopt};
  EXPECT_TRUE(check_region_parent(province, std::nullopt).empty());
  EXPECT_TRUE(check_region_parent(province, "").empty());
  const auto errors = check_region_parent(province, "64");
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "parent_code");
  EXPECT_EQ(errors[0].message_id, "provinsi 64 tidak memiliki wilayah induk");
}

TEST(RegionLevelTest, NamesLabelsAndParses) {
  for (RegionLevel level : kRegionLevels) {
    EXPECT_EQ(parse_region_level(name(level)), level);
  }
  EXPECT_EQ(name(RegionLevel::regency), "regency");
  EXPECT_EQ(label_id(RegionLevel::province), "Provinsi");
  EXPECT_EQ(label_id(RegionLevel::regency), "Kabupaten");
  EXPECT_EQ(label_id(RegionLevel::city), "Kota");
  EXPECT_EQ(parse_region_level("Provinsi"), RegionLevel::province);
  EXPECT_EQ(parse_region_level("prov"), RegionLevel::province);
  EXPECT_EQ(parse_region_level("KABUPATEN"), RegionLevel::regency);
  EXPECT_EQ(parse_region_level("kab"), RegionLevel::regency);
  EXPECT_EQ(parse_region_level(" kota "), RegionLevel::city);
  EXPECT_FALSE(parse_region_level("kecamatan"));
  EXPECT_FALSE(parse_region_level(""));
}

}  // namespace
}  // namespace sinergi::organization
