#include "contexts/planning/planning_json.h"

#include <gtest/gtest.h>

namespace sinergi::planning {
namespace {

Decimal decimal(std::string_view text) {
  return *Decimal::parse(text, NumberFormat::plain);
}

// The tree's JSON is written by hand for speed; it must still be JSON that a parser reads back
// exactly, whatever the titles hold.
TEST(TreeJsonTextTest, ParsesBackWithEveryFieldAndEscapedText) {
  const std::vector<PlanNode> nodes{
      {1, PlanNodeKind::national_priority, "AC-4", "Asta Cita \"empat\""},
      {2, PlanNodeKind::region_mission, "M1", "Misi\\satu\nbaris\tdua \x01 \xff akhir"}};
  IndicatorRecord indicator;
  indicator.id = IndicatorId(7);
  indicator.name = "Pertumbuhan ekonomi";
  indicator.unit = "%";
  indicator.key_indicator = true;
  indicator.baseline_value = decimal("6.17");
  indicator.targets = {Target{2025, decimal("5.50"), std::nullopt, std::nullopt},
                       Target{2026, std::nullopt, decimal("5.5"), decimal("6.00")}};
  TreeView view;
  view.plan.plan.title = "RPJMD";
  view.tree = build_performance_tree(nodes, {{2, 1, std::nullopt}}, {}, {{2, {7}}}, "misi");
  view.agency_codes = {std::nullopt, std::string("Bapperida")};
  view.indicators.emplace(7, &indicator);

  const nlohmann::json json = nlohmann::json::parse(tree_json_text(view, "misi \"x\""));
  EXPECT_EQ(json.at("q"), "misi \"x\"");
  EXPECT_EQ(json.at("plan").at("title"), "RPJMD");
  ASSERT_EQ(json.at("nodes").size(), 2U);
  const nlohmann::json& priority = json.at("nodes")[0];
  EXPECT_EQ(priority.at("title"), "Asta Cita \"empat\"");
  EXPECT_TRUE(priority.at("agency_code").is_null());
  EXPECT_EQ(priority.at("children"), nlohmann::json::array({1}));
  EXPECT_TRUE(priority.at("on_match_path"));
  EXPECT_FALSE(priority.at("matches"));
  const nlohmann::json& mission = json.at("nodes")[1];
  EXPECT_EQ(mission.at("title"), "Misi\\satu\nbaris\tdua \x01 \xEF\xBF\xBD akhir");
  EXPECT_EQ(mission.at("kind"), "region_mission");
  EXPECT_EQ(mission.at("agency_code"), "Bapperida");
  EXPECT_TRUE(mission.at("matches"));
  const nlohmann::json& chip = mission.at("indicators").at(0);
  EXPECT_EQ(chip.at("id"), 7);
  EXPECT_EQ(chip.at("key_indicator"), true);
  EXPECT_EQ(chip.at("baseline_value"), "6.17");
  EXPECT_EQ(chip.at("targets")[0], (nlohmann::json{{"year", 2025}, {"value", "5.50"}}));
  EXPECT_EQ(chip.at("targets")[1], (nlohmann::json{{"year", 2026}, {"lower", "5.5"}, {"upper", "6.00"}}));
  EXPECT_EQ(json.at("roots"), nlohmann::json::array({0}));
  EXPECT_EQ(json.at("unplaced"), nlohmann::json::array());
}

}  // namespace
}  // namespace sinergi::planning
