// The workflow rules on a proposal route like issue 7's (agency, head, assistant of the
// cluster, Sekda), with its four-eyes rule, a required comment and field, and a deadline.
#include "platform/workflow/workflow.h"

#include <gtest/gtest.h>

namespace sinergi::workflow {
namespace {

using auth::Role;
using std::chrono::hours;

constexpr std::int64_t kRegion = 64;
constexpr std::int64_t kHealth = 7;
constexpr std::int64_t kEducation = 8;

Definition proposal_route() {
  Definition definition;
  definition.name = "policy_proposal";
  definition.initial = "draft";
  definition.states = {{"draft", false, std::nullopt, std::nullopt},
                       {"with_head", false, hours(72), Role::secretary},
                       {"with_assistant", false, std::nullopt, std::nullopt},
                       {"with_secretary", false, std::nullopt, std::nullopt},
                       {"approved", true, std::nullopt, std::nullopt},
                       {"rejected", true, std::nullopt, std::nullopt}};
  definition.transitions = {
      {"submit",
       "draft",
       "with_head",
       {Role::agency_staff, Role::agency_head},
       Scope::own_agency,
       false,
       {},
       {}},
      {"head_approve",
       "with_head",
       "with_assistant",
       {Role::agency_head},
       Scope::own_agency,
       false,
       {},
       {"submit"}},
      {"return_to_draft", "with_head", "draft", {Role::agency_head}, Scope::own_agency, true, {}, {}},
      {"assistant_approve",
       "with_assistant",
       "with_secretary",
       {Role::assistant},
       Scope::own_cluster,
       false,
       {},
       {}},
      {"approve",
       "with_secretary",
       "approved",
       {Role::secretary},
       Scope::region,
       false,
       {"decision_number"},
       {}},
      {"reject", "with_secretary", "rejected", {Role::secretary}, Scope::region, true, {}, {}},
  };
  return definition;
}

auth::Principal person(std::int64_t user_id, Role role, std::optional<std::int64_t> agency = {},
                       std::optional<std::string> cluster = {}, std::int64_t region = kRegion) {
  auth::Principal principal;
  principal.kind = auth::Principal::Kind::user;
  principal.user_id = user_id;
  principal.name = "user" + std::to_string(user_id);
  principal.region_id = region;
  principal.roles.push_back(auth::RoleGrant{role, agency, {}, {}, std::move(cluster)});
  return principal;
}

Item health_item(std::string state) {
  Item item;
  item.region_id = kRegion;
  item.agency_id = kHealth;
  item.cluster = "asisten_2";
  item.state = std::move(state);
  return item;
}

// Applies a decided step to the item, as the storage would.
void apply(Item& item, const Step& step) {
  item.state = step.to;
  item.steps.push_back(step);
}

TEST(WorkflowDefinitionTest, TheProposalRouteIsValidAndBrokenOnesAreNamed) {
  EXPECT_TRUE(check_definition(proposal_route()).empty());

  Definition broken = proposal_route();
  broken.initial = "approved";                           // final
  broken.states[2].deadline = hours(24);                 // without an escalation role
  broken.transitions[3].to = "with_governor";            // no such state
  broken.transitions[2].name = "head_approve";           // twice from with_head
  broken.transitions[4].not_by_actors_of = {"propose"};  // no such transition
  broken.transitions[5].roles.clear();                   // nobody may take it
  std::vector<std::string> fields;
  for (const FieldError& error : check_definition(broken)) {
    fields.push_back(error.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"states[2]", "initial", "transitions[2]", "transitions[3]",
                                              "transitions[4]", "transitions[5]"}));
}

TEST(WorkflowTest, AProposalTravelsTheRouteAndEachStepIsTakenByItsRole) {
  const Definition route = proposal_route();
  Item item = health_item("draft");
  const auth::Principal staff = person(1, Role::agency_staff, kHealth);
  const auth::Principal head = person(2, Role::agency_head, kHealth);
  const auth::Principal assistant = person(3, Role::assistant, std::nullopt, "asisten_2");
  const auth::Principal secretary = person(4, Role::secretary);

  auto submitted = decide(route, item, staff, {"submit", "", {}, {"sha256:ab12"}});
  ASSERT_TRUE(submitted.ok());
  EXPECT_EQ(submitted->sequence, 1);
  EXPECT_EQ(submitted->from, "draft");
  EXPECT_EQ(submitted->to, "with_head");
  EXPECT_EQ(submitted->actor_user_id, 1);
  EXPECT_EQ(submitted->attachments, std::vector<std::string>{"sha256:ab12"});
  apply(item, *submitted);

  apply(item, decide(route, item, head, {"head_approve", "Sesuai RPJMD", {}, {}}).value());
  apply(item, decide(route, item, assistant, {"assistant_approve", "", {}, {}}).value());
  auto approved = decide(route, item, secretary, {"approve", "", {{"decision_number", "100/12/2026"}}, {}});
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->sequence, 4);
  EXPECT_EQ(approved->to, "approved");
}

TEST(WorkflowTest, RolesScopesAndRegionsAreEnforced) {
  const Definition route = proposal_route();
  const Item draft = health_item("draft");
  EXPECT_EQ(
      decide(route, draft, person(5, Role::agency_staff, kEducation), {"submit", "", {}, {}}).error().code(),
      ErrorCode::Forbidden);
  EXPECT_EQ(decide(route, draft, person(6, Role::agency_staff, kHealth, {}, 63), {"submit", "", {}, {}})
                .error()
                .code(),
            ErrorCode::Forbidden);
  EXPECT_EQ(decide(route, draft, auth::Principal::anonymous(), {"submit", "", {}, {}}).error().code(),
            ErrorCode::Forbidden);
  const Item with_assistant = health_item("with_assistant");
  EXPECT_EQ(decide(route, with_assistant, person(7, Role::assistant, std::nullopt, "asisten_1"),
                   {"assistant_approve", "", {}, {}})
                .error()
                .code(),
            ErrorCode::Forbidden);
  EXPECT_EQ(decide(route, with_assistant, person(8, Role::governor), {"assistant_approve", "", {}, {}})
                .error()
                .code(),
            ErrorCode::Forbidden);
}

TEST(WorkflowTest, TheSubmitterDoesNotApproveTheirOwnSubmission) {
  const Definition route = proposal_route();
  Item item = health_item("draft");
  const auth::Principal head = person(2, Role::agency_head, kHealth);
  apply(item, decide(route, item, head, {"submit", "", {}, {}}).value());
  const auto own = decide(route, item, head, {"head_approve", "", {}, {}});
  ASSERT_FALSE(own.ok());
  EXPECT_EQ(own.error().code(), ErrorCode::Forbidden);
  ASSERT_EQ(own.error().fields().size(), 1U);
  EXPECT_EQ(own.error().fields()[0].field, "transition");
  // The acting head (another person with the same grant) may.
  EXPECT_TRUE(decide(route, item, person(9, Role::agency_head, kHealth), {"head_approve", "", {}, {}}).ok());
  // Returning it is not a four-eyes step: the submitter may take it back with a reason.
  EXPECT_TRUE(decide(route, item, head, {"return_to_draft", "Data belum lengkap", {}, {}}).ok());
}

TEST(WorkflowTest, AStepFromAnotherStateIsAConflictAndRequiredInputIsNamed) {
  const Definition route = proposal_route();
  const auth::Principal secretary = person(4, Role::secretary);
  const auto early = decide(route, health_item("with_head"), secretary, {"approve", "", {}, {}});
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code(), ErrorCode::Conflict);
  EXPECT_EQ(decide(route, health_item("draft"), secretary, {"publish", "", {}, {}}).error().code(),
            ErrorCode::NotFound);

  const Item at_secretary = health_item("with_secretary");
  const auto missing_field =
      decide(route, at_secretary, secretary, {"approve", "", {{"decision_number", " "}}, {}});
  ASSERT_FALSE(missing_field.ok());
  EXPECT_EQ(missing_field.error().code(), ErrorCode::ValidationFailed);
  EXPECT_EQ(missing_field.error().fields()[0].field, "fields.decision_number");
  const auto no_reason = decide(route, at_secretary, secretary, {"reject", "   ", {}, {}});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().fields()[0].field, "comment");
  EXPECT_EQ(
      decide(route, at_secretary, secretary, {"reject", "Tumpang tindih dengan program Dinsos", {}, {}})->to,
      "rejected");
}

TEST(WorkflowTest, AvailableStepsAreTheButtonsOfThisPerson) {
  const Definition route = proposal_route();
  Item item = health_item("draft");
  const auth::Principal submitter = person(2, Role::agency_head, kHealth);
  apply(item, decide(route, item, submitter, {"submit", "", {}, {}}).value());
  std::vector<std::string> names;
  for (const Transition* transition : available(route, item, person(9, Role::agency_head, kHealth))) {
    names.push_back(transition->name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"head_approve", "return_to_draft"}));
  names.clear();
  for (const Transition* transition : available(route, item, submitter)) {
    names.push_back(transition->name);
  }
  EXPECT_EQ(names, (std::vector<std::string>{"return_to_draft"}));
  EXPECT_TRUE(available(route, item, person(4, Role::secretary)).empty());
}

TEST(WorkflowTest, AnItemPastItsStatesDeadlineEscalates) {
  const Definition route = proposal_route();
  Item item = health_item("with_head");
  item.entered_at = std::chrono::sys_days(std::chrono::year(2026) / 11 / 2);
  EXPECT_FALSE(overdue(route, item, item.entered_at + hours(72)).has_value());
  const auto late = overdue(route, item, item.entered_at + hours(73));
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->due_at, item.entered_at + hours(72));
  EXPECT_EQ(late->escalate_to, Role::secretary);
  item.state = "with_assistant";  // no deadline there
  EXPECT_FALSE(overdue(route, item, item.entered_at + hours(1000)).has_value());
}

}  // namespace
}  // namespace sinergi::workflow
