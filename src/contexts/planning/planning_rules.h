#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contexts/planning/nomenclature.h"
#include "contexts/planning/planning_service.h"
#include "contexts/planning/planning_support.h"

// The validation rules of plan nodes and indicators, shared by the service (one change at a
// time) and the spreadsheet import (a whole file), so a row of a file is checked exactly as
// the same change in a form. Not part of the context's interface.

namespace sinergi::planning::support {

inline constexpr std::size_t kMaxCodeCharacters = 32;
inline constexpr std::size_t kMaxTitleCharacters = 1000;
inline constexpr std::size_t kMaxPlanTitleCharacters = 250;
inline constexpr std::size_t kMaxLongTextCharacters = 4000;
inline constexpr std::size_t kMaxNameCharacters = 500;
inline constexpr std::size_t kMaxUnitCharacters = 60;
inline constexpr int kMinBaselineYear = 1990;

// Programs, activities and sub-activities: coded by Permendagri 90/2019.
bool is_nomenclature_kind(PlanNodeKind kind);
// The levels an agency owns (Renstra and its programs).
bool is_agency_kind(PlanNodeKind kind);

// The hierarchy parent a kind takes, and whether it must have one.
struct ParentRule {
  std::optional<PlanNodeKind> kind;
  bool required = false;
};
ParentRule parent_rule(PlanNodeKind kind);
std::optional<NomenclatureLevel> nomenclature_level(PlanNodeKind kind);

// Free codes of the region levels ("M1", "T1.1", "SD-DINKES-1.1"): 1..32 letters, digits, '.', '-', '_'.
void check_free_code(const std::string& code, std::vector<FieldError>& errors);
// Checks a nomenclature code for `kind` under `parent`; returns the field code to store.
std::optional<std::string> check_nomenclature_code(PlanNodeKind kind, const std::string& code,
                                                   const NodeRecord* parent, std::vector<FieldError>& errors);

// The kind of a new plan node (every kind but national_priority), the error under "kind".
std::optional<PlanNodeKind> parse_new_node_kind(std::string_view text, std::vector<FieldError>& errors);

// A new node of `plan`: kind, its parent (already found, or null), code and title checked,
// the agency inherited from the parent or named by `agency_code`. Field errors under
// parent_id, agency_code, code and title. `parent_unresolved`: a parent was named but not
// found (the caller reported it), so no parent error is added. Uniqueness of the code is the
// caller's check.
NodeRecord build_node(PlanId plan, PlanNodeKind kind, const NodeRecord* parent, bool parent_unresolved,
                      const std::string& code, const std::string& title,
                      const std::optional<std::string>& agency_code, const Agencies& agencies,
                      std::vector<FieldError>& errors);

Result<void> require_action(const auth::Principal& caller, auth::Action action, RegionId region,
                            std::optional<AgencyId> agency = std::nullopt);
// Who may change `node`: the planning agency for region levels, the agency's roles for its own.
Result<void> require_node_manager(const auth::Principal& caller, RegionId region, const NodeRecord& node);

bool same_targets(const std::vector<Target>& a, const std::vector<Target>& b);
std::optional<Decimal> decimal_field(const std::optional<std::string>& text, const std::string& field,
                                     std::vector<FieldError>& errors);
// The targets as typed, checked within the period; ordered by year.
std::vector<Target> build_targets(const std::vector<TargetDraft>& drafts, const PlanPeriod& period,
                                  std::vector<FieldError>& errors);
void check_optional_text(const std::string& text, std::size_t max_characters, std::string_view field,
                         std::vector<FieldError>& errors);
// The indicator a draft describes, on `node` of a plan covering `period`.
IndicatorRecord build_indicator(const IndicatorDraft& draft, const NodeRecord& node, const PlanPeriod& period,
                                const Agencies& agencies, std::vector<FieldError>& errors);

// The plan's nodes and the national priorities, and its links, as the pure alignment checks take them.
std::vector<PlanNode> plain_nodes(const LoadedPlan& loaded);
std::vector<AlignmentLink> plain_links(const std::vector<LinkRecord>& links);
// A link weight as typed: above 0 and at most 100, or none.
std::optional<Decimal> weight_field(const std::optional<std::string>& text, std::vector<FieldError>& errors);

}  // namespace sinergi::planning::support
