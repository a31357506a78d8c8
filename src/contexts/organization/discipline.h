#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/organization/vocabulary.h"
#include "core/date.h"
#include "core/result.h"

// Attendance discipline under PP 94/2021 (Peraturan Pemerintah tentang Disiplin PNS): the
// sanction scale for unexcused absence and a year's summary of one person's attendance.

namespace sinergi::organization {

// One row of the scale: min_days..max_days unexcused days in a year give `sanction`.
struct SanctionLevel {
  int min_days = 0;
  std::optional<int> max_days;  // empty: and more (the last row)
  std::string sanction;         // "Teguran lisan"
  int rank = 0;                 // 1.. in table order

  bool operator==(const SanctionLevel&) const = default;
};

class DisciplineScale {
 public:
  // CSV with the header "min_days,max_days,sanction" and one row per level: min_days at
  // least 1, rows ascending and contiguous (each min_days is the previous max_days + 1),
  // only the last row open-ended (max_days empty), a non-empty sanction (the rest of the
  // line; surrounding double quotes are removed). Blank lines and a UTF-8 byte order mark
  // are ignored, CRLF line ends accepted. Any other input is ValidationFailed with one
  // FieldError per problem on the field "file", naming the line.
  static Result<DisciplineScale> parse_csv(std::string_view csv);
  // The PP 94/2021 table, parsed once from the embedded db/seed/discipline_pp94.csv.
  static const DisciplineScale& pp94();

  // The level for a year's cumulative unexcused days; nullptr below the first row.
  const SanctionLevel* level_for_days(int unexcused_days) const;
  // The open-ended last row (dismissal under PP 94/2021).
  const SanctionLevel& dismissal() const { return levels_.back(); }
  std::span<const SanctionLevel> levels() const { return levels_; }

 private:
  explicit DisciplineScale(std::vector<SanctionLevel> levels) : levels_(std::move(levels)) {}

  std::vector<SanctionLevel> levels_;  // never empty
};

// PP 94/2021 art. 11: absence without a valid reason for 10 consecutive working days is
// dismissal, whatever the year's total.
inline constexpr int kConsecutiveDaysForDismissal = 10;

struct AttendanceDay {
  Date day;
  AttendanceStatus status = AttendanceStatus::present;
  int late_minutes = 0;
};

enum class SanctionReason { cumulative_days, consecutive_days };
// "cumulative_days", "consecutive_days".
std::string_view name(SanctionReason reason);
// "jumlah hari tanpa keterangan dalam setahun", "10 hari kerja berturut-turut tanpa keterangan".
std::string_view label_id(SanctionReason reason);

struct DisciplineSummary {
  int year = 0;
  int present = 0;
  int leave = 0;
  int sick = 0;
  int official_travel = 0;
  int unexcused = 0;
  int late_minutes = 0;  // sum over the year's records
  int longest_unexcused_run = 0;
  std::optional<Date> longest_run_starts_on;  // the earliest run of that length
  const SanctionLevel* level = nullptr;       // points into the scale given
  std::optional<SanctionReason> reason;       // set exactly when level is
};

// One person's attendance records summarized for `year`. Records of other years are
// ignored; input need not be sorted; of several records for one date the last in input
// order counts.
// Level: the scale's row for the cumulative unexcused days (reason cumulative_days); but
// when the longest run reaches kConsecutiveDaysForDismissal it is the dismissal row with
// reason consecutive_days.
// A run: unexcused records ordered by date, two successive ones belonging to the same run
// when no record of another status lies between them and they are at most 4 calendar days
// apart (a weekend or a weekend plus a holiday without records does not break a run; a
// week without data does). Its length counts the unexcused records in it, i.e. the working
// days the person was expected and absent; weekend days need no record.
DisciplineSummary summarize_discipline(std::span<const AttendanceDay> days, int year,
                                       const DisciplineScale& scale);

}  // namespace sinergi::organization
