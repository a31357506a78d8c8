#include "contexts/planning/nomenclature.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace sinergi::planning {
namespace {

struct ValidCase {
  std::string_view text;
  NomenclatureCode expected;
};

class ValidNomenclatureCodeTest : public ::testing::TestWithParam<ValidCase> {};

TEST_P(ValidNomenclatureCodeTest, Parses) {
  const Result<NomenclatureCode> parsed = parse_nomenclature_code(GetParam().text);
  ASSERT_TRUE(parsed.ok()) << GetParam().text << ": " << parsed.error().fields().front().message_en;
  EXPECT_EQ(*parsed, GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ValidNomenclatureCodeTest,
    ::testing::Values(
        ValidCase{"1", {"1", NomenclatureLevel::urusan, "", false, std::nullopt}},
        ValidCase{"8", {"8", NomenclatureLevel::urusan, "", false, std::nullopt}},
        ValidCase{"1.02", {"1.02", NomenclatureLevel::bidang, "1.02", false, "1"}},
        ValidCase{"1.02.02", {"1.02.02", NomenclatureLevel::program, "1.02", false, "1.02"}},
        ValidCase{"1.02.02.2.01", {"1.02.02.2.01", NomenclatureLevel::activity, "1.02", false, "1.02.02"}},
        ValidCase{"1.02.02.2.01.0016",
                  {"1.02.02.2.01.0016", NomenclatureLevel::sub_activity, "1.02", false, "1.02.02.2.01"}},
        ValidCase{"1.02.02.2.01.16",
                  {"1.02.02.2.01.16", NomenclatureLevel::sub_activity, "1.02", false, "1.02.02.2.01"}},
        ValidCase{" 1.02.01.2.01.0001\t",
                  {"1.02.01.2.01.0001", NomenclatureLevel::sub_activity, "1.02", false, "1.02.01.2.01"}},
        ValidCase{"X.XX.01", {"X.XX.01", NomenclatureLevel::program, "X.XX", true, std::nullopt}},
        ValidCase{"X.XX.01.2.01", {"X.XX.01.2.01", NomenclatureLevel::activity, "X.XX", true, "X.XX.01"}},
        ValidCase{"X.XX.01.2.01.01",
                  {"X.XX.01.2.01.01", NomenclatureLevel::sub_activity, "X.XX", true, "X.XX.01.2.01"}},
        ValidCase{"5.01.99.9.99.9999",
                  {"5.01.99.9.99.9999", NomenclatureLevel::sub_activity, "5.01", false, "5.01.99.9.99"}}));

class InvalidNomenclatureCodeTest : public ::testing::TestWithParam<std::string_view> {};

TEST_P(InvalidNomenclatureCodeTest, IsRejectedOnTheCodeField) {
  const Result<NomenclatureCode> parsed = parse_nomenclature_code(GetParam());
  ASSERT_FALSE(parsed.ok()) << GetParam();
  EXPECT_EQ(parsed.error().code(), ErrorCode::ValidationFailed);
  ASSERT_EQ(parsed.error().fields().size(), 1U);
  const FieldError& field = parsed.error().fields().front();
  EXPECT_EQ(field.field, "code");
  EXPECT_FALSE(field.message_id.empty());
  EXPECT_FALSE(field.message_en.empty());
}

INSTANTIATE_TEST_SUITE_P(Cases, InvalidNomenclatureCodeTest,
                         ::testing::Values("", "  ", "1.2.02", "1.02.2", "1.02.02.02.01", "1.02.02.2.1",
                                           "1.02.02.2.01.016", "1.02.02.2.01.0000", "1.02.02.2.01.00", "9.01",
                                           "0", "9", "X", "X.XX", "X.02.01", "1.XX.01", "x.xx.01", "1.00",
                                           "1.02.00", "1.02.02.0.01", "1.02.02.2.00", "1.02.02.2",
                                           "1.02.02.2.01.0016.1", "1.02.", ".02", "1..02", "1,02", "1.0a",
                                           "1.02.02.2.01.00016", "\xd9\xa1.02"));

struct MessageCase {
  std::string_view text;
  std::string_view message_id;
  std::string_view message_en;
};

class NomenclatureMessageTest : public ::testing::TestWithParam<MessageCase> {};

TEST_P(NomenclatureMessageTest, NamesTheWrongPart) {
  const Result<NomenclatureCode> parsed = parse_nomenclature_code(GetParam().text);
  ASSERT_FALSE(parsed.ok());
  const FieldError& field = parsed.error().fields().front();
  EXPECT_EQ(field.message_id, GetParam().message_id);
  EXPECT_EQ(field.message_en, GetParam().message_en);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NomenclatureMessageTest,
    ::testing::Values(
        MessageCase{"1.2.02", "bagian bidang 'BB' harus dua angka 01 sampai 99, bukan '2'",
                    "the field part 'BB' must be two digits 01 to 99, not '2'"},
        MessageCase{"9.01", "bagian urusan 'U' harus satu angka 1 sampai 8, bukan '9'",
                    "the government affair part 'U' must be one digit 1 to 8, not '9'"},
        MessageCase{"1.02.2", "bagian program 'PP' harus dua angka 01 sampai 99, bukan '2'",
                    "the program part 'PP' must be two digits 01 to 99, not '2'"},
        MessageCase{
            "1.02.02.02.01",
            "bagian kegiatan 'K.KK' harus satu angka 1 sampai 9, titik, lalu dua angka 01 sampai 99 "
            "(misalnya 2.01), bukan '02.01'",
            "the activity part 'K.KK' must be one digit 1 to 9, a dot, then two digits 01 to 99 (e.g. "
            "2.01), not '02.01'"},
        MessageCase{
            "1.02.02.2.1",
            "bagian kegiatan 'K.KK' harus satu angka 1 sampai 9, titik, lalu dua angka 01 sampai 99 "
            "(misalnya 2.01), bukan '2.1'",
            "the activity part 'K.KK' must be one digit 1 to 9, a dot, then two digits 01 to 99 (e.g. "
            "2.01), not '2.1'"},
        MessageCase{
            "1.02.02.2.01.016",
            "bagian sub-kegiatan 'SSSS' harus empat angka (misalnya 0016) atau dua angka (misalnya 16), "
            "tidak semuanya nol, bukan '016'",
            "the sub-activity part 'SSSS' must be four digits (e.g. 0016) or two digits (e.g. 16), not "
            "all zero, not '016'"},
        MessageCase{
            "1.02.02.2.01.0000",
            "bagian sub-kegiatan 'SSSS' harus empat angka (misalnya 0016) atau dua angka (misalnya 16), "
            "tidak semuanya nol, bukan '0000'",
            "the sub-activity part 'SSSS' must be four digits (e.g. 0016) or two digits (e.g. 16), not "
            "all zero, not '0000'"},
        MessageCase{"X.XX",
                    "X.XX hanya dipakai sebagai awalan program lintas urusan (X.XX.PP), bukan 'X.XX' saja",
                    "X.XX is only the prefix of a cross-field program (X.XX.PP), not 'X.XX' alone"},
        MessageCase{
            "1.02.02.2.01.0016.1",
            "kode nomenklatur Permendagri 90/2019 harus berbentuk U (urusan), U.BB (bidang), U.BB.PP "
            "atau X.XX.PP (program), U.BB.PP.K.KK (kegiatan) atau U.BB.PP.K.KK.SSSS (sub-kegiatan), "
            "misalnya 1.02.02.2.01.0016, bukan '1.02.02.2.01.0016.1'",
            "a Permendagri 90/2019 code must look like U (government affair), U.BB (field), U.BB.PP or "
            "X.XX.PP (program), U.BB.PP.K.KK (activity) or U.BB.PP.K.KK.SSSS (sub-activity), e.g. "
            "1.02.02.2.01.0016, not '1.02.02.2.01.0016.1'"}));

NomenclatureCode code(std::string_view text) {
  Result<NomenclatureCode> parsed = parse_nomenclature_code(text);
  if (!parsed.ok()) {
    ADD_FAILURE() << "cannot parse " << text;
    return {};
  }
  return std::move(parsed).value();
}

TEST(NomenclatureHierarchyTest, KnowsDirectChildren) {
  EXPECT_TRUE(is_child_of(code("1.02"), code("1")));
  EXPECT_TRUE(is_child_of(code("1.02.02"), code("1.02")));
  EXPECT_TRUE(is_child_of(code("1.02.02.2.01"), code("1.02.02")));
  EXPECT_TRUE(is_child_of(code("1.02.02.2.01.0016"), code("1.02.02.2.01")));
  EXPECT_TRUE(is_child_of(code("1.02.02.2.01.16"), code("1.02.02.2.01")));
  EXPECT_TRUE(is_child_of(code("X.XX.01.2.01"), code("X.XX.01")));
  EXPECT_TRUE(is_child_of(code("X.XX.01.2.01.01"), code("X.XX.01.2.01")));

  EXPECT_FALSE(is_child_of(code("1.02.02.2.01.0016"), code("1.02.02")));  // a grandparent
  EXPECT_FALSE(is_child_of(code("1.02.02.2.01"), code("1.02.01")));
  EXPECT_FALSE(is_child_of(code("1.02.02"), code("1.03")));
  EXPECT_FALSE(is_child_of(code("1.02"), code("1.02.02")));  // reversed
  EXPECT_FALSE(is_child_of(code("X.XX.01"), code("1.02")));
}

TEST(NomenclatureParentTest, AcceptsTheRightParent) {
  EXPECT_TRUE(check_parent(code("1.02.02.2.01.0016"), code("1.02.02.2.01")).empty());
  EXPECT_TRUE(check_parent(code("1.02.02"), code("1.02")).empty());
  EXPECT_TRUE(check_parent(code("1"), std::nullopt).empty());
  EXPECT_TRUE(check_parent(code("X.XX.01"), std::nullopt).empty());
}

TEST(NomenclatureParentTest, RequiresAParent) {
  const std::vector<FieldError> errors = check_parent(code("1.02.02.2.01"), std::nullopt);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0],
            (FieldError{"parent_code", "wajib diisi: kegiatan 1.02.02.2.01 berada di bawah program 1.02.02",
                        "is required: the activity 1.02.02.2.01 belongs to the program 1.02.02"}));
}

TEST(NomenclatureParentTest, RefusesAWrongParent) {
  const std::vector<FieldError> errors = check_parent(code("1.02.02.2.01.0016"), code("1.02.02"));
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(
      errors[0],
      (FieldError{"parent_code",
                  "induk sub-kegiatan 1.02.02.2.01.0016 harus kegiatan 1.02.02.2.01, bukan program '1.02.02'",
                  "the parent of the sub-activity 1.02.02.2.01.0016 must be the activity 1.02.02.2.01, not "
                  "the program '1.02.02'"}));
  EXPECT_EQ(check_parent(code("1.02.02"), code("1.03")).size(), 1U);
}

TEST(NomenclatureParentTest, RefusesAParentWhereThereIsNone) {
  const std::vector<FieldError> cross = check_parent(code("X.XX.01"), code("1.02"));
  ASSERT_EQ(cross.size(), 1U);
  EXPECT_EQ(
      cross[0],
      (FieldError{"parent_code", "program lintas urusan X.XX.01 tidak berada di bawah bidang urusan mana pun",
                  "the cross-field program X.XX.01 belongs to no field"}));
  const std::vector<FieldError> urusan = check_parent(code("1"), code("2"));
  ASSERT_EQ(urusan.size(), 1U);
  EXPECT_EQ(urusan[0].field, "parent_code");
  EXPECT_EQ(urusan[0].message_id, "urusan 1 tidak memiliki induk");
}

TEST(UrusanFieldTest, ReadsTheEmbeddedReference) {
  ASSERT_EQ(urusan_fields().size(), 6U);
  const UrusanField* health = find_field("1.02");
  ASSERT_NE(health, nullptr);
  EXPECT_EQ(health->code, "1.02");
  EXPECT_EQ(health->group, "wajib_pelayanan_dasar");
  EXPECT_EQ(health->name, "Kesehatan");
  EXPECT_EQ(health->spm_area, "kesehatan");
  const UrusanField* order = find_field("1.05");
  ASSERT_NE(order, nullptr);
  EXPECT_EQ(order->name, "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat");
  EXPECT_EQ(order->spm_area, "trantibumlinmas");
  EXPECT_EQ(find_field("2.01"), nullptr);
  EXPECT_EQ(find_field("1.02.02"), nullptr);
}

TEST(UrusanFieldTest, KnowsTheSixBasicServiceFields) {
  for (const std::string_view field : {"1.01", "1.02", "1.03", "1.04", "1.05", "1.06"}) {
    EXPECT_TRUE(is_basic_service_field(field)) << field;
  }
  for (const std::string_view field : {"1.07", "2.01", "X.XX", "1", ""}) {
    EXPECT_FALSE(is_basic_service_field(field)) << field;
  }
  EXPECT_TRUE(is_basic_service_field(code("1.02.02.2.01.0016").field_code));
  EXPECT_FALSE(is_basic_service_field(code("X.XX.01.2.01.01").field_code));
}

}  // namespace
}  // namespace sinergi::planning
