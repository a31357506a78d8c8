#include "contexts/planning/alignment.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace sinergi::planning {
namespace {

Decimal weight(std::int64_t value) {
  return Decimal::from_int64(value);
}

// A small cascade: Asta Cita 4, a region mission and goal, two region objectives, an agency
// goal and objective, two programs and an activity.
class AlignmentTest : public ::testing::Test {
 protected:
  std::vector<PlanNode> nodes{
      {1, PlanNodeKind::national_priority, "AC-4", "Memperkuat pembangunan SDM"},
      {2, PlanNodeKind::region_mission, "M-1", "Mewujudkan SDM yang unggul"},
      {3, PlanNodeKind::region_goal, "T-1.1", "Meningkatkan derajat kesehatan"},
      {4, PlanNodeKind::region_objective, "S-1.1", "Meningkatnya umur harapan hidup"},
      {5, PlanNodeKind::region_objective, "S-1.2", "Menurunnya prevalensi stunting"},
      {6, PlanNodeKind::agency_goal, "TD-1", "Meningkatkan mutu layanan kesehatan"},
      {7, PlanNodeKind::agency_objective, "SD-1", "Meningkatnya cakupan layanan kesehatan dasar"},
      {8, PlanNodeKind::program, "1.02.02", "Program Pemenuhan Upaya Kesehatan"},
      {9, PlanNodeKind::program, "1.02.03", "Program Peningkatan Kapasitas SDM Kesehatan"},
      {10, PlanNodeKind::activity, "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan"},
  };
};

TEST_F(AlignmentTest, MayAlignFollowsTheCascade) {
  EXPECT_TRUE(may_align(PlanNodeKind::region_mission, PlanNodeKind::national_priority));
  EXPECT_TRUE(may_align(PlanNodeKind::region_goal, PlanNodeKind::national_priority));
  EXPECT_TRUE(may_align(PlanNodeKind::agency_objective, PlanNodeKind::region_objective));
  EXPECT_TRUE(may_align(PlanNodeKind::agency_goal, PlanNodeKind::region_goal));
  EXPECT_TRUE(may_align(PlanNodeKind::agency_goal, PlanNodeKind::region_objective));
  EXPECT_TRUE(may_align(PlanNodeKind::program, PlanNodeKind::agency_objective));

  EXPECT_FALSE(may_align(PlanNodeKind::national_priority, PlanNodeKind::region_mission));
  EXPECT_FALSE(may_align(PlanNodeKind::region_objective, PlanNodeKind::national_priority));
  EXPECT_FALSE(may_align(PlanNodeKind::agency_objective, PlanNodeKind::national_priority));
  EXPECT_FALSE(may_align(PlanNodeKind::program, PlanNodeKind::region_objective));
  EXPECT_FALSE(may_align(PlanNodeKind::program, PlanNodeKind::program));
  EXPECT_FALSE(may_align(PlanNodeKind::activity, PlanNodeKind::program));
  EXPECT_FALSE(may_align(PlanNodeKind::sub_activity, PlanNodeKind::activity));
}

TEST_F(AlignmentTest, AcceptsAnAllowedLink) {
  EXPECT_TRUE(check_new_link(nodes, {}, AlignmentLink{8, 7, std::nullopt}).empty());
  EXPECT_TRUE(check_new_link(nodes, {{8, 7, weight(60)}}, AlignmentLink{9, 7, weight(40)}).empty());
  EXPECT_TRUE(check_new_link(nodes, {}, AlignmentLink{2, 1, weight(100)}).empty());
  EXPECT_TRUE(check_new_link(nodes, {}, AlignmentLink{7, 5, Decimal(5, 1)}).empty());
}

TEST_F(AlignmentTest, RefusesAKindPairThatMayNotAlign) {
  const std::vector<FieldError> errors = check_new_link(nodes, {}, AlignmentLink{8, 4, std::nullopt});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0],
            (FieldError{"to",
                        "program tidak dapat diselaraskan ke sasaran daerah (hanya ke sasaran "
                        "perangkat daerah)",
                        "a program cannot align to a region objective (only to an agency objective)"}));
  const std::vector<FieldError> activity = check_new_link(nodes, {}, AlignmentLink{10, 8, std::nullopt});
  ASSERT_EQ(activity.size(), 1U);
  EXPECT_EQ(activity[0].message_id,
            "kegiatan tidak dapat diselaraskan ke program (jenis ini tidak diselaraskan lewat tautan)");
}

TEST_F(AlignmentTest, RefusesUnknownSelfAndDuplicateLinks) {
  const std::vector<FieldError> unknown = check_new_link(nodes, {}, AlignmentLink{42, 43, std::nullopt});
  ASSERT_EQ(unknown.size(), 2U);
  EXPECT_EQ(unknown[0], (FieldError{"from", "simpul 42 tidak ditemukan", "node 42 was not found"}));
  EXPECT_EQ(unknown[1], (FieldError{"to", "simpul 43 tidak ditemukan", "node 43 was not found"}));

  const std::vector<FieldError> self = check_new_link(nodes, {}, AlignmentLink{8, 8, std::nullopt});
  ASSERT_EQ(self.size(), 1U);
  EXPECT_EQ(self[0], (FieldError{"to", "program 1.02.02 tidak dapat diselaraskan ke dirinya sendiri",
                                 "the program 1.02.02 cannot align to itself"}));

  const std::vector<FieldError> duplicate =
      check_new_link(nodes, {{8, 7, std::nullopt}}, AlignmentLink{8, 7, weight(50)});
  ASSERT_EQ(duplicate.size(), 1U);
  EXPECT_EQ(duplicate[0],
            (FieldError{"to", "program 1.02.02 sudah diselaraskan ke sasaran perangkat daerah SD-1",
                        "the program 1.02.02 is already aligned to the agency objective SD-1"}));
}

TEST_F(AlignmentTest, RefusesAWeightOutsideZeroToHundred) {
  for (const Decimal& bad : {weight(0), weight(-5), Decimal(10001, 2), weight(101)}) {
    const std::vector<FieldError> errors = check_new_link(nodes, {}, AlignmentLink{8, 7, bad});
    ASSERT_EQ(errors.size(), 1U) << bad;
    EXPECT_EQ(errors[0].field, "weight");
  }
  const std::vector<FieldError> errors = check_new_link(nodes, {}, AlignmentLink{8, 7, Decimal(1005, 1)});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0], (FieldError{"weight", "bobot harus lebih dari 0 dan paling banyak 100, bukan 100,5",
                                   "the weight must be above 0 and at most 100, not 100.5"}));
  EXPECT_TRUE(check_new_link(nodes, {}, AlignmentLink{8, 7, Decimal(1, 2)}).empty());
}

TEST_F(AlignmentTest, RefusesATwoNodeCycleWithItsPath) {
  // A link stored under earlier rules (an objective "supporting" a program) closes a cycle.
  const std::vector<AlignmentLink> existing{{7, 8, std::nullopt}};
  const std::vector<FieldError> errors = check_new_link(nodes, existing, AlignmentLink{8, 7, std::nullopt});
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0], (FieldError{"to", "tautan ini membentuk siklus keselarasan: 1.02.02 → SD-1 → 1.02.02",
                                   "this link would create an alignment cycle: 1.02.02 → SD-1 → 1.02.02"}));
}

TEST_F(AlignmentTest, RefusesAThreeNodeCycleWithItsPath) {
  const std::vector<AlignmentLink> existing{{8, 7, std::nullopt}, {7, 5, std::nullopt}, {2, 1, std::nullopt}};
  const std::vector<FieldError> errors = check_new_link(nodes, existing, AlignmentLink{5, 8, std::nullopt});
  ASSERT_EQ(errors.size(), 2U);
  EXPECT_EQ(errors[0].field, "to");
  EXPECT_EQ(errors[0].message_id,
            "sasaran daerah tidak dapat diselaraskan ke program (jenis ini tidak diselaraskan lewat tautan)");
  EXPECT_EQ(errors[1],
            (FieldError{"to", "tautan ini membentuk siklus keselarasan: S-1.2 → 1.02.02 → SD-1 → S-1.2",
                        "this link would create an alignment cycle: S-1.2 → 1.02.02 → SD-1 → S-1.2"}));
}

TEST_F(AlignmentTest, ReportsGapsInNodeOrder) {
  const std::vector<AlignmentLink> links{{2, 1, std::nullopt}, {8, 7, std::nullopt}};
  const std::vector<AlignmentGap> gaps = alignment_gaps(nodes, links);
  ASSERT_EQ(gaps.size(), 3U);
  EXPECT_EQ(gaps[0], (AlignmentGap{3, "tujuan daerah T-1.1 belum diselaraskan ke prioritas nasional mana pun",
                                   "the region goal T-1.1 is not aligned to any national priority",
                                   AlignmentGap::Kind::unaligned}));
  EXPECT_EQ(gaps[1],
            (AlignmentGap{7, "sasaran perangkat daerah SD-1 belum diselaraskan ke sasaran daerah mana pun",
                          "the agency objective SD-1 is not aligned to any region objective",
                          AlignmentGap::Kind::unaligned}));
  EXPECT_EQ(gaps[2],
            (AlignmentGap{9, "program 1.02.03 belum diselaraskan ke sasaran perangkat daerah mana pun",
                          "the program 1.02.03 is not aligned to any agency objective",
                          AlignmentGap::Kind::unaligned}));
}

TEST_F(AlignmentTest, ACompleteCascadeHasNoGaps) {
  const std::vector<AlignmentLink> links{{2, 1, std::nullopt}, {3, 1, std::nullopt}, {7, 4, weight(100)},
                                         {6, 3, std::nullopt}, {8, 7, weight(60)},   {9, 7, weight(40)}};
  EXPECT_TRUE(alignment_gaps(nodes, links).empty());
}

TEST_F(AlignmentTest, ReportsWeightsThatDoNotSumToHundred) {
  const std::vector<AlignmentLink> links{{2, 1, std::nullopt},
                                         {3, 1, std::nullopt},
                                         {7, 4, std::nullopt},
                                         {8, 7, weight(60)},
                                         {9, 7, weight(30)}};
  const std::vector<AlignmentGap> gaps = alignment_gaps(nodes, links);
  ASSERT_EQ(gaps.size(), 1U);
  EXPECT_EQ(gaps[0],
            (AlignmentGap{7, "bobot keselarasan ke sasaran perangkat daerah SD-1 berjumlah 90, harus 100",
                          "the alignment weights into the agency objective SD-1 sum to 90, not 100",
                          AlignmentGap::Kind::weights}));
}

TEST_F(AlignmentTest, ReportsIncompleteWeights) {
  const std::vector<AlignmentLink> links{{2, 1, std::nullopt},
                                         {3, 1, std::nullopt},
                                         {7, 4, std::nullopt},
                                         {8, 7, weight(100)},
                                         {9, 7, std::nullopt}};
  const std::vector<AlignmentGap> gaps = alignment_gaps(nodes, links);
  ASSERT_EQ(gaps.size(), 1U);
  EXPECT_EQ(gaps[0],
            (AlignmentGap{7,
                          "bobot keselarasan ke sasaran perangkat daerah SD-1 belum lengkap: 1 dari 2 "
                          "tautan tanpa bobot",
                          "the alignment weights into the agency objective SD-1 are incomplete: 1 of 2 "
                          "links have no weight",
                          AlignmentGap::Kind::weights}));
}

TEST_F(AlignmentTest, ListsDependants) {
  const std::vector<AlignmentLink> links{{9, 7, std::nullopt},
                                         {8, 7, std::nullopt},
                                         {7, 4, std::nullopt},
                                         {2, 1, std::nullopt},
                                         {3, 1, std::nullopt}};
  EXPECT_EQ(dependants(nodes, links, 7), (std::vector<std::int64_t>{8, 9}));
  EXPECT_EQ(dependants(nodes, links, 1), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(dependants(nodes, links, 4), (std::vector<std::int64_t>{7}));
  EXPECT_TRUE(dependants(nodes, links, 8).empty());
  EXPECT_TRUE(dependants(nodes, links, 42).empty());
}

}  // namespace
}  // namespace sinergi::planning
