#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/planning/alignment.h"
#include "contexts/planning/target.h"

// The alignment report of a plan (issue 5): every break in the cascade from national
// priorities down to sub-activities, and synergy hints between agencies. Pure code over the
// plan as loaded; the service adds paging and names.

namespace sinergi::planning {

// In report order.
enum class FindingKind {
  mission_without_priority,    // a region mission or goal aligned to no national priority
  objective_without_program,   // a region objective no program reaches
  unaligned_agency_objective,  // an agency objective aligned to no region objective
  unaligned_program,           // a program with no path to a region objective
  unaligned_sub_activity,      // a sub-activity with no path to a region objective
  agency_not_connected,        // an agency none of whose programs reaches a region objective
  weights,                     // incoming weights incomplete or not summing to 100
  indicator_missing_target,
  indicator_missing_baseline,
  indicator_missing_source,
  synergy_hint,  // two programs of different agencies that look alike
};
inline constexpr FindingKind kFindingKinds[] = {FindingKind::mission_without_priority,
                                                FindingKind::objective_without_program,
                                                FindingKind::unaligned_agency_objective,
                                                FindingKind::unaligned_program,
                                                FindingKind::unaligned_sub_activity,
                                                FindingKind::agency_not_connected,
                                                FindingKind::weights,
                                                FindingKind::indicator_missing_target,
                                                FindingKind::indicator_missing_baseline,
                                                FindingKind::indicator_missing_source,
                                                FindingKind::synergy_hint};
std::string_view name(FindingKind kind);
std::optional<FindingKind> parse_finding_kind(std::string_view text);

struct ReportNode {
  std::int64_t id = 0;
  PlanNodeKind kind = PlanNodeKind::program;
  std::string code;
  std::string title;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> parent_id;
};

struct ReportIndicator {
  std::int64_t id = 0;
  std::int64_t node = 0;
  std::string name;
  bool has_baseline = false;
  bool has_source = false;
  std::vector<int> target_years;
};

struct ReportAgency {
  std::int64_t id = 0;
  std::string code;
};

struct Finding {
  FindingKind kind = FindingKind::unaligned_program;
  std::optional<std::int64_t> node;       // unset: an agency with no node in the plan
  std::optional<std::int64_t> agency_id;  // the agency concerned, when there is one
  std::string message_id;
  std::string message_en;
  std::vector<std::int64_t> related;  // other nodes: the synergy partner, a link's target
};

// Two programs are synergy hints when they belong to different agencies, neither is a
// cross-field program (X.XX, which every agency has), their codes differ, and either their
// titles or two of their indicators' names look alike: the words (lower case, Indonesian
// function words and generic planning words removed) overlap by at least this Jaccard share,
// with at least two shared words for titles and three for indicator names. Words used by more
// than a quarter of the plan's programs (and at least four) are left out as generic.
inline constexpr double kSynergyTitleShare = 0.4;
inline constexpr double kSynergyIndicatorShare = 0.6;

// The findings, ordered by kind (kFindingKinds), then by the node's code (agencies by code).
// `nodes` are the plan's nodes and the national priorities; links naming unknown nodes are
// ignored. A path to a region objective runs up the hierarchy (sub-activity -> activity ->
// program) and along links (program -> agency objective -> region objective). Indicator
// targets are expected for every year of `period`. O(n + l) plus the synergy pairs
// (programs squared, small).
std::vector<Finding> alignment_findings(const std::vector<ReportNode>& nodes,
                                        const std::vector<AlignmentLink>& links,
                                        const std::vector<ReportIndicator>& indicators,
                                        const std::vector<ReportAgency>& agencies, const PlanPeriod& period);

}  // namespace sinergi::planning
