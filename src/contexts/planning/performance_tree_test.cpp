#include "contexts/planning/performance_tree.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sinergi::planning {
namespace {

using Hierarchy = std::vector<std::pair<std::int64_t, std::int64_t>>;
using Indicators = std::unordered_map<std::int64_t, std::vector<std::int64_t>>;

// A small cascade: two national priorities, one mission with two goals, their objectives, an
// agency objective, three programs (one aligned to nothing), activities and sub-activities.
// Nodes are listed out of code order on purpose.
class PerformanceTreeTest : public ::testing::Test {
 protected:
  std::vector<PlanNode> nodes{
      {2, PlanNodeKind::national_priority, "AC-4", "Memperkuat pembangunan SDM"},
      {1, PlanNodeKind::national_priority, "AC-1", "Memperkokoh ideologi Pancasila"},
      {10, PlanNodeKind::region_mission, "M-1", "Mewujudkan SDM yang unggul"},
      {21, PlanNodeKind::region_goal, "T-1.2", "Meningkatkan mutu pendidikan"},
      {20, PlanNodeKind::region_goal, "T-1.1", "Meningkatkan derajat kesehatan"},
      {30, PlanNodeKind::region_objective, "S-1.1", "Meningkatnya umur harapan hidup"},
      {31, PlanNodeKind::region_objective, "S-1.2", "Meningkatnya rata-rata lama sekolah"},
      {40, PlanNodeKind::agency_objective, "SD-1", "Menurunnya angka kesakitan"},
      {51, PlanNodeKind::program, "1.02.03", "Program Pencegahan dan Pengendalian Penyakit (P2P)"},
      {50, PlanNodeKind::program, "1.02.02", "Program Pemenuhan Upaya Kesehatan"},
      {52, PlanNodeKind::program, "1.02.04", "Program Sediaan Farmasi"},
      {60, PlanNodeKind::activity, "1.02.02.2.01", "Penyediaan Fasilitas Pelayanan Kesehatan"},
      {61, PlanNodeKind::activity, "1.02.03.2.01", "Surveilans Penyakit"},
      {62, PlanNodeKind::activity, "1.02.04.2.01", "Pengawasan Obat"},
      {71, PlanNodeKind::sub_activity, "1.02.03.2.01.0002", "Pengendalian P2P Malaria"},
      {70, PlanNodeKind::sub_activity, "1.02.03.2.01.0001", "Pelacakan Kasus"},
      {72, PlanNodeKind::sub_activity, "1.02.02.2.01.0001", "Pembangunan Puskesmas"},
  };
  std::vector<AlignmentLink> links{
      {10, 2, std::nullopt},  // the mission supports Asta Cita 4
      {40, 30, std::nullopt}, {51, 40, std::nullopt}, {50, 40, std::nullopt},
      {50, 31, std::nullopt},  // a second target (not a valid pair, but shown only once anyway)
  };
  Hierarchy hierarchy{
      {20, 10}, {21, 10}, {30, 20}, {31, 21}, {60, 50}, {61, 51}, {62, 52}, {70, 61}, {71, 61}, {72, 60},
  };
  Indicators indicators{{50, {500, 501}}, {71, {710}}};

  static std::size_t index_of(const PerformanceTree& tree, std::int64_t id) {
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
      if (tree.nodes[i].id == id) {
        return i;
      }
    }
    ADD_FAILURE() << "no node " << id;
    return 0;
  }

  static std::vector<std::int64_t> child_ids(const PerformanceTree& tree, std::int64_t id) {
    std::vector<std::int64_t> ids;
    for (const std::size_t child : tree.nodes[index_of(tree, id)].children) {
      ids.push_back(tree.nodes[child].id);
    }
    return ids;
  }
};

TEST_F(PerformanceTreeTest, BuildsTheCascadeFromVisionToSubActivities) {
  const PerformanceTree tree = build_performance_tree(nodes, links, hierarchy, indicators, "");
  ASSERT_EQ(tree.nodes.size(), nodes.size());
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    EXPECT_EQ(tree.nodes[i].id, nodes[i].id);
    EXPECT_EQ(tree.nodes[i].code, nodes[i].code);
    EXPECT_EQ(tree.nodes[i].title, nodes[i].title);
    EXPECT_EQ(tree.nodes[i].kind, nodes[i].kind);
  }

  std::vector<std::int64_t> roots;
  for (const std::size_t root : tree.roots) {
    roots.push_back(tree.nodes[root].id);
  }
  EXPECT_EQ(roots, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(child_ids(tree, 1), (std::vector<std::int64_t>{}));
  EXPECT_EQ(child_ids(tree, 2), (std::vector<std::int64_t>{10}));
  EXPECT_EQ(child_ids(tree, 10), (std::vector<std::int64_t>{20, 21}));  // by code
  EXPECT_EQ(child_ids(tree, 20), (std::vector<std::int64_t>{30}));
  EXPECT_EQ(child_ids(tree, 21), (std::vector<std::int64_t>{31}));
  EXPECT_EQ(child_ids(tree, 30), (std::vector<std::int64_t>{40}));
  EXPECT_EQ(child_ids(tree, 40), (std::vector<std::int64_t>{50, 51}));
  EXPECT_EQ(child_ids(tree, 31), (std::vector<std::int64_t>{}));  // 50 only under its first target
  EXPECT_EQ(child_ids(tree, 50), (std::vector<std::int64_t>{60}));
  EXPECT_EQ(child_ids(tree, 51), (std::vector<std::int64_t>{61}));
  EXPECT_EQ(child_ids(tree, 61), (std::vector<std::int64_t>{70, 71}));
  EXPECT_EQ(child_ids(tree, 60), (std::vector<std::int64_t>{72}));

  EXPECT_EQ(tree.nodes[index_of(tree, 50)].indicator_ids, (std::vector<std::int64_t>{500, 501}));
  EXPECT_EQ(tree.nodes[index_of(tree, 71)].indicator_ids, (std::vector<std::int64_t>{710}));
  EXPECT_TRUE(tree.nodes[index_of(tree, 40)].indicator_ids.empty());

  for (const TreeNode& node : tree.nodes) {
    EXPECT_FALSE(node.matches) << node.code;
    EXPECT_FALSE(node.on_match_path) << node.code;
  }
}

TEST_F(PerformanceTreeTest, AnUnalignedProgramIsUnplacedWithItsActivities) {
  const PerformanceTree tree = build_performance_tree(nodes, links, hierarchy, indicators, "");
  EXPECT_EQ(tree.unplaced, (std::vector<std::int64_t>{52}));
  EXPECT_EQ(child_ids(tree, 52), (std::vector<std::int64_t>{62}));
}

TEST_F(PerformanceTreeTest, SearchMarksTheMatchesAndThePathsDownToThem) {
  const PerformanceTree tree = build_performance_tree(nodes, links, hierarchy, indicators, "p2p");
  std::vector<std::int64_t> matches;
  std::vector<std::int64_t> on_path;
  for (const std::size_t i :
       {index_of(tree, 2), index_of(tree, 10), index_of(tree, 20), index_of(tree, 30), index_of(tree, 40),
        index_of(tree, 51), index_of(tree, 61), index_of(tree, 71)}) {
    EXPECT_TRUE(tree.nodes[i].on_match_path) << tree.nodes[i].code;
  }
  for (const TreeNode& node : tree.nodes) {
    if (node.matches) {
      matches.push_back(node.id);
    }
    if (node.on_match_path) {
      on_path.push_back(node.id);
    }
  }
  EXPECT_EQ(matches, (std::vector<std::int64_t>{51, 71}));
  EXPECT_EQ(on_path.size(), 8U);  // the two matches and their six ancestors, nothing else
}

TEST_F(PerformanceTreeTest, SearchIgnoresCaseAndLooksAtCodes) {
  const PerformanceTree upper = build_performance_tree(nodes, links, hierarchy, indicators, "PUSKESMAS");
  EXPECT_TRUE(upper.nodes[index_of(upper, 72)].matches);
  EXPECT_TRUE(upper.nodes[index_of(upper, 2)].on_match_path);
  EXPECT_FALSE(upper.nodes[index_of(upper, 1)].on_match_path);

  const PerformanceTree by_code = build_performance_tree(nodes, links, hierarchy, indicators, "1.02.04");
  EXPECT_TRUE(by_code.nodes[index_of(by_code, 52)].matches);
  EXPECT_TRUE(by_code.nodes[index_of(by_code, 62)].matches);
  EXPECT_FALSE(by_code.nodes[index_of(by_code, 2)].on_match_path);  // 52 is unplaced

  const PerformanceTree none = build_performance_tree(nodes, links, hierarchy, indicators, "tidak ada");
  for (const TreeNode& node : none.nodes) {
    EXPECT_FALSE(node.matches || node.on_match_path) << node.code;
  }
}

TEST_F(PerformanceTreeTest, HierarchyComesBeforeLinksAndUnknownIdsAreIgnored) {
  // The goal 20 is also linked to Asta Cita 1; its hierarchy parent (the mission) wins.
  links.push_back({20, 1, std::nullopt});
  links.push_back({999, 1, std::nullopt});
  hierarchy.emplace_back(60, 999);  // 60 already has a parent; 999 is unknown anyway
  hierarchy.emplace_back(62, 62);   // a self entry
  const PerformanceTree tree = build_performance_tree(nodes, links, hierarchy, indicators, "");
  EXPECT_EQ(child_ids(tree, 1), (std::vector<std::int64_t>{}));
  EXPECT_EQ(child_ids(tree, 10), (std::vector<std::int64_t>{20, 21}));
  EXPECT_EQ(child_ids(tree, 50), (std::vector<std::int64_t>{60}));
  EXPECT_EQ(child_ids(tree, 52), (std::vector<std::int64_t>{62}));
}

TEST_F(PerformanceTreeTest, AMissionWithoutAPriorityIsARootAndAParentCycleIsCut) {
  const std::vector<PlanNode> cyclic{
      {1, PlanNodeKind::region_mission, "M-2", "Misi tanpa prioritas"},
      {2, PlanNodeKind::program, "1.01.02", "Program B"},
      {3, PlanNodeKind::program, "1.01.01", "Program A"},
      {4, PlanNodeKind::activity, "1.01.01.2.01", "Kegiatan di bawah siklus"},
  };
  const Hierarchy parents{{2, 3}, {3, 2}, {4, 2}};
  const PerformanceTree tree = build_performance_tree(cyclic, {}, parents, {}, "siklus");
  ASSERT_EQ(tree.roots.size(), 1U);
  EXPECT_EQ(tree.nodes[tree.roots[0]].id, 1);
  EXPECT_EQ(tree.unplaced, (std::vector<std::int64_t>{3}));  // cut at the lowest code
  EXPECT_EQ(child_ids(tree, 3), (std::vector<std::int64_t>{2}));
  EXPECT_EQ(child_ids(tree, 2), (std::vector<std::int64_t>{4}));
  EXPECT_TRUE(tree.nodes[3].matches);
  EXPECT_TRUE(tree.nodes[1].on_match_path);
  EXPECT_TRUE(tree.nodes[2].on_match_path);
  EXPECT_FALSE(tree.nodes[0].on_match_path);
}

TEST_F(PerformanceTreeTest, AnEmptyInputGivesAnEmptyTree) {
  const PerformanceTree tree = build_performance_tree({}, {}, {}, {}, "x");
  EXPECT_TRUE(tree.nodes.empty());
  EXPECT_TRUE(tree.roots.empty());
  EXPECT_TRUE(tree.unplaced.empty());
}

}  // namespace
}  // namespace sinergi::planning
