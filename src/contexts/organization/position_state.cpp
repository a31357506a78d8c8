#include "contexts/organization/position_state.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

namespace sinergi::organization {
namespace {

constexpr std::chrono::days kOneDay{1};
// Stands for an open end; far beyond every date the parsers accept, and safe to add a day to.
constexpr Date kOpenEnd = Date{std::chrono::year{9999} / std::chrono::December / std::chrono::day{31}};

// A closed range of days.
struct Interval {
  Date first;
  Date last;
};

Date last_day(const std::optional<Date>& ends_on) {
  return ends_on.value_or(kOpenEnd);
}

bool covers(const Interval& interval, Date day) {
  return interval.first <= day && day <= interval.last;
}

bool covers(const AssignmentSpan& span, Date day) {
  return covers(Interval{span.starts_on, last_day(span.ends_on)}, day);
}

// The first day of the run of `intervals` (merged when one starts on or before the day after
// the previous ends) that contains `day`, if any does.
std::optional<Date> run_start(std::vector<Interval> intervals, Date day) {
  std::sort(intervals.begin(), intervals.end(),
            [](const Interval& left, const Interval& right) { return left.first < right.first; });
  std::optional<Interval> run;
  for (const Interval& interval : intervals) {
    if (run && interval.first <= run->last + kOneDay) {
      run->last = std::max(run->last, interval.last);
      continue;
    }
    if (run && covers(*run, day)) {
      return run->first;
    }
    run = interval;
  }
  if (run && covers(*run, day)) {
    return run->first;
  }
  return std::nullopt;
}

// The day after the latest of `intervals` that ended before `day`.
std::optional<Date> day_after_last_end_before(const std::vector<Interval>& intervals, Date day) {
  std::optional<Date> result;
  for (const Interval& interval : intervals) {
    if (interval.last < day && (!result || interval.last + kOneDay > *result)) {
      result = interval.last + kOneDay;
    }
  }
  return result;
}

bool overlap(Date first_start, const std::optional<Date>& first_end, Date second_start,
             const std::optional<Date>& second_end) {
  return first_start <= last_day(second_end) && second_start <= last_day(first_end);
}

std::string period_id(Date starts_on, const std::optional<Date>& ends_on) {
  return format_iso_date(starts_on) + " s.d. " + (ends_on ? format_iso_date(*ends_on) : "sekarang");
}

std::string period_en(Date starts_on, const std::optional<Date>& ends_on) {
  return format_iso_date(starts_on) + " to " + (ends_on ? format_iso_date(*ends_on) : "present");
}

std::string_view kind_en(AssignmentKind kind) {
  return kind == AssignmentKind::definitive ? "definitive" : label_id(kind);
}

}  // namespace

PositionStatus position_status(std::span<const AssignmentSpan> assignments, Date established_on, Date on) {
  const Date floor = std::min(established_on, on);
  std::vector<const AssignmentSpan*> relevant;
  std::vector<Interval> definitive;
  std::vector<Interval> acting;
  std::vector<Interval> any;
  for (const AssignmentSpan& span : assignments) {
    if (span.starts_on > on || (span.ends_on && *span.ends_on < span.starts_on)) {
      continue;
    }
    relevant.push_back(&span);
    const Interval interval{span.starts_on, last_day(span.ends_on)};
    (span.kind == AssignmentKind::definitive ? definitive : acting).push_back(interval);
    any.push_back(interval);
  }

  PositionStatus status;
  const AssignmentSpan* holder = nullptr;
  std::vector<const AssignmentSpan*> acting_holders;
  for (const AssignmentSpan* span : relevant) {
    if (!covers(*span, on)) {
      continue;
    }
    if (span->kind != AssignmentKind::definitive) {
      acting_holders.push_back(span);
    } else if (holder == nullptr ||
               std::tie(span->starts_on, span->id) > std::tie(holder->starts_on, holder->id)) {
      holder = span;
    }
  }
  std::sort(acting_holders.begin(), acting_holders.end(),
            [](const AssignmentSpan* left, const AssignmentSpan* right) {
              const bool left_plt = left->kind == AssignmentKind::acting;
              const bool right_plt = right->kind == AssignmentKind::acting;
              return std::tie(right_plt, left->starts_on, left->id) <
                     std::tie(left_plt, right->starts_on, right->id);
            });
  for (const AssignmentSpan* span : acting_holders) {
    status.acting_assignment_ids.push_back(span->id);
  }

  if (holder != nullptr) {
    status.state = PositionState::filled;
    status.definitive_assignment_id = holder->id;
    status.since = std::max(run_start(definitive, on).value_or(holder->starts_on), floor);
  } else {
    const Date without_definitive =
        std::max(day_after_last_end_before(definitive, on).value_or(established_on), floor);
    status.without_definitive_since = without_definitive;
    status.days_without_definitive = days_between(without_definitive, on);
    if (!acting_holders.empty()) {
      status.state = PositionState::acting;
      status.since = std::max(run_start(acting, on).value_or(on), without_definitive);
    } else {
      status.state = PositionState::vacant;
      status.since = std::max(day_after_last_end_before(any, on).value_or(established_on), floor);
    }
  }
  status.days_in_state = days_between(status.since, on);
  return status;
}

std::vector<FieldError> check_assignment(const AssignmentCandidate& candidate,
                                         std::span<const ExistingAssignment> same_position,
                                         std::span<const ExistingAssignment> same_person) {
  std::vector<FieldError> errors;
  if (candidate.ends_on && *candidate.ends_on < candidate.starts_on) {
    errors.push_back(
        FieldError{"ends_on",
                   fmt::format("tanggal selesai {} sebelum tanggal mulai {}",
                               format_iso_date(*candidate.ends_on), format_iso_date(candidate.starts_on)),
                   fmt::format("the end date {} is before the start date {}",
                               format_iso_date(*candidate.ends_on), format_iso_date(candidate.starts_on))});
    return errors;
  }

  auto is_candidate = [&](const ExistingAssignment& existing) {
    return candidate.id && existing.span.id == *candidate.id;
  };
  auto overlaps_candidate = [&](const ExistingAssignment& existing) {
    return overlap(candidate.starts_on, candidate.ends_on, existing.span.starts_on, existing.span.ends_on);
  };
  std::set<std::int64_t> reported;  // assignments of the same person on the same position
  auto report_same_person_here = [&](const ExistingAssignment& existing) {
    if (!reported.insert(existing.span.id).second) {
      return;
    }
    const AssignmentSpan& span = existing.span;
    errors.push_back(FieldError{
        "person_id",
        fmt::format("{} sudah ditugaskan pada jabatan {} ({}, {})", existing.person_name,
                    existing.position_title, label_id(span.kind), period_id(span.starts_on, span.ends_on)),
        fmt::format("{} is already assigned to {} ({}, {})", existing.person_name, existing.position_title,
                    kind_en(span.kind), period_en(span.starts_on, span.ends_on))});
  };

  for (const ExistingAssignment& existing : same_position) {
    if (is_candidate(existing) || existing.position_id != candidate.position_id ||
        !overlaps_candidate(existing)) {
      continue;
    }
    const AssignmentSpan& span = existing.span;
    if (span.person_id == candidate.person_id) {
      report_same_person_here(existing);
      continue;
    }
    if (span.kind != candidate.kind) {
      continue;
    }
    if (span.kind == AssignmentKind::definitive) {
      errors.push_back(FieldError{"starts_on",
                                  fmt::format("bertumpang tindih dengan jabatan definitif {} {}",
                                              existing.person_name, period_id(span.starts_on, span.ends_on)),
                                  fmt::format("overlaps the definitive tenure of {} {}", existing.person_name,
                                              period_en(span.starts_on, span.ends_on))});
    } else {
      errors.push_back(
          FieldError{"starts_on",
                     fmt::format("bertumpang tindih dengan {} {} {}", label_id(span.kind),
                                 existing.person_name, period_id(span.starts_on, span.ends_on)),
                     fmt::format("overlaps the {} of {} {}", label_id(span.kind), existing.person_name,
                                 period_en(span.starts_on, span.ends_on))});
    }
  }

  for (const ExistingAssignment& existing : same_person) {
    if (is_candidate(existing) || existing.span.person_id != candidate.person_id ||
        !overlaps_candidate(existing)) {
      continue;
    }
    const AssignmentSpan& span = existing.span;
    if (existing.position_id == candidate.position_id) {
      report_same_person_here(existing);
      continue;
    }
    if (candidate.kind == AssignmentKind::definitive && span.kind == AssignmentKind::definitive) {
      errors.push_back(FieldError{
          "person_id",
          fmt::format(
              "{} sudah memegang jabatan definitif {} {}; seorang pegawai hanya memegang satu jabatan "
              "definitif pada satu waktu",
              existing.person_name, existing.position_title, period_id(span.starts_on, span.ends_on)),
          fmt::format("{} already holds the definitive position {} {}; a person holds one definitive "
                      "position at a time",
                      existing.person_name, existing.position_title,
                      period_en(span.starts_on, span.ends_on))});
    }
  }
  return errors;
}

}  // namespace sinergi::organization
