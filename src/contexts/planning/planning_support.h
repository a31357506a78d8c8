#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "contexts/planning/planning_service.h"
#include "platform/audit/audit_log.h"
#include "platform/auth/permissions.h"

// Helpers shared by the planning service's translation units (planning_service.cpp,
// planning_views.cpp); not part of the context's interface.

namespace sinergi::planning::support {

Result<RegionId> region_of(const auth::Principal& caller);
Result<void> validation_result(std::vector<FieldError> errors);
Error stale_version(std::string_view what_id, std::string_view what_en);
Error not_found(std::string_view what_id);
// Refused with a field error in both languages (409).
Error conflict(std::string field, std::string message_id, std::string message_en);

// The agencies of a region by id and by code.
struct Agencies {
  std::unordered_map<std::int64_t, AgencyInfo> by_id;
  std::unordered_map<std::string, AgencyInfo> by_code;

  std::optional<std::string> code_of(const std::optional<AgencyId>& id) const;
};
Result<Agencies> load_agencies(const AgencyDirectory& directory, RegionId region);

// Everything of one plan, as stored.
struct LoadedPlan {
  PlanRecord plan;
  std::vector<NodeRecord> priorities;
  std::vector<NodeRecord> nodes;
  std::vector<LinkRecord> links;
  std::vector<IndicatorRecord> indicators;
  std::unordered_map<std::int64_t, const NodeRecord*> node_by_id;  // plan nodes and priorities

  const NodeRecord* find(NodeId id) const;
};
// NotFound when the plan is not the region's. The node index points into the returned value:
// keep it where it is (do not copy).
Result<void> load_plan(PlanningStore& store, RegionId region, PlanId plan, LoadedPlan& loaded);
Result<PlanRecord> find_plan(PlanningStore& store, RegionId region, PlanId plan);

NodeSummary summary_of(const NodeRecord& node, const Agencies& agencies);
NodeView view_of(const NodeRecord& node, const Agencies& agencies);
IndicatorView view_of(const IndicatorRecord& indicator, const NodeRecord& node, const Agencies& agencies);
PlanCounts count(const std::vector<NodeRecord>& nodes, const std::vector<IndicatorRecord>& indicators);
Cascade cascade_of(const LoadedPlan& loaded, const Agencies& agencies);

// The audit event of a change by `caller` in `region`.
audit::AuditEvent event(const auth::Principal& caller, RegionId region, std::string action,
                        std::string entity_type, std::string entity_id,
                        std::vector<audit::FieldChange> changes, const CallContext& context);

}  // namespace sinergi::planning::support
