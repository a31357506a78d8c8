// The planning service over real storage, on SQLite and PostgreSQL (db::test_backends()), with
// a ManualClock and a fixed agency directory (the agencies' rows are inserted directly).
// Expectations are written from docs/api/planning.md and RULES.md, never copied from the
// code's output.
#include "contexts/planning/planning_service.h"

#include "contexts/planning/planning_test_fixture.h"

namespace sinergi::planning {
namespace {

using namespace fixture;  // NOLINT(google-build-using-namespace): the shared fixture

TEST_P(PlanningServiceTest, AFullCascadeIsAlignedAndTheSubActivityIsReachableInTheTree) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());

  const AlignmentReportPage page = report(c.plan);
  EXPECT_EQ(count_of(page, FindingKind::unaligned_program), 0);
  EXPECT_EQ(count_of(page, FindingKind::unaligned_sub_activity), 0);
  EXPECT_EQ(count_of(page, FindingKind::objective_without_program), 0);
  EXPECT_EQ(count_of(page, FindingKind::unaligned_agency_objective), 0);
  // Dinkes reaches S1.1.1; Disdik and Dinsos have no node in the plan at all.
  std::set<std::string> unconnected;
  for (const ReportFinding* finding : findings_of(page, FindingKind::agency_not_connected)) {
    unconnected.insert(finding->agency_code.value_or("?"));
    EXPECT_FALSE(finding->node.has_value());
  }
  EXPECT_EQ(unconnected, (std::set<std::string>{"Dinsos", "Disdik"}));

  // The plan counts the cascade.
  auto plan = service_->plan(planner_, c.plan);
  ASSERT_OK(plan);
  EXPECT_EQ(plan.value().counts.missions, 1);
  EXPECT_EQ(plan.value().counts.goals, 1);
  EXPECT_EQ(plan.value().counts.objectives, 1);
  EXPECT_EQ(plan.value().counts.agency_objectives, 1);
  EXPECT_EQ(plan.value().counts.programs, 1);
  EXPECT_EQ(plan.value().counts.activities, 1);
  EXPECT_EQ(plan.value().counts.sub_activities, 1);
  EXPECT_EQ(plan.value().plan.status, PlanStatus::draft);

  // The node detail names the Dinkes program and its field.
  auto program = service_->node(planner_, c.program);
  ASSERT_OK(program);
  EXPECT_EQ(program.value().node.agency_code, std::optional<std::string>("Dinkes"));
  EXPECT_EQ(program.value().node.node.field_code, std::optional<std::string>("1.02"));
  EXPECT_EQ(program.value().node.field_name, std::optional<std::string>("Kesehatan"));
  EXPECT_TRUE(program.value().node.basic_service);
  ASSERT_EQ(program.value().children.size(), 1U);
  EXPECT_EQ(program.value().children[0].code, "1.02.02.1.01");
  ASSERT_EQ(program.value().links_out.size(), 1U);
  EXPECT_EQ(program.value().links_out[0].to.code, "SD-DINKES-1");

  auto tree = service_->tree(planner_, c.plan, "0001", std::nullopt);
  ASSERT_OK(tree);
  const PerformanceTree& performance = tree.value().tree;
  EXPECT_TRUE(performance.unplaced.empty());
  // Depth-first from the roots, remembering the path to the sub-activity.
  std::vector<std::size_t> path;
  std::vector<std::size_t> found_path;
  std::function<void(std::size_t)> visit = [&](std::size_t index) {
    path.push_back(index);
    if (performance.nodes[index].id == c.sub_activity.value()) {
      found_path = path;
    }
    for (const std::size_t child : performance.nodes[index].children) {
      if (std::find(path.begin(), path.end(), child) == path.end()) {
        visit(child);
      }
    }
    path.pop_back();
  };
  for (const std::size_t root : performance.roots) {
    const PlanNodeKind kind = performance.nodes[root].kind;
    EXPECT_TRUE(kind == PlanNodeKind::national_priority || kind == PlanNodeKind::region_mission);
    visit(root);
  }
  ASSERT_FALSE(found_path.empty()) << "the sub-activity is not reachable from a root";
  std::vector<std::int64_t> ids;
  for (const std::size_t index : found_path) {
    ids.push_back(performance.nodes[index].id);
  }
  for (const NodeId expected : {c.mission, c.goal, c.objective, c.agency_objective, c.program, c.activity}) {
    EXPECT_NE(std::find(ids.begin(), ids.end(), expected.value()), ids.end())
        << "node " << expected.value() << " is not on the way to the sub-activity";
  }
  const TreeNode& leaf = performance.nodes[found_path.back()];
  EXPECT_TRUE(leaf.matches);
  for (std::size_t step = 0; step + 1 < found_path.size(); ++step) {
    const TreeNode& ancestor = performance.nodes[found_path[step]];
    EXPECT_TRUE(ancestor.on_match_path) << ancestor.code;
    EXPECT_FALSE(ancestor.matches) << ancestor.code;
  }
  // A priority nothing aligns to is neither a match nor on the path.
  for (const TreeNode& node : performance.nodes) {
    if (node.code == "AC-1") {
      EXPECT_FALSE(node.matches);
      EXPECT_FALSE(node.on_match_path);
    }
  }
}

TEST_P(PlanningServiceTest, QualityBarsNameTheirFieldAndWriteNothing) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  const long long nodes = count("SELECT COUNT(*) FROM plan_nodes");
  const long long events = count("SELECT COUNT(*) FROM audit_events");

  expect_refused(try_node(planner_, c.plan, "program", "1.2.3", std::nullopt, "Dinkes"),
                 ErrorCode::ValidationFailed, "code");
  // 1.02.03.1.01 belongs under program 1.02.03, not 1.02.02.
  expect_refused(try_node(planner_, c.plan, "activity", "1.02.03.1.01", c.program),
                 ErrorCode::ValidationFailed, "code");
  expect_refused(try_node(planner_, c.plan, "region_goal", "T9.9"), ErrorCode::ValidationFailed, "parent_id");
  // A program aligns to an agency objective, never straight to a region objective.
  expect_refused(
      service_->create_link(planner_, c.plan, c.program.value(), c.objective.value(), std::nullopt, context_),
      ErrorCode::ValidationFailed, "to_id");
  // The same link twice.
  expect_refused(service_->create_link(planner_, c.plan, c.program.value(), c.agency_objective.value(),
                                       std::nullopt, context_),
                 ErrorCode::ValidationFailed, "to_id");
  EXPECT_EQ(count("SELECT COUNT(*) FROM alignment_links"), 3);

  expect_refused(
      service_->create_indicator(
          planner_, c.program, indicator_draft("Angka Harapan Hidup", {value_target(2031, "74")}), context_),
      ErrorCode::ValidationFailed, "targets[0].year");
  expect_refused(
      service_->create_indicator(
          planner_, c.program,
          indicator_draft("Prevalensi Stunting", {TargetDraft{2026, std::nullopt, "6", "5"}}), context_),
      ErrorCode::ValidationFailed, "targets[0].lower");
  IndicatorDraft mirror = indicator_draft("Cakupan Imunisasi Dasar Lengkap", {value_target(2026, "95")});
  mirror.formula_variant = "mirror";
  expect_refused(service_->create_indicator(planner_, c.program, mirror, context_),
                 ErrorCode::ValidationFailed, "formula_variant");
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators"), 0);

  // A mission with a goal under it is not deleted; the goal is named.
  expect_refused(service_->delete_node(planner_, c.mission, context_), ErrorCode::Conflict, "dependants");
  auto mission_dependants = service_->dependants(planner_, c.mission);
  ASSERT_OK(mission_dependants);
  ASSERT_EQ(mission_dependants.value().size(), 1U);
  EXPECT_EQ(mission_dependants.value()[0].id, c.goal);
  EXPECT_EQ(mission_dependants.value()[0].code, "T1.1");
  EXPECT_EQ(mission_dependants.value()[0].kind, PlanNodeKind::region_goal);

  // A region objective an agency objective aligns to is not deleted either.
  expect_refused(service_->delete_node(planner_, c.objective, context_), ErrorCode::Conflict, "dependants");
  auto objective_dependants = service_->dependants(planner_, c.objective);
  ASSERT_OK(objective_dependants);
  ASSERT_EQ(objective_dependants.value().size(), 1U);
  EXPECT_EQ(objective_dependants.value()[0].id, c.agency_objective);
  EXPECT_EQ(objective_dependants.value()[0].agency_code, std::optional<std::string>("Dinkes"));

  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_nodes"), nodes);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events);
}

TEST_P(PlanningServiceTest, AnAgencyHeadManagesOnlyTheOwnAgencyAndOthersCannotDraftPlans) {
  const PlanId plan = make_plan();
  ASSERT_FALSE(HasFailure());
  auto own = try_node(health_head_, plan, "program", "1.02.02", std::nullopt, "Dinkes");
  ASSERT_OK(own);
  EXPECT_EQ(own.value().node.agency_id, agency("Dinkes"));

  const long long nodes = count("SELECT COUNT(*) FROM plan_nodes");
  const long long events = count("SELECT COUNT(*) FROM audit_events");
  expect_refused(try_node(health_head_, plan, "program", "1.01.02", std::nullopt, "Disdik"),
                 ErrorCode::Forbidden);
  expect_refused(try_node(health_head_, plan, "region_mission", "M1"), ErrorCode::Forbidden);
  // The Disdik program made by the planner is readable to the head of Dinkes, not changeable.
  const NodeId education = make_node(plan, "program", "1.01.02", std::nullopt, "Disdik");
  const long long nodes_with_education = count("SELECT COUNT(*) FROM plan_nodes");
  ASSERT_OK(service_->node(health_head_, education));
  expect_refused(service_->update_node(health_head_, education, "1.01.02", "Diubah", 1, context_),
                 ErrorCode::Forbidden);
  expect_refused(service_->delete_node(health_head_, education, context_), ErrorCode::Forbidden);
  EXPECT_EQ(nodes_with_education, nodes + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_nodes"), nodes + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events + 1);  // only the planner's program

  const long long plans = count("SELECT COUNT(*) FROM plans");
  PlanDraft draft{"rpjmd", "RPJMD 2030-2034", 2030, 2034, "Visi"};
  expect_refused(service_->create_plan(legislature_, draft, context_), ErrorCode::Forbidden);
  expect_refused(service_->create_plan(governor_, draft, context_), ErrorCode::Forbidden);
  expect_refused(service_->create_plan(health_head_, draft, context_), ErrorCode::Forbidden);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plans"), plans);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events + 1);
}

TEST_P(PlanningServiceTest, ABrokenLinkLeavesTheProgramAndItsSubActivityUnaligned) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  ASSERT_OK(service_->delete_link(planner_, c.program_link, context_));

  const AlignmentReportPage page = report(c.plan);
  const auto programs = findings_of(page, FindingKind::unaligned_program);
  ASSERT_EQ(programs.size(), 1U);
  ASSERT_TRUE(programs[0]->node.has_value());
  EXPECT_EQ(programs[0]->node->id, c.program);
  EXPECT_EQ(programs[0]->agency_code, std::optional<std::string>("Dinkes"));
  const auto subs = findings_of(page, FindingKind::unaligned_sub_activity);
  ASSERT_EQ(subs.size(), 1U);
  ASSERT_TRUE(subs[0]->node.has_value());
  EXPECT_EQ(subs[0]->node->id, c.sub_activity);
  // S1.1.1 is now reached by no program, and Dinkes reaches no region objective.
  const auto objectives = findings_of(page, FindingKind::objective_without_program);
  ASSERT_EQ(objectives.size(), 1U);
  EXPECT_EQ(objectives[0]->node->id, c.objective);
  std::set<std::string> unconnected;
  for (const ReportFinding* finding : findings_of(page, FindingKind::agency_not_connected)) {
    unconnected.insert(finding->agency_code.value_or("?"));
  }
  EXPECT_TRUE(unconnected.contains("Dinkes"));

  // In the tree the program is now the top of a subtree with no way up.
  auto tree = service_->tree(planner_, c.plan, "", std::nullopt);
  ASSERT_OK(tree);
  EXPECT_EQ(tree.value().tree.unplaced, (std::vector<std::int64_t>{c.program.value()}));
}

TEST_P(PlanningServiceTest, WeightsOfSixtyAndThirtyIntoAnObjectiveAreReportedAsNinety) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  // Replace the unweighted Dinkes link by weighted ones: Dinkes 60, Dinsos 30.
  auto links = service_->node(planner_, c.objective);
  ASSERT_OK(links);
  ASSERT_EQ(links.value().links_in.size(), 1U);
  ASSERT_OK(service_->update_link(planner_, links.value().links_in[0].link.id, std::string("60"), context_));
  const NodeId social = make_node(c.plan, "agency_objective", "SD-DINSOS-1", std::nullopt, "Dinsos");
  make_link(c.plan, social, c.objective, "30");

  const AlignmentReportPage page = report(c.plan);
  const auto weights = findings_of(page, FindingKind::weights);
  ASSERT_EQ(weights.size(), 1U);
  ASSERT_TRUE(weights[0]->node.has_value());
  EXPECT_EQ(weights[0]->node->id, c.objective);
  EXPECT_NE(weights[0]->finding.message_id.find("90"), std::string::npos) << weights[0]->finding.message_id;
  EXPECT_NE(weights[0]->finding.message_en.find("90"), std::string::npos) << weights[0]->finding.message_en;

  // With 70 the weights sum to 100 and the finding is gone.
  auto social_links = service_->node(planner_, social);
  ASSERT_OK(social_links);
  ASSERT_EQ(social_links.value().links_out.size(), 1U);
  ASSERT_OK(service_->update_link(planner_, social_links.value().links_out[0].link.id, std::string("40"),
                                  context_));
  EXPECT_EQ(count_of(report(c.plan), FindingKind::weights), 0);
}

TEST_P(PlanningServiceTest, AnIndicatorWithoutTargetsAndTwoLookAlikeProgramsAreReported) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  const std::string poverty = "Persentase Penurunan Jumlah Keluarga Miskin Ekstrem di Desa Sasaran";
  auto bare = service_->create_indicator(planner_, c.sub_activity,
                                         indicator_draft("Jumlah Puskesmas Terakreditasi"), context_);
  ASSERT_OK(bare);

  std::vector<TargetDraft> all_years;
  for (std::int64_t year = 2025; year <= 2029; ++year) {
    all_years.push_back(value_target(year, "5"));
  }
  ASSERT_OK(service_->create_indicator(planner_, c.program, indicator_draft(poverty, all_years), context_));
  const NodeId social = make_node(c.plan, "program", "1.06.04", std::nullopt, "Dinsos");
  ASSERT_OK(service_->create_indicator(planner_, social, indicator_draft(poverty, all_years), context_));

  const AlignmentReportPage page = report(c.plan);
  const auto missing = findings_of(page, FindingKind::indicator_missing_target);
  ASSERT_EQ(missing.size(), 1U);
  ASSERT_TRUE(missing[0]->node.has_value());
  EXPECT_EQ(missing[0]->node->id, c.sub_activity);
  EXPECT_TRUE(missing[0]->related.empty());
  EXPECT_NE(missing[0]->finding.message_id.find("Jumlah Puskesmas Terakreditasi"), std::string::npos)
      << missing[0]->finding.message_id;
  EXPECT_EQ(count_of(page, FindingKind::indicator_missing_baseline), 0);
  EXPECT_EQ(count_of(page, FindingKind::indicator_missing_source), 0);

  const auto hints = findings_of(page, FindingKind::synergy_hint);
  ASSERT_EQ(hints.size(), 1U);
  ASSERT_TRUE(hints[0]->node.has_value());
  ASSERT_EQ(hints[0]->related.size(), 1U);
  const std::set<std::int64_t> pair = {hints[0]->node->id.value(), hints[0]->related[0].id.value()};
  EXPECT_EQ(pair, (std::set<std::int64_t>{c.program.value(), social.value()}));
}

TEST_P(PlanningServiceTest, AnAdoptedPlanChangesTargetsOnlyThroughAnApprovedRevision) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  // A draft plan takes no revision.
  auto early =
      service_->propose_revision(planner_, c.plan, "Penyesuaian",
                                 {TargetChangeDraft{1, 2026, "1", std::nullopt, std::nullopt}}, context_);
  expect_refused(early, ErrorCode::Conflict);

  auto created = service_->create_indicator(
      planner_, c.program,
      indicator_draft("Angka Harapan Hidup", {value_target(2025, "74.1"), value_target(2026, "74.5")}),
      context_);
  ASSERT_OK(created);
  const IndicatorId indicator = created.value().indicator.id;

  auto adopted = service_->adopt_plan(planner_, c.plan, "Perda Provinsi Kalimantan Timur Nomor 5 Tahun 2025",
                                      "2025-08-01", plan_version(c.plan), context_);
  ASSERT_OK(adopted);
  EXPECT_EQ(adopted.value().plan.status, PlanStatus::adopted);
  EXPECT_EQ(adopted.value().plan.current_version, 1);
  EXPECT_EQ(adopted.value().plan.regulation_number,
            std::optional<std::string>("Perda Provinsi Kalimantan Timur Nomor 5 Tahun 2025"));

  // Targets no longer change on the indicator; the other fields still do.
  IndicatorDraft changed =
      indicator_draft("Angka Harapan Hidup", {value_target(2025, "74.1"), value_target(2026, "75")});
  expect_refused(service_->update_indicator(planner_, indicator, changed, 1, context_), ErrorCode::Conflict);
  IndicatorDraft renamed = indicator_draft("Angka Harapan Hidup saat Lahir",
                                           {value_target(2025, "74.1"), value_target(2026, "74.5")});
  auto renamed_result = service_->update_indicator(planner_, indicator, renamed, 1, context_);
  ASSERT_OK(renamed_result);
  EXPECT_EQ(renamed_result.value().indicator.name, "Angka Harapan Hidup saat Lahir");

  auto proposed = service_->propose_revision(
      planner_, c.plan, "Penyesuaian target AHH hasil evaluasi",
      {TargetChangeDraft{indicator.value(), 2026, "75.2", std::nullopt, std::nullopt}}, context_);
  ASSERT_OK(proposed);
  const RevisionRecord& revision = proposed.value().revision;
  EXPECT_EQ(revision.status, RevisionStatus::proposed);
  ASSERT_EQ(revision.changes.size(), 1U);
  EXPECT_EQ(revision.changes[0].previous_value, std::optional<Decimal>(dec("74.5")));
  EXPECT_EQ(revision.changes[0].value, std::optional<Decimal>(dec("75.2")));

  // The proposer (user 1) may not approve, even holding an approving role.
  const auth::Principal proposer_as_governor =
      principal_with({auth::Role::planner, auth::Role::governor}, 1, region_);
  expect_refused(service_->approve_revision(proposer_as_governor, revision.id, revision.version, context_),
                 ErrorCode::Conflict);
  // A planner cannot approve at all.
  const auth::Principal other_planner = principal_with({auth::Role::planner}, 7, region_);
  expect_refused(service_->approve_revision(other_planner, revision.id, revision.version, context_),
                 ErrorCode::Forbidden);

  auto approved = service_->approve_revision(governor_, revision.id, revision.version, context_);
  ASSERT_OK(approved);
  EXPECT_EQ(approved.value().revision.status, RevisionStatus::approved);
  EXPECT_EQ(approved.value().revision.version_number, std::optional<int>(2));

  auto now = service_->indicator(planner_, indicator);
  ASSERT_OK(now);
  ASSERT_EQ(now.value().indicator.targets.size(), 2U);
  EXPECT_EQ(now.value().indicator.targets[0].year, 2025);
  EXPECT_EQ(now.value().indicator.targets[0].value, std::optional<Decimal>(dec("74.1")));
  EXPECT_EQ(now.value().indicator.targets[1].year, 2026);
  EXPECT_EQ(now.value().indicator.targets[1].value, std::optional<Decimal>(dec("75.2")));

  auto plan = service_->plan(planner_, c.plan);
  ASSERT_OK(plan);
  EXPECT_EQ(plan.value().plan.current_version, 2);

  auto versions = service_->versions(planner_, c.plan);
  ASSERT_OK(versions);
  ASSERT_EQ(versions.value().size(), 2U);
  std::vector<PlanVersionRecord> sorted = versions.value();
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  EXPECT_EQ(sorted[0].number, 1);
  EXPECT_EQ(sorted[0].kind, PlanVersionKind::adoption);
  EXPECT_EQ(sorted[1].number, 2);
  EXPECT_EQ(sorted[1].kind, PlanVersionKind::revision);
  EXPECT_EQ(sorted[1].revision_id, std::optional<RevisionId>(revision.id));
  EXPECT_EQ(sorted[1].approved_by_user_id, std::optional<std::int64_t>(2));

  auto first = service_->version(planner_, c.plan, 1);
  ASSERT_OK(first);
  EXPECT_EQ(snapshot_target(first.value().snapshot, indicator.value(), 2026),
            std::optional<Decimal>(dec("74.5")));
  auto second = service_->version(planner_, c.plan, 2);
  ASSERT_OK(second);
  EXPECT_EQ(snapshot_target(second.value().snapshot, indicator.value(), 2026),
            std::optional<Decimal>(dec("75.2")));
  expect_refused(service_->version(planner_, c.plan, 3), ErrorCode::NotFound);

  // A decided revision is not decided again.
  expect_refused(service_->approve_revision(governor_, revision.id, revision.version + 1, context_),
                 ErrorCode::Conflict);

  // Rejection needs a note.
  auto another = service_->propose_revision(
      planner_, c.plan, "Usulan kedua",
      {TargetChangeDraft{indicator.value(), 2027, std::nullopt, "75", "76"}}, context_);
  ASSERT_OK(another);
  const RevisionRecord& second_revision = another.value().revision;
  expect_refused(
      service_->reject_revision(governor_, second_revision.id, "  ", second_revision.version, context_),
      ErrorCode::ValidationFailed, "note");
  auto rejected = service_->reject_revision(governor_, second_revision.id, "Belum ada kajian",
                                            second_revision.version, context_);
  ASSERT_OK(rejected);
  EXPECT_EQ(rejected.value().revision.status, RevisionStatus::rejected);
  EXPECT_EQ(rejected.value().revision.decision_note, "Belum ada kajian");
  auto unchanged = service_->indicator(planner_, indicator);
  ASSERT_OK(unchanged);
  EXPECT_EQ(unchanged.value().indicator.targets.size(), 2U);
  auto after = service_->versions(planner_, c.plan);
  ASSERT_OK(after);
  EXPECT_EQ(after.value().size(), 2U);
}

TEST_P(PlanningServiceTest, AnotherRegionSeesNeitherThePlanNorItsNodes) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  expect_refused(service_->plan(other_planner_, c.plan), ErrorCode::NotFound);
  expect_refused(service_->node(other_planner_, c.program), ErrorCode::NotFound);
  expect_refused(service_->nodes(other_planner_, c.plan, NodeQuery{}), ErrorCode::NotFound);
  expect_refused(service_->tree(other_planner_, c.plan, "", std::nullopt), ErrorCode::NotFound);
  expect_refused(service_->alignment_report(other_planner_, c.plan, AlignmentReportQuery{}),
                 ErrorCode::NotFound);
  expect_refused(service_->dependants(other_planner_, c.mission), ErrorCode::NotFound);
  expect_refused(service_->update_node(other_planner_, c.mission, "M1", "Diubah", 1, context_),
                 ErrorCode::NotFound);
  expect_refused(service_->delete_node(other_planner_, c.sub_activity, context_), ErrorCode::NotFound);
  expect_refused(try_node(other_planner_, c.plan, "region_mission", "M2"), ErrorCode::NotFound);
  expect_refused(service_->delete_link(other_planner_, c.program_link, context_), ErrorCode::NotFound);
  auto plans = service_->plans(other_planner_);
  ASSERT_OK(plans);
  EXPECT_TRUE(plans.value().empty());
}

TEST_P(PlanningServiceTest, EveryChangeAppendsOneAuditEvent) {
  long long events = count("SELECT COUNT(*) FROM audit_events");
  auto expect_event = [&](const std::string& action) {
    ++events;
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events) << action;
    EXPECT_EQ(last_action(), action);
  };
  const PlanId plan = make_plan();
  expect_event("plan.create");
  const NodeId mission = make_node(plan, "region_mission", "M1");
  expect_event("plan_node.create");
  const LinkId mission_link = make_link(plan, mission, priority("AC-4"), "100");
  expect_event("alignment_link.create");
  ASSERT_OK(service_->update_link(planner_, mission_link, std::string("50"), context_));
  expect_event("alignment_link.update");
  ASSERT_OK(service_->update_node(planner_, mission, "M1", "Misi Pertama", 1, context_));
  expect_event("plan_node.update");
  auto created = service_->create_indicator(planner_, mission,
                                            indicator_draft("IPM", {value_target(2026, "78")}), context_);
  ASSERT_OK(created);
  expect_event("indicator.create");
  const IndicatorId indicator = created.value().indicator.id;
  ASSERT_OK(service_->update_indicator(
      planner_, indicator, indicator_draft("Indeks Pembangunan Manusia", {value_target(2026, "78")}), 1,
      context_));
  expect_event("indicator.update");
  ASSERT_OK(service_->delete_link(planner_, mission_link, context_));
  expect_event("alignment_link.delete");
  const NodeId spare = make_node(plan, "region_mission", "M9");
  expect_event("plan_node.create");
  ASSERT_OK(service_->delete_node(planner_, spare, context_));
  expect_event("plan_node.delete");

  // A stale version is refused and leaves no trace.
  expect_refused(service_->update_node(planner_, mission, "M1", "Basi", 1, context_), ErrorCode::Conflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events);

  ASSERT_OK(service_->adopt_plan(planner_, plan, "Perda Nomor 5 Tahun 2025", "2025-08-01", plan_version(plan),
                                 context_));
  expect_event("plan.adopt");
  auto proposed = service_->propose_revision(
      planner_, plan, "Penyesuaian", {TargetChangeDraft{indicator.value(), 2026, "79", {}, {}}}, context_);
  ASSERT_OK(proposed);
  expect_event("plan_revision.propose");
  ASSERT_OK(service_->approve_revision(governor_, proposed.value().revision.id,
                                       proposed.value().revision.version, context_));
  expect_event("plan_revision.approve");
  auto again =
      service_->propose_revision(planner_, plan, "Penyesuaian lagi",
                                 {TargetChangeDraft{indicator.value(), 2027, "80", {}, {}}}, context_);
  ASSERT_OK(again);
  expect_event("plan_revision.propose");
  ASSERT_OK(service_->reject_revision(governor_, again.value().revision.id, "Tidak perlu",
                                      again.value().revision.version, context_));
  expect_event("plan_revision.reject");
}

TEST_P(PlanningServiceTest, LeafNodesAreDeletedWithTheirOutgoingLinksAndIndicators) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  ASSERT_OK(service_->create_indicator(
      planner_, c.sub_activity, indicator_draft("Jumlah Puskesmas", {value_target(2026, "12")}), context_));
  // The sub-activity, then its activity, then the program (which aligns to SD-DINKES-1).
  ASSERT_OK(service_->delete_node(planner_, c.sub_activity, context_));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicator_targets"), 0);
  expect_refused(service_->delete_node(planner_, c.program, context_), ErrorCode::Conflict, "dependants");
  ASSERT_OK(service_->delete_node(planner_, c.activity, context_));
  ASSERT_OK(service_->delete_node(planner_, c.program, context_));
  expect_refused(service_->node(planner_, c.program), ErrorCode::NotFound);
  // Links left: M1 -> AC-4 and SD-DINKES-1 -> S1.1.1.
  EXPECT_EQ(count("SELECT COUNT(*) FROM alignment_links"), 2);
  auto objective = service_->node(planner_, c.agency_objective);
  ASSERT_OK(objective);
  EXPECT_TRUE(objective.value().links_in.empty());
  // S1.1.1 is now reached by no program.
  EXPECT_EQ(count_of(report(c.plan), FindingKind::objective_without_program), 1);
}

TEST_P(PlanningServiceTest, ThePeriodOfADraftPlanNeverLeavesATargetOutside) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  ASSERT_OK(service_->create_indicator(
      planner_, c.program, indicator_draft("Angka Harapan Hidup", {value_target(2029, "75")}), context_));
  const std::int64_t version = plan_version(c.plan);
  PlanDraft shorter{"rpjmd", "RPJMD Provinsi Kalimantan Timur 2025", 2025, 2028, "Visi"};
  expect_refused(service_->update_plan(planner_, c.plan, shorter, version, context_),
                 ErrorCode::ValidationFailed, "last_year");
  PlanDraft longer{"rpjmd", "RPJMD Provinsi Kalimantan Timur 2025-2030", 2025, 2030, "Visi"};
  auto updated = service_->update_plan(planner_, c.plan, longer, version, context_);
  ASSERT_OK(updated);
  EXPECT_EQ(updated.value().plan.period, (PlanPeriod{2025, 2030}));
  // Eleven years is too long.
  PlanDraft eleven{"rpjmd", "RPJMD", 2025, 2035, "Visi"};
  expect_refused(service_->update_plan(planner_, c.plan, eleven, version + 1, context_),
                 ErrorCode::ValidationFailed, "last_year");
  // Once adopted, the period no longer moves.
  ASSERT_OK(service_->adopt_plan(planner_, c.plan, "Perda Nomor 5 Tahun 2025", "2025-08-01",
                                 plan_version(c.plan), context_));
  expect_refused(service_->update_plan(planner_, c.plan, PlanDraft{"rpjmd", "RPJMD", 2025, 2029, "Visi"},
                                       plan_version(c.plan), context_),
                 ErrorCode::Conflict);
  // A second adoption is refused.
  expect_refused(service_->adopt_plan(planner_, c.plan, "Perda Nomor 6 Tahun 2025", "2025-09-01",
                                      plan_version(c.plan), context_),
                 ErrorCode::Conflict);
}

TEST_P(PlanningServiceTest, AnAdoptedPlanKeepsTargetedIndicatorsAndRefusesAStaleRevision) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  auto created = service_->create_indicator(
      planner_, c.program, indicator_draft("Angka Harapan Hidup", {value_target(2026, "74.5")}), context_);
  ASSERT_OK(created);
  const IndicatorId indicator = created.value().indicator.id;
  ASSERT_OK(service_->adopt_plan(planner_, c.plan, "Perda Nomor 5 Tahun 2025", "2025-08-01",
                                 plan_version(c.plan), context_));
  expect_refused(service_->delete_indicator(planner_, indicator, context_), ErrorCode::Conflict);
  expect_refused(service_->delete_node(planner_, c.program, context_), ErrorCode::Conflict);
  // A new indicator comes without targets; its targets come through a revision.
  expect_refused(
      service_->create_indicator(planner_, c.activity,
                                 indicator_draft("Cakupan Layanan", {value_target(2026, "80")}), context_),
      ErrorCode::Conflict, "targets");
  ASSERT_OK(service_->create_indicator(planner_, c.activity, indicator_draft("Cakupan Layanan"), context_));

  // Two proposals on the same target: once the first is approved, the second is stale.
  auto first =
      service_->propose_revision(planner_, c.plan, "Usulan pertama",
                                 {TargetChangeDraft{indicator.value(), 2026, "75", {}, {}}}, context_);
  ASSERT_OK(first);
  auto second = service_->propose_revision(
      planner_, c.plan, "Usulan kedua", {TargetChangeDraft{indicator.value(), 2026, "76", {}, {}}}, context_);
  ASSERT_OK(second);
  ASSERT_OK(service_->approve_revision(governor_, first.value().revision.id, first.value().revision.version,
                                       context_));
  expect_refused(service_->approve_revision(governor_, second.value().revision.id,
                                            second.value().revision.version, context_),
                 ErrorCode::Conflict, "changes");
  auto now = service_->indicator(planner_, indicator);
  ASSERT_OK(now);
  ASSERT_EQ(now.value().indicator.targets.size(), 1U);
  EXPECT_EQ(now.value().indicator.targets[0].value, std::optional<Decimal>(dec("75")));
  auto versions = service_->versions(planner_, c.plan);
  ASSERT_OK(versions);
  EXPECT_EQ(versions.value().size(), 2U);

  // A range with the bounds reversed, and a year outside the plan, are refused per change.
  expect_refused(
      service_->propose_revision(planner_, c.plan, "Rentang",
                                 {TargetChangeDraft{indicator.value(), 2027, {}, "77", "76"}}, context_),
      ErrorCode::ValidationFailed, "changes[0].lower");
  expect_refused(
      service_->propose_revision(planner_, c.plan, "Tahun",
                                 {TargetChangeDraft{indicator.value(), 2030, "77", {}, {}}}, context_),
      ErrorCode::ValidationFailed, "changes[0].year");
  // The governor may not propose.
  expect_refused(
      service_->propose_revision(governor_, c.plan, "Gubernur",
                                 {TargetChangeDraft{indicator.value(), 2027, "77", {}, {}}}, context_),
      ErrorCode::Forbidden);
}

// A revision's changes are history: the indicator they name cannot be deleted under them.
TEST_P(PlanningServiceTest, AnIndicatorNamedInARevisionCannotBeDeleted) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  ASSERT_OK(service_->adopt_plan(planner_, c.plan, "Perda Nomor 5 Tahun 2025", "2025-08-01",
                                 plan_version(c.plan), context_));
  // Added after adoption without targets, so it may still be deleted.
  auto created =
      service_->create_indicator(planner_, c.program, indicator_draft("Cakupan Layanan"), context_);
  ASSERT_OK(created);
  const IndicatorId indicator = created.value().indicator.id;
  auto proposed = service_->propose_revision(
      planner_, c.plan, "Target baru", {TargetChangeDraft{indicator.value(), 2026, "80", {}, {}}}, context_);
  ASSERT_OK(proposed);
  auto deleted = service_->delete_indicator(planner_, indicator, context_);
  ASSERT_FALSE(deleted.ok());
  EXPECT_EQ(deleted.error().code(), ErrorCode::Conflict) << describe(deleted.error());
  auto revisions = service_->revisions(planner_, c.plan);
  ASSERT_OK(revisions);
  ASSERT_EQ(revisions.value().size(), 1U);
  EXPECT_EQ(revisions.value()[0].revision.changes.size(), 1U);
  // Approving it applies the one change and stores version 2.
  ASSERT_OK(service_->approve_revision(governor_, proposed.value().revision.id,
                                       proposed.value().revision.version, context_));
  auto indicator_after = service_->indicator(planner_, indicator);
  ASSERT_OK(indicator_after);
  ASSERT_EQ(indicator_after.value().indicator.targets.size(), 1U);
  EXPECT_EQ(indicator_after.value().indicator.targets[0].value->to_string(), "80");
}

TEST_P(PlanningServiceTest, AnAgencyHeadWorksBelowTheOwnProgramsOnly) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  const NodeId education = make_node(c.plan, "program", "1.01.02", std::nullopt, "Disdik");
  const NodeId education_objective =
      make_node(c.plan, "agency_objective", "SD-DISDIK-1", std::nullopt, "Disdik");
  const long long events = count("SELECT COUNT(*) FROM audit_events");

  auto own_activity = try_node(health_head_, c.plan, "activity", "1.02.02.1.02", c.program);
  ASSERT_OK(own_activity);
  EXPECT_EQ(own_activity.value().node.agency_id, agency("Dinkes"));
  EXPECT_EQ(own_activity.value().agency_code, std::optional<std::string>("Dinkes"));
  expect_refused(try_node(health_head_, c.plan, "activity", "1.01.02.1.01", education), ErrorCode::Forbidden);
  ASSERT_OK(
      service_->create_indicator(health_head_, c.program, indicator_draft("Angka Kematian Ibu"), context_));
  expect_refused(service_->create_indicator(health_head_, education,
                                            indicator_draft("Angka Partisipasi Sekolah"), context_),
                 ErrorCode::Forbidden);
  expect_refused(service_->create_link(health_head_, c.plan, education.value(), education_objective.value(),
                                       std::nullopt, context_),
                 ErrorCode::Forbidden);
  // A Dinkes program aligns only to a Dinkes objective.
  expect_refused(service_->create_link(planner_, c.plan, c.program.value(), education_objective.value(),
                                       std::nullopt, context_),
                 ErrorCode::ValidationFailed, "to_id");
  expect_refused(service_->update_node(health_head_, c.objective, "S1.1.1", "Diubah", 1, context_),
                 ErrorCode::Forbidden);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_events"), events + 2);

  // The tree of Dinkes keeps its nodes and the region levels, not the Disdik ones.
  auto tree = service_->tree(health_head_, c.plan, "", std::string("Dinkes"));
  ASSERT_OK(tree);
  std::set<std::string> codes;
  for (const TreeNode& node : tree.value().tree.nodes) {
    codes.insert(node.code);
  }
  EXPECT_TRUE(codes.contains("1.02.02"));
  EXPECT_TRUE(codes.contains("S1.1.1"));
  EXPECT_TRUE(codes.contains("M1"));
  EXPECT_FALSE(codes.contains("1.01.02"));
  EXPECT_FALSE(codes.contains("SD-DISDIK-1"));
}

TEST_P(PlanningServiceTest, NodesArePagedByKindThenCodeAndSearched) {
  const Cascade1 c = build_cascade();
  ASSERT_FALSE(HasFailure());
  make_node(c.plan, "program", "1.01.02", std::nullopt, "Disdik");
  make_node(c.plan, "region_mission", "M2");
  NodeQuery programs;
  programs.kind = PlanNodeKind::program;
  auto page = service_->nodes(planner_, c.plan, programs);
  ASSERT_OK(page);
  ASSERT_EQ(page.value().total, 2);
  EXPECT_EQ(page.value().items[0].node.code, "1.01.02");
  EXPECT_EQ(page.value().items[1].node.code, "1.02.02");

  NodeQuery dinkes;
  dinkes.agency_code = "Dinkes";
  dinkes.page_size = 0;
  auto own = service_->nodes(planner_, c.plan, dinkes);
  ASSERT_OK(own);
  EXPECT_EQ(own.value().total, 4);  // agency objective, program, activity, sub-activity

  NodeQuery all;
  all.page = 2;
  all.page_size = 3;
  auto second = service_->nodes(planner_, c.plan, all);
  ASSERT_OK(second);
  EXPECT_EQ(second.value().total, 9);
  ASSERT_EQ(second.value().items.size(), 3U);
  // Missions M1, M2, goal T1.1 on page 1; objective S1.1.1 first on page 2.
  EXPECT_EQ(second.value().items[0].node.code, "S1.1.1");

  NodeQuery search;
  search.search = "simpul 1.02.02.1";
  auto found = service_->nodes(planner_, c.plan, search);
  ASSERT_OK(found);
  EXPECT_EQ(found.value().total, 2);  // the activity and the sub-activity, by title, any case
}

TEST_P(PlanningServiceTest, NationalPrioritiesAreManagedByTheAdminAndTheBuiltInOnesAreFixed) {
  const auth::Principal admin = principal_with({auth::Role::admin}, 9, region_);
  expect_refused(service_->create_national_priority(planner_, "PN-1", "Prioritas", context_),
                 ErrorCode::Forbidden);
  auto created = service_->create_national_priority(admin, "PN-1", "Ketahanan Pangan", context_);
  ASSERT_OK(created);
  EXPECT_FALSE(created.value().node.builtin);
  expect_refused(service_->create_national_priority(admin, "PN-1", "Lagi", context_),
                 ErrorCode::ValidationFailed, "code");
  const NodeId builtin = priority("AC-4");
  expect_refused(service_->update_national_priority(admin, builtin, "Teks lain", 1, context_),
                 ErrorCode::Conflict);
  expect_refused(service_->delete_national_priority(admin, builtin, context_), ErrorCode::Conflict);

  const PlanId plan = make_plan();
  const NodeId mission = make_node(plan, "region_mission", "M1");
  make_link(plan, mission, created.value().node.id);
  expect_refused(service_->delete_national_priority(admin, created.value().node.id, context_),
                 ErrorCode::Conflict, "dependants");
  auto dependants = service_->dependants(planner_, created.value().node.id);
  ASSERT_OK(dependants);
  ASSERT_EQ(dependants.value().size(), 1U);
  EXPECT_EQ(dependants.value()[0].id, mission);
  // The admin of another region sees no dependant of its own, and is still refused with a
  // clear conflict (not a foreign-key failure): East Kalimantan's mission aligns to it.
  const auth::Principal other_admin = principal_with({auth::Role::admin}, 10, other_region_);
  expect_refused(service_->delete_national_priority(other_admin, created.value().node.id, context_),
                 ErrorCode::Conflict, "id");
  // A national priority aligns to nothing.
  expect_refused(service_->create_link(planner_, plan, created.value().node.id.value(), builtin.value(),
                                       std::nullopt, context_),
                 ErrorCode::ValidationFailed, "from_id");
  // Weights are above 0 and at most 100.
  expect_refused(
      service_->create_link(planner_, plan, mission.value(), builtin.value(), std::string("101"), context_),
      ErrorCode::ValidationFailed, "weight");
  expect_refused(
      service_->create_link(planner_, plan, mission.value(), builtin.value(), std::string("0"), context_),
      ErrorCode::ValidationFailed, "weight");
}

INSTANTIATE_TEST_SUITE_P(Backends, PlanningServiceTest, ::testing::ValuesIn(db::test_backends()),
                         db::backend_test_name);

}  // namespace
}  // namespace sinergi::planning
