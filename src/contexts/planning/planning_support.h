#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "contexts/planning/planning_service.h"
#include "core/refusals.h"
#include "platform/audit/audit_log.h"
#include "platform/auth/permissions.h"

// Helpers shared by the planning service's translation units (planning_service.cpp,
// planning_views.cpp); not part of the context's interface.

namespace sinergi::planning::support {

Result<RegionId> region_of(const auth::Principal& caller);
using sinergi::conflict;
using sinergi::not_found;
using sinergi::stale_version;
using sinergi::validation_result;

// The agencies of a region by id and by code.
struct Agencies {
  std::unordered_map<std::int64_t, AgencyInfo> by_id;
  std::unordered_map<std::string, AgencyInfo> by_code;

  std::optional<std::string> code_of(const std::optional<AgencyId>& id) const;
};
Result<Agencies> load_agencies(const AgencyDirectory& directory, RegionId region);

// The cascade of one plan as stored: what the tree and the report are computed from. Shared,
// immutable once built (it may sit in the PlanCache while requests read it).
struct PlanContent {
  std::vector<NodeRecord> nodes;
  std::vector<LinkRecord> links;
  std::vector<IndicatorRecord> indicators;
  std::unordered_map<std::int64_t, const NodeRecord*> node_by_id;  // into nodes
};

// Cascades read recently, keyed by plan and the content_version they were read at. A plan of
// 5,000 sub-activities takes ~150 ms to read back from SQLite and ~2 ms to compute on, so the
// tree and the report reuse what they read until a change moves content_version (every
// change does, in its transaction: touch_plan). Thread-safe.
class PlanCache {
 public:
  std::shared_ptr<const PlanContent> find(PlanId plan, std::int64_t content_version) const;
  void put(PlanId plan, std::int64_t content_version, std::shared_ptr<const PlanContent> content);

 private:
  static constexpr std::size_t kMaxPlans = 32;
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, std::pair<std::int64_t, std::shared_ptr<const PlanContent>>> entries_;
};

// Everything of one plan: its record and the national priorities (always read fresh) and its
// content (from the cache when still current).
struct LoadedPlan {
  PlanRecord plan;
  std::vector<NodeRecord> priorities;
  std::unordered_map<std::int64_t, const NodeRecord*> priority_by_id;  // into priorities
  std::shared_ptr<const PlanContent> content;

  const std::vector<NodeRecord>& nodes() const { return content->nodes; }
  const std::vector<LinkRecord>& links() const { return content->links; }
  const std::vector<IndicatorRecord>& indicators() const { return content->indicators; }
  // A plan node or a national priority.
  const NodeRecord* find(NodeId id) const;
};
// NotFound when the plan is not the region's. With a cache, the content is reused when its
// content_version is current (reads only: changes pass no cache). The priority index points
// into the returned value: keep it where it is (do not copy).
Result<void> load_plan(PlanningStore& store, RegionId region, PlanId plan, LoadedPlan& loaded,
                       PlanCache* cache = nullptr);
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
