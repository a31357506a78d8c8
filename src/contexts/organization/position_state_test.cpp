#include "contexts/organization/position_state.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace sinergi::organization {
namespace {

Date day(std::string_view text) {
  const std::optional<Date> parsed = parse_iso_date(text);
  EXPECT_TRUE(parsed) << text;
  return parsed.value_or(Date{});
}

AssignmentSpan span(std::int64_t id, std::int64_t person, AssignmentKind kind, std::string_view starts_on,
                    std::string_view ends_on = {}) {
  return AssignmentSpan{id, person, kind, day(starts_on),
                        ends_on.empty() ? std::nullopt : std::optional<Date>(day(ends_on))};
}

constexpr auto kDefinitive = AssignmentKind::definitive;
constexpr auto kPlt = AssignmentKind::acting;
constexpr auto kPlh = AssignmentKind::daily_acting;

// The post of the brief: definitive holder 2020-01-06..2025-03-31, a Plt from 2025-04-01.
class PositionTimelineTest : public ::testing::Test {
 protected:
  PositionStatus at(std::string_view on) const {
    return position_status(assignments_, day("2019-07-01"), day(on));
  }

  std::vector<AssignmentSpan> assignments_{span(1, 100, kDefinitive, "2020-01-06", "2025-03-31"),
                                           span(2, 200, kPlt, "2025-04-01")};
};

TEST_F(PositionTimelineTest, VacantBeforeTheFirstHolder) {
  const PositionStatus status = at("2019-12-31");
  EXPECT_EQ(status.state, PositionState::vacant);
  EXPECT_EQ(status.since, day("2019-07-01"));
  EXPECT_EQ(status.days_in_state, 183);
  EXPECT_EQ(status.without_definitive_since, day("2019-07-01"));
  EXPECT_EQ(status.days_without_definitive, 183);
  EXPECT_FALSE(status.definitive_assignment_id);
  EXPECT_TRUE(status.acting_assignment_ids.empty());
}

TEST_F(PositionTimelineTest, FilledFromTheFirstDay) {
  const PositionStatus status = at("2020-01-06");
  EXPECT_EQ(status.state, PositionState::filled);
  EXPECT_EQ(status.since, day("2020-01-06"));
  EXPECT_EQ(status.days_in_state, 0);
  EXPECT_FALSE(status.without_definitive_since);
  EXPECT_EQ(status.days_without_definitive, 0);
  EXPECT_EQ(status.definitive_assignment_id, 1);
  EXPECT_TRUE(status.acting_assignment_ids.empty());
}

TEST_F(PositionTimelineTest, FilledOnTheLastDayOfTheTenure) {
  const PositionStatus status = at("2025-03-31");
  EXPECT_EQ(status.state, PositionState::filled);
  EXPECT_EQ(status.since, day("2020-01-06"));
  // 2020-01-06..2025-01-06: 5 * 365 + 2 leap days; then 25 + 28 + 31 days to 2025-03-31.
  EXPECT_EQ(status.days_in_state, 1911);
  EXPECT_EQ(status.definitive_assignment_id, 1);
}

TEST_F(PositionTimelineTest, ActingFromTheDayAfter) {
  const PositionStatus first = at("2025-04-01");
  EXPECT_EQ(first.state, PositionState::acting);
  EXPECT_EQ(first.since, day("2025-04-01"));
  EXPECT_EQ(first.days_in_state, 0);
  EXPECT_EQ(first.without_definitive_since, day("2025-04-01"));
  EXPECT_EQ(first.days_without_definitive, 0);
  EXPECT_FALSE(first.definitive_assignment_id);
  EXPECT_EQ(first.acting_assignment_ids, std::vector<std::int64_t>{2});

  const PositionStatus later = at("2025-06-15");
  EXPECT_EQ(later.state, PositionState::acting);
  EXPECT_EQ(later.since, day("2025-04-01"));
  EXPECT_EQ(later.days_in_state, 75);
  EXPECT_EQ(later.days_without_definitive, 75);
}

TEST_F(PositionTimelineTest, IgnoresAssignmentsThatStartLater) {
  // Asked about a day before the Plt started, with the Plt already recorded.
  assignments_[0].ends_on = day("2025-02-28");
  const PositionStatus status = at("2025-03-15");
  EXPECT_EQ(status.state, PositionState::vacant);
  EXPECT_EQ(status.since, day("2025-03-01"));
  EXPECT_EQ(status.days_in_state, 14);
  EXPECT_EQ(status.without_definitive_since, day("2025-03-01"));
}

TEST_F(PositionTimelineTest, OrderOfInputDoesNotMatter) {
  const PositionStatus forward = at("2025-06-15");
  std::reverse(assignments_.begin(), assignments_.end());
  EXPECT_EQ(at("2025-06-15"), forward);
}

TEST(PositionStatusTest, BackToBackDefinitivesMerge) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06", "2022-12-31"),
                                                span(2, 101, kDefinitive, "2023-01-01")};
  const PositionStatus status = position_status(assignments, day("2020-01-01"), day("2024-01-01"));
  EXPECT_EQ(status.state, PositionState::filled);
  EXPECT_EQ(status.since, day("2020-01-06"));
  EXPECT_EQ(status.definitive_assignment_id, 2);
}

TEST(PositionStatusTest, OverlappingDefinitivesMergeAndTheLaterHolderIsNamed) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06", "2023-01-10"),
                                                span(2, 101, kDefinitive, "2023-01-02")};
  const PositionStatus status = position_status(assignments, day("2020-01-01"), day("2023-01-05"));
  EXPECT_EQ(status.state, PositionState::filled);
  EXPECT_EQ(status.since, day("2020-01-06"));
  EXPECT_EQ(status.definitive_assignment_id, 2);
}

TEST(PositionStatusTest, AOneDayGapBreaksTheRun) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06", "2022-12-31"),
                                                span(2, 101, kDefinitive, "2023-01-02")};
  const PositionStatus gap = position_status(assignments, day("2020-01-01"), day("2023-01-01"));
  EXPECT_EQ(gap.state, PositionState::vacant);
  EXPECT_EQ(gap.since, day("2023-01-01"));
  EXPECT_EQ(gap.days_in_state, 0);
  EXPECT_EQ(gap.without_definitive_since, day("2023-01-01"));

  const PositionStatus after = position_status(assignments, day("2020-01-01"), day("2023-03-01"));
  EXPECT_EQ(after.state, PositionState::filled);
  EXPECT_EQ(after.since, day("2023-01-02"));
  EXPECT_EQ(after.days_in_state, 58);
}

TEST(PositionStatusTest, VacantSinceEstablishedWhenNeverHeld) {
  const PositionStatus status = position_status({}, day("2025-01-01"), day("2025-01-10"));
  EXPECT_EQ(status.state, PositionState::vacant);
  EXPECT_EQ(status.since, day("2025-01-01"));
  EXPECT_EQ(status.days_in_state, 9);
  EXPECT_EQ(status.without_definitive_since, day("2025-01-01"));
  EXPECT_EQ(status.days_without_definitive, 9);
}

TEST(PositionStatusTest, VacantAfterThePltEnded) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06", "2022-12-31"),
                                                span(2, 200, kPlt, "2023-01-01", "2023-06-30")};
  const PositionStatus status = position_status(assignments, day("2020-01-01"), day("2023-08-01"));
  EXPECT_EQ(status.state, PositionState::vacant);
  EXPECT_EQ(status.since, day("2023-07-01"));
  EXPECT_EQ(status.days_in_state, 31);
  EXPECT_EQ(status.without_definitive_since, day("2023-01-01"));
  EXPECT_EQ(status.days_without_definitive, 212);
}

TEST(PositionStatusTest, PlhDuringADefinitiveTenureStaysFilled) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06"),
                                                span(3, 300, kPlh, "2024-05-01", "2024-05-10")};
  const PositionStatus status = position_status(assignments, day("2020-01-01"), day("2024-05-05"));
  EXPECT_EQ(status.state, PositionState::filled);
  EXPECT_EQ(status.since, day("2020-01-06"));
  EXPECT_EQ(status.definitive_assignment_id, 1);
  EXPECT_EQ(status.acting_assignment_ids, std::vector<std::int64_t>{3});
  EXPECT_FALSE(status.without_definitive_since);
  EXPECT_EQ(status.days_without_definitive, 0);

  const PositionStatus after = position_status(assignments, day("2020-01-01"), day("2024-05-11"));
  EXPECT_EQ(after.state, PositionState::filled);
  EXPECT_TRUE(after.acting_assignment_ids.empty());
}

TEST(PositionStatusTest, ActingDoesNotStartBeforeTheDefinitiveTenureEnds) {
  // A Plh named ten days before the holder retired, kept on afterwards.
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06", "2025-03-31"),
                                                span(3, 300, kPlh, "2025-03-20", "2025-04-10")};
  const PositionStatus status = position_status(assignments, day("2020-01-01"), day("2025-04-05"));
  EXPECT_EQ(status.state, PositionState::acting);
  EXPECT_EQ(status.since, day("2025-04-01"));
  EXPECT_EQ(status.days_in_state, 4);
  EXPECT_EQ(status.acting_assignment_ids, std::vector<std::int64_t>{3});
}

TEST(PositionStatusTest, PlhThenPltIsOneActingRun) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06", "2025-03-31"),
                                                span(3, 300, kPlh, "2025-04-01", "2025-04-20"),
                                                span(2, 200, kPlt, "2025-04-15")};
  const PositionStatus both = position_status(assignments, day("2020-01-01"), day("2025-04-16"));
  EXPECT_EQ(both.state, PositionState::acting);
  EXPECT_EQ(both.since, day("2025-04-01"));
  EXPECT_EQ(both.acting_assignment_ids, (std::vector<std::int64_t>{2, 3}));  // Plt first

  const PositionStatus later = position_status(assignments, day("2020-01-01"), day("2025-05-01"));
  EXPECT_EQ(later.since, day("2025-04-01"));
  EXPECT_EQ(later.days_in_state, 30);
  EXPECT_EQ(later.acting_assignment_ids, std::vector<std::int64_t>{2});
}

TEST(PositionStatusTest, ActingIdsAreOrderedPltFirstThenByStart) {
  const std::vector<AssignmentSpan> assignments{
      span(7, 300, kPlh, "2025-01-01"), span(8, 301, kPlt, "2025-02-01"), span(5, 302, kPlh, "2025-01-15"),
      span(6, 303, kPlt, "2025-01-20")};
  const PositionStatus status = position_status(assignments, day("2025-01-01"), day("2025-03-01"));
  EXPECT_EQ(status.state, PositionState::acting);
  EXPECT_EQ(status.acting_assignment_ids, (std::vector<std::int64_t>{6, 8, 7, 5}));
  EXPECT_EQ(status.since, day("2025-01-01"));
}

TEST(PositionStatusTest, AGapBetweenActingAssignmentsRestartsTheRun) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2020-01-06", "2025-03-31"),
                                                span(2, 200, kPlt, "2025-04-01", "2025-04-30"),
                                                span(3, 201, kPlt, "2025-05-05")};
  const PositionStatus gap = position_status(assignments, day("2020-01-01"), day("2025-05-02"));
  EXPECT_EQ(gap.state, PositionState::vacant);
  EXPECT_EQ(gap.since, day("2025-05-01"));
  EXPECT_EQ(gap.without_definitive_since, day("2025-04-01"));
  EXPECT_EQ(gap.days_without_definitive, 31);

  const PositionStatus again = position_status(assignments, day("2020-01-01"), day("2025-05-10"));
  EXPECT_EQ(again.state, PositionState::acting);
  EXPECT_EQ(again.since, day("2025-05-05"));
  EXPECT_EQ(again.days_in_state, 5);
  EXPECT_EQ(again.without_definitive_since, day("2025-04-01"));
  EXPECT_EQ(again.days_without_definitive, 39);
  EXPECT_EQ(again.acting_assignment_ids, std::vector<std::int64_t>{3});
}

TEST(PositionStatusTest, NothingIsEarlierThanTheEstablishment) {
  // Assignments recorded from before the post was registered.
  const std::vector<AssignmentSpan> held{span(1, 100, kDefinitive, "2020-01-06")};
  const PositionStatus filled = position_status(held, day("2021-01-01"), day("2022-01-01"));
  EXPECT_EQ(filled.state, PositionState::filled);
  EXPECT_EQ(filled.since, day("2021-01-01"));

  const std::vector<AssignmentSpan> ended{span(1, 100, kDefinitive, "2020-01-06", "2020-12-31")};
  const PositionStatus vacant = position_status(ended, day("2021-06-01"), day("2022-01-01"));
  EXPECT_EQ(vacant.state, PositionState::vacant);
  EXPECT_EQ(vacant.since, day("2021-06-01"));
  EXPECT_EQ(vacant.without_definitive_since, day("2021-06-01"));
}

TEST(PositionStatusTest, IgnoresAssignmentsEndingBeforeTheyStart) {
  const std::vector<AssignmentSpan> assignments{span(1, 100, kDefinitive, "2024-02-01", "2024-01-01")};
  const PositionStatus status = position_status(assignments, day("2023-01-01"), day("2024-01-15"));
  EXPECT_EQ(status.state, PositionState::vacant);
  EXPECT_EQ(status.since, day("2023-01-01"));
}

// check_assignment ------------------------------------------------------------------------

constexpr std::int64_t kDinkesHead = 10;  // Kepala Dinas Kesehatan
constexpr std::int64_t kBappedaHead = 11;
constexpr std::int64_t kBudi = 1;
constexpr std::int64_t kSiti = 2;
constexpr std::int64_t kAndi = 3;

ExistingAssignment existing(const AssignmentSpan& assignment, std::int64_t position) {
  const std::string title = position == kDinkesHead ? "Kepala Dinas Kesehatan" : "Kepala Bappeda";
  std::string person = "Andi Wijaya";
  if (assignment.person_id == kBudi) {
    person = "Budi Santoso";
  } else if (assignment.person_id == kSiti) {
    person = "Siti Aminah";
  }
  return ExistingAssignment{assignment, position, title, person};
}

AssignmentCandidate candidate(std::int64_t person, std::int64_t position, AssignmentKind kind,
                              std::string_view starts_on, std::string_view ends_on = {}) {
  return AssignmentCandidate{
      std::nullopt, person,         position,
      kind,         day(starts_on), ends_on.empty() ? std::nullopt : std::optional<Date>(day(ends_on))};
}

std::vector<std::string> fields_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> fields;
  for (const FieldError& error : errors) {
    fields.push_back(error.field);
  }
  return fields;
}

// Budi holds Kepala Dinas Kesehatan definitively since 2023-01-02.
class CheckAssignmentTest : public ::testing::Test {
 protected:
  std::vector<ExistingAssignment> dinkes_{existing(span(100, kBudi, kDefinitive, "2023-01-02"), kDinkesHead)};
  std::vector<ExistingAssignment> budi_{dinkes_};
  std::vector<ExistingAssignment> none_;
};

TEST_F(CheckAssignmentTest, EndBeforeStart) {
  const auto errors =
      check_assignment(candidate(kSiti, kBappedaHead, kDefinitive, "2024-02-01", "2024-01-01"), none_, none_);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "ends_on");
  EXPECT_EQ(errors[0].message_id, "tanggal selesai 2024-01-01 sebelum tanggal mulai 2024-02-01");
  EXPECT_EQ(errors[0].message_en, "the end date 2024-01-01 is before the start date 2024-02-01");
  // A one-day assignment is fine.
  EXPECT_TRUE(check_assignment(candidate(kSiti, kBappedaHead, kPlh, "2024-02-01", "2024-02-01"), none_, none_)
                  .empty());
}

TEST_F(CheckAssignmentTest, SecondDefinitiveOnThePosition) {
  const auto errors =
      check_assignment(candidate(kSiti, kDinkesHead, kDefinitive, "2024-07-01"), dinkes_, none_);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "starts_on");
  EXPECT_EQ(errors[0].message_id,
            "bertumpang tindih dengan jabatan definitif Budi Santoso 2023-01-02 s.d. sekarang");
  EXPECT_EQ(errors[0].message_en, "overlaps the definitive tenure of Budi Santoso 2023-01-02 to present");
}

TEST_F(CheckAssignmentTest, OverlapIncludesBothEndDays) {
  dinkes_[0].span.ends_on = day("2024-06-30");
  const auto touching =
      check_assignment(candidate(kSiti, kDinkesHead, kDefinitive, "2024-06-30"), dinkes_, none_);
  ASSERT_EQ(fields_of(touching), std::vector<std::string>{"starts_on"});
  EXPECT_EQ(touching[0].message_id,
            "bertumpang tindih dengan jabatan definitif Budi Santoso 2023-01-02 s.d. 2024-06-30");
  EXPECT_TRUE(
      check_assignment(candidate(kSiti, kDinkesHead, kDefinitive, "2024-07-01"), dinkes_, none_).empty());
  // Before the tenure: an open end runs into it, an end the day before does not.
  EXPECT_EQ(check_assignment(candidate(kSiti, kDinkesHead, kDefinitive, "2020-01-01"), dinkes_, none_).size(),
            1U);
  EXPECT_EQ(
      check_assignment(candidate(kSiti, kDinkesHead, kDefinitive, "2020-01-01", "2023-01-02"), dinkes_, none_)
          .size(),
      1U);
  EXPECT_TRUE(
      check_assignment(candidate(kSiti, kDinkesHead, kDefinitive, "2020-01-01", "2023-01-01"), dinkes_, none_)
          .empty());
}

TEST_F(CheckAssignmentTest, TwoPltOrTwoPlhAtOnce) {
  std::vector<ExistingAssignment> bappeda{
      existing(span(101, kSiti, kPlt, "2025-04-01"), kBappedaHead),
      existing(span(102, kAndi, kPlh, "2025-04-01", "2025-04-30"), kBappedaHead)};
  const auto plt = check_assignment(candidate(kBudi, kBappedaHead, kPlt, "2025-05-01"), bappeda, budi_);
  ASSERT_EQ(plt.size(), 1U);
  EXPECT_EQ(plt[0].field, "starts_on");
  EXPECT_EQ(plt[0].message_id, "bertumpang tindih dengan Plt Siti Aminah 2025-04-01 s.d. sekarang");
  EXPECT_EQ(plt[0].message_en, "overlaps the Plt of Siti Aminah 2025-04-01 to present");

  const auto plh =
      check_assignment(candidate(kBudi, kBappedaHead, kPlh, "2025-04-30", "2025-05-02"), bappeda, budi_);
  ASSERT_EQ(plh.size(), 1U);
  EXPECT_EQ(plh[0].field, "starts_on");
  EXPECT_EQ(plh[0].message_id, "bertumpang tindih dengan Plh Andi Wijaya 2025-04-01 s.d. 2025-04-30");

  // A Plh beside a Plt is fine, and so is one after the other Plh ended.
  EXPECT_TRUE(
      check_assignment(candidate(kBudi, kBappedaHead, kPlh, "2025-05-01", "2025-05-10"), bappeda, budi_)
          .empty());
}

TEST_F(CheckAssignmentTest, PltBesideAnotherPersonsDefinitiveIsFine) {
  // Budi is on long leave; Siti acts for him.
  EXPECT_TRUE(
      check_assignment(candidate(kSiti, kDinkesHead, kPlt, "2024-03-01", "2024-08-31"), dinkes_, none_)
          .empty());
  EXPECT_TRUE(
      check_assignment(candidate(kSiti, kDinkesHead, kPlh, "2024-03-01", "2024-03-05"), dinkes_, none_)
          .empty());
}

TEST_F(CheckAssignmentTest, OneDefinitivePostPerPerson) {
  const auto errors =
      check_assignment(candidate(kBudi, kBappedaHead, kDefinitive, "2024-01-01"), none_, budi_);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "person_id");
  EXPECT_EQ(errors[0].message_id,
            "Budi Santoso sudah memegang jabatan definitif Kepala Dinas Kesehatan 2023-01-02 s.d. sekarang; "
            "seorang pegawai hanya memegang satu jabatan definitif pada satu waktu");
  EXPECT_EQ(
      errors[0].message_en,
      "Budi Santoso already holds the definitive position Kepala Dinas Kesehatan 2023-01-02 to present; a "
      "person holds one definitive position at a time");
}

TEST_F(CheckAssignmentTest, ADefinitivePostAfterTheLastOneEndedIsFine) {
  budi_[0].span.ends_on = day("2024-12-31");
  EXPECT_TRUE(
      check_assignment(candidate(kBudi, kBappedaHead, kDefinitive, "2025-01-01"), none_, budi_).empty());
}

TEST_F(CheckAssignmentTest, DefinitivePlusPltElsewhereIsFine) {
  EXPECT_TRUE(check_assignment(candidate(kBudi, kBappedaHead, kPlt, "2025-04-01"), none_, budi_).empty());
  EXPECT_TRUE(check_assignment(candidate(kBudi, kBappedaHead, kPlh, "2025-04-01", "2025-04-05"), none_, budi_)
                  .empty());
}

TEST_F(CheckAssignmentTest, SamePersonTwiceOnOnePosition) {
  // Listed in both spans, reported once.
  const auto errors =
      check_assignment(candidate(kBudi, kDinkesHead, kPlh, "2025-04-01", "2025-04-05"), dinkes_, budi_);
  ASSERT_EQ(errors.size(), 1U);
  EXPECT_EQ(errors[0].field, "person_id");
  EXPECT_EQ(errors[0].message_id,
            "Budi Santoso sudah ditugaskan pada jabatan Kepala Dinas Kesehatan (Definitif, 2023-01-02 s.d. "
            "sekarang)");
  EXPECT_EQ(errors[0].message_en,
            "Budi Santoso is already assigned to Kepala Dinas Kesehatan (definitive, 2023-01-02 to present)");
  // Also found when the caller passes it only among the person's assignments.
  EXPECT_EQ(
      fields_of(check_assignment(candidate(kBudi, kDinkesHead, kDefinitive, "2025-04-01"), none_, budi_)),
      std::vector<std::string>{"person_id"});
}

TEST_F(CheckAssignmentTest, EditingLeavesTheAssignmentItselfOut) {
  AssignmentCandidate edit = candidate(kBudi, kDinkesHead, kDefinitive, "2023-01-02", "2025-03-31");
  edit.id = 100;
  EXPECT_TRUE(check_assignment(edit, dinkes_, budi_).empty());
  edit.id = 999;
  EXPECT_FALSE(check_assignment(edit, dinkes_, budi_).empty());
}

TEST_F(CheckAssignmentTest, ReportsEveryConflictAtOnce) {
  // Siti is definitive at Bappeda; making her definitive at Dinkes clashes with Budi and
  // with her own post.
  const std::vector<ExistingAssignment> siti{
      existing(span(103, kSiti, kDefinitive, "2022-01-03"), kBappedaHead)};
  const auto errors =
      check_assignment(candidate(kSiti, kDinkesHead, kDefinitive, "2024-01-01"), dinkes_, siti);
  EXPECT_EQ(fields_of(errors), (std::vector<std::string>{"starts_on", "person_id"}));
}

}  // namespace
}  // namespace sinergi::organization
