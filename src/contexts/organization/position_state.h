#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "contexts/organization/vocabulary.h"
#include "core/date.h"
#include "core/error.h"

// Who holds a position on a given day, and whether a new assignment may be recorded. Pure
// rules over assignment periods; the caller loads the rows.

namespace sinergi::organization {

// One assignment of a person to a position, from starts_on to ends_on, both inclusive.
struct AssignmentSpan {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  AssignmentKind kind = AssignmentKind::definitive;
  Date starts_on;
  std::optional<Date> ends_on;  // inclusive; empty = open-ended

  bool operator==(const AssignmentSpan&) const = default;
};

struct PositionStatus {
  PositionState state = PositionState::vacant;
  Date since;                                    // start of the current state
  int days_in_state = 0;                         // on - since
  std::optional<Date> without_definitive_since;  // set when state != filled: since when no definitive holder
  int days_without_definitive = 0;               // 0 when filled
  std::optional<std::int64_t> definitive_assignment_id;  // covering `on`
  std::vector<std::int64_t> acting_assignment_ids;  // Plt/Plh covering `on`, Plt first then by start date

  bool operator==(const PositionStatus&) const = default;
};

// The state of a position (established on `established_on`) on the day `on`, from all its
// assignments (any order; those starting after `on`, and those ending before they start,
// are ignored). Two assignments "run on" when the second starts on or before the day after
// the first ends.
//   filled  a definitive assignment covers `on`; since = the first day of the unbroken run
//           of definitive coverage containing `on`. A Plh (or Plt) covering `on` as well
//           keeps the post filled and is listed in acting_assignment_ids.
//   acting  no definitive but a Plt or Plh covers `on`; since = the first day of the
//           unbroken run of Plt/Plh coverage containing `on`, but not before
//           without_definitive_since (a Plh that started while the definitive holder was
//           still in office does not date the acting state back into that tenure).
//   vacant  nothing covers `on`; since = the day after the latest coverage of any kind ended.
// without_definitive_since (acting and vacant) is the day after the last definitive
// coverage ended, or established_on when the post never had a definitive holder. No date
// of the result is earlier than established_on (or `on`, when `on` is earlier still). When
// several definitive assignments cover `on` (inconsistent data), definitive_assignment_id
// names the one that started last.
PositionStatus position_status(std::span<const AssignmentSpan> assignments, Date established_on, Date on);

// A new assignment, or a changed one (then `id` is set and that row is left out of the
// overlap checks).
struct AssignmentCandidate {
  std::optional<std::int64_t> id;
  std::int64_t person_id = 0;
  std::int64_t position_id = 0;
  AssignmentKind kind = AssignmentKind::definitive;
  Date starts_on;
  std::optional<Date> ends_on;  // inclusive; empty = open-ended
};

// A recorded assignment with the names its conflict messages quote.
struct ExistingAssignment {
  AssignmentSpan span;
  std::int64_t position_id = 0;
  std::string position_title;  // "Kepala Dinas Kesehatan"
  std::string person_name;     // "Budi Santoso"
};

// The problems of recording `candidate`, given the assignments of its position
// (`same_position`) and of its person (`same_person`); an assignment may appear in both.
// Periods overlap when they share at least one day (both ends inclusive, an open end
// running forever).
//   ends_on    ends before it starts (then nothing else is checked);
//   starts_on  a definitive overlapping another person's definitive on the position, or a
//              Plt overlapping another Plt (a Plh another Plh) on the position;
//   person_id  the person already holds a definitive position elsewhere in an overlapping
//              period (one definitive post at a time; extra Plt/Plh posts are fine), or is
//              already assigned to this position (any kind) in an overlapping period.
// A Plt or Plh beside another person's definitive tenure, and a Plt beside a Plh, are fine.
// Messages name the other holder or position and the period ("2023-01-02 s.d. sekarang").
std::vector<FieldError> check_assignment(const AssignmentCandidate& candidate,
                                         std::span<const ExistingAssignment> same_position,
                                         std::span<const ExistingAssignment> same_person);

}  // namespace sinergi::organization
